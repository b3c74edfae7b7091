// Providers' usage objects, checked at the boundary and turned into UsageDelta. Field names are the
// APIs' own (see the SDK types): OpenAI chat `usage.prompt_tokens/completion_tokens` (+ details), OpenAI
// transcription `usage {type: "tokens" | "duration"}`, OpenAI Realtime `response.usage`, Anthropic
// `message_start.message.usage` then cumulative `message_delta.usage`, Gemini `usageMetadata`. A field
// that is missing or not a number counts as 0; an object that is not usage at all gives undefined.
import type { UsageDelta } from './call-usage.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
const sub = (o: Obj, key: string): Obj => (isObj(o[key]) ? (o[key] as Obj) : {});

/** Chat Completions `usage` (the last chunk of a stream with stream_options.include_usage). */
export function openaiChatUsage(u: unknown): UsageDelta | undefined {
  if (!isObj(u) || typeof u.prompt_tokens !== 'number' || typeof u.completion_tokens !== 'number') return undefined;
  const pd = sub(u, 'prompt_tokens_details');
  const cd = sub(u, 'completion_tokens_details');
  return { inputTokens: num(u.prompt_tokens), outputTokens: num(u.completion_tokens), cachedInputTokens: num(pd.cached_tokens), inputAudioTokens: num(pd.audio_tokens), outputAudioTokens: num(cd.audio_tokens) };
}

/** Transcription `usage`: tokens (gpt-4o-*-transcribe) or duration (whisper-1; the seconds billed). */
export function openaiTranscriptionUsage(u: unknown): UsageDelta | undefined {
  if (!isObj(u)) return undefined;
  if (u.type === 'tokens') return { inputTokens: num(u.input_tokens), outputTokens: num(u.output_tokens), inputAudioTokens: num(sub(u, 'input_token_details').audio_tokens) };
  if (u.type === 'duration') return { audioInMs: num(u.seconds) * 1000 };
  return undefined;
}

/** Realtime `response.done.response.usage` (input includes cached; audio/text split in the details). */
export function openaiRealtimeUsage(u: unknown): UsageDelta | undefined {
  if (!isObj(u) || (typeof u.input_tokens !== 'number' && typeof u.output_tokens !== 'number')) return undefined;
  const id = sub(u, 'input_token_details');
  const od = sub(u, 'output_token_details');
  return { inputTokens: num(u.input_tokens), outputTokens: num(u.output_tokens), cachedInputTokens: num(id.cached_tokens), inputAudioTokens: num(id.audio_tokens), outputAudioTokens: num(od.audio_tokens) };
}

/**
 * Anthropic usage, from `message_start.message.usage` and then each `message_delta.usage` (cumulative:
 * a later one replaces what it states). Input is uncached + cache writes + cache reads.
 */
export class AnthropicUsage {
  private input = 0;
  private cacheWrite = 0;
  private cacheRead = 0;
  private output = 0;

  update(u: unknown): void {
    if (!isObj(u)) return;
    if (typeof u.input_tokens === 'number') this.input = num(u.input_tokens);
    if (typeof u.cache_creation_input_tokens === 'number') this.cacheWrite = num(u.cache_creation_input_tokens);
    if (typeof u.cache_read_input_tokens === 'number') this.cacheRead = num(u.cache_read_input_tokens);
    if (typeof u.output_tokens === 'number') this.output = num(u.output_tokens);
  }

  get delta(): UsageDelta {
    return { inputTokens: this.input + this.cacheWrite + this.cacheRead, outputTokens: this.output, cachedInputTokens: this.cacheRead };
  }
}

/** Gemini `usageMetadata` (cumulative per stream: the last one counts). Thinking tokens are billed as output. */
export function geminiUsage(u: unknown): UsageDelta | undefined {
  if (!isObj(u) || typeof u.promptTokenCount !== 'number') return undefined;
  return {
    inputTokens: num(u.promptTokenCount) + num(u.toolUsePromptTokenCount),
    outputTokens: num(u.candidatesTokenCount) + num(u.thoughtsTokenCount),
    cachedInputTokens: num(u.cachedContentTokenCount),
  };
}
