// One call's conversation with an OpenAI Realtime session: caller audio in, model audio out, barge-in
// (clear, truncate what was not heard, cancel), function calls, DTMF as text, transcripts. The socket
// (socket.ts) only carries frames and events.ts vets what arrives; this module decides what it means.
import type { AgentCall, AgentCallContext, AgentTurn, TransferOutcome } from '../types.ts';
import type { UsageDelta } from '../../usage/call-usage.ts';
import type { AudioFrameView } from '../../../proto/index.ts';
import type { Logger } from '../../../lib/logger.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { parseServerEvent, type FunctionCallItem, type RealtimeEvent } from './events.ts';
import { RealtimeError, type RealtimeSocket } from './socket.ts';
import { CallerAudio } from './caller-audio.ts';
import { Playout } from './playout.ts';
import { runTool } from './tools.ts';
import { AgentTurns } from './agent-turns.ts';
import { REALTIME_RATE } from './session-config.ts';
import type { Summarizer } from '../../summary/summarize.ts';
import type { ToolRunner } from '../../tools/index.ts';

/** What the call's usage is reported under. */
export interface RealtimeModels {
  model: string;
  /** Caller transcription model, when transcription is on. */
  transcriptionModel: string | undefined;
}

/** A final turn, as published (agent turns once played or cut: see agent-turns.ts). */
export interface RealtimeTranscript {
  callId: string;
  tenantId: string;
  role: 'user' | 'agent';
  /** For an interrupted agent turn: the words the caller heard (estimated). */
  text: string;
  itemId: string;
  /** The caller cut this agent turn short. */
  interrupted: boolean;
}

/** Counters the call reports to (the kind owns the prom-client metrics). */
export interface RealtimeMetrics {
  droppedEvent(reason: 'json' | 'shape' | 'unknown' | 'binary'): void;
  providerError(code: string): void;
  bargeIn(): void;
  droppedAudio(): void;
}

export interface RealtimeCallOptions {
  /** Caller audio per append event. Default 60 ms. */
  appendMs?: number;
  /** Spacing of playout marks. Default 250 ms. */
  markEveryMs?: number;
  /** After end_call, hang up at the latest this long after the goodbye audio is sent. Default 10 s. */
  hangupGraceMs?: number;
  /** Above this many bytes waiting in the socket, caller audio is dropped (the link is stalled). */
  maxBufferedBytes?: number;
  onTranscript?: (t: RealtimeTranscript) => void;
}

const HANGUP_MARK = 'oai:hangup';
const QUIET_ERRORS = new Set(['response_cancel_not_active']);

export class RealtimeCall implements AgentCall {
  private readonly log: Logger;
  private readonly audioIn: CallerAudio;
  private readonly playout: Playout;
  private readonly agentTurns: AgentTurns;
  private phase: 'starting' | 'live' | 'ended' = 'starting';
  /** The agent config's declared tools (agent/tools), set by the kind. */
  tools: ToolRunner | undefined;
  private started: { resolve(): void; reject(err: Error): void } | undefined;
  /** The response being generated (server-side), and whether we asked for one not yet created. */
  private activeResponse: string | undefined;
  private responseRequested = false;
  /** A response.create to send once the active response is done (DTMF while the model talks). */
  private responseDeferred = false;
  /** Per response: whether it produced audio, and the function calls announced so far. */
  private readonly responses = new Map<string, { audio: boolean; calls: Map<string, FunctionCallItem> }>();
  private readonly handledCalls = new Set<string>();
  /** Audio still arriving for an interrupted response or a truncated item is dropped. */
  private readonly cutResponses = new Set<string>();
  private readonly cutItems = new Set<string>();
  private endCall: { reason: string; stage: 'goodbye' | 'playout'; timer?: NodeJS.Timeout } | undefined;
  private badEvents = 0;
  /** Audio sent and received since the last usage report (reported with each response.done). */
  private audioInSamples = 0;
  private audioOutBytes = 0;
  /** The end-of-call summary (set by the kind unless the agent config turns it off). */
  summarize: Summarizer | undefined;

  constructor(
    private readonly ctx: AgentCallContext,
    private readonly socket: RealtimeSocket,
    private readonly metrics: RealtimeMetrics,
    private readonly opts: RealtimeCallOptions = {},
    private readonly models: RealtimeModels = { model: 'gpt-realtime', transcriptionModel: undefined },
  ) {
    this.log = ctx.log;
    const maxBuffered = opts.maxBufferedBytes ?? 1 << 20;
    this.audioIn = new CallerAudio((json, samples) => {
      if (this.socket.bufferedAmount > maxBuffered) return this.metrics.droppedAudio();
      this.socket.sendText(json);
      this.audioInSamples += samples;
    }, opts.appendMs ?? 60);
    this.agentTurns = new AgentTurns((turn, itemId) => this.publishTurn(turn, itemId));
    this.playout = new Playout(ctx.out, { markEveryMs: opts.markEveryMs, onPlayed: (itemId) => this.agentTurns.played(itemId) });
    socket.attach({
      onText: (text) => this.onText(text),
      onBinary: (bytes) => this.dropped('binary', undefined, `${bytes}-byte binary frame`),
      onLost: (info) => this.onLost(info),
    });
  }

  /** Sends session.update; resolves on session.updated, rejects on an error event, close or timeout. */
  start(sessionUpdate: Record<string, unknown>, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new RealtimeError('OPENAI_TIMEOUT', `OpenAI Realtime did not confirm the session within ${timeoutMs} ms`, { retryable: true })), timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        this.started = undefined;
        this.phase = 'ended';
        this.socket.close(1000, 'session not started');
        reject(err);
      };
      this.started = {
        resolve: () => {
          clearTimeout(timer);
          this.started = undefined;
          this.phase = 'live';
          resolve();
        },
        reject: fail,
      };
      this.socket.send(sessionUpdate);
    });
  }

  /**
   * The model speaks first: a response, optionally told what to say. A response's instructions replace
   * the session's for that response, so the agent's own instructions are repeated with the greeting.
   */
  greet(greeting: string | undefined, instructions: string): void {
    this.requestResponse(greeting ? { instructions: `${instructions}\n\nStart the call by saying exactly: "${greeting}"` } : undefined);
  }

  /** A call taken over from a dead worker: the conversation so far, then the model picks it up (no new greeting). */
  resume(history: AgentTurn[]): void {
    for (const t of history) {
      const item = t.role === 'user' ? { type: 'message', role: 'user', content: [{ type: 'input_text', text: t.text }] } : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: t.text }] };
      this.socket.send({ type: 'conversation.item.create', item });
    }
    this.requestResponse();
  }

  private publishTurn(turn: AgentTurn, itemId: string): void {
    const interrupted = turn.interrupted ?? false;
    this.log.info({ role: turn.role, text: turn.text, itemId, interrupted }, 'transcript');
    this.ctx.transcript?.(turn);
    this.opts.onTranscript?.({ callId: this.ctx.callId, tenantId: this.ctx.tenantId, role: turn.role, text: turn.text, itemId, interrupted });
  }

  // ---- AgentCall -----------------------------------------------------------------------------

  onAudio(frame: AudioFrameView): void {
    if (this.phase !== 'live') return;
    this.audioIn.push(frame.pcm, frame.sampleRate || this.ctx.inputRate);
  }

  onDtmf(digit: string): void {
    if (this.phase !== 'live') return;
    this.log.info({ digit }, 'DTMF to the model');
    this.socket.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: `The caller pressed DTMF key ${digit}` }] } });
    this.requestResponse();
  }

  onMarkPlayed(name: string, cleared: boolean): void {
    if (name === HANGUP_MARK) {
      if (this.endCall) this.hangup('agent ended the call', cleared ? 'the goodbye was interrupted' : 'the goodbye has played');
      return;
    }
    this.playout.onMark(name, cleared);
  }

  onEnd(reason: string): void {
    if (this.audioInSamples > 0 || this.audioOutBytes > 0) this.reportAudio();
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.stopTimers();
    this.settleUnplayed();
    try {
      this.socket.close(1000, 'call ended');
    } catch (err) {
      this.log.warn({ err: errorMessage(err) }, 'closing the OpenAI Realtime socket failed');
    }
    this.log.info({ reason }, 'OpenAI Realtime call ended');
  }

  // ---- server events -------------------------------------------------------------------------

  private onText(text: string): void {
    if (this.phase === 'ended') return;
    const r = parseServerEvent(text);
    if (!r.ok) return this.dropped(r.reason, r.type, r.detail);
    try {
      this.onEvent(r.event);
    } catch (err) {
      // Our bug, not the peer's: keep the call up, say where.
      this.log.error({ err: errorMessage(err), event: r.event.kind }, 'OpenAI Realtime event handling failed');
    }
  }

  private dropped(reason: 'json' | 'shape' | 'unknown' | 'binary', type: string | undefined, detail: string): void {
    this.metrics.droppedEvent(reason);
    const n = ++this.badEvents;
    if (reason === 'unknown') this.log.debug({ type }, 'unknown OpenAI Realtime event ignored');
    // A garbled stream must not flood the log: the first few, then every 100th.
    else if (n <= 5 || n % 100 === 0) this.log.warn({ reason, type, detail, count: n }, 'unusable OpenAI Realtime event dropped');
  }

  private onEvent(ev: RealtimeEvent): void {
    switch (ev.kind) {
      case 'session.created':
        this.log.debug('OpenAI Realtime session created');
        return;
      case 'session.updated':
        this.started?.resolve();
        return;
      case 'error':
        return this.onError(ev);
      case 'speech_started':
        return this.bargeIn();
      case 'speech_stopped':
        return;
      case 'response.created':
        this.activeResponse = ev.responseId;
        this.responseRequested = false;
        this.responses.set(ev.responseId, { audio: false, calls: new Map() });
        return;
      case 'audio.delta': {
        this.audioOutBytes += base64Bytes(ev.delta); // generated (and billed) whether or not it plays
        if (this.cutResponses.has(ev.responseId) || this.cutItems.has(ev.itemId)) return;
        const r = this.responses.get(ev.responseId);
        if (r) r.audio = true;
        this.playout.push(ev.itemId, Buffer.from(ev.delta, 'base64'));
        return;
      }
      case 'audio.done':
        this.playout.endItem(ev.itemId);
        return;
      case 'transcript':
        if (ev.role === 'agent') this.agentTurns.text(ev.itemId, ev.text);
        else {
          if (ev.usage && this.models.transcriptionModel) this.ctx.usage?.('stt', 'openai', this.models.transcriptionModel, { requests: 1, ...ev.usage });
          if (ev.text.trim() !== '') this.publishTurn({ role: 'user', text: ev.text.trim() }, ev.itemId);
        }
        return;
      case 'transcription.failed':
        this.log.warn({ itemId: ev.itemId, message: ev.message }, 'caller transcription failed');
        return;
      case 'function_call':
        if (!this.handledCalls.has(ev.call.callId)) this.responses.get(ev.responseId)?.calls.set(ev.call.callId, ev.call);
        return;
      case 'response.done':
        return this.onResponseDone(ev);
      case 'ignored':
        return;
    }
  }

  private onError(ev: Extract<RealtimeEvent, { kind: 'error' }>): void {
    if (this.started) {
      this.started.reject(new RealtimeError('OPENAI_SESSION_REJECTED', `OpenAI Realtime rejected the session: ${ev.code || ev.errorType}: ${ev.message}`));
      return;
    }
    this.metrics.providerError(ev.code || ev.errorType);
    if (ev.code === 'conversation_already_has_active_response') this.responseDeferred = true; // asked too early: ask again when it is done
    const line = { type: ev.errorType, code: ev.code, message: ev.message, param: ev.param, eventId: ev.eventId };
    if (QUIET_ERRORS.has(ev.code)) this.log.debug(line, 'OpenAI Realtime error');
    else this.log.warn(line, 'OpenAI Realtime error');
  }

  /** The caller started talking: stop playback, tell the model what was heard, stop the answer. */
  private bargeIn(): void {
    const playing = !this.playout.idle;
    const cuts = this.playout.interrupt();
    if (playing) this.ctx.out.clear();
    for (const c of cuts) {
      this.cutItems.add(c.itemId);
      this.agentTurns.cut(c.itemId, c.audioEndMs, c.receivedMs);
      this.socket.send({ type: 'conversation.item.truncate', item_id: c.itemId, content_index: 0, audio_end_ms: c.audioEndMs });
    }
    const cancelled = this.activeResponse;
    if (cancelled) {
      this.cutResponses.add(cancelled);
      this.socket.send({ type: 'response.cancel', response_id: cancelled });
    }
    this.responseDeferred = false; // the caller's turn will get its own response
    if (playing || cancelled) {
      this.metrics.bargeIn();
      this.log.info({ truncated: cuts, cancelled }, 'caller barged in');
    }
  }

  private onResponseDone(ev: Extract<RealtimeEvent, { kind: 'response.done' }>): void {
    this.reportUsage(ev.usage);
    if (this.activeResponse === ev.responseId) this.activeResponse = undefined;
    const r = this.responses.get(ev.responseId) ?? { audio: false, calls: new Map<string, FunctionCallItem>() };
    this.responses.delete(ev.responseId);
    this.cutResponses.delete(ev.responseId);
    if (!this.cutResponses.size && this.cutItems.size > 64) this.cutItems.clear();
    if (ev.status === 'failed' || ev.status === 'incomplete') this.log.warn({ responseId: ev.responseId, status: ev.status, details: ev.statusDetail }, 'OpenAI Realtime response did not complete');
    if (ev.status !== 'cancelled') this.playout.endCurrent(); // the last item's audio is complete
    // A cancelled answer may never get its transcript event; its item in the output has the text.
    for (const t of ev.transcripts) this.agentTurns.text(t.itemId, t.text);

    for (const c of ev.functionCalls) if (!this.handledCalls.has(c.callId) && !r.calls.has(c.callId)) r.calls.set(c.callId, c);
    let wantsResponse = false;
    for (const call of r.calls.values()) {
      this.handledCalls.add(call.callId);
      // Declared tools other than end_call (whose hang-up timing lives here) run in the shared runner.
      if (call.name !== 'end_call' && this.tools?.tools.some((t) => t.name === call.name)) {
        void this.runSharedTool(call);
        continue;
      }
      const result = runTool(call.name, call.arguments);
      this.log.info({ tool: call.name, callId: call.callId, output: result.output }, 'tool call');
      this.socket.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: call.callId, output: result.output } });
      if (result.endCall) {
        if (!this.endCall) this.endCall = { reason: result.endCall.reason, stage: 'goodbye' };
      } else wantsResponse = true;
    }

    if (this.endCall) {
      if (this.endCall.stage === 'goodbye' && !r.audio && ev.status !== 'cancelled' && !this.endCall.timer) {
        // end_call without a goodbye: ask for one, hang up once it has played.
        this.requestResponse();
        this.endCall.timer = setTimeout(() => this.hangup('agent ended the call', 'no goodbye in time'), (this.opts.hangupGraceMs ?? 10_000) * 2);
        this.endCall.timer.unref();
      } else this.hangupAfterPlayout();
      return;
    }
    if (ev.status === 'cancelled') return; // the caller is talking; their turn gets a response
    if (wantsResponse || this.responseDeferred) {
      this.responseDeferred = false;
      this.requestResponse();
    }
  }

  /** A response's tokens as the server states them, with the audio both ways since the last report. */
  private reportUsage(tokens: UsageDelta | undefined): void {
    this.reportAudio({ requests: 1, ...tokens });
  }

  private reportAudio(d: UsageDelta = {}): void {
    d.audioInMs = (this.audioInSamples * 1000) / REALTIME_RATE;
    d.audioOutMs = (this.audioOutBytes * 500) / REALTIME_RATE;
    this.audioInSamples = this.audioOutBytes = 0;
    this.ctx.usage?.('realtime', 'openai', this.models.model, d);
  }

  /** A declared tool (http, transfer, …): answer the model once it has run, then let it speak. */
  private async runSharedTool(call: FunctionCallItem): Promise<void> {
    const result = await this.tools!.run(call.name, call.arguments);
    if (this.phase === 'ended') return;
    this.socket.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: call.callId, output: result.output } });
    if (!this.endCall) this.requestResponse();
  }

  onTransferOutcome(o: TransferOutcome): void {
    this.tools?.onTransferOutcome(o);
  }

  private requestResponse(response?: Record<string, unknown>): void {
    if (this.activeResponse || this.responseRequested) {
      this.responseDeferred = true;
      return;
    }
    this.responseRequested = true;
    this.socket.send(response ? { type: 'response.create', response } : { type: 'response.create' });
  }

  /** end_call: the goodbye is all sent; hang up when the mark after it plays (or a bound passes). */
  private hangupAfterPlayout(): void {
    const e = this.endCall;
    if (!e || e.stage === 'playout') return;
    e.stage = 'playout';
    if (e.timer) clearTimeout(e.timer);
    this.playout.endCurrent();
    this.ctx.out.mark(HANGUP_MARK);
    e.timer = setTimeout(() => this.hangup('agent ended the call', 'the goodbye did not report played in time'), this.playout.unplayedMs + (this.opts.hangupGraceMs ?? 10_000));
    e.timer.unref();
    this.log.info({ reason: e.reason, unplayedMs: Math.round(this.playout.unplayedMs) }, 'the model ended the call: hanging up after the goodbye');
  }

  private hangup(reason: string, detail: string): void {
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.stopTimers();
    this.log.info({ reason, detail }, 'hanging up');
    this.ctx.out.hangup(reason);
    this.socket.close(1000, 'call ended');
  }

  private onLost({ code, reason }: { code: number; reason: string }): void {
    if (this.started) {
      this.started.reject(new RealtimeError('OPENAI_CLOSED', `OpenAI Realtime closed the session before it started (${code}${reason ? `: ${reason}` : ''})`, { retryable: code !== 1000 && code !== 1008 }));
      return;
    }
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.stopTimers();
    this.settleUnplayed();
    if (code === 1000) {
      this.log.info({ code, reason }, 'OpenAI Realtime ended the session; hanging up');
      this.ctx.out.hangup('agent ended the call');
    } else {
      this.log.warn({ code, reason }, 'OpenAI Realtime connection lost; hanging up');
      this.ctx.out.hangup('agent connection lost');
    }
  }

  /** The call is over mid-answer: what the caller heard of it is part of the conversation. */
  private settleUnplayed(): void {
    for (const c of this.playout.cuts()) this.agentTurns.cut(c.itemId, c.audioEndMs, c.receivedMs);
  }

  private stopTimers(): void {
    if (this.endCall?.timer) clearTimeout(this.endCall.timer);
  }
}

/** Bytes a base64 string decodes to (without decoding it). */
function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return ((b64.length * 3) >> 2) - pad;
}
