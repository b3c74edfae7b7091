// RTP metrics, created once per registry (several gateways or tests may share one). Per-packet counters
// are hot counters: a plain add on the packet path.
import { Counter, Gauge, hotCounter, type HotCount, type Registry } from '../../lib/metrics.ts';

export const RTP_DROP_REASONS = ['malformed', 'rtcp', 'wrong_source', 'wrong_pt', 'late', 'duplicate', 'queue_full'] as const;
export type RtpDropReason = (typeof RTP_DROP_REASONS)[number];

export interface RtpMetrics {
  packetsIn: HotCount;
  packetsOut: HotCount;
  dropped(reason: RtpDropReason): void;
  lost(n: number): void;
  timeouts: { inc(): void };
  dtmfIn: { inc(): void };
  portsInUse: { set(n: number): void };
}

const cache = new WeakMap<Registry, RtpMetrics>();

export function createRtpMetrics(registry: Registry): RtpMetrics {
  const known = cache.get(registry);
  if (known) return known;
  const packets = hotCounter({ name: 'uap_rtp_packets_total', help: 'RTP packets received (in) and sent (out)', labelNames: ['direction'], registers: [registry] });
  const dropped = hotCounter({ name: 'uap_rtp_dropped_total', help: 'Received RTP packets dropped, by reason (outbound: queue_full)', labelNames: ['reason'], registers: [registry] });
  const lost = hotCounter({ name: 'uap_rtp_lost_total', help: 'RTP packets never received (sequence gaps skipped by the reorder buffer)', registers: [registry] });
  const timeouts = new Counter({ name: 'uap_rtp_timeouts_total', help: 'Calls hung up because no RTP arrived for the inactivity timeout', registers: [registry] });
  const dtmf = new Counter({ name: 'uap_rtp_dtmf_total', help: 'RFC 4733 DTMF events received (each key press once)', registers: [registry] });
  const ports = new Gauge({ name: 'uap_rtp_ports_in_use', help: 'RTP ports held by calls', registers: [registry] });
  const drops = new Map(RTP_DROP_REASONS.map((r) => [r, dropped.child({ reason: r })]));
  const lostChild = lost.child();
  const m: RtpMetrics = {
    packetsIn: packets.child({ direction: 'in' }),
    packetsOut: packets.child({ direction: 'out' }),
    dropped: (reason) => drops.get(reason)!.inc(),
    lost: (n) => lostChild.inc(n),
    timeouts,
    dtmfIn: dtmf,
    portsInUse: ports,
  };
  cache.set(registry, m);
  return m;
}
