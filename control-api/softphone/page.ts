// Serves the softphone page at /softphone: static HTML, JS and CSS from this folder (no build step, no
// CDN), read once at start. It talks to the REST API (login, agent configs, numbers, call tokens) and to
// the signalling WebSocket the token reply names.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { SOFTPHONE_PAGE_PATH } from '../../proto/paths.ts';

const FILES = [
  ['', 'index.html', 'text/html; charset=utf-8'],
  ['/app.js', 'app.js', 'text/javascript; charset=utf-8'],
  ['/style.css', 'style.css', 'text/css; charset=utf-8'],
] as const;

// The page loads nothing from elsewhere; microphone access is for this origin only.
const CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; frame-ancestors 'none'";

export async function registerSoftphonePage(app: FastifyInstance): Promise<void> {
  for (const [suffix, file, type] of FILES) {
    const body = readFileSync(new URL(file, import.meta.url));
    app.get(SOFTPHONE_PAGE_PATH + suffix, { logLevel: 'warn' }, async (_req, reply) =>
      reply.type(type).header('cache-control', 'no-cache').header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').send(body),
    );
  }
}
