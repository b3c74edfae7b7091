// /agent-configs/{agentConfigId}/widget-keys: public keys a tenant embeds in its web pages so visitors
// can call that one agent from the browser softphone (POST /softphone/widget-token trades a key for a
// call token). A key is bound to one agent and to the web origins allowed to use it; tenant admins
// create (the key is shown once), list and revoke them.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/index.ts';
import { requireRole } from '../auth/rbac.ts';
import { ApiError, notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Nullable, Page, pageParams, toPage } from '../http/pagination.ts';
import { CURSOR_T, createdBefore, cursorOf, iso, tenantOf } from './admin-common.ts';

export const WIDGET_KEY_SHAPE = /^pk_[A-Za-z0-9_-]{32}$/;
export const hashWidgetKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A web origin as browsers send it: scheme://host[:port], nothing else. */
export function normalizeOrigin(s: string): string | null {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) return null;
  if (s.replace(/\/$/, '') !== u.origin) return null;
  return u.origin;
}

const WidgetKey = Type.Object(
  {
    id: Type.String(),
    agentConfigId: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    allowedOrigins: Type.Array(Type.String()),
    revokedAt: Nullable('string', { format: 'date-time' }),
    lastUsedAt: Nullable('string', { format: 'date-time' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
const AgentParams = Type.Object({ agentConfigId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const KeyParams = Type.Object({ agentConfigId: Type.String({ format: 'uuid' }), keyId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

interface KeyRow {
  cursor_t: string;
  id: string;
  agent_config_id: string;
  name: string;
  prefix: string;
  allowed_origins: string[];
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
}
const COLUMNS = 'id, agent_config_id, name, prefix, allowed_origins, revoked_at, last_used_at, created_at';
const toKey = (k: KeyRow) => ({
  id: k.id, agentConfigId: k.agent_config_id, name: k.name, prefix: k.prefix, allowedOrigins: k.allowed_origins,
  revokedAt: iso(k.revoked_at), lastUsedAt: iso(k.last_used_at), createdAt: k.created_at.toISOString(),
});

export function widgetKeyRoutes(db: Database): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/agent-configs/:agentConfigId/widget-keys', {
      onRequest: [requireRole('admin')],
      schema: {
        tags: ['softphone'],
        summary: 'Create a public widget key for this agent (the key is returned once)',
        description: 'Embed the key in your web page; POST /softphone/widget-token from an allowed origin trades it for a call token to this agent only.',
        params: AgentParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            allowedOrigins: Type.Array(Type.String({ maxLength: 200, description: 'scheme://host[:port], e.g. https://www.example.com' }), { minItems: 1, maxItems: 32 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ key: Type.String({ description: 'Shown once: store it now' }), widgetKey: WidgetKey }, { additionalProperties: false }), ...problemResponses(400, 401, 403, 404) },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const origins: string[] = [];
      for (const [i, o] of req.body.allowedOrigins.entries()) {
        const n = normalizeOrigin(o);
        if (!n) throw new ApiError('BAD_REQUEST', { detail: `allowedOrigins/${i} is not a web origin (scheme://host[:port])`, errors: [{ in: 'body', path: `/allowedOrigins/${i}`, message: 'must be scheme://host[:port]' }] });
        if (!origins.includes(n)) origins.push(n);
      }
      const key = `pk_${randomBytes(24).toString('base64url')}`;
      const row = await db.withTenant(tenant, async (tx) => {
        const [agent] = await tx`select 1 from agent_configs where id = ${req.params.agentConfigId}`;
        if (!agent) return undefined;
        const [k] = await tx<KeyRow[]>`insert into widget_keys (tenant_id, agent_config_id, name, prefix, key_hash, allowed_origins)
          values (${tenant}, ${req.params.agentConfigId}, ${req.body.name}, ${key.slice(0, 12)}, ${hashWidgetKey(key)}, ${origins})
          returning ${tx.unsafe(COLUMNS)}`;
        return k;
      });
      if (!row) throw notFound('no such agent config');
      return reply.code(201).send({ key, widgetKey: toKey(row) });
    });

    r.get('/agent-configs/:agentConfigId/widget-keys', {
      onRequest: [requireRole('admin')],
      schema: { tags: ['softphone'], summary: "List an agent's widget keys (never the keys)", params: AgentParams, querystring: ListQuery({}), response: { 200: Page(WidgetKey), ...problemResponses(400, 401, 403) } },
    }, async (req) => {
      const { limit, after } = pageParams(req.query);
      const rows = await db.withTenant(tenantOf(req.actor!), (tx) => tx<KeyRow[]>`
        select ${tx.unsafe(COLUMNS)}, ${tx.unsafe(CURSOR_T)} as cursor_t from widget_keys
        where agent_config_id = ${req.params.agentConfigId} and ${createdBefore(tx, after)}
        order by created_at desc, id desc limit ${limit + 1}`, { readOnly: true });
      return toPage(rows, limit, cursorOf, toKey);
    });

    r.delete('/agent-configs/:agentConfigId/widget-keys/:keyId', {
      onRequest: [requireRole('admin')],
      schema: { tags: ['softphone'], summary: 'Revoke a widget key', params: KeyParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } },
    }, async (req, reply) => {
      const rows = await db.withTenant(tenantOf(req.actor!), (tx) => tx`update widget_keys set revoked_at = coalesce(revoked_at, now())
        where id = ${req.params.keyId} and agent_config_id = ${req.params.agentConfigId} returning id`);
      if (rows.length === 0) throw notFound('no such widget key');
      return reply.code(204).send(null);
    });
  };
}
