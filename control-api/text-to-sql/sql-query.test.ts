// sql.query on PostgreSQL 15 and PGlite: a tenant's own rows come back, and nothing else can — other
// tenants' calls, secrets, password and key hashes, writes, role changes, sleeps, several statements —
// refused by the check, and (the second line) by the uap_sql role, RLS and the READ ONLY transaction
// when the check is bypassed. Row, size, cost and time limits; the views match what the LLM is told.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { uap, subjects } from '../../proto/index.ts';
import { SQL_VIEWS } from '../../proto/sql-views.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { createTestDatabase } from '../../test/support/pg-database.ts';
import { runTenantSql, SQL_ROLE, type SqlResult } from './run-sql.ts';
import { SqlQueryService } from './sql-query-service.ts';

const log = pino({ level: 'silent' });
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c().catch(() => {});
});

async function open(kind: 'postgres' | 'pglite'): Promise<Database> {
  if (kind === 'postgres') {
    const pg = await createTestDatabase();
    const db = await openDatabase({ databaseUrl: pg.url, dataDir: '', log });
    closers.push(pg.drop, () => db.close());
    return db;
  }
  const dir = mkdtempSync(join(tmpdir(), 'uap-sql-'));
  const db = await openDatabase({ dataDir: join(dir, 'pg'), log });
  closers.push(async () => rmSync(dir, { recursive: true, force: true }), () => db.close());
  return db;
}

/** Two tenants: A with 3 calls and 150 transcript turns, B with 2 calls; users, an API key, a sealed secret. */
async function seed(db: Database): Promise<{ a: string; b: string }> {
  return db.withPlatform(async (tx) => {
    const [a] = await tx<{ id: string }[]>`insert into tenants (name, slug) values ('A', 'a') returning id`;
    const [b] = await tx<{ id: string }[]>`insert into tenants (name, slug) values ('B', 'b') returning id`;
    await tx`insert into users (tenant_id, email, password_hash) values (${a.id}, 'ann@a.test', 'argon2-hash-of-ann'), (${b.id}, 'bob@b.test', 'argon2-hash-of-bob')`;
    await tx`insert into api_keys (tenant_id, name, prefix, hash) values (${a.id}, 'k', 'pfxa', ${'a'.repeat(64)})`;
    await tx`insert into agent_configs (tenant_id, name, kind, prompt, secrets_encrypted) values (${a.id}, 'main', 'cascaded', 'secret prompt', '\\xdeadbeef')`;
    await tx`insert into calls (id, tenant_id, direction, from_number, status, duration_ms, summary)
      values ('CA1', ${a.id}, 'inbound', '+15550000001', 'completed', 60000, 'Booked a room'),
             ('CA2', ${a.id}, 'inbound', '+15550000002', 'completed', 30000, null),
             ('CA3', ${a.id}, 'outbound', '+15550000003', 'busy', 0, null),
             ('CB1', ${b.id}, 'inbound', '+15559999991', 'completed', 90000, 'B secret summary'),
             ('CB2', ${b.id}, 'inbound', '+15559999992', 'completed', 10000, null)`;
    await tx`insert into transcript_turns (tenant_id, call_id, role, text, started_ms)
      select ${a.id}, 'CA1', case when g % 2 = 0 then 'user' else 'agent' end, 'turn ' || g || ' ' || repeat('x', 200), g * 1000 from generate_series(1, 150) g`;
    return { a: a.id, b: b.id };
  });
}

const ok = (r: SqlResult) => {
  assert.ok(r.ok, JSON.stringify(r));
  return r;
};
const refused = (r: SqlResult, code: string, message?: RegExp) => {
  assert.equal(r.ok, false, JSON.stringify(r).slice(0, 300));
  if (!r.ok) {
    assert.equal(r.code, code, r.message);
    if (message) assert.match(r.message, message);
  }
};

for (const kind of ['postgres', 'pglite'] as const) {
  test(`sql.query on ${kind}`, { timeout: 90_000 }, async (t) => {
    const db = await open(kind);
    await db.migrate();
    const { a, b } = await seed(db);
    const run = (sql: string, limits = {}) => runTenantSql(db, a, sql, limits);

    await t.test("the tenant's own rows, as arrays, with column names", async () => {
      const r = ok(await run("select id, status, duration_ms from calls order by id"));
      assert.deepEqual(r.columns, ['id', 'status', 'duration_ms']);
      assert.deepEqual(r.rows, [['CA1', 'completed', '60000'], ['CA2', 'completed', '30000'], ['CA3', 'busy', '0']]);
      const agg = ok(await run("select direction, count(*)::int as n, avg(duration_ms)::int as avg_ms from calls group by 1 order by 1;"));
      assert.deepEqual(agg.rows, [['inbound', 2, 45000], ['outbound', 1, 0]]);
      const dup = ok(await run('select c.id, t.id from calls c join transcript_turns t on t.call_id = c.id order by t.id limit 1'));
      assert.deepEqual(dup.columns, ['id', 'id'], 'repeated column names keep both values');
      const none = ok(await run("select id from calls where id = 'nope'"));
      assert.deepEqual([none.columns, none.rows], [['id'], []]);
      const at = ok(await run('select started_at from calls limit 1'));
      assert.match(String(at.rows[0][0]), /^\d{4}-\d\d-\d\dT/, 'times as ISO text');
    });

    await t.test("another tenant's rows are invisible", async () => {
      assert.deepEqual(ok(await run("select count(*)::int from calls")).rows, [[3]]);
      assert.deepEqual(ok(await run("select * from calls where id like 'CB%' or summary like 'B secret%'")).rows, []);
      assert.deepEqual(ok(await run("select count(*)::int from calls where id in ('CB1', 'CB2')")).rows, [[0]]);
      // Errors cannot leak them either: RLS filters rows before the query's own expressions run.
      ok(await run("select id from calls where 1 / (case when id = 'CB1' then 0 else 1 end) = 1"));
      assert.deepEqual(ok(await runTenantSql(db, b, "select id from calls order by id")).rows, [['CB1'], ['CB2']], 'and B sees only its own');
    });

    await t.test('secrets, hashes, other tables and catalogs are out of reach', async () => {
      for (const q of ['select * from users', 'select password_hash from public.users', 'select hash from api_keys', 'select secrets_encrypted from agent_configs',
        'select * from public.calls', 'select * from pg_catalog.pg_roles', 'select * from pg_authid', 'select * from information_schema.tables', 'table users',
        'with a as (select * from pg_roles), pg_roles as (select 1) select * from a', "select * from calls where id in (select email from users)"]) {
        refused(await run(q), 'NOT_ALLOWED');
      }
      refused(await run('select prompt from agents'), 'QUERY_FAILED', /column "prompt" does not exist \(at character 8\)/);
      refused(await run('select secrets_encrypted from agents'), 'QUERY_FAILED', /does not exist/);
      const agents = ok(await run('select * from agents'));
      assert.deepEqual(agents.columns, ['id', 'name', 'kind', 'created_at'], 'the agents view has no prompt, settings, tools or secrets');
      refused(await run("select query_to_xml('select * from users', true, true, '')"), 'NOT_ALLOWED', /query_to_xml/);
      refused(await run("select current_setting('app.tenant_id')"), 'NOT_ALLOWED');
    });

    await t.test('no writes, no role or tenant changes, one statement only', async () => {
      refused(await run("DELETE FROM calls"), 'NOT_ALLOWED', /only SELECT/);
      refused(await run("UPDATE calls SET summary = 'x'"), 'NOT_ALLOWED', /only SELECT/);
      refused(await run("insert into calls (id) values ('x')"), 'NOT_ALLOWED');
      refused(await run("with d as (delete from calls returning id) select * from d"), 'NOT_ALLOWED');
      refused(await run('set role postgres'), 'NOT_ALLOWED');
      refused(await run('reset role'), 'NOT_ALLOWED');
      refused(await run("select set_config('role', 'postgres', true)"), 'NOT_ALLOWED', /set_config/);
      refused(await run(`select set_config('app.tenant_id', '${b}', true), * from calls`), 'NOT_ALLOWED');
      refused(await run('select 1; delete from calls'), 'NOT_ALLOWED', /one statement/);
      refused(await run('select 1; select 2'), 'NOT_ALLOWED', /one statement/);
      refused(await run('select * from calls for update'), 'NOT_ALLOWED');
      refused(await run('select * into stolen from calls'), 'NOT_ALLOWED');
      refused(await run('select from where'), 'BAD_SQL', /syntax error/);
      const [n] = await db.withPlatform((tx) => tx<{ n: number }[]>`select count(*)::int as n from calls`);
      assert.equal(n.n, 5, 'nothing was deleted');
    });

    await t.test('pg_sleep and runaway queries are refused or cut short', async () => {
      const t0 = Date.now();
      refused(await run('select pg_sleep(10)'), 'NOT_ALLOWED', /pg_sleep/);
      refused(await run('select count(*) from calls, pg_sleep(10)'), 'NOT_ALLOWED');
      refused(await run('with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r'), 'NOT_ALLOWED', /RECURSIVE/);
      refused(await run('select count(*) from transcript_turns a, transcript_turns b, transcript_turns c, transcript_turns d'), 'TOO_EXPENSIVE');
      assert.ok(Date.now() - t0 < 3000, 'refused without running');
      if (kind === 'postgres') {
        // With the cost cap lifted, statement_timeout ends it (PGlite does not enforce statement_timeout).
        const t1 = Date.now();
        refused(await run('select count(*) from transcript_turns a, transcript_turns b, transcript_turns c, transcript_turns d', { maxCost: Infinity, timeoutMs: 300 }), 'TIMEOUT');
        assert.ok(Date.now() - t1 < 3000);
      }
    });

    await t.test('row and size caps', async () => {
      const r = ok(await run('select id from transcript_turns order by id'));
      assert.equal(r.rows.length, 100);
      assert.equal(r.truncated, true);
      const five = ok(await run('select id from transcript_turns', { maxRows: 5 }));
      assert.deepEqual([five.rows.length, five.truncated], [5, true]);
      const sized = ok(await run('select text from transcript_turns order by id', { maxChars: 2000 }));
      assert.ok(sized.rows.length < 10 && sized.rows.length > 0 && sized.truncated);
      const cut = ok(await run('select text from transcript_turns order by id limit 1', { maxCellChars: 10 }));
      assert.equal(cut.rows[0][0], 'turn 1 xxx…');
      assert.equal(ok(await run('select count(*)::int from transcript_turns')).truncated, false);
    });

    await t.test('even past the check, the database refuses: uap_sql role, RLS, READ ONLY', async () => {
      const raw = (q: string) => db.withTenant(a, async (tx) => {
        await tx`select set_config('role', ${SQL_ROLE}, true), set_config('search_path', 'reporting, pg_catalog', true)`;
        return tx.unsafe(q);
      }, { readOnly: true }).then(() => 'ran', (e: Error & { code?: string }) => e.code ?? e.message);
      assert.equal(await raw('select * from public.users'), '42501', 'permission denied');
      assert.equal(await raw('select secrets_encrypted from public.agent_configs'), '42501');
      assert.equal(await raw('select hash from public.api_keys'), '42501');
      assert.equal(await raw('select metadata from public.calls'), '42501', 'only the views’ columns are granted');
      assert.equal(await raw('delete from reporting.calls'), '42501', 'uap_sql may not write');
      assert.equal(await raw("update reporting.calls set summary = 'x'"), '42501');
      // The transaction is READ ONLY too: even uap_app, which may write calls, cannot in it.
      const asApp = await db.withTenant(a, (tx) => tx`delete from calls`, { readOnly: true }).then(() => 'ran', (e: Error & { code?: string }) => e.code);
      assert.equal(asApp, '25006', 'read-only transaction');
      const [{ n }] = await db.withTenant(a, async (tx) => {
        await tx`select set_config('role', ${SQL_ROLE}, true)`;
        return tx<{ n: number }[]>`select count(*)::int as n from reporting.calls`;
      }, { readOnly: true });
      assert.equal(n, 3, 'RLS applies through the views');
    });

    await t.test('proto/sql-views.ts describes exactly the reporting views', async () => {
      const cols = await db.withPlatform((tx) => tx<{ view: string; column: string; type: string }[]>`
        select table_name as view, column_name as column, udt_name as type from information_schema.columns
         where table_schema = 'reporting' order by table_name, ordinal_position`);
      const udt: Record<string, string> = { text: 'text', timestamptz: 'timestamptz', bigint: 'int8', integer: 'int4', boolean: 'bool', uuid: 'uuid' };
      const expected = SQL_VIEWS.flatMap((v) => v.columns.map((c) => ({ view: v.name, column: c.name, type: udt[c.type] ?? c.type })))
        .sort((x, y) => x.view.localeCompare(y.view));
      const byView = (rows: { view: string }[]) => [...new Set(rows.map((r) => r.view))].sort();
      assert.deepEqual(byView(cols), byView(expected));
      for (const v of byView(expected)) {
        assert.deepEqual(cols.filter((c) => c.view === v).map((c) => ({ ...c })), expected.filter((c) => c.view === v), v);
      }
    });

    await t.test('served on the bus: rows as JSON, refusals and bad requests as error codes', async () => {
      const bus = new InProcBus();
      const svc = new SqlQueryService(db, bus, log);
      svc.start();
      try {
        const ask = async (req: uap.ISqlQueryRequest) => uap.SqlQueryReply.decode(await bus.request(subjects.sqlQuery, uap.SqlQueryRequest.encode(req).finish(), { timeoutMs: 5000 }));
        const r = await ask({ tenantId: a, sql: 'select id from calls order by id', maxRows: 2, callId: 'CA9' });
        assert.deepEqual([r.ok, r.columns, JSON.parse(r.rowsJson), r.rowCount, r.truncated], [true, ['id'], [['CA1'], ['CA2']], 2, true]);
        const no = await ask({ tenantId: a, sql: 'delete from calls' });
        assert.deepEqual([no.ok, no.errorCode], [false, 'NOT_ALLOWED']);
        assert.match(no.errorMessage, /only SELECT/);
        assert.equal((await ask({ tenantId: 'acme', sql: 'select 1' })).errorCode, 'BAD_REQUEST');
        assert.equal((await ask({ tenantId: a, sql: 'x'.repeat(5000) })).errorCode, 'BAD_REQUEST');
        assert.equal((await ask({ tenantId: a, sql: '' })).errorCode, 'BAD_REQUEST');
        const junk = uap.SqlQueryReply.decode(await bus.request(subjects.sqlQuery, new Uint8Array([0xff, 0xff, 0xff]), { timeoutMs: 5000 }));
        assert.equal(junk.errorCode, 'BAD_REQUEST');
      } finally {
        svc.stop();
        await bus.close();
      }
    });
  });
}
