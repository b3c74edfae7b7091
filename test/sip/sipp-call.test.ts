// SIP trunk gateway end to end with a real sipp caller: the UAS, RTP sessions and MediaSessions on an
// in-process bus with a tiny echo agent (accepts dispatch, echoes media.<id>.in → .out, hangs up on '#').
//  A. sipp streams a µ-law tone (rtp_stream) and hangs up with BYE: answered, frames on the bus, the echo
//     sent back to sipp's media port (latched), CALLER_HANGUP.
//  B. sipp does the signalling while our own RTP peer owns the media port: echoed audio paced every 20 ms
//     with correct RTP headers, RFC 4733 DTMF reported once per key, bad RTP dropped and counted, garbage
//     SIP ignored; the agent hangs up on '#' and sipp gets our BYE.
//  C. CANCEL before the answer: 200 + 487, ACKed.
//  D. Refusals: unknown method 501, unknown dialog 481, OPTIONS 200, unknown number 404, over quota 486,
//     no common codec 488.
// Needs sipp (`apt-get install -y sip-tester`): without it every test fails saying so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../../proto/index.ts';
import { decodeAudioFrame, newAudioFrameView } from '../../proto/index.ts';
import { pcmSamples } from '../../lib/pcm.ts';
import { createMediaMetrics } from '../../media/metrics.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { ulawEncode, ulawDecode } from '../../media/codecs/index.ts';
import { SipMedia, PortPool, RtpClock, createRtpMetrics, writeRtpHeader, parseRtp, newRtpHeader, dtmfPacketPlan, writeDtmfPayload, dtmfEventCode, type SipMediaLeg } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics, type SipGateway } from '../../signaling/sip/index.ts';
import { RouteRefusedError, type Router } from '../../signaling/routing.ts';
import type { Route } from '../../lib/config.ts';
import { requireSipp, runSipp, freeMediaPort, freeUdpPort, explain } from './sipp.ts';

const SIPP: string | Error = (() => {
  try {
    return requireSipp();
  } catch (err) {
    return err as Error;
  }
})();
const needSipp = () => {
  if (SIPP instanceof Error) throw SIPP;
};

const NUMBER = '+15550002222';
const SLOW = '+15550009999';
const FULL = '+15550008888';
const ROUTE: Route = { tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let bus: InProcBus;
let registry: Registry;
let ticker: SharedTicker;
let clock: RtpClock;
let pool: PortPool;
let sipMedia: SipMedia;
let gateway: SipGateway;
let dir: string;
const legs: SipMediaLeg[] = [];
const events: uap.CallEvent[] = [];
const framesIn = new Map<string, Uint8Array[]>();
let stopConsumer: () => Promise<void>;

function tone(hz: number, ms: number, amp = 0.3): Int16Array {
  const n = (8000 * ms) / 1000;
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(Math.sin((2 * Math.PI * hz * i) / 8000) * amp * 32767);
  return out;
}

function rms(pcm: Int16Array): number {
  let s = 0;
  for (const v of pcm) s += v * v;
  return Math.sqrt(s / Math.max(1, pcm.length));
}

async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const m = registry.getSingleMetric(name);
  if (!m) return 0;
  const { values } = await m.get();
  return values.filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val)).reduce((a, v) => a + v.value, 0);
}

async function waitFor<T>(fn: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const callEvents = (callId: string) => events.filter((e) => e.callId === callId);
const sipCallIds = () => new Set(events.filter((e) => e.started?.transport === 'sip').map((e) => e.callId));
/** The call started since `seen` was taken. */
const newCall = (seen: Set<string>) => waitFor(() => events.find((e) => e.started?.transport === 'sip' && !seen.has(e.callId)), 'the started event');

before(async () => {
  if (SIPP instanceof Error) return;
  bus = new InProcBus();
  registry = new Registry();
  const log = createLogger(process.env.LOG_LEVEL ?? 'silent');
  ticker = new SharedTicker(5);
  clock = new RtpClock();
  const base = 30000 + 2 * Math.floor(Math.random() * 4000);
  pool = new PortPool(base, base + 400);
  sipMedia = new SipMedia({
    bindHost: '127.0.0.1',
    publicAddress: '127.0.0.1',
    pool,
    clock,
    rtpMetrics: createRtpMetrics(registry),
    inactivityTimeoutMs: 10_000,
    sessionDeps: { bus, metrics: createMediaMetrics(registry, 'sip'), ticker },
    internalRate: 16000,
    leadMs: 100,
    queueMaxMs: 10_000,
    dispatchTimeoutMs: 1000,
    log,
  });
  const router: Router = {
    async lookup(n) {
      if (n === SLOW) await sleep(1500);
      if (n === FULL) throw new RouteRefusedError('OVER_QUOTA', 'acme');
      return n === NUMBER || n === SLOW ? ROUTE : undefined;
    },
  };
  gateway = await startSipGateway({
    host: '127.0.0.1',
    port: 0,
    publicAddress: '127.0.0.1',
    log,
    metrics: createSipMetrics(registry),
    router,
    bus,
    media: {
      async open(req) {
        const leg = await sipMedia.open(req);
        legs.push(leg);
        return leg;
      },
    },
  });
  // The echo agent.
  bus.subscribe(
    subjects.dispatch,
    (m) => {
      const req = uap.DispatchRequest.decode(m.data);
      bus.subscribe(subjects.mediaIn(req.callId), (f) => {
        const list = framesIn.get(req.callId) ?? [];
        list.push(Uint8Array.from(f.data));
        framesIn.set(req.callId, list);
        bus.publish(subjects.mediaOut(req.callId), f.data);
      });
      m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'echo-1', sampleRate: 16000 }).finish());
    },
    { queue: DISPATCH_QUEUE },
  );
  bus.subscribe('call.*.event', (m) => {
    const ev = uap.CallEvent.decode(m.data);
    if (ev.dtmf?.digit === '#') bus.publish(subjects.control(ev.callId), uap.MediaControl.encode({ callId: ev.callId, hangup: { reason: 'caller pressed #' } }).finish());
  });
  const consumer = await bus.consumeDurable({ durable: 'sip-e2e', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  stopConsumer = () => consumer.stop();
  dir = mkdtempSync(join(tmpdir(), 'uap-sipp-'));
  const ulaw = Buffer.alloc(16000);
  ulawEncode(tone(440, 2000), ulaw);
  writeFileSync(join(dir, 'tone.ulaw'), ulaw);
});

after(async () => {
  if (SIPP instanceof Error) return;
  await gateway.close(300);
  sipMedia.closeAll();
  clock.stop();
  ticker.stop();
  await stopConsumer();
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
});

test('A: sipp streams a tone and hangs up: answered, frames reach the bus, the echo goes back to its media port', async () => {
  needSipp();
  const mediaPort = await freeMediaPort();
  const before = legs.length;
  const seen = sipCallIds();
  const run = await runSipp({ scenario: 'uac-stream.xml', target: { address: '127.0.0.1', port: gateway.port }, service: NUMBER, cwd: dir, mediaPort });
  assert.equal(run.code, 0, explain(run));
  assert.equal(legs.length, before + 1, 'one RTP session opened');
  const leg = legs[before];
  assert.deepEqual(leg.rtp.remote, { address: '127.0.0.1', port: mediaPort, latched: true }, 'symmetric RTP latched onto sipp\'s media port');
  assert.ok(leg.rtp.stats.received >= 95, `received ${leg.rtp.stats.received} of 100 packets`);
  assert.ok(leg.rtp.stats.sent >= 80, `echo sent back: ${leg.rtp.stats.sent} packets`);
  const started = await newCall(seen);
  const callId = started.callId;
  assert.equal(started.started!.to, NUMBER);
  assert.equal(started.started!.from, '+15550001111');
  const frames = framesIn.get(callId) ?? [];
  assert.ok(frames.length >= 95, `${frames.length} frames on media.${callId}.in`);
  const view = decodeAudioFrame(frames[50], newAudioFrameView());
  assert.equal(view.sampleRate, 16000);
  assert.ok(rms(pcmSamples(view.pcm)) > 3000, 'the tone, not silence');
  const ended = await waitFor(() => callEvents(callId).find((e) => e.ended)?.ended, 'ended event');
  assert.equal(ended!.reason, uap.EndReason.CALLER_HANGUP);
  assert.equal(leg.rtp.isClosed, true);
  assert.equal(pool.used, 0, 'the RTP port went back to the pool');
});

test('B: own RTP peer behind sipp signalling: 20 ms paced echo, DTMF once per key, bad RTP counted, agent hangs up with BYE', async () => {
  needSipp();
  const peer: Socket = createSocket('udp4');
  const rtpPort = await freeUdpPort();
  await new Promise<void>((r) => peer.bind(rtpPort, '127.0.0.1', () => r()));
  const got: { at: number; buf: Buffer }[] = [];
  peer.on('message', (buf) => got.push({ at: performance.now(), buf }));
  const before = legs.length;
  const seen = sipCallIds();
  const sipp = runSipp({ scenario: 'uac-agent-hangup.xml', target: { address: '127.0.0.1', port: gateway.port }, service: NUMBER, cwd: dir, keys: { rtp_port: rtpPort } });
  try {
    const leg = await waitFor(() => legs[before], 'the call to be answered');
    const send = (b: Buffer, sock: Socket = peer) => sock.send(b, leg.port, '127.0.0.1');
    // 1 s of tone, one packet every 20 ms.
    const ssrc = 0x1234567;
    let seq = 1000;
    let ts = 50_000;
    const pcm = tone(440, 1000);
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) {
      const b = Buffer.alloc(172);
      writeRtpHeader(b, i === 0, 0, seq++, ts, ssrc);
      ulawEncode(pcm.subarray(i * 160, i * 160 + 160), b.subarray(12), 160);
      ts += 160;
      send(b);
      const due = t0 + (i + 1) * 20;
      await sleep(Math.max(0, due - performance.now()));
    }
    // Bad RTP: a wrong payload type from the caller, anything from a stranger.
    const stranger = createSocket('udp4');
    await new Promise<void>((r) => stranger.bind(0, '127.0.0.1', () => r()));
    const wrongPt = Buffer.alloc(172);
    writeRtpHeader(wrongPt, false, 18, seq++, ts, ssrc);
    send(wrongPt);
    const foreign = Buffer.alloc(172); // (a buffer of its own: dgram may still be reading the last one)
    writeRtpHeader(foreign, false, 0, 7, 7, 7);
    send(foreign, stranger);
    // Garbage at the SIP port too: the call goes on.
    const junk = createSocket('udp4');
    for (let i = 0; i < 20; i++) junk.send(Buffer.from(`GARBAGE ${i} \u0000\r\n\r\n`), gateway.port, '127.0.0.1');
    // DTMF 5 then #: RFC 4733, every packet of a key with its start timestamp, the end packet three times.
    for (const digit of ['5', '#']) {
      ts += 1600;
      for (const p of dtmfPacketPlan(100)) {
        const b = Buffer.alloc(16);
        writeRtpHeader(b, p.marker, 101, seq++, ts, ssrc);
        writeDtmfPayload(b, 12, dtmfEventCode(digit), p.end, 10, p.duration);
        send(b);
        await sleep(20);
      }
      await sleep(100);
    }
    const run = await sipp;
    assert.equal(run.code, 0, explain(run));
    stranger.close();
    junk.close();

    const callId = (await newCall(seen)).callId;
    assert.deepEqual(callEvents(callId).filter((e) => e.dtmf).map((e) => e.dtmf!.digit), ['5', '#'], 'each key reported once');
    const ended = await waitFor(() => callEvents(callId).find((e) => e.ended)?.ended, 'ended');
    assert.equal(ended!.reason, uap.EndReason.AGENT_HANGUP);
    assert.equal(leg.rtp.stats.dropped.wrong_pt, 1);
    assert.equal(leg.rtp.stats.dropped.wrong_source, 1);
    assert.equal(await metric('uap_rtp_dropped_total', { reason: 'wrong_source' }), 1);
    assert.ok((await metric('uap_sip_errors_total')) >= 20, 'garbage SIP counted');

    // The echo as the caller heard it.
    const pkts = got.map(({ at, buf }) => {
      const h = newRtpHeader();
      assert.equal(parseRtp(buf, buf.length, h), 'ok');
      return { at, h, payload: buf.subarray(h.payloadOffset, h.payloadOffset + h.payloadLength) };
    });
    assert.ok(pkts.length >= 45, `${pkts.length} echo packets for 50 sent`);
    assert.ok(pkts.every((p) => p.h.ssrc === pkts[0].h.ssrc && p.h.payloadType === 0 && p.h.payloadLength === 160), 'one SSRC, PCMU, 20 ms each');
    assert.ok(pkts.every((p, i) => i === 0 || ((p.h.seq - pkts[i - 1].h.seq) & 0xffff) === 1), 'sequence numbers consecutive');
    assert.equal(pkts[0].h.marker, true, 'marker on the first packet of the talkspurt');
    for (let i = 1; i < pkts.length; i++) {
      const dts = (pkts[i].h.timestamp - pkts[i - 1].h.timestamp) >>> 0;
      if (!pkts[i].h.marker) assert.equal(dts, 160, `timestamp step at ${i}`);
      else assert.ok(dts > 160 && dts % 160 === 0, `a new talkspurt at ${i} keeps the 20 ms grid`);
    }
    const gaps = pkts.slice(1).map((p, i) => p.at - pkts[i].at).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)];
    assert.ok(median > 17 && median < 23, `median inter-packet gap ${median.toFixed(1)} ms`);
    const mid = new Int16Array(160);
    ulawDecode(pkts[Math.floor(pkts.length / 2)].payload, mid, 160);
    assert.ok(rms(mid) > 2000, 'the echoed tone');
  } finally {
    peer.close();
    await sipp.catch(() => undefined);
  }
});

test('C: CANCEL before the answer gets 200 and the INVITE 487, acknowledged', async () => {
  needSipp();
  const before = await metric('uap_sip_calls_total', { result: 'cancelled' });
  const run = await runSipp({ scenario: 'uac-cancel.xml', target: { address: '127.0.0.1', port: gateway.port }, service: SLOW, cwd: dir });
  assert.equal(run.code, 0, explain(run));
  assert.equal((await metric('uap_sip_calls_total', { result: 'cancelled' })) - before, 1);
});

test('D: refusals: unknown method 501, unknown dialog 481, OPTIONS 200, unknown number 404, over quota 486, no common codec 488', async () => {
  needSipp();
  const statuses = ['501', '481', '404', '486', '488'];
  const before = await Promise.all(statuses.map((s) => metric('uap_sip_responses_total', { status: s })));
  const run = await runSipp({ scenario: 'uac-refusals.xml', target: { address: '127.0.0.1', port: gateway.port }, service: NUMBER, cwd: dir });
  assert.equal(run.code, 0, explain(run));
  const afterCounts = await Promise.all(statuses.map((s) => metric('uap_sip_responses_total', { status: s })));
  assert.deepEqual(afterCounts.map((n, i) => n - before[i]), [1, 1, 1, 1, 1]);
  assert.ok(events.some((e) => e.ended?.reason === uap.EndReason.REFUSED && e.tenantId === 'acme'), 'the refused call is recorded');
});
