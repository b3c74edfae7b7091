// `cascaded`: our own pipeline per call — Silero VAD → endpointing → STT (OpenAI or Deepgram) → LLM
// (OpenAI, Anthropic or Gemini) → sentence-chunked TTS (OpenAI) → the caller — built from the call's
// agent config. Keys come from the agent config's secrets, else from the platform settings; base URLs
// from the platform settings (tests point them at local fakes).
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import type { AgentKind, AgentCall, AgentCallContext } from '../types.ts';
import type { Registry } from '../../../lib/metrics.ts';
import type { EspeakTts } from '../../tts/espeak.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { SileroModel } from '../../vad/silero-model.ts';
import { SileroVad } from '../../vad/silero-vad.ts';
import { toolRunnerFor } from '../../tools/index.ts';
import { CascadedCall, type VoiceDetectorFactory } from './cascaded-call.ts';
import { parseCascadedSettings, CascadedSettingsError, type CascadedSettings } from './settings.ts';
import { cascadedMetrics, type CascadedMetrics } from './metrics.ts';
import { OpenAiLlm } from './providers/openai-llm.ts';
import { AnthropicLlm } from './providers/anthropic-llm.ts';
import { GeminiLlm } from './providers/gemini-llm.ts';
import { OpenAiStt } from './providers/openai-stt.ts';
import { DeepgramStt } from './providers/deepgram-stt.ts';
import { OpenAiTts } from './providers/openai-tts.ts';
import { EspeakTtsProvider } from './providers/espeak-tts.ts';
import type { LlmProvider, SttProvider, ToolExecutor, TtsProvider } from './types.ts';

const RATE = 16000;

export interface ProviderEndpoint {
  apiKey?: string;
  baseUrl?: string;
}

export interface CascadedKindOptions {
  registry: Registry;
  /** The offline voice for apologies when the TTS provider is down. */
  espeak?: EspeakTts;
  openai?: ProviderEndpoint;
  anthropic?: ProviderEndpoint;
  gemini?: ProviderEndpoint;
  deepgram?: ProviderEndpoint;
  allowPrivateHttp?: boolean;
  /** Replaces Silero (tests, bench). */
  vad?: VoiceDetectorFactory;
}

export const DEFAULT_MODELS = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  gemini: 'gemini-2.5-flash',
  openaiStt: 'gpt-4o-mini-transcribe',
  deepgram: 'nova-3',
  openaiTts: 'gpt-4o-mini-tts',
  voice: 'alloy',
} as const;

export function cascadedKind(o: CascadedKindOptions): AgentKind {
  const metrics = cascadedMetrics(o.registry);
  // Load the VAD model at start, not on the first call (it is shared by every call).
  if (!o.vad) void SileroModel.load().catch(() => undefined);
  return {
    name: 'cascaded',
    outputRate: RATE,
    create: (ctx) => createCascadedCall(ctx, o, metrics),
  };
}

function keyFor(s: CascadedSettings, secret: string, platform: ProviderEndpoint | undefined, what: string): string {
  const k = s.secrets[secret] ?? platform?.apiKey;
  if (!k) throw new CascadedSettingsError('secrets', `no ${what} API key: set the ${secret} secret on the agent config (or the platform's ${secret})`);
  return k;
}

function openaiClient(s: CascadedSettings, o: CascadedKindOptions): OpenAI {
  // Our retry loop decides (one place, with metrics): the SDK's own retries are off.
  return new OpenAI({ apiKey: keyFor(s, 'OPENAI_API_KEY', o.openai, 'OpenAI'), baseURL: o.openai?.baseUrl, maxRetries: 0, timeout: 30_000 });
}

function llmFor(s: CascadedSettings, o: CascadedKindOptions): LlmProvider {
  const { provider, model, temperature, maxTokens } = s.llm;
  switch (provider) {
    case 'anthropic':
      return new AnthropicLlm({ client: new Anthropic({ apiKey: keyFor(s, 'ANTHROPIC_API_KEY', o.anthropic, 'Anthropic'), baseURL: o.anthropic?.baseUrl, maxRetries: 0, timeout: 30_000 }), model: model ?? DEFAULT_MODELS.anthropic, temperature, maxTokens });
    case 'gemini':
      return new GeminiLlm({ client: new GoogleGenAI({ apiKey: keyFor(s, 'GEMINI_API_KEY', o.gemini, 'Gemini'), ...(o.gemini?.baseUrl ? { httpOptions: { baseUrl: o.gemini.baseUrl } } : {}) }), model: model ?? DEFAULT_MODELS.gemini, temperature, maxTokens });
    default:
      return new OpenAiLlm({ client: openaiClient(s, o), model: model ?? DEFAULT_MODELS.openai, temperature, maxTokens });
  }
}

function sttFor(s: CascadedSettings, o: CascadedKindOptions, rate: number, metrics: CascadedMetrics): SttProvider {
  if (s.stt.provider === 'deepgram') {
    return new DeepgramStt({
      apiKey: keyFor(s, 'DEEPGRAM_API_KEY', o.deepgram, 'Deepgram'),
      baseUrl: o.deepgram?.baseUrl ?? 'wss://api.deepgram.com',
      model: s.stt.model ?? DEFAULT_MODELS.deepgram,
      language: s.stt.language,
      rate,
      onBadMessage: (reason) => metrics.badMessage('deepgram', reason),
    });
  }
  return new OpenAiStt({ client: openaiClient(s, o), model: s.stt.model ?? DEFAULT_MODELS.openaiStt, language: s.stt.language, rate, retries: s.retries, backoffMs: s.retryBackoffMs, onRetry: (e) => metrics.retry(e.provider, 'stt') });
}

function ttsFor(s: CascadedSettings, o: CascadedKindOptions): TtsProvider {
  return new OpenAiTts({ client: openaiClient(s, o), model: s.tts.model ?? DEFAULT_MODELS.openaiTts, voice: s.tts.voice ?? DEFAULT_MODELS.voice, instructions: s.tts.instructions });
}

async function createCascadedCall(ctx: AgentCallContext, o: CascadedKindOptions, metrics: CascadedMetrics): Promise<AgentCall> {
  const s = parseCascadedSettings(ctx.settings);
  if (ctx.inputRate !== 16000 && ctx.inputRate !== 8000) throw new CascadedSettingsError('inputRate', `caller audio at ${ctx.inputRate} Hz; the VAD runs at 8 or 16 kHz`);
  const llm = llmFor(s, o);
  const tts = ttsFor(s, o);
  const stt = sttFor(s, o, ctx.inputRate, metrics);
  let vad = o.vad;
  if (!vad) {
    const model = await SileroModel.load();
    let vadErrors = 0;
    vad = (rate, onProbability) =>
      new SileroVad(model, {
        rate,
        onProbability,
        onError: (err) => {
          if (vadErrors++ === 0) ctx.log.error({ err: errorMessage(err) }, 'VAD inference failed (logged once per call)');
          metrics.badMessage('silero', 'inference');
        },
      });
  }
  const runner = toolRunnerFor(ctx, { allowPrivateHttp: o.allowPrivateHttp });
  const dtmfNames = new Set(runner.tools.filter((t) => t.type === 'send_dtmf').map((t) => t.name));
  const tools: ToolExecutor = {
    declarations: runner.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters })),
    run: (name, args) => runner.run(name, args),
    isSendDtmf: (name) => dtmfNames.has(name),
  };
  ctx.log.info({ llm: `${llm.name}`, stt: stt.name, tts: tts.name, tools: tools.declarations.map((t) => t.name), silenceMs: s.silenceMs, minSpeechMs: s.minSpeechMs }, 'cascaded pipeline ready');
  return new CascadedCall(ctx, {
    vad,
    stt,
    llm,
    tts,
    fallbackTts: o.espeak ? new EspeakTtsProvider(o.espeak) : undefined,
    tools,
    metrics,
    settings: s,
    onTransferOutcome: (outcome) => runner.onTransferOutcome(outcome),
  });
}
