// Running real sipp (Debian package `sip-tester`) against the gateway: presence check with an install
// hint, free ports, and one scenario run with its exit code and logs.
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));

/** Throws (never skips) when sipp is missing, saying how to install it. */
export function requireSipp(): string {
  const r = spawnSync('sipp', ['-v'], { encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error || !/SIPp v/.test(out)) {
    throw new Error('sipp is not installed: these SIP tests run a real sipp caller. Install it with `apt-get update && apt-get install -y sip-tester` (Debian/Ubuntu), or run ops/services.sh.');
  }
  return /SIPp v[\d.]+/.exec(out)![0];
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.once('error', () => {
      s.close();
      resolve(false);
    });
    s.bind(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function tcpListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A UDP port free right now (the kernel's pick). */
export async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** An even port p with p and p+2 free (sipp binds audio on -mp and video on -mp + 2). */
export async function freeMediaPort(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const p = 20000 + 2 * Math.floor(Math.random() * 5000);
    if ((await bindable(p)) && (await bindable(p + 2))) return p;
  }
  throw new Error('no free media port pair found');
}

export interface SippRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** sipp's error log (unexpected messages), if it wrote one. */
  errors: string;
}

export interface SippOptions {
  scenario: string;
  target: { address: string; port: number };
  service: string;
  cwd: string;
  mediaPort?: number;
  keys?: Record<string, string | number>;
  timeoutS?: number;
  /** Local address sipp binds (default 127.0.0.1): another loopback address looks like another trunk. */
  localIp?: string;
  /** More sipp arguments (e.g. -au/-ap for [authentication], -t t1 for TCP). */
  extraArgs?: string[];
}

export async function runSipp(o: SippOptions): Promise<SippRun> {
  const sipPort = await freeUdpPort();
  const args = [
    `${o.target.address}:${o.target.port}`,
    '-sf', join(SCENARIOS, o.scenario),
    '-s', o.service,
    '-m', '1', '-l', '1',
    '-i', o.localIp ?? '127.0.0.1', '-p', String(sipPort),
    '-mp', String(o.mediaPort ?? (await freeMediaPort())),
    '-timeout', `${o.timeoutS ?? 20}s`, '-timeout_error',
    '-nostdin', '-trace_err',
  ];
  for (const [k, v] of Object.entries(o.keys ?? {})) args.push('-key', k, String(v));
  args.push(...(o.extraArgs ?? []));
  const child = spawn('sipp', args, { cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  let errors = '';
  for (const f of readdirSync(o.cwd)) if (f.endsWith('_errors.log')) errors += readFileSync(join(o.cwd, f), 'utf8');
  return { code, stdout, stderr, errors };
}

/** A failure message with what sipp said. */
export function explain(run: SippRun): string {
  return `sipp exited ${run.code}\n--- stderr ---\n${run.stderr.slice(-3000)}\n--- errors ---\n${run.errors.slice(-3000)}\n--- stdout ---\n${run.stdout.slice(-(Number(process.env.SIPP_OUT) || 2000))}`;
}

export interface SippUasOptions {
  scenario: string;
  cwd: string;
  /** Built-in scenario name instead of a file (e.g. 'uas'). */
  builtin?: boolean;
  mediaPort?: number;
  timeoutS?: number;
  extraArgs?: string[];
}

/** sipp as a callee (a trunk's far end): resolves once it listens; `done` when it has handled one call. */
export async function startSippUas(o: SippUasOptions): Promise<{ port: number; mediaPort: number; done: Promise<SippRun>; kill(): void }> {
  const port = await freeUdpPort();
  const mediaPort = o.mediaPort ?? (await freeMediaPort());
  const args = [
    ...(o.builtin ? ['-sn', o.scenario] : ['-sf', join(SCENARIOS, o.scenario)]),
    '-m', '1',
    '-i', '127.0.0.1', '-p', String(port),
    '-mp', String(mediaPort),
    '-timeout', `${o.timeoutS ?? 20}s`, '-timeout_error',
    '-nostdin', '-trace_err',
    ...(o.extraArgs ?? []),
  ];
  const child = spawn('sipp', args, { cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<SippRun>((resolve) =>
    child.on('close', (code) => {
      let errors = '';
      for (const f of readdirSync(o.cwd)) if (f.endsWith('_errors.log')) errors += readFileSync(join(o.cwd, f), 'utf8');
      resolve({ code, stdout, stderr, errors });
    }),
  );
  // Listening once its port can no longer be bound (UDP) or takes connections (TCP, -t t1).
  const tcp = (o.extraArgs ?? []).includes('t1');
  for (let i = 0; i < 100 && (tcp ? !(await tcpListening(port)) : await bindable(port)); i++) await new Promise((r) => setTimeout(r, 30));
  return { port, mediaPort, done, kill: () => child.kill('SIGKILL') };
}
