// API rate limits, two layers on @fastify/rate-limit:
//   per IP        — every request, before authentication, so floods and credential guessing are
//                   throttled before they cost a database lookup;
//   per principal — after authentication, keyed by the API key's prefix or the user's id, so one
//                   client's quota follows it across addresses and does not starve its neighbours.
// Counters live in Redis when a client is given (shared by every API process), in memory otherwise.
// Over the limit: 429 RATE_LIMITED with Retry-After.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { rateLimited } from './errors.ts';
import type { Hook } from '../auth/rbac.ts';

export interface RateLimitWindow {
  max: number;
  /** ms, or a string such as '1 minute'. */
  timeWindow: number | string;
}

export interface RateLimitOptions {
  /** Default 1200 per minute: generous, since offices and carriers put many clients behind one IP. */
  perIp?: RateLimitWindow;
  /** Default 600 per minute per API key or user. */
  perPrincipal?: RateLimitWindow;
  redis?: Redis;
  /** Redis key prefix. */
  nameSpace?: string;
  /** A store slower than this lets the request through (fail open) rather than stalling the API. Default 500 ms. */
  storeTimeoutMs?: number;
}

export interface RateLimitHooks {
  /** onRequest, before authentication. */
  byIp: Hook;
  /** onRequest, after authentication; a no-op for anonymous requests (already counted per IP). */
  byPrincipal: Hook;
}

/** The per-principal bucket: API key prefix, else user id; null when not authenticated. */
export function principalKey(req: FastifyRequest): string | null {
  const a = req.actor;
  if (!a) return null;
  return a.kind === 'apiKey' ? `key:${a.keyPrefix ?? a.id}` : `user:${a.id}`;
}

/** IPv6 clients are bucketed by /64, which one subscriber typically owns whole. */
export const ipKey = (req: FastifyRequest): string => `ip:${normalizeIP(req.ip, 64)}`;

export async function registerRateLimit(app: FastifyInstance, opts: RateLimitOptions = {}): Promise<RateLimitHooks> {
  await app.register(rateLimit, {
    global: false, // the hooks below are placed explicitly around authentication
    redis: opts.redis,
    nameSpace: opts.nameSpace ?? 'uap:rl:',
    // For routes that opt into their own limit with config.rateLimit (e.g. login).
    keyGenerator: ipKey,
    skipOnError: true, // those route limits fail open too
    errorResponseBuilder: (_req, ctx) => rateLimited(ctx.ttl / 1000),
  });
  const timeoutMs = opts.storeTimeoutMs ?? 500;
  const perIp = opts.perIp ?? { max: 1200, timeWindow: 60_000 };
  const perPrincipal = opts.perPrincipal ?? { max: 600, timeWindow: 60_000 };
  // skipOnError false: store errors reach the hook below, which fails open and logs it.
  const ipLimiter = app.createRateLimit({ ...perIp, keyGenerator: ipKey, skipOnError: false });
  const principalLimiter = app.createRateLimit({ ...perPrincipal, keyGenerator: (req) => principalKey(req) ?? ipKey(req), skipOnError: false });

  const hook = (limiter: typeof ipLimiter, applies: (req: FastifyRequest) => boolean): Hook => async (req, reply) => {
    if (!applies(req)) return;
    let r: Awaited<ReturnType<typeof limiter>>;
    let timer: NodeJS.Timeout | undefined;
    try {
      r = await Promise.race([
        limiter(req),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`rate-limit store slower than ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (err) {
      // Fail open: an outage of the counter store must not become an outage of the API.
      req.log.warn({ err }, 'rate limit unavailable; request allowed');
      return;
    } finally {
      clearTimeout(timer);
    }
    if (r.isAllowed) return;
    void reply.header('x-ratelimit-limit', r.max).header('x-ratelimit-remaining', r.remaining).header('x-ratelimit-reset', r.ttlInSeconds);
    if (r.isExceeded) throw rateLimited(r.ttlInSeconds);
  };

  return { byIp: hook(ipLimiter, () => true), byPrincipal: hook(principalLimiter, (req) => req.actor !== null) };
}
