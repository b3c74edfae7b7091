// What one call used of its providers, summed per service, provider and model until the worker
// publishes it as a Usage call event (deltas: the history adds them up). Kinds report usage as the
// provider's API states it, at the end of a request, stream or response — never per audio frame.
import type { uap } from '../../proto/index.ts';

/** What the usage was for. `summary` is the end-of-call summary (an LLM request of its own). */
export type UsageService = 'llm' | 'stt' | 'tts' | 'realtime' | 'call' | 'summary';

/** One report; absent fields are 0. Tokens are as the provider counts them; times in ms (fractions allowed). */
export interface UsageDelta {
  requests?: number;
  /** All input tokens, cached ones included. */
  inputTokens?: number;
  outputTokens?: number;
  cachedInputTokens?: number;
  inputAudioTokens?: number;
  outputAudioTokens?: number;
  audioInMs?: number;
  audioOutMs?: number;
  characters?: number;
  durationMs?: number;
}

/** Where a call's usage goes (the worker gives each call one: AgentCallContext.usage). */
export type UsageSink = (service: UsageService, provider: string, model: string, d: UsageDelta) => void;

/** Reports one provider's usage (bound to a service, provider and model by whoever made it). */
export type UsageReporter = (d: UsageDelta) => void;

export function usageReporter(sink: UsageSink | undefined, service: UsageService, provider: string, model: string): UsageReporter | undefined {
  return sink && ((d) => sink(service, provider, model, d));
}

/** The counted fields, in the order of uap.ProviderUsage. */
export const USAGE_FIELDS = ['requests', 'inputTokens', 'outputTokens', 'cachedInputTokens', 'inputAudioTokens', 'outputAudioTokens', 'audioInMs', 'audioOutMs', 'characters', 'durationMs'] as const;

type Totals = Record<(typeof USAGE_FIELDS)[number], number>;
interface Entry extends Totals {
  service: string;
  provider: string;
  model: string;
}

const UINT32_MAX = 0xffffffff;
const clean = (v: number | undefined): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

export class CallUsage {
  private readonly pending = new Map<string, Entry>();

  add(service: UsageService, provider: string, model: string, d: UsageDelta): void {
    const key = `${service}\u0000${provider}\u0000${model}`;
    let e = this.pending.get(key);
    if (!e) {
      e = { service, provider, model, requests: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, inputAudioTokens: 0, outputAudioTokens: 0, audioInMs: 0, audioOutMs: 0, characters: 0, durationMs: 0 };
      this.pending.set(key, e);
    }
    for (const f of USAGE_FIELDS) e[f] += clean(d[f]);
  }

  get empty(): boolean {
    return this.pending.size === 0;
  }

  /** The usage since the last take, as Usage event items (whole numbers; all-zero entries dropped). */
  take(): uap.IProviderUsage[] {
    const items: uap.IProviderUsage[] = [];
    for (const e of this.pending.values()) {
      const item: uap.IProviderUsage = { service: e.service, provider: e.provider, model: e.model };
      let any = false;
      for (const f of USAGE_FIELDS) {
        const v = Math.min(UINT32_MAX, Math.round(e[f]));
        if (v > 0) {
          item[f] = v;
          any = true;
        }
      }
      if (any) items.push(item);
    }
    this.pending.clear();
    return items;
  }
}
