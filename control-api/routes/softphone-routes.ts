// POST /softphone/token: a signed-in user (role user, calls:write) gets a short-lived, single-use call
// token for the WebRTC softphone, naming one of the tenant's agent configs or phone numbers, plus where
// to open signalling and which ICE servers to use. The signalling endpoint (media process) checks it.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { WebRtcConfig } from '../../lib/webrtc-config.ts';
import { signSoftphoneToken, type SoftphoneTarget } from '../../lib/softphone-token.ts';
import type { Database } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import { ApiError, problemResponses } from '../http/errors.ts';
import { tenantOf } from './admin-common.ts';
import { WIDGET_KEY_SHAPE, hashWidgetKey } from './widget-key-routes.ts';

export interface SoftphoneRouteDeps {
  db: Database;
  webrtc: Pick<WebRtcConfig, 'signalingUrl' | 'iceServers' | 'tokenTtlS'>;
  tokenKey: Buffer;
}

const TokenBody = Type.Union(
  [
    Type.Object({ agentConfigId: Type.String({ format: 'uuid', description: 'Call this agent config of the tenant' }) }, { additionalProperties: false }),
    Type.Object({ number: Type.String({ pattern: '^(\\+[1-9][0-9]{1,14}|\\*)$', description: "Call whatever answers this number of the tenant (E.164 or the catch-all '*')" }) }, { additionalProperties: false }),
  ],
  { description: 'What to call: an agent config or a phone number (exactly one)' },
);

const IceServer = Type.Object(
  { urls: Type.Array(Type.String()), username: Type.Optional(Type.String()), credential: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

const TokenReply = Type.Object(
  {
    token: Type.String({ description: 'Send as {"type":"hello","token":…} on the signalling WebSocket; valid once, until expiresAt' }),
    expiresAt: Type.String({ format: 'date-time' }),
    signalingUrl: Type.String({ description: 'ws(s):// URL of the signalling WebSocket' }),
    iceServers: Type.Array(IceServer, { description: 'For the browser RTCPeerConnection (empty: host candidates only)' }),
    target: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

interface WidgetRow {
  id: string;
  tenant_id: string;
  agent_config_id: string;
  allowed_origins: string[];
  revoked_at: Date | null;
  kind: string;
  name: string;
  status: string;
  max: number | null;
  active: number;
}

/** Tenant status and, for a direct agent call (no routing), the concurrent-call quota. */
function admit(q: { status: string; max: number | null; active: number } | undefined, checkQuota: boolean): void {
  if (q && q.status !== 'active') throw new ApiError('FORBIDDEN', { detail: `the tenant is ${q.status}` });
  if (checkQuota && q && q.max !== null && q.active >= q.max) {
    throw new ApiError('RATE_LIMITED', { detail: `The tenant has ${q.active} active calls, its concurrent-call quota is ${q.max}; try again when a call ends`, headers: { 'retry-after': '10' } });
  }
}

function issue(d: SoftphoneRouteDeps, sub: string, tenantId: string, target: SoftphoneTarget, id: string, name: string) {
  const now = Date.now();
  return {
    token: signSoftphoneToken(d.tokenKey, { sub, tenantId, target }, d.webrtc.tokenTtlS, now),
    expiresAt: new Date((Math.floor(now / 1000) + d.webrtc.tokenTtlS) * 1000).toISOString(),
    signalingUrl: d.webrtc.signalingUrl,
    iceServers: d.webrtc.iceServers,
    target: { kind: target.kind, id, name },
  };
}

export function softphoneRoutes(d: SoftphoneRouteDeps): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.post('/softphone/token', {
      onRequest: [requireRole('user'), requireScope('calls:write')],
      schema: {
        tags: ['softphone'],
        summary: 'Get a call token for the WebRTC softphone',
        description: "Names one of the tenant's agent configs or numbers (400 on the field otherwise); the token is valid once, for a short time (SOFTPHONE_TOKEN_TTL_S).",
        body: TokenBody,
        response: { 201: TokenReply, ...problemResponses(400, 401, 403, 429) },
      },
    }, async (req, reply) => {
      const actor = req.actor!;
      const tenant = tenantOf(actor);
      const body = req.body as { agentConfigId?: string; number?: string };
      type Found = { target: SoftphoneTarget; name: string; id: string; quota?: { status: string; max: number | null; active: number } } | { error: { path: string; message: string } };
      const found = await d.db.withTenant(tenant, async (tx): Promise<Found> => {
        const [q] = await tx<{ status: string; max: number | null; active: number }[]>`
          select t.status, (t.quotas->>'max_concurrent_calls')::int as max,
                 (select count(*)::int from calls c where c.ended_at is null and c.started_at > now() - interval '6 hours') as active
          from tenants t where t.id = ${tenant}`;
        if (body.agentConfigId !== undefined) {
          const [a] = await tx<{ id: string; kind: string; name: string }[]>`select id, kind, name from agent_configs where id = ${body.agentConfigId}`;
          if (!a) return { error: { path: '/agentConfigId', message: 'is not an agent config of this tenant' } };
          return { target: { kind: 'agent', agentConfigId: a.id, agentKind: a.kind }, name: a.name, id: a.id, quota: q };
        }
        const [n] = await tx<{ e164: string }[]>`select e164 from phone_numbers where e164 = ${body.number!}`;
        if (!n) return { error: { path: '/number', message: "is not one of this tenant's phone numbers" } };
        return { target: { kind: 'number', number: n.e164 }, name: n.e164, id: n.e164, quota: q };
      }, { readOnly: true });
      if ('error' in found) throw new ApiError('BAD_REQUEST', { detail: `${found.error.path.slice(1)} ${found.error.message}`, errors: [{ in: 'body', ...found.error }] });
      // An agent config is called without routing: admission (tenant status, concurrent-call quota) is checked here.
      admit(found.quota, found.target.kind === 'agent');
      req.log.info({ target: found.target.kind, id: found.id }, 'softphone call token issued');
      return reply.code(201).send(issue(d, actor.id, tenant, found.target, found.id, found.name));
    });

    // A visitor's browser on a tenant's web page: preflight first (the POST carries JSON).
    r.options('/softphone/widget-token', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
      const origin = req.headers.origin;
      if (typeof origin === 'string') reply.header('access-control-allow-origin', origin);
      return reply.code(204).headers({ vary: 'Origin', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' }).send();
    });

    r.post('/softphone/widget-token', {
      config: { public: true, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['softphone'],
        summary: 'Trade a public widget key for a call token to its agent',
        description: "No sign-in: called from a web page on one of the key's allowed origins (the browser's Origin header must match). The token reaches only the key's agent.",
        body: Type.Object({ widgetKey: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 201: TokenReply, ...problemResponses(400, 401, 403, 429) },
      },
    }, async (req, reply) => {
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      const key = req.body.widgetKey;
      const row = WIDGET_KEY_SHAPE.test(key)
        ? (await d.db.withPlatform((tx) => tx<WidgetRow[]>`
            select k.id, k.tenant_id, k.agent_config_id, k.allowed_origins, k.revoked_at, a.kind, a.name, t.status, (t.quotas->>'max_concurrent_calls')::int as max,
                   (select count(*)::int from calls c where c.tenant_id = k.tenant_id and c.ended_at is null and c.started_at > now() - interval '6 hours') as active
            from widget_keys k join agent_configs a on a.id = k.agent_config_id and a.tenant_id = k.tenant_id join tenants t on t.id = k.tenant_id
            where k.key_hash = ${hashWidgetKey(key)}`))[0]
        : undefined;
      if (!row || row.revoked_at) throw new ApiError('WIDGET_KEY_INVALID', { detail: 'The widget key is unknown or revoked' });
      if (!origin || !row.allowed_origins.includes(origin)) {
        req.log.warn({ widgetKeyId: row.id, origin }, 'widget key used from an origin it does not allow');
        throw new ApiError('ORIGIN_NOT_ALLOWED', { detail: 'This page is not allowed to use the widget key' });
      }
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      admit(row, true);
      await d.db.withPlatform((tx) => tx`update widget_keys set last_used_at = now() where id = ${row.id}`);
      req.log.info({ widgetKeyId: row.id, tenantId: row.tenant_id, agentConfigId: row.agent_config_id }, 'softphone call token issued for a widget key');
      return reply.code(201).send(issue(d, `widget:${row.id}`, row.tenant_id, { kind: 'agent', agentConfigId: row.agent_config_id, agentKind: row.kind }, row.agent_config_id, row.name));
    });
  };
}
