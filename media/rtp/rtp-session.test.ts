// RtpSession over real loopback sockets, with the 20 ms clock driven by hand: decode and delivery,
// symmetric latching, drops by reason, RFC 4733 in and out, paced sending (sequence, timestamp, SSRC,
// marker), marks and clear, the send queue bound, the inactivity timeout.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { RtpSession, type RtpSink } from './rtp-session.ts';
import { RtpClock } from './clock.ts';
import { PortPool } from './port-pool.ts';
import { createRtpMetrics } from './metrics.ts';
import { writeRtpHeader, parseRtp, newRtpHeader } from './packet.ts';
import { writeDtmfPayload } from './dtmf.ts';
import { newRtcpInfo, parseRtcp, writeReport } from './rtcp.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { ULAW_TO_LINEAR, ulawEncode } from '../codecs/index.ts';

/** A clock whose time and ticks the test drives. */
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

function rtp(pt: number, seq: number, ts: number, ssrc: number, payload: Uint8Array, marker = false): Buffer {
  const b = Buffer.alloc(12 + payload.length);
  writeRtpHeader(b, marker, pt, seq, ts, ssrc);
  b.set(payload, 12);
  return b;
}

const dtmf = (event: number, end: boolean, duration: number) => {
  const b = Buffer.alloc(4);
  writeDtmfPayload(b, 0, event, end, 10, duration);
  return b;
};

async function waitFor(cond: () => boolean, what: string, ms = 1000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Advances the clock by `ms` in 20 ms ticks (the jitter buffer plays out on ticks). */
function play(s: RtpSession, clock: ManualClock, ms: number): void {
  for (let end = clock.t + ms; clock.t < end; ) {
    clock.t += 20;
    s.onTick(clock.t / 20, clock.t);
    s.afterTick(clock.t / 20, clock.t);
  }
}

async function setup(t: TestContext, over: { remotePort?: number; sendQueueFrames?: number; timeoutMs?: number; rtcpIntervalMs?: number } = {}) {
  const clock = new ManualClock();
  const pool = new PortPool(30000 + 2 * Math.floor(Math.random() * 5000), 65000);
  const events = { audio: [] as { pcm: Int16Array; ts: number }[], dtmf: [] as { digit: string; ts: number }[], marks: [] as [string, boolean][], timeouts: 0 };
  const sink: RtpSink = {
    onAudio: (pcm, ts) => events.audio.push({ pcm: pcm.slice(), ts }),
    onDtmf: (digit, ts) => events.dtmf.push({ digit, ts }),
    onMarkPlayed: (name, cleared) => events.marks.push([name, cleared]),
    onTimeout: () => events.timeouts++,
  };
  const registry = new Registry();
  const s = await RtpSession.open(pool, '127.0.0.1', {
    codec: 'PCMU',
    payloadType: 0,
    telephoneEventPt: 101,
    remoteAddress: '127.0.0.1',
    remotePort: over.remotePort ?? 9,
    inactivityTimeoutMs: over.timeoutMs ?? 30_000,
    sendQueueFrames: over.sendQueueFrames,
    rtcpIntervalMs: over.rtcpIntervalMs,
    clock,
    metrics: createRtpMetrics(registry),
    log: createLogger('silent'),
  });
  s.sink = sink;
  t.after(() => s.close());
  return { s, clock, events, pool, registry };
}

test('receives G.711 from the latched source only; other sources, payload types and garbage are dropped and counted', async (t) => {
  const { s, events, registry, clock } = await setup(t);
  const a = await udpPeer(t);
  const b = await udpPeer(t);
  const send = (p: { sock: Socket }, buf: Buffer) => p.sock.send(buf, s.localPort, '127.0.0.1');
  const payload = Buffer.alloc(160, 0x00);
  send(a, rtp(0, 100, 8000, 0xabc, payload));
  await waitFor(() => s.stats.received === 1, 'first packet');
  play(s, clock, 60);
  assert.equal(events.audio.length, 1, 'played once it waited the target delay');
  assert.deepEqual(s.remote, { address: '127.0.0.1', port: a.port, latched: true }, 'latched onto the real source, not the SDP port');
  assert.equal(events.audio[0].pcm.length, 160);
  assert.equal(events.audio[0].pcm[0], ULAW_TO_LINEAR[0]);
  send(b, rtp(0, 101, 8160, 0xabc, payload)); // wrong source
  send(a, rtp(8, 101, 8160, 0xabc, payload)); // PCMA was not negotiated
  send(a, Buffer.from('hello, not RTP at all'));
  send(a, Buffer.from([0x80, 200, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1])); // RTCP (muxed), but a truncated SR
  send(a, rtp(0, 101, 8160, 0xabc, payload));
  await waitFor(() => s.stats.received === 2, 'second packet');
  play(s, clock, 60);
  assert.equal(events.audio.length, 2, 'second frame');
  assert.equal(events.audio[1].ts - events.audio[0].ts, 20, 'media time follows the RTP timestamp');
  await waitFor(() => Object.values(s.stats.dropped).reduce((x, y) => x + y, 0) === 4, 'drops');
  assert.deepEqual(s.stats.dropped, { wrong_source: 1, wrong_pt: 1, malformed: 2 });
  const m = await registry.getSingleMetric('uap_rtp_dropped_total')!.get();
  assert.equal(m.values.find((v) => v.labels.reason === 'wrong_source')?.value, 1);
});

test('jitter buffer: reorders, plays 20 ms frames on ticks (a 40 ms packet as two), conceals a loss, drops late packets', async (t) => {
  const { s, events, clock } = await setup(t);
  const a = await udpPeer(t);
  const send = (buf: Buffer) => a.sock.send(buf, s.localPort, '127.0.0.1');
  for (const seq of [1, 3, 2]) send(rtp(0, seq, seq * 160, 7, Buffer.alloc(160, seq)));
  await waitFor(() => s.stats.received === 3, 'three packets');
  play(s, clock, 60);
  assert.deepEqual(events.audio.map((f) => f.pcm[0]), [1, 2, 3].map((c) => ULAW_TO_LINEAR[c]));
  send(rtp(0, 4, 4 * 160, 7, Buffer.alloc(320, 9)));
  await waitFor(() => s.stats.received === 4, 'the 40 ms packet');
  play(s, clock, 80);
  assert.deepEqual(events.audio.slice(3).map((f) => [f.pcm.length, f.ts - events.audio[2].ts]), [[160, 20], [160, 40]]);
  // seq 7 is lost; 8 and 9 follow: the gap is concealed (fading repeat), then 7 arrives late.
  for (const seq of [6, 8, 9]) send(rtp(0, seq, seq * 160, 7, Buffer.alloc(160, seq)));
  await waitFor(() => s.stats.received === 7, 'three more');
  play(s, clock, 100);
  send(rtp(0, 7, 7 * 160, 7, Buffer.alloc(160, 7)));
  await waitFor(() => s.stats.received === 8, 'the late one');
  assert.deepEqual(events.audio.slice(5).map((f) => f.pcm[0]), [ULAW_TO_LINEAR[6], Math.trunc(ULAW_TO_LINEAR[6] * 0.75), ULAW_TO_LINEAR[8], ULAW_TO_LINEAR[9]]);
  assert.deepEqual([s.stats.concealed, s.stats.dropped.late, s.stats.lost], [1, 1, 1], 'seq 5 never came (the 40 ms packet was seq 4)');
});

test('RFC 4733: one DTMF report per key press, all its packets sharing a timestamp', async (t) => {
  const { s, events } = await setup(t);
  const a = await udpPeer(t);
  let seq = 10;
  const send = (buf: Uint8Array, ts: number, marker = false) => a.sock.send(rtp(101, seq++, ts, 5, buf, marker), s.localPort, '127.0.0.1');
  send(dtmf(5, false, 160), 1600, true);
  send(dtmf(5, false, 320), 1600);
  for (let i = 0; i < 3; i++) send(dtmf(5, true, 800), 1600);
  for (let i = 0; i < 3; i++) send(dtmf(11, true, 800), 4000);
  await waitFor(() => s.stats.received === 8, 'all packets');
  assert.deepEqual(events.dtmf.map((d) => d.digit), ['5', '#']);
  assert.equal(events.dtmf[1].ts - events.dtmf[0].ts, 300);
});

test('sends one packet per tick: consecutive sequence, timestamp +160, one SSRC, marker on each talkspurt start; marks go with their audio', async (t) => {
  const peer = await udpPeer(t);
  const { s, clock, events } = await setup(t, { remotePort: peer.port });
  const frame = (v: number) => new Int16Array(160).fill(v);
  s.start();
  s.sendAudio(frame(1000));
  s.sendAudio(frame(2000));
  s.sendMark('after-two');
  s.sendAudio(frame(3000));
  const n0 = 500;
  s.onTick(n0, n0 * 20);
  assert.deepEqual(events.marks, []);
  s.onTick(n0 + 1, (n0 + 1) * 20);
  assert.deepEqual(events.marks, [['after-two', false]]);
  s.onTick(n0 + 2, (n0 + 2) * 20);
  s.onTick(n0 + 3, (n0 + 3) * 20); // nothing queued: a gap
  s.sendAudio(frame(4000));
  s.onTick(n0 + 4, (n0 + 4) * 20);
  await waitFor(() => peer.got.length === 4, 'four packets');
  const hs = peer.got.map((b) => {
    const h = newRtpHeader();
    assert.equal(parseRtp(b, b.length, h), 'ok');
    return h;
  });
  assert.deepEqual(hs.map((h) => (h.seq - hs[0].seq) & 0xffff), [0, 1, 2, 3]);
  assert.deepEqual(hs.map((h) => (h.timestamp - hs[0].timestamp) >>> 0), [0, 160, 320, 640]);
  assert.deepEqual(hs.map((h) => h.marker), [true, false, false, true]);
  assert.ok(hs.every((h) => h.ssrc === hs[0].ssrc && h.payloadType === 0 && h.payloadLength === 160));
  const expected = Buffer.alloc(160);
  ulawEncode(frame(2000), expected);
  assert.deepEqual(peer.got[1].subarray(12), expected);
  // A late tick (event-loop stall) sends what is owed, in one go, with the right timestamps.
  for (let i = 0; i < 3; i++) s.sendAudio(frame(5));
  s.onTick(n0 + 8, (n0 + 8) * 20);
  await waitFor(() => peer.got.length === 7, 'catch-up');
  void clock;
});

test('clear drops queued audio and reports its marks as cleared; the queue is bounded', async (t) => {
  const peer = await udpPeer(t);
  const { s, events } = await setup(t, { remotePort: peer.port, sendQueueFrames: 4 });
  s.start();
  const f = new Int16Array(160);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => s.sendAudio(f)), [true, true, true, true, false]);
  assert.equal(s.stats.dropped.queue_full, 1);
  s.sendMark('m1');
  s.clear();
  assert.deepEqual(events.marks, [['m1', true]]);
  s.onTick(10, 200);
  s.sendMark('m2'); // nothing queued: played at once
  await waitFor(() => events.marks.length === 2, 'immediate mark');
  assert.deepEqual(events.marks[1], ['m2', false]);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(peer.got.length, 0);
});

test('sendDtmf: telephone-event packets, one timestamp, marker first, end three times', async (t) => {
  const peer = await udpPeer(t);
  const { s } = await setup(t, { remotePort: peer.port });
  s.start();
  assert.ok(s.sendDtmf('#', 60));
  for (let n = 100; n < 110; n++) s.onTick(n, n * 20);
  await waitFor(() => peer.got.length === 5, 'dtmf packets');
  const hs = peer.got.map((b) => {
    const h = newRtpHeader();
    parseRtp(b, b.length, h);
    return { h, ev: b[12], end: (b[13] & 0x80) !== 0, dur: b.readUInt16BE(14) };
  });
  assert.ok(hs.every((x) => x.h.payloadType === 101 && x.ev === 11 && x.h.timestamp === hs[0].h.timestamp));
  assert.deepEqual(hs.map((x) => [x.h.marker, x.end, x.dur]), [[true, false, 160], [false, false, 320], [false, true, 480], [false, true, 480], [false, true, 480]]);
});

test('no RTP for the inactivity timeout → onTimeout once; close frees the port', async (t) => {
  const { s, clock, events, pool } = await setup(t, { timeoutMs: 1000 });
  s.start();
  clock.t = 900;
  s.onTick(48, 960);
  assert.equal(events.timeouts, 0);
  clock.t = 1100;
  s.onTick(64, 1280);
  s.onTick(80, 1600);
  assert.equal(events.timeouts, 1);
  assert.equal(pool.used, 1);
  s.close();
  assert.equal(pool.used, 0);
  assert.equal(s.sendAudio(new Int16Array(160)), false);
});

test('a talkspurt waits until its first frame is 10 ms old, so live audio arriving just before a tick does not leave gaps', async (t) => {
  const peer = await udpPeer(t);
  const { s, clock } = await setup(t, { remotePort: peer.port });
  s.start();
  clock.t = 995;
  s.sendAudio(new Int16Array(160));
  s.onTick(50, 1000); // 5 ms old: held
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(peer.got.length, 0);
  s.sendAudio(new Int16Array(160)); // the next frame is already queued behind it: no more waiting
  s.onTick(51, 1020);
  s.onTick(52, 1040);
  await waitFor(() => peer.got.length === 2, 'two packets');
  assert.equal((peer.got[0][1] & 0x80) !== 0, true, 'marker on the first');
});

test('RTCP: an SR to the peer RTP port + 1 with a block about its stream; its RR gives loss, jitter and round trip; BYE at close', async (t) => {
  // The peer: RTP on an even port, RTCP on the odd one above.
  let peerRtp: Socket | undefined;
  let peerRtcp: Socket | undefined;
  for (let i = 0; i < 50 && !peerRtcp; i++) {
    const p = 40000 + 2 * Math.floor(Math.random() * 10000);
    const a = createSocket('udp4');
    const b = createSocket('udp4');
    const ok = await new Promise<boolean>((r) => a.once('error', () => r(false)).bind(p, '127.0.0.1', () => r(true)))
      && await new Promise<boolean>((r) => b.once('error', () => r(false)).bind(p + 1, '127.0.0.1', () => r(true)));
    if (ok) [peerRtp, peerRtcp] = [a, b];
    else { a.close(); b.close(); }
  }
  assert.ok(peerRtp && peerRtcp);
  const rtcpGot: Buffer[] = [];
  peerRtcp.on('message', (m) => rtcpGot.push(m));
  t.after(() => { peerRtp!.close(); peerRtcp!.close(); });
  const { s, clock } = await setup(t, { remotePort: peerRtp.address().port, rtcpIntervalMs: 200 });
  s.start();
  for (let seq = 1; seq <= 10; seq++) if (seq !== 5) peerRtp.send(rtp(0, seq, seq * 160, 0xabc, Buffer.alloc(160)), s.localPort, '127.0.0.1');
  await waitFor(() => s.stats.received === 9, 'nine packets');
  for (let i = 0; i < 10; i++) s.sendAudio(new Int16Array(160).fill(500));
  play(s, clock, 400);
  await waitFor(() => rtcpGot.length >= 1, 'a report');
  const info = newRtcpInfo();
  assert.equal(parseRtcp(rtcpGot[0], rtcpGot[0].length, 0xabc, info), true);
  assert.deepEqual([info.senderSsrc, info.hasSr, info.hasBlock, info.cumulativeLost], [s.ssrc, true, true, 1], 'our SR, with the one packet we lost of theirs');
  // Their RR about our stream: 10 % loss, LSR = our SR, no delay.
  const rr = Buffer.alloc(200);
  const n = writeReport(rr, { ssrc: 0xabc, cname: 'peer', block: { ssrc: s.ssrc, fractionLost: 26, cumulativeLost: 2, extendedMax: 100, jitter: 80, lsr: info.srNtpMiddle, dlsr: 0 } });
  peerRtcp.send(rr.subarray(0, n), s.localPort + 1, '127.0.0.1');
  await waitFor(() => s.peerReport !== undefined, 'their report');
  const peer = s.peerReport!;
  assert.deepEqual([Math.round(peer.fractionLost * 100), peer.cumulativeLost, peer.jitterMs], [10, 2, 10]);
  assert.ok(peer.rttMs !== undefined && peer.rttMs >= 0 && peer.rttMs < 1000, `rtt ${peer.rttMs}`);
  const before = rtcpGot.length;
  s.close();
  await waitFor(() => rtcpGot.length > before, 'the last report');
  assert.equal(parseRtcp(rtcpGot.at(-1)!, rtcpGot.at(-1)!.length, 0xabc, info), true);
  assert.equal(info.bye, true);
});
