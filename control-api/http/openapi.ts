// OpenAPI 3 generated from the routes' TypeBox schemas (one source of truth for validation, serialization
// and docs), and Swagger UI at /docs served from the package's own files — no CDN, so it works offline
// and under a strict Content-Security-Policy.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

export interface OpenApiOptions {
  title?: string;
  version?: string;
  description?: string;
  /** Where the UI is mounted, relative to the plugin's prefix. */
  routePrefix?: string;
}

export const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /auth/login or /auth/refresh' },
  apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key: uap_<prefix>_<secret>' },
} as const;

export async function registerOpenApi(app: FastifyInstance, opts: OpenApiOptions = {}): Promise<void> {
  await app.register(swagger, {
    // Shared schemas (app.addSchema) become components named by their $id, e.g. #/components/schemas/Problem.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.0.3',
      info: { title: opts.title ?? 'uap control API', version: opts.version ?? '1', description: opts.description ?? 'Tenants, users, API keys, numbers, agents and calls.' },
      components: { securitySchemes: { ...SECURITY_SCHEMES } },
      // Every operation needs credentials unless it says otherwise (public routes get `security: []`).
      security: [{ bearerAuth: [] }, { apiKey: [] }],
    },
  });
  // The UI's own routes are public (config.public) and hidden from the spec.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await docs.register(swaggerUi, {
      routePrefix: opts.routePrefix ?? '/docs',
      indexPrefix: app.prefix || undefined, // asset links in the page must include the mount point (/api/v1)
      uiConfig: { validatorUrl: null } as Record<string, unknown>, // no calls to validator.swagger.io
      staticCSP: true,
      // Drop the external sources the default policy allows; everything is served from here.
      transformStaticCSP: (header: string) => header.replace(/ validator\.swagger\.io/g, '').replace(/ https:/g, ''),
    });
  });
}
