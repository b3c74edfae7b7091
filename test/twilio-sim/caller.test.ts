// SimulatedCall against a tiny fake of our server (http webhook + ws media socket) that checks
// Twilio signatures with the official SDK, echoes media, and drives mark/clear scenarios.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import twilio from 'twilio';
import { SimulatedCall, SimulatedCallError, waitFor } from './caller.ts';
import { pcmToUlaw, tone } from './audio.ts';

const TOKEN = 'test-auth-token';

interface ServerConn {
  ws: WebSocket;
  msgs: any[];
  streamSid?: string;
  send(msg: object): void;
  sendAudio(bytes: number, fill?: number): void;
}

interface FakeOptions {
  twiml?: (base: string) => string;
  echo?: boolean; // echo inbound media back as outbound media
  closeOnStop?: boolean;
  onStart?: (c: ServerConn) => void;
}

/** Our server's side of the protocol, reduced to what the simulator needs to be tested. */
async function fakeServer(opts: FakeOptions = {}) {
  const conns: ServerConn[] = [];
  const webhooks: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const url = `${base}${req.url}`;
      if (req.method !== 'POST' || !twilio.validateRequest(TOKEN, String(req.headers['x-twilio-signature']), url, params)) {
        res.writeHead(403).end('bad signature');
        return;
      }
      webhooks.push(params);
      const wsBase = base.replace('http', 'ws');
      const xml =
        opts.twiml?.(wsBase) ??
        `<Response><Connect><Stream url="${wsBase}/media"><Parameter name="callSid" value="${params.CallSid}"/><Parameter name="tag" value="a&amp;b"/></Stream></Connect></Response>`;
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(xml);
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = `${base.replace('http', 'ws')}${req.url}`;
    if (!twilio.validateRequest(TOKEN, String(req.headers['x-twilio-signature']), url, {})) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 13\r\nConnection: close\r\n\r\nbad signature');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const c: ServerConn = {
        ws,
        msgs: [],
        send: (m) => ws.send(JSON.stringify(m)),
        sendAudio: (bytes, fill = 0x55) => c.send({ event: 'media', streamSid: c.streamSid, media: { payload: Buffer.alloc(bytes, fill).toString('base64') } }),
      };
      conns.push(c);
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString());
        c.msgs.push(m);
        if (m.event === 'start') {
          c.streamSid = m.streamSid;
          opts.onStart?.(c);
        }
        if (m.event === 'media' && opts.echo) c.send({ event: 'media', streamSid: c.streamSid, media: { payload: m.media.payload } });
        if (m.event === 'stop' && opts.closeOnStop !== false) ws.close(1000, 'bye');
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const close = () =>
    new Promise<void>((r) => {
      for (const c of conns) c.ws.terminate();
      server.close(() => r());
    });
  servers.push(close);
  return { url: `${base}/twilio/voice`, base, conns, webhooks, close };
}

const servers: (() => Promise<void>)[] = [];
after(() => Promise.all(servers.map((c) => c())));

test('webhook + connected/start, then media echoed back', async () => {
  const srv = await fakeServer({ echo: true });
  const call = await SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN, from: '+15551230000' });
  const hook = srv.webhooks[0];
  assert.equal(hook.CallSid, call.callSid);
  assert.match(hook.CallSid, /^CA[0-9a-f]{32}$/);
  assert.equal(hook.ApiVersion, '2010-04-01');
  assert.equal(hook.CallStatus, 'ringing');
  assert.equal(hook.Direction, 'inbound');
  assert.equal(hook.From, '+15551230000');
  assert.equal(hook.Caller, '+15551230000');

  await waitFor(() => srv.conns[0]?.msgs.length >= 2, 2000, 'connected+start');
  const [connected, start] = srv.conns[0].msgs;
  assert.deepEqual(connected, { event: 'connected', protocol: 'Call', version: '1.0.0' });
  assert.equal(start.event, 'start');
  assert.equal(start.sequenceNumber, '1');
  assert.match(start.streamSid, /^MZ[0-9a-f]{32}$/);
  assert.deepEqual(start.start, {
    accountSid: call.accountSid,
    streamSid: call.streamSid,
    callSid: call.callSid,
    tracks: ['inbound'],
    customParameters: { callSid: call.callSid, tag: 'a&b' },
    mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
  });

  const audio = pcmToUlaw(tone(440, 500)); // 4000 bytes = 25 frames
  assert.equal(await call.sendAudio(audio, { paced: false }), 25);
  await call.waitFor((c) => c.bytesReceived === 4000, 2000, 'echo');
  assert.deepEqual(call.receivedAudio(), Buffer.from(audio));
  assert.equal(call.mediaMessages, 25);

  const media = srv.conns[0].msgs.filter((m) => m.event === 'media');
  assert.deepEqual(media.map((m) => m.sequenceNumber), Array.from({ length: 25 }, (_, i) => String(i + 2)));
  assert.deepEqual(media.map((m) => m.media.chunk), Array.from({ length: 25 }, (_, i) => String(i + 1)));
  // Unpaced: media clock advances 20 ms per frame from wall time at the first frame.
  const ts = media.map((m) => Number(m.media.timestamp));
  assert.deepEqual(ts, Array.from({ length: 25 }, (_, i) => ts[0] + i * 20));
  assert.ok(media.every((m) => m.media.track === 'inbound' && typeof m.media.timestamp === 'string'));

  call.sendDtmf('7');
  const stopped = await call.stop();
  assert.equal(stopped.serverClosed, true);
  assert.deepEqual(await call.closed, { code: 1000, reason: 'bye' });
  const tail = srv.conns[0].msgs.slice(-2);
  assert.deepEqual(tail[0], { event: 'dtmf', streamSid: call.streamSid, sequenceNumber: '27', dtmf: { track: 'inbound_track', digit: '7' } });
  assert.deepEqual(tail[1].stop, { accountSid: call.accountSid, callSid: call.callSid });
  assert.deepEqual(call.errors, []);
});

test('paced sendAudio takes real time and partial frames are padded', async () => {
  const srv = await fakeServer();
  const call = await SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN });
  const t0 = performance.now();
  assert.equal(await call.sendAudio(new Uint8Array(160 * 9 + 10).fill(0x11)), 10); // 10 frames
  const took = performance.now() - t0;
  assert.ok(took >= 175 && took < 400, `took ${took} ms`);
  await waitFor(() => srv.conns[0].msgs.filter((m) => m.event === 'media').length === 10);
  const last = Buffer.from(srv.conns[0].msgs.at(-1).media.payload, 'base64');
  assert.equal(last.length, 160);
  assert.equal(last[9], 0x11);
  assert.equal(last[10], 0xff);
  call.close();
  await call.closed;
});

test('a mark comes back only after the audio queued before it has played', async () => {
  let sentAt = 0;
  const srv = await fakeServer({
    onStart: (c) => {
      sentAt = performance.now();
      c.sendAudio(3200); // 400 ms at 8000 B/s
      c.send({ event: 'mark', streamSid: c.streamSid, mark: { name: 'm1' } });
    },
  });
  const call = await SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN });
  const conn = () => srv.conns[0];

  await waitFor(() => call.marksReceived === 1);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(call.marksReturned, 0, 'mark returned before its audio played');
  const midway = call.playedBytes();
  assert.ok(midway > 1000 && midway < 2600, `played ${midway} bytes after ~200 ms`);

  await waitFor(() => conn().msgs.some((m) => m.event === 'mark'), 2000, 'mark back');
  const elapsed = performance.now() - sentAt;
  assert.ok(elapsed >= 400, `mark came back after ${elapsed} ms`);
  const back = conn().msgs.find((m) => m.event === 'mark');
  assert.equal(back.streamSid, call.streamSid);
  assert.match(back.sequenceNumber, /^\d+$/);
  assert.deepEqual(back.mark, { name: 'm1' });
  assert.equal(call.marksSentBack[0].name, 'm1');
  assert.ok(call.marksSentBack[0].atMs >= 400);
  assert.equal(call.playedAudio().length, 3200);

  // With nothing queued a mark is returned at once.
  conn().send({ event: 'mark', streamSid: call.streamSid, mark: { name: 'm2' } });
  await call.waitFor((c) => c.marksReturned === 2, 100, 'immediate mark');
  call.close();
  await call.closed;
});

test('clear drops unplayed audio and returns pending marks at once', async () => {
  const srv = await fakeServer({
    onStart: (c) => {
      c.sendAudio(16000); // 2 s
      c.send({ event: 'mark', streamSid: c.streamSid, mark: { name: 'a' } });
      c.sendAudio(800);
      c.send({ event: 'mark', streamSid: c.streamSid, mark: { name: 'b' } });
    },
  });
  const call = await SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN });
  await waitFor(() => call.marksReceived === 2);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(call.marksReturned, 0);

  const clearAt = performance.now();
  srv.conns[0].send({ event: 'clear', streamSid: call.streamSid });
  await call.waitFor((c) => c.marksReturned === 2, 1000, 'marks after clear');
  assert.ok(performance.now() - clearAt < 100, 'marks were not returned promptly');
  assert.deepEqual(call.marksSentBack.map((m) => m.name), ['a', 'b']);
  assert.equal(call.clears, 1);
  const played = call.playedAudio().length;
  assert.ok(played >= 700 && played < 2000, `played ${played} bytes of 16800`);
  assert.equal(call.queuedMs(), 0);
  assert.equal(call.receivedAudio().length, 16800);
  await waitFor(() => srv.conns[0].msgs.filter((m) => m.event === 'mark').length === 2);
  call.close();
  await call.closed;
});

test('bad webhook signature: rejects with status and body', async () => {
  const srv = await fakeServer();
  await assert.rejects(SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN, signatureOverride: 'AAAA' }), (err: unknown) => {
    assert.ok(err instanceof SimulatedCallError);
    assert.equal(err.status, 403);
    assert.equal(err.body, 'bad signature');
    return true;
  });
  await assert.rejects(SimulatedCall.place({ webhookUrl: srv.url, authToken: 'wrong' }), { status: 403 });
});

test('bad WebSocket signature: upgrade refused with 403', async () => {
  const srv = await fakeServer();
  await assert.rejects(SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN, wsSignatureOverride: null }), {
    name: 'SimulatedCallError',
    status: 403,
  });
});

test('non-stream TwiML is reported with the parsed reply', async () => {
  const srv = await fakeServer({ twiml: () => '<Response><Say>We are closed.</Say><Hangup/></Response>' });
  await assert.rejects(SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN }), (err: unknown) => {
    assert.ok(err instanceof SimulatedCallError);
    assert.deepEqual(err.twiml, { kind: 'other', say: 'We are closed.', hangup: true, verbs: ['Say', 'Hangup'] });
    return true;
  });
});

test('query string on <Stream url> is dropped like Twilio does, and flagged', async () => {
  const srv = await fakeServer({ twiml: (ws) => `<Response><Connect><Stream url="${ws}/media?x=1"/></Connect></Response>` });
  const call = await SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN });
  assert.equal(call.streamUrl, srv.base.replace('http', 'ws') + '/media');
  assert.match(call.errors[0].message, /query string/);
  call.close();
  await call.closed;
});

test('bad server output is captured, never thrown; stop times out if the server stays open', async () => {
  const srv = await fakeServer({
    closeOnStop: false,
    onStart: (c) => {
      c.ws.send('{not json');
      c.ws.send(Buffer.from([1, 2, 3]));
      c.send({ event: 'media', streamSid: 'MZwrong', media: { payload: 'AAAA' } });
      c.send({ event: 'media', streamSid: c.streamSid, media: { payload: '!!' } });
      c.send({ event: 'bogus', streamSid: c.streamSid });
    },
  });
  const call = await SimulatedCall.place({ webhookUrl: srv.url, authToken: TOKEN });
  await call.waitFor((c) => c.errors.length === 5, 1000, 'five errors');
  assert.deepEqual(
    call.errors.map((e) => e.message.slice(0, 5)),
    ['31951', '31950', '31951', '31951', '31951'],
  );
  assert.equal(call.mediaMessages, 0);
  const res = await call.stop(150);
  assert.equal(res.serverClosed, false);
  assert.equal(call.errors.length, 6);
  assert.equal(call.sendDtmf('1'), false); // closed: reports instead of throwing
  assert.equal(call.sendRaw('x'), false);
});

test('unreachable webhook rejects with a SimulatedCallError', async () => {
  await assert.rejects(SimulatedCall.place({ webhookUrl: 'http://127.0.0.1:1/twilio/voice', authToken: TOKEN, connectTimeoutMs: 1000 }), {
    name: 'SimulatedCallError',
    message: /webhook request failed/,
  });
});
