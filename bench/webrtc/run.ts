// bench/webrtc: N concurrent WebRTC calls (werift peers in a separate process, through softphone
// signalling) to the zero-delay echo agent on `uap serve`. Reports calls sustained with no dropped
// frames, frames both ways, server CPU per call (SRTP + Opus + the media session), RSS per call.
// Usage: node --import tsx bench/webrtc/run.ts [--calls 20,40] [--seconds 15]
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startUap } from '../../test/support/uap-process.ts';
import { cpuSeconds, rssBytes, metricSum } from '../proc-stats.ts';
import { opusBackend } from '../../media/webrtc/opus.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '20' }, seconds: { type: 'string', default: '15' } } });
const LEVELS = values.calls!.split(',').map(Number);
const SECONDS = Number(values.seconds);
const SECRET = 'bench-softphone-secret-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runLevel(calls: number): Promise<Record<string, unknown>> {
  // The call path only: no control API (its embedded database would blur the RSS figures).
  const uap = await startUap({ roles: 'media,signaling,agent', env: { DEFAULT_AGENT: 'echo', LOG_LEVEL: 'warn', AGENT_CAPACITY: '5000', SOFTPHONE_TOKEN_SECRET: SECRET } });
  await sleep(2000);
  const pid = uap.proc.pid!;
  const rssIdle = rssBytes(pid);
  const url = `ws://127.0.0.1:${uap.port}/webrtc/ws`;
  const child = fork(fileURLToPath(new URL('./callers.ts', import.meta.url)), ['--url', url, '--secret', SECRET, '--calls', String(calls), '--seconds', String(SECONDS), '--warmup', '3'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const done = new Promise<void>((r) => child.on('exit', () => r()));
  await new Promise<void>((r) => child.on('message', (m: { type?: string }) => m.type === 'ramped' && r()));
  await sleep(3000);
  // Server drops before the window (call setup: many DTLS handshakes make arrivals bursty, and the jitter
  // buffer skips what exceeds its bounded delay) are told apart from the steady state's.
  const drops0 = serverDrops(await (await fetch(`${uap.httpUrl}/metrics`)).text());
  const cpu0 = cpuSeconds(pid);
  const t0 = Date.now();
  await sleep(Math.max(1000, (SECONDS - 4) * 1000));
  const wall = (Date.now() - t0) / 1000;
  const cpuPct = (100 * (cpuSeconds(pid) - cpu0)) / wall;
  const rssLoaded = rssBytes(pid);
  const metrics = await (await fetch(`${uap.httpUrl}/metrics`)).text();
  await done;
  const client = JSON.parse(out.trim().split('\n').at(-1)!);
  await uap.stop('SIGKILL');
  const drops = metrics.split('\n').filter((l) => /^uap_(media_frames|webrtc)_dropped_total\{/.test(l) && !/ 0$/.test(l));
  const connected = Math.max(1, client.callsConnected);
  const drops1 = serverDrops(metrics);
  return {
    calls,
    callsConnected: client.callsConnected,
    callsSustainedClean: client.callsClean,
    setupFailures: client.setupFailures,
    framesPerSecond: Math.round(((client.framesSent + client.framesReceived) / Math.max(1, SECONDS - 3))),
    framesMissing: Math.max(0, client.framesSent - client.framesReceived),
    maxGapMs: client.maxGapMs,
    serverDropped: drops1,
    serverDroppedInWindow: drops1 - drops0,
    serverLost: metricSum(metrics, 'uap_webrtc_lost_total'),
    serverDropsByReason: drops,
    serverCpuPercent: Math.round(cpuPct),
    cpuPerCallPercent: +(cpuPct / connected).toFixed(2),
    rssPerCallKiB: Math.round((rssLoaded - rssIdle) / connected / 1024),
    rssTotalMiB: Math.round(rssLoaded / 1048576),
    clientCpuPercent: client.clientCpuPercent,
    clientLoopStallMaxMs: client.clientLoopStallMaxMs,
  };
}

function serverDrops(metrics: string): number {
  return metricSum(metrics, 'uap_media_frames_dropped_total') + metricSum(metrics, 'uap_webrtc_dropped_total');
}

const results = [];
for (const n of LEVELS) {
  process.stderr.write(`== webrtc: ${n} calls, ${SECONDS} s (opus ${opusBackend})\n`);
  results.push(await runLevel(n));
}
const rows: [string, (r: any) => string][] = [
  ['calls connected', (r) => `${r.callsConnected}/${r.calls}`],
  ['sustained, no dropped frames', (r) => String(r.callsSustainedClean)],
  ['frames/s (both ways)', (r) => String(r.framesPerSecond)],
  ['frames missing (client)', (r) => String(r.framesMissing)],
  ['max gap ms (client)', (r) => String(r.maxGapMs)],
  ['dropped / lost (server)', (r) => `${r.serverDropped} / ${r.serverLost}`],
  ['dropped in window (server)', (r) => String(r.serverDroppedInWindow)],
  ['server CPU % (total)', (r) => String(r.serverCpuPercent)],
  ['server CPU % per call', (r) => String(r.cpuPerCallPercent)],
  ['RSS per call KiB', (r) => String(r.rssPerCallKiB)],
  ['load client CPU % / stall ms', (r) => `${r.clientCpuPercent} / ${r.clientLoopStallMaxMs}`],
];
const w = 30;
process.stdout.write(`\n${'bench/webrtc'.padEnd(w)}${results.map((r) => `${r.calls} calls`.padStart(14)).join('')}\n`);
for (const [label, f] of rows) process.stdout.write(`${label.padEnd(w)}${results.map((r) => f(r).padStart(14)).join('')}\n`);
const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}webrtc.json`;
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, node: process.version, opus: opusBackend, results }, null, 2));
process.stdout.write(`\nwrote ${file}\n`);
