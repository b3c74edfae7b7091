// Provider usage on /metrics, per service and provider (models stay out of the labels: they come from
// tenants' agent configs and would make the label set unbounded). The call events carry the model.
import { Counter, type Registry } from '../../lib/metrics.ts';
import type { UsageDelta, UsageService } from './call-usage.ts';

export type UsageMetrics = (service: UsageService, provider: string, d: UsageDelta) => void;

const PROVIDER = /^[a-z0-9][a-z0-9_.-]{0,31}$/;

export function usageMetrics(registry: Registry): UsageMetrics {
  const labelNames = ['service', 'provider'];
  const requests = new Counter({ name: 'uap_agent_usage_requests_total', help: 'Provider requests, streams or responses made by agents', labelNames, registers: [registry] });
  const tokens = new Counter({ name: 'uap_agent_usage_tokens_total', help: 'Tokens as providers count them, by type (input includes cached; cached and audio are shares of input/output)', labelNames: [...labelNames, 'type'], registers: [registry] });
  const audio = new Counter({ name: 'uap_agent_usage_audio_seconds_total', help: 'Audio sent to (in) or received from (out) providers', labelNames: [...labelNames, 'direction'], registers: [registry] });
  const chars = new Counter({ name: 'uap_agent_usage_characters_total', help: 'Text sent to speech synthesis', labelNames, registers: [registry] });
  const session = new Counter({ name: 'uap_agent_usage_session_seconds_total', help: 'Provider session time billed by the minute (Ultravox)', labelNames, registers: [registry] });
  const add = (c: Counter, labels: string[], v: number | undefined) => {
    if (typeof v === 'number' && v > 0 && Number.isFinite(v)) c.labels(...labels).inc(v);
  };
  return (service, provider, d) => {
    const p = PROVIDER.test(provider) ? provider : 'other';
    add(requests, [service, p], d.requests);
    add(tokens, [service, p, 'input'], d.inputTokens);
    add(tokens, [service, p, 'output'], d.outputTokens);
    add(tokens, [service, p, 'cached_input'], d.cachedInputTokens);
    add(tokens, [service, p, 'input_audio'], d.inputAudioTokens);
    add(tokens, [service, p, 'output_audio'], d.outputAudioTokens);
    add(audio, [service, p, 'in'], d.audioInMs && d.audioInMs / 1000);
    add(audio, [service, p, 'out'], d.audioOutMs && d.audioOutMs / 1000);
    add(chars, [service, p], d.characters);
    add(session, [service, p], d.durationMs && d.durationMs / 1000);
  };
}
