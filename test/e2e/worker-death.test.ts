// Fault: the agent worker holding a live call is killed (SIGKILL, no goodbye). The media core notices
// the missing heartbeats within WORKER_DEAD_AFTER_MS, hands the call to the other worker with the
// conversation so far, and the caller — still connected — hears the agent carry on and can keep talking.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { SHORT_GREETING_ROUTES } from '../support/call-scenario.ts';
import { startNatsServer, type TestNatsServer } from '../../lib/bus/testing/nats-server.ts';
import { connectNatsBus } from '../../lib/bus/nats.ts';
import { SimulatedCall, tone, pcmToUlaw } from '../twilio-sim/index.ts';
import { uap } from '../../proto/index.ts';

const procs: UapProcess[] = [];
let nats: TestNatsServer | undefined;
after(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await nats?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const logLine = (p: UapProcess, msg: string) => p.logs.find((l) => l.msg === msg);

test('killing the worker mid-call re-dispatches the call to another worker within 2 s; the call carries on', { timeout: 60_000 }, async () => {
  nats = await startNatsServer();
  const env = { NATS_URL: nats.url, ROUTES: SHORT_GREETING_ROUTES, HEARTBEAT_INTERVAL_MS: '500', WORKER_DEAD_AFTER_MS: '1500' };
  // Each process is tracked as soon as it is up, so a failed start of another never leaves it running.
  const started = (p: UapProcess) => (procs.push(p), p);
  const workers = await Promise.all([startUap({ roles: 'agent', env }).then(started), startUap({ roles: 'agent', env }).then(started)]);
  const edge = started(await startUap({ roles: 'media,signaling,api', env }));
  // Both workers heart-beating before the call, so the survivor is known to media.
  await sleep(700);

  const call = await SimulatedCall.place({ webhookUrl: edge.webhookUrl, authToken: TEST_AUTH_TOKEN });
  await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting played');
  const holder = workers.find((w) => logLine(w, 'call accepted'));
  assert.ok(holder, 'one worker accepted the call');
  const survivor = workers.find((w) => w !== holder)!;
  // The greeting's transcript turn reaches the media core (it rides on the call's live events).
  await sleep(300);

  const killedAt = Date.now();
  holder.proc.kill('SIGKILL');
  await holder.exited;
  let takenOver: Record<string, unknown> | undefined;
  while (!(takenOver = logLine(survivor, 'call taken over from a lost worker')) && Date.now() - killedAt < 5000) await sleep(20);
  const tookMs = Date.now() - killedAt;
  assert.ok(takenOver, 'the surviving worker took the call over');
  process.stderr.write(`re-dispatched ${tookMs} ms after SIGKILL\n`);
  assert.ok(tookMs <= 2500, `re-dispatched ${tookMs} ms after the kill (dead after 1.5 s + a check period)`);
  assert.equal(takenOver.callId, call.callSid);
  assert.equal(takenOver.attempt, 1);
  assert.ok(Number(takenOver.turns) >= 1, `the conversation so far came along (turns=${String(takenOver.turns)})`);
  assert.ok(call.isOpen, 'the caller never noticed a hang-up');

  // The new worker speaks (its "where were we" line) and its mark comes back…
  const marks = call.marksReturned;
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('resumed')), 15_000, 'the new worker speaks');
  assert.ok(call.marksReturned > marks);
  // …and the call works as before: echo and a key read-out.
  const before = call.bytesReceived;
  await call.sendAudio(pcmToUlaw(tone(440, 1000, 8000, 0.3)));
  await call.waitFor((c) => c.bytesReceived - before >= 8000 * 0.8, 5000, 'echo from the new worker');
  call.sendDtmf('4');
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('dtmf-4')), 10_000, 'read-out of 4 from the new worker');
  assert.equal((await call.stop(3000)).code, 1000);
  assert.equal(await edge.metric('uap_media_redispatch_total', { reason: 'heartbeat_lost' }), 1);

  // History: the resumed turn is stored next to the greeting, each once.
  const bus = await connectNatsBus({ url: nats.url });
  const turns: string[] = [];
  const ids = new Set<string>();
  const consumer = await bus.consumeDurable({ durable: `verify-${Date.now()}`, filter: 'events.>' }, (m) => {
    const ev = uap.CallEvent.decode(m.data);
    if (ev.callId === call.callSid && ev.transcript && !ids.has(ev.eventId)) {
      ids.add(ev.eventId);
      turns.push(ev.transcript.text ?? '');
    }
    m.ack();
  });
  const until = Date.now() + 10_000;
  while (turns.length < 3 && Date.now() < until) await sleep(100);
  await consumer.stop();
  await bus.close();
  assert.ok(turns.some((t) => t === 'Hello there.'), `greeting turn stored: ${JSON.stringify(turns)}`);
  assert.ok(turns.some((t) => t.startsWith('Sorry, I lost my place') && t.includes('Hello there.')), `resumed turn picks up from the greeting: ${JSON.stringify(turns)}`);
});
