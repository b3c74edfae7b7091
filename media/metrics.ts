// Media-role metrics. Per-frame counters are label children resolved once, so the hot path does a
// plain increment.
import { Counter, Gauge, Histogram, hotCounter, type Registry } from '../lib/metrics.ts';

export type MediaMetrics = ReturnType<typeof createMediaMetrics>;

// Metric families are registered once per registry; each transport (twilio, sip) gets its label children.
const families = new WeakMap<Registry, ReturnType<typeof createFamilies>>();

function createFamilies(registry: Registry) {
  const activeCalls = new Gauge({ name: 'uap_media_active_calls', help: 'Calls with a live media session', labelNames: ['transport'], registers: [registry] });
  const calls = new Counter({ name: 'uap_media_calls_total', help: 'Media sessions ended, by end reason', labelNames: ['transport', 'reason'], registers: [registry] });
  const framesIn = hotCounter({ name: 'uap_media_frames_in_total', help: 'Caller audio frames received and published to the bus', labelNames: ['transport'], registers: [registry] });
  const framesOut = hotCounter({ name: 'uap_media_frames_out_total', help: 'Agent audio frames (20 ms) sent to the caller', labelNames: ['transport'], registers: [registry] });
  const framesDropped = new Counter({ name: 'uap_media_frames_dropped_total', help: 'Audio frames dropped', labelNames: ['transport', 'reason'], registers: [registry] });
  const framesLate = new Counter({ name: 'uap_media_frames_late_total', help: 'Agent frames that arrived out of order (older than one already queued) and were dropped', labelNames: ['transport'], registers: [registry] });
  const relayLatency = new Histogram({
    name: 'uap_media_relay_latency_seconds',
    help: 'Time from caller audio entering the platform to the agent audio derived from it leaving for the caller (sampled: 1 frame in 4)',
    labelNames: ['transport'],
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const socketErrors = new Counter({ name: 'uap_media_socket_errors_total', help: 'Media socket errors and protocol violations, by code', labelNames: ['transport', 'code'], registers: [registry] });
  const dispatchSeconds = new Histogram({ name: 'uap_media_dispatch_seconds', help: 'Time to get an agent worker for a call', buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 3], registers: [registry] });
  const lateTicks = new Counter({ name: 'uap_media_pacer_late_ticks_total', help: 'Pacer ticks that ran more than 20 ms late (event loop stalls)', registers: [registry] });
  const redispatches = new Counter({ name: 'uap_media_redispatch_total', help: 'Calls handed to another agent worker mid-call, by why', labelNames: ['reason'], registers: [registry] });
  const eventsPending = new Gauge({ name: 'uap_media_events_pending', help: 'Call events published but not yet acknowledged by the event stream', registers: [registry] });

  return { activeCalls, calls, framesIn, framesOut, framesDropped, framesLate, relayLatency, socketErrors, dispatchSeconds, lateTicks, eventsPending, redispatches };
}

export function createMediaMetrics(registry: Registry, transport = 'twilio') {
  let f = families.get(registry);
  if (!f) families.set(registry, (f = createFamilies(registry)));
  const { activeCalls, calls, framesIn, framesOut, framesDropped, framesLate, relayLatency, socketErrors, dispatchSeconds, lateTicks, eventsPending, redispatches } = f;
  return {
    activeCalls: activeCalls.labels(transport),
    callsEnded: (reason: string) => calls.labels(transport, reason).inc(),
    framesIn: framesIn.child({ transport }),
    framesOut: framesOut.child({ transport }),
    droppedQueueFull: framesDropped.labels(transport, 'queue_full'),
    droppedBackpressure: framesDropped.labels(transport, 'backpressure'),
    droppedBadFrame: framesDropped.labels(transport, 'bad_frame'),
    droppedBusDown: framesDropped.labels(transport, 'bus_down'),
    framesLate: framesLate.labels(transport),
    relayLatency: relayLatency.labels(transport),
    socketError: (code: string) => socketErrors.labels(transport, code).inc(),
    dispatchSeconds,
    lateTicks,
    eventsPending,
    redispatched: (reason: string) => redispatches.labels(reason).inc(),
  };
}
