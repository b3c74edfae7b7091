// The audit log: every successful mutating request (actor, tenant, action, target, IP, time) is
// recorded after the response; tenant admins read their tenant's log at /audit-log.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/index.ts';
import { requireRole } from '../auth/rbac.ts';
import { forbidden, problemResponses } from '../http/errors.ts';
import { ListQuery, Nullable, Page, pageParams, toPage } from '../http/pagination.ts';
import { cursorText } from './admin-common.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Public auth endpoints record their own entries (register), or are not tenant actions. */
const SKIP = /\/auth\//;

export function auditHook(db: Database): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app) => {
    app.addHook('onResponse', async (req: FastifyRequest, reply) => {
      if (!MUTATING.has(req.method) || reply.statusCode >= 400 || SKIP.test(req.url)) return;
      const actor = req.actor;
      if (!actor) return;
      const params = (req.params ?? {}) as Record<string, string>;
      // The target is the route's last path parameter (…/:tenantId/api-keys/:keyId → the key).
      const names = [...(req.routeOptions.url ?? '').matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const targetId = names.length ? (params[names[names.length - 1]] ?? null) : null;
      const tenantId = params.tenantId ?? actor.tenantId;
      const row = {
        action: `${req.method} ${req.routeOptions.url ?? req.url}`,
        targetType: req.routeOptions.url?.split('/').filter((s) => s && !s.startsWith(':')).at(-1) ?? null,
      };
      try {
        const insert = (tx: Parameters<Parameters<Database['withPlatform']>[0]>[0]) => tx`insert into audit_log (tenant_id, actor_type, actor_id, action, target_type, target_id, ip, details)
          values (${tenantId}, ${actor.kind === 'apiKey' ? 'api_key' : 'user'}, ${actor.id}, ${row.action}, ${row.targetType}, ${targetId}, ${req.ip}, ${tx.json({ status: reply.statusCode, requestId: req.id })})`;
        if (tenantId && tenantId === actor.tenantId) await db.withTenant(tenantId, insert);
        else await db.withPlatform(insert);
      } catch (err) {
        req.log.error({ err }, 'audit log entry not written');
      }
    });
  };
  // Not encapsulated: the hook must see every route of the API context it is registered in.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}

const Entry = Type.Object(
  {
    id: Type.String(),
    at: Type.String({ format: 'date-time' }),
    actorType: Type.String(),
    actorId: Nullable('string'),
    action: Type.String(),
    targetType: Nullable('string'),
    targetId: Nullable('string'),
    ip: Nullable('string'),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export function auditRoutes(db: Database): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.get('/audit-log', {
      onRequest: [requireRole('admin')],
      schema: { tags: ['audit'], summary: "The tenant's audit log, newest first", querystring: ListQuery({}), response: { 200: Page(Entry), ...problemResponses(400, 401, 403) } },
    }, async (req) => {
      const tenant = req.actor!.tenantId;
      if (!tenant) throw forbidden('the audit log belongs to a tenant');
      const { limit, after } = pageParams(req.query);
      const rows = await db.withTenant(tenant, (tx) => tx<{ id: string; at: Date; cursor_t: string; actor_type: string; actor_id: string | null; action: string; target_type: string | null; target_id: string | null; ip: string | null; details: Record<string, unknown> }[]>`
        select id::text, at, ${tx.unsafe(cursorText('at'))} as cursor_t, actor_type, actor_id::text, action, target_type, target_id::text, ip::text, details from audit_log
        where ${after ? tx`(at, id) < (${after.t}::text::timestamptz, ${after.id}::bigint)` : tx`true`}
        order by at desc, id desc limit ${limit + 1}`, { readOnly: true });
      return toPage(rows, limit, (e) => ({ t: e.cursor_t, id: e.id }), (e) => ({ id: e.id, at: e.at.toISOString(), actorType: e.actor_type, actorId: e.actor_id, action: e.action, targetType: e.target_type, targetId: e.target_id, ip: e.ip, details: e.details }));
    });
  };
}
