// Twilio webhooks through fastify inject(): signature checks, TwiML with a verifiable stream token,
// status callbacks as CallEvents on the (in-process) bus.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import webhooks from 'twilio/lib/webhooks/webhooks.js';
import { twilioWebhooks, type TwilioWebhookOptions } from './webhooks.ts';
import { ConfigRouter } from '../routing.ts';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { loadConfig } from '../../lib/config.ts';
import { streamTokenKey, verifyStreamToken } from '../../lib/stream-token.ts';
import { uap, subjects } from '../../proto/index.ts';
import { parseTwiml } from '../../test/twilio-sim/twiml.ts';

const AUTH_TOKEN = 'twilio-auth-token-0123456789abcdef';
const PUBLIC = 'https://voice.example.com';
const STREAM_URL = 'wss://voice.example.com:8081/twilio/stream';
const ACME_NUMBER = '+15550002222';
const CALL_SID = 'CA0123456789abcdef0123456789abcdef';

const routes = loadConfig({ ROUTES: JSON.stringify({ [ACME_NUMBER]: { tenant: 'acme', agent: 'echo', configId: 'echo-v2' } }) }).routes;

let uniq = 0;

async function build(t: TestContext, over: Partial<TwilioWebhookOptions> = {}) {
  const bus = new InProcBus();
  const registry = new Registry();
  const app = Fastify({ logger: false });
  await app.register(formbody);
  const opts: TwilioWebhookOptions = {
    publicUrl: new URL(PUBLIC),
    streamUrl: STREAM_URL,
    authToken: AUTH_TOKEN,
    tokenKey: streamTokenKey(undefined, AUTH_TOKEN),
    tokenTtlS: 30,
    router: new ConfigRouter(routes),
    bus,
    log: createLogger('silent'),
    registry,
    ...over,
  };
  await app.register(twilioWebhooks, opts);
  await app.ready();
  const events: { subject: string; msgId?: string; ev: uap.CallEvent }[] = [];
  const consumer = await bus.consumeDurable({ durable: `t${++uniq}`, filter: 'events.>' }, (m) => {
    events.push({ subject: m.subject, msgId: m.msgId, ev: uap.CallEvent.decode(m.data) });
    m.ack();
  });
  t.after(async () => {
    await consumer.stop();
    await app.close();
    await bus.close();
  });
  const post = (path: string, params: Record<string, string>, signature: string | null = webhooks.getExpectedTwilioSignature(AUTH_TOKEN, PUBLIC + path, params)) =>
    app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
      payload: new URLSearchParams(params).toString(),
    });
  const metric = async (labels: Record<string, string>) => {
    const m = registry.getSingleMetric('uap_signaling_webhooks_total');
    const { values } = await m!.get();
    return values.filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val)).reduce((a, v) => a + v.value, 0);
  };
  return { app, bus, registry, events, post, opts, metric };
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const voiceParams = (over: Record<string, string> = {}) => ({
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  ApiVersion: '2010-04-01',
  CallSid: CALL_SID,
  CallStatus: 'ringing',
  Called: ACME_NUMBER,
  Caller: '+15550001111',
  Direction: 'inbound',
  From: '+15550001111',
  To: ACME_NUMBER,
  ...over,
});

test('voice: valid signature → 200 text/xml <Connect><Stream> with a token that verifies', async (t) => {
  const { post, opts, metric } = await build(t);
  const res = await post('/twilio/voice', voiceParams());
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/xml/);
  assert.match(res.body, /<Response><Connect><Stream url="wss:\/\/voice\.example\.com:8081\/twilio\/stream">/);
  const twiml = parseTwiml(res.body);
  assert.equal(twiml.kind, 'stream');
  if (twiml.kind !== 'stream') return;
  assert.equal(twiml.streamUrl, STREAM_URL);
  assert.equal(twiml.parameters.callId, CALL_SID);
  const check = verifyStreamToken(opts.tokenKey!, twiml.parameters.token);
  assert.ok(check.ok, `token verifies: ${JSON.stringify(check)}`);
  assert.equal(check.claims.callId, CALL_SID);
  assert.equal(check.claims.providerCallId, CALL_SID);
  assert.equal(check.claims.tenantId, 'acme');
  assert.equal(check.claims.agentKind, 'echo');
  assert.equal(check.claims.agentConfigId, 'echo-v2');
  assert.equal(check.claims.from, '+15550001111');
  assert.equal(check.claims.to, ACME_NUMBER);
  const nowS = Date.now() / 1000;
  assert.ok(check.claims.exp > nowS + 25 && check.claims.exp <= nowS + 31, 'ttl 30 s');
  // Signed with the key the media core derives from the same auth token.
  assert.ok(verifyStreamToken(streamTokenKey(undefined, AUTH_TOKEN)!, twiml.parameters.token).ok);
  assert.equal(await metric({ endpoint: 'voice', outcome: 'connected' }), 1);
});

test('voice: an unrouted number falls back to the catch-all (default tenant, offline agent)', async (t) => {
  const { post, opts } = await build(t);
  const res = await post('/twilio/voice', voiceParams({ To: '+15559999999', Called: '+15559999999' }));
  assert.equal(res.statusCode, 200);
  const twiml = parseTwiml(res.body);
  const check = twiml.kind === 'stream' ? verifyStreamToken(opts.tokenKey!, twiml.parameters.token) : undefined;
  assert.ok(check?.ok);
  assert.equal(check.claims.tenantId, 'default');
  assert.equal(check.claims.agentKind, 'offline');
});

test('voice: a number with no route at all → Say + Hangup TwiML', async (t) => {
  const { post, metric } = await build(t, { router: new ConfigRouter(new Map()) });
  const res = await post('/twilio/voice', voiceParams());
  assert.equal(res.statusCode, 200);
  const twiml = parseTwiml(res.body);
  assert.equal(twiml.kind, 'other');
  assert.ok(twiml.kind === 'other' && twiml.hangup);
  assert.equal(await metric({ endpoint: 'voice', outcome: 'unknown_number' }), 1);
});

test('voice: each webhook gets its own token (fresh jti)', async (t) => {
  const { post } = await build(t);
  const a = parseTwiml((await post('/twilio/voice', voiceParams())).body);
  const b = parseTwiml((await post('/twilio/voice', voiceParams())).body);
  assert.ok(a.kind === 'stream' && b.kind === 'stream');
  assert.notEqual(a.parameters.token, b.parameters.token);
});

test('bad signature → 403 BAD_SIGNATURE (problem+json), for both endpoints', async (t) => {
  const { post, metric } = await build(t);
  const params = voiceParams();
  const cases: [string, string | null, Record<string, string>][] = [
    ['/twilio/voice', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', params],
    ['/twilio/voice', null, params],
    ['/twilio/voice', webhooks.getExpectedTwilioSignature('another-token', PUBLIC + '/twilio/voice', params), params],
    // Signed for other parameters (a tampered body).
    ['/twilio/voice', webhooks.getExpectedTwilioSignature(AUTH_TOKEN, PUBLIC + '/twilio/voice', params), { ...params, To: '+15557777777' }],
    // Signed for another URL.
    ['/twilio/voice', webhooks.getExpectedTwilioSignature(AUTH_TOKEN, 'https://evil.example.com/twilio/voice', params), params],
    ['/twilio/status', 'bogus', { CallSid: CALL_SID, CallStatus: 'completed' }],
  ];
  for (const [path, sig, body] of cases) {
    const res = await post(path, body, sig);
    assert.equal(res.statusCode, 403, `${path} ${sig}`);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const problem = res.json();
    assert.equal(problem.code, 'BAD_SIGNATURE');
    assert.equal(problem.status, 403);
  }
  assert.equal(await metric({ endpoint: 'voice', outcome: 'bad_signature' }), 5);
  assert.equal(await metric({ endpoint: 'status', outcome: 'bad_signature' }), 1);
});

test('signature over the URL with its query string', async (t) => {
  const { post, app } = await build(t);
  const params = voiceParams();
  const url = '/twilio/voice?tenantHint=acme';
  const good = await post(url, params);
  assert.equal(good.statusCode, 200);
  // The same signature without the query does not validate with it.
  const sigNoQuery = webhooks.getExpectedTwilioSignature(AUTH_TOKEN, PUBLIC + '/twilio/voice', params);
  const bad = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sigNoQuery }, payload: new URLSearchParams(params).toString() });
  assert.equal(bad.statusCode, 403);
});

test('no auth token configured → 403 TWILIO_NOT_CONFIGURED, even with a "valid" signature', async (t) => {
  const { post, metric } = await build(t, { authToken: undefined, tokenKey: undefined });
  for (const path of ['/twilio/voice', '/twilio/status']) {
    const res = await post(path, voiceParams());
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'TWILIO_NOT_CONFIGURED');
  }
  assert.equal(await metric({ outcome: 'not_configured' }), 2);
});

test('missing or malformed CallSid → 400 BAD_REQUEST', async (t) => {
  const { post } = await build(t);
  const { CallSid: _, ...noSid } = voiceParams();
  const bodies: Record<string, string>[] = [noSid, voiceParams({ CallSid: '' }), voiceParams({ CallSid: 'CA.123' }), voiceParams({ CallSid: 'x'.repeat(65) })];
  for (const body of bodies) {
    const res = await post('/twilio/voice', body);
    assert.equal(res.statusCode, 400, JSON.stringify(body.CallSid));
    assert.equal(res.json().code, 'BAD_REQUEST');
    assert.match(res.json().detail, /CallSid/);
  }
  const status = await post('/twilio/status', { CallStatus: 'completed' });
  assert.equal(status.statusCode, 400);
  assert.equal(status.json().code, 'BAD_REQUEST');
});

test('voice: malformed From/To → 400', async (t) => {
  const { post } = await build(t);
  const res = await post('/twilio/voice', voiceParams({ From: '<script>' }));
  assert.equal(res.statusCode, 400);
  assert.match(res.json().detail, /From or To/);
});

test('status: unknown CallStatus → 400', async (t) => {
  const { post } = await build(t);
  for (const s of ['', 'exploded', 'COMPLETED']) {
    const res = await post('/twilio/status', { CallSid: CALL_SID, CallStatus: s });
    assert.equal(res.statusCode, 400, s);
  }
});

const statusParams = (over: Record<string, string> = {}) => ({
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  ApiVersion: '2010-04-01',
  CallSid: CALL_SID,
  CallStatus: 'completed',
  CallDuration: '42',
  CallbackSource: 'call-progress-events',
  Called: '+15559999999',
  Direction: 'inbound',
  From: '+15550001111',
  SequenceNumber: '3',
  Timestamp: 'Tue, 01 Jul 2025 12:00:00 +0000',
  To: '+15559999999',
  ...over,
});

test('status callback → 204 and a CallEvent providerStatus on events.default.call.status', async (t) => {
  const { post, events, metric } = await build(t);
  const res = await post('/twilio/status', statusParams());
  assert.equal(res.statusCode, 204);
  assert.equal(res.body, '');
  await waitFor(() => events.length === 1, 'status event');
  const { subject, ev, msgId } = events[0];
  assert.equal(subject, 'events.default.call.status');
  assert.equal(ev.callId, CALL_SID);
  assert.equal(ev.tenantId, 'default');
  assert.equal(ev.body, 'providerStatus');
  assert.equal(ev.providerStatus!.status, 'completed');
  assert.equal(ev.providerStatus!.providerCallId, CALL_SID);
  const raw = JSON.parse(ev.providerStatus!.rawJson ?? '{}');
  assert.equal(raw.CallDuration, '42');
  assert.equal(raw.SequenceNumber, '3');
  assert.equal(ev.eventId, `${CALL_SID}.status.3`);
  assert.equal(msgId, ev.eventId, 'the event id is the stream de-dup id');
  assert.equal(await metric({ endpoint: 'status', outcome: 'completed' }), 1);
});

test('status callback: tenant from the route of our number (To inbound, From outbound)', async (t) => {
  const { post, events } = await build(t);
  assert.equal((await post('/twilio/status', statusParams({ To: ACME_NUMBER, SequenceNumber: '1' }))).statusCode, 204);
  assert.equal((await post('/twilio/status', statusParams({ Direction: 'outbound-api', From: ACME_NUMBER, To: '+15551110000', SequenceNumber: '2' }))).statusCode, 204);
  await waitFor(() => events.length === 2, 'two events');
  assert.deepEqual(events.map((e) => e.subject), ['events.acme.call.status', 'events.acme.call.status']);
});

test('duplicate status callbacks produce the same event id (and are stored once)', async (t) => {
  const { post, events, bus } = await build(t);
  const live: uap.CallEvent[] = [];
  bus.subscribe(subjects.callEvent(CALL_SID), (m) => live.push(uap.CallEvent.decode(m.data)));
  for (let i = 0; i < 3; i++) assert.equal((await post('/twilio/status', statusParams())).statusCode, 204);
  // Without a SequenceNumber the status names the event.
  const { SequenceNumber: _, ...noSeq } = statusParams({ CallStatus: 'ringing' });
  for (let i = 0; i < 2; i++) assert.equal((await post('/twilio/status', noSeq)).statusCode, 204);
  await bus.flush();
  await waitFor(() => live.length === 5, 'live events');
  assert.deepEqual(live.map((e) => e.eventId), [`${CALL_SID}.status.3`, `${CALL_SID}.status.3`, `${CALL_SID}.status.3`, `${CALL_SID}.status.ringing`, `${CALL_SID}.status.ringing`]);
  await waitFor(() => events.length === 2, 'durable events');
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(events.map((e) => e.ev.eventId), [`${CALL_SID}.status.3`, `${CALL_SID}.status.ringing`], 'the stream de-duplicates by event id');
});

test('only POST routes exist', async (t) => {
  const { app } = await build(t);
  assert.equal((await app.inject({ method: 'GET', url: '/twilio/voice' })).statusCode, 404);
});
