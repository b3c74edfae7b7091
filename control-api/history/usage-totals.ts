// A call's provider usage totals, as kept in calls.metadata.usage: one entry per service, provider and
// model, summed from the Usage call events (each a delta, stored once: the event writer is idempotent).
// Event contents are checked here, since they come off the bus.
import type { uap } from '../../proto/index.ts';

export const USAGE_COUNTS = ['requests', 'inputTokens', 'outputTokens', 'cachedInputTokens', 'inputAudioTokens', 'outputAudioTokens', 'audioInMs', 'audioOutMs', 'characters', 'durationMs'] as const;

export type UsageCount = (typeof USAGE_COUNTS)[number];
export type UsageTotal = { service: string; provider: string; model: string } & Record<UsageCount, number>;

/** Entries per call: a call uses a handful of providers; anything beyond this is not usage. */
const MAX_ENTRIES = 32;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$/;

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);
const name = (v: unknown, fallback: string): string => (typeof v === 'string' && NAME.test(v) ? v : fallback);

function blank(service: string, provider: string, model: string): UsageTotal {
  const t = { service, provider, model } as UsageTotal;
  for (const c of USAGE_COUNTS) t[c] = 0;
  return t;
}

/** `current` (the stored totals, possibly absent or malformed) plus the items of one Usage event. */
export function addUsage(current: unknown, items: readonly uap.IProviderUsage[]): UsageTotal[] {
  const totals: UsageTotal[] = [];
  const find = (service: string, provider: string, model: string): UsageTotal | undefined => {
    let t = totals.find((x) => x.service === service && x.provider === provider && x.model === model);
    if (!t && totals.length < MAX_ENTRIES) totals.push((t = blank(service, provider, model)));
    return t;
  };
  const add = (src: Record<string, unknown>) => {
    const t = find(name(src.service, 'unknown'), name(src.provider, 'unknown'), name(src.model, ''));
    if (t) for (const c of USAGE_COUNTS) t[c] += count(src[c]);
  };
  if (Array.isArray(current)) for (const e of current) if (e && typeof e === 'object') add(e as Record<string, unknown>);
  for (const item of items) add(item as Record<string, unknown>);
  return totals;
}
