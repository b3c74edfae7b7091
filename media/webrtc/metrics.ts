// WebRTC metrics, created once per registry. Per-packet counters are hot counters (a plain add); the
// rest count per call or per event. The jitter buffer's counts are handed over by each call as deltas
// every few ticks, its jitter and delay sampled per call every few seconds.
import { Counter, Gauge, Histogram, hotCounter, type HotCount, type Registry } from '../../lib/metrics.ts';

/** late: after its playout time (or its place already concealed); overflow: frames skipped to bound the delay. */
export const WEBRTC_DROP_REASONS = ['wrong_pt', 'late', 'duplicate', 'decode_error', 'overflow', 'queue_full', 'muted'] as const;
export type WebRtcDropReason = (typeof WEBRTC_DROP_REASONS)[number];
/** How a peer connection ended up: connected, or why it never did. */
export const WEBRTC_OUTCOMES = ['connected', 'ice_timeout', 'failed', 'closed_before_connect', 'bad_offer'] as const;
export type WebRtcOutcome = (typeof WEBRTC_OUTCOMES)[number];
/** How a missing 20 ms frame was made up: Opus's own concealment, or the last frame faded (fallback). */
export const WEBRTC_CONCEAL_METHODS = ['opus_plc', 'fade'] as const;
export type WebRtcConcealMethod = (typeof WEBRTC_CONCEAL_METHODS)[number];

export interface WebRtcMetrics {
  peers: { inc(): void; dec(): void };
  connectSeconds: { observe(s: number): void };
  outcome(o: WebRtcOutcome): void;
  packetsIn: HotCount;
  packetsOut: HotCount;
  dropped(reason: WebRtcDropReason, n?: number): void;
  lost(n: number): void;
  concealed(method: WebRtcConcealMethod, n: number): void;
  /** Interarrival jitter of a call's received audio (seconds), sampled per call. */
  jitter: { observe(v: number): void };
  /** Audio held in a call's jitter buffer ahead of playout (seconds), sampled per call. */
  playoutDelay: { observe(v: number): void };
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
  const lost = hotCounter({ name: 'uap_webrtc_lost_total', help: 'RTP packets from browsers never received (RFC 3550 expected minus received, a duplicate not hiding a loss)', registers: [registry] });
  const concealed = hotCounter({ name: 'uap_webrtc_concealed_frames_total', help: 'Received 20 ms frames the jitter buffer made up for lost or late audio, by method (opus_plc, fade)', labelNames: ['method'], registers: [registry] });
  const jitter = new Histogram({ name: 'uap_webrtc_jitter_seconds', help: 'Interarrival jitter of audio from browsers (RFC 3550), sampled per call every 5 s', buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16], registers: [registry] });
  const delay = new Histogram({ name: 'uap_webrtc_playout_delay_seconds', help: 'Audio held in the jitter buffer ahead of playout, sampled per call every 5 s', buckets: [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.16, 0.24], registers: [registry] });
  const dtmf = new Counter({ name: 'uap_webrtc_dtmf_total', help: 'RFC 4733 DTMF events received from browsers (each key press once)', registers: [registry] });
  const timeouts = new Counter({ name: 'uap_webrtc_media_timeouts_total', help: 'Connected calls ended because no RTP arrived, or the connection stayed lost, for too long', registers: [registry] });
  const outcomeChildren = new Map(WEBRTC_OUTCOMES.map((o) => [o, outcomes.labels(o)]));
  const drops = new Map(WEBRTC_DROP_REASONS.map((r) => [r, dropped.child({ reason: r })]));
  const lostChild = lost.child();
  const conceals = new Map(WEBRTC_CONCEAL_METHODS.map((c) => [c, concealed.child({ method: c })]));
  const m: WebRtcMetrics = {
    peers,
    connectSeconds: connect,
    outcome: (o) => outcomeChildren.get(o)!.inc(),
    packetsIn: packets.child({ direction: 'in' }),
    packetsOut: packets.child({ direction: 'out' }),
    dropped: (r, n = 1) => drops.get(r)!.inc(n),
    lost: (n) => lostChild.inc(n),
    concealed: (c, n) => conceals.get(c)!.inc(n),
    jitter,
    playoutDelay: delay,
    dtmfIn: dtmf,
    mediaTimeouts: timeouts,
  };
  cache.set(registry, m);
  return m;
}
