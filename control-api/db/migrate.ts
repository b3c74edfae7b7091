// Schema migrations: plain .sql files in ./migrations, applied in file-name order by umzug.
//
// - Storage: the table schema_migrations (name, checksum, applied_at) through the `postgres` client.
// - Each migration runs in its own transaction together with its schema_migrations row, so a failed
//   migration leaves nothing behind and is retried on the next start. A file whose first line contains
//   `uap:no-transaction` runs outside a transaction (for CREATE INDEX CONCURRENTLY and the like).
// - All of it runs on one reserved connection holding a session advisory lock, so processes (or calls)
//   starting together queue up: the first applies, the others find nothing pending.
// - Forward-only: no down migrations; fix forward with a new file. Never edit an applied file: a changed
//   checksum is logged as a warning.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Umzug, type UmzugStorage } from 'umzug';
import type postgres from 'postgres';
import { UapError } from '../../lib/errors.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Key of the advisory lock held while migrating (per database; any constant unlikely to collide). */
export const MIGRATION_LOCK_KEY = 0x7561_7030n; // 'uap0'

export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface MigrateResult {
  /** Migrations applied by this call, in order (empty when the schema was current). */
  applied: string[];
  /** Every migration recorded in schema_migrations after this call. */
  executed: string[];
  /** Optional features found: vector = pgvector installed and kb_chunks created. */
  capabilities: { vector: boolean };
}

export class MigrationError extends UapError {
  constructor(message: string, cause?: unknown) {
    super('DB_MIGRATION_FAILED', message, { cause });
  }
}

interface SqlFile {
  name: string;
  path: string;
  text: string;
  checksum: string;
  transactional: boolean;
}

export function loadMigrationFiles(dir = MIGRATIONS_DIR): SqlFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3,}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const text = readFileSync(path, 'utf8');
      const firstLine = text.split('\n', 1)[0] ?? '';
      return {
        name: f.slice(0, -'.sql'.length),
        path,
        text,
        checksum: createHash('sha256').update(text).digest('hex'),
        transactional: !firstLine.includes('uap:no-transaction'),
      };
    });
}

const silent: DbLogger = { info() {}, warn() {}, error() {} };

/**
 * Applies the pending migrations, then the repeatable steps (optional pgvector), then checks that the
 * connected role can use uap_app. Safe to call concurrently from several processes.
 */
export async function runMigrations(sql: postgres.Sql, opts: { log?: DbLogger; dir?: string } = {}): Promise<MigrateResult> {
  const log = opts.log ?? silent;
  const files = loadMigrationFiles(opts.dir);
  const conn = await sql.reserve();
  let locked = false;
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    locked = true;
    await conn.unsafe(`create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);

    const recorded = new Map((await conn<{ name: string; checksum: string }[]>`select name, checksum from schema_migrations`).map((r) => [r.name, r.checksum]));
    for (const f of files) {
      const sum = recorded.get(f.name);
      if (sum !== undefined && sum !== f.checksum) log.warn({ migration: f.name }, 'applied migration file changed since it ran (fix forward with a new migration)');
    }

    const storage: UmzugStorage = {
      async executed() {
        return (await conn<{ name: string }[]>`select name from schema_migrations order by name`).map((r) => r.name);
      },
      async logMigration({ name }) {
        // The row is normally written inside the migration's own transaction (below); this keeps the
        // storage correct for umzug's own bookkeeping too.
        const f = files.find((x) => x.name === name);
        await conn`insert into schema_migrations (name, checksum) values (${name}, ${f?.checksum ?? ''}) on conflict (name) do nothing`;
      },
      async unlogMigration({ name }) {
        await conn`delete from schema_migrations where name = ${name}`;
      },
    };

    const umzug = new Umzug({
      migrations: files.map((f) => ({
        name: f.name,
        path: f.path,
        up: async () => {
          if (!f.transactional) {
            await conn.unsafe(f.text).simple();
            await conn`insert into schema_migrations (name, checksum) values (${f.name}, ${f.checksum})`;
            return;
          }
          await conn.unsafe('begin');
          try {
            await conn.unsafe(f.text).simple();
            await conn`insert into schema_migrations (name, checksum) values (${f.name}, ${f.checksum})`;
            await conn.unsafe('commit');
          } catch (e) {
            await conn.unsafe('rollback').catch(() => {});
            throw e;
          }
        },
      })),
      storage,
      logger: {
        info: (m) => {
          if (m.event === 'migrated') log.info({ migration: m.name, seconds: m.durationSeconds }, 'migration applied');
        },
        warn: (m) => log.warn(m, 'umzug'),
        error: (m) => log.error(m, 'umzug'),
        debug: () => {},
      },
    });

    let applied: string[];
    try {
      applied = (await umzug.up()).map((m) => m.name);
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause ?? e;
      throw new MigrationError(`migration failed: ${(e as Error).message}: ${(cause as Error)?.message ?? cause}`, cause);
    }

    // Repeatable steps, every run.
    let vector = false;
    if (files.some((f) => f.name === '002_kb_vector')) {
      const [row] = await conn<{ ok: boolean }[]>`select uap_ensure_vector() as ok`;
      vector = row?.ok === true;
    }

    await checkAppRole(conn);
    const executed = await storage.executed({ context: {} });
    if (applied.length > 0) log.info({ applied, vector }, 'database schema migrated');
    return { applied, executed, capabilities: { vector } };
  } finally {
    if (locked) await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`.catch(() => {});
    conn.release();
  }
}

/** uap_app must exist, must not bypass RLS, and the connected role must be able to SET ROLE to it. */
async function checkAppRole(conn: postgres.Sql): Promise<void> {
  const [r] = await conn<{ exists: boolean; rolsuper: boolean | null; rolbypassrls: boolean | null; member: boolean | null; me: string }[]>`
    select exists (select 1 from pg_roles where rolname = 'uap_app') as exists,
           (select rolsuper from pg_roles where rolname = 'uap_app') as rolsuper,
           (select rolbypassrls from pg_roles where rolname = 'uap_app') as rolbypassrls,
           case when exists (select 1 from pg_roles where rolname = 'uap_app')
                then pg_has_role(current_user, 'uap_app', 'MEMBER') end as member,
           current_user as me`;
  if (!r?.exists) throw new MigrationError('role uap_app is missing after migrating');
  if (r.rolsuper || r.rolbypassrls) {
    throw new MigrationError('role uap_app is a superuser or has BYPASSRLS, so row-level security would not apply: ALTER ROLE uap_app NOSUPERUSER NOBYPASSRLS');
  }
  if (!r.member) throw new MigrationError(`role ${r.me} cannot SET ROLE uap_app: run as an administrator: GRANT uap_app TO "${r.me}"`);
}
