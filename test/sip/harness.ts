// What the SIP tests share: the RTP side of the gateway on loopback (SipMedia with test-sized queues on a
// random port range, so test files running side by side do not collide), quick SIP timers, and the µ-law
// tone sipp streams as the caller's voice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InProcBus } from '../../lib/bus/inproc.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Registry } from '../../lib/metrics.ts';
import { createMediaMetrics } from '../../media/metrics.ts';
import type { SharedTicker } from '../../media/session/ticker.ts';
import { SipMedia, PortPool, createRtpMetrics, type RtpClock } from '../../media/rtp/index.ts';
import { ulawEncode } from '../../media/codecs/index.ts';

/** RFC 3261 timers shortened so retransmission tests run in well under a second. */
export const TEST_SIP_TIMERS = { t1: 100, t2: 800, t4: 500 };

/** 100 ports somewhere in [from, from + 4000), even-aligned. */
export const randomPortPool = (from: number): PortPool => {
  const base = from + 2 * Math.floor(Math.random() * 2000);
  return new PortPool(base, base + 100);
};

export function loopbackSipMedia(o: {
  bus: InProcBus;
  registry: Registry;
  log: Logger;
  ticker: SharedTicker;
  clock: RtpClock;
  pool: PortPool;
  dispatchTimeoutMs?: number;
  queueMaxMs?: number;
  inactivityTimeoutMs?: number;
}): SipMedia {
  return new SipMedia({
    bindHost: '127.0.0.1',
    publicAddress: '127.0.0.1',
    pool: o.pool,
    clock: o.clock,
    rtpMetrics: createRtpMetrics(o.registry),
    inactivityTimeoutMs: o.inactivityTimeoutMs ?? 10_000,
    sessionDeps: { bus: o.bus, metrics: createMediaMetrics(o.registry, 'sip'), ticker: o.ticker },
    internalRate: 16000,
    leadMs: 100,
    queueMaxMs: o.queueMaxMs ?? 5000,
    dispatchTimeoutMs: o.dispatchTimeoutMs ?? 1000,
    log: o.log,
  });
}

/** One second of a 440 Hz tone as raw µ-law, written to dir/name (sipp's rtp_stream plays it). */
export function writeToneUlaw(dir: string, name = 'tone.ulaw'): string {
  const ulaw = Buffer.alloc(8000);
  ulawEncode(new Int16Array(8000).map((_, i) => Math.round(Math.sin((2 * Math.PI * 440 * i) / 8000) * 8000)), ulaw);
  const path = join(dir, name);
  writeFileSync(path, ulaw);
  return path;
}
