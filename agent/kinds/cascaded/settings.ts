// The cascaded agent's configuration, from the call's agent config (free-form JSON), checked once at
// call start: a bad value refuses the call with one message naming the field, instead of failing
// mid-call. Shape (every field optional):
//   { "prompt": "...", "greeting": "...", "apology": "...",
//     "llm": { "provider": "openai" | "anthropic" | "gemini", "model": "...", "temperature": 0.7, "maxTokens": 400 },
//     "stt": { "provider": "openai" | "deepgram", "model": "...", "language": "en" },
//     "tts": { "provider": "openai", "model": "...", "voice": "alloy", "instructions": "..." }
//          | { "provider": "elevenlabs", "model": "eleven_flash_v2_5", "voice": "<voice id>",
//              "voiceSettings": { "stability": 0.5, "similarityBoost": 0.75, "style": 0, "useSpeakerBoost": true, "speed": 1 } },
//     "endpointing": { "silenceMs": 500, "minSpeechMs": 200, "vadThreshold": 0.5 },
//     "tools": [ … agent/tools format … ], "dtmfPauseMs": 700,
//     "summary": false | { "model": "..." },   (checked by agent/summary/summarize.ts)
//     "secrets": { "OPENAI_API_KEY": "…", "ANTHROPIC_API_KEY": "…", "GEMINI_API_KEY": "…", "DEEPGRAM_API_KEY": "…", "ELEVENLABS_API_KEY": "…" } }
import { UapError } from '../../../lib/errors.ts';
import type { ElevenLabsVoiceSettings } from './providers/elevenlabs-wire.ts';

export type LlmProviderName = 'openai' | 'anthropic' | 'gemini';
export type SttProviderName = 'openai' | 'deepgram';
export type TtsProviderName = 'openai' | 'elevenlabs';

export interface CascadedSettings {
  prompt: string;
  greeting: string | undefined;
  apology: string;
  resumeLine: string;
  llm: { provider: LlmProviderName; model: string | undefined; temperature: number | undefined; maxTokens: number };
  stt: { provider: SttProviderName; model: string | undefined; language: string | undefined };
  tts: { provider: TtsProviderName; model: string | undefined; voice: string | undefined; instructions: string | undefined; voiceSettings: ElevenLabsVoiceSettings | undefined };
  silenceMs: number;
  minSpeechMs: number;
  vadThreshold: number;
  dtmfPauseMs: number;
  retries: number;
  retryBackoffMs: number;
  maxToolRounds: number;
  secrets: Record<string, string>;
}

export class CascadedSettingsError extends UapError {
  constructor(field: string, message: string) {
    super('CASCADED_BAD_SETTINGS', `agent config ${field}: ${message}`);
  }
}

const DEFAULT_PROMPT = 'You are a helpful voice assistant on a phone call. Answer briefly, in plain spoken sentences without lists or formatting.';

type Obj = Record<string, unknown>;

function obj(v: unknown, field: string): Obj {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new CascadedSettingsError(field, 'must be an object');
  return v as Obj;
}

function text(o: Obj, key: string, field: string, max = 20_000): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new CascadedSettingsError(`${field}.${key}`, 'must be a string');
  if (v.length > max) throw new CascadedSettingsError(`${field}.${key}`, `longer than ${max} characters`);
  return v;
}

function num(o: Obj, key: string, field: string, def: number, min: number, max: number): number {
  const v = o[key];
  if (v === undefined || v === null) return def;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new CascadedSettingsError(`${field}.${key}`, `must be a number from ${min} to ${max}`);
  return v;
}

function oneOf<T extends string>(o: Obj, key: string, field: string, allowed: readonly T[], def: T): T {
  const v = o[key] ?? def;
  if (!allowed.includes(v as T)) throw new CascadedSettingsError(`${field}.${key}`, `must be one of ${allowed.join(', ')}`);
  return v as T;
}

const MODEL = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
function model(o: Obj, field: string): string | undefined {
  const m = text(o, 'model', field, 128);
  if (m !== undefined && !MODEL.test(m)) throw new CascadedSettingsError(`${field}.model`, 'not a model name');
  return m;
}

/** ElevenLabs voice settings (ranges from its API reference); only with provider elevenlabs. */
function voiceSettings(tts: Obj, provider: TtsProviderName): ElevenLabsVoiceSettings | undefined {
  if (tts.voiceSettings === undefined || tts.voiceSettings === null) return undefined;
  if (provider !== 'elevenlabs') throw new CascadedSettingsError('tts.voiceSettings', 'only for provider elevenlabs');
  const v = obj(tts.voiceSettings, 'tts.voiceSettings');
  const known = ['stability', 'similarityBoost', 'style', 'useSpeakerBoost', 'speed'];
  const unknown = Object.keys(v).find((k) => !known.includes(k));
  if (unknown) throw new CascadedSettingsError(`tts.voiceSettings.${unknown}`, `unknown; expected ${known.join(', ')}`);
  const opt = (key: string, min: number, max: number) => (v[key] === undefined ? undefined : num(v, key, 'tts.voiceSettings', 0, min, max));
  if (v.useSpeakerBoost !== undefined && typeof v.useSpeakerBoost !== 'boolean') throw new CascadedSettingsError('tts.voiceSettings.useSpeakerBoost', 'must be true or false');
  const out: ElevenLabsVoiceSettings = { stability: opt('stability', 0, 1), similarityBoost: opt('similarityBoost', 0, 1), style: opt('style', 0, 1), useSpeakerBoost: v.useSpeakerBoost as boolean | undefined, speed: opt('speed', 0.7, 1.2) };
  for (const k of Object.keys(out) as Array<keyof ElevenLabsVoiceSettings>) if (out[k] === undefined) delete out[k];
  return out;
}

export function parseCascadedSettings(raw: Record<string, unknown>): CascadedSettings {
  const s = raw;
  const llm = obj(s.llm, 'llm');
  const stt = obj(s.stt, 'stt');
  const tts = obj(s.tts, 'tts');
  // Endpointing fields may sit at the top level too.
  const ep = { ...s, ...obj(s.endpointing, 'endpointing') };
  const secretsIn = obj(s.secrets, 'secrets');
  const secrets: Record<string, string> = {};
  for (const [k, v] of Object.entries(secretsIn)) if (typeof v === 'string' && v !== '') secrets[k] = v;
  const language = text(stt, 'language', 'stt', 16);
  if (language !== undefined && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/.test(language)) throw new CascadedSettingsError('stt.language', 'not a language code');
  const ttsProvider = oneOf(tts, 'provider', 'tts', ['openai', 'elevenlabs'] as const, 'openai');
  const voice = text(tts, 'voice', 'tts', 64);
  if (voice !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(voice)) throw new CascadedSettingsError('tts.voice', 'not a voice name');
  // ElevenLabs voices are ids (20 letters and digits), not names: catch an OpenAI voice name early.
  if (ttsProvider === 'elevenlabs' && voice !== undefined && !/^[A-Za-z0-9]{16,40}$/.test(voice)) throw new CascadedSettingsError('tts.voice', 'not an ElevenLabs voice id (like JBFqnCBsd6RMkjVDRZzb)');
  const instructions = text(tts, 'instructions', 'tts', 2000);
  if (instructions !== undefined && ttsProvider !== 'openai') throw new CascadedSettingsError('tts.instructions', 'only for provider openai');
  return {
    prompt: text(s, 'prompt', 'settings') ?? text(s, 'systemPrompt', 'settings') ?? DEFAULT_PROMPT,
    greeting: text(s, 'greeting', 'settings', 2000),
    apology: text(s, 'apology', 'settings', 500) ?? "I'm sorry, I'm having trouble right now. Could you say that again in a moment?",
    resumeLine: text(s, 'resumeLine', 'settings', 500) ?? 'Sorry, I lost my place for a moment. Where were we?',
    llm: {
      provider: oneOf(llm, 'provider', 'llm', ['openai', 'anthropic', 'gemini'] as const, 'openai'),
      model: model(llm, 'llm'),
      temperature: llm.temperature === undefined ? undefined : num(llm, 'temperature', 'llm', 0.7, 0, 2),
      maxTokens: num(llm, 'maxTokens', 'llm', 400, 1, 8192),
    },
    stt: { provider: oneOf(stt, 'provider', 'stt', ['openai', 'deepgram'] as const, 'openai'), model: model(stt, 'stt'), language },
    tts: { provider: ttsProvider, model: model(tts, 'tts'), voice, instructions, voiceSettings: voiceSettings(tts, ttsProvider) },
    silenceMs: num(ep, 'silenceMs', 'endpointing', 500, 100, 5000),
    minSpeechMs: num(ep, 'minSpeechMs', 'endpointing', 200, 32, 2000),
    vadThreshold: num(ep, 'vadThreshold', 'endpointing', 0.5, 0.1, 0.95),
    dtmfPauseMs: num(s, 'dtmfPauseMs', 'settings', 700, 0, 10_000),
    retries: num(s, 'providerRetries', 'settings', 2, 0, 5),
    retryBackoffMs: num(s, 'providerRetryBackoffMs', 'settings', 200, 0, 10_000),
    maxToolRounds: num(s, 'maxToolRounds', 'settings', 4, 1, 10),
    secrets,
  };
}
