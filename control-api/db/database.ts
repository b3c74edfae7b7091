// The control API's database: one `postgres` (porsager) client, whichever engine is behind it.
//
// - DATABASE_URL set: PostgreSQL (15+). Its user owns the schema (runs the migrations) and must be able to
//   SET ROLE uap_app: a superuser can; otherwise an administrator runs `GRANT uap_app TO <that user>`
//   (migrate() tries it itself and fails with that instruction if it cannot).
// - Otherwise: embedded PGlite (PostgreSQL in WASM, with pgvector) in `dataDir`, served on 127.0.0.1 on a
//   random free port by @electric-sql/pglite-socket, so the same client and the same SQL work. PGlite and
//   its socket server run on a worker thread (pglite-host.ts) so queries never stall the event loop.
//
// PGlite connection limit. PGlite is ONE backend session. pglite-socket 0.2 accepts several sockets
// (maxConnections, default 1) but multiplexes them all onto that session: it serialises protocol messages
// and keeps an explicit transaction exclusive, but session state (SET, advisory locks, prepared statements)
// is shared, and extended-protocol messages (Parse/Bind/Execute/Sync) of two sockets interleave outside a
// transaction — measured: 2 errors `portal "" does not exist` in 800 parallel queries over 4 sockets, a
// SET on one socket visible on another, and an advisory lock that does not exclude. So: the client uses
// `max: 1` (every query and transaction of the process queues on one connection), the server accepts one
// socket (a stray second client is refused instead of corrupting the session), and the connection is
// never recycled (no idle timeout, no max lifetime). Consequence: inside a withTenant()/withPlatform()
// callback use only the `tx` it gives you — a query on db.sql there would wait forever on PGlite (and is
// not part of the transaction anyway); a nested withTenant()/withPlatform() is refused — on PGlite, where it
// would hang, and on PostgreSQL when asked (nestingCheck). The check keeps an AsyncLocalStorage, which on
// Node 20/22 puts a hook on every promise of the process (~4 % of an API request's CPU): PostgreSQL
// deployments skip it, and every test suite runs on PGlite too.
//
// The data directory holds one PGlite instance per process: PGlite has no guard of its own (two
// processes open the same directory and corrupt it), so openDatabase() takes `<dataDir>/uap.lock`
// (pid; a stale lock of a dead process is taken over).
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import postgres from 'postgres';
import { UapError } from '../../lib/errors.ts';
import { runMigrations, type DbLogger, type MigrateResult } from './migrate.ts';
import { startPgliteHost, type PgliteHost } from './pglite-host.ts';

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;
export type { DbLogger, MigrateResult };

export const DEFAULT_DATA_DIR = './data/pg';
/** The role the application's tenant queries run as (NOLOGIN, no BYPASSRLS). */
export const APP_ROLE = 'uap_app';

export interface OpenDatabaseOptions {
  /** postgres:// URL of a PostgreSQL server; when absent, the embedded PGlite in `dataDir` is used. */
  databaseUrl?: string;
  /** PGlite data directory (created when missing); ignored with databaseUrl. Default in the CLI: ./data/pg */
  dataDir: string;
  log?: DbLogger;
  /** Pool size for PostgreSQL (default 10). Always 1 for PGlite. */
  max?: number;
  /** Refuse nested withTenant()/withPlatform() on PostgreSQL too (always on for PGlite). Default false. */
  nestingCheck?: boolean;
}

export interface Database {
  /** The client, connected as the owner. Platform work should prefer withPlatform(). */
  readonly sql: Sql;
  readonly kind: 'postgres' | 'pglite';
  /** Connection URL (for PGlite the local socket). May contain a password: log `safeUrl` instead. */
  readonly url: string;
  readonly safeUrl: string;
  /**
   * Runs fn in a transaction as role uap_app with app.tenant_id = tenantId: row-level security confines
   * every statement to that tenant's rows, WHERE clause or not. Rolls back when fn throws.
   * readOnly: the transaction may not write (for reports, analytics, generated SQL).
   */
  withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, opts?: { readOnly?: boolean }): Promise<T>;
  /** Runs fn in a transaction as the owner: every tenant's rows (platform admin, routing lookup, auth lookups). */
  withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies pending migrations (idempotent, safe to run concurrently). */
  migrate(): Promise<MigrateResult>;
  /** Ends the client; for PGlite also stops the socket server and closes PGlite. Idempotent. */
  close(): Promise<void>;
}

export class DatabaseError extends UapError {
  constructor(code: string, message: string, opts: { cause?: unknown; retryable?: boolean } = {}) {
    super(code, message, opts);
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tenant and row ids are uuids; withTenant() refuses anything else. */
export const isUuid = (s: string): boolean => UUID_RE.test(s);
const silent: DbLogger = { info() {}, warn() {}, error() {} };

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  const log = opts.log ?? silent;
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.max ?? 10, log, opts.nestingCheck ?? false);
  return openPglite(opts.dataDir, opts.max, log);
}

function clientOptions(log: DbLogger): postgres.Options<{}> {
  return {
    connection: { application_name: 'uap-control-api' },
    onnotice: (n) => {
      if (n.severity === 'WARNING') log.warn({ notice: n.message }, 'database warning');
    },
    connect_timeout: 10,
  };
}

async function probe(sql: Sql, safeUrl: string): Promise<void> {
  try {
    await sql`select 1`;
  } catch (e) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseError('DB_CONNECT_FAILED', `cannot connect to ${safeUrl}: ${(e as Error).message}`, { cause: e, retryable: true });
  }
}

async function openPostgres(url: string, max: number, log: DbLogger, nestingCheck: boolean): Promise<Database> {
  const safeUrl = redactUrl(url);
  const sql = postgres(url, { ...clientOptions(log), max });
  await probe(sql, safeUrl);
  log.info({ url: safeUrl, max }, 'database: postgres');
  return makeDatabase(sql, 'postgres', url, log, nestingCheck, async () => {
    await sql.end({ timeout: 5 });
  });
}

async function openPglite(dataDirOpt: string, max: number | undefined, log: DbLogger): Promise<Database> {
  const dataDir = resolve(dataDirOpt || DEFAULT_DATA_DIR);
  if (max !== undefined && max !== 1) log.warn({ max }, 'PGlite serves one session: using max 1');
  prepareDataDir(dataDir);
  const releaseLock = lockDataDir(dataDir);
  let host: PgliteHost | undefined;
  try {
    host = await startPgliteHost(dataDir, log);
    const url = `postgres://postgres@${host.conn}/postgres`;
    const sql = postgres(url, { ...clientOptions(log), max: 1, idle_timeout: 0, max_lifetime: null });
    await probe(sql, url);
    log.info({ dataDir, url, vector: host.vector }, 'database: embedded PGlite');
    const h = host;
    return makeDatabase(sql, 'pglite', url, log, true, async () => {
      try {
        await sql.end({ timeout: 5 });
        await h.close();
      } finally {
        releaseLock();
      }
    });
  } catch (e) {
    await host?.close().catch(() => {});
    releaseLock();
    if (e instanceof UapError) throw e;
    throw new DatabaseError('DB_OPEN_FAILED', `cannot open the embedded database in ${dataDir}: ${(e as Error).message}`, { cause: e });
  }
}

function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const other = readdirSync(dataDir).filter((f) => f !== 'uap.lock');
  if (other.length > 0) {
    throw new DatabaseError('DB_DATA_DIR_INVALID', `${dataDir} is not empty and is not a database directory (no PG_VERSION); refusing to initialise it`);
  }
}

const heldLocks = new Set<string>();

function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'uap.lock');
  if (heldLocks.has(path)) throw new DatabaseError('DB_DATA_DIR_LOCKED', `${dataDir} is already open in this process`);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseError('DB_DATA_DIR_LOCKED', `${dataDir} is in use by process ${pid} (lock ${path})`);
      }
      rmSync(path, { force: true }); // stale: that process is gone
    }
  }
  heldLocks.add(path);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    heldLocks.delete(path);
    rmSync(path, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const inTransaction = new AsyncLocalStorage<true>();

function makeDatabase(sql: Sql, kind: 'postgres' | 'pglite', url: string, log: DbLogger, nestingCheck: boolean, end: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  // Without the check, callbacks run as they are: no AsyncLocalStorage is entered, so its hooks stay off.
  const guarded = <T>(fn: () => Promise<T>): Promise<T> => (nestingCheck ? inTransaction.run(true, fn) : fn());
  const notNested = (what: string) => {
    if (nestingCheck && inTransaction.getStore()) {
      throw new DatabaseError('DB_NESTED_TRANSACTION', `${what} called inside another withTenant()/withPlatform(): use the tx you were given`);
    }
  };
  return {
    sql,
    kind,
    url,
    safeUrl: redactUrl(url),
    async withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
      if (typeof tenantId !== 'string' || !UUID_RE.test(tenantId)) throw new DatabaseError('DB_BAD_TENANT', `not a tenant id: ${String(tenantId)}`);
      notNested('withTenant()');
      const r = await sql.begin(opts.readOnly ? 'read only' : '', async (tx) => {
        // set_config('role', ..., true) is SET LOCAL ROLE; both end with the transaction. Not awaited
        // before fn's first query: the client pipelines both on the connection (one round trip), and
        // the server runs them in order, so fn's statements still see the role and tenant.
        const scoped = tx`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`.execute();
        scoped.catch(() => {}); // a failure here also fails fn's statements, which report it
        const out = await guarded(() => fn(tx));
        await scoped;
        return out;
      });
      return r as T;
    },
    async withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      notNested('withPlatform()');
      const r = await sql.begin((tx) => guarded(() => fn(tx)));
      return r as T;
    },
    migrate: () => runMigrations(sql, { log }),
    close() {
      closing ??= end().catch((e) => {
        log.error({ err: (e as Error).message }, 'closing the database failed');
        throw e;
      });
      return closing;
    },
  };
}
