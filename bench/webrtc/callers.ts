// The load side of bench/webrtc (its own process): N werift peers, each signing in to softphone
// signalling with a call token, offering Opus, and streaming a tone for the run; the echo agent sends
// it back. Reports per-call received frames and gaps as one JSON line on stdout.
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { signSoftphoneToken, softphoneTokenKey } from '../../lib/softphone-token.ts';
import { WeriftCaller } from '../../test/webrtc/werift-caller.ts';
import { cpuSeconds } from '../proc-stats.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, secret: { type: 'string' }, calls: { type: 'string', default: '20' }, seconds: { type: 'string', default: '15' }, warmup: { type: 'string', default: '3' } } });
const CALLS = Number(values.calls);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const key = softphoneTokenKey(values.secret!, '/nonexistent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Leg {
  caller: WeriftCaller;
  ws: WebSocket;
  connected: boolean;
  ended: boolean;
}

async function open(i: number): Promise<Leg> {
  const caller = new WeriftCaller();
  const ws = new WebSocket(values.url!);
  const leg: Leg = { caller, ws, connected: false, ended: false };
  const offer = caller.offer();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`call ${i}: not connected in 20 s`)), 20_000);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: signSoftphoneToken(key, { sub: `bench-${i}`, tenantId: 'default', target: { kind: 'number', number: '*' } }, 60) })));
    ws.on('message', async (d) => {
      const m = JSON.parse(d.toString());
      if (m.type === 'ready') ws.send(JSON.stringify({ type: 'offer', sdp: await offer }));
      else if (m.type === 'answer') await caller.answer(m.sdp);
      else if (m.type === 'state') {
        leg.connected = true;
        clearTimeout(timer);
        resolve();
      } else if (m.type === 'ended' || (m.type === 'error' && m.fatal)) {
        leg.ended = true;
        reject(new Error(`call ${i}: ${JSON.stringify(m)}`));
      }
    });
    ws.on('close', () => (leg.ended = true));
  });
  return leg;
}

const legs: Leg[] = [];
let setupFailures = 0;
// Ramp in small batches: each set-up costs a DTLS handshake.
for (let i = 0; i < CALLS; i += 5) {
  const batch = await Promise.allSettled(Array.from({ length: Math.min(5, CALLS - i) }, (_, k) => open(i + k)));
  for (const r of batch) r.status === 'fulfilled' ? legs.push(r.value) : (setupFailures++, process.stderr.write(`${r.reason}\n`));
}
for (const l of legs) l.caller.startAudio(440);
process.send?.({ type: 'ramped' });
await sleep(WARMUP * 1000);
// The measured window: counters reset after warm-up.
const base = legs.map((l) => ({ sent: l.caller.stats.sent, received: l.caller.stats.received }));
for (const l of legs) l.caller.resetGaps();
const cpu0 = cpuSeconds(process.pid);
const t0 = Date.now();
let loopMax = 0;
let last = performance.now();
const probe = setInterval(() => {
  const now = performance.now();
  loopMax = Math.max(loopMax, now - last - 50);
  last = now;
}, 50);
await sleep(Math.max(1000, (SECONDS - WARMUP) * 1000));
clearInterval(probe);
const wall = (Date.now() - t0) / 1000;
const perCall = legs.map((l, i) => ({
  sent: l.caller.stats.sent - base[i].sent,
  received: l.caller.stats.received - base[i].received,
  maxGapMs: l.caller.stats.maxGapMs,
  open: !l.ended,
}));
const clean = perCall.filter((c) => c.open && c.maxGapMs < 100 && c.received >= c.sent - 3);
const out = {
  callsConnected: legs.length,
  setupFailures,
  callsOpenAtEnd: perCall.filter((c) => c.open).length,
  callsClean: clean.length,
  framesSent: perCall.reduce((a, c) => a + c.sent, 0),
  framesReceived: perCall.reduce((a, c) => a + c.received, 0),
  maxGapMs: Math.round(Math.max(0, ...perCall.map((c) => c.maxGapMs))),
  clientCpuPercent: Math.round((100 * (cpuSeconds(process.pid) - cpu0)) / wall),
  clientLoopStallMaxMs: Math.round(loopMax),
};
for (const l of legs) {
  l.ws.send(JSON.stringify({ type: 'hangup' }));
  await l.caller.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
