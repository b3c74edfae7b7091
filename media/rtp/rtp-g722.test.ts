// RtpSession with G.722 over real loopback sockets, the 20 ms clock driven by hand: 16 kHz frames both
// ways on the 8 kHz RTP clock (timestamp +160 per 320 samples), in-order decoding of reordered packets
// (bit-exact with decoding them in order), a loss concealed and the late packet dropped, the encoder
// rewound over frames a barge-in dropped, and a mid-call change to PCMU bridged at the session's 16 kHz.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { RtpSession, type RtpSink } from './rtp-session.ts';
import { RtpClock } from './clock.ts';
import { PortPool } from './port-pool.ts';
import { createRtpMetrics } from './metrics.ts';
import { writeRtpHeader, parseRtp, newRtpHeader } from './packet.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { G722Decoder, G722Encoder, ulawEncode } from '../codecs/index.ts';

class ManualClock extends RtpClock {
  t = 0;
  constructor() {
    super(20, () => 0);
  }
  override now(): number {
    return this.t;
  }
  override tickAt(t = this.t): number {
    return Math.floor(t / 20);
  }
  override add(): void {}
  override remove(): void {}
}

async function udpPeer(t: TestContext): Promise<{ sock: Socket; port: number; got: Buffer[] }> {
  const sock = createSocket('udp4');
  const got: Buffer[] = [];
  sock.on('message', (m) => got.push(m));
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  t.after(() => sock.close());
  return { sock, port: sock.address().port, got };
}

function rtp(pt: number, seq: number, ts: number, ssrc: number, payload: Uint8Array): Buffer {
  const b = Buffer.alloc(12 + payload.length);
  writeRtpHeader(b, false, pt, seq, ts, ssrc);
  b.set(payload, 12);
  return b;
}

async function waitFor(cond: () => boolean, what: string, ms = 1000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Ticks through `ms`, yielding after each tick (packets go from a ring of 8 buffers: as in real time, one per tick). */
async function play(s: RtpSession, clock: ManualClock, ms: number): Promise<void> {
  for (let end = clock.t + ms; clock.t < end; ) {
    clock.t += 20;
    s.onTick(clock.t / 20, clock.t);
    s.afterTick(clock.t / 20, clock.t);
    await new Promise((r) => setImmediate(r));
  }
}

async function setup(t: TestContext, remotePort = 9) {
  const clock = new ManualClock();
  const pool = new PortPool(30000 + 2 * Math.floor(Math.random() * 5000), 65000);
  const events = { audio: [] as { pcm: Int16Array; ts: number }[], marks: [] as [string, boolean][] };
  const sink: RtpSink = {
    onAudio: (pcm, ts) => events.audio.push({ pcm: pcm.slice(), ts }),
    onDtmf: () => {},
    onMarkPlayed: (name, cleared) => events.marks.push([name, cleared]),
    onTimeout: () => {},
  };
  const registry = new Registry();
  const s = await RtpSession.open(pool, '127.0.0.1', {
    codec: 'G722',
    payloadType: 9,
    telephoneEventPt: 101,
    remoteAddress: '127.0.0.1',
    remotePort,
    inactivityTimeoutMs: 30_000,
    clock,
    metrics: createRtpMetrics(registry),
    log: createLogger('silent'),
  });
  s.sink = sink;
  t.after(() => s.close());
  return { s, clock, events, registry };
}

const tone = (hz: number, n: number, rate = 16000, amp = 8000) => Int16Array.from({ length: n }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * hz * i) / rate)));

/** G.722 payloads of `pcm` in 20 ms packets (one encoder, in order). */
function g722Packets(pcm: Int16Array): Uint8Array[] {
  const enc = new G722Encoder();
  const out: Uint8Array[] = [];
  for (let i = 0; i + 320 <= pcm.length; i += 320) {
    const p = new Uint8Array(160);
    enc.encode(pcm, i, 320, p, 0);
    out.push(p);
  }
  return out;
}

function decodeAll(payloads: Uint8Array[]): Int16Array {
  const dec = new G722Decoder();
  const out = new Int16Array(payloads.length * 320);
  payloads.forEach((p, i) => dec.decode(p, 0, p.length, out, i * 320));
  return out;
}

const concat = (frames: Int16Array[]) => {
  const out = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
  let o = 0;
  for (const f of frames) {
    out.set(f, o);
    o += f.length;
  }
  return out;
};

test('receives G.722: 320-sample frames at 16 kHz from packets 160 RTP units apart; reordered packets decode as if in order', async (t) => {
  const { s, clock, events } = await setup(t);
  assert.equal(s.pcmRate, 16000);
  const peer = await udpPeer(t);
  const packets = g722Packets(tone(1000, 320 * 8));
  // Three packets per 60 ms, the middle two of each swapped.
  for (const group of [[0, 2, 1], [3, 5, 4], [6, 7]]) {
    for (const i of group) peer.sock.send(rtp(9, 100 + i, 5000 + 160 * i, 0x722, packets[i]), s.localPort, '127.0.0.1');
    await waitFor(() => s.stats.received === group.at(-1)! + 1 || s.stats.received === group[1] + 1, 'the group');
    await play(s, clock, 60);
  }
  await play(s, clock, 100);
  assert.equal(events.audio.length, 8);
  assert.ok(events.audio.every((f) => f.pcm.length === 320));
  assert.deepEqual(events.audio.map((f) => f.ts - events.audio[0].ts), [0, 20, 40, 60, 80, 100, 120, 140], 'media time from the 8 kHz timestamps');
  assert.deepEqual(concat(events.audio.map((f) => f.pcm)), decodeAll(packets), 'bit-exact with in-order decoding');
  assert.equal(s.stats.jitterMs >= 0, true);
});

test('a lost G.722 packet is concealed (fade) and the stream decodes on; the late one is dropped', async (t) => {
  const { s, clock, events } = await setup(t);
  const peer = await udpPeer(t);
  const packets = g722Packets(tone(440, 320 * 6));
  const send = (i: number) => peer.sock.send(rtp(9, 10 + i, 160 * i, 1, packets[i]), s.localPort, '127.0.0.1');
  // One packet per 20 ms, the third lost.
  for (let i = 0; i < 6; i++) {
    if (i !== 2) send(i);
    await waitFor(() => s.stats.received === (i < 2 ? i + 1 : i), `packet ${i}`);
    await play(s, clock, 20);
  }
  await play(s, clock, 100);
  send(2);
  await waitFor(() => s.stats.received === 6, 'the late one');
  assert.equal(events.audio.length, 6);
  assert.deepEqual([s.stats.concealed, s.stats.dropped.late], [1, 1]);
  const ref = decodeAll(packets.filter((_, i) => i !== 2));
  // Frames 0, 1 as decoded; frame 2 the fade of frame 1; frames 3–5 decoded from the state after frame 1.
  assert.deepEqual(concat(events.audio.slice(0, 2).map((f) => f.pcm)), ref.subarray(0, 640));
  assert.equal(events.audio[2].pcm[100], Math.trunc(events.audio[1].pcm[100] * 0.75));
  assert.deepEqual(concat(events.audio.slice(3).map((f) => f.pcm)), ref.subarray(640));
});

test('sends G.722: payload type 9, 160 octets and timestamp +160 per 20 ms; the peer decodes the tone back', async (t) => {
  const peer = await udpPeer(t);
  const { s, clock } = await setup(t, peer.port);
  s.start();
  const pcm = tone(1000, 320 * 10);
  for (let i = 0; i < 10; i++) s.sendAudio(pcm.subarray(i * 320, i * 320 + 320));
  await play(s, clock, 220);
  await waitFor(() => peer.got.length === 10, 'ten packets');
  const h = newRtpHeader();
  const payloads: Uint8Array[] = [];
  const ts: number[] = [];
  for (const m of peer.got) {
    assert.equal(parseRtp(m, m.length, h), 'ok');
    assert.equal(h.payloadType, 9);
    assert.equal(h.payloadLength, 160);
    ts.push(h.timestamp);
    payloads.push(new Uint8Array(m.subarray(h.payloadOffset, h.payloadOffset + h.payloadLength)));
  }
  assert.deepEqual(ts.slice(1).map((v, i) => (v - ts[i]) >>> 0), new Array(9).fill(160));
  assert.deepEqual(payloads, g722Packets(pcm), 'the same octets as one encoder over the whole tone');
  // RTCP's timestamp runs on the same 8 kHz clock: the tick after the last packet is 160 on.
  assert.equal((s.rtpTimestampNow() - ts[9]) >>> 0, 160);
});

test('barge-in: frames dropped unsent are rewound out of the encoder, so the peer\'s decoder stays in step', async (t) => {
  const peer = await udpPeer(t);
  const { s, clock } = await setup(t, peer.port);
  s.start();
  const speech = tone(700, 320 * 6, 16000, 12000);
  const next = tone(300, 320 * 4, 16000, 3000);
  s.sendAudio(speech.subarray(0, 320));
  await play(s, clock, 20); // one frame out
  for (let i = 1; i < 6; i++) s.sendAudio(speech.subarray(i * 320, i * 320 + 320));
  s.clear(); // five frames never sent
  for (let i = 0; i < 4; i++) s.sendAudio(next.subarray(i * 320, i * 320 + 320));
  await play(s, clock, 120);
  await waitFor(() => peer.got.length === 5, 'five packets');
  const h = newRtpHeader();
  const sent = peer.got.map((m) => (parseRtp(m, m.length, h), new Uint8Array(m.subarray(h.payloadOffset, h.payloadOffset + 160))));
  // What an encoder that only ever saw the sent audio makes:
  const onlySent = new Int16Array(320 * 5);
  onlySent.set(speech.subarray(0, 320));
  onlySent.set(next, 320);
  assert.deepEqual(sent, g722Packets(onlySent));
});

test('a re-INVITE to PCMU mid-call: packets become µ-law at 8 kHz while the session keeps its 16 kHz frames', async (t) => {
  const peer = await udpPeer(t);
  const { s, clock, events, registry } = await setup(t, peer.port);
  s.start();
  s.setCodec('PCMU', 0, 101);
  assert.equal(s.pcmRate, 16000, 'the media session\'s rate does not change');
  const pcm = tone(500, 320 * 6);
  for (let i = 0; i < 6; i++) s.sendAudio(pcm.subarray(i * 320, i * 320 + 320));
  await play(s, clock, 140);
  await waitFor(() => peer.got.length === 6, 'six packets');
  const h = newRtpHeader();
  for (const m of peer.got) {
    parseRtp(m, m.length, h);
    assert.deepEqual([h.payloadType, h.payloadLength], [0, 160]);
  }
  // The caller's µ-law comes up as 16 kHz frames.
  const ulaw = Buffer.alloc(160);
  ulawEncode(tone(500, 160, 8000), ulaw);
  for (let i = 0; i < 4; i++) peer.sock.send(rtp(0, i, 160 * i, 2, ulaw), s.localPort, '127.0.0.1');
  await waitFor(() => s.stats.received === 4, 'four µ-law packets');
  await play(s, clock, 120);
  assert.ok(events.audio.length >= 3);
  assert.ok(events.audio.every((f) => f.pcm.length === 320));
  const peak = Math.max(...events.audio[2].pcm);
  assert.ok(peak > 7000 && peak < 9000, `the 8000-peak tone, upsampled (peak ${peak})`);
  const m = await registry.getSingleMetric('uap_rtp_codec_total')!.get();
  assert.deepEqual(m.values.map((v) => [v.labels.codec, v.value]).sort(), [['G722', 1], ['PCMU', 1]]);
});
