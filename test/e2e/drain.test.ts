// SIGTERM drains: new calls are refused, live calls carry on until they end (or the drain timeout
// ends them with 1001), then the process exits 0.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { SHORT_GREETING_ROUTES } from '../support/call-scenario.ts';
import { SimulatedCall, SimulatedCallError, tone, pcmToUlaw } from '../twilio-sim/index.ts';

const procs: UapProcess[] = [];
after(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
});

test('SIGTERM: refuses new calls, lets the live one finish, then exits 0', async () => {
  const srv = await startUap({ env: { ROUTES: SHORT_GREETING_ROUTES, DRAIN_TIMEOUT_MS: '20000' } });
  procs.push(srv);
  const call = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN });
  await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting');
  srv.proc.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  const ready = await fetch(`${srv.httpUrl}/readyz`);
  assert.equal(ready.status, 503, 'not ready while draining');
  await assert.rejects(SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN }), (e: unknown) => e instanceof SimulatedCallError && e.status === 503);
  // The live call still works.
  const before = call.bytesReceived;
  await call.sendAudio(pcmToUlaw(tone(440, 500, 8000, 0.3)));
  await call.waitFor((c) => c.bytesReceived - before >= 3200, 3000, 'echo during drain');
  assert.equal((await call.stop()).code, 1000);
  assert.equal(await srv.exited, 0);
});

test('SIGTERM: a call still live at the drain timeout is closed with 1001', async () => {
  const srv = await startUap({ env: { ROUTES: SHORT_GREETING_ROUTES, DRAIN_TIMEOUT_MS: '1000' } });
  procs.push(srv);
  const call = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN });
  await call.waitFor((c) => c.bytesReceived > 0, 10_000, 'greeting');
  const t0 = Date.now();
  srv.proc.kill('SIGTERM');
  const closed = await call.closed;
  assert.equal(closed.code, 1001);
  assert.ok(Date.now() - t0 >= 900, 'waited for the drain timeout');
  assert.equal(await srv.exited, 0);
});
