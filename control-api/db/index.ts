// Public surface of the control API's database layer. See database.ts for the engine choice and the
// PGlite connection limit, migrate.ts for migrations, seed.ts for the default tenant.
export {
  openDatabase,
  redactUrl,
  DatabaseError,
  DEFAULT_DATA_DIR,
  APP_ROLE,
  isUuid,
  type Database,
  type OpenDatabaseOptions,
  type Sql,
  type Tx,
} from './database.ts';
export { runMigrations, loadMigrationFiles, MigrationError, MIGRATIONS_DIR, type MigrateResult, type DbLogger } from './migrate.ts';
export { seedDefaults, DEFAULT_TENANT_SLUG, DEFAULT_AGENT_NAME, CATCH_ALL_NUMBER, type SeedResult } from './seed.ts';

import { openDatabase, type OpenDatabaseOptions } from './database.ts';
import type { MigrateResult } from './migrate.ts';
import { seedDefaults, type SeedResult } from './seed.ts';

/**
 * `uap migrate`: open, apply migrations, seed the defaults, close. For the CLI (and the start of the
 * api role, which keeps the database open instead: openDatabase → migrate() → seedDefaults()).
 */
export async function migrateAndSeed(opts: OpenDatabaseOptions): Promise<MigrateResult & { seed: SeedResult; kind: 'postgres' | 'pglite' }> {
  const db = await openDatabase(opts);
  try {
    const result = await db.migrate();
    const seed = await seedDefaults(db);
    return { ...result, seed, kind: db.kind };
  } finally {
    await db.close();
  }
}
