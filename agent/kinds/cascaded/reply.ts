// One agent reply: the LLM streams text (and tool calls), sentences are spoken through TTS as soon as
// they are complete, tool results go back to the model for another round. Speaking runs beside
// generation, so the first sentence plays while the model writes the rest. A reply is cancelled as a
// whole (barge-in); afterwards it can say what the caller heard, and what they never heard.
import type { Logger } from '../../../lib/logger.ts';
import type { AssistantMessage, Conversation } from './conversation.ts';
import type { CascadedMetrics } from './metrics.ts';
import type { ClearResult, Segment, SpeechOutput } from './speech-output.ts';
import type { LlmProvider, ToolCall, ToolExecutor, TtsProvider } from './types.ts';
import { SentenceChunker } from './sentence-chunker.ts';
import { retryStream } from './retry.ts';
import { isAbort, toProviderError, type ProviderError } from './provider-error.ts';
import { dtmfTones, DTMF_DIGITS } from './dtmf-tones.ts';

export interface ReplyDeps {
  llm: LlmProvider;
  tts: TtsProvider;
  /** Speaks the apology when the TTS provider itself failed (offline espeak-ng). */
  fallbackTts: TtsProvider | undefined;
  tools: ToolExecutor;
  speech: SpeechOutput;
  conversation: Conversation;
  system: string;
  log: Logger;
  metrics: CascadedMetrics;
  retries: number;
  backoffMs: number;
  apology: string;
  maxToolRounds: number;
}

/** performance.now() marks of the reply (0 = not reached). */
export interface ReplyTimes {
  llmStart: number;
  firstToken: number;
  ttsStart: number;
  ttsFirstByte: number;
  firstFrame: number;
}

interface SpeakItem {
  text: string;
  msg: AssistantMessage | undefined;
  tones?: Int16Array;
  fallback?: boolean;
}

const TONE_RATE = 16000;

export class Reply {
  private readonly ac = new AbortController();
  /** Aborts generation only (TTS failed: stop writing, keep speaking the apology). */
  private readonly genAc = new AbortController();
  readonly segments: Segment[] = [];
  private readonly msgOf = new Map<Segment, AssistantMessage | undefined>();
  private readonly messages: AssistantMessage[] = [];
  private readonly prefixOf = new Map<AssistantMessage, string>();
  private readonly queue: SpeakItem[] = [];
  private producing = true;
  private wake: (() => void) | undefined;
  private ttsFailed = false;
  readonly times: ReplyTimes = { llmStart: 0, firstToken: 0, ttsStart: 0, ttsFirstByte: 0, firstFrame: 0 };
  /** The model called end_call: hang up once this reply has played. */
  endCall = false;
  /** A provider failed for good during this reply (an apology was spoken). */
  failed: ProviderError | undefined;

  constructor(readonly turn: number, private readonly d: ReplyDeps) {}

  get signal(): AbortSignal {
    return this.ac.signal;
  }

  /** Generates with the LLM and speaks; resolves once all audio is sent (not yet played). */
  async generate(): Promise<void> {
    const speaking = this.speakLoop();
    try {
      await this.llmRounds();
    } catch (err) {
      if (!isAbort(err, this.ac.signal) && !this.genAc.signal.aborted) this.providerFailed(toProviderError(err, this.d.llm.name, 'llm'), false);
    } finally {
      this.producing = false;
      this.wake?.();
    }
    await speaking;
  }

  /**
   * Speaks fixed text into `msg` (greeting; or, after a false interruption, the rest of a cut reply,
   * with `prefix` the part the caller had already heard).
   */
  async speak(sentences: string[], msg: AssistantMessage, prefix = ''): Promise<void> {
    this.messages.push(msg);
    if (prefix) this.prefixOf.set(msg, prefix);
    msg.content = [prefix, ...sentences].filter(Boolean).join(' ');
    for (const text of sentences) this.queue.push({ text, msg });
    this.producing = false;
    await this.speakLoop();
  }

  cancel(): void {
    this.ac.abort();
    this.wake?.();
  }

  get cancelled(): boolean {
    return this.ac.signal.aborted;
  }

  private async llmRounds(): Promise<void> {
    const d = this.d;
    const signal = AbortSignal.any([this.ac.signal, this.genAc.signal]);
    for (let round = 0; round < d.maxToolRounds && !signal.aborted; round++) {
      const msg = d.conversation.addAssistant();
      this.messages.push(msg);
      const chunker = new SentenceChunker();
      const calls: ToolCall[] = [];
      if (round === 0) this.times.llmStart = performance.now();
      const stream = retryStream(() => d.llm.stream({ system: d.system, messages: d.conversation.window().slice(0, -1), tools: d.tools.declarations, signal }), {
        provider: d.llm.name,
        stage: 'llm',
        retries: d.retries,
        backoffMs: d.backoffMs,
        signal,
        onRetry: (e, n) => this.retried(e, n),
      });
      for await (const ev of stream) {
        if (this.times.firstToken === 0) this.times.firstToken = performance.now();
        if (ev.type === 'text') {
          msg.content += ev.text;
          for (const s of chunker.push(ev.text)) this.enqueue({ text: s, msg });
        } else if (ev.type === 'tool_call') calls.push(ev.call);
      }
      for (const s of chunker.flush()) this.enqueue({ text: s, msg });
      d.conversation.setToolCalls(msg, calls);
      d.conversation.prune(msg);
      if (calls.length === 0) return;
      for (const call of calls) d.conversation.addToolResult(call, await this.runTool(call));
      if (this.endCall) return; // the goodbye is said; nothing more to generate
    }
  }

  private async runTool(call: ToolCall): Promise<string> {
    let args: unknown;
    try {
      args = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
    } catch {
      return JSON.stringify({ error: `the arguments of ${call.name} are not valid JSON` });
    }
    if (this.d.tools.isSendDtmf(call.name)) {
      const digits = String((args as { digits?: unknown } | null)?.digits ?? '').toUpperCase();
      if (!DTMF_DIGITS.test(digits)) return JSON.stringify({ error: 'digits must be 1 to 32 of 0-9, *, #, A-D' });
      this.enqueue({ text: '', msg: undefined, tones: dtmfTones(digits, TONE_RATE) });
      this.d.log.info({ tool: 'send_dtmf', digits: digits.length }, 'tool call');
      return JSON.stringify({ sent: digits });
    }
    const r = await this.d.tools.run(call.name, args);
    if (r.endCall) this.endCall = true;
    return r.output;
  }

  private enqueue(item: SpeakItem): void {
    this.queue.push(item);
    this.wake?.();
  }

  private async speakLoop(): Promise<void> {
    const d = this.d;
    for (;;) {
      if (this.ac.signal.aborted) return;
      const item = this.queue.shift();
      if (!item) {
        if (!this.producing) return;
        await new Promise<void>((r) => (this.wake = r));
        this.wake = undefined;
        continue;
      }
      const seg = d.speech.begin(this.turn, item.text);
      this.segments.push(seg);
      this.msgOf.set(seg, item.msg);
      if (item.tones) {
        d.speech.pushSamples(item.tones, TONE_RATE);
        d.speech.end();
        this.noteFrame(seg);
        continue;
      }
      const tts = item.fallback || this.ttsFailed ? d.fallbackTts : d.tts;
      if (!tts) {
        d.speech.end();
        continue;
      }
      try {
        if (this.times.ttsStart === 0) this.times.ttsStart = performance.now();
        const chunks = retryStream(() => tts.synthesize(item.text, this.ac.signal), { provider: tts.name, stage: 'tts', retries: d.retries, backoffMs: d.backoffMs, signal: this.ac.signal, onRetry: (e, n) => this.retried(e, n) });
        for await (const chunk of chunks) {
          if (this.times.ttsFirstByte === 0) this.times.ttsFirstByte = performance.now();
          if (this.ac.signal.aborted) return;
          d.speech.push(chunk, tts.sampleRate);
          this.noteFrame(seg);
        }
        if (this.ac.signal.aborted) return;
        d.speech.end();
      } catch (err) {
        if (isAbort(err, this.ac.signal)) return;
        d.speech.end();
        if (tts === d.fallbackTts) {
          d.log.error({ err: (err as Error).message }, 'the offline fallback speech failed too');
          return;
        }
        this.providerFailed(toProviderError(err, tts.name, 'tts'), true);
      }
    }
  }

  private noteFrame(seg: Segment): void {
    if (this.times.firstFrame === 0 && seg.firstFrameAt > 0) this.times.firstFrame = seg.firstFrameAt;
  }

  /** A provider failed for good: stop generating, drop what was not spoken, apologise. */
  private providerFailed(err: ProviderError, ttsBroken: boolean): void {
    this.failed = err;
    this.d.metrics.providerError(err.provider, err.stage, err.code);
    this.d.log.error({ provider: err.provider, stage: err.stage, code: err.code, status: err.status, err: err.message }, 'provider failed; apologising to the caller');
    if (ttsBroken) this.ttsFailed = true;
    this.genAc.abort();
    this.queue.length = 0;
    const msg = this.d.conversation.addAssistant(this.d.apology);
    this.messages.push(msg);
    this.queue.push({ text: this.d.apology, msg, fallback: ttsBroken });
    this.wake?.();
  }

  private retried(err: ProviderError, attempt: number): void {
    this.d.metrics.retry(err.provider, err.stage);
    this.d.log.warn({ provider: err.provider, stage: err.stage, code: err.code, attempt }, 'provider call failed; retrying');
  }

  /**
   * After a barge-in (`cut` from SpeechOutput.clear): rewrites this reply's conversation entries to
   * what the caller heard, and returns that text and the text they never heard (to re-speak after a
   * false interruption).
   */
  truncate(cut: ClearResult): { heard: string; unheard: string[]; message: AssistantMessage | undefined } {
    const heardBy = new Map<AssistantMessage, string[]>();
    const unheard: string[] = [];
    for (const seg of this.segments) {
      const msg = this.msgOf.get(seg);
      let text = '';
      if (seg.state === 'played') text = seg.text;
      else if (cut.partial?.segment === seg) {
        text = heardWords(seg.text, cut.partial.share);
        if (seg.text) unheard.push(seg.text); // re-speak the cut sentence whole
      } else if (seg.text) unheard.push(seg.text);
      if (text && msg) heardBy.set(msg, [...(heardBy.get(msg) ?? []), text]);
    }
    for (const item of this.queue) if (item.text && !item.fallback) unheard.push(item.text);
    this.queue.length = 0;
    let message: AssistantMessage | undefined;
    for (const m of this.messages) {
      m.content = [this.prefixOf.get(m) ?? '', ...(heardBy.get(m) ?? [])].filter(Boolean).join(' ');
      this.d.conversation.prune(m);
      if (m.content) message = m;
    }
    const heard = this.messages
      .map((m) => m.content)
      .filter(Boolean)
      .join(' ');
    return { heard, unheard, message };
  }

  /** What this reply said, as the conversation holds it (a reply that played to the end: all of it). */
  text(): string {
    return this.messages
      .map((m) => m.content)
      .filter(Boolean)
      .join(' ');
  }
}

/** The first `share` of the words of `text` (the caller heard that much of the sentence's audio). */
export function heardWords(text: string, share: number): string {
  if (share >= 1) return text;
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, Math.floor(words.length * Math.max(0, share))).join(' ');
}
