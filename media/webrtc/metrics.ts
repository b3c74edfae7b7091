// WebRTC metrics, created once per registry. Per-packet counters are hot counters (a plain add); the
// rest count per call or per event.
import { Counter, Gauge, Histogram, hotCounter, type HotCount, type Registry } from '../../lib/metrics.ts';

export const WEBRTC_DROP_REASONS = ['wrong_pt', 'late', 'duplicate', 'decode_error', 'queue_full', 'muted'] as const;
export type WebRtcDropReason = (typeof WEBRTC_DROP_REASONS)[number];
/** How a peer connection ended up: connected, or why it never did. */
export const WEBRTC_OUTCOMES = ['connected', 'ice_timeout', 'failed', 'closed_before_connect', 'bad_offer'] as const;
export type WebRtcOutcome = (typeof WEBRTC_OUTCOMES)[number];

export interface WebRtcMetrics {
  peers: { inc(): void; dec(): void };
  connectSeconds: { observe(s: number): void };
  outcome(o: WebRtcOutcome): void;
  packetsIn: HotCount;
  packetsOut: HotCount;
  dropped(reason: WebRtcDropReason): void;
  lost(n: number): void;
  dtmfIn: { inc(): void };
  mediaTimeouts: { inc(): void };
}

const cache = new WeakMap<Registry, WebRtcMetrics>();

export function createWebRtcMetrics(registry: Registry): WebRtcMetrics {
  const known = cache.get(registry);
  if (known) return known;
  const peers = new Gauge({ name: 'uap_webrtc_peers', help: 'Open WebRTC peer connections (connecting or connected)', registers: [registry] });
  const connect = new Histogram({ name: 'uap_webrtc_connect_seconds', help: 'From the offer to ICE + DTLS connected', buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30], registers: [registry] });
  const outcomes = new Counter({ name: 'uap_webrtc_peer_outcomes_total', help: 'Peer connections by outcome: connected, or why not (ice_timeout, failed, closed_before_connect, bad_offer)', labelNames: ['outcome'], registers: [registry] });
  const packets = hotCounter({ name: 'uap_webrtc_packets_total', help: 'RTP packets received from (in) and sent to (out) browsers', labelNames: ['direction'], registers: [registry] });
  const dropped = hotCounter({ name: 'uap_webrtc_dropped_total', help: 'WebRTC RTP packets dropped, by reason', labelNames: ['reason'], registers: [registry] });
  const lost = hotCounter({ name: 'uap_webrtc_lost_total', help: 'RTP packets from browsers never received (gaps skipped by the reorder buffer)', registers: [registry] });
  const dtmf = new Counter({ name: 'uap_webrtc_dtmf_total', help: 'RFC 4733 DTMF events received from browsers (each key press once)', registers: [registry] });
  const timeouts = new Counter({ name: 'uap_webrtc_media_timeouts_total', help: 'Connected calls ended because no RTP arrived, or the connection stayed lost, for too long', registers: [registry] });
  const outcomeChildren = new Map(WEBRTC_OUTCOMES.map((o) => [o, outcomes.labels(o)]));
  const drops = new Map(WEBRTC_DROP_REASONS.map((r) => [r, dropped.child({ reason: r })]));
  const lostChild = lost.child();
  const m: WebRtcMetrics = {
    peers,
    connectSeconds: connect,
    outcome: (o) => outcomeChildren.get(o)!.inc(),
    packetsIn: packets.child({ direction: 'in' }),
    packetsOut: packets.child({ direction: 'out' }),
    dropped: (r) => drops.get(r)!.inc(),
    lost: (n) => lostChild.inc(n),
    dtmfIn: dtmf,
    mediaTimeouts: timeouts,
  };
  cache.set(registry, m);
  return m;
}
