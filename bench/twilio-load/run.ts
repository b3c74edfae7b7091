// bench/twilio-load: N concurrent simulated Twilio callers (a separate process) against `uap serve`
// with the zero-delay echo agent. Reports sustained calls, frames/s, added relay latency p50/p99
// (frame out → same frame back, measured by the callers; and media-in → media-out inside the server),
// dropped frames, RSS per call and CPU. Modes: in-process bus, and over NATS with roles split.
// Usage: node --import tsx bench/twilio-load/run.ts [--calls 500] [--seconds 20] [--mode inproc|nats|both]
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startUap, TEST_AUTH_TOKEN, type UapProcess } from '../../test/support/uap-process.ts';
import { startNatsServer } from '../../lib/bus/testing/nats-server.ts';
import { cpuSeconds, rssBytes, histogramQuantile, metricSum } from '../proc-stats.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '500' }, seconds: { type: 'string', default: '20' }, mode: { type: 'string', default: 'both' } } });
const CALLS = Number(values.calls);
const SECONDS = Number(values.seconds);
const modes = values.mode === 'both' ? ['inproc', 'nats'] : [values.mode!];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runMode(mode: string): Promise<Record<string, unknown>> {
  const env: Record<string, string> = { DEFAULT_AGENT: 'echo', LOG_LEVEL: 'warn', AGENT_CAPACITY: '5000' };
  const servers: UapProcess[] = [];
  let nats: Awaited<ReturnType<typeof startNatsServer>> | undefined;
  if (mode === 'nats') {
    nats = await startNatsServer();
    env.NATS_URL = nats.url;
    servers.push(await startUap({ roles: 'agent', env: { ...env, LOG_LEVEL: 'info' } }));
    servers.push(await startUap({ roles: 'media,signaling', env: { ...env, LOG_LEVEL: 'info' } }));
  } else {
    // The call path only: no control API (its embedded database would blur the RSS figures).
    servers.push(await startUap({ roles: 'media,signaling,agent', env: { ...env, LOG_LEVEL: 'info' } }));
  }
  const edge = servers.at(-1)!;
  await sleep(3000); // let start-up garbage settle before the idle RSS reading
  const pids = servers.map((s) => s.proc.pid!);
  const rssIdle = pids.reduce((a, p) => a + rssBytes(p), 0);

  const child = fork(fileURLToPath(new URL('./callers.ts', import.meta.url)), ['--url', edge.webhookUrl, '--token', TEST_AUTH_TOKEN, '--calls', String(CALLS), '--seconds', String(SECONDS), '--warmup', process.env.WARMUP ?? '3'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const done = new Promise<void>((r) => child.on('exit', () => r()));
  await new Promise<void>((r) => child.on('message', (m: { type?: string }) => m.type === 'ramped' && r()));
  await sleep(3000); // warm-up, as the callers do
  const cpu0 = pids.map(cpuSeconds);
  const t0 = Date.now();
  await sleep(Math.max(1000, (SECONDS - 5) * 1000));
  const cpu1 = pids.map(cpuSeconds);
  const wall = (Date.now() - t0) / 1000;
  const rssLoaded = pids.reduce((a, p) => a + rssBytes(p), 0);
  const metrics = await (await fetch(`${edge.httpUrl}/metrics`)).text();
  await done;
  const client = JSON.parse(out.trim().split('\n').at(-1)!);
  for (const s of servers) await s.stop('SIGKILL');
  await nats?.stop();
  const cpuPct = cpu1.map((c, i) => (100 * (c - cpu0[i])) / wall);
  return {
    mode,
    callsRequested: CALLS,
    callsSustained: client.callsOpenAtEnd,
    setupFailures: client.setupFailures,
    framesPerSecond: Math.round((client.framesSent / SECONDS) * 2), // caller → agent and back
    clientLatencyMs: client.latencyMs,
    serverRelayMs: { p50: histogramQuantile(metrics, 'uap_media_relay_latency_seconds', 0.5) * 1000, p99: histogramQuantile(metrics, 'uap_media_relay_latency_seconds', 0.99) * 1000 },
    framesSent: client.framesSent,
    framesMissing: client.framesMissing,
    serverDropped: metricSum(metrics, 'uap_media_frames_dropped_total'),
    serverLate: metricSum(metrics, 'uap_media_frames_late_total'),
    pacerLateTicks: metricSum(metrics, 'uap_media_pacer_late_ticks_total'),
    rssPerCallKiB: Math.round((rssLoaded - rssIdle) / Math.max(1, client.callsConnected) / 1024),
    rssTotalMiB: Math.round(rssLoaded / 1048576),
    cpuPercentPerProcess: cpuPct.map((c) => Math.round(c)),
    cpuPercentTotal: Math.round(cpuPct.reduce((a, b) => a + b, 0)),
    clientCpuPercent: client.clientCpuPercent,
    clientLoopDelayP99Ms: client.clientLoopDelayP99Ms,
  };
}

const results = [];
for (const m of modes) {
  process.stderr.write(`== twilio-load: ${CALLS} calls, ${SECONDS} s, bus ${m}\n`);
  results.push(await runMode(m));
}
const rows: [string, (r: any) => string][] = [
  ['calls sustained', (r) => `${r.callsSustained}/${r.callsRequested}`],
  ['frames/s (both ways)', (r) => String(r.framesPerSecond)],
  ['latency p50 ms (client)', (r) => r.clientLatencyMs.p50.toFixed(2)],
  ['latency p99 ms (client)', (r) => r.clientLatencyMs.p99.toFixed(2)],
  ['relay p50/p99 ms (server ≤)', (r) => `${r.serverRelayMs.p50}/${r.serverRelayMs.p99}`],
  ['frames missing (client)', (r) => String(r.framesMissing)],
  ['dropped / late (server)', (r) => `${r.serverDropped} / ${r.serverLate}`],
  ['RSS per call KiB', (r) => String(r.rssPerCallKiB)],
  ['CPU % (per process)', (r) => r.cpuPercentPerProcess.join(' + ')],
  ['load client CPU % / loop p99 ms', (r) => `${r.clientCpuPercent} / ${r.clientLoopDelayP99Ms.toFixed(1)}`],
];
const w = 30;
process.stdout.write(`\n${'bench/twilio-load'.padEnd(w)}${results.map((r) => String(r.mode).padStart(16)).join('')}\n`);
for (const [label, f] of rows) process.stdout.write(`${label.padEnd(w)}${results.map((r) => f(r).padStart(16)).join('')}\n`);
const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}twilio-load.json`;
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), calls: CALLS, seconds: SECONDS, node: process.version, results }, null, 2));
process.stdout.write(`\nwrote ${file}\n`);
