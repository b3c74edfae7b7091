// End to end with real processes: `uap serve` embedded (one process, in-process bus), then split roles
// over a real nats-server (media+signaling+api in one process, agent in another).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess } from '../support/uap-process.ts';
import { runCallScenario, SHORT_GREETING_ROUTES } from '../support/call-scenario.ts';
import { startNatsServer, type TestNatsServer } from '../../lib/bus/testing/nats-server.ts';

const procs: UapProcess[] = [];
let nats: TestNatsServer | undefined;
after(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await nats?.stop();
});

test('embedded: a simulated Twilio call hears the greeting, its echo and a key read-out, and hangs up cleanly', async () => {
  const uap = await startUap({ env: { ROUTES: SHORT_GREETING_ROUTES } });
  procs.push(uap);
  const r = await runCallScenario(uap.webhookUrl);
  assert.ok(r.greetingMs < 3000, `greeting within 3 s (took ${r.greetingMs} ms)`);
  // The media role counted the call's frames and measured relay latency for the echo.
  assert.ok((await uap.metric('uap_media_frames_in_total')) >= 150);
  assert.ok((await uap.metric('uap_media_frames_out_total')) >= 150);
  assert.ok((await uap.metric('uap_media_relay_latency_seconds_count')) >= 25, 'relay latency observed (sampled 1 frame in 4)');
  assert.equal(await uap.metric('uap_media_frames_dropped_total'), 0);
  await waitForLog(uap, (l) => l.msg === 'call ended' && l.callId === r.callSid && l.reason === 'CALLER_HANGUP');
  // Every call line carries callId and tenantId.
  const callLines = uap.logs.filter((l) => l.callId === r.callSid);
  assert.ok(callLines.length >= 4);
  for (const l of callLines) assert.equal(l.tenantId, 'default', `tenantId on: ${l.msg}`);
  assert.equal(await uap.stop('SIGTERM'), 0, 'SIGTERM with no calls exits 0');
});

test('embedded on the `ws` media listener (used where uWebSockets.js has no binary): the same call works', async () => {
  const uap = await startUap({ env: { ROUTES: SHORT_GREETING_ROUTES, MEDIA_WS_SERVER: 'ws' } });
  procs.push(uap);
  await runCallScenario(uap.webhookUrl);
  assert.ok(uap.logs.some((l) => l.listener === 'ws'), 'the ws listener was used');
});

test('split roles over NATS: media+signaling+api and agent in separate processes', async () => {
  nats = await startNatsServer();
  const env = { NATS_URL: nats.url, ROUTES: SHORT_GREETING_ROUTES };
  const agent = await startUap({ roles: 'agent', env });
  procs.push(agent);
  const edge = await startUap({ roles: 'media,signaling,api', env });
  procs.push(edge);
  await runCallScenario(edge.webhookUrl);
  assert.ok((await agent.metric('uap_agent_frames_in_total')) >= 150, 'the agent process received the caller frames');
  assert.equal(await agent.metric('uap_agent_dispatch_total', { outcome: 'accepted' }), 1);
  await waitFor(async () => (await edge.metric('uap_api_call_events_total', { kind: 'ended' })) === 1, 5000, 'the api role to consume the ended event');
});

export async function waitForLog(p: UapProcess, pred: (l: Record<string, unknown>) => boolean, timeoutMs = 5000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = p.logs.find(pred);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error('log line not seen');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitFor(pred: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
