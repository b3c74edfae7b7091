// Fault: the nats-server restarts while split-role calls are live. The bus reconnects, the calls carry
// on after the gap (echo and key read-outs work again), and no call event is lost: every event,
// including those raised during the outage, ends up in the JetStream stream exactly once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { SHORT_GREETING_ROUTES } from '../support/call-scenario.ts';
import { startNatsServer, type TestNatsServer } from '../../lib/bus/testing/nats-server.ts';
import { connectNatsBus } from '../../lib/bus/nats.ts';
import { SimulatedCall, tone, pcmToUlaw } from '../twilio-sim/index.ts';
import { uap } from '../../proto/index.ts';

const CALLS = 3;
const procs: UapProcess[] = [];
let nats: TestNatsServer | undefined;
after(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await nats?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('nats-server restart mid-call: calls carry on and no call event is lost', { timeout: 90_000 }, async () => {
  nats = await startNatsServer();
  const env = { NATS_URL: nats.url, ROUTES: SHORT_GREETING_ROUTES };
  const agent = await startUap({ roles: 'agent', env });
  const edge = await startUap({ roles: 'media,signaling,api', env });
  procs.push(agent, edge);

  const calls = await Promise.all(Array.from({ length: CALLS }, () => SimulatedCall.place({ webhookUrl: edge.webhookUrl, authToken: TEST_AUTH_TOKEN })));
  await Promise.all(calls.map((c) => c.waitFor((x) => x.marksReturned >= 1, 15_000, 'greeting played')));

  // Before: echo works and a key is read back.
  const toneUlaw = pcmToUlaw(tone(440, 1000, 8000, 0.3));
  const echoOf = async (c: SimulatedCall) => {
    const before = c.bytesReceived;
    await c.sendAudio(toneUlaw);
    await c.waitFor((x) => x.bytesReceived - before >= 8000 * 0.8, 3000, 'echo');
  };
  await Promise.all(calls.map(echoOf));
  for (const c of calls) c.sendDtmf('5');
  await Promise.all(calls.map((c) => c.waitFor((x) => x.marksReturned >= 2, 10_000, 'read-out of 5')));

  // The outage: kill the server (a crash), press a key while it is down, bring it back.
  const restarted = nats.restart({ signal: 'SIGKILL', downMs: 1500 });
  await sleep(500);
  for (const c of calls) c.sendDtmf('6'); // raised while the bus is down: must still reach the stream
  await restarted;
  for (const c of calls) assert.ok(c.isOpen, 'calls stay up through the outage');

  // After: the bus reconnects and the calls carry on.
  const deadline = Date.now() + 15_000;
  for (const c of calls) {
    for (;;) {
      try {
        await echoOf(c);
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
  }
  for (const c of calls) c.sendDtmf('7');
  await Promise.all(calls.map((c) => c.waitFor((x) => x.marksSentBack.some((m) => m.name.startsWith('dtmf-7')), 10_000, 'read-out of 7 after the restart')));

  for (const c of calls) assert.equal((await c.stop(3000)).code, 1000);

  // Every call's events are in the stream exactly once: started, dtmf 5 and 7, marks, ended.
  const bus = await connectNatsBus({ url: nats.url });
  const seen = new Map<string, uap.CallEvent>();
  const byCall = new Map<string, uap.CallEvent[]>();
  let dup = 0;
  const consumer = await bus.consumeDurable({ durable: `verify-${Date.now()}`, filter: 'events.>' }, (m) => {
    const ev = uap.CallEvent.decode(m.data);
    if (seen.has(ev.eventId)) dup++;
    seen.set(ev.eventId, ev);
    if (!byCall.has(ev.callId)) byCall.set(ev.callId, []);
    byCall.get(ev.callId)!.push(ev);
    m.ack();
  });
  const want = (c: SimulatedCall) => {
    const evs = byCall.get(c.callSid) ?? [];
    return evs.some((e) => e.ended) && evs.filter((e) => e.dtmf).length >= 3;
  };
  const until = Date.now() + 15_000;
  while (!calls.every(want) && Date.now() < until) await sleep(100);
  await consumer.stop();
  await bus.close();
  assert.equal(dup, 0, 'no event stored twice');
  for (const c of calls) {
    const evs = byCall.get(c.callSid) ?? [];
    const kinds = evs.map((e) => e.body);
    assert.equal(kinds.filter((k) => k === 'started').length, 1, `one started event for ${c.callSid}`);
    assert.equal(kinds.filter((k) => k === 'ended').length, 1, `one ended event for ${c.callSid}`);
    assert.deepEqual(evs.filter((e) => e.dtmf).map((e) => e.dtmf!.digit).sort(), ['5', '6', '7']);
    // Per-call event sequence numbers from the media role have no gaps: nothing was lost.
    const seqs = evs.filter((e) => e.eventId.includes('.media.')).map((e) => e.seq).sort((a, b) => a - b);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `media events 1..${seqs.length} all present for ${c.callSid}`);
    const ended = evs.find((e) => e.ended)!.ended!;
    assert.equal(ended.reason, uap.EndReason.CALLER_HANGUP);
  }
  // The api role's durable consumer saw every call end too.
  const apiDeadline = Date.now() + 10_000;
  while ((await edge.metric('uap_api_call_events_total', { kind: 'ended' })) < CALLS && Date.now() < apiDeadline) await sleep(200);
  assert.equal(await edge.metric('uap_api_call_events_total', { kind: 'ended' }), CALLS);
});
