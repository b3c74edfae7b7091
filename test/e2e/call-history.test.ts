// Routing from the database and durable call history, with real processes on NATS and PostgreSQL:
// the control API (api role) is killed mid-call and restarted; afterwards the call and every one of
// its events are in the database, written once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { createTestDatabase } from '../support/pg-database.ts';
import { startNatsServer, type TestNatsServer } from '../../lib/bus/testing/nats-server.ts';
import { SimulatedCall, tone, pcmToUlaw } from '../twilio-sim/index.ts';

const procs: UapProcess[] = [];
let nats: TestNatsServer | undefined;
let pg: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
after(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await nats?.stop();
  await pg?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('database routing, and no call event lost when the control API restarts mid-call', { timeout: 90_000 }, async () => {
  nats = await startNatsServer();
  pg = await createTestDatabase();
  const env = { NATS_URL: nats.url, DATABASE_URL: pg.url };
  let api = await startUap({ roles: 'api', env });
  procs.push(api);
  // The seeded default tenant's catch-all answers; give its agent a short greeting (and the echo line-test
  // mode, so a tone comes back) through the database.
  await pg.sql`update agent_configs set settings = settings || '{"greeting": "Hello from the database.", "mode": "echo"}'`;
  const agent = await startUap({ roles: 'agent', env });
  const edge = await startUap({ roles: 'media,signaling', env });
  procs.push(agent, edge);

  const call = await SimulatedCall.place({ webhookUrl: edge.webhookUrl, authToken: TEST_AUTH_TOKEN, from: '+15550001234', to: '+15557654321' });
  await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting played');
  // ~1.2 s of speech: the greeting from the database, not the long built-in one (~8 s).
  assert.ok(call.bytesReceived < 8000 * 4, `short greeting from the database config (${call.bytesReceived} bytes)`);

  // Kill the control API mid-call; events keep flowing into JetStream meanwhile.
  await api.stop('SIGKILL');
  call.sendDtmf('3');
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('dtmf-3')), 10_000, 'read-out of 3 while the API is down');
  const before = call.bytesReceived;
  await call.sendAudio(pcmToUlaw(tone(440, 600, 8000, 0.3)));
  await call.waitFor((c) => c.bytesReceived - before >= 4000, 3000, 'echo while the API is down');

  api = await startUap({ roles: 'api', env });
  procs.push(api);
  call.sendDtmf('9');
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('dtmf-9')), 10_000, 'read-out of 9');
  assert.equal((await call.stop()).code, 1000);

  // The call row and all its events are in the database, once each.
  const deadline = Date.now() + 15_000;
  let row: Record<string, unknown> | undefined;
  while (Date.now() < deadline) {
    [row] = await pg.sql`select * from calls where id = ${call.callSid}`;
    if (row?.ended_at) break;
    await sleep(200);
  }
  assert.ok(row, 'call row written');
  assert.equal(row.status, 'completed');
  assert.equal(row.end_reason, 'CALLER_HANGUP');
  assert.equal(row.from_number, '+15550001234');
  assert.equal(row.to_number, '+15557654321');
  const [tenant] = await pg.sql`select id from tenants where slug = 'default'`;
  assert.equal(row.tenant_id, tenant.id, 'routed to the default tenant from the database');
  // Events the killed instance held unacknowledged are redelivered after the consumer's ack wait (5 s).
  type Ev = { kind: string; seq: string; event_id: string; payload: { digit?: string } };
  let events: Ev[] = [];
  const contiguous = () => {
    const s = events.filter((e) => e.event_id.includes('.media.')).map((e) => Number(e.seq));
    return s.length > 0 && s.every((v, i) => v === i + 1) && events.some((e) => e.kind === 'ended');
  };
  while (Date.now() < deadline + 10_000) {
    events = await pg.sql<Ev[]>`select kind, seq, event_id, payload from call_events where call_id = ${call.callSid} order by seq`;
    if (contiguous()) break;
    await sleep(250);
  }
  const kinds = events.map((e) => e.kind);
  assert.equal(kinds.filter((k) => k === 'started').length, 1);
  assert.equal(kinds.filter((k) => k === 'ended').length, 1);
  assert.deepEqual(events.filter((e) => e.kind === 'dtmf').map((e) => e.payload.digit), ['3', '9']);
  // And through the REST API: claim the default tenant, then read the call and its transcript.
  const reg = await fetch(`${api.httpUrl}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantName: 'Ops', tenantSlug: 'default', email: 'ops@example.test', password: 'correct horse battery' }) });
  assert.equal(reg.status, 201, await reg.clone().text());
  const { accessToken } = (await reg.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  const got = (await (await fetch(`${api.httpUrl}/api/v1/voice/calls/${call.callSid}`, { headers: auth })).json()) as { status: string; endReason: string };
  assert.equal(got.status, 'completed');
  assert.equal(got.endReason, 'CALLER_HANGUP');
  const tr = (await (await fetch(`${api.httpUrl}/api/v1/voice/calls/${call.callSid}/transcript`, { headers: auth })).json()) as { events: { kind: string; data: { digit?: string } }[] };
  assert.deepEqual(tr.events.filter((e) => e.kind === 'dtmf').map((e) => e.data.digit), ['3', '9']);
  const mediaSeqs = events.filter((e) => e.event_id.includes('.media.')).map((e) => Number(e.seq));
  assert.deepEqual(mediaSeqs, mediaSeqs.map((_, i) => i + 1), 'every media event 1..n stored, none twice');
});
