// A measuring SIP caller for bench/sip: calls in over UDP (INVITE, ACK … BYE), streams a µ-law (or G.722)
// tone every 20 ms from its own RTP socket, and timestamps every RTP packet the server sends back (the echo agent
// returns the tone), so the regularity of our outbound pacing can be measured where a phone would see it.
import { createSocket } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { UdpSipClient, Uac, sdpOffer } from '../../test/sip/udp-sip-client.ts';
import { parseSdp, negotiate } from '../../signaling/sip/sdp.ts';
import { G722Encoder, ulawEncode } from '../../media/codecs/index.ts';
import { writeRtpHeader } from '../../media/rtp/packet.ts';

export interface ProbeResult {
  answered: boolean;
  sent: number;
  received: number;
  /** |inter-arrival − 20 ms| for consecutive packets of a talkspurt (ms). */
  deviations: number[];
  setupMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function probeCall(server: { address: string; port: number }, number: string, seconds: number, codec: 'pcmu' | 'g722' = 'pcmu'): Promise<ProbeResult> {
  const rtp = createSocket('udp4');
  await new Promise<void>((r) => rtp.bind(0, '127.0.0.1', () => r()));
  const arrivals: { at: number; seq: number; ts: number; marker: boolean }[] = [];
  rtp.on('message', (b) => {
    const at = performance.now();
    if (b.length < 12) return;
    arrivals.push({ at, seq: (b[2] << 8) | b[3], ts: b.readUInt32BE(4), marker: (b[1] & 0x80) !== 0 });
  });
  const c = await UdpSipClient.open(server);
  const a = new Uac(c, number);
  const t0 = performance.now();
  const g722 = codec === 'g722';
  c.send(a.invite(sdpOffer(rtp.address().port, g722 ? '9 101' : '0 101', g722 ? ['a=rtpmap:9 G722/8000'] : [])));
  let ok;
  try {
    ok = await c.response(200, 'INVITE', a.callId, 10_000);
  } catch {
    c.close();
    rtp.close();
    return { answered: false, sent: 0, received: 0, deviations: [], setupMs: NaN };
  }
  const setupMs = performance.now() - t0;
  a.toTag = ok.to.tag;
  c.send(a.ack(200));
  const media = negotiate(parseSdp(ok.body))!;
  // The tone, sent on a drift-free 20 ms schedule.
  const rate = g722 ? 16000 : 8000;
  const n = rate / 50;
  const pcm = new Int16Array(n);
  const enc = new G722Encoder();
  const payloads: Buffer[] = [];
  for (let f = 0; f < 50; f++) {
    for (let i = 0; i < n; i++) pcm[i] = Math.round(Math.sin((2 * Math.PI * 440 * (f * n + i)) / rate) * 8000);
    const p = Buffer.alloc(172);
    if (g722) enc.encode(pcm, 0, n, p, 12);
    else ulawEncode(pcm, p.subarray(12));
    payloads.push(p);
  }
  let sent = 0;
  const ssrc = (Math.random() * 2 ** 32) >>> 0;
  const start = performance.now();
  const frames = seconds * 50;
  while (sent < frames) {
    const b = payloads[sent % payloads.length];
    writeRtpHeader(b, sent === 0, media.payloadType, (1000 + sent) & 0xffff, (sent * 160) >>> 0, ssrc);
    rtp.send(b, media.remotePort, media.remoteAddress);
    sent++;
    const due = start + sent * 20;
    await sleep(Math.max(0, due - performance.now()));
  }
  await sleep(200);
  c.send(a.bye());
  await c.response(200, 'BYE', a.callId, 5000).catch(() => undefined);
  c.close();
  rtp.close();
  const deviations: number[] = [];
  for (let i = 1; i < arrivals.length; i++) {
    const p = arrivals[i - 1];
    const q = arrivals[i];
    if (q.marker || ((q.seq - p.seq) & 0xffff) !== 1 || ((q.ts - p.ts) >>> 0) !== 160) continue;
    deviations.push(Math.abs(q.at - p.at - 20));
  }
  return { answered: true, sent, received: arrivals.length, deviations, setupMs };
}

// Run as a process of its own (bench/sip/run.ts forks it), so timing the server's packets is not
// disturbed by the bench's own work: argv host port number seconds count; prints the results as JSON.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [host, port, number, seconds, count, codec] = process.argv.slice(2);
  const results = await Promise.all(Array.from({ length: Number(count) }, () => probeCall({ address: host, port: Number(port) }, number, Number(seconds), codec === 'g722' ? 'g722' : 'pcmu')));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
