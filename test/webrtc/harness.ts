// In-process WebRTC test rig: the in-process bus, the media core's WebRTC side with real media sessions,
// and an agent worker running the echo agent, so a werift caller's audio goes caller → media → bus →
// agent → bus → media → caller exactly as in production.
import type { TestContext } from 'node:test';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { uap } from '../../proto/index.ts';
import { createMediaMetrics } from '../../media/metrics.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import type { MediaSession } from '../../media/session/media-session.ts';
import { WebRtcMedia, createWebRtcMetrics } from '../../media/webrtc/index.ts';
import { AgentWorker } from '../../agent/worker.ts';
import { echoKind } from '../../agent/kinds/echo.ts';

export interface Rig {
  bus: InProcBus;
  registry: Registry;
  media: WebRtcMedia;
  sessions: Set<MediaSession>;
  events: uap.CallEvent[];
  metric(name: string, labels?: Record<string, string>): Promise<number>;
}

export async function webrtcRig(t: TestContext, o: { iceTimeoutMs?: number; mediaTimeoutMs?: number; agent?: boolean } = {}): Promise<Rig> {
  const bus = new InProcBus();
  const registry = new Registry();
  const log = createLogger(process.env.TEST_LOG ?? 'silent');
  const ticker = new SharedTicker(5);
  const sessions = new Set<MediaSession>();
  const media = new WebRtcMedia({
    net: { iceServers: [] },
    iceTimeoutMs: o.iceTimeoutMs ?? 5000,
    mediaTimeoutMs: o.mediaTimeoutMs ?? 10_000,
    webrtcMetrics: createWebRtcMetrics(registry),
    sessionDeps: { bus, metrics: createMediaMetrics(registry, 'webrtc'), ticker },
    internalRate: 16000,
    leadMs: 100,
    queueMaxMs: 5000,
    dispatchTimeoutMs: 500,
    log,
    onSession: (s, open) => (open ? sessions.add(s) : sessions.delete(s)),
  });
  let worker: AgentWorker | undefined;
  if (o.agent !== false) {
    worker = new AgentWorker({ bus, log, registry, kinds: [echoKind], capacity: 100, heartbeatIntervalMs: 500 });
    worker.start();
  }
  const events: uap.CallEvent[] = [];
  const consumer = await bus.consumeDurable({ durable: `webrtc-test-${Math.random()}`, filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  t.after(async () => {
    media.closeAll();
    media.clock.stop();
    worker?.close();
    ticker.stop();
    await consumer.stop();
    await bus.close();
  });
  return {
    bus,
    registry,
    media,
    sessions,
    events,
    async metric(name, labels = {}) {
      const m = await registry.getSingleMetric(name)?.get();
      if (!m) return NaN;
      return m.values.filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val)).reduce((a, v) => a + v.value, 0);
    },
  };
}

export async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
