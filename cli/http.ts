// The HTTP server every process runs on PORT: health, readiness and Prometheus metrics, plus the
// routes of the roles it hosts (Twilio webhooks for signaling; the REST API for the api role).
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { Logger } from '../lib/logger.ts';
import type { Registry } from '../lib/metrics.ts';

export interface HttpState {
  ready(): boolean;
  info(): Record<string, unknown>;
}

export async function createHttpServer(log: Logger, registry: Registry, state: HttpState): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: 256 * 1024,
    // Request lines for real traffic; probes and scrapes would drown them.
    logController: new LogController({ disableRequestLogging: (req: { url?: string }) => /^\/(metrics|healthz|readyz)\b/.test(req.url ?? '') }),
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
  });
  await app.register(formbody);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const ok = state.ready();
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', ...state.info() });
  });
  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  app.get('/', async () => ({ name: 'uap', ...state.info() }));
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.warn({ code: err.code, detail: err.message }, 'bad request');
    void reply
      .code(status)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: status >= 500 ? 'internal error' : err.message, status, code: status >= 500 ? 'INTERNAL' : (err.code ?? 'BAD_REQUEST') });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: `no route for ${req.method} ${req.url.split('?')[0]}`, status: 404, code: 'NOT_FOUND' });
  });
  return app as unknown as FastifyInstance;
}
