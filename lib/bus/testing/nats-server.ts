// Test helper: a throw-away JetStream-enabled nats-server on a free local port, with restart() on the same
// port and store dir so fault tests can simulate a server crash without losing the stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NATS_SERVER_BIN = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface TestNatsServer {
  url: string;
  port: number;
  storeDir: string;
  /** Kill the server (SIGTERM, then SIGKILL) and delete its store dir. Idempotent. */
  stop(): Promise<void>;
  /**
   * Kill the server (default SIGKILL, i.e. a crash), stay down for `downMs` (default 0), then start it
   * again on the same port with the same store dir.
   */
  restart(opts?: { signal?: NodeJS.Signals; downMs?: number }): Promise<void>;
}

export async function startNatsServer(): Promise<TestNatsServer> {
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'nats-js-'));
  let child: ChildProcess | undefined = await launch(port, storeDir);
  let stopped = false;

  // Never leave an orphaned server behind if the test process dies early.
  const onExit = (): void => { child?.kill('SIGKILL'); };
  process.once('exit', onExit);

  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      if (child) await kill(child, 'SIGTERM');
      child = undefined;
      await rm(storeDir, { recursive: true, force: true });
    },
    async restart(opts = {}) {
      if (stopped) throw new Error('nats-server already stopped');
      if (child) await kill(child, opts.signal ?? 'SIGKILL');
      child = undefined;
      if (opts.downMs) await new Promise((r) => setTimeout(r, opts.downMs));
      child = await launch(port, storeDir);
    },
  };
}

async function launch(port: number, storeDir: string): Promise<ChildProcess> {
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
  const child = spawn(NATS_SERVER_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  // Keep the tail of the server log to explain a failed start.
  let logTail = '';
  child.stderr!.on('data', (b: Buffer) => { logTail = (logTail + b.toString()).slice(-4000); });
  let exited = false;
  child.once('exit', () => { exited = true; });
  child.once('error', () => { exited = true; });
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nats-server did not start on port ${port}:\n${logTail}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return child;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tcpConnect({ host: '127.0.0.1', port });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => { s.destroy(); resolve(false); });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
