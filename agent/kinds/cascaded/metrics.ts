// Metrics of the cascaded pipeline: per-turn latency by stage, barge-in reaction, interruptions,
// provider errors and retries, VAD work. Registered once per process (the kind is created once).
import { Counter, Histogram, type Registry } from '../../../lib/metrics.ts';

export type LatencyStage = 'endpointing' | 'stt' | 'llm_first_token' | 'tts_first_byte' | 'first_audio';

export interface CascadedMetrics {
  latency(stage: LatencyStage, ms: number): void;
  bargeInReaction(ms: number): void;
  bargeIn(kind: 'speech' | 'dtmf'): void;
  falseInterruption(): void;
  providerError(provider: string, stage: string, code: string): void;
  retry(provider: string, stage: string): void;
  vadWindows(inferred: number, gated: number): void;
  /** A provider message that failed the boundary checks (dropped). */
  badMessage(provider: string, reason: string): void;
}

export function cascadedMetrics(registry: Registry): CascadedMetrics {
  const latency = new Histogram({
    name: 'uap_cascaded_turn_latency_seconds',
    help: 'Cascaded agent turn latency by stage: endpointing (silence waited), stt (endpoint → final text), llm_first_token, tts_first_byte, first_audio (endpoint → first agent frame out)',
    labelNames: ['stage'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2.5, 5],
    registers: [registry],
  });
  const reaction = new Histogram({ name: 'uap_cascaded_barge_in_reaction_seconds', help: 'Caller speech confirmed (frame in) → clear sent', buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1], registers: [registry] });
  const bargeIns = new Counter({ name: 'uap_cascaded_barge_ins_total', help: 'Agent speech cut short by the caller, by cause', labelNames: ['cause'], registers: [registry] });
  const falseInt = new Counter({ name: 'uap_cascaded_false_interruptions_total', help: 'Barge-ins with no words (noise): the agent went on', registers: [registry] });
  const errors = new Counter({ name: 'uap_cascaded_provider_errors_total', help: 'Provider calls that failed for good, by provider, stage and code', labelNames: ['provider', 'stage', 'code'], registers: [registry] });
  const retries = new Counter({ name: 'uap_cascaded_provider_retries_total', help: 'Provider calls retried', labelNames: ['provider', 'stage'], registers: [registry] });
  const vad = new Counter({ name: 'uap_cascaded_vad_windows_total', help: 'VAD windows, by whether the model ran or the energy gate skipped it', labelNames: ['result'], registers: [registry] });
  const bad = new Counter({ name: 'uap_cascaded_provider_bad_messages_total', help: 'Provider messages dropped at the boundary, by provider and reason', labelNames: ['provider', 'reason'], registers: [registry] });
  const stages = Object.fromEntries((['endpointing', 'stt', 'llm_first_token', 'tts_first_byte', 'first_audio'] as const).map((s) => [s, latency.labels(s)])) as Record<LatencyStage, ReturnType<typeof latency.labels>>;
  return {
    latency: (stage, ms) => stages[stage].observe(ms / 1000),
    bargeInReaction: (ms) => reaction.observe(ms / 1000),
    bargeIn: (cause) => bargeIns.labels(cause).inc(),
    falseInterruption: () => falseInt.inc(),
    providerError: (provider, stage, code) => errors.labels(provider, stage, code).inc(),
    retry: (provider, stage) => retries.labels(provider, stage).inc(),
    vadWindows: (inferred, gated) => {
      if (inferred) vad.labels('inferred').inc(inferred);
      if (gated) vad.labels('gated').inc(gated);
    },
    badMessage: (provider, reason) => bad.labels(provider, reason).inc(),
  };
}

/** For tests and the bench harness: metrics that go nowhere. */
export const noMetrics: CascadedMetrics = {
  latency: () => {},
  bargeInReaction: () => {},
  bargeIn: () => {},
  falseInterruption: () => {},
  providerError: () => {},
  retry: () => {},
  vadWindows: () => {},
  badMessage: () => {},
};
