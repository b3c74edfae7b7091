// Starts `uap serve` as a real child process for end-to-end tests, waits for its "uap ready" log
// line, and keeps its JSON log lines for assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

export interface UapProcess {
  proc: ChildProcess;
  port: number;
  mediaPort: number;
  httpUrl: string;
  webhookUrl: string;
  logs: Record<string, unknown>[];
  dataDir: string;
  stderr: () => string;
  /** Sends a signal and resolves with the exit code (or signal name). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
  exited: Promise<number | string>;
  metric(name: string, labels?: Record<string, string>): Promise<number>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startUap(opts: { roles?: string; env?: Record<string, string>; readyTimeoutMs?: number; nodeArgs?: string[] } = {}): Promise<UapProcess> {
  // (DATA_DIR: a fresh temp dir per process unless the caller passes one to share across restarts.)
  const port = Number(opts.env?.PORT ?? (await freePort()));
  const mediaPort = Number(opts.env?.MEDIA_PORT ?? (await freePort()));
  // Each process gets its own data dir (the embedded database), removed when it stops.
  const dataDir = opts.env?.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'uap-data-'));
  const args = ['bin/uap.js', 'serve'];
  if (opts.roles) args.push('--roles', opts.roles);
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      MEDIA_PORT: String(mediaPort),
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind if the test process dies or is killed before its cleanup runs.
  const killOnExit = (): void => void proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  const logs: Record<string, unknown>[] = [];
  let err = '';
  let buf = '';
  const exited = new Promise<number | string>((resolve) =>
    proc.once('exit', (code, sig) => {
      process.removeListener('exit', killOnExit);
      if (!opts.env?.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
      resolve(code ?? sig ?? -1);
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    // Generous: a cold start (fresh embedded database, migrations) on a busy 2-core box takes seconds.
    const readyMs = opts.readyTimeoutMs ?? 30_000;
    const timer = setTimeout(() => reject(new Error(`uap serve not ready within ${readyMs} ms\n${err}\n${buf}`)), readyMs);
    proc.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          const j = JSON.parse(line);
          logs.push(j);
          if (j.event === 'ready') {
            clearTimeout(timer);
            resolve();
          }
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((c) => {
      clearTimeout(timer);
      reject(new Error(`uap serve exited (${c}) before ready:\n${err}`));
    });
  });
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  // With LOG_LEVEL above info there is no "ready" line: /healthz answering means the same (it is
  // served once every role has started).
  let polling = true;
  const poll = (async () => {
    while (polling) {
      await new Promise((r) => setTimeout(r, 100));
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return;
    }
  })();
  await Promise.race([ready, poll.then(() => (polling ? undefined : new Promise(() => {})))]);
  polling = false;
  const httpUrl = `http://127.0.0.1:${port}`;
  return {
    proc,
    port,
    mediaPort,
    httpUrl,
    webhookUrl: `${httpUrl}/twilio/voice`,
    logs,
    dataDir,
    stderr: () => err,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15000) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
    async metric(name, labels = {}) {
      const text = await (await fetch(`${httpUrl}/metrics`)).text();
      let sum = 0;
      for (const line of text.split('\n')) {
        if (!line.startsWith(name)) continue;
        const m = line.match(/^([a-zA-Z_:]+)(\{[^}]*\})?\s+([-+\deE.]+|NaN)$/);
        if (!m || m[1] !== name) continue;
        const lbl = m[2] ?? '';
        if (Object.entries(labels).every(([k, v]) => lbl.includes(`${k}="${v}"`))) sum += Number(m[3]);
      }
      return sum;
    },
  };
}
