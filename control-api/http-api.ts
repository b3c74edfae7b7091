// Mounts the REST API (/api/v1) on the process's HTTP server: authentication from the database (users'
// JWTs, hashed API keys), rate limits (Redis when REDIS_URL is set), the routes, and the audit log.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Config } from '../lib/config.ts';
import type { Logger } from '../lib/logger.ts';
import type { Database } from './db/index.ts';
import { apiPlugin } from './http/api.ts';
import { AccessTokens, accessTokenResolver } from './auth/tokens.ts';
import { RefreshTokens } from './auth/refresh.ts';
import { apiKeyResolver } from './auth/api-keys.ts';
import { DbApiKeyLookup, DbRefreshStore } from './auth/db-stores.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { apiKeyRoutes } from './routes/api-key-routes.ts';
import { callRoutes } from './routes/call-routes.ts';
import { CallListCache } from './history/call-list-cache.ts';
import { callControlRoutes } from './routes/call-control-routes.ts';
import { callDataRoutes } from './routes/call-data-routes.ts';
import { auditHook, auditRoutes } from './routes/audit.ts';
import { tenantRoutes } from './routes/tenant-routes.ts';
import { userRoutes } from './routes/user-routes.ts';
import { phoneNumberRoutes } from './routes/phone-number-routes.ts';
import { agentConfigRoutes } from './routes/agent-config-routes.ts';
import { sipTrunkRoutes } from './routes/sip-trunk-routes.ts';
import { SipCalls } from './sip/outbound-call.ts';
import type { Bus } from '../lib/bus/types.ts';
import { loadSecretsKey } from './crypto/secrets.ts';
import { FeatureFlags } from './auth/features.ts';
import { softphoneRoutes } from './routes/softphone-routes.ts';
import { widgetKeyRoutes } from './routes/widget-key-routes.ts';
import { knowledgeRoutes } from './routes/knowledge-routes.ts';
import { registerSoftphonePage } from './softphone/page.ts';
import { softphoneTokenKey } from '../lib/softphone-token.ts';

/** JWT_SECRET, or a random key created once and kept in the data dir (embedded installs). */
function jwtSecret(config: Config, log: Logger): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const s = randomBytes(48).toString('base64url');
  writeFileSync(file, s, { mode: 0o600 });
  log.warn({ file }, 'JWT_SECRET is not set: generated one in the data dir (set JWT_SECRET when several API processes share users)');
  return s;
}

/**
 * onRoutingChange: called after numbers, agent configs or tenant statuses change (clears the routing cache).
 * bus: for calls through SIP trunks (asked of a SIP gateway); without it they are refused (503).
 */
export async function mountApi(http: FastifyInstance, db: Database, config: Config, log: Logger, onRoutingChange: () => void = () => {}, secretsKey: Buffer = loadSecretsKey({ value: process.env.UAP_SECRETS_KEY, dataDir: config.dataDir, log }), bus?: Bus): Promise<{ close(): Promise<void> }> {
  const access = new AccessTokens({ secret: jwtSecret(config, log), issuer: 'uap', audience: 'uap-api' });
  const refresh = new RefreshTokens({ store: new DbRefreshStore(db) });
  const keys = new DbApiKeyLookup(db);
  const features = new FeatureFlags(db);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  redis?.on('error', (err) => log.warn({ err: err.message }, 'redis error (rate limits fall back to allowing requests)'));
  await http.register(apiPlugin, {
    prefix: '/api/v1',
    auth: { bearer: accessTokenResolver(access), apiKey: apiKeyResolver(keys, { onTouchError: (err) => log.warn({ err }, 'API key last-used not updated') }) },
    rateLimit: { redis, perIp: { max: config.apiRateLimitPerIp, timeWindow: 60_000 }, perPrincipal: { max: config.apiRateLimitPerPrincipal, timeWindow: 60_000 } },
    routes: [auditHook(db), authRoutes({ db, access, refresh }), apiKeyRoutes(db, () => keys.invalidate()), callRoutes(db, config.apiListCache ? new CallListCache(db) : undefined), callControlRoutes({ db, config, features, sipCalls: bus ? new SipCalls({ db, bus, secretsKey }, log) : undefined }), callDataRoutes({ db, recordingsDir: config.recordingsDir, features }), auditRoutes(db),
      tenantRoutes({ db, onRoutingChange: () => (onRoutingChange(), features.invalidate()) }), userRoutes(db), phoneNumberRoutes({ db, onRoutingChange }), agentConfigRoutes({ db, secretsKey, onRoutingChange }), sipTrunkRoutes({ db, secretsKey, onRoutingChange }),
      widgetKeyRoutes(db), knowledgeRoutes(db),
      softphoneRoutes({ db, webrtc: config.webrtc, tokenKey: softphoneTokenKey(config.webrtc.tokenSecret, config.dataDir, (file) => log.warn({ file }, 'SOFTPHONE_TOKEN_SECRET is not set: generated a call-token key in the data dir (set it when the api and media roles run on different hosts)')) })],
  });
  await registerSoftphonePage(http);
  return {
    async close() {
      redis?.disconnect();
    },
  };
}
