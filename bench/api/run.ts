// bench/api: autocannon against GET /api/v1/voice/calls with an API key, on a tenant with 100k calls
// in PostgreSQL (a throw-away database on TEST_PG_URL). The server is `uap serve --roles api` in its
// own process (one Node thread = one core); autocannon runs here. Prints a table, writes JSON.
// --list-cache on|off: the call-list page cache (API_LIST_CACHE; pages are re-rendered after any change
// to the tenant's calls). --churn N: N changes a second to the tenant's calls during the run (a call
// inserted, or one updated), as live traffic causes, so each change costs the next requests a render.
// Usage: node --import tsx bench/api/run.ts [--calls 100000] [--seconds 15] [--connections 32] [--pipelining 1] [--list-cache on] [--churn 0]
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createTestDatabase } from '../../test/support/pg-database.ts';
import { startUap } from '../../test/support/uap-process.ts';
import { openDatabase, seedDefaults } from '../../control-api/db/index.ts';
import { generateApiKey } from '../../control-api/auth/api-keys.ts';
import { cpuSeconds, rssBytes } from '../proc-stats.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '15' }, connections: { type: 'string', default: '32' }, pipelining: { type: 'string', default: '1' }, 'list-cache': { type: 'string', default: 'on' }, churn: { type: 'string', default: '0' } } });
const LIST_CACHE = values['list-cache'] === 'on';
const CHURN = Number(values.churn);
const CALLS = Number(values.calls);
const SECONDS = Number(values.seconds);

const pg = await createTestDatabase();
try {
  const db = await openDatabase({ databaseUrl: pg.url, dataDir: '', log: pino({ level: 'silent' }) });
  await db.migrate();
  await seedDefaults(db);
  const [t] = await pg.sql`insert into tenants (name, slug) values ('Bench', 'bench') returning id`;
  const t0 = Date.now();
  await pg.sql`insert into calls (id, tenant_id, direction, from_number, to_number, status, started_at, ended_at, duration_ms, end_reason)
    select 'CA' || lpad(to_hex(g), 32, '0'), ${t.id}, case when g % 5 = 0 then 'outbound' else 'inbound' end, '+1555' || lpad((g % 10000000)::text, 7, '0'), '+15550002222',
           case when g % 20 = 0 then 'failed' else 'completed' end, now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval + interval '90 seconds', 90000, 'CALLER_HANGUP'
    from generate_series(1, ${CALLS}) g`;
  await pg.sql`analyze calls`;
  const key = generateApiKey();
  await pg.sql`insert into api_keys (tenant_id, name, prefix, hash, role, scopes) values (${t.id}, 'bench', ${key.prefix}, ${key.secretHash}, 'viewer', '{calls:read}')`;
  await db.close();
  process.stderr.write(`seeded ${CALLS} calls in ${Date.now() - t0} ms\n`);

  const srv = await startUap({ roles: 'api', nodeArgs: process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [], env: { DATABASE_URL: pg.url, API_RATE_LIMIT_PER_IP: '10000000', API_RATE_LIMIT_PER_KEY: '10000000', LOG_LEVEL: 'warn', API_LIST_CACHE: String(LIST_CACHE) } });
  const url = `${srv.httpUrl}/api/v1/voice/calls?limit=50`;
  const headers = { 'x-api-key': key.key };
  const check = await fetch(url, { headers });
  if (check.status !== 200) throw new Error(`GET /voice/calls answered ${check.status}: ${await check.text()}`);
  // Warm-up, then the measured run.
  await autocannon({ url, headers, connections: 8, duration: 3 });
  const pid = srv.proc.pid!;
  const cpu0 = cpuSeconds(pid);
  const w0 = Date.now();
  // Live traffic: calls of the tenant starting and changing state while the list is read.
  let changes = 0;
  const churn = CHURN > 0 ? setInterval(() => {
    const n = changes++;
    const q = n % 2 === 0
      ? pg.sql`insert into calls (id, tenant_id, direction, status) values (${'CA-churn-' + n}, ${t.id}, 'inbound', 'ringing')`
      : pg.sql`update calls set status = 'in-progress' where id = ${'CA-churn-' + (n - 1)}`;
    q.catch((err: Error) => process.stderr.write(`churn: ${err.message}\n`));
  }, 1000 / CHURN) : undefined;
  const r = await autocannon({ url, headers, connections: Number(values.connections), pipelining: Number(values.pipelining), duration: SECONDS });
  clearInterval(churn);
  const cpuPct = (100 * (cpuSeconds(pid) - cpu0)) / ((Date.now() - w0) / 1000);
  const result = {
    calls: CALLS,
    listCache: LIST_CACHE,
    churnPerSecond: CHURN,
    changesDuringRun: changes,
    connections: Number(values.connections),
    requestsPerSec: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    serverCpuPercent: Math.round(cpuPct),
    serverRssMiB: Math.round(rssBytes(pid) / 1048576),
  };
  if (process.env.SHOW_LOGS) process.stderr.write(`server log lines: ${srv.logs.length}\n${srv.logs.slice(-3).map((l) => JSON.stringify(l).slice(0, 300)).join('\n')}\n`);
  await srv.stop(process.env.PROFILE_DIR ? 'SIGINT' : 'SIGKILL');
  const rows: [string, string][] = [
    ['calls in table', String(CALLS)],
    ['connections', String(result.connections)],
    ['list cache / changes per s', `${LIST_CACHE ? 'on' : 'off'} / ${CHURN}`],
    ['req/s', String(result.requestsPerSec)],
    ['latency p50 / p99 ms', `${result.latencyMs.p50} / ${result.latencyMs.p99}`],
    ['non-2xx / errors', `${result.non2xx} / ${result.errors}`],
    ['server CPU % (1 thread)', String(result.serverCpuPercent)],
    ['server RSS MiB', String(result.serverRssMiB)],
  ];
  process.stdout.write(`\nbench/api  GET /api/v1/voice/calls?limit=50 (API key)\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(28)}${v.padStart(14)}\n`);
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}api.json`, JSON.stringify({ date: new Date().toISOString(), node: process.version, ...result }, null, 2));
  process.stdout.write(`\nwrote ${dir}api.json\n`);
} finally {
  await pg.drop();
}
