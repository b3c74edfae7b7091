// The Twilio client over the official SDK, against the local fake of Twilio's REST API (real HTTP), and the
// mapping of its errors to API problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTwilioClient, rebasedHttpClient, toTwilioError, TwilioRequestError } from './client.ts';
import { problemFromTwilio } from '../routes/call-control-routes.ts';
import { FakeTwilioRest } from '../../test/fakes/twilio-rest.ts';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'fake-auth-token-0123456789';

async function rejection(p: Promise<unknown>): Promise<TwilioRequestError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof TwilioRequestError, String(err));
    return err;
  }
  assert.fail('expected a rejection');
}

test('createCall and endCall through the SDK against the fake', async (t) => {
  const fake = await FakeTwilioRest.start({ accountSid: SID, authToken: TOKEN });
  t.after(() => fake.close());
  const twilio = createTwilioClient({ accountSid: SID, authToken: TOKEN, baseUrl: `${fake.url}/` });

  const call = await twilio.createCall({
    to: '+15551230000',
    from: '+15550001111',
    url: 'https://x.test/twilio/voice',
    statusCallback: 'https://x.test/twilio/status',
    statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    machineDetection: 'Enable',
  });
  assert.match(call.sid, /^CA[0-9a-f]{32}$/);
  assert.deepEqual({ status: call.status, to: call.to, from: call.from, direction: call.direction, duration: call.duration }, { status: 'queued', to: '+15551230000', from: '+15550001111', direction: 'outbound-api', duration: null });
  const req = fake.createRequests[0];
  assert.deepEqual(req.auth, { username: SID, password: TOKEN });
  assert.deepEqual(req.form.getAll('StatusCallbackEvent'), ['initiated', 'ringing', 'answered', 'completed']);
  assert.equal(req.form.get('StatusCallbackMethod'), 'POST');
  assert.equal(req.form.get('MachineDetection'), 'Enable');

  const ended = await twilio.endCall(call.sid);
  assert.equal(ended.status, 'completed');
  assert.equal(fake.call(call.sid).updates[0].get('Status'), 'completed');
  const again = await rejection(twilio.endCall(call.sid));
  assert.deepEqual([again.status, again.twilioCode, again.retryable], [400, 21220, false]);
  const unknown = await rejection(twilio.endCall(`CA${'f'.repeat(32)}`));
  assert.deepEqual([unknown.status, unknown.twilioCode], [404, 20404]);
  const notASid = await rejection(twilio.endCall('../../Accounts'));
  assert.deepEqual([notASid.status, notASid.twilioCode], [404, 20404]);
  assert.equal(fake.requests.length, 4, 'a malformed SID never reaches the network');

  const invalid = await rejection(twilio.createCall({ to: '+15005550001', from: '+15550001111', url: 'https://x.test/v' }));
  assert.deepEqual([invalid.status, invalid.twilioCode, invalid.retryable, invalid.code], [400, 21211, false, 'TWILIO_REJECTED']);
  assert.match(invalid.message, /Invalid 'To' Phone Number/);
  assert.equal(invalid.moreInfo, 'https://www.twilio.com/docs/errors/21211');

  for (const [status, code] of [[500, 20500], [503, 20503], [429, 20429]] as const) {
    fake.failNext({ status, code, message: 'try later' });
    const e = await rejection(twilio.createCall({ to: '+15551230000', from: '+15550001111', url: 'https://x.test/v' }));
    assert.deepEqual([e.status, e.twilioCode, e.retryable], [status, code, true]);
  }

  const wrong = createTwilioClient({ accountSid: SID, authToken: 'wrong', baseUrl: fake.url });
  const denied = await rejection(wrong.createCall({ to: '+15551230000', from: '+15550001111', url: 'https://x.test/v' }));
  assert.deepEqual([denied.status, denied.twilioCode, denied.retryable], [401, 20003, false]);
});

test('network failures are retryable TWILIO_UNREACHABLE errors', async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  const twilio = createTwilioClient({ accountSid: SID, authToken: TOKEN, baseUrl: `http://127.0.0.1:${port}` });
  const e = await rejection(twilio.createCall({ to: '+15551230000', from: '+15550001111', url: 'https://x.test/v' }));
  assert.deepEqual([e.status, e.retryable, e.code], [0, true, 'TWILIO_UNREACHABLE']);
  assert.match(e.message, /ECONNREFUSED/);

  // A server that never answers: the timeout applies.
  const hang = createServer(() => {});
  await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
  try {
    const slow = createTwilioClient({ accountSid: SID, authToken: TOKEN, baseUrl: `http://127.0.0.1:${(hang.address() as AddressInfo).port}`, timeoutMs: 200 });
    const t0 = Date.now();
    const te = await rejection(slow.endCall(`CA${'a'.repeat(32)}`));
    assert.deepEqual([te.status, te.retryable], [0, true]);
    assert.ok(Date.now() - t0 < 5000);
  } finally {
    hang.closeAllConnections();
    await new Promise<void>((r) => hang.close(() => r()));
  }
});

test('rebasedHttpClient rewrites api.twilio.com (with edge/region) and nothing else', async () => {
  const seen: string[] = [];
  const inner = { request: async (o: { uri: string }) => (seen.push(o.uri), { statusCode: 200, body: {}, headers: {} }) };
  const c = rebasedHttpClient(inner as never, 'http://127.0.0.1:9/base/');
  for (const uri of [
    'https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json',
    'https://api.sydney.au1.twilio.com/2010-04-01/Accounts/AC1/Calls.json',
    'https://api.twilio.com:443/x',
    'https://api.twilio.com.evil.test/x',
    'https://voice.twilio.com/v1/x',
  ]) await c.request({ method: 'get', uri });
  assert.deepEqual(seen, [
    'http://127.0.0.1:9/base/2010-04-01/Accounts/AC1/Calls.json',
    'http://127.0.0.1:9/base/2010-04-01/Accounts/AC1/Calls.json',
    'http://127.0.0.1:9/base/x',
    'https://api.twilio.com.evil.test/x',
    'https://voice.twilio.com/v1/x',
  ]);
  assert.throws(() => createTwilioClient({ accountSid: 'SK123', authToken: 'x' }), /AC/);
});

test('toTwilioError and problemFromTwilio: statuses, codes, retry hints', () => {
  const rest = toTwilioError({ status: 400, code: 21211, message: "Invalid 'To' Phone Number", moreInfo: 'https://www.twilio.com/docs/errors/21211' });
  assert.deepEqual([rest.status, rest.twilioCode, rest.retryable], [400, 21211, false]);
  const rfc = toTwilioError({ type: 'x', title: 'Bad', status: 422, code: 21000, detail: 'detail text' });
  assert.deepEqual([rfc.status, rfc.twilioCode, rfc.message], [422, 21000, 'detail text']);
  const net = toTwilioError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
  assert.deepEqual([net.status, net.retryable, net.message], [0, true, 'Twilio unreachable (ECONNRESET)']);

  const p = (err: TwilioRequestError, op: 'create' | 'end' = 'create') => {
    const a = problemFromTwilio(err, op);
    return [a.status, a.code, a.headers['retry-after'], a.errors?.[0]?.path];
  };
  const e = (status: number, twilioCode?: number) => new TwilioRequestError({ status, twilioCode, message: 'm' });
  assert.deepEqual(p(e(400, 21211)), [400, 'BAD_REQUEST', undefined, '/to']);
  assert.deepEqual(p(e(400, 21212)), [400, 'BAD_REQUEST', undefined, '/from']);
  assert.deepEqual(p(e(400, 13224)), [400, 'BAD_REQUEST', undefined, undefined]);
  assert.deepEqual(p(e(400, 21220), 'end'), [409, 'CONFLICT', undefined, undefined]);
  assert.deepEqual(p(e(404, 20404), 'end'), [404, 'NOT_FOUND', undefined, undefined]);
  assert.deepEqual(p(e(404, 20404)), [503, 'UNAVAILABLE', undefined, undefined]);
  assert.deepEqual(p(e(401, 20003)), [503, 'UNAVAILABLE', undefined, undefined]);
  assert.deepEqual(p(e(429, 20429)), [503, 'UNAVAILABLE', '5', undefined]);
  assert.deepEqual(p(e(500)), [503, 'UNAVAILABLE', '1', undefined]);
  assert.deepEqual(p(e(0)), [503, 'UNAVAILABLE', '1', undefined]);
  assert.match(problemFromTwilio(e(400, 21211), 'create').detail, /Twilio error 21211/);
  assert.match(problemFromTwilio(e(500), 'create').detail, /Twilio HTTP 500/);
});
