// 100 concurrent SIP calls from sipp (ramped at 50 calls/s, each streaming µ-law for 3 s, then BYE) into
// the gateway with an echo agent on the in-process bus: every call is answered, dispatched, hears its
// echo and ends as a caller hang-up; no call times out for lack of RTP, every port goes back to the pool.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../../proto/index.ts';
import { createMediaMetrics } from '../../media/metrics.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { ulawEncode } from '../../media/codecs/index.ts';
import { SipMedia, PortPool, RtpClock, createRtpMetrics } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics } from '../../signaling/sip/index.ts';
import { requireSipp, runSipp, explain } from './sipp.ts';

const CALLS = 100;
const closers: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

test(`${CALLS} concurrent sipp calls with media: all answered, echoed and hung up cleanly`, { timeout: 60_000 }, async () => {
  requireSipp();
  const bus = new InProcBus();
  const registry = new Registry();
  const log = createLogger(process.env.LOG_LEVEL ?? 'silent');
  const ticker = new SharedTicker(5);
  const clock = new RtpClock();
  const base = 20000 + 2 * Math.floor(Math.random() * 4000);
  const pool = new PortPool(base, base + 2 * (CALLS + 50));
  const media = new SipMedia({
    bindHost: '127.0.0.1', publicAddress: '127.0.0.1', pool, clock, rtpMetrics: createRtpMetrics(registry), inactivityTimeoutMs: 10_000,
    sessionDeps: { bus, metrics: createMediaMetrics(registry, 'sip'), ticker }, internalRate: 16000, leadMs: 100, queueMaxMs: 5000, dispatchTimeoutMs: 2000, log,
  });
  const gateway = await startSipGateway({
    host: '127.0.0.1', port: 0, publicAddress: '127.0.0.1', log, metrics: createSipMetrics(registry), media, bus,
    router: { lookup: async () => ({ tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: {} }) },
  });
  const echoed = new Map<string, number>();
  bus.subscribe(subjects.dispatch, (m) => {
    const req = uap.DispatchRequest.decode(m.data);
    bus.subscribe(subjects.mediaIn(req.callId), (f) => {
      echoed.set(req.callId, (echoed.get(req.callId) ?? 0) + 1);
      bus.publish(subjects.mediaOut(req.callId), f.data);
    });
    m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'echo', sampleRate: 16000 }).finish());
  }, { queue: DISPATCH_QUEUE });
  const ended: uap.ICallEnded[] = [];
  const consumer = await bus.consumeDurable({ durable: 'load', filter: 'events.*.call.ended' }, (m) => {
    ended.push(uap.CallEvent.decode(m.data).ended!);
    m.ack();
  });
  const dir = mkdtempSync(join(tmpdir(), 'uap-sipp-load-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }), async () => {
    await consumer.stop();
    await gateway.close(500);
    media.closeAll();
    clock.stop();
    ticker.stop();
    await bus.close();
  });
  const tone = Buffer.alloc(8000);
  ulawEncode(new Int16Array(8000).map((_, i) => Math.round(Math.sin((2 * Math.PI * 440 * i) / 8000) * 8000)), tone);
  writeFileSync(join(dir, 'tone.ulaw'), tone);

  const run = await runSipp({
    scenario: 'uac-load.xml', target: { address: '127.0.0.1', port: gateway.port }, service: '+15550002222', cwd: dir, timeoutS: 40,
    extraArgs: ['-m', String(CALLS), '-l', String(CALLS), '-r', '50', '-d', '3000'],
  });
  assert.equal(run.code, 0, explain(run));
  assert.match(run.stdout, new RegExp(`Successful call\\s*\\|\\s*\\d+\\s*\\|\\s*${CALLS}\\b`), 'sipp counts every call successful');
  const deadline = Date.now() + 10_000;
  while (ended.length < CALLS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(ended.length, CALLS);
  assert.ok(ended.every((e) => e.reason === uap.EndReason.CALLER_HANGUP), 'every call ended by the caller');
  assert.equal(echoed.size, CALLS, 'every call was dispatched and heard');
  const frames = [...echoed.values()].sort((a, b) => a - b);
  assert.ok(frames[0] >= 100, `every call carried audio (fewest frames: ${frames[0]}, of ~150)`);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(pool.used, 0, 'every RTP port released');
});
