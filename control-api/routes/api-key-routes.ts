// /tenants/{tenantId}/api-keys: tenant admins create (the key is shown once), list and revoke keys.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/index.ts';
import { generateApiKey } from '../auth/api-keys.ts';
import { assertTenantAccess, requireRole, roleAtLeast, TENANT_ROLES, type TenantRole } from '../auth/rbac.ts';
import { forbidden, notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Nullable, Page, pageParams, toPage } from '../http/pagination.ts';
import { CURSOR_T, createdBefore, cursorOf, iso } from './admin-common.ts';

const ApiKey = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    role: Type.String(),
    scopes: Type.Array(Type.String()),
    expiresAt: Nullable('string', { format: 'date-time' }),
    revokedAt: Nullable('string', { format: 'date-time' }),
    lastUsedAt: Nullable('string', { format: 'date-time' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
const TenantParams = Type.Object({ tenantId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const KeyParams = Type.Object({ tenantId: Type.String({ format: 'uuid' }), keyId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

interface KeyRow {
  cursor_t: string;
  id: string;
  name: string;
  prefix: string;
  role: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
}
const toKey = (k: KeyRow) => ({ id: k.id, name: k.name, prefix: k.prefix, role: k.role, scopes: k.scopes, expiresAt: iso(k.expires_at), revokedAt: iso(k.revoked_at), lastUsedAt: iso(k.last_used_at), createdAt: k.created_at.toISOString() });

export function apiKeyRoutes(db: Database, onRevoke: () => void = () => {}): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/tenants/:tenantId/api-keys', {
      onRequest: [requireRole('admin')],
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key (the secret is returned once)',
        params: TenantParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.Optional(Type.Union(TENANT_ROLES.map((x) => Type.Literal(x)))),
            scopes: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z*][a-z0-9_.:*-]{0,63}$' }), { maxItems: 32 })),
            expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ key: Type.String({ description: 'Shown once: store it now' }), apiKey: ApiKey }, { additionalProperties: false }), ...problemResponses(400, 401, 403, 404) },
      },
    }, async (req, reply) => {
      const actor = req.actor!;
      assertTenantAccess(actor, req.params.tenantId);
      const role = (req.body.role ?? 'viewer') as TenantRole;
      if (!actor.platformAdmin && !roleAtLeast(actor, role)) throw forbidden(`a key cannot have more than your role (${actor.role})`, 'INSUFFICIENT_ROLE');
      const gen = generateApiKey();
      const row = await db.withTenant(req.params.tenantId, async (tx) => {
        const [k] = await tx<KeyRow[]>`insert into api_keys (tenant_id, name, prefix, hash, role, scopes, expires_at, created_by)
          values (${req.params.tenantId}, ${req.body.name}, ${gen.prefix}, ${gen.secretHash}, ${role}, ${req.body.scopes ?? ['*']}, ${req.body.expiresAt ?? null},
                  ${actor.kind === 'user' && actor.tenantId === req.params.tenantId ? actor.id : null})
          returning id, name, prefix, role, scopes, expires_at, revoked_at, last_used_at, created_at`;
        return k;
      });
      return reply.code(201).send({ key: gen.key, apiKey: toKey(row) });
    });

    r.get('/tenants/:tenantId/api-keys', {
      onRequest: [requireRole('admin')],
      schema: {
        tags: ['api-keys'],
        summary: 'List API keys (never the secrets)',
        params: TenantParams,
        querystring: ListQuery({}),
        response: { 200: Page(ApiKey), ...problemResponses(400, 401, 403, 404) },
      },
    }, async (req) => {
      assertTenantAccess(req.actor!, req.params.tenantId);
      const { limit, after } = pageParams(req.query);
      const rows = await db.withTenant(req.params.tenantId, (tx) => tx<KeyRow[]>`
        select id, name, prefix, role, scopes, expires_at, revoked_at, last_used_at, created_at, ${tx.unsafe(CURSOR_T)} as cursor_t from api_keys
        where ${createdBefore(tx, after)}
        order by created_at desc, id desc limit ${limit + 1}`);
      return toPage(rows, limit, cursorOf, toKey);
    });

    r.delete('/tenants/:tenantId/api-keys/:keyId', {
      onRequest: [requireRole('admin')],
      schema: { tags: ['api-keys'], summary: 'Revoke an API key', params: KeyParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } },
    }, async (req, reply) => {
      assertTenantAccess(req.actor!, req.params.tenantId);
      const rows = await db.withTenant(req.params.tenantId, (tx) => tx`update api_keys set revoked_at = coalesce(revoked_at, now()) where id = ${req.params.keyId} returning id`);
      if (rows.length === 0) throw notFound('no such API key');
      onRevoke();
      return reply.code(204).send(null);
    });
  };
}
