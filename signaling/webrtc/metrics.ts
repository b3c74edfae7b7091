// Softphone signalling metrics, created once per registry. Error codes come from a fixed set, so hostile
// input cannot blow up label cardinality.
import { Counter, Gauge, type Registry } from '../../lib/metrics.ts';
import { SIGNALING_ERROR_CODES, type SignalingErrorCode } from './messages.ts';

export interface WebRtcSignalingMetrics {
  error(code: SignalingErrorCode): void;
  connections(n: number): void;
  calls(n: number): void;
  resumed(): void;
}

const cache = new WeakMap<Registry, WebRtcSignalingMetrics>();

export function createWebRtcSignalingMetrics(registry: Registry): WebRtcSignalingMetrics {
  const known = cache.get(registry);
  if (known) return known;
  const errors = new Counter({ name: 'uap_webrtc_signaling_errors_total', help: 'Softphone signalling messages or sockets refused, by code', labelNames: ['code'], registers: [registry] });
  const conns = new Gauge({ name: 'uap_webrtc_signaling_connections', help: 'Open softphone signalling WebSockets', registers: [registry] });
  const calls = new Gauge({ name: 'uap_webrtc_signaling_calls', help: 'Softphone calls known to signalling (including ones waiting for a reconnect)', registers: [registry] });
  const resumes = new Counter({ name: 'uap_webrtc_signaling_resumes_total', help: 'Softphone calls whose signalling reconnected within the grace period', registers: [registry] });
  const byCode = new Map(SIGNALING_ERROR_CODES.map((c) => [c, errors.labels(c)]));
  const m: WebRtcSignalingMetrics = {
    error: (code) => byCode.get(code)?.inc(),
    connections: (n) => conns.set(n),
    calls: (n) => calls.set(n),
    resumed: () => resumes.inc(),
  };
  cache.set(registry, m);
  return m;
}
