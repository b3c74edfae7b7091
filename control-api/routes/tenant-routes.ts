// /tenants: the tenant lifecycle. Platform admins list, create, change and (softly) delete tenants; a
// tenant's members read their own tenant, and its admins change what uap_app may change (name, settings,
// branding). Platform work runs in withPlatform (uap_app may not touch plan/quotas/flags/status).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database, Tx } from '../db/index.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords.ts';
import { assertTenantAccess, requirePlatformAdmin, requireRole, requireScope } from '../auth/rbac.ts';
import { conflict, forbidden, notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Page, pageParams, toPage } from '../http/pagination.ts';
import { CURSOR_T, createdBefore, DateTime, JsonObject, NoQuery, Uuid, cursorOf, isUniqueViolation } from './admin-common.ts';

export interface TenantRouteDeps {
  db: Database;
  /** Called after a tenant's status changes: routing answers TENANT_SUSPENDED for inactive tenants. */
  onRoutingChange?: () => void;
}

const Status = Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('deleted')]);
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' });
const Plan = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,31}$' });
const Quotas = Type.Object({ max_concurrent_calls: Type.Integer({ minimum: 0, maximum: 100_000 }) }, { additionalProperties: false });
const FeatureFlags = Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.Boolean(), Type.String({ maxLength: 256 }), Type.Number()]), { maxProperties: 100 });

const Tenant = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    slug: Type.String(),
    plan: Type.String(),
    status: Type.String(),
    quotas: JsonObject(),
    featureFlags: JsonObject(),
    branding: JsonObject(),
    settings: JsonObject(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
const TenantParams = Type.Object({ tenantId: Uuid }, { additionalProperties: false });

interface TenantRow {
  id: string;
  name: string;
  slug: string;
  plan: string;
  status: string;
  quotas: Record<string, unknown>;
  feature_flags: Record<string, unknown>;
  branding: Record<string, unknown>;
  settings: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  cursor_t: string;
}
const toTenant = (t: TenantRow) => ({
  id: t.id,
  name: t.name,
  slug: t.slug,
  plan: t.plan,
  status: t.status,
  quotas: t.quotas,
  featureFlags: t.feature_flags,
  branding: t.branding,
  settings: t.settings,
  createdAt: t.created_at.toISOString(),
  updatedAt: t.updated_at.toISOString(),
});
const columns = (tx: Tx) => tx`id, name, slug, plan, status, quotas, feature_flags, branding, settings, created_at, updated_at, ${tx.unsafe(CURSOR_T)} as cursor_t`;

/** What a tenant admin may change (uap_app's column grants); the rest needs a platform admin. */
const TENANT_ADMIN_FIELDS = new Set(['name', 'settings', 'branding']);

export function tenantRoutes(d: TenantRouteDeps): FastifyPluginAsync {
  const changed = () => d.onRoutingChange?.();
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get('/tenants', {
      onRequest: [requirePlatformAdmin()],
      schema: {
        tags: ['tenants'],
        summary: 'List tenants, newest first (platform admins)',
        querystring: ListQuery({ status: Type.Optional(Status) }),
        response: { 200: Page(Tenant), ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const { limit, after } = pageParams(req.query);
      const status = req.query.status;
      const rows = await d.db.withPlatform((tx) => tx<TenantRow[]>`
        select ${columns(tx)} from tenants where true
          ${status ? tx`and status = ${status}` : tx``}
          and ${createdBefore(tx, after)}
        order by created_at desc, id desc limit ${limit + 1}`);
      return toPage(rows, limit, cursorOf, toTenant);
    });

    r.post('/tenants', {
      onRequest: [requirePlatformAdmin()],
      schema: {
        tags: ['tenants'],
        summary: 'Create a tenant (platform admins), optionally with its first admin user',
        body: Type.Object(
          {
            name: Name,
            slug: Slug,
            plan: Type.Optional(Plan),
            quotas: Type.Optional(Quotas),
            featureFlags: Type.Optional(FeatureFlags),
            branding: Type.Optional(JsonObject()),
            settings: Type.Optional(JsonObject()),
            admin: Type.Optional(Type.Object(
              {
                email: Type.String({ format: 'email', maxLength: 254 }),
                name: Type.Optional(Type.String({ maxLength: 200 })),
                password: Type.Optional(Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })),
              },
              { additionalProperties: false, description: 'The first admin user of the new tenant (without a password: no password login yet)' },
            )),
          },
          { additionalProperties: false },
        ),
        response: { 201: Tenant, ...problemResponses(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      const b = req.body;
      const hash = b.admin?.password ? await hashPassword(b.admin.password) : null;
      try {
        const row = await d.db.withPlatform(async (tx) => {
          const [t] = await tx<TenantRow[]>`
            insert into tenants (name, slug, plan, quotas, feature_flags, branding, settings)
            values (${b.name}, ${b.slug}, ${b.plan ?? 'free'}, ${tx.json(b.quotas ?? { max_concurrent_calls: 10 })}, ${tx.json(b.featureFlags ?? {})},
                    ${tx.json((b.branding ?? {}) as never)}, ${tx.json((b.settings ?? {}) as never)})
            returning ${columns(tx)}`;
          if (b.admin) {
            await tx`insert into users (tenant_id, email, name, password_hash, role) values (${t.id}, ${b.admin.email.toLowerCase()}, ${b.admin.name ?? ''}, ${hash}, 'admin')`;
          }
          return t;
        });
        return reply.code(201).send(toTenant(row));
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`tenant slug "${b.slug}" is taken`);
        throw err;
      }
    });

    r.get('/tenants/:tenantId', {
      onRequest: [requireRole('viewer'), requireScope('tenants:read')],
      schema: {
        tags: ['tenants'],
        summary: 'One tenant (platform admins, or members of that tenant)',
        params: TenantParams,
        querystring: NoQuery,
        response: { 200: Tenant, ...problemResponses(401, 403, 404) },
      },
    }, async (req) => {
      const actor = req.actor!;
      const id = req.params.tenantId;
      assertTenantAccess(actor, id);
      const select = (tx: Tx) => tx<TenantRow[]>`select ${columns(tx)} from tenants where id = ${id}`;
      const [row] = actor.platformAdmin ? await d.db.withPlatform(select) : await d.db.withTenant(id, select, { readOnly: true });
      if (!row) throw notFound('no such tenant');
      return toTenant(row);
    });

    r.patch('/tenants/:tenantId', {
      onRequest: [requireRole('admin'), requireScope('tenants:write')],
      schema: {
        tags: ['tenants'],
        summary: 'Change a tenant: platform admins anything; tenant admins name, settings and branding',
        description: 'Top-level fields replace the stored value (objects are not merged).',
        params: TenantParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            slug: Type.Optional(Slug),
            plan: Type.Optional(Plan),
            status: Type.Optional(Status),
            quotas: Type.Optional(Quotas),
            featureFlags: Type.Optional(FeatureFlags),
            branding: Type.Optional(JsonObject()),
            settings: Type.Optional(JsonObject()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Tenant, ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (req) => {
      const actor = req.actor!;
      const id = req.params.tenantId;
      assertTenantAccess(actor, id);
      const b = req.body;
      const platformOnly = Object.keys(b).filter((k) => !TENANT_ADMIN_FIELDS.has(k));
      if (!actor.platformAdmin && platformOnly.length > 0) throw forbidden(`changing ${platformOnly.join(', ')} requires a platform admin`, 'INSUFFICIENT_ROLE');
      const update = async (tx: Tx) => {
        const set: Record<string, unknown> = {};
        if (b.name !== undefined) set.name = b.name;
        if (b.slug !== undefined) set.slug = b.slug;
        if (b.plan !== undefined) set.plan = b.plan;
        if (b.status !== undefined) set.status = b.status;
        if (b.quotas !== undefined) set.quotas = tx.json(b.quotas);
        if (b.featureFlags !== undefined) set.feature_flags = tx.json(b.featureFlags);
        if (b.branding !== undefined) set.branding = tx.json(b.branding as never);
        if (b.settings !== undefined) set.settings = tx.json(b.settings as never);
        return tx<TenantRow[]>`update tenants set ${tx(set as Record<string, never>, Object.keys(set) as never[])} where id = ${id} returning ${columns(tx)}`;
      };
      let rows: TenantRow[];
      try {
        rows = actor.platformAdmin ? await d.db.withPlatform(update) : await d.db.withTenant(id, update);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`tenant slug "${b.slug}" is taken`);
        throw err;
      }
      if (!rows[0]) throw notFound('no such tenant');
      if (b.status !== undefined) changed();
      return toTenant(rows[0]);
    });

    r.delete('/tenants/:tenantId', {
      onRequest: [requirePlatformAdmin()],
      schema: {
        tags: ['tenants'],
        summary: "Delete a tenant (platform admins): soft, status 'deleted' — its users cannot sign in and its numbers stop routing",
        params: TenantParams,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404, 409) },
      },
    }, async (req, reply) => {
      const id = req.params.tenantId;
      if (id === req.actor!.tenantId) throw conflict('you cannot delete your own tenant');
      const rows = await d.db.withPlatform((tx) => tx`update tenants set status = 'deleted' where id = ${id} returning id`);
      if (rows.length === 0) throw notFound('no such tenant');
      changed();
      return reply.code(204).send(null);
    });
  };
}
