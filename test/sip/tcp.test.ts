// SIP over TCP on the SIP port: sipp -t t1 calls in (answered, streamed, hung up by sipp; and hung up by
// the agent, our BYE on sipp's connection); an outbound call to a sipp carrier over TCP; and a raw
// connection: pipelined requests, byte-by-byte writes, keep-alive pong, an unframeable message → 400 and
// the connection closed, other calls untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../../proto/index.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { SipMedia, RtpClock } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics, type SipGateway } from '../../signaling/sip/index.ts';
import type { Router } from '../../signaling/routing.ts';
import { requireSipp, runSipp, startSippUas, explain, freeUdpPort } from './sipp.ts';
import { loopbackSipMedia, randomPortPool, writeToneUlaw, TEST_SIP_TIMERS } from './harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NUMBER = '+15550002222';
const HANGUP = '+15550004444'; // the agent hangs up calls to this number
let bus: InProcBus;
let ticker: SharedTicker;
let clock: RtpClock;
let sipMedia: SipMedia;
let gateway: SipGateway;
let dir: string;
const events: uap.CallEvent[] = [];
let stopConsumer: () => Promise<void>;

before(async () => {
  requireSipp();
  bus = new InProcBus();
  const registry = new Registry();
  const log = createLogger(process.env.LOG_LEVEL ?? 'silent');
  ticker = new SharedTicker(5);
  clock = new RtpClock();
  sipMedia = loopbackSipMedia({ bus, registry, log, ticker, clock, pool: randomPortPool(52000) });
  const router: Router = { lookup: async (n) => (n === NUMBER || n === HANGUP ? { tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: {} } : undefined) };
  gateway = await startSipGateway({ host: '127.0.0.1', port: 0, publicAddress: '127.0.0.1', log, metrics: createSipMetrics(registry), router, media: sipMedia, bus, timers: TEST_SIP_TIMERS });
  bus.subscribe(subjects.dispatch, (m) => {
    const req = uap.DispatchRequest.decode(m.data);
    bus.subscribe(subjects.mediaIn(req.callId), (f) => bus.publish(subjects.mediaOut(req.callId), f.data));
    m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'echo', sampleRate: 16000 }).finish());
    if (req.to === HANGUP || req.transport === 'sip' && req.from === '+15550001111' && req.to === '+15557770000') {
      setTimeout(() => bus.publish(subjects.control(req.callId), uap.MediaControl.encode({ callId: req.callId, hangup: { reason: 'bye' } }).finish()), 800);
    }
  }, { queue: DISPATCH_QUEUE });
  const consumer = await bus.consumeDurable({ durable: 'tcp-test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  stopConsumer = () => consumer.stop();
  dir = mkdtempSync(join(tmpdir(), 'uap-sipp-tcp-'));
  writeToneUlaw(dir);
});

after(async () => {
  await gateway?.close(300);
  sipMedia?.closeAll();
  clock?.stop();
  ticker?.stop();
  await stopConsumer?.();
  await bus?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const target = () => ({ address: '127.0.0.1', port: gateway.port });

test('sipp -t t1 calls in over TCP: answered, streams, hangs up', async () => {
  const seen = new Set(events.map((e) => e.callId));
  const run = await runSipp({ scenario: 'uac-stream.xml', target: target(), service: NUMBER, cwd: dir, extraArgs: ['-t', 't1'] });
  assert.equal(run.code, 0, explain(run));
  const ended = await waitFor(() => events.find((e) => e.ended && !seen.has(e.callId))?.ended, 'ended');
  assert.equal(ended.reason, uap.EndReason.CALLER_HANGUP);
});

test('over TCP the agent hangs up: our BYE reaches sipp on its own connection', async () => {
  const run = await runSipp({ scenario: 'uac-agent-hangup.xml', target: target(), service: HANGUP, cwd: dir, extraArgs: ['-t', 't1'], keys: { rtp_port: await freeUdpPort() } });
  assert.equal(run.code, 0, explain(run));
});

test('outbound over TCP: sipp -sn uas -t t1 as the carrier', async () => {
  const uas = await startSippUas({ scenario: 'uas', builtin: true, cwd: dir, extraArgs: ['-t', 't1'] });
  const callId = `sip_tcp_${Date.now()}`;
  const reply = uap.SipOriginateReply.decode(await bus.request(subjects.sipOriginate, uap.SipOriginate.encode({
    callId, tenantId: 'acme', to: '+15557770000', from: '+15550001111', host: '127.0.0.1', port: uas.port, transport: 'tcp', agentKind: 'echo', agentConfigId: 'c',
  }).finish(), { timeoutMs: 3000 }));
  assert.equal(reply.accepted, true, reply.errorMessage);
  const run = await uas.done;
  assert.equal(run.code, 0, explain(run));
  assert.equal((await waitFor(() => events.find((e) => e.callId === callId && e.ended), 'ended')).ended!.reason, uap.EndReason.AGENT_HANGUP);
});

async function waitFor<T>(fn: () => T | undefined | false | null, what: string, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

function options(n: number, extra = ''): string {
  return `OPTIONS sip:${NUMBER}@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:9;branch=z9hG4bK-tcp-${n}\r\nFrom: <sip:t@127.0.0.1>;tag=t${n}\r\nTo: <sip:${NUMBER}@127.0.0.1>\r\nCall-ID: tcp-${n}\r\nCSeq: 1 OPTIONS\r\n${extra}Content-Length: 0\r\n\r\n`;
}

async function rawConnection(): Promise<{ s: Socket; text: () => string; closed: Promise<void> }> {
  const s = connect({ host: '127.0.0.1', port: gateway.port });
  await new Promise<void>((r) => s.once('connect', () => r()));
  let got = '';
  s.on('data', (d) => (got += d.toString()));
  const closed = new Promise<void>((r) => s.once('close', () => r()));
  return { s, text: () => got, closed };
}

test('a raw connection: pipelined and byte-by-byte requests, keep-alive pong, unframeable → 400 and closed', async () => {
  const a = await rawConnection();
  a.s.write(options(1) + options(2));
  for (const ch of options(3)) {
    a.s.write(ch);
    await sleep(0);
  }
  a.s.write('\r\n\r\n');
  await waitFor(() => (a.text().match(/SIP\/2\.0 200 OK/g) ?? []).length === 3 && a.text().endsWith('\r\n'), 'three 200s');
  assert.match(a.text(), /Call-ID: tcp-1[\s\S]*Call-ID: tcp-2[\s\S]*Call-ID: tcp-3/);
  // No Content-Length on a stream: 400, and the connection is closed.
  a.s.write(options(4).replace('Content-Length: 0\r\n', ''));
  await a.closed;
  assert.match(a.text(), /SIP\/2\.0 400 [\s\S]*Call-ID: tcp-4/);
  // Others are untouched.
  const b = await rawConnection();
  b.s.write(options(5));
  await waitFor(() => /Call-ID: tcp-5/.test(b.text()), 'a 200 on another connection');
  b.s.destroy();
});
