// /phone-numbers: which numbers a tenant answers and which agent config takes the call. Viewers read
// (numbers:read); admins change (numbers:write). A number is unique across the installation: one another
// tenant holds is a 409 (RLS hides that row, the unique constraint does not). Every change clears the
// routing cache (onRoutingChange), so the next call to the number routes to the new agent.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database, Tx } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import { conflict, notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Page, pageParams, toPage } from '../http/pagination.ts';
import { CURSOR_T, createdBefore, DateTime, NullableString, Uuid, cursorOf, isUniqueViolation, tenantOf } from './admin-common.ts';

export interface PhoneNumberRouteDeps {
  db: Database;
  /** Clears the routing cache (RoutingLookupService.invalidate). */
  onRoutingChange: () => void;
}

const E164 = Type.String({ pattern: '^(\\*|\\+[1-9]\\d{1,14})$', description: "E.164 (+15551234567), or '*': the catch-all for numbers nobody holds" });
const Provider = Type.Union([Type.Literal('twilio'), Type.Literal('sip')]);

const PhoneNumber = Type.Object(
  {
    id: Type.String(),
    e164: Type.String(),
    agentConfigId: NullableString(),
    provider: Type.String(),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

interface NumberRow {
  id: string;
  e164: string;
  agent_config_id: string | null;
  provider: string;
  created_at: Date;
  cursor_t: string;
}
const toNumber = (p: NumberRow) => ({ id: p.id, e164: p.e164, agentConfigId: p.agent_config_id, provider: p.provider, createdAt: p.created_at.toISOString() });
const columns = (tx: Tx) => tx`id, e164, agent_config_id, provider, created_at, ${tx.unsafe(CURSOR_T)} as cursor_t`;

/** An agent config of this tenant (RLS: another tenant's is not found) — else 404, as for any foreign id. */
async function assertAgentConfig(tx: Tx, tenant: string, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const [a] = await tx`select id from agent_configs where tenant_id = ${tenant} and id = ${id}`;
  if (!a) throw notFound('no such agent config');
}

export function phoneNumberRoutes(d: PhoneNumberRouteDeps): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const read = [requireRole('viewer'), requireScope('numbers:read')];
    const write = [requireRole('admin'), requireScope('numbers:write')];

    r.get('/phone-numbers', {
      onRequest: read,
      schema: {
        tags: ['phone-numbers'],
        summary: "List the tenant's numbers, newest first",
        querystring: ListQuery({ agentConfigId: Type.Optional(Uuid), provider: Type.Optional(Provider) }),
        response: { 200: Page(PhoneNumber), ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const { limit, after } = pageParams(req.query);
      const { agentConfigId, provider } = req.query;
      const rows = await d.db.withTenant(tenant, (tx) => tx<NumberRow[]>`
        select ${columns(tx)} from phone_numbers where tenant_id = ${tenant}
          ${agentConfigId ? tx`and agent_config_id = ${agentConfigId}` : tx``}
          ${provider ? tx`and provider = ${provider}` : tx``}
          and ${createdBefore(tx, after)}
        order by created_at desc, id desc limit ${limit + 1}`, { readOnly: true });
      return toPage(rows, limit, cursorOf, toNumber);
    });

    r.post('/phone-numbers', {
      onRequest: write,
      schema: {
        tags: ['phone-numbers'],
        summary: 'Add a number and (optionally) the agent config that answers it',
        body: Type.Object(
          { e164: E164, agentConfigId: Type.Optional(Type.Union([Uuid, Type.Null()])), provider: Type.Optional(Provider) },
          { additionalProperties: false },
        ),
        response: { 201: PhoneNumber, ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const b = req.body;
      let row: NumberRow;
      try {
        row = await d.db.withTenant(tenant, async (tx) => {
          await assertAgentConfig(tx, tenant, b.agentConfigId);
          const [p] = await tx<NumberRow[]>`insert into phone_numbers (tenant_id, e164, agent_config_id, provider)
            values (${tenant}, ${b.e164}, ${b.agentConfigId ?? null}, ${b.provider ?? 'twilio'}) returning ${columns(tx)}`;
          return p;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`${b.e164} is already in use`);
        throw err;
      }
      d.onRoutingChange();
      return reply.code(201).send(toNumber(row));
    });

    r.patch('/phone-numbers/:id', {
      onRequest: write,
      schema: {
        tags: ['phone-numbers'],
        summary: 'Point a number at another agent config (null: none — calls to it are refused)',
        params: IdParams,
        body: Type.Object({ agentConfigId: Type.Optional(Type.Union([Uuid, Type.Null()])), provider: Type.Optional(Provider) }, { additionalProperties: false, minProperties: 1 }),
        response: { 200: PhoneNumber, ...problemResponses(400, 401, 403, 404) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const b = req.body;
      const row = await d.db.withTenant(tenant, async (tx) => {
        const [cur] = await tx`select id from phone_numbers where tenant_id = ${tenant} and id = ${req.params.id} for update`;
        if (!cur) return null;
        await assertAgentConfig(tx, tenant, b.agentConfigId);
        const set: Record<string, unknown> = {};
        if (b.agentConfigId !== undefined) set.agent_config_id = b.agentConfigId;
        if (b.provider !== undefined) set.provider = b.provider;
        const [p] = await tx<NumberRow[]>`update phone_numbers set ${tx(set as Record<string, never>, Object.keys(set) as never[])}
          where tenant_id = ${tenant} and id = ${req.params.id} returning ${columns(tx)}`;
        return p;
      });
      if (!row) throw notFound('no such phone number');
      d.onRoutingChange();
      return toNumber(row);
    });

    r.delete('/phone-numbers/:id', {
      onRequest: write,
      schema: { tags: ['phone-numbers'], summary: 'Release a number', params: IdParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const rows = await d.db.withTenant(tenant, (tx) => tx`delete from phone_numbers where tenant_id = ${tenant} and id = ${req.params.id} returning id`);
      if (rows.length === 0) throw notFound('no such phone number');
      d.onRoutingChange();
      return reply.code(204).send(null);
    });
  };
}
