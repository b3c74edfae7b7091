// The control API's fastify plugin: everything every route gets, in one encapsulated context meant to be
// registered under /api/v1 on the process's HTTP server (cli/http.ts). Inside it, and only inside it:
// strict validation, problem+json errors, rate limits, authentication, OpenAPI at /docs.
//
// Per request, in order: rate limit per IP → authenticate (401) → rate limit per principal (429) →
// route guards, as route onRequest hooks (403) → body parsing (400/413/415) → validation (400) → handler.
import type { FastifyInstance, FastifyPluginAsync, RouteOptions } from 'fastify';
import { ProblemSchema, registerErrorHandler, registerNotFoundHandler } from './errors.ts';
import { registerValidation } from './validation.ts';
import { registerOpenApi, type OpenApiOptions } from './openapi.ts';
import { registerRateLimit, type RateLimitOptions } from './rate-limit.ts';
import { authenticate, decorateActor, type CredentialResolvers } from '../auth/rbac.ts';

export interface ApiPluginOptions {
  auth: CredentialResolvers;
  rateLimit?: RateLimitOptions;
  openapi?: OpenApiOptions;
  /** Route plugins, registered inside the API context after the foundation. */
  routes?: FastifyPluginAsync[];
  /** Refuse to start when a route lacks a schema it needs (default true). */
  strictSchemas?: boolean;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Why a route is refused: every body, param, query string and response must have a schema. */
export function missingSchemas(route: Pick<RouteOptions, 'method' | 'url' | 'schema'>): string[] {
  const s = route.schema;
  if (s?.hide) return [];
  const methods = new Set((Array.isArray(route.method) ? route.method : [route.method]).map((m) => String(m).toUpperCase()));
  const missing: string[] = [];
  if (!s?.response) missing.push('response');
  if (route.url.includes(':') && !s?.params) missing.push('params');
  if ([...methods].some((m) => BODY_METHODS.has(m)) && !s?.body) missing.push('body');
  // Without a querystring schema unknown parameters would be silently ignored.
  if ((methods.has('GET') || methods.has('HEAD')) && !s?.querystring) missing.push('querystring');
  return missing;
}

export const apiPlugin: FastifyPluginAsync<ApiPluginOptions> = async (app: FastifyInstance, opts) => {
  registerValidation(app);
  registerErrorHandler(app);
  registerNotFoundHandler(app);
  // JSON only: form and text bodies are refused (415), which also rules out cross-site form posts.
  app.removeContentTypeParser(['application/x-www-form-urlencoded', 'text/plain']);
  decorateActor(app);
  app.addSchema(ProblemSchema);

  if (opts.strictSchemas !== false) {
    app.addHook('onRoute', (route) => {
      const missing = missingSchemas(route);
      if (missing.length > 0) throw new Error(`${String(route.method)} ${route.url}: missing schema for ${missing.join(', ')}`);
    });
  }
  // Public operations need no credentials in the OpenAPI document either.
  app.addHook('onRoute', (route) => {
    if (route.config?.public && route.schema && !route.schema.hide) route.schema = { ...route.schema, security: [] } as typeof route.schema;
  });

  const limits = await registerRateLimit(app, opts.rateLimit);
  app.addHook('onRequest', limits.byIp);
  app.addHook('onRequest', authenticate(opts.auth));
  app.addHook('onRequest', limits.byPrincipal);

  await registerOpenApi(app, opts.openapi);
  for (const routes of opts.routes ?? []) await app.register(routes);
};
