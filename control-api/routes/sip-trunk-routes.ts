// /sip-trunks: a tenant's carrier connections. Inbound: calls are admitted from the allowlisted source
// addresses (IPs or CIDR blocks) and/or with digest credentials; outbound: where calls placed through the
// trunk go (host, port, transport), with what credentials and caller id. Viewers read (trunks:read);
// admins change (trunks:write). Passwords are write-only: sealed at rest (sip/trunk-secrets.ts), never
// returned. Every change clears the admission cache (onRoutingChange) so the next INVITE sees it.
import { isIP } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { Database, Tx } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import { conflict, notFound, problemResponses, validation, type FieldError } from '../http/errors.ts';
import { ListQuery, Page, pageParams, toPage } from '../http/pagination.ts';
import { CURSOR_T, createdBefore, DateTime, NoQuery, NullableString, Uuid, cursorOf, isUniqueViolation, tenantOf } from './admin-common.ts';
import { normalizeCidr } from '../sip/cidr.ts';
import { sealTrunkPassword } from '../sip/trunk-secrets.ts';

export interface SipTrunkRouteDeps {
  db: Database;
  secretsKey: Buffer;
  /** Clears cached admission decisions (RoutingLookupService.invalidate). */
  onRoutingChange: () => void;
}

const MAX_SOURCES = 32;
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Source = Type.String({ minLength: 2, maxLength: 64, description: 'IPv4/IPv6 address or CIDR block, e.g. 203.0.113.0/24' });
const Sources = Type.Array(Source, { maxItems: MAX_SOURCES, description: 'Where inbound INVITEs may come from; empty: any source that authenticates' });
// Quoted into SIP headers: no quotes, backslashes or control characters.
const Username = Type.String({ minLength: 1, maxLength: 128, pattern: '^[^"\\\\\\u0000-\\u001f\\u007f]+$' });
const Password = Type.String({ minLength: 1, maxLength: 256, pattern: '^[^\\u0000-\\u001f\\u007f]+$' });
const Credentials = Type.Object({ username: Username, password: Password }, { additionalProperties: false });
const Host = Type.String({ minLength: 1, maxLength: 253, description: 'Host name or IP address of the carrier' });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });
const Transport = Type.Union([Type.Literal('udp'), Type.Literal('tcp')]);
const E164 = Type.String({ pattern: '^\\+[1-9][0-9]{1,14}$', description: 'Caller id of outbound calls (E.164)' });

const Trunk = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    inboundSources: Type.Array(Type.String()),
    inboundUsername: NullableString(),
    inboundAuth: Type.Boolean({ description: 'Inbound INVITEs must authenticate (digest)' }),
    outboundHost: NullableString(),
    outboundPort: Type.Integer(),
    outboundTransport: Type.String(),
    outboundUsername: NullableString(),
    outboundAuth: Type.Boolean({ description: 'Outbound calls answer digest challenges with stored credentials' }),
    fromNumber: NullableString(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const CreateBody = Type.Object(
  {
    name: Name,
    inboundSources: Type.Optional(Sources),
    inboundAuth: Type.Optional(Type.Union([Credentials, Type.Null()])),
    outboundHost: Type.Optional(Type.Union([Host, Type.Null()])),
    outboundPort: Type.Optional(Port),
    outboundTransport: Type.Optional(Transport),
    outboundAuth: Type.Optional(Type.Union([Credentials, Type.Null()])),
    fromNumber: Type.Optional(Type.Union([E164, Type.Null()])),
  },
  { additionalProperties: false },
);
const PatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    inboundSources: Type.Optional(Sources),
    inboundAuth: Type.Optional(Type.Union([Credentials, Type.Null()], { description: 'null removes the inbound credentials' })),
    outboundHost: Type.Optional(Type.Union([Host, Type.Null()])),
    outboundPort: Type.Optional(Port),
    outboundTransport: Type.Optional(Transport),
    outboundAuth: Type.Optional(Type.Union([Credentials, Type.Null()], { description: 'null removes the outbound credentials' })),
    fromNumber: Type.Optional(Type.Union([E164, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
type Body = Static<typeof PatchBody>;

interface TrunkRow {
  id: string;
  tenant_id: string;
  name: string;
  inbound_cidrs: string[];
  inbound_username: string | null;
  inbound_auth: boolean;
  outbound_host: string | null;
  outbound_port: number;
  outbound_transport: string;
  outbound_username: string | null;
  outbound_auth: boolean;
  from_number: string | null;
  created_at: Date;
  updated_at: Date;
  cursor_t: string;
}
// cidr[] comes back as text[] (the client has no parser for cidr arrays); passwords never leave the database here.
const columns = (tx: Tx) => tx`id, tenant_id, name, inbound_cidrs::text[] as inbound_cidrs, inbound_username, inbound_password_encrypted is not null as inbound_auth,
  outbound_host, outbound_port, outbound_transport, outbound_username, outbound_password_encrypted is not null as outbound_auth, from_number,
  created_at, updated_at, ${tx.unsafe(CURSOR_T)} as cursor_t`;

const toTrunk = (t: TrunkRow) => ({
  id: t.id,
  name: t.name,
  inboundSources: t.inbound_cidrs,
  inboundUsername: t.inbound_username,
  inboundAuth: t.inbound_auth,
  outboundHost: t.outbound_host,
  outboundPort: t.outbound_port,
  outboundTransport: t.outbound_transport,
  outboundUsername: t.outbound_username,
  outboundAuth: t.outbound_auth,
  fromNumber: t.from_number,
  createdAt: t.created_at.toISOString(),
  updatedAt: t.updated_at.toISOString(),
});

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** Normalizes sources and checks the host; collects field errors instead of failing on the first. */
function checkBody(b: Body): { sources: string[] | undefined; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let sources: string[] | undefined;
  if (b.inboundSources) {
    sources = [];
    b.inboundSources.forEach((s, i) => {
      const n = normalizeCidr(s);
      if (n === undefined) errors.push({ in: 'body', path: `/inboundSources/${i}`, message: 'is not an IP address or CIDR block' });
      else if (!sources!.includes(n)) sources!.push(n);
    });
  }
  if (typeof b.outboundHost === 'string') {
    const h = b.outboundHost.replace(/^\[(.*)\]$/, '$1');
    if (isIP(h) === 0 && !HOSTNAME.test(h)) errors.push({ in: 'body', path: '/outboundHost', message: 'is not a host name or IP address' });
  }
  return { sources, errors };
}

/** A trunk must admit calls (sources or credentials) or place them (a host): else it is a mistake. */
function usable(r: Pick<TrunkRow, 'inbound_cidrs' | 'inbound_auth' | 'outbound_host'>): boolean {
  return r.inbound_cidrs.length > 0 || r.inbound_auth || r.outbound_host !== null;
}
const unusable = () => validation([{ in: 'body', path: '', message: 'a trunk needs inboundSources, inboundAuth or an outboundHost' }]);

export function sipTrunkRoutes(d: SipTrunkRouteDeps): FastifyPluginAsync {
  const nameTaken = (name: string | undefined) => conflict(`a SIP trunk named "${name}" exists in this tenant`);
  const seal = (pw: string, tenant: string, id: string, dir: 'inbound' | 'outbound') => sealTrunkPassword(pw, d.secretsKey, tenant, id, dir);

  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const read = [requireRole('viewer'), requireScope('trunks:read')];
    const write = [requireRole('admin'), requireScope('trunks:write')];

    r.get('/sip-trunks', {
      onRequest: read,
      schema: {
        tags: ['sip-trunks'],
        summary: "List the tenant's SIP trunks, newest first",
        querystring: ListQuery({ name: Type.Optional(Type.String({ maxLength: 100, description: 'Exact name' })) }),
        response: { 200: Page(Trunk), ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const { limit, after } = pageParams(req.query);
      const rows = await d.db.withTenant(tenant, (tx) => tx<TrunkRow[]>`
        select ${columns(tx)} from sip_trunks where tenant_id = ${tenant}
          ${req.query.name ? tx`and name = ${req.query.name}` : tx``}
          and ${createdBefore(tx, after)}
        order by created_at desc, id desc limit ${limit + 1}`, { readOnly: true });
      return toPage(rows, limit, cursorOf, toTrunk);
    });

    r.post('/sip-trunks', {
      onRequest: write,
      schema: {
        tags: ['sip-trunks'],
        summary: 'Add a SIP trunk',
        description: 'Inbound INVITEs are admitted from `inboundSources` and, when `inboundAuth` is set, only after a digest challenge (MD5 or SHA-256). Outbound calls go to `outboundHost`.',
        body: CreateBody,
        response: { 201: Trunk, ...problemResponses(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const b = req.body;
      const { sources, errors } = checkBody(b);
      if (errors.length > 0) throw validation(errors);
      const cidrs = sources ?? [];
      if (!usable({ inbound_cidrs: cidrs, inbound_auth: !!b.inboundAuth, outbound_host: b.outboundHost ?? null })) throw unusable();
      const id = randomUUID();
      let row: TrunkRow;
      try {
        row = await d.db.withTenant(tenant, async (tx) => {
          const [t] = await tx<TrunkRow[]>`
            insert into sip_trunks (id, tenant_id, name, inbound_cidrs, inbound_username, inbound_password_encrypted, outbound_host, outbound_port,
                                    outbound_transport, outbound_username, outbound_password_encrypted, from_number)
            values (${id}, ${tenant}, ${b.name}, ${cidrs}::text[]::cidr[], ${b.inboundAuth?.username ?? null},
                    ${b.inboundAuth ? seal(b.inboundAuth.password, tenant, id, 'inbound') : null}, ${b.outboundHost ?? null}, ${b.outboundPort ?? 5060},
                    ${b.outboundTransport ?? 'udp'}, ${b.outboundAuth?.username ?? null},
                    ${b.outboundAuth ? seal(b.outboundAuth.password, tenant, id, 'outbound') : null}, ${b.fromNumber ?? null})
            returning ${columns(tx)}`;
          return t;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(b.name);
        throw err;
      }
      d.onRoutingChange();
      return reply.code(201).send(toTrunk(row));
    });

    r.get('/sip-trunks/:id', {
      onRequest: read,
      schema: { tags: ['sip-trunks'], summary: 'One SIP trunk', params: IdParams, querystring: NoQuery, response: { 200: Trunk, ...problemResponses(401, 403, 404) } },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const [row] = await d.db.withTenant(tenant, (tx) => tx<TrunkRow[]>`select ${columns(tx)} from sip_trunks where tenant_id = ${tenant} and id = ${req.params.id}`, { readOnly: true });
      if (!row) throw notFound('no such SIP trunk');
      return toTrunk(row);
    });

    r.patch('/sip-trunks/:id', {
      onRequest: write,
      schema: {
        tags: ['sip-trunks'],
        summary: 'Change a SIP trunk (fields given replace; credentials are replaced whole, null removes them)',
        params: IdParams,
        body: PatchBody,
        response: { 200: Trunk, ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const id = req.params.id;
      const b = req.body;
      const { sources, errors } = checkBody(b);
      if (errors.length > 0) throw validation(errors);
      let row: TrunkRow | null;
      try {
        row = await d.db.withTenant(tenant, async (tx) => {
          const [cur] = await tx<TrunkRow[]>`select ${columns(tx)} from sip_trunks where tenant_id = ${tenant} and id = ${id} for update`;
          if (!cur) return null;
          const set: Record<string, unknown> = {};
          if (b.name !== undefined) set.name = b.name;
          if (b.outboundHost !== undefined) set.outbound_host = b.outboundHost;
          if (b.outboundPort !== undefined) set.outbound_port = b.outboundPort;
          if (b.outboundTransport !== undefined) set.outbound_transport = b.outboundTransport;
          if (b.fromNumber !== undefined) set.from_number = b.fromNumber;
          if (b.inboundAuth !== undefined) {
            set.inbound_username = b.inboundAuth?.username ?? null;
            set.inbound_password_encrypted = b.inboundAuth ? seal(b.inboundAuth.password, tenant, id, 'inbound') : null;
          }
          if (b.outboundAuth !== undefined) {
            set.outbound_username = b.outboundAuth?.username ?? null;
            set.outbound_password_encrypted = b.outboundAuth ? seal(b.outboundAuth.password, tenant, id, 'outbound') : null;
          }
          const next = {
            inbound_cidrs: sources ?? cur.inbound_cidrs,
            inbound_auth: b.inboundAuth !== undefined ? b.inboundAuth !== null : cur.inbound_auth,
            outbound_host: b.outboundHost !== undefined ? b.outboundHost : cur.outbound_host,
          };
          if (!usable(next)) throw unusable();
          // (postgres.js reads the helper's kind from the SQL before it: the set list stays right after `set`.)
          if (sources) await tx`update sip_trunks set inbound_cidrs = ${sources}::text[]::cidr[] where tenant_id = ${tenant} and id = ${id}`;
          const keys = Object.keys(set);
          if (keys.length > 0) await tx`update sip_trunks set ${tx(set as Record<string, never>, keys as never[])} where tenant_id = ${tenant} and id = ${id}`;
          const [t] = await tx<TrunkRow[]>`select ${columns(tx)} from sip_trunks where tenant_id = ${tenant} and id = ${id}`;
          return t;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(b.name);
        throw err;
      }
      if (!row) throw notFound('no such SIP trunk');
      d.onRoutingChange();
      return toTrunk(row);
    });

    r.delete('/sip-trunks/:id', {
      onRequest: write,
      schema: { tags: ['sip-trunks'], summary: 'Remove a SIP trunk', params: IdParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const rows = await d.db.withTenant(tenant, (tx) => tx`delete from sip_trunks where tenant_id = ${tenant} and id = ${req.params.id} returning id`);
      if (rows.length === 0) throw notFound('no such SIP trunk');
      d.onRoutingChange();
      return reply.code(204).send(null);
    });
  };
}
