// knowledge_search and query_database: declarations and their options, the schema and description the
// model sees, what goes over the bus (tenant, agent, limits), and every failure — no responder, a
// responder that never answers, an error reply, no data access on the call — as a result, not a crash.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../lib/logger.ts';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { uap, subjects } from '../../proto/index.ts';
import type { AgentOutput } from '../kinds/types.ts';
import { parseTools } from './tool-spec.ts';
import { ToolRunner } from './tool-runner.ts';
import { busDataTools, type DataTools } from './data-tools.ts';
import { toOpenAiChatTools } from './provider-formats.ts';

const log = createLogger('silent');
const bus = new InProcBus();
after(() => bus.close());

const out: AgentOutput = { outputRate: 16000, sendAudio() {}, mark() {}, clear() {}, hangup() {} };
const TENANT = '11111111-1111-4111-8111-111111111111';
const AGENT = '22222222-2222-4222-8222-222222222222';

function runner(tools: unknown[], data: DataTools | null = busDataTools(bus, TENANT, 'CA1')) {
  const { tools: specs, problems } = parseTools(tools);
  assert.deepEqual(problems, []);
  return new ToolRunner(specs, { callId: 'CA1', tenantId: TENANT, log, out, secrets: {}, allowPrivateHttp: false, data: data ?? undefined, agentConfigId: AGENT });
}

/** Answers `subject` once with `reply(request)`; returns the decoded requests seen. */
function serve<Req>(subject: string, decode: (b: Uint8Array) => Req, reply: (r: Req) => Uint8Array | undefined) {
  const seen: Req[] = [];
  const sub = bus.subscribe(subject, (m) => {
    const req = decode(m.data);
    seen.push(req);
    const r = reply(req);
    if (r) m.respond(r);
  });
  return { seen, stop: () => sub.unsubscribe() };
}

test('declarations: defaults, options checked, the views listed for the model', () => {
  const { tools, problems } = parseTools([
    { type: 'knowledge_search' },
    { type: 'query_database', name: 'reports', maxRows: 20 },
    { type: 'knowledge_search', name: 'faq', collection: 'guest-faq', topK: 3, timeoutMs: 2000 },
    { type: 'knowledge_search', name: 'bad1', collection: 'Bad Name' },
    { type: 'knowledge_search', name: 'bad2', topK: 50 },
    { type: 'query_database', name: 'bad3', maxRows: 1000 },
    { type: 'query_database', name: 'bad4', timeoutMs: 10 },
  ]);
  assert.deepEqual(tools.map((t) => t.name), ['knowledge_search', 'reports', 'faq']);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.deepEqual(tools[0].knowledge, { collection: undefined, topK: 5, timeoutMs: 5000 });
  assert.deepEqual(tools[2].knowledge, { collection: 'guest-faq', topK: 3, timeoutMs: 2000 });
  assert.deepEqual(tools[1].sql, { maxRows: 20, timeoutMs: 5000 });
  const sql = toOpenAiChatTools(tools)[1].function;
  assert.deepEqual(sql.parameters.required, ['sql']);
  for (const s of ['calls — ', 'transcript_turns — ', 'phone_numbers — ', 'agents — ', 'started_at timestamptz', 'call_id text (calls.id)']) assert.ok(sql.description.includes(s), s);
  const custom = parseTools([{ type: 'query_database', description: 'Answer questions about our calls.' }]).tools[0];
  assert.match(custom.description, /^Answer questions about our calls\.\nOnly these views exist/, 'a custom description still gets the views');
});

test('knowledge_search: asks kb.search for the tenant and agent; hits reach the model', async () => {
  const s = serve(subjects.kbSearch, (b) => uap.KbSearchRequest.decode(b), () =>
    uap.KbSearchReply.encode({ ok: true, hits: [{ documentId: 'd1', title: 'Hotel guide', heading: 'Hotel guide > Parking', text: 'Free parking behind the hotel.', score: 0.73456, collection: 'default' }] }).finish());
  try {
    const r = runner([{ type: 'knowledge_search', collection: 'guest-faq', topK: 3 }]);
    const res = await r.run('knowledge_search', '{"query":"where can I park"}');
    assert.equal(res.ok, true, res.output);
    assert.deepEqual(JSON.parse(res.output), { results: [{ title: 'Hotel guide', section: 'Hotel guide > Parking', text: 'Free parking behind the hotel.', score: 0.735 }] });
    assert.deepEqual(s.seen.map((q) => ({ ...uap.KbSearchRequest.toObject(q) })), [{ tenantId: TENANT, callId: 'CA1', query: 'where can I park', topK: 3, collection: 'guest-faq', agentConfigId: AGENT }]);
    assert.match((await r.run('knowledge_search', '{}')).output, /invalid arguments/);
    assert.equal(s.seen.length, 1, 'invalid arguments never reach the bus');
  } finally {
    s.stop();
  }
  const empty = serve(subjects.kbSearch, (b) => uap.KbSearchRequest.decode(b), () => uap.KbSearchReply.encode({ ok: true, hits: [] }).finish());
  try {
    const res = await runner([{ type: 'knowledge_search' }]).run('knowledge_search', { query: 'unicorns' });
    assert.equal(res.ok, true);
    assert.match(JSON.parse(res.output).note, /Do not guess/);
  } finally {
    empty.stop();
  }
});

test('query_database: rows reach the model; a refused query comes back with the reason to fix it', async () => {
  const s = serve(subjects.sqlQuery, (b) => uap.SqlQueryRequest.decode(b), (q) =>
    q.sql.startsWith('select')
      ? uap.SqlQueryReply.encode({ ok: true, columns: ['direction', 'n'], rowsJson: '[["inbound",2],["outbound",1]]', rowCount: 2, truncated: true }).finish()
      : uap.SqlQueryReply.encode({ ok: false, errorCode: 'NOT_ALLOWED', errorMessage: 'only SELECT is allowed (got DeleteStmt)' }).finish());
  try {
    const r = runner([{ type: 'query_database', maxRows: 20 }]);
    const ok = await r.run('query_database', { sql: 'select direction, count(*) from calls group by 1' });
    assert.deepEqual(JSON.parse(ok.output), { columns: ['direction', 'n'], rows: [['inbound', 2], ['outbound', 1]], rowCount: 2, truncated: true, note: 'more rows exist: aggregate or filter' });
    assert.deepEqual([s.seen[0].tenantId, s.seen[0].maxRows, s.seen[0].callId], [TENANT, 20, 'CA1']);
    const no = await r.run('query_database', { sql: 'delete from calls' });
    assert.equal(no.ok, false);
    assert.deepEqual(JSON.parse(no.output), { error: 'query failed (NOT_ALLOWED)', detail: 'only SELECT is allowed (got DeleteStmt)' });
    assert.match((await r.run('query_database', { sql: 'x'.repeat(4001) })).output, /invalid arguments/);
  } finally {
    s.stop();
  }
});

test('no responder, no answer, an error reply, no data access: results for the model, never a throw', async () => {
  const r = runner([{ type: 'knowledge_search' }, { type: 'query_database', timeoutMs: 500 }]);
  assert.deepEqual(JSON.parse((await r.run('knowledge_search', { query: 'x' })).output), { error: 'the knowledge base is not reachable right now' });
  const silent = serve(subjects.sqlQuery, (b) => b, () => undefined);
  try {
    const t0 = Date.now();
    const res = await r.run('query_database', { sql: 'select 1' });
    assert.deepEqual(JSON.parse(res.output), { error: 'the database did not answer in time' });
    assert.ok(Date.now() - t0 < 2000);
  } finally {
    silent.stop();
  }
  const down = serve(subjects.kbSearch, (b) => b, () => uap.KbSearchReply.encode({ ok: false, errorCode: 'UNAVAILABLE', errorMessage: 'the knowledge base is unavailable right now' }).finish());
  try {
    assert.deepEqual(JSON.parse((await r.run('knowledge_search', { query: 'x' })).output), { error: 'knowledge search failed: the knowledge base is unavailable right now' });
  } finally {
    down.stop();
  }
  const garbage = serve(subjects.sqlQuery, (b) => b, () => uap.SqlQueryReply.encode({ ok: true, rowsJson: '{not json' }).finish());
  try {
    assert.equal((await r.run('query_database', { sql: 'select 1' })).ok, false);
  } finally {
    garbage.stop();
  }
  const none = runner([{ type: 'knowledge_search' }, { type: 'query_database' }], null);
  assert.match((await none.run('knowledge_search', { query: 'x' })).output, /not available on this call/);
  assert.match((await none.run('query_database', { sql: 'select 1' })).output, /not available on this call/);
});
