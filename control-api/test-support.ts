// The REST API in one process on a real database, for tests: PostgreSQL 15 (a throw-away database on
// TEST_PG_URL's cluster) or PGlite in a temp dir, migrated and seeded, mounted on the process's HTTP
// server (cli/http.ts) and driven with fastify inject (no sockets). Same setup as api.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createHttpServer } from '../cli/http.ts';
import { Registry } from '../lib/metrics.ts';
import { loadConfig } from '../lib/config.ts';
import type { Logger } from '../lib/logger.ts';
import { openDatabase, seedDefaults, type Database } from './db/index.ts';
import { mountApi } from './http-api.ts';
import { createTestDatabase } from '../test/support/pg-database.ts';
import type { Bus } from '../lib/bus/types.ts';

export type Backend = 'postgres' | 'pglite';

export interface CallOptions {
  token?: string;
  key?: string;
  body?: unknown;
}

export interface ApiHarness {
  app: FastifyInstance;
  db: Database;
  dataDir: string;
  log: Logger;
  /** One request to /api/v1<url> with a bearer token or an API key. */
  call(method: string, url: string, opts?: CallOptions): Promise<LightMyRequestResponse>;
  /** Closes the app and the database, drops the PostgreSQL database and removes the data dir. */
  close(): Promise<void>;
}

export const json = (r: { body: string }) => JSON.parse(r.body);

export async function setupApi(kind: Backend, opts: { onRoutingChange?: () => void; env?: Record<string, string>; bus?: Bus } = {}): Promise<ApiHarness> {
  const log: Logger = pino({ level: 'silent' });
  const dataDir = mkdtempSync(join(tmpdir(), 'uap-api-'));
  const undo: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const u of undo.splice(0).reverse()) await u().catch(() => {});
  };
  try {
    let databaseUrl: string | undefined;
    if (kind === 'postgres') {
      const pg = await createTestDatabase();
      databaseUrl = pg.url;
      undo.push(() => pg.drop());
    }
    const db = await openDatabase({ databaseUrl, dataDir: join(dataDir, 'pg'), log });
    undo.push(() => db.close());
    await db.migrate();
    await seedDefaults(db);
    const app = await createHttpServer(log, new Registry(), { ready: () => true, info: () => ({}) });
    undo.push(() => app.close());
    const api = await mountApi(app, db, loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(40), ...opts.env }), log, opts.onRoutingChange, undefined, opts.bus);
    undo.push(() => api.close());
    await app.ready();
    const call = (method: string, url: string, o: CallOptions = {}) =>
      app.inject({
        method: method as 'GET',
        url: `/api/v1${url}`,
        headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.key ? { 'x-api-key': o.key } : {}) },
        ...(o.body !== undefined ? { payload: o.body as object } : {}),
      });
    return { app, db, dataDir, log, call, close };
  } catch (err) {
    await close();
    throw err;
  }
}
