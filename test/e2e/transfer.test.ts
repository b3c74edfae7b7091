// Transfer of a live Twilio call: the offline agent's key menu (1 → transfer) asks the media core to
// transfer, the control API redirects the call through Twilio's REST API (a local fake speaking its wire
// protocol) with TwiML that <Dial>s the target; Twilio then ends the stream and the call is recorded as
// TRANSFERRED. A transfer Twilio refuses is told to the caller, and the call goes on.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { FakeTwilioRest } from '../fakes/twilio-rest.ts';
import { SimulatedCall, newCallSid } from '../twilio-sim/index.ts';

const TARGET = '+15557654321';
const ROUTES = JSON.stringify({
  '*': {
    agent: 'offline',
    configId: 'menu',
    settings: { greeting: 'Hi.', menu: { '1': { action: 'transfer', target: TARGET, say: 'Connecting you.' }, '9': { action: 'hangup' } } },
  },
});

let fake: FakeTwilioRest;
let srv: UapProcess;
before(async () => {
  fake = await FakeTwilioRest.start({ accountSid: `AC${'a1'.repeat(16)}`, authToken: TEST_AUTH_TOKEN });
  srv = await startUap({ env: { ROUTES, TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_API_BASE_URL: fake.url } });
});
after(async () => {
  await srv?.stop('SIGKILL');
  await fake?.close();
});

async function placeCall(): Promise<SimulatedCall> {
  const callSid = newCallSid();
  fake.addInboundCall(callSid, { from: '+15550001111', to: '+15550002222' });
  const call = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN, callSid });
  await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting played');
  return call;
}

test('menu key 1 transfers the live call: Twilio is asked to <Dial> the target and the call ends as TRANSFERRED', { timeout: 30_000 }, async () => {
  const call = await placeCall();
  call.sendDtmf('1');
  // The agent announces the transfer first; the redirect follows once that has played.
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('menu-1')), 10_000, 'announcement played');
  const faked = fake.call(call.callSid);
  const until = Date.now() + 10_000;
  while (faked.updates.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  assert.equal(faked.updates.length, 1, 'one live-call update reached Twilio');
  const twiml = faked.updates[0].get('Twiml') ?? '';
  assert.match(twiml, new RegExp(`<Dial><Number>\\${TARGET}</Number></Dial>`), twiml);
  assert.equal(faked.updates[0].get('Status'), null, 'a redirect, not a hang-up');
  // Twilio ends the media stream once it runs the new TwiML.
  await call.stop(3000);
  const deadline = Date.now() + 5000;
  while ((await srv.metric('uap_media_calls_total', { transport: 'twilio', reason: 'TRANSFERRED' })) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await srv.metric('uap_media_calls_total', { transport: 'twilio', reason: 'TRANSFERRED' }), 1);
  assert.equal(await srv.metric('uap_api_twilio_transfers_total', { outcome: 'ok' }), 1);
});

test('a transfer Twilio refuses is told to the caller, and the call carries on', { timeout: 30_000 }, async () => {
  const call = await placeCall();
  fake.failNext({ status: 400, code: 21220, message: 'Call is not in-progress. Cannot redirect.' });
  call.sendDtmf('1');
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('transfer-failed')), 15_000, 'the caller hears the transfer failed');
  assert.ok(call.isOpen);
  // The menu still works: 9 hangs up after "Goodbye.".
  call.sendDtmf('9');
  const closed = await call.closed;
  assert.equal(closed.code, 1000);
  assert.equal(await srv.metric('uap_api_twilio_transfers_total', { outcome: 'TWILIO_REJECTED' }), 1);
});
