// `cascaded`: our own pipeline per call — Silero VAD → endpointing → STT (OpenAI or Deepgram) → LLM
// (OpenAI, Anthropic or Gemini) → sentence-chunked TTS (OpenAI or ElevenLabs) → the caller — built from
// the call's agent config. Keys come from the agent config's secrets, else from the platform settings;
// base URLs only from the platform settings (tests point them at local fakes; a tenant-chosen URL would
// carry the platform's key to any host). The SDKs are imported on the first call that needs them:
// evaluating them would add ~0.3 s and ~50 MB to every process start.
import type OpenAI from 'openai';
import type { AgentKind, AgentCall, AgentCallContext } from '../types.ts';
import type { Registry } from '../../../lib/metrics.ts';
import type { EspeakTts } from '../../tts/espeak.ts';
import { SileroModel } from '../../vad/silero-model.ts';
import type { VadEngine } from '../../../lib/config.ts';
import { toolRunnerFor } from '../../tools/index.ts';
import { CascadedCall } from './cascaded-call.ts';
import { sileroDetectors, type VoiceDetectorFactory } from '../../vad/detector.ts';
import { parseCascadedSettings, CascadedSettingsError, type CascadedSettings } from './settings.ts';
import { cascadedMetrics, type CascadedMetrics } from './metrics.ts';
import { OpenAiLlm } from './providers/openai-llm.ts';
import { AnthropicLlm } from './providers/anthropic-llm.ts';
import { GeminiLlm } from './providers/gemini-llm.ts';
import { OpenAiStt } from './providers/openai-stt.ts';
import { DeepgramStt } from './providers/deepgram-stt.ts';
import { OpenAiTts } from './providers/openai-tts.ts';
import { ElevenLabsTts } from './providers/elevenlabs-tts.ts';
import { EspeakTtsProvider } from './providers/espeak-tts.ts';
import type { LlmProvider, SttProvider, ToolExecutor, TtsProvider } from './types.ts';
import { usageReporter, type UsageService, type UsageSink } from '../../usage/call-usage.ts';
import { parseSummarySettings, summarizeWith, SUMMARY_MAX_TOKENS, type Summarizer } from '../../summary/summarize.ts';

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
  elevenlabs?: ProviderEndpoint;
  allowPrivateHttp?: boolean;
  /** Replaces Silero (tests, bench). */
  vad?: VoiceDetectorFactory;
  /** VAD_BATCH_WAIT_MS: how long a Silero window waits for other calls' windows (silero-batch.ts). */
  vadBatchWaitMs?: number;
  /** VAD_ENGINE (default: the environment's). */
  vadEngine?: VadEngine;
  /**
   * Load Silero at start rather than on the first call (native engine ~0.2 s and ~15 MB of RSS;
   * onnxruntime ~2.3 s and ~340 MB), so only processes that route calls to this kind do (agent/index.ts decides).
   */
  preload?: boolean;
}

export const DEFAULT_MODELS = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  gemini: 'gemini-2.5-flash',
  openaiStt: 'gpt-4o-mini-transcribe',
  deepgram: 'nova-3',
  openaiTts: 'gpt-4o-mini-tts',
  voice: 'alloy',
  elevenlabsTts: 'eleven_flash_v2_5',
  elevenlabsVoice: 'JBFqnCBsd6RMkjVDRZzb',
} as const;

export function cascadedKind(o: CascadedKindOptions): AgentKind {
  const metrics = cascadedMetrics(o.registry);
  // After start-up has settled, so it does not compete with it.
  if (o.preload && !o.vad) setTimeout(() => void SileroModel.load(o.vadEngine).catch(() => undefined), 500).unref();
  return {
    name: 'cascaded',
    outputRate: RATE,
    create: (ctx) => createCascadedCall(ctx, o, metrics),
  };
}

/** The SDK modules, each imported once, on first use. */
const sdk = {
  openai: undefined as Promise<typeof import('openai')> | undefined,
  anthropic: undefined as Promise<typeof import('@anthropic-ai/sdk')> | undefined,
  gemini: undefined as Promise<typeof import('@google/genai')> | undefined,
};
const loadOpenAI = () => (sdk.openai ??= import('openai'));

function keyFor(s: CascadedSettings, secret: string, platform: ProviderEndpoint | undefined, what: string): string {
  const k = s.secrets[secret] ?? platform?.apiKey;
  if (!k) throw new CascadedSettingsError('secrets', `no ${what} API key: set the ${secret} secret on the agent config (or the platform's ${secret})`);
  return k;
}

async function openaiClient(s: CascadedSettings, o: CascadedKindOptions): Promise<OpenAI> {
  const { default: OpenAI } = await loadOpenAI();
  // Our retry loop decides (one place, with metrics): the SDK's own retries are off.
  return new OpenAI({ apiKey: keyFor(s, 'OPENAI_API_KEY', o.openai, 'OpenAI'), baseURL: o.openai?.baseUrl, maxRetries: 0, timeout: 30_000 });
}

/** The LLM of the agent config; its usage is reported to `usage` as `service` (llm, or summary). */
async function llmFor(s: CascadedSettings, o: CascadedKindOptions, usage: UsageSink | undefined, service: UsageService = 'llm'): Promise<LlmProvider> {
  const { provider, temperature, maxTokens } = s.llm;
  switch (provider) {
    case 'anthropic': {
      const key = keyFor(s, 'ANTHROPIC_API_KEY', o.anthropic, 'Anthropic');
      const { default: Anthropic } = await (sdk.anthropic ??= import('@anthropic-ai/sdk'));
      const model = s.llm.model ?? DEFAULT_MODELS.anthropic;
      return new AnthropicLlm({ client: new Anthropic({ apiKey: key, baseURL: o.anthropic?.baseUrl, maxRetries: 0, timeout: 30_000 }), model, temperature, maxTokens, usage: usageReporter(usage, service, 'anthropic', model) });
    }
    case 'gemini': {
      const key = keyFor(s, 'GEMINI_API_KEY', o.gemini, 'Gemini');
      const { GoogleGenAI } = await (sdk.gemini ??= import('@google/genai'));
      const model = s.llm.model ?? DEFAULT_MODELS.gemini;
      return new GeminiLlm({ client: new GoogleGenAI({ apiKey: key, ...(o.gemini?.baseUrl ? { httpOptions: { baseUrl: o.gemini.baseUrl } } : {}) }), model, temperature, maxTokens, usage: usageReporter(usage, service, 'gemini', model) });
    }
    default: {
      const model = s.llm.model ?? DEFAULT_MODELS.openai;
      return new OpenAiLlm({ client: await openaiClient(s, o), model, temperature, maxTokens, usage: usageReporter(usage, service, 'openai', model) });
    }
  }
}

async function sttFor(s: CascadedSettings, o: CascadedKindOptions, rate: number, metrics: CascadedMetrics, usage: UsageSink | undefined): Promise<SttProvider> {
  if (s.stt.provider === 'deepgram') {
    const model = s.stt.model ?? DEFAULT_MODELS.deepgram;
    return new DeepgramStt({
      apiKey: keyFor(s, 'DEEPGRAM_API_KEY', o.deepgram, 'Deepgram'),
      baseUrl: o.deepgram?.baseUrl ?? 'wss://api.deepgram.com',
      model,
      language: s.stt.language,
      rate,
      onBadMessage: (reason) => metrics.badMessage('deepgram', reason),
      usage: usageReporter(usage, 'stt', 'deepgram', model),
    });
  }
  const model = s.stt.model ?? DEFAULT_MODELS.openaiStt;
  return new OpenAiStt({ client: await openaiClient(s, o), toFile: (await loadOpenAI()).toFile, model, language: s.stt.language, rate, retries: s.retries, backoffMs: s.retryBackoffMs, onRetry: (e) => metrics.retry(e.provider, 'stt'), usage: usageReporter(usage, 'stt', 'openai', model) });
}

async function ttsFor(s: CascadedSettings, o: CascadedKindOptions, metrics: CascadedMetrics, usage: UsageSink | undefined): Promise<TtsProvider> {
  if (s.tts.provider === 'elevenlabs') {
    const model = s.tts.model ?? DEFAULT_MODELS.elevenlabsTts;
    return new ElevenLabsTts({
      apiKey: keyFor(s, 'ELEVENLABS_API_KEY', o.elevenlabs, 'ElevenLabs'),
      baseUrl: o.elevenlabs?.baseUrl ?? 'wss://api.elevenlabs.io',
      voiceId: s.tts.voice ?? DEFAULT_MODELS.elevenlabsVoice,
      model,
      sampleRate: RATE, // PCM at the call's output rate: no resampling
      voiceSettings: s.tts.voiceSettings,
      onBadMessage: (reason) => metrics.badMessage('elevenlabs', reason),
      usage: usageReporter(usage, 'tts', 'elevenlabs', model),
    });
  }
  const model = s.tts.model ?? DEFAULT_MODELS.openaiTts;
  return new OpenAiTts({ client: await openaiClient(s, o), model, voice: s.tts.voice ?? DEFAULT_MODELS.voice, instructions: s.tts.instructions, usage: usageReporter(usage, 'tts', 'openai', model) });
}

/** The end-of-call summary with the agent config's LLM (or `summary.model`), made when it is needed. */
function summarizerFor(s: CascadedSettings, o: CascadedKindOptions, ctx: AgentCallContext): Summarizer | undefined {
  const cfg = parseSummarySettings(ctx.settings);
  if (!cfg.enabled) return undefined;
  const settings: CascadedSettings = { ...s, llm: { ...s.llm, model: cfg.model ?? s.llm.model, temperature: undefined, maxTokens: SUMMARY_MAX_TOKENS } };
  return async (turns, signal) => {
    const llm = await llmFor(settings, o, ctx.usage, 'summary');
    return summarizeWith(llm, turns, signal);
  };
}

async function createCascadedCall(ctx: AgentCallContext, o: CascadedKindOptions, metrics: CascadedMetrics): Promise<AgentCall> {
  const s = parseCascadedSettings(ctx.settings);
  if (ctx.inputRate !== 16000 && ctx.inputRate !== 8000) throw new CascadedSettingsError('inputRate', `caller audio at ${ctx.inputRate} Hz; the VAD runs at 8 or 16 kHz`);
  const summarize = summarizerFor(s, o, ctx);
  const llm = await llmFor(s, o, ctx.usage);
  const tts = await ttsFor(s, o, metrics, ctx.usage);
  const stt = await sttFor(s, o, ctx.inputRate, metrics, ctx.usage);
  // The first call of a process does not wait for the model: it greets while Silero loads.
  const vad = o.vad ?? sileroDetectors(ctx.log, o.vadBatchWaitMs, () => metrics.badMessage('silero', 'inference'), o.vadEngine);
  const runner = toolRunnerFor(ctx, { allowPrivateHttp: o.allowPrivateHttp });
  const dtmfNames = new Set(runner.tools.filter((t) => t.type === 'send_dtmf').map((t) => t.name));
  const tools: ToolExecutor = {
    declarations: runner.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters })),
    run: (name, args) => runner.run(name, args),
    isSendDtmf: (name) => dtmfNames.has(name),
  };
  ctx.log.info({ llm: `${llm.name}/${llm.model}`, stt: stt.name, tts: tts.name, tools: tools.declarations.map((t) => t.name), silenceMs: s.silenceMs, minSpeechMs: s.minSpeechMs }, 'cascaded pipeline ready');
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
    summarize,
  });
}
