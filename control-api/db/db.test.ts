// The database layer against both engines: real PostgreSQL (a throw-away database on the cluster of
// TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) and embedded PGlite in a temp dir.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createLogger } from '../../lib/logger.ts';
import {
  openDatabase,
  runMigrations,
  seedDefaults,
  loadMigrationFiles,
  MIGRATIONS_DIR,
  type Database,
  type DbLogger,
  type Tx,
} from './index.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log: DbLogger = createLogger(process.env.LOG_LEVEL ?? 'silent'); // a pino logger fits DbLogger
const MIGRATIONS = loadMigrationFiles().map((f) => f.name);

interface Backend {
  kind: 'postgres' | 'pglite';
  open(): Promise<Database>;
  /** A second, independent client on the same database (PostgreSQL only: PGlite is one session). */
  openSecond?(): Promise<Database>;
  cleanup(): Promise<void>;
}

function urlFor(base: string, dbname: string, user?: string): string {
  const u = new URL(base);
  u.pathname = `/${dbname}`;
  if (user) {
    u.username = user;
    u.password = '';
  }
  return u.toString();
}

function postgresBackend(): Backend {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const dbname = `uap_t_${randomBytes(5).toString('hex')}`;
  const url = urlFor(ADMIN_URL, dbname);
  let created = false;
  return {
    kind: 'postgres',
    async open() {
      if (!created) {
        await admin.unsafe(`create database ${dbname}`);
        created = true;
      }
      return openDatabase({ databaseUrl: url, dataDir: '', log, max: 4, nestingCheck: true });
    },
    openSecond: () => openDatabase({ databaseUrl: url, dataDir: '', log, max: 2 }),
    async cleanup() {
      if (created) await admin.unsafe(`drop database if exists ${dbname} with (force)`);
      await admin.end();
    },
  };
}

function pgliteBackend(dir: string): Backend {
  return {
    kind: 'pglite',
    open: () => openDatabase({ dataDir: join(dir, 'pg'), log }),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function newTenant(db: Database, slug: string): Promise<string> {
  const [t] = await db.withPlatform((tx) => tx<{ id: string }[]>`insert into tenants (name, slug) values (${slug}, ${slug}) returning id`);
  return t!.id;
}

async function expectPgError(p: Promise<unknown>, code: string, re?: RegExp): Promise<void> {
  await assert.rejects(p, (e: { code?: string; message: string }) => {
    assert.equal(e.code, code, `expected SQLSTATE ${code}, got ${e.code}: ${e.message}`);
    if (re) assert.match(e.message, re);
    return true;
  });
}

function suite(name: string, makeBackend: () => Backend) {
  describe(name, () => {
    let backend: Backend;
    let db: Database;
    let tenantA: string;
    let tenantB: string;

    before(async () => {
      backend = makeBackend();
      db = await backend.open();
    });
    after(async () => {
      await db?.close();
      await backend?.cleanup();
    });

    test('concurrent migrate() on a fresh database applies each migration once', async () => {
      const second = backend.openSecond ? await backend.openSecond() : db;
      try {
        const results = await Promise.all([db.migrate(), second.migrate(), db.migrate()]);
        const applied = results.flatMap((r) => r.applied).sort();
        assert.deepEqual(applied, MIGRATIONS, 'every migration applied exactly once across the callers');
        for (const r of results) assert.deepEqual(r.executed, MIGRATIONS);
      } finally {
        if (second !== db) await second.close();
      }
      const rows = await db.sql<{ name: string; checksum: string }[]>`select name, checksum from schema_migrations order by name`;
      assert.deepEqual(rows.map((r) => r.name), MIGRATIONS);
      for (const r of rows) assert.match(r.checksum, /^[0-9a-f]{64}$/);
    });

    test('re-applying migrations is a no-op; pgvector is detected', async () => {
      const r = await db.migrate();
      assert.deepEqual(r.applied, []);
      assert.equal(r.capabilities.vector, backend.kind === 'pglite', 'PGlite loads pgvector; the test PostgreSQL 15 has none');
      const [cap] = await db.sql<{ enabled: boolean }[]>`select enabled from capabilities where name = 'vector'`;
      assert.equal(cap?.enabled, r.capabilities.vector);
      // kb_chunks always exists (006); pgvector adds its embedding column.
      const [kb] = await db.sql<{ embedding: boolean }[]>`select exists (select 1 from pg_attribute where attrelid = 'kb_chunks'::regclass and attname = 'embedding' and not attisdropped) as embedding`;
      assert.equal(kb?.embedding, r.capabilities.vector);
    });

    test('a failing migration rolls back completely and is not recorded', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'uap-mig-'));
      try {
        for (const f of loadMigrationFiles()) copyFileSync(f.path, join(dir, `${f.name}.sql`));
        writeFileSync(join(dir, '900_broken.sql'), 'create table broken_half (id int);\nselect 1/0;\n');
        await assert.rejects(runMigrations(db.sql, { dir }), /900_broken|division by zero/);
        const [r] = await db.sql<{ t: string | null; n: number }[]>`
          select to_regclass('broken_half')::text as t, (select count(*)::int from schema_migrations where name = '900_broken') as n`;
        assert.equal(r?.t, null);
        assert.equal(r?.n, 0);
        // the lock was released: a normal run still works
        assert.deepEqual((await db.migrate()).applied, []);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('seedDefaults is idempotent: one default tenant, catch-all to an offline agent', async () => {
      const [a, b] = await Promise.all([seedDefaults(db), seedDefaults(db)]);
      const c = await seedDefaults(db);
      assert.equal([a, b].filter((x) => x.created).length, 1);
      assert.equal(c.created, false);
      assert.deepEqual({ ...a, created: false }, { ...b, created: false });
      assert.deepEqual({ ...a, created: false }, c);
      const rows = await db.withPlatform((tx) => tx<{ slug: string; e164: string; kind: string }[]>`
        select t.slug, p.e164, a.kind from phone_numbers p
          join tenants t on t.id = p.tenant_id
          join agent_configs a on a.id = p.agent_config_id and a.tenant_id = p.tenant_id`);
      assert.deepEqual(rows.map((r) => ({ ...r })), [{ slug: 'default', e164: '*', kind: 'offline' }]);
      const [n] = await db.sql<{ tenants: number; agents: number }[]>`
        select (select count(*)::int from tenants) as tenants, (select count(*)::int from agent_configs) as agents`;
      assert.deepEqual({ ...n }, { tenants: 1, agents: 1 });
    });

    test('every table with tenant_id has forced row-level security and a tenant policy', async () => {
      const rows = await db.sql<{ table: string; rls: boolean; forced: boolean; policy: boolean }[]>`
        select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
               exists (select 1 from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_isolation') as policy
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r'
           and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                or c.relname = 'tenants')
         order by 1`;
      assert.ok(rows.length >= 12, `tenant tables found: ${rows.map((r) => r.table).join(', ')}`);
      for (const r of rows) assert.deepEqual({ ...r }, { table: r.table, rls: true, forced: true, policy: true });
    });

    test('withTenant runs as uap_app, which is neither superuser nor BYPASSRLS, and nothing leaks after it', async () => {
      tenantA = await newTenant(db, 'acme');
      tenantB = await newTenant(db, 'globex');
      const r = await db.withTenant(tenantA, async (tx) => {
        const [x] = await tx<{ current_user: string; session_user: string; rolsuper: boolean; rolbypassrls: boolean; tenant: string }[]>`
          select current_user, session_user, rolsuper, rolbypassrls, current_setting('app.tenant_id') as tenant
            from pg_roles where rolname = current_user`;
        return x;
      });
      assert.equal(r?.current_user, 'uap_app');
      assert.equal(r?.rolsuper, false);
      assert.equal(r?.rolbypassrls, false);
      assert.equal(r?.tenant, tenantA);
      const [out] = await db.sql<{ u: string; t: string | null }[]>`select current_user as u, nullif(current_setting('app.tenant_id', true), '') as t`;
      assert.notEqual(out?.u, 'uap_app');
      assert.equal(out?.t, null);
      await assert.rejects(db.withTenant('not-a-uuid', async () => 1), { code: 'DB_BAD_TENANT' });
      await assert.rejects(db.withPlatform(() => db.withTenant(tenantA, async () => 1)), { code: 'DB_NESTED_TRANSACTION' });
      if (backend.kind === 'postgres') {
        // Without the check (PostgreSQL's default) the callback runs as it is: the nested call takes another
        // pooled connection instead of hanging — and is outside the transaction, which tests on PGlite catch.
        const plain = await openDatabase({ databaseUrl: db.url, dataDir: '', log, max: 2 });
        try {
          assert.equal(await plain.withPlatform(() => plain.withTenant(tenantA, async () => 1)), 1);
        } finally {
          await plain.close();
        }
      }
    });

    test('tenant A cannot read or change tenant B rows, even without a WHERE clause', async () => {
      const seedRows = async (tenant: string, tag: string) =>
        db.withTenant(tenant, async (tx) => {
          await tx`insert into users (tenant_id, email, name) values (${tenant}, ${`ann@${tag}.test`}, 'Ann'), (${tenant}, ${`bob@${tag}.test`}, 'Bob')`;
          const [agent] = await tx<{ id: string }[]>`insert into agent_configs (tenant_id, name, kind) values (${tenant}, 'main', 'echo') returning id`;
          for (let i = 0; i < 3; i++) {
            await tx`insert into calls (id, tenant_id, direction, from_number, to_number, status, agent_config_id)
                     values (${`CA${tag}${i}`}, ${tenant}, 'inbound', '+15550001', '+15550002', 'completed', ${agent!.id})`;
          }
        });
      await seedRows(tenantA, 'a');
      await seedRows(tenantB, 'b');

      await db.withTenant(tenantA, async (tx) => {
        // a handler that forgot "where tenant_id = ..."
        const calls = await tx<{ id: string; tenant_id: string }[]>`select id, tenant_id from calls order by id`;
        assert.deepEqual(calls.map((c) => c.id), ['CAa0', 'CAa1', 'CAa2']);
        const tenants = await tx<{ id: string }[]>`select id from tenants`;
        assert.deepEqual(tenants.map((t) => t.id), [tenantA]);
        assert.equal((await tx`select 1 from calls where id = 'CAb0'`).length, 0, 'B rows are invisible even by id');

        const upd = await tx`update calls set summary = 'overwritten'`;
        assert.equal(upd.count, 3);
        const del = await tx`delete from users`;
        assert.equal(del.count, 2);
        const updB = await tx`update calls set summary = 'x' where id = 'CAb1'`;
        assert.equal(updB.count, 0);
      });

      // WITH CHECK: writing a row for another tenant, or moving a row to it, is refused
      await expectPgError(
        db.withTenant(tenantA, (tx) => tx`insert into calls (id, tenant_id, direction) values ('CAevil', ${tenantB}, 'inbound')`),
        '42501',
        /row-level security/,
      );
      await expectPgError(db.withTenant(tenantA, (tx) => tx`update calls set tenant_id = ${tenantB} where id = 'CAa0'`), '42501', /row-level security/);
      await expectPgError(
        db.withTenant(tenantA, (tx) => tx`insert into audit_log (tenant_id, actor_type, action) values (${tenantB}, 'user', 'x')`),
        '42501',
      );
      // column grants: no self-promotion to platform admin, no plan/quota changes, no deleting the audit trail
      await expectPgError(db.withTenant(tenantA, (tx) => tx`update users set is_platform_admin = true`), '42501', /permission denied/);
      await expectPgError(db.withTenant(tenantA, (tx) => tx`update tenants set quotas = '{"max_concurrent_calls": 1000}'`), '42501', /permission denied/);
      await expectPgError(db.withTenant(tenantA, (tx) => tx`delete from audit_log`), '42501', /permission denied/);
      // a composite foreign key keeps references inside the tenant (FK checks ignore RLS)
      const [bAgent] = await db.withTenant(tenantB, (tx) => tx<{ id: string }[]>`select id from agent_configs`);
      await expectPgError(
        db.withTenant(tenantA, (tx) => tx`insert into phone_numbers (tenant_id, e164, agent_config_id) values (${tenantA}, '+15557654321', ${bAgent!.id})`),
        '23503',
      );

      // B is untouched
      const b = await db.withPlatform(async (tx: Tx) => ({
        calls: await tx<{ id: string; summary: string | null }[]>`select id, summary from calls where tenant_id = ${tenantB} order by id`,
        users: await tx<{ n: number }[]>`select count(*)::int as n from users where tenant_id = ${tenantB}`,
        a: await tx<{ n: number }[]>`select count(*)::int as n from calls where tenant_id = ${tenantA} and summary = 'overwritten'`,
      }));
      assert.deepEqual(b.calls.map((c) => [c.id, c.summary]), [['CAb0', null], ['CAb1', null], ['CAb2', null]]);
      assert.equal(b.users[0]?.n, 2);
      assert.equal(b.a[0]?.n, 3);

      // readOnly
      await expectPgError(db.withTenant(tenantA, (tx) => tx`delete from calls`, { readOnly: true }), '25006');
    });

    test('calls list with a (started_at, id) cursor', async () => {
      const t0 = Date.parse('2030-01-01T00:00:00Z');
      await db.withTenant(tenantA, async (tx) => {
        for (let i = 0; i < 5; i++) {
          // two calls per timestamp, to exercise the id tie-break
          await tx`insert into calls (id, tenant_id, direction, started_at) values (${`CP${i}`}, ${tenantA}, 'outbound', ${new Date(t0 + Math.floor(i / 2) * 1000)})`;
        }
      });
      const seen: string[] = [];
      let cursor: { started_at: Date; id: string } | undefined;
      for (;;) {
        const page = await db.withTenant(tenantA, (tx) => tx<{ id: string; started_at: Date }[]>`
          select id, started_at from calls
           where id like 'CP%' ${cursor ? tx`and (started_at, id) < (${cursor.started_at}, ${cursor.id})` : tx``}
           order by started_at desc, id desc limit 2`);
        if (page.length === 0) break;
        seen.push(...page.map((p) => p.id));
        cursor = page[page.length - 1];
      }
      assert.deepEqual(seen, ['CP4', 'CP3', 'CP2', 'CP1', 'CP0']);
    });

    test('a duplicate call event (same event_id) with ON CONFLICT DO NOTHING is a no-op', async () => {
      const insert = (tenant: string, payload: object) =>
        db.withTenant(tenant, (tx) => tx`
          insert into call_events (tenant_id, event_id, call_id, kind, seq, payload)
          values (${tenant}, 'ev-1', 'CAa0', 'call.started', 1, ${tx.json(payload as postgres.JSONValue)})
          on conflict (event_id) do nothing`);
      assert.equal((await insert(tenantA, { first: true })).count, 1);
      assert.equal((await insert(tenantA, { first: false })).count, 0);
      assert.equal((await insert(tenantB, { other: true })).count, 0, 'a redelivery under another tenant neither inserts nor reveals');
      const rows = await db.withPlatform((tx) => tx<{ tenant_id: string; payload: unknown }[]>`select tenant_id, payload from call_events where event_id = 'ev-1'`);
      assert.deepEqual(rows.map((r) => ({ ...r })), [{ tenant_id: tenantA, payload: { first: true } }]);
      await expectPgError(
        db.withTenant(tenantA, (tx) => tx`insert into call_events (tenant_id, event_id, call_id, kind) values (${tenantA}, 'ev-1', 'CAa0', 'x')`),
        '23505',
      );
    });

    test('phone numbers: E.164 or the catch-all only', async () => {
      await expectPgError(db.withTenant(tenantA, (tx) => tx`insert into phone_numbers (tenant_id, e164) values (${tenantA}, '5551234')`), '23514');
      await expectPgError(db.withTenant(tenantA, (tx) => tx`insert into phone_numbers (tenant_id, e164) values (${tenantA}, '+0123')`), '23514');
      const r = await db.withTenant(tenantA, (tx) => tx`insert into phone_numbers (tenant_id, e164, provider) values (${tenantA}, '+15551230000', 'sip')`);
      assert.equal(r.count, 1);
      // the routing lookup (platform): the exact number first, else the catch-all
      const route = (to: string) =>
        db.withPlatform(async (tx) => {
          const [x] = await tx<{ tenant_id: string; e164: string }[]>`
            select tenant_id, e164 from phone_numbers where e164 = ${to} or e164 = '*' order by e164 = '*' limit 1`;
          return x && { ...x };
        });
      assert.deepEqual(await route('+15551230000'), { tenant_id: tenantA, e164: '+15551230000' });
      assert.equal((await route('+15559999999'))?.e164, '*');
    });

    test('knowledge-base chunks (pgvector only) are tenant-isolated', async (t) => {
      const [cap] = await db.sql<{ enabled: boolean }[]>`select enabled from capabilities where name = 'vector'`;
      if (!cap?.enabled) {
        t.skip('no pgvector on this server');
        return;
      }
      const vec = (x: number) => `[${Array.from({ length: 1536 }, (_, i) => (i === 0 ? x : 0)).join(',')}]`;
      await db.withTenant(tenantA, (tx) => tx`insert into kb_chunks (tenant_id, content, embedding) values (${tenantA}, 'a', ${vec(1)}::vector)`);
      await db.withTenant(tenantB, (tx) => tx`insert into kb_chunks (tenant_id, content, embedding) values (${tenantB}, 'b', ${vec(1)}::vector)`);
      const rows = await db.withTenant(tenantA, (tx) => tx<{ content: string }[]>`select content from kb_chunks order by embedding <=> ${vec(2)}::vector limit 5`);
      assert.deepEqual(rows.map((r) => r.content), ['a']);
    });
  });
}

suite('db on PostgreSQL', postgresBackend);

describe('db on PostgreSQL with a non-superuser owner (production set-up)', () => {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const suffix = randomBytes(5).toString('hex');
  const owner = `uap_t_owner_${suffix}`;
  const dbname = `uap_t_${suffix}`;
  let db: Database | undefined;

  before(async () => {
    await admin.unsafe(`create role ${owner} login nosuperuser nocreaterole nobypassrls`);
    await admin.unsafe(`create database ${dbname} owner ${owner}`);
  });
  after(async () => {
    await db?.close();
    await admin.unsafe(`drop database if exists ${dbname} with (force)`);
    await admin.unsafe(`drop role if exists ${owner}`);
    await admin.end();
  });

  test('migrate() names the missing GRANT, then works once it is given; FORCE RLS does not hide rows from withPlatform', async () => {
    // uap_app exists on this cluster already (the suite above created it) and this owner cannot grant it
    db = await openDatabase({ databaseUrl: urlFor(ADMIN_URL, dbname, owner), dataDir: '', log });
    await assert.rejects(db.migrate(), new RegExp(`GRANT uap_app TO "${owner}"`));
    await admin.unsafe(`grant uap_app to ${owner}`);
    const r = await db.migrate();
    assert.deepEqual(r.applied, [], 'the migrations themselves had been applied');
    await seedDefaults(db);
    const other = await newTenant(db, 'other');
    await db.withTenant(other, (tx) => tx`insert into users (tenant_id, email) values (${other}, 'x@other.test')`);
    const [n] = await db.withPlatform((tx) => tx<{ tenants: number; users: number }[]>`
      select (select count(*)::int from tenants) as tenants, (select count(*)::int from users) as users`);
    assert.deepEqual({ ...n }, { tenants: 2, users: 1 });
    const seen = await db.withTenant(other, (tx) => tx<{ slug: string }[]>`select slug from tenants`);
    assert.deepEqual(seen.map((s) => s.slug), ['other']);
    const [who] = await db.withTenant(other, (tx) => tx<{ u: string; s: string }[]>`select current_user as u, session_user as s`);
    assert.deepEqual({ ...who }, { u: 'uap_app', s: owner });
  });
});

const pgliteDir = mkdtempSync(join(tmpdir(), 'uap-pglite-'));
suite('db on PGlite', () => pgliteBackend(pgliteDir));

describe('PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uap-pglite-persist-'));
  const dataDir = join(dir, 'nested', 'pg');
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('is created, locked while open (a stale lock is taken over), and keeps its data across close and reopen', async () => {
    const db1 = await openDatabase({ dataDir, log });
    assert.equal(db1.kind, 'pglite');
    assert.match(db1.url, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    await db1.migrate();
    const seeded = await seedDefaults(db1);
    await db1.withTenant(seeded.tenantId, (tx) => tx`insert into calls (id, tenant_id, direction) values ('CApersist', ${seeded.tenantId}, 'inbound')`);
    await assert.rejects(openDatabase({ dataDir, log }), { code: 'DB_DATA_DIR_LOCKED' });
    // PGlite is one session: a second client on the socket is refused rather than sharing it
    const stray = postgres(db1.url, { max: 1, connect_timeout: 3, onnotice: () => {} });
    await assert.rejects(stray`select 1`);
    await stray.end({ timeout: 1 }).catch(() => {});
    assert.equal((await db1.sql<{ ok: number }[]>`select 1 as ok`)[0]?.ok, 1);
    await Promise.all([db1.close(), db1.close()]);
    assert.equal(existsSync(join(dataDir, 'uap.lock')), false);
    await assert.rejects(db1.sql`select 1`);

    // a process that died with the directory open left its lock behind: taken over
    writeFileSync(join(dataDir, 'uap.lock'), '999999999\n');
    const db2 = await openDatabase({ dataDir, log });
    try {
      assert.deepEqual((await db2.migrate()).applied, []);
      const again = await seedDefaults(db2);
      assert.deepEqual({ ...again, created: true }, { ...seeded, created: true });
      const rows = await db2.withTenant(seeded.tenantId, (tx) => tx<{ id: string }[]>`select id from calls`);
      assert.deepEqual(rows.map((r) => r.id), ['CApersist']);
    } finally {
      await db2.close();
    }
  });

  test('queries run off the main thread: a long query does not stall the event loop', async () => {
    const db = await openDatabase({ dataDir, log });
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const t0 = Date.now();
      await db.sql`select count(*) from generate_series(1, 3000000)`;
      const ms = Date.now() - t0;
      clearInterval(timer);
      assert.ok(ticks >= Math.min(5, ms / 40), `${ticks} timer ticks during a ${ms} ms query`);
    } finally {
      await db.close();
    }
  });

  test('a directory with other files is not initialised as a database', async () => {
    const junk = join(dir, 'junk');
    mkdirSync(junk);
    writeFileSync(join(junk, 'notes.txt'), 'hello');
    await assert.rejects(openDatabase({ dataDir: junk, log }), { code: 'DB_DATA_DIR_INVALID' });
  });
});

// keep the migrations folder honest: files are numbered, and this list is what the suites expect
test('migration files', () => {
  assert.ok(existsSync(MIGRATIONS_DIR));
  assert.deepEqual(MIGRATIONS.slice(0, 2), ['001_init', '002_kb_vector']);
});
