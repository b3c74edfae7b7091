// Hosts the embedded PGlite and its pglite-socket server on a worker thread.
//
// PGlite runs PostgreSQL compiled to WASM synchronously, with synchronous file I/O: on the main thread
// every query stalls the event loop for its whole duration (measured: p99 10 ms during a burst of small
// transactions, 480 ms for one heavy query) — and in `uap serve` that loop also paces call audio. On a
// worker thread the main thread only does socket I/O, as with a real PostgreSQL server.
//
// The worker body is plain JavaScript evaluated from a string (our entry point registers the TypeScript
// loader on the main thread only, so a .ts worker file would not load under `bin/uap.js`); the packages
// are resolved here and passed to it as absolute URLs.
import { Worker } from 'node:worker_threads';
import type { DbLogger } from './migrate.ts';

export interface PgliteHost {
  /** host:port of the socket server (127.0.0.1, random free port). */
  readonly conn: string;
  /** Whether pgvector was loaded into PGlite. */
  readonly vector: boolean;
  /** Stops the socket server, closes PGlite, ends the thread. Idempotent. */
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let pg, server;
async function start() {
  const { PGlite } = await import(workerData.pglite);
  const { PGLiteSocketServer } = await import(workerData.socket);
  const extensions = {};
  if (workerData.vector) {
    const m = await import(workerData.vector);
    if (m.vector) extensions.vector = m.vector;
  }
  pg = await PGlite.create({ dataDir: workerData.dataDir, extensions });
  // One socket: PGlite is one session (see database.ts).
  server = new PGLiteSocketServer({ db: pg, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  return { conn: server.getServerConn(), vector: 'vector' in extensions };
}
async function stop() {
  if (server) {
    // the client has hung up; let the socket handler detach (it rolls back an open transaction)
    for (let i = 0; i < 100 && server.getStats().activeConnections > 0; i++) await new Promise((r) => setTimeout(r, 10));
    await server.stop();
  }
  if (pg && !pg.closed) await pg.close();
}
parentPort.on('message', (m) => {
  if (m && m.type === 'close') {
    stop().then(
      () => parentPort.postMessage({ type: 'closed' }),
      (e) => parentPort.postMessage({ type: 'closed', error: String(e && e.stack || e) }),
    );
  }
});
start().then(
  (r) => parentPort.postMessage({ type: 'ready', ...r }),
  (e) => stop().catch(() => {}).then(() => parentPort.postMessage({ type: 'failed', error: String(e && e.message || e) })),
);
`;

type Msg = { type: 'ready'; conn: string; vector: boolean } | { type: 'failed'; error: string } | { type: 'closed'; error?: string };

function resolveOptional(specs: string[]): string | undefined {
  for (const s of specs) {
    try {
      return import.meta.resolve(s);
    } catch {
      // next
    }
  }
  return undefined;
}

export async function startPgliteHost(dataDir: string, log: DbLogger): Promise<PgliteHost> {
  // pgvector for PGlite is its own package since PGlite 0.3 (before: '@electric-sql/pglite/vector').
  const vector = resolveOptional(['@electric-sql/pglite-pgvector', '@electric-sql/pglite/vector']);
  if (!vector) log.warn({}, 'pgvector for PGlite not found: knowledge-base search is disabled');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    name: 'pglite',
    workerData: { dataDir, pglite: import.meta.resolve('@electric-sql/pglite'), socket: import.meta.resolve('@electric-sql/pglite-socket'), vector },
  });

  let closing: Promise<void> | undefined;
  let exited = false;
  const exitedP = new Promise<number>((res) => worker.once('exit', (code) => { exited = true; res(code); }));

  const ready = await new Promise<Extract<Msg, { type: 'ready' }>>((resolve, reject) => {
    const onMsg = (m: Msg) => {
      if (m.type === 'ready') resolve(m);
      else if (m.type === 'failed') reject(new Error(m.error));
    };
    worker.on('message', onMsg);
    worker.once('error', reject);
    void exitedP.then((code) => reject(new Error(`PGlite thread exited (code ${code}) while starting`)));
  }).catch(async (e) => {
    await worker.terminate();
    throw e;
  });

  worker.on('error', (e) => log.error({ err: e.message }, 'PGlite thread failed'));
  void exitedP.then((code) => {
    if (!closing) log.error({ code }, 'PGlite thread exited unexpectedly: the embedded database is gone');
  });

  return {
    conn: ready.conn,
    vector: ready.vector,
    close() {
      closing ??= (async () => {
        if (exited) return;
        const closed = new Promise<Extract<Msg, { type: 'closed' }> | undefined>((resolve) => {
          worker.on('message', (m: Msg) => m.type === 'closed' && resolve(m));
          void exitedP.then(() => resolve(undefined));
          setTimeout(() => resolve(undefined), 15_000).unref();
        });
        worker.postMessage({ type: 'close' });
        const r = await closed;
        if (!r) log.error({}, 'PGlite did not close in time; terminating its thread');
        else if (r.error) log.error({ err: r.error }, 'closing PGlite failed');
        await worker.terminate();
      })();
      return closing;
    },
  };
}
