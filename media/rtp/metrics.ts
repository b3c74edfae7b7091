// RTP metrics, created once per registry (several gateways or tests may share one). Per-packet counters
// are hot counters: a plain add on the packet path.
import { Counter, Gauge, Histogram, hotCounter, type HotCount, type Registry } from '../../lib/metrics.ts';

/** late: after its playout time; duplicate; overflow: skipped to bound the jitter buffer's delay. */
export const RTP_DROP_REASONS = ['malformed', 'rtcp', 'wrong_source', 'wrong_pt', 'late', 'duplicate', 'overflow', 'queue_full'] as const;
export type RtpDropReason = (typeof RTP_DROP_REASONS)[number];

export interface RtpMetrics {
  packetsIn: HotCount;
  packetsOut: HotCount;
  dropped(reason: RtpDropReason): void;
  lost(n: number): void;
  timeouts: { inc(): void };
  dtmfIn: { inc(): void };
  dtmfOut: { inc(): void };
  portsInUse: { set(n: number): void };
  /** Frames the jitter buffer made up for lost ones. */
  concealed: HotCount;
  /** Interarrival jitter of received streams (seconds), once per report interval per call. */
  jitter: { observe(v: number): void };
  rtcpIn: { inc(): void };
  rtcpOut: { inc(): void };
  /** How late the shared 20 ms clock fired (seconds), once per tick. */
  clockLateness: { observe(v: number): void };
  /** |interval between consecutive ticks − 20 ms| (seconds): the jitter our sending adds. */
  clockJitter: { observe(v: number): void };
  /** A call's media started with `codec`, or a re-INVITE moved it to `codec`. */
  codecUsed(codec: string): void;
}

const cache = new WeakMap<Registry, RtpMetrics>();

export function createRtpMetrics(registry: Registry): RtpMetrics {
  const known = cache.get(registry);
  if (known) return known;
  const packets = hotCounter({ name: 'uap_rtp_packets_total', help: 'RTP packets received (in) and sent (out)', labelNames: ['direction'], registers: [registry] });
  const dropped = hotCounter({ name: 'uap_rtp_dropped_total', help: 'Received RTP packets dropped, by reason (outbound: queue_full)', labelNames: ['reason'], registers: [registry] });
  const lost = hotCounter({ name: 'uap_rtp_lost_total', help: 'RTP packets never received (RFC 3550: expected minus received), counted at each report interval', registers: [registry] });
  const timeouts = new Counter({ name: 'uap_rtp_timeouts_total', help: 'Calls hung up because no RTP arrived for the inactivity timeout', registers: [registry] });
  const dtmf = new Counter({ name: 'uap_rtp_dtmf_total', help: 'RFC 4733 DTMF events received (each key press once)', registers: [registry] });
  const ports = new Gauge({ name: 'uap_rtp_ports_in_use', help: 'RTP ports held by calls', registers: [registry] });
  const dtmfOut = new Counter({ name: 'uap_rtp_dtmf_sent_total', help: 'RFC 4733 DTMF events sent (each key press once)', registers: [registry] });
  const concealed = hotCounter({ name: 'uap_rtp_concealed_frames_total', help: 'Received 20 ms frames the jitter buffer concealed (lost or late audio)', registers: [registry] });
  const jitter = new Histogram({ name: 'uap_rtp_jitter_seconds', help: 'Interarrival jitter of received RTP streams (RFC 3550), sampled per call every report interval', buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16], registers: [registry] });
  const lateness = new Histogram({ name: 'uap_rtp_clock_lateness_seconds', help: 'How late the shared 20 ms RTP clock fired after its grid point (the floor of outbound RTP jitter)', buckets: [0.0005, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.01, 0.02, 0.05], registers: [registry] });
  const clockJitter = new Histogram({ name: 'uap_rtp_clock_jitter_seconds', help: 'How far apart consecutive ticks of the 20 ms RTP clock were from 20 ms: the jitter our outbound RTP pacing adds', buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.01, 0.02], registers: [registry] });
  const rtcp = new Counter({ name: 'uap_rtcp_packets_total', help: 'RTCP compound packets received (in) and sent (out)', labelNames: ['direction'], registers: [registry] });
  const codecs = new Counter({ name: 'uap_rtp_codec_total', help: 'SIP calls whose media started with each codec (PCMU, PCMA, G722), plus mid-call changes to it', labelNames: ['codec'], registers: [registry] });
  const drops = new Map(RTP_DROP_REASONS.map((r) => [r, dropped.child({ reason: r })]));
  const lostChild = lost.child();
  const m: RtpMetrics = {
    packetsIn: packets.child({ direction: 'in' }),
    packetsOut: packets.child({ direction: 'out' }),
    dropped: (reason) => drops.get(reason)!.inc(),
    lost: (n) => lostChild.inc(n),
    timeouts,
    dtmfIn: dtmf,
    dtmfOut,
    portsInUse: ports,
    concealed: concealed.child(),
    jitter,
    rtcpIn: rtcp.labels('in'),
    rtcpOut: rtcp.labels('out'),
    clockLateness: lateness,
    clockJitter,
    codecUsed: (codec) => codecs.labels(codec).inc(),
  };
  cache.set(registry, m);
  return m;
}
