// One call of the cascaded agent: caller audio → VAD → endpointer → STT → a Reply (LLM → sentences →
// TTS → SpeechOutput). Turn-taking lives here:
//  - speech confirmed (≥ minSpeechMs) while the agent talks or thinks → barge-in: clear the caller's
//    playback at once, cancel the reply, cut its conversation entry to what was heard;
//  - the barge-in yields no words (a cough, a door) → false interruption: re-speak what was cut;
//  - keys pressed → the model is told, as text, after a short pause for more keys.
// Transcript turns are published once final, with the turn's latency breakdown.
import type { AgentCall, AgentCallContext, AgentTurn, TransferOutcome } from '../types.ts';
import type { AudioFrameView } from '../../../proto/index.ts';
import { pcmSamples } from '../../../lib/pcm.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { Endpointer } from '../../vad/endpointer.ts';
import { Conversation, type AssistantMessage } from './conversation.ts';
import { SpeechOutput } from './speech-output.ts';
import { PreRoll } from './preroll.ts';
import { Reply, type ReplyDeps } from './reply.ts';
import { SentenceChunker } from './sentence-chunker.ts';
import { isAbort, toProviderError } from './provider-error.ts';
import type { CascadedMetrics } from './metrics.ts';
import type { CascadedSettings } from './settings.ts';
import type { LlmProvider, SttProvider, SttUtterance, ToolExecutor, TtsProvider } from './types.ts';
import type { Summarizer } from '../../summary/summarize.ts';
import { vadRate, type VoiceDetector, type VoiceDetectorFactory } from '../../vad/detector.ts';

export interface CascadedCallDeps {
  /** A promise while the model loads (the first call of a process): turns are detected once it is ready. */
  vad: VoiceDetectorFactory | Promise<VoiceDetectorFactory>;
  stt: SttProvider;
  llm: LlmProvider;
  tts: TtsProvider;
  fallbackTts: TtsProvider | undefined;
  tools: ToolExecutor;
  metrics: CascadedMetrics;
  settings: CascadedSettings;
  /** Transfer outcomes for the tool runner (a transfer tool waits for its outcome). */
  onTransferOutcome?(outcome: TransferOutcome): void;
  /** The end-of-call summary (absent when the agent config turns it off). */
  summarize?: Summarizer;
}

/** Per-turn latency breakdown (ms); absent stages did not happen (e.g. keys need no STT). */
export interface TurnLatency {
  endpointingMs?: number;
  sttMs?: number;
  llmFirstTokenMs?: number;
  ttsFirstByteMs?: number;
  firstAudioMs?: number;
}

export type CascadedTurn = AgentTurn & { latency?: TurnLatency };

interface UserTurn {
  startMs: number;
  endMs: number;
  endpointAt: number;
  latency: TurnLatency;
  /** The answer's stages were measured (once, whether it played out or was cut). */
  measured?: boolean;
}

interface Interrupted {
  reply: Reply;
  heard: string;
  unheard: string[];
  message: AssistantMessage | undefined;
  startMs: number;
  latency: TurnLatency | undefined;
}

const PREROLL_MS = 400;
const MARK_GRACE_MS = 5000;
const DTMF_KEY = /^[0-9*#A-D]$/;

export class CascadedCall implements AgentCall {
  private readonly t0 = performance.now();
  private readonly ac = new AbortController();
  private vad: VoiceDetector | undefined;
  /** Caller samples received, and how many came before the VAD was ready (endpointer time base). */
  private samplesIn = 0;
  private vadOffset = 0;
  private readonly endpointer: Endpointer;
  private readonly preroll: PreRoll;
  private readonly speech: SpeechOutput;
  private readonly conversation: Conversation;
  private readonly replyDeps: ReplyDeps;
  private readonly scratch: Int16Array;
  private readonly rate: number;
  private utterance: SttUtterance | undefined;
  private reply: Reply | undefined;
  /** The caller turn the current reply answers (latency), if any. */
  private replyTurn: UserTurn | undefined;
  private replyStartMs = 0;
  private turnSeq = 0;
  /** performance.now() of the latest caller frame: barge-in reaction is measured from it. */
  private frameAt = 0;
  private interrupted: Interrupted | undefined;
  private userTurns: Promise<void> = Promise.resolve();
  private dtmf = '';
  private dtmfTimer: NodeJS.Timeout | undefined;
  private vadReported = { inferences: 0, gated: 0 };
  private ended = false;
  /** Published turns (tests and the bench read them). */
  readonly turns: CascadedTurn[] = [];
  readonly summarize: Summarizer | undefined;

  constructor(private readonly ctx: AgentCallContext, private readonly d: CascadedCallDeps) {
    const s = d.settings;
    this.summarize = d.summarize;
    this.rate = ctx.inputRate;
    this.scratch = new Int16Array((this.rate / 50) * 4);
    this.preroll = new PreRoll((this.rate * PREROLL_MS) / 1000);
    this.speech = new SpeechOutput(ctx.out, 'c');
    this.conversation = ctx.resume ? Conversation.fromTurns(ctx.resume.history) : new Conversation();
    this.replyDeps = {
      llm: d.llm,
      tts: d.tts,
      fallbackTts: d.fallbackTts,
      tools: d.tools,
      speech: this.speech,
      conversation: this.conversation,
      system: s.prompt,
      log: ctx.log,
      metrics: d.metrics,
      retries: s.retries,
      backoffMs: s.retryBackoffMs,
      apology: s.apology,
      maxToolRounds: s.maxToolRounds,
    };
    this.endpointer = new Endpointer(
      {
        onOnset: () => this.onOnset(),
        onConfirmed: () => this.onConfirmed(),
        onAbandoned: () => this.onAbandoned(),
        onEndpoint: (at, start, end) => this.onEndpoint(at, start, end),
      },
      { silenceMs: s.silenceMs, minSpeechMs: s.minSpeechMs, activation: s.vadThreshold, deactivation: Math.max(0.05, s.vadThreshold - 0.15) },
    );
    const onProbability = (p: number, endSample: number) => this.endpointer.update(p, ((endSample + this.vadOffset) * 1000) / this.rate);
    const rates = { input: this.rate, model: vadRate(this.rate, ctx.sourceRate) };
    if (typeof d.vad === 'function') this.vad = d.vad(rates, onProbability);
    else {
      d.vad.then(
        (factory) => {
          if (this.ended) return;
          this.vadOffset = this.samplesIn;
          this.vad = factory(rates, onProbability);
        },
        (err: unknown) => ctx.log.error({ err: errorMessage(err) }, 'voice activity detection unavailable: the caller cannot be heard'),
      );
    }
    d.stt.open?.(this.ac.signal).catch((err: unknown) => {
      if (!this.ended) ctx.log.warn({ err: errorMessage(err), provider: d.stt.name }, 'speech recognition connection failed; will retry per utterance');
    });
    if (ctx.resume) {
      const last = [...ctx.resume.history].reverse().find((t) => t.role === 'agent');
      ctx.log.info({ turns: ctx.resume.history.length, lastAgentTurn: last?.text.slice(0, 80) }, 'taking over the conversation');
      this.speakFixed(s.resumeLine);
    } else if (s.greeting) this.speakFixed(s.greeting);
  }

  private get callMs(): number {
    return Math.round(performance.now() - this.t0);
  }

  // ---- caller audio --------------------------------------------------------------------------

  onAudio(frame: AudioFrameView): void {
    if (this.ended || frame.sampleRate !== this.rate) return;
    const pcm = pcmSamples(frame.pcm, this.scratch);
    this.frameAt = performance.now();
    this.samplesIn += pcm.length;
    this.preroll.push(pcm);
    this.utterance?.push(pcm);
    this.vad?.push(pcm);
  }

  private onOnset(): void {
    if (this.utterance || this.ended) return;
    const u = this.d.stt.begin();
    this.utterance = u;
    this.preroll.drainTo((pcm) => u.push(pcm));
  }

  private onConfirmed(): void {
    if (this.reply || this.speech.busy) this.bargeIn('speech');
  }

  private onAbandoned(): void {
    this.utterance?.cancel();
    this.utterance = undefined;
  }

  private onEndpoint(atMs: number, startMs: number, endMs: number): void {
    const u = this.utterance;
    this.utterance = undefined;
    this.reportVad();
    if (!u) return;
    const turn: UserTurn = { startMs: Math.round(startMs), endMs: Math.round(endMs), endpointAt: performance.now(), latency: { endpointingMs: Math.round(atMs - endMs) } };
    this.d.metrics.latency('endpointing', atMs - endMs);
    // Recognition results are handled in utterance order even if a later one finishes first.
    this.userTurns = this.userTurns.then(() => this.finishUtterance(u, turn)).catch((err: unknown) => this.ctx.log.error({ err: errorMessage(err) }, 'cascaded agent error'));
  }

  private async finishUtterance(u: SttUtterance, turn: UserTurn): Promise<void> {
    let text: string;
    try {
      text = (await u.finish(this.ac.signal)).trim();
    } catch (err) {
      if (this.ended || isAbort(err, this.ac.signal)) return;
      const pe = toProviderError(err, this.d.stt.name, 'stt');
      this.d.metrics.providerError(pe.provider, 'stt', pe.code);
      this.ctx.log.error({ provider: pe.provider, stage: 'stt', code: pe.code, status: pe.status, err: pe.message }, 'speech recognition failed; apologising to the caller');
      this.settleInterrupted();
      this.speakFixed(this.d.settings.apology);
      return;
    }
    if (this.ended) return;
    turn.latency.sttMs = Math.round(performance.now() - turn.endpointAt);
    this.d.metrics.latency('stt', turn.latency.sttMs);
    if (text === '') {
      if (this.interrupted && !this.reply) this.resumeAfterFalseInterruption();
      return;
    }
    this.settleInterrupted();
    this.publish({ role: 'user', text, startMs: turn.startMs, endMs: turn.endMs });
    this.conversation.addUser(text);
    // The caller is already speaking again: answer once they stop (the texts are joined).
    if (this.endpointer.speaking) return;
    this.startReply(turn);
  }

  // ---- barge-in ------------------------------------------------------------------------------

  private bargeIn(cause: 'speech' | 'dtmf'): void {
    this.stopReply();
    if (cause === 'speech') this.d.metrics.bargeInReaction(performance.now() - this.frameAt);
    this.d.metrics.bargeIn(cause);
    this.ctx.log.info({ cause, heardChars: this.interrupted?.heard.length ?? 0, unheardSentences: this.interrupted?.unheard.length ?? 0 }, 'barge-in: agent speech cut');
  }

  /** Clears the caller's playback, cancels the reply and cuts it to what was heard. */
  private stopReply(): void {
    const cut = this.speech.clear();
    const r = this.reply;
    if (!r) return;
    this.reply = undefined;
    r.cancel();
    const latency = this.replyTurn ? this.replyLatency(r, this.replyTurn) : undefined;
    const { heard, unheard, message } = r.truncate(cut);
    // An earlier cut turn not yet settled was heard as far as it got.
    if (this.interrupted && this.interrupted.reply !== r) this.settleInterrupted();
    this.interrupted = { reply: r, heard, unheard, message, startMs: this.replyStartMs, latency };
  }

  /** The cut turn is final: publish what the caller heard of it. */
  private settleInterrupted(): void {
    const i = this.interrupted;
    if (!i) return;
    this.interrupted = undefined;
    if (i.heard) this.publish({ role: 'agent', text: i.heard, interrupted: true, startMs: i.startMs, endMs: this.callMs, ...(i.latency ? { latency: i.latency } : {}) });
  }

  private resumeAfterFalseInterruption(): void {
    const i = this.interrupted!;
    this.interrupted = undefined;
    this.d.metrics.falseInterruption();
    this.ctx.log.info({ unheardSentences: i.unheard.length }, 'false interruption (no words): resuming');
    if (i.unheard.length === 0) {
      if (i.heard) this.publish({ role: 'agent', text: i.heard, startMs: i.startMs, endMs: this.callMs });
      return;
    }
    const msg = i.message ?? this.conversation.addAssistant();
    const r = this.newReply();
    this.replyStartMs = i.startMs;
    this.track(r.speak(i.unheard, msg, i.heard).then(() => this.replyDone(r, undefined, i.reply.endCall)));
  }

  // ---- replies -------------------------------------------------------------------------------

  private newReply(): Reply {
    if (this.reply) this.stopReply(); // never two replies at once
    const r = new Reply(++this.turnSeq, this.replyDeps);
    this.reply = r;
    this.replyTurn = undefined;
    this.replyStartMs = this.callMs;
    return r;
  }

  private startReply(turn: UserTurn | undefined): void {
    const r = this.newReply();
    this.replyTurn = turn;
    this.track(r.generate().then(() => this.replyDone(r, turn, false)));
  }

  /** Greeting, resume line, apology: fixed text, no LLM. */
  private speakFixed(text: string): void {
    const chunker = new SentenceChunker();
    const sentences = [...chunker.push(text), ...chunker.flush()];
    const r = this.newReply();
    this.track(r.speak(sentences, this.conversation.addAssistant()).then(() => this.replyDone(r, undefined, false)));
  }

  /** Background work of the call: a failure is logged, never an unhandled rejection. */
  private track(p: Promise<unknown>): void {
    p.catch((err: unknown) => this.ctx.log.error({ err: errorMessage(err) }, 'cascaded agent error'));
  }

  private async replyDone(r: Reply, turn: UserTurn | undefined, endCall: boolean): Promise<void> {
    if (r.cancelled || this.ended) return;
    const latency = turn ? this.replyLatency(r, turn) : undefined;
    // Final once played: wait for the marks (bounded: a lost mark must not hang the turn).
    await this.speech.drained(this.speech.pendingMs + MARK_GRACE_MS);
    if (r.cancelled || this.ended) return;
    this.reply = undefined;
    const text = r.text();
    if (text) this.publish({ role: 'agent', text, startMs: this.replyStartMs, endMs: this.callMs, ...(latency ? { latency } : {}) });
    if (r.endCall || endCall) {
      this.ctx.log.info('the agent ended the call');
      this.ctx.out.hangup('agent ended the call');
    }
  }

  private replyLatency(r: Reply, turn: UserTurn): TurnLatency {
    const l = turn.latency;
    if (turn.measured) return l;
    turn.measured = true;
    const t = r.times;
    const m = this.d.metrics;
    if (t.firstToken && t.llmStart) m.latency('llm_first_token', (l.llmFirstTokenMs = Math.round(t.firstToken - t.llmStart)));
    if (t.ttsFirstByte && t.ttsStart) m.latency('tts_first_byte', (l.ttsFirstByteMs = Math.round(t.ttsFirstByte - t.ttsStart)));
    if (t.firstFrame) {
      l.firstAudioMs = Math.round((t.firstFrame - turn.endpointAt) * 10) / 10;
      m.latency('first_audio', t.firstFrame - turn.endpointAt);
    }
    return l;
  }

  private publish(turn: CascadedTurn): void {
    this.turns.push(turn);
    this.ctx.log.info({ role: turn.role, chars: turn.text.length, interrupted: turn.interrupted ?? false, latency: turn.latency }, 'transcript turn');
    this.ctx.transcript?.(turn);
  }

  // ---- keys, marks, end ----------------------------------------------------------------------

  onDtmf(digit: string): void {
    if (this.ended || !DTMF_KEY.test(digit)) return;
    // A key stops the agent at once; the model hears about the keys once the caller pauses.
    if (this.dtmf === '' && (this.reply || this.speech.busy)) this.bargeIn('dtmf');
    this.dtmf += digit;
    clearTimeout(this.dtmfTimer);
    this.dtmfTimer = setTimeout(() => this.flushDtmf(), this.d.settings.dtmfPauseMs);
    this.dtmfTimer.unref?.();
  }

  private flushDtmf(): void {
    const keys = this.dtmf;
    this.dtmf = '';
    if (this.ended || keys === '') return;
    this.settleInterrupted();
    const text = `[The caller pressed ${keys.split('').join(' ')} on the keypad]`;
    this.publish({ role: 'user', text, startMs: this.callMs, endMs: this.callMs });
    this.conversation.addUser(text);
    this.startReply(undefined);
  }

  onMarkPlayed(name: string, cleared: boolean): void {
    this.speech.onMark(name, cleared);
  }

  onTransferOutcome(outcome: TransferOutcome): void {
    this.d.onTransferOutcome?.(outcome);
  }

  private reportVad(): void {
    const v = this.vad;
    if (!v) return;
    this.d.metrics.vadWindows(v.inferences - this.vadReported.inferences, v.gatedWindows - this.vadReported.gated);
    this.vadReported.inferences = v.inferences;
    this.vadReported.gated = v.gatedWindows;
  }

  onEnd(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.ac.abort();
    this.reply?.cancel();
    this.utterance?.cancel();
    clearTimeout(this.dtmfTimer);
    this.reportVad();
    this.vad?.close();
    this.d.stt.close();
    this.d.tts.close?.();
    this.ctx.log.info({ reason, turns: this.turns.length }, 'cascaded call ended');
  }
}
