// An agent's knowledge_search and query_database tools end to end: the call's ToolRunner (built from the
// agent config as every LLM kind builds it) → NATS → the control API's kb.search / sql.query responders →
// PostgreSQL with RLS, and back as the JSON the model reads. The agent and the control API each have
// their own NATS connection, as in a split deployment.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { connectNatsBus } from '../../lib/bus/nats.ts';
import { InProcBus } from '../../lib/bus/inproc.ts';
import type { Bus } from '../../lib/bus/types.ts';
import { startNatsServer, NATS_SERVER_BIN, type TestNatsServer } from '../../lib/bus/testing/nats-server.ts';
import { createTestDatabase } from '../support/pg-database.ts';
import { openDatabase, type Database } from '../../control-api/db/index.ts';
import { insertDocument } from '../../control-api/knowledge/documents.ts';
import { KbSearchService } from '../../control-api/knowledge/kb-search-service.ts';
import { SqlQueryService } from '../../control-api/text-to-sql/sql-query-service.ts';
import { busDataTools, toolRunnerFor } from '../../agent/tools/index.ts';
import type { AgentCallContext } from '../../agent/kinds/types.ts';

const log = pino({ level: 'silent' });
const closers: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c().catch(() => {});
});

test('knowledge_search and query_database: tool runner → bus → control API → PostgreSQL', { timeout: 60_000 }, async () => {
  let agentBus: Bus;
  let apiBus: Bus;
  if (existsSync(NATS_SERVER_BIN)) {
    const nats: TestNatsServer = await startNatsServer();
    closers.push(() => nats.stop());
    apiBus = await connectNatsBus({ url: nats.url });
    agentBus = await connectNatsBus({ url: nats.url });
    closers.push(() => apiBus.close(), () => agentBus.close());
  } else {
    apiBus = agentBus = new InProcBus();
    closers.push(() => apiBus.close());
  }
  const pg = await createTestDatabase();
  closers.push(() => pg.drop());
  const db: Database = await openDatabase({ databaseUrl: pg.url, dataDir: '', log });
  closers.push(() => db.close());
  await db.migrate();

  const { a, b, agentId } = await db.withPlatform(async (tx) => {
    const [a] = await tx<{ id: string }[]>`insert into tenants (name, slug) values ('Acme', 'acme') returning id`;
    const [b] = await tx<{ id: string }[]>`insert into tenants (name, slug) values ('Beta', 'beta') returning id`;
    const [agent] = await tx<{ id: string }[]>`insert into agent_configs (tenant_id, name, kind) values (${a.id}, 'desk', 'cascaded') returning id`;
    await tx`insert into calls (id, tenant_id, direction, status, duration_ms) values ('CA1', ${a.id}, 'inbound', 'completed', 60000), ('CA2', ${a.id}, 'inbound', 'completed', 30000), ('CB1', ${b.id}, 'inbound', 'completed', 5000)`;
    return { a: a.id, b: b.id, agentId: agent.id };
  });
  await db.withTenant(a, (tx) => insertDocument(tx, a, { title: 'Hotel guide', content: '# Parking\n\nGuests park free of charge in the garage behind the hotel.', format: 'markdown', collection: 'default', language: 'english', agentConfigId: null }));
  await db.withTenant(b, (tx) => insertDocument(tx, b, { title: 'Beta', content: 'Parking costs 30 euros in the Beta garage.', format: 'text', collection: 'default', language: 'english', agentConfigId: null }));

  const kb = new KbSearchService(db, apiBus, log);
  const sql = new SqlQueryService(db, apiBus, log);
  kb.start();
  sql.start();
  closers.push(async () => (kb.stop(), sql.stop()));
  await apiBus.flush();

  // What the worker gives a call of tenant A, and what its agent config declares.
  const ctx = {
    callId: 'CA1', tenantId: a, from: '+15550001111', to: '+15550002222', inputRate: 16000, log, agentConfigId: agentId,
    out: { outputRate: 16000, sendAudio() {}, mark() {}, clear() {}, hangup() {} },
    settings: { tools: [{ type: 'knowledge_search' }, { type: 'query_database' }] },
    data: busDataTools(agentBus, a, 'CA1'),
  } as unknown as AgentCallContext;
  const tools = toolRunnerFor(ctx);

  const found = await tools.run('knowledge_search', '{"query":"Where can I park my car?"}');
  assert.equal(found.ok, true, found.output);
  const results = JSON.parse(found.output).results as { title: string; section: string; text: string }[];
  assert.deepEqual(results.map((r) => [r.title, r.section]), [['Hotel guide', 'Hotel guide > Parking']], "tenant A's guide, not Beta's");
  assert.match(results[0].text, /free of charge/);

  const rows = await tools.run('query_database', { sql: 'select count(*)::int as calls, sum(duration_ms)::int as total_ms from calls' });
  assert.equal(rows.ok, true, rows.output);
  assert.deepEqual(JSON.parse(rows.output), { columns: ['calls', 'total_ms'], rows: [[2, 90000]], rowCount: 1 });

  const refused = await tools.run('query_database', { sql: 'select * from users' });
  assert.equal(refused.ok, false);
  assert.match(JSON.parse(refused.output).detail, /users: no such view/);
});
