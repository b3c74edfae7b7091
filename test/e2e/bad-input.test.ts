// Bad input against a real `uap serve` over real sockets: every case gets a clean refusal or close
// code, a metric and a log line with the call id; the process never crashes and a good call running
// alongside is untouched.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { SHORT_GREETING_ROUTES } from '../support/call-scenario.ts';
import { SimulatedCall, SimulatedCallError, twilioSignature, postVoiceWebhook, newCallSid, newStreamSid, tone, pcmToUlaw } from '../twilio-sim/index.ts';
import { signStreamToken, streamTokenKey } from '../../lib/stream-token.ts';

// Both media listeners (uWebSockets.js, and `ws` for Node versions without a uWS binary) must behave alike.
for (const listener of ['uws', 'ws'] as const) {
  describe(`media listener: ${listener}`, () => {
    let srv: UapProcess;
    let good: SimulatedCall;
    let goodFeeder: NodeJS.Timeout;
    const STREAM_PATH = '/twilio/stream';

    before(async () => {
      srv = await startUap({ env: { ROUTES: SHORT_GREETING_ROUTES, MEDIA_WS_SERVER: listener } });
      // A well-behaved call that keeps talking through every bad case below.
      good = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN });
      await good.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting');
      const chunk = pcmToUlaw(tone(440, 20, 8000, 0.3));
      let ts = 0;
      goodFeeder = setInterval(() => good.sendMediaChunk(chunk, (ts += 20)), 20);
    });

    after(async () => {
      clearInterval(goodFeeder);
      await srv.stop('SIGKILL');
    });

    const mediaUrl = () => `ws://127.0.0.1:${srv.mediaPort}${STREAM_PATH}`;

    /** A raw Twilio-like socket with a valid upgrade signature, no `start` sent. */
    function rawStream(): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
      const url = mediaUrl();
      const ws = new WebSocket(url, { headers: { 'X-Twilio-Signature': twilioSignature(TEST_AUTH_TOKEN, url, {}) } });
      const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
      ws.on('error', () => {});
      return new Promise((resolve, reject) => {
        ws.once('open', () => resolve({ ws, closed }));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
      });
    }

    async function goodCallStillFine(): Promise<void> {
      assert.ok(good.isOpen, 'the good call is still connected');
      const b = good.bytesReceived;
      await good.waitFor((c) => c.bytesReceived >= b + 1600, 2000, 'the good call to keep receiving its echo');
      assert.equal(srv.proc.exitCode, null, 'server still running');
    }

    async function closesWith(send: (call: SimulatedCall) => void, code: number, errCode: string): Promise<void> {
      const call = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN });
      const before = await srv.metric('uap_media_socket_errors_total', { code: errCode });
      send(call);
      const closed = await call.closed;
      assert.equal(closed.code, code, `close code for ${errCode}`);
      assert.equal(closed.reason, errCode);
      assert.equal(await srv.metric('uap_media_socket_errors_total', { code: errCode }), before + 1, `metric for ${errCode}`);
      const deadline = Date.now() + 2000;
      while (!srv.logs.some((l) => l.callId === call.callSid && l.code === errCode)) {
        if (Date.now() > deadline) assert.fail(`no log line with the call id for ${errCode}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      await goodCallStillFine();
    }

    test('webhook without or with a wrong X-Twilio-Signature is refused with 403', async () => {
      for (const sig of [null, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=']) {
        const r = await postVoiceWebhook({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN, callSid: newCallSid(), accountSid: 'AC' + '0'.repeat(32), signatureOverride: sig });
        assert.equal(r.status, 403);
        assert.equal(JSON.parse(r.body).code, 'BAD_SIGNATURE');
      }
      // Signed with the right token but for another URL (a replay against another endpoint).
      const r = await postVoiceWebhook({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN, callSid: newCallSid(), accountSid: 'AC' + '0'.repeat(32), signatureOverride: twilioSignature(TEST_AUTH_TOKEN, `${srv.httpUrl}/twilio/status`, {}) });
      assert.equal(r.status, 403);
      await goodCallStillFine();
    });

    test('media WebSocket upgrade without or with a bad signature is refused with 403', async () => {
      for (const sig of [null, 'bad-signature']) {
        await assert.rejects(
          SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN, wsSignatureOverride: sig }),
          (e: unknown) => e instanceof SimulatedCallError && e.status === 403,
        );
      }
      assert.ok((await srv.metric('uap_media_socket_errors_total', { code: 'BAD_SIGNATURE' })) >= 2);
      await goodCallStillFine();
    });

    test('malformed JSON closes the stream with 1007', () => closesWith((c) => c.sendRaw('{"event":"media",'), 1007, 'MALFORMED_JSON'));
    test('a payload that is not base64 closes with 1007', () => closesWith((c) => c.sendRaw(JSON.stringify({ event: 'media', streamSid: c.streamSid, media: { track: 'inbound', chunk: '1', timestamp: '20', payload: '!!!not base64!!!' } })), 1007, 'BAD_PAYLOAD'));
    test('an empty payload closes with 1007', () => closesWith((c) => c.sendRaw(JSON.stringify({ event: 'media', streamSid: c.streamSid, media: { track: 'inbound', chunk: '1', timestamp: '20', payload: '' } })), 1007, 'EMPTY_PAYLOAD'));
    test('an oversize frame (> 64 KB) closes with 1009', () => closesWith((c) => c.sendRaw(JSON.stringify({ event: 'media', streamSid: c.streamSid, media: { payload: 'A'.repeat(70_000) } })), 1009, 'OVERSIZE_FRAME'));
    test('a binary frame closes with 1003', () => closesWith((c) => c.sendRaw(Buffer.from([1, 2, 3])), 1003, 'BINARY_FRAME'));
    test('a second start closes with 1008', () => closesWith((c) => c.sendRaw(JSON.stringify({ event: 'start', streamSid: c.streamSid, start: { streamSid: c.streamSid, callSid: c.callSid, customParameters: c.twiml.parameters } })), 1008, 'SECOND_START'));
    test('media for another streamSid closes with 1008', () => closesWith((c) => c.sendRaw(JSON.stringify({ event: 'media', streamSid: newStreamSid(), media: { payload: '/////w==' } })), 1008, 'WRONG_STREAM_SID'));

    test('an unknown event is logged and counted, and the call goes on', async () => {
      const call = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN });
      await call.waitFor((c) => c.bytesReceived > 0, 5000, 'greeting');
      const before = await srv.metric('uap_media_socket_errors_total', { code: 'UNKNOWN_EVENT' });
      call.sendRaw(JSON.stringify({ event: 'brand-new-event', streamSid: call.streamSid }));
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(call.isOpen);
      assert.equal(await srv.metric('uap_media_socket_errors_total', { code: 'UNKNOWN_EVENT' }), before + 1);
      assert.equal((await call.stop()).code, 1000);
    });

    test('media before start closes with 1008', async () => {
      const { ws, closed } = await rawStream();
      ws.send(JSON.stringify({ event: 'media', streamSid: newStreamSid(), media: { payload: '/////w==' } }));
      assert.equal((await closed).code, 1008);
      assert.equal((await closed).reason, 'MEDIA_BEFORE_START');
      await goodCallStillFine();
    });

    async function startWith(token: string, callSid: string): Promise<{ code: number; reason: string }> {
      const { ws, closed } = await rawStream();
      const streamSid = newStreamSid();
      ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
      ws.send(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid, start: { streamSid, callSid, accountSid: 'AC' + '0'.repeat(32), tracks: ['inbound'], customParameters: { token }, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }));
      return closed;
    }

    test('start with an expired, forged, missing or replayed token closes with 1008', async () => {
      const key = streamTokenKey(undefined, TEST_AUTH_TOKEN)!;
      const callSid = newCallSid();
      const claims = { callId: callSid, providerCallId: callSid, tenantId: 'default', agentKind: 'offline', agentConfigId: 'e2e', from: '+1', to: '+2' };
      const expired = signStreamToken(key, claims, -5);
      assert.deepEqual(await startWith(expired, callSid), { code: 1008, reason: 'TOKEN_EXPIRED' });
      const forged = signStreamToken(streamTokenKey(undefined, 'another-token')!, claims, 30);
      assert.deepEqual(await startWith(forged, callSid), { code: 1008, reason: 'TOKEN_BAD_SIGNATURE' });
      assert.deepEqual(await startWith('', callSid), { code: 1008, reason: 'TOKEN_MISSING' });
      // A valid token opens one stream only, and only for its own call.
      const valid = signStreamToken(key, claims, 30);
      assert.deepEqual(await startWith(valid, newCallSid()), { code: 1008, reason: 'TOKEN_WRONG_CALL' });
      const call = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN });
      assert.deepEqual(await startWith(call.twiml.parameters.token, call.callSid), { code: 1008, reason: 'TOKEN_REPLAYED' });
      await call.stop();
      assert.ok((await srv.metric('uap_media_socket_errors_total', { code: 'TOKEN_EXPIRED' })) >= 1);
      await goodCallStillFine();
    });

    test('a caller that vanishes without stop ends its call as TRANSPORT_LOST', async () => {
      const call = await SimulatedCall.place({ webhookUrl: srv.webhookUrl, authToken: TEST_AUTH_TOKEN });
      await call.waitFor((c) => c.bytesReceived > 0, 5000, 'greeting');
      call.close(1006);
      const deadline = Date.now() + 3000;
      while (!srv.logs.some((l) => l.callId === call.callSid && l.msg === 'call ended' && l.reason === 'TRANSPORT_LOST')) {
        if (Date.now() > deadline) assert.fail('call did not end as TRANSPORT_LOST');
        await new Promise((r) => setTimeout(r, 50));
      }
      await goodCallStillFine();
    });

  });
}
