// TwilioStreamConnection driven through a fake socket, with the real in-process bus, media session,
// pacer/ticker, metrics and stream tokens. The "agent" is a test subscriber on the bus.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { TwilioStreamConnection, type StreamSocket, type StreamContext } from './stream-connection.ts';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createMediaMetrics } from '../metrics.ts';
import { SharedTicker } from '../session/ticker.ts';
import { createLogger } from '../../lib/logger.ts';
import { signStreamToken, streamTokenKey, TokenReplayGuard } from '../../lib/stream-token.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../../proto/index.ts';
import { ulawDecode } from '../codecs/index.ts';
import type { MediaSession } from '../session/media-session.ts';

const KEY = streamTokenKey('test-stream-token-secret-0123456789', undefined)!;
const TENANT = 'acme';
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
let uniq = 0;
const newCallSid = () => `CA${(++uniq).toString(16).padStart(32, '0')}`;
const newStreamSid = () => `MZ${(++uniq).toString(16).padStart(32, '0')}`;

class FakeSocket implements StreamSocket {
  sent: string[] = [];
  buffered = 0;
  ended: { code: number; reason: string } | undefined;
  endCalls = 0;
  sentAfterEnd = 0;
  send(text: string): void {
    if (this.ended) this.sentAfterEnd++;
    this.sent.push(text);
  }
  sendText(bytes: Uint8Array): void {
    this.send(Buffer.from(bytes).toString('utf8'));
  }
  bufferedAmount(): number {
    return this.buffered;
  }
  end(code: number, reason: string): void {
    this.endCalls++;
    this.ended ??= { code, reason };
  }
  json(): Record<string, any>[] {
    return this.sent.map((s) => JSON.parse(s));
  }
}

function frame(text: string): ArrayBuffer {
  const b = Buffer.from(text, 'utf8');
  const ab = new ArrayBuffer(b.length);
  new Uint8Array(ab).set(b);
  return ab;
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = 1500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

interface Harness {
  bus: InProcBus;
  registry: Registry;
  ctx: StreamContext;
  ticker: SharedTicker;
  sessions: Set<MediaSession>;
  dispatches: uap.DispatchRequest[];
  events: { subject: string; ev: uap.CallEvent }[];
  metric(name: string, labels: Record<string, string>): Promise<number>;
}

async function setup(t: TestContext, opts: Partial<StreamContext> & { agent?: boolean } = {}): Promise<Harness> {
  const bus = new InProcBus();
  const registry = new Registry();
  const metrics = createMediaMetrics(registry, 'twilio');
  const ticker = new SharedTicker(5);
  const sessions = new Set<MediaSession>();
  const dispatches: uap.DispatchRequest[] = [];
  const events: { subject: string; ev: uap.CallEvent }[] = [];
  const { agent = true, ...ctxOverrides } = opts;
  const ctx: StreamContext = {
    log: createLogger('silent'),
    metrics,
    tokenKey: KEY,
    replay: new TokenReplayGuard(),
    sessionDeps: { bus, metrics, ticker },
    internalRate: 16000,
    leadMs: 100,
    queueMaxMs: 10_000,
    dispatchTimeoutMs: 500,
    maxBackpressureBytes: 64 * 1024,
    onSession: (s, open) => (open ? sessions.add(s) : sessions.delete(s)),
    ...ctxOverrides,
  };
  if (agent) {
    bus.subscribe(
      subjects.dispatch,
      (m) => {
        dispatches.push(uap.DispatchRequest.decode(m.data));
        m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'worker-1', sampleRate: 16000 }).finish());
      },
      { queue: DISPATCH_QUEUE },
    );
  }
  const consumer = await bus.consumeDurable({ durable: `test-${++uniq}`, filter: 'events.>' }, (m) => {
    events.push({ subject: m.subject, ev: uap.CallEvent.decode(m.data) });
    m.ack();
  });
  t.after(async () => {
    for (const s of sessions) s.end(uap.EndReason.SHUTDOWN, 'test over');
    ticker.stop();
    await consumer.stop();
    await bus.close();
  });
  const metric = async (name: string, labels: Record<string, string>): Promise<number> => {
    const m = registry.getSingleMetric(name);
    if (!m) return 0;
    const { values } = await m.get();
    return values.filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val)).reduce((a, v) => a + v.value, 0);
  };
  return { bus, registry, ctx, ticker, sessions, dispatches, events, metric };
}

function token(callSid: string, o: { ttlS?: number; nowMs?: number; providerCallId?: string; tenantId?: string } = {}): string {
  return signStreamToken(
    KEY,
    { callId: callSid, providerCallId: o.providerCallId ?? callSid, tenantId: o.tenantId ?? TENANT, agentKind: 'echo', agentConfigId: 'echo-v1', from: '+15550001111', to: '+15550002222' },
    o.ttlS ?? 30,
    o.nowMs,
  );
}

const startMsg = (streamSid: string, callSid: string, tok: string | undefined, fmt = { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 }) =>
  JSON.stringify({
    event: 'start',
    sequenceNumber: '1',
    streamSid,
    start: { accountSid: ACCOUNT, streamSid, callSid, tracks: ['inbound'], customParameters: tok === undefined ? {} : { token: tok, callId: callSid }, mediaFormat: fmt },
  });

const mediaMsg = (streamSid: string, bytes: Buffer, seq = 2, track = 'inbound') =>
  JSON.stringify({ event: 'media', sequenceNumber: String(seq), streamSid, media: { track, chunk: String(seq - 1), timestamp: String((seq - 2) * 20), payload: bytes.toString('base64') } });

const ULAW_SILENCE = Buffer.alloc(160, 0xff);

/** A connection whose stream has started and been dispatched. */
async function started(h: Harness, socket = new FakeSocket()) {
  const callSid = newCallSid();
  const streamSid = newStreamSid();
  const tok = token(callSid);
  const conn = new TwilioStreamConnection(socket, h.ctx, '127.0.0.1');
  conn.onMessage(frame('{"event":"connected","protocol":"Call","version":"1.0.0"}'), false);
  conn.onMessage(frame(startMsg(streamSid, callSid, tok)), false);
  await waitFor(() => h.dispatches.some((d) => d.callId === callSid), 'dispatch');
  const session = [...h.sessions].find((s) => s.callId === callSid)!;
  await waitFor(() => session.workerId !== '', 'dispatch reply');
  return { conn, socket, callSid, streamSid, session, token: tok };
}

/** Agent side: publishes 20 ms frames at 16 kHz on media.<callId>.out. */
function agentOut(bus: InProcBus, callId: string) {
  let seq = 0;
  return {
    get seq() {
      return seq;
    },
    audio(samples: Int16Array) {
      const pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
      bus.publish(subjects.mediaOut(callId), uap.AudioFrame.encode({ callId, seq: ++seq, mediaTsMs: (seq - 1) * 20, sampleRate: 16000, pcm, originTs: 0 }).finish());
    },
    tone(frames: number, hz = 400, amp = 8000) {
      for (let f = 0; f < frames; f++) {
        const s = new Int16Array(320);
        for (let i = 0; i < 320; i++) s[i] = Math.round(amp * Math.sin((2 * Math.PI * hz * (f * 320 + i)) / 16000));
        this.audio(s);
      }
    },
    control(c: uap.IMediaControl) {
      bus.publish(subjects.control(callId), uap.MediaControl.encode({ callId, ...c }).finish());
    },
  };
}

function assertClosed(socket: FakeSocket, code: number, reason?: string) {
  assert.ok(socket.ended, 'socket was ended');
  assert.equal(socket.ended.code, code);
  if (reason !== undefined) assert.equal(socket.ended.reason, reason);
}

// --- protocol violations ---------------------------------------------------------------------

test('media before start → 1008 MEDIA_BEFORE_START, counted', async (t) => {
  const h = await setup(t);
  const socket = new FakeSocket();
  const conn = new TwilioStreamConnection(socket, h.ctx, '127.0.0.1');
  conn.onMessage(frame('{"event":"connected","protocol":"Call","version":"1.0.0"}'), false);
  conn.onMessage(frame(mediaMsg(newStreamSid(), ULAW_SILENCE)), false);
  assertClosed(socket, 1008, 'MEDIA_BEFORE_START');
  assert.equal(await h.metric('uap_media_socket_errors_total', { transport: 'twilio', code: 'MEDIA_BEFORE_START' }), 1);
  assert.equal(h.sessions.size, 0);
  // Further frames on a closed connection are ignored.
  conn.onMessage(frame(mediaMsg(newStreamSid(), ULAW_SILENCE)), false);
  assert.equal(socket.endCalls, 1);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'MEDIA_BEFORE_START' }), 1);
});

test('dtmf / mark / stop before start → 1008 EVENT_BEFORE_START', async (t) => {
  const h = await setup(t);
  const sid = newStreamSid();
  for (const msg of [
    { event: 'dtmf', streamSid: sid, dtmf: { digit: '1' } },
    { event: 'mark', streamSid: sid, mark: { name: 'x' } },
    { event: 'stop', streamSid: sid, stop: {} },
  ]) {
    const socket = new FakeSocket();
    new TwilioStreamConnection(socket, h.ctx, 'r').onMessage(frame(JSON.stringify(msg)), false);
    assertClosed(socket, 1008, 'EVENT_BEFORE_START');
  }
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'EVENT_BEFORE_START' }), 3);
});

test('second start → 1008 SECOND_START and the call ends with PROTOCOL_ERROR', async (t) => {
  const h = await setup(t);
  const { conn, socket, callSid, streamSid, session } = await started(h);
  conn.onMessage(frame(startMsg(streamSid, callSid, token(callSid))), false);
  assertClosed(socket, 1008, 'SECOND_START');
  assert.ok(session.isClosed);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'SECOND_START' }), 1);
  await waitFor(() => h.events.some((e) => e.ev.ended), 'ended event');
  const ended = h.events.find((e) => e.ev.ended)!;
  assert.equal(ended.subject, `events.${TENANT}.call.ended`);
  assert.equal(ended.ev.ended!.reason, uap.EndReason.PROTOCOL_ERROR);
  assert.equal(ended.ev.ended!.detail, 'SECOND_START');
});

for (const [name, makeToken, code] of [
  ['expired token', (c: string) => token(c, { nowMs: Date.now() - 3_600_000 }), 'TOKEN_EXPIRED'],
  ['token for another CallSid', (_c: string) => token(newCallSid()), 'TOKEN_WRONG_CALL'],
  ['token with another CallSid as provider call', (c: string) => token(c, { providerCallId: 'CAffff' }), 'TOKEN_WRONG_CALL'],
  ['missing token', (_c: string) => undefined, 'TOKEN_MISSING'],
  ['garbage token', (_c: string) => 'not-a-token', 'TOKEN_MALFORMED'],
  ['tampered token', (c: string) => token(c).replace(/^./, (ch) => (ch === 'e' ? 'f' : 'e')), 'TOKEN_BAD_SIGNATURE'],
  ['token signed with another key', (c: string) => signStreamToken(streamTokenKey('another-secret-0123456789abcdef', undefined)!, { callId: c, providerCallId: c, tenantId: TENANT, agentKind: 'echo', agentConfigId: 'e', from: '', to: '' }, 30), 'TOKEN_BAD_SIGNATURE'],
  ['token with a tenant that is not a subject token', (c: string) => token(c, { tenantId: 'a.b' }), 'TOKEN_MALFORMED'],
] as const) {
  test(`start with ${name} → 1008 ${code}, no session, no dispatch`, async (t) => {
    const h = await setup(t);
    const socket = new FakeSocket();
    const callSid = newCallSid();
    const conn = new TwilioStreamConnection(socket, h.ctx, 'r');
    conn.onMessage(frame(startMsg(newStreamSid(), callSid, makeToken(callSid))), false);
    assertClosed(socket, 1008, code);
    assert.equal(await h.metric('uap_media_socket_errors_total', { code }), 1);
    assert.equal(h.sessions.size, 0);
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(h.dispatches.length, 0);
  });
}

test('replayed token → 1008 TOKEN_REPLAYED; the first stream is unaffected', async (t) => {
  const h = await setup(t);
  const callSid = newCallSid();
  const tok = token(callSid);
  const s1 = new FakeSocket();
  const c1 = new TwilioStreamConnection(s1, h.ctx, 'r1');
  c1.onMessage(frame(startMsg(newStreamSid(), callSid, tok)), false);
  assert.equal(s1.ended, undefined);
  const s2 = new FakeSocket();
  const c2 = new TwilioStreamConnection(s2, h.ctx, 'r2');
  c2.onMessage(frame(startMsg(newStreamSid(), callSid, tok)), false);
  assertClosed(s2, 1008, 'TOKEN_REPLAYED');
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'TOKEN_REPLAYED' }), 1);
  assert.equal(s1.ended, undefined);
  assert.equal(h.sessions.size, 1);
});

test('no token key configured → 1008 NOT_CONFIGURED', async (t) => {
  const h = await setup(t, { tokenKey: undefined });
  const socket = new FakeSocket();
  const callSid = newCallSid();
  new TwilioStreamConnection(socket, h.ctx, 'r').onMessage(frame(startMsg(newStreamSid(), callSid, token(callSid))), false);
  assertClosed(socket, 1008, 'NOT_CONFIGURED');
});

test('start with an unsupported media format → 1003 UNSUPPORTED_FORMAT', async (t) => {
  const h = await setup(t);
  const socket = new FakeSocket();
  const callSid = newCallSid();
  new TwilioStreamConnection(socket, h.ctx, 'r').onMessage(frame(startMsg(newStreamSid(), callSid, token(callSid), { encoding: 'audio/x-mulaw', sampleRate: 16000, channels: 1 })), false);
  assertClosed(socket, 1003, 'UNSUPPORTED_FORMAT');
});

test('binary frame → 1003 BINARY_FRAME', async (t) => {
  const h = await setup(t);
  const socket = new FakeSocket();
  new TwilioStreamConnection(socket, h.ctx, 'r').onMessage(frame('{"event":"connected"}'), true);
  assertClosed(socket, 1003, 'BINARY_FRAME');
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'BINARY_FRAME' }), 1);
});

test('oversize frame (> 64 KiB) → 1009 OVERSIZE_FRAME; exactly 64 KiB is parsed', async (t) => {
  const h = await setup(t);
  const socket = new FakeSocket();
  new TwilioStreamConnection(socket, h.ctx, 'r').onMessage(new ArrayBuffer(64 * 1024 + 1), false);
  assertClosed(socket, 1009, 'OVERSIZE_FRAME');
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'OVERSIZE_FRAME' }), 1);
  // At the limit: a (padded) connected message of exactly 65536 bytes is fine.
  const base = '{"event":"connected","pad":""}';
  const atLimit = base.replace('""', `"${'x'.repeat(64 * 1024 - base.length)}"`);
  assert.equal(Buffer.byteLength(atLimit), 64 * 1024);
  const ok = new FakeSocket();
  new TwilioStreamConnection(ok, h.ctx, 'r').onMessage(frame(atLimit), false);
  assert.equal(ok.ended, undefined);
});

test('malformed JSON → 1007 MALFORMED_JSON; unknown event is counted and the call goes on', async (t) => {
  const h = await setup(t);
  const bad = new FakeSocket();
  new TwilioStreamConnection(bad, h.ctx, 'r').onMessage(frame('{"event":'), false);
  assertClosed(bad, 1007, 'MALFORMED_JSON');
  const { conn, socket } = await started(h);
  conn.onMessage(frame('{"event":"somethingNew"}'), false);
  assert.equal(socket.ended, undefined);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'UNKNOWN_EVENT' }), 1);
});

test('media for another streamSid → 1008 WRONG_STREAM_SID', async (t) => {
  const h = await setup(t);
  const { conn, socket, session } = await started(h);
  conn.onMessage(frame(mediaMsg(newStreamSid(), ULAW_SILENCE)), false);
  assertClosed(socket, 1008, 'WRONG_STREAM_SID');
  assert.ok(session.isClosed);
});

// --- the happy path ------------------------------------------------------------------------

test('valid start → CallStarted event and a DispatchRequest on agent.dispatch (queue "agents")', async (t) => {
  const h = await setup(t);
  const { callSid, streamSid, session, socket } = await started(h);
  const d = h.dispatches.find((x) => x.callId === callSid)!;
  assert.equal(d.tenantId, TENANT);
  assert.equal(d.agentKind, 'echo');
  assert.equal(d.agentConfigId, 'echo-v1');
  assert.equal(d.sampleRate, 16000);
  assert.equal(d.from, '+15550001111');
  assert.equal(d.to, '+15550002222');
  assert.equal(d.transport, 'twilio');
  assert.equal(session.workerId, 'worker-1');
  assert.equal(session.tenantId, TENANT);
  assert.equal(socket.ended, undefined);
  await waitFor(() => h.events.some((e) => e.ev.started), 'started event');
  const ev = h.events.find((e) => e.ev.started)!;
  assert.equal(ev.subject, `events.${TENANT}.call.started`);
  assert.equal(ev.ev.callId, callSid);
  assert.equal(ev.ev.started!.providerCallId, callSid);
  assert.equal(ev.ev.started!.streamId, streamSid);
  assert.equal(ev.ev.started!.transport, 'twilio');
  assert.equal(await h.metric('uap_media_active_calls', { transport: 'twilio' }), 1);
});

test('caller media → AudioFrame on media.<callId>.in with 320 samples at 16 kHz, seq from 1', async (t) => {
  const h = await setup(t);
  const { conn, callSid, streamSid } = await started(h);
  const frames: uap.AudioFrame[] = [];
  h.bus.subscribe(subjects.mediaIn(callSid), (m) => frames.push(uap.AudioFrame.decode(m.data)));
  // 20 ms of a 500 Hz tone in µ-law (encoded via the decoder table inverse: use known codes).
  const tone = Buffer.alloc(160);
  for (let i = 0; i < 160; i++) tone[i] = i % 16 < 8 ? 0x20 : 0xa0; // alternating loud +/- codes
  conn.onMessage(frame(mediaMsg(streamSid, tone, 2)), false);
  conn.onMessage(frame(mediaMsg(streamSid, ULAW_SILENCE, 3)), false);
  // outbound_track echoes are not caller speech: not published.
  conn.onMessage(frame(mediaMsg(streamSid, ULAW_SILENCE, 4, 'outbound')), false);
  await h.bus.flush();
  assert.equal(frames.length, 2);
  for (const [i, f] of frames.entries()) {
    assert.equal(f.callId, callSid);
    assert.equal(f.seq, i + 1);
    assert.equal(f.sampleRate, 16000);
    assert.equal(f.pcm.byteLength, 640, '320 samples of s16le');
    assert.ok(f.originTs > 0);
  }
  assert.equal(frames[0].mediaTsMs, 0);
  assert.equal(frames[1].mediaTsMs, 20);
  const bytes = new Uint8Array(frames[0].pcm.byteLength);
  bytes.set(frames[0].pcm);
  const pcm = new Int16Array(bytes.buffer);
  assert.equal(pcm.length, 320);
  assert.ok(pcm.some((s) => Math.abs(s) > 1000), 'the tone came through');
  assert.equal(await h.metric('uap_media_frames_in_total', { transport: 'twilio' }), 2);
});

test('agent AudioFrames on media.<callId>.out → Twilio media messages of 160 µ-law bytes', async (t) => {
  const h = await setup(t);
  const { socket, callSid, streamSid } = await started(h);
  const agent = agentOut(h.bus, callSid);
  agent.tone(4, 400, 8000);
  await waitFor(() => socket.sent.length >= 4, '4 media messages');
  const msgs = socket.json();
  assert.equal(msgs.length, 4);
  const decoded = new Int16Array(160);
  for (const m of msgs) {
    assert.deepEqual(Object.keys(m).sort(), ['event', 'media', 'streamSid']);
    assert.equal(m.event, 'media');
    assert.equal(m.streamSid, streamSid);
    assert.deepEqual(Object.keys(m.media), ['payload']);
    const bytes = Buffer.from(m.media.payload, 'base64');
    assert.equal(bytes.length, 160);
    assert.equal(bytes.toString('base64'), m.media.payload, 'canonical base64');
  }
  // The last frame is past the resampler's start-up: a 400 Hz tone at about the sent level.
  ulawDecode(Buffer.from(msgs[3].media.payload, 'base64'), decoded);
  const rms = Math.sqrt(decoded.reduce((a, s) => a + s * s, 0) / decoded.length);
  assert.ok(rms > 8000 / Math.SQRT2 * 0.8 && rms < 8000 / Math.SQRT2 * 1.2, `rms ${rms}`);
  assert.equal(await h.metric('uap_media_frames_out_total', { transport: 'twilio' }), 4);
});

test('pacing: a burst of the lead (5 × 20 ms) goes out at once, the rest follows in real time', async (t) => {
  const h = await setup(t);
  const { socket, callSid } = await started(h);
  const agent = agentOut(h.bus, callSid);
  agent.tone(10);
  await h.bus.flush();
  // 5 at once; a 6th only if a whole 20 ms passed while the frames were being delivered (slow machine).
  assert.ok(socket.sent.length >= 5 && socket.sent.length <= 6, `only the lead is sent at once (got ${socket.sent.length})`);
  await waitFor(() => socket.sent.length === 10, 'the remaining 5 frames', 1000);
});

test('a MediaControl mark after audio comes out as a Twilio mark after that audio', async (t) => {
  const h = await setup(t);
  const { socket, callSid, streamSid, conn } = await started(h);
  const agent = agentOut(h.bus, callSid);
  agent.tone(8);
  agent.control({ mark: { name: 'utterance-1', afterOutSeq: agent.seq } });
  agent.tone(2);
  await waitFor(() => socket.sent.length === 11, 'all audio and the mark');
  const msgs = socket.json();
  assert.deepEqual(msgs.map((m) => m.event), ['media', 'media', 'media', 'media', 'media', 'media', 'media', 'media', 'mark', 'media', 'media']);
  assert.deepEqual(msgs[8], { event: 'mark', streamSid, mark: { name: 'utterance-1' } });
  // Twilio reports it played: a MarkPlayed event (not cleared).
  conn.onMessage(frame(JSON.stringify({ event: 'mark', streamSid, sequenceNumber: '9', mark: { name: 'utterance-1' } })), false);
  await waitFor(() => h.events.some((e) => e.ev.mark), 'mark event');
  const ev = h.events.find((e) => e.ev.mark)!;
  assert.equal(ev.subject, `events.${TENANT}.call.mark`);
  assert.equal(ev.ev.mark!.name, 'utterance-1');
  assert.equal(ev.ev.mark!.cleared, false);
});

test('a mark that refers to an out-frame not received yet waits for that frame', async (t) => {
  const h = await setup(t);
  const { socket, callSid } = await started(h);
  const agent = agentOut(h.bus, callSid);
  agent.tone(1);
  agent.control({ mark: { name: 'ahead', afterOutSeq: 3 } });
  agent.tone(1);
  await h.bus.flush();
  assert.deepEqual(socket.json().map((m) => m.event), ['media', 'media']);
  agent.tone(2);
  await waitFor(() => socket.sent.length === 5, 'audio and mark');
  assert.deepEqual(socket.json().map((m) => m.event), ['media', 'media', 'media', 'mark', 'media']);
});

test('a MediaControl clear sends {"event":"clear"} and outstanding marks come back cleared', async (t) => {
  const h = await setup(t);
  const { socket, callSid, streamSid, conn } = await started(h);
  const agent = agentOut(h.bus, callSid);
  agent.tone(2);
  agent.control({ mark: { name: 'sent-mark', afterOutSeq: agent.seq } });
  agent.tone(10);
  agent.control({ mark: { name: 'queued-mark', afterOutSeq: agent.seq } });
  await h.bus.flush();
  agent.control({ clear: {} });
  await h.bus.flush();
  const msgs = socket.json();
  const clearAt = msgs.findIndex((m) => m.event === 'clear');
  assert.ok(clearAt > 0, 'clear sent');
  assert.equal(socket.sent[clearAt], `{"event":"clear","streamSid":"${streamSid}"}`);
  assert.ok(msgs.slice(0, clearAt).some((m) => m.event === 'mark' && m.mark.name === 'sent-mark'));
  // queued audio is dropped: nothing more goes out after the clear.
  const count = socket.sent.length;
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(socket.sent.length, count, 'no audio after clear');
  // The mark never sent is reported cleared at once; the one Twilio holds comes back as cleared.
  conn.onMessage(frame(JSON.stringify({ event: 'mark', streamSid, sequenceNumber: '9', mark: { name: 'sent-mark' } })), false);
  await waitFor(() => h.events.filter((e) => e.ev.mark).length === 2, 'two mark events');
  const marks = h.events.filter((e) => e.ev.mark).map((e) => [e.ev.mark!.name, e.ev.mark!.cleared]);
  assert.deepEqual(marks.sort(), [['queued-mark', true], ['sent-mark', true]]);
  // New audio after the clear plays again at once (pacer reset).
  agent.tone(3);
  await h.bus.flush();
  assert.equal(socket.sent.length, count + 3);
});

test('dtmf from Twilio → a Dtmf call event', async (t) => {
  const h = await setup(t);
  const { conn, streamSid } = await started(h);
  conn.onMessage(frame(JSON.stringify({ event: 'dtmf', streamSid, sequenceNumber: '5', dtmf: { track: 'inbound_track', digit: '#' } })), false);
  await waitFor(() => h.events.some((e) => e.ev.dtmf), 'dtmf event');
  const ev = h.events.find((e) => e.ev.dtmf)!;
  assert.equal(ev.subject, `events.${TENANT}.call.dtmf`);
  assert.equal(ev.ev.dtmf!.digit, '#');
});

test('stop → socket ended 1000 and CallEvent ended CALLER_HANGUP on events.<tenant>.call.ended', async (t) => {
  const h = await setup(t);
  const { conn, socket, callSid, streamSid, session } = await started(h);
  conn.onMessage(frame(mediaMsg(streamSid, ULAW_SILENCE)), false);
  conn.onMessage(frame(JSON.stringify({ event: 'stop', streamSid, sequenceNumber: '6', stop: { accountSid: ACCOUNT, callSid } })), false);
  assertClosed(socket, 1000);
  assert.ok(session.isClosed);
  assert.equal(h.sessions.size, 0, 'onSession(…, false) called');
  await waitFor(() => h.events.some((e) => e.ev.ended), 'ended event');
  const ended = h.events.filter((e) => e.ev.ended);
  assert.equal(ended.length, 1);
  assert.equal(ended[0].subject, `events.${TENANT}.call.ended`);
  assert.equal(ended[0].ev.callId, callSid);
  assert.equal(ended[0].ev.tenantId, TENANT);
  assert.equal(ended[0].ev.ended!.reason, uap.EndReason.CALLER_HANGUP);
  assert.equal(ended[0].ev.ended!.framesIn, 1);
  // The peer then closes the socket: nothing more happens.
  conn.onClose(1000);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'SOCKET_LOST' }), 0);
  assert.equal(await h.metric('uap_media_calls_total', { reason: 'CALLER_HANGUP' }), 1);
  assert.equal(await h.metric('uap_media_active_calls', { transport: 'twilio' }), 0);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(h.events.filter((e) => e.ev.ended).length, 1, 'ended exactly once');
});

test('socket loss (onClose without stop) → ended with TRANSPORT_LOST, SOCKET_LOST counted', async (t) => {
  const h = await setup(t);
  const { conn, socket, session } = await started(h);
  conn.onClose(1006);
  assert.ok(session.isClosed);
  assert.equal(socket.endCalls, 0, 'nothing to close: the socket is gone');
  await waitFor(() => h.events.some((e) => e.ev.ended), 'ended event');
  const ended = h.events.find((e) => e.ev.ended)!;
  assert.equal(ended.ev.ended!.reason, uap.EndReason.TRANSPORT_LOST);
  assert.match(ended.ev.ended!.detail ?? '', /1006/);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'SOCKET_LOST' }), 1);
  conn.onClose(1006);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'SOCKET_LOST' }), 1, 'idempotent');
});

test('socket closed before start: no session, no error counted', async (t) => {
  const h = await setup(t);
  const conn = new TwilioStreamConnection(new FakeSocket(), h.ctx, 'r');
  conn.onClose(1001);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'SOCKET_LOST' }), 0);
});

test('agent hangup → socket closed 1000 and ended AGENT_HANGUP', async (t) => {
  const h = await setup(t);
  const { socket, callSid } = await started(h);
  agentOut(h.bus, callSid).control({ hangup: { reason: 'goodbye' } });
  await waitFor(() => socket.ended !== undefined, 'socket end');
  assertClosed(socket, 1000, 'goodbye');
  await waitFor(() => h.events.some((e) => e.ev.ended), 'ended event');
  assert.equal(h.events.find((e) => e.ev.ended)!.ev.ended!.reason, uap.EndReason.AGENT_HANGUP);
});

test('shutdown() → 1001 and ended SHUTDOWN', async (t) => {
  const h = await setup(t);
  const { conn, socket } = await started(h);
  conn.shutdown();
  assertClosed(socket, 1001);
  await waitFor(() => h.events.some((e) => e.ev.ended), 'ended event');
  assert.equal(h.events.find((e) => e.ev.ended)!.ev.ended!.reason, uap.EndReason.SHUTDOWN);
});

// --- backpressure -----------------------------------------------------------------------------

test('backpressure: frames are dropped while the socket buffer is over the limit, counted', async (t) => {
  const h = await setup(t);
  const { socket, callSid } = await started(h);
  const agent = agentOut(h.bus, callSid);
  socket.buffered = h.ctx.maxBackpressureBytes + 1;
  agent.tone(3);
  await h.bus.flush();
  assert.equal(socket.sent.length, 0);
  assert.equal(await h.metric('uap_media_frames_dropped_total', { transport: 'twilio', reason: 'backpressure' }), 3);
  assert.equal(socket.ended, undefined);
  // Exactly at the limit is not over it.
  socket.buffered = h.ctx.maxBackpressureBytes;
  await new Promise((r) => setTimeout(r, 80)); // let the pacer's lead drain
  agent.tone(1);
  await h.bus.flush();
  assert.equal(socket.sent.length, 1);
});

test('backpressure: 250 consecutive drops close the socket with 1008 (client stalled)', async (t) => {
  // A long lead so 250 frames go out in one go instead of 5 s of real time.
  const h = await setup(t, { leadMs: 10_000 });
  const { socket, callSid, session } = await started(h);
  const agent = agentOut(h.bus, callSid);
  socket.buffered = 10 * 1024 * 1024;
  agent.tone(249);
  await h.bus.flush();
  assert.equal(socket.ended, undefined, '249 drops are tolerated');
  agent.tone(1);
  await h.bus.flush();
  assertClosed(socket, 1008, 'client too slow');
  assert.ok(session.isClosed);
  assert.equal(await h.metric('uap_media_frames_dropped_total', { reason: 'backpressure' }), 250);
  assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'CLIENT_STALLED' }), 1);
  await waitFor(() => h.events.some((e) => e.ev.ended), 'ended event');
  const ended = h.events.find((e) => e.ev.ended)!.ev.ended!;
  assert.equal(ended.reason, uap.EndReason.TRANSPORT_LOST);
  assert.equal(ended.detail, 'backpressure');
  // Later frames are ignored.
  agent.tone(5);
  await h.bus.flush();
  assert.equal(await h.metric('uap_media_frames_dropped_total', { reason: 'backpressure' }), 250);
  assert.equal(socket.sentAfterEnd, 0);
});

test('backpressure: the drop counter resets once the socket drains', async (t) => {
  const h = await setup(t, { leadMs: 10_000 });
  const { socket, callSid } = await started(h);
  const agent = agentOut(h.bus, callSid);
  socket.buffered = 10 * 1024 * 1024;
  agent.tone(200);
  await h.bus.flush();
  socket.buffered = 0;
  agent.tone(1);
  await h.bus.flush();
  socket.buffered = 10 * 1024 * 1024;
  agent.tone(200);
  await h.bus.flush();
  assert.equal(socket.ended, undefined, 'never 250 in a row');
  assert.equal(socket.sent.length, 1);
  assert.equal(await h.metric('uap_media_frames_dropped_total', { reason: 'backpressure' }), 400);
});

test(
  'backpressure: frames still queued when the stall closes the call are not counted as dropped',
  async (t) => {
    const h = await setup(t, { leadMs: 10_000 });
    const { socket, callSid } = await started(h);
    const agent = agentOut(h.bus, callSid);
    socket.buffered = 10 * 1024 * 1024;
    agent.tone(240); // 240 drops, one chunk per pump
    await h.bus.flush();
    // One 480 ms agent frame (the largest the session accepts): 24 chunks queued and pumped at once.
    // The stall closes the call at the 10th; the other 14 must not be counted as sent-and-dropped.
    agent.audio(new Int16Array(16000 * 0.48).fill(1000));
    await h.bus.flush();
    assertClosed(socket, 1008);
    assert.equal(await h.metric('uap_media_frames_dropped_total', { reason: 'backpressure' }), 250);
  },
);

// --- isolation ----------------------------------------------------------------------------------

test('a bad connection does not affect another call on the same bus and context', async (t) => {
  const h = await setup(t);
  const good = await started(h);
  const inFrames: uap.AudioFrame[] = [];
  h.bus.subscribe(subjects.mediaIn(good.callSid), (m) => inFrames.push(uap.AudioFrame.decode(m.data)));

  // Several bad peers: before start, binary, oversize, garbage, a replay of a used token, then one
  // that starts properly and breaks the protocol mid-call.
  const bads: FakeSocket[] = [];
  const bad = (fn: (c: TwilioStreamConnection) => void) => {
    const s = new FakeSocket();
    bads.push(s);
    fn(new TwilioStreamConnection(s, h.ctx, 'evil'));
  };
  bad((c) => c.onMessage(frame(mediaMsg(good.streamSid, ULAW_SILENCE)), false));
  bad((c) => c.onMessage(frame('x'), true));
  bad((c) => c.onMessage(new ArrayBuffer(70_000), false));
  bad((c) => c.onMessage(frame('}{'), false));
  bad((c) => c.onMessage(frame(startMsg(good.streamSid, good.callSid, good.token)), false)); // replay of the good call's token
  const midCall = await started(h);
  midCall.conn.onMessage(frame(mediaMsg(newStreamSid(), ULAW_SILENCE)), false);
  assertClosed(midCall.socket, 1008, 'WRONG_STREAM_SID');
  midCall.conn.onClose(1006);

  assert.deepEqual(bads.map((s) => s.ended?.reason), ['MEDIA_BEFORE_START', 'BINARY_FRAME', 'OVERSIZE_FRAME', 'MALFORMED_JSON', 'TOKEN_REPLAYED']);
  const agent = agentOut(h.bus, good.callSid);
  agent.tone(2);
  good.conn.onMessage(frame(mediaMsg(good.streamSid, ULAW_SILENCE)), false);
  await waitFor(() => good.socket.sent.length === 2 && inFrames.length === 1, 'good call still flowing');
  assert.equal(good.socket.ended, undefined);
  assert.equal(good.session.isClosed, false);
  // The mid-call failure ended only its own call.
  await waitFor(() => h.events.some((e) => e.ev.ended), 'ended event');
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(h.events.filter((e) => e.ev.ended).map((e) => e.ev.callId), [midCall.callSid]);
  assert.equal(h.sessions.size, 1);
});

// --- robustness -------------------------------------------------------------------------------

test(
  'a large (but under 64 KiB) media payload does not end the call with an internal error',
  async (t) => {
    const h = await setup(t);
    const { conn, socket, streamSid } = await started(h);
    // 500 ms of µ-law in one message (4000 bytes → 5336 base64 chars, well under the 64 KiB limit).
    conn.onMessage(frame(mediaMsg(streamSid, Buffer.alloc(4000, 0xff))), false);
    assert.equal(await h.metric('uap_media_socket_errors_total', { code: 'INTERNAL' }), 0);
    assert.notEqual(socket.ended?.code, 1011);
  },
);
