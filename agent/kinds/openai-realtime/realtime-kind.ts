// `openai-realtime`: the call's audio goes to an OpenAI Realtime session over its WebSocket (PCM 24 kHz
// both ways). This module resolves the key, model and settings, connects (retrying what a retry can
// fix) and confirms the session before the call is accepted — so a bad key or model fails the start
// with a clear reason and the caller hears nothing half-working. See /work/shared/PROTOCOLS.md.
import type { AgentKind, AgentCall, AgentCallContext } from '../types.ts';
import { Counter, Registry } from '../../../lib/metrics.ts';
import { RealtimeSocket, RealtimeError, realtimeUrl, DEFAULT_REALTIME_URL } from './socket.ts';
import { buildSessionUpdate, DEFAULT_MODEL, DEFAULT_TRANSCRIPTION_MODEL, REALTIME_RATE } from './session-config.ts';
import { parseSummarySettings } from '../../summary/summarize.ts';
import { openaiSummarizer, DEFAULT_SUMMARY_MODEL } from '../../summary/openai-summarizer.ts';
import { RealtimeCall, type RealtimeCallOptions, type RealtimeMetrics, type RealtimeTranscript } from './realtime-call.ts';
import { toolRunnerFor } from '../../tools/index.ts';

export type { RealtimeTranscript };
export { RealtimeError };

export interface OpenAIRealtimeKindOptions extends RealtimeCallOptions {
  /** Let http tools reach private addresses (TOOL_HTTP_ALLOW_PRIVATE). */
  allowPrivateHttp?: boolean;
  /** Platform-wide key; an agent config's secret OPENAI_API_KEY wins. */
  apiKey?: string;
  /** Default wss://api.openai.com/v1/realtime (tests: a local ws:// fake). Never taken from agent configs. */
  url?: string;
  /** Default gpt-realtime; an agent config's `model` wins. */
  model?: string;
  /** Per connection attempt and for the session to be confirmed. Default 10 s. */
  timeoutMs?: number;
  /** Retries of retryable connection failures. Default 2. */
  retries?: number;
  /** First retry backoff, doubling. Default 250 ms. */
  backoffMs?: number;
  /** Metrics land here (a private registry when absent). */
  registry?: Registry;
  /** OpenAI REST base (OPENAI_BASE_URL) for the end-of-call summary (Chat Completions). */
  restBaseUrl?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function kindMetrics(registry: Registry): RealtimeMetrics {
  const dropped = new Counter({ name: 'uap_openai_realtime_events_dropped_total', help: 'OpenAI Realtime server events dropped at the boundary, by reason (json, shape, unknown, binary)', labelNames: ['reason'], registers: [registry] });
  const errors = new Counter({ name: 'uap_openai_realtime_errors_total', help: 'OpenAI Realtime error events, by code', labelNames: ['code'], registers: [registry] });
  const bargeIns = new Counter({ name: 'uap_openai_realtime_barge_ins_total', help: 'Model answers cut short by the caller', registers: [registry] });
  const audioDropped = new Counter({ name: 'uap_openai_realtime_audio_dropped_total', help: 'Caller audio batches dropped because the OpenAI socket was not draining', registers: [registry] });
  return {
    droppedEvent: (reason) => dropped.labels(reason).inc(),
    // Codes come from the server: keep the label set bounded.
    providerError: (code) => errors.labels(/^[a-z0-9_.]{1,64}$/.test(code) ? code : 'other').inc(),
    bargeIn: () => bargeIns.inc(),
    droppedAudio: () => audioDropped.inc(),
  };
}

export function openaiRealtimeKind(opts: OpenAIRealtimeKindOptions = {}): AgentKind {
  const metrics = kindMetrics(opts.registry ?? new Registry());
  return {
    name: 'openai-realtime',
    outputRate: REALTIME_RATE,
    create: (ctx) => startRealtimeCall(ctx, opts, metrics),
  };
}

async function startRealtimeCall(ctx: AgentCallContext, opts: OpenAIRealtimeKindOptions, metrics: RealtimeMetrics): Promise<AgentCall> {
  const s = ctx.settings;
  const secrets = (s.secrets ?? {}) as Record<string, unknown>;
  const apiKey = str(secrets.OPENAI_API_KEY) ?? str(s.apiKey) ?? str(opts.apiKey);
  if (!apiKey) throw new RealtimeError('OPENAI_NO_API_KEY', 'no OpenAI API key: set OPENAI_API_KEY, or the OPENAI_API_KEY secret on the agent config');
  const model = str(s.model) ?? str(opts.model) ?? DEFAULT_MODEL;
  const url = realtimeUrl(opts.url ?? DEFAULT_REALTIME_URL, model);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const tools = toolRunnerFor(ctx, { allowPrivateHttp: opts.allowPrivateHttp });
  const { event: sessionUpdate, skippedTools } = buildSessionUpdate(s, tools.tools);
  const summary = parseSummarySettings(s);
  const models = { model, transcriptionModel: s.transcriptionModel === false ? undefined : (str(s.transcriptionModel) ?? DEFAULT_TRANSCRIPTION_MODEL) };
  if (skippedTools.length > 0) ctx.log.warn({ skippedTools }, 'agent config tools skipped (not usable as function tools)');

  const retries = opts.retries ?? 2;
  let backoff = opts.backoffMs ?? 250;
  for (let attempt = 0; ; attempt++) {
    try {
      const socket = await RealtimeSocket.connect(url, apiKey, { timeoutMs });
      const call = new RealtimeCall(ctx, socket, metrics, opts, models);
      call.tools = tools;
      if (summary.enabled) call.summarize = openaiSummarizer({ apiKey, baseUrl: opts.restBaseUrl, model: summary.model ?? DEFAULT_SUMMARY_MODEL, usage: ctx.usage });
      await call.start(sessionUpdate, timeoutMs);
      ctx.log.info({ model, attempt }, 'OpenAI Realtime session ready');
      if (ctx.resume) call.resume(ctx.resume.history);
      else if (s.firstSpeaker !== 'user') call.greet(str(s.greeting), String((sessionUpdate.session as { instructions: string }).instructions));
      return call;
    } catch (err) {
      const retryable = err instanceof RealtimeError && err.retryable;
      if (!retryable || attempt >= retries) throw err;
      ctx.log.warn({ err: (err as Error).message, attempt }, 'OpenAI Realtime connection failed; retrying');
      await new Promise((r) => setTimeout(r, backoff));
      backoff *= 2;
    }
  }
}
