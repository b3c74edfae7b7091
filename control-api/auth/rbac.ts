// Who is calling (authentication) and what they may do (authorization), as fastify hooks.
// The rule clients rely on: no or bad credentials → 401; good credentials but not allowed → 403.
// Order of checks per request: authenticate (401) → guards (403) → body parsing and validation (400),
// so an unauthenticated or unauthorized caller learns nothing about the request schema.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, forbidden, notFound, unauthorized } from '../http/errors.ts';

export type TenantRole = 'admin' | 'user' | 'viewer';
export const TENANT_ROLES: readonly TenantRole[] = ['admin', 'user', 'viewer'];

/** The authenticated caller. A user's scopes are ['*'] (their role decides); an API key's are its grants. */
export interface Actor {
  kind: 'user' | 'apiKey';
  /** User id, or API key id. */
  id: string;
  /** null only for platform admins that belong to no tenant. */
  tenantId: string | null;
  role: TenantRole;
  platformAdmin: boolean;
  scopes: string[];
  /** The visible part of an API key (uap_<prefix>_…), for rate limits and logs. */
  keyPrefix?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without credentials (login, refresh, docs). Everything else requires them. */
    public?: boolean;
  }
}

/** Turn a credential into an Actor, or throw a 401 ApiError (TOKEN_EXPIRED, API_KEY_REVOKED, …). */
export interface CredentialResolvers {
  bearer(token: string, req: FastifyRequest): Promise<Actor>;
  apiKey(key: string, req: FastifyRequest): Promise<Actor>;
}

export type Hook = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function decorateActor(app: FastifyInstance): void {
  if (!app.hasRequestDecorator('actor')) app.decorateRequest('actor', null);
}

type Credential = { kind: 'bearer' | 'apiKey'; value: string };

const API_KEY_SHAPE = /^uap_/;

/** Reads at most one credential: `Authorization: Bearer <jwt|api key>` or `X-API-Key: <key>`. */
export function readCredential(req: FastifyRequest): Credential | null {
  const authz = req.headers.authorization;
  const xKey = req.headers['x-api-key'];
  if (Array.isArray(xKey)) throw badRequest('Send one X-API-Key header');
  let bearer: string | null = null;
  if (typeof authz === 'string' && authz.length > 0) {
    const m = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authz);
    // Another scheme (Basic, …) counts as no usable credential: 401 with the Bearer challenge.
    if (!m) {
      if (xKey === undefined) throw unauthorized('AUTH_REQUIRED', 'Use Authorization: Bearer <token> or X-API-Key');
    } else bearer = m[1];
  }
  // RFC 6750 §3.1: more than one way of sending credentials is a malformed request.
  if (bearer !== null && xKey !== undefined) throw badRequest('Send either Authorization or X-API-Key, not both');
  if (xKey !== undefined) return { kind: 'apiKey', value: xKey };
  if (bearer !== null) return { kind: API_KEY_SHAPE.test(bearer) ? 'apiKey' : 'bearer', value: bearer };
  return null;
}

export interface AuthenticateOptions {
  /** Resolve credentials when present but let anonymous requests through (guards still 401). */
  optional?: boolean;
}

/**
 * Hook that sets `req.actor`. Routes with `config.public` skip it entirely, so a stale Authorization
 * header cannot break login or refresh. Use it as an onRequest hook (before the body is read).
 */
export function authenticate(resolvers: CredentialResolvers, opts: AuthenticateOptions = {}): Hook {
  return async (req) => {
    if (req.routeOptions.config?.public) return;
    const cred = readCredential(req);
    if (cred === null) {
      if (opts.optional) return;
      throw unauthorized('AUTH_REQUIRED');
    }
    const actor = cred.kind === 'bearer' ? await resolvers.bearer(cred.value, req) : await resolvers.apiKey(cred.value, req);
    req.actor = actor;
    req.log = req.log.child({ actor: `${actor.kind}:${actor.id}`, tenantId: actor.tenantId });
  };
}

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized('AUTH_REQUIRED');
  return req.actor;
}

const RANK: Record<TenantRole, number> = { viewer: 1, user: 2, admin: 3 };

export function roleAtLeast(actor: Actor, min: TenantRole): boolean {
  return actor.platformAdmin || RANK[actor.role] >= RANK[min];
}

/** viewer: reads only; user: day-to-day writes; admin: manages the tenant's users, keys, numbers, agents. */
export function requireRole(min: TenantRole): Hook {
  return async (req) => {
    const actor = actorOf(req);
    if (!roleAtLeast(actor, min)) throw forbidden(`Requires the ${min} role`, 'INSUFFICIENT_ROLE');
  };
}

export function requirePlatformAdmin(): Hook {
  return async (req) => {
    if (!actorOf(req).platformAdmin) throw forbidden('Requires a platform admin', 'INSUFFICIENT_ROLE');
  };
}

/** `*` grants everything, `agents:*` every agents scope. */
export function hasScope(actor: Actor, scope: string): boolean {
  return actor.scopes.some((g) => g === '*' || g === scope || (g.endsWith(':*') && scope.startsWith(g.slice(0, -1))));
}

/** Every listed scope must be granted. Scopes narrow API keys; they never widen a role. */
export function requireScope(...scopes: string[]): Hook {
  return async (req) => {
    const actor = actorOf(req);
    const missing = scopes.filter((s) => !hasScope(actor, s));
    if (missing.length > 0) throw forbidden(`Missing scope ${missing.join(', ')}`, 'INSUFFICIENT_SCOPE');
  };
}

/**
 * Tenant isolation for a resource that exists: other tenants' resources answer 404, not 403, so ids
 * of other tenants cannot be probed.
 */
export function assertTenantAccess(actor: Actor, tenantId: string): void {
  if (actor.platformAdmin || actor.tenantId === tenantId) return;
  throw notFound();
}
