// Load generator: N simulated Twilio callers in this process (run it apart from the server). Each
// posts a signed voice webhook, opens the media stream, sends 20 ms µ-law frames in real time and
// measures, for every frame, the time until that same frame comes back from the echo agent. Frames
// are told apart by content: frame k carries one of 8 tones (k mod 8), found again with Goertzel on
// the way back, so frames lost before the agent joined cannot skew the pairing. Prints one JSON result.
import { parseArgs } from 'node:util';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { twilioSignature, newCallSid, newStreamSid, parseTwiml, tone, pcmToUlaw, ulawToPcm, goertzelPower } from '../../test/twilio-sim/index.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    calls: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '20' },
    ramp: { type: 'string', default: '100' }, // calls started per second
    warmup: { type: 'string', default: '3' }, // seconds excluded from latency stats
  },
});
const N = Number(values.calls);
const SECONDS = Number(values.seconds);
const RAMP = Number(values.ramp);
const WARMUP_MS = Number(values.warmup) * 1000;
const url = values.url!;
const token = values.token!;
const FREQS = [500, 900, 1300, 1700, 2100, 2500, 2900, 3300];
// Whole periods per 20 ms frame (every frequency is a multiple of 50 Hz), so each frame starts at phase 0.
const PAYLOADS = FREQS.map((f) => Buffer.from(pcmToUlaw(tone(f, 20, 8000, 0.3))).toString('base64'));

/** Index (0..7) of the tone that dominates a received frame, or -1 for silence/unclear. */
function toneIndex(b64: string): number {
  const pcm = ulawToPcm(Buffer.from(b64, 'base64'));
  const body = pcm.subarray(40); // skip the edge smeared by the resampling filters
  let best = -1;
  let bestP = 0;
  let total = 0;
  for (let i = 0; i < FREQS.length; i++) {
    const p = goertzelPower(body, 8000, FREQS[i]);
    total += p;
    if (p > bestP) {
      bestP = p;
      best = i;
    }
  }
  return bestP > 0.6 * total && bestP > 1e3 ? best : -1;
}
const MAX_FRAMES = Math.ceil((SECONDS * 1000) / 20) + 500;

interface Caller {
  ws: WebSocket;
  streamSid: string;
  sent: number;
  received: number;
  sendTs: Float64Array;
  open: boolean;
  closeCode?: number;
  steadyFrom: number;
  /** sent index = received index + offset (frames lost before the agent joined). */
  offset: number;
  misaligned: number;
}

const callers: Caller[] = [];
const latencies = new Float64Array(N * MAX_FRAMES);
let latN = 0;
let errors = 0;
let setupFailures = 0;
const setupMs: number[] = [];

async function place(i: number): Promise<void> {
  const t0 = performance.now();
  const callSid = newCallSid();
  const params: Record<string, string> = { AccountSid: 'AC' + '0'.repeat(32), ApiVersion: '2010-04-01', CallSid: callSid, CallStatus: 'ringing', Direction: 'inbound', From: `+1555${String(i).padStart(7, '0')}`, To: '+15550002222', Called: '+15550002222', Caller: '+15550000000' };
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(token, url, params) }, body: new URLSearchParams(params).toString() });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`webhook ${res.status}: ${body}`);
  const twiml = parseTwiml(body);
  if (twiml.kind !== 'stream') throw new Error('no stream in TwiML');
  const ws = new WebSocket(twiml.streamUrl, { headers: { 'X-Twilio-Signature': twilioSignature(token, twiml.streamUrl, {}) }, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const streamSid = newStreamSid();
  const c: Caller = { ws, streamSid, sent: 0, received: 0, sendTs: new Float64Array(MAX_FRAMES), open: true, steadyFrom: performance.now() + WARMUP_MS, offset: -1, misaligned: 0 };
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) return;
    // Only media matters here; a substring test avoids parsing 25k JSON messages a second.
    if (data.length > 40 && data.includes('"event":"media"')) {
      const now = performance.now();
      const j = c.received++;
      // Decoding tones costs the load generator more than the server spends on the frame: identify
      // frames until aligned, then re-check one frame in 25 (a drop or duplicate shows up there).
      if (c.offset < 0 || j % 25 === 0) {
        const s = data.toString();
        const at = s.indexOf('"payload":"') + 11;
        const idx = toneIndex(s.slice(at, s.indexOf('"', at)));
        if (idx < 0) return;
        // Pair with the sent frame: the smallest k ≥ j + offset with k ≡ idx (mod 8).
        let k = j + Math.max(0, c.offset);
        k += (idx - (k % 8) + 8) % 8;
        if (c.offset >= 0 && k !== j + c.offset) c.misaligned++;
        c.offset = k - j;
      }
      const k = j + c.offset;
      if (k < c.sent && now > c.steadyFrom) latencies[latN++] = now - c.sendTs[k];
    }
  });
  ws.on('close', (code) => {
    c.open = false;
    c.closeCode = code;
  });
  ws.on('error', () => errors++);
  ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
  ws.send(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid, start: { accountSid: params.AccountSid, streamSid, callSid, tracks: ['inbound'], customParameters: twiml.parameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }));
  callers.push(c);
  setupMs.push(performance.now() - t0);
}

// One timer drives every caller: each sends when its next 20 ms slot is due (callers are staggered
// by their start time, as real calls are).
const nextDue: number[] = [];
function sendDue(): void {
  const now = performance.now();
  for (let i = 0; i < callers.length; i++) {
    const c = callers[i];
    if (!c.open) continue;
    if (nextDue[i] === undefined) nextDue[i] = now;
    while (nextDue[i] <= now && c.sent < MAX_FRAMES) {
      const k = c.sent++;
      c.sendTs[k] = performance.now();
      c.ws.send(`{"event":"media","sequenceNumber":"${k + 2}","streamSid":"${c.streamSid}","media":{"track":"inbound","chunk":"${k + 1}","timestamp":"${k * 20}","payload":"${PAYLOADS[k % 8]}"}}`);
      nextDue[i] += 20;
    }
  }
}

async function main(): Promise<void> {
  const ticker = setInterval(sendDue, 2);
  const tStart = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < N; i++) {
    pending.push(place(i).catch(() => void setupFailures++));
    if ((i + 1) % Math.max(1, Math.round(RAMP / 10)) === 0) await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(pending);
  const rampMs = performance.now() - tStart;
  process.stderr.write(`callers: ${callers.length} connected in ${rampMs.toFixed(0)} ms (${setupFailures} failed)\n`);
  process.send?.({ type: 'ramped', calls: callers.length });
  const eld = monitorEventLoopDelay({ resolution: 1 });
  const cpu0 = process.cpuUsage();
  const tSteady = performance.now();
  eld.enable();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  eld.disable();
  const cpu = process.cpuUsage(cpu0);
  const clientCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - tSteady)) * 100);
  clearInterval(ticker);
  await new Promise((r) => setTimeout(r, 500)); // let the last echoes arrive
  let sent = 0;
  let received = 0;
  let open = 0;
  let misaligned = 0;
  for (const c of callers) {
    misaligned += c.misaligned;
    sent += c.sent;
    received += Math.min(c.received, c.sent);
    if (c.open) open++;
  }
  const lat = latencies.subarray(0, latN).sort();
  const pct = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : NaN);
  const result = {
    callsRequested: N,
    callsConnected: callers.length,
    callsOpenAtEnd: open,
    setupFailures,
    socketErrors: errors,
    setupMsP50: setupMs.sort((a, b) => a - b)[Math.floor(setupMs.length / 2)] ?? NaN,
    framesSent: sent,
    framesReceived: received,
    framesMissing: sent - received,
    framesMisaligned: misaligned,
    latencySamples: lat.length,
    latencyMs: { p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: lat.length ? lat[lat.length - 1] : NaN },
    clientCpuPercent,
    clientLoopDelayP99Ms: eld.percentile(99) / 1e6,
  };
  for (const c of callers) if (c.open) c.ws.send(JSON.stringify({ event: 'stop', streamSid: c.streamSid, stop: {} }));
  await new Promise((r) => setTimeout(r, 300));
  for (const c of callers) c.ws.terminate();
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

void main();
