// The offline menu hands the call to another agent config ("agent" entry), through real processes over
// NATS: the caller hears the announcement, then the new agent (here another offline config, in echo
// mode, so it answers with no provider), whose audio keeps flowing; history records the handoff. Then
// the worker holding the call is killed: the call is re-dispatched to the *new* configuration.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { startNatsServer, type TestNatsServer } from '../../lib/bus/testing/nats-server.ts';
import { SimulatedCall, tone, pcmToUlaw } from '../twilio-sim/index.ts';

const procs: UapProcess[] = [];
let nats: TestNatsServer | undefined;
after(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await nats?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROUTES = JSON.stringify({
  '*': { agent: 'offline', configId: 'front', settings: { greeting: 'Press three.', menu: { '3': { action: 'agent', configId: 'second', say: 'Connecting you.' } } } },
  // Reached only by the handoff (config mode looks a config id up among the routes).
  '+15550009999': { agent: 'offline', configId: 'second', settings: { greeting: 'Second agent here.', mode: 'echo' } },
});

async function echoes(call: SimulatedCall): Promise<void> {
  const before = call.bytesReceived;
  await call.sendAudio(pcmToUlaw(tone(440, 600, 8000, 0.3)));
  await call.waitFor((c) => c.bytesReceived - before >= 8000 * 0.5, 3000, 'the echo of the second agent');
}

test('menu → another agent config: announced, the new agent speaks and echoes; after the worker dies the call stays with the new config', { timeout: 90_000 }, async () => {
  nats = await startNatsServer();
  const env = { NATS_URL: nats.url, ROUTES, HEARTBEAT_INTERVAL_MS: '500', WORKER_DEAD_AFTER_MS: '1500' };
  const started = (p: UapProcess) => (procs.push(p), p);
  const workers = await Promise.all([startUap({ roles: 'agent', env }).then(started), startUap({ roles: 'agent', env }).then(started)]);
  const edge = started(await startUap({ roles: 'media,signaling,api', env }));
  await sleep(700);

  const call = await SimulatedCall.place({ webhookUrl: edge.webhookUrl, authToken: TEST_AUTH_TOKEN });
  await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting played');
  call.sendDtmf('3');
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('menu-3')), 10_000, 'announcement played');
  // The new agent's greeting: a mark of its own, after the announcement's.
  await call.waitFor((c) => c.marksSentBack.filter((m) => m.name.startsWith('greeting')).length === 2, 10_000, 'the second agent greets');
  await echoes(call);
  const holder = workers.find((w) => w.logs.some((l) => l.msg === 'call handed to another agent'));
  assert.ok(holder, 'a worker handed the call on');
  const handed = holder.logs.find((l) => l.msg === 'call handed to another agent')!;
  assert.deepEqual([handed.fromKind, handed.agentConfigId, handed.agentKind], ['offline', 'second', 'offline']);

  // The worker dies: the media core re-dispatches to the configuration the call was handed to.
  const survivor = workers.find((w) => w !== holder)!;
  holder.proc.kill('SIGKILL');
  await holder.exited;
  const deadline = Date.now() + 8000;
  while (!survivor.logs.some((l) => l.msg === 'call taken over from a lost worker') && Date.now() < deadline) await sleep(50);
  assert.ok(survivor.logs.some((l) => l.msg === 'call taken over from a lost worker'));
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('resumed')), 15_000, 'the new worker speaks');
  await echoes(call); // echo mode: the second config, not the menu
  assert.equal((await call.stop()).code, 1000);

  // History: the handoff is on the call.
  const reg = await fetch(`${edge.httpUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantName: 'Us', tenantSlug: 'default', email: 'me@example.com', password: 'a long passphrase' }),
  });
  const { accessToken } = (await reg.json()) as { accessToken: string };
  let handoff: unknown;
  const until = Date.now() + 10_000;
  while (!handoff && Date.now() < until) {
    const view = (await (await fetch(`${edge.httpUrl}/api/v1/voice/calls/${call.callSid}`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { metadata?: Record<string, unknown> };
    handoff = view.metadata?.handoff;
    if (!handoff) await sleep(200);
  }
  assert.deepEqual(handoff, { agentKind: 'offline', agentConfigId: 'second', fromKind: 'offline' });
});
