// A G.722 call end to end, no sipp needed: a caller (UDP SIP client + our own RTP peer) offers G.722
// first; the gateway answers G722/8000, the caller streams espeak-ng speech as G.722 every 20 ms, the bus
// carries it as native 16 kHz frames (bit-exact with decoding the packets: no 8 kHz detour), and an echo
// agent's audio comes back as G.722 the caller decodes to 16 kHz speech with its upper band. Then a
// re-INVITE moves the call to PCMU: the echo comes back as µ-law.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { pcmSamples } from '../../lib/pcm.ts';
import { uap, subjects, DISPATCH_QUEUE, decodeAudioFrame, newAudioFrameView } from '../../proto/index.ts';
import { createMediaMetrics } from '../../media/metrics.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { G722Decoder, G722Encoder, ulawDecode, ulawEncode } from '../../media/codecs/index.ts';
import { RtpClock, createRtpMetrics, writeRtpHeader, parseRtp, newRtpHeader } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics, parseSdp } from '../../signaling/sip/index.ts';
import { EspeakTts } from '../../agent/tts/espeak.ts';
import { UdpSipClient, Uac, sdpOffer } from './udp-sip-client.ts';
import { loopbackSipMedia, randomPortPool } from './harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup(t: TestContext) {
  const bus = new InProcBus();
  const registry = new Registry();
  const log = createLogger(process.env.LOG_LEVEL ?? 'silent');
  const ticker = new SharedTicker(5);
  const clock = new RtpClock();
  const media = loopbackSipMedia({ bus, registry, log, ticker, clock, pool: randomPortPool(42000) });
  // The echo agent: every caller frame straight back; the frames are kept for the test.
  const framesIn: Uint8Array[] = [];
  bus.subscribe(subjects.dispatch, (m) => {
    const req = uap.DispatchRequest.decode(m.data);
    bus.subscribe(subjects.mediaIn(req.callId), (f) => {
      framesIn.push(Uint8Array.from(f.data));
      bus.publish(subjects.mediaOut(req.callId), f.data);
    });
    m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'echo', sampleRate: 16000 }).finish());
  }, { queue: DISPATCH_QUEUE });
  const events: uap.CallEvent[] = [];
  const consumer = await bus.consumeDurable({ durable: 'g722-test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  const gw = await startSipGateway({
    host: '127.0.0.1',
    port: 0,
    publicAddress: '127.0.0.1',
    log,
    metrics: createSipMetrics(registry),
    router: { lookup: async () => ({ tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: {} }) },
    media,
    bus,
    negotiate: { codecs: ['G722', 'PCMU', 'PCMA'] },
  });
  const client = await UdpSipClient.open({ address: '127.0.0.1', port: gw.port });
  const peer = createSocket('udp4');
  await new Promise<void>((r) => peer.bind(0, '127.0.0.1', () => r()));
  const got: Buffer[] = [];
  peer.on('message', (b) => got.push(b));
  t.after(async () => {
    peer.close();
    client.close();
    await gw.close(200);
    media.closeAll();
    clock.stop();
    ticker.stop();
    await consumer.stop();
    await bus.close();
  });
  return { client, peer, peerPort: peer.address().port, got, framesIn, events, registry };
}

/** SNR (dB) of `out` against `ref` at the lag in [0, maxLag] where they correlate best, and that lag. */
function bestSnr(ref: Int16Array, out: Int16Array, maxLag: number): { snr: number; lag: number } {
  let best = { corr: -Infinity, lag: 0 };
  for (let lag = 0; lag <= maxLag; lag++) {
    let c = 0;
    for (let i = lag; i < out.length && i - lag < ref.length; i++) c += out[i] * ref[i - lag];
    if (c > best.corr) best = { corr: c, lag };
  }
  let sig = 0;
  let err = 0;
  for (let i = best.lag; i < out.length && i - best.lag < ref.length; i++) {
    sig += ref[i - best.lag] ** 2;
    err += (out[i] - ref[i - best.lag]) ** 2;
  }
  return { snr: 10 * Math.log10(sig / Math.max(err, 1)), lag: best.lag };
}

/** Energy above ~4 kHz relative to the whole (second difference: a crude high-pass). */
function highShare(x: Int16Array): number {
  let hi = 0;
  let all = 0;
  for (let i = 2; i < x.length; i++) {
    hi += (x[i] - 2 * x[i - 1] + x[i - 2]) ** 2;
    all += x[i] ** 2;
  }
  return hi / all;
}

test('a caller offering G.722 gets G722/8000; its speech reaches the bus as native 16 kHz and the echo comes back as G.722; a re-INVITE moves it to PCMU', async (t) => {
  const { client, peer, peerPort, got, framesIn, events, registry } = await setup(t);
  const tts = new EspeakTts(16000);
  t.after(() => tts.close()); // its worker thread would keep the process alive
  const speech = await tts.synthesize('Hello, this is a wideband call. Can you hear the sibilants clearly?');
  const frames = Math.min(100, Math.floor(speech.length / 320)); // up to 2 s

  // INVITE offering G.722 first (and PCMU, telephone-event).
  const uac = new Uac(client);
  client.send(uac.invite(sdpOffer(peerPort, '9 0 101', ['a=rtpmap:9 G722/8000', 'a=ptime:20', 'a=sendrecv'])));
  const ok = await client.response(200, 'INVITE', uac.callId);
  uac.toTag = ok.to.tag;
  client.send(uac.ack(200));
  const answer = parseSdp(ok.body);
  const m = answer.media[0];
  assert.deepEqual(m.formats, ['9', '101']);
  assert.equal(m.rtpmaps.get(9)?.encoding, 'G722');
  assert.equal(m.rtpmaps.get(9)?.clockRate, 8000, 'RFC 3551: G.722 is signalled with an 8 kHz clock');
  assert.equal(m.ptime, 20);
  const rtpPort = m.port;

  // Stream the speech as G.722, one packet per 20 ms, timestamps +160 (8 kHz clock, 320 samples each).
  const enc = new G722Encoder();
  const sentPayloads: Uint8Array[] = [];
  const t0 = performance.now();
  for (let i = 0; i < frames; i++) {
    const b = Buffer.alloc(12 + 160);
    writeRtpHeader(b, i === 0, 9, 1000 + i, 90_000 + 160 * i, 0x7220722);
    enc.encode(speech, i * 320, 320, b, 12);
    sentPayloads.push(b.subarray(12));
    peer.send(b, rtpPort, '127.0.0.1');
    await sleep(Math.max(0, t0 + (i + 1) * 20 - performance.now()));
  }
  await sleep(300); // the echo drains

  // The bus: the call started at 16 kHz, and its frames are exactly the decoded packets.
  const started = events.find((e) => e.started)?.started;
  assert.equal(started?.sampleRate, 16000);
  const view = newAudioFrameView();
  const busPcm = framesIn.map((f) => {
    const v = decodeAudioFrame(f, view);
    assert.equal(v.sampleRate, 16000);
    return pcmSamples(v.pcm).slice();
  });
  assert.ok(busPcm.length >= frames - 5, `${busPcm.length} frames on the bus for ${frames} sent`);
  assert.ok(busPcm.every((f) => f.length === 320));
  const dec = new G722Decoder();
  const decoded = new Int16Array(frames * 320);
  sentPayloads.forEach((p, i) => dec.decode(p, 0, 160, decoded, i * 320));
  const firstBus = busPcm[0];
  // (Loopback delivers every packet in order: no concealment, so the bus is the decoder's output verbatim.)
  const start = decoded.findIndex((_, i) => i % 320 === 0 && firstBus.every((s, k) => decoded[i + k] === s));
  assert.ok(start >= 0, 'the first bus frame is a decoded packet, not a resampled one');
  const busAll = new Int16Array(busPcm.length * 320);
  busPcm.forEach((f, i) => busAll.set(f, i * 320));
  assert.deepEqual(busAll.subarray(0, 320 * (frames - start / 320 - 2)), decoded.subarray(start, start + 320 * (frames - start / 320 - 2)), 'native 16 kHz: bit-exact');

  // The echo: G.722 packets (PT 9, 160 octets, +160), decoded by the caller to the speech again.
  const h = newRtpHeader();
  const echo = got.map((b) => {
    assert.equal(parseRtp(b, b.length, h), 'ok');
    return { pt: h.payloadType, ts: h.timestamp, marker: h.marker, payload: Uint8Array.from(b.subarray(h.payloadOffset, h.payloadOffset + h.payloadLength)) };
  });
  assert.ok(echo.length >= frames - 10, `${echo.length} echo packets`);
  assert.ok(echo.every((p) => p.pt === 9 && p.payload.length === 160));
  for (let i = 1; i < echo.length; i++) if (!echo[i].marker) assert.equal((echo[i].ts - echo[i - 1].ts) >>> 0, 160, `timestamp step at ${i}`);
  const back = new Int16Array(echo.length * 320);
  const callerDec = new G722Decoder();
  echo.forEach((p, i) => callerDec.decode(p.payload, 0, 160, back, i * 320));
  const { snr } = bestSnr(decoded, back, 320 * 20);
  assert.ok(snr > 20, `echo vs what the caller sent: SNR ${snr.toFixed(1)} dB (two G.722 passes)`);
  const share = highShare(back);
  assert.ok(share > 0.5 * highShare(decoded), `the upper band survives the round trip (${share.toFixed(3)} vs ${highShare(decoded).toFixed(3)})`);

  // re-INVITE offering only PCMU: answered PCMU on the same port; the echo turns µ-law.
  uac.cseq = 2;
  uac.inviteBranch = 'z9hG4bK-g722-reinvite';
  client.send(uac.invite(sdpOffer(peerPort, '0 101')).replace(/^To: ([^\r]*)/m, `To: $1;tag=${ok.to.tag}`));
  const ok2 = await client.waitFor(() => client.responses((r) => r.status === 200 && r.cseq.seq === 2)[0], 're-INVITE 200');
  client.send(uac.ack(200));
  const m2 = parseSdp(ok2.body).media[0];
  assert.deepEqual([m2.port, m2.formats], [rtpPort, ['0', '101']]);
  got.length = 0;
  const tone = Int16Array.from({ length: 160 * 25 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)));
  const t1 = performance.now();
  for (let i = 0; i < 25; i++) {
    const b = Buffer.alloc(12 + 160);
    writeRtpHeader(b, i === 0, 0, 2000 + i, 200_000 + 160 * i, 0x7220722);
    ulawEncode(tone.subarray(i * 160, i * 160 + 160), b.subarray(12), 160);
    peer.send(b, rtpPort, '127.0.0.1');
    await sleep(Math.max(0, t1 + (i + 1) * 20 - performance.now()));
  }
  await sleep(300);
  const pcmu = got.map((b) => (parseRtp(b, b.length, h), { pt: h.payloadType, payload: b.subarray(h.payloadOffset, h.payloadOffset + h.payloadLength) }));
  assert.ok(pcmu.length >= 15, `${pcmu.length} echo packets after the re-INVITE`);
  assert.ok(pcmu.every((p) => p.pt === 0 && p.payload.length === 160), 'µ-law now');
  const mid = new Int16Array(160);
  ulawDecode(pcmu[Math.floor(pcmu.length / 2)].payload, mid, 160);
  assert.ok(Math.max(...mid) > 5000, 'the echoed tone');

  const codecs = await registry.getSingleMetric('uap_rtp_codec_total')!.get();
  assert.deepEqual(codecs.values.map((v) => [v.labels.codec, v.value]).sort(), [['G722', 1], ['PCMU', 1]]);
  client.send(uac.bye());
  await client.response(200, 'BYE', uac.callId);
});
