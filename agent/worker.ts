// An agent worker: takes calls from the `agent.dispatch` queue group (request/reply), runs the agent
// kind the call's route names, and heart-beats its load so the media core can tell it is alive. It also
// publishes what the kinds report of a call: transcript turns, provider usage (summed, one Usage event
// after each agent turn and at the end) and, once the call has ended, the LLM's summary of it.
import { randomBytes } from 'node:crypto';
import { uap, subjects, DISPATCH_QUEUE, decodeAudioFrame, newAudioFrameView, type AudioFrameView } from '../proto/index.ts';
import type { Bus, BusMsg, Subscription } from '../lib/bus/types.ts';
import { callLogger, type Logger } from '../lib/logger.ts';
import { Counter, Gauge, Histogram, hotCounter, type Registry } from '../lib/metrics.ts';
import { errorMessage } from '../lib/errors.ts';
import { BusAgentOutput } from './call-output.ts';
import { busDataTools } from './tools/data-tools.ts';
import type { AgentCall, AgentCallContext, AgentKind, AgentTurn, HandoffResult } from './kinds/types.ts';
import { CallEventPublisher } from '../lib/call-events.ts';
import { CallUsage, type UsageDelta, type UsageService } from './usage/call-usage.ts';
import { usageMetrics, type UsageMetrics } from './usage/usage-metrics.ts';
import { EndOfCallSummaries } from './summary/summaries.ts';
import { CallRecordings } from './recordings.ts';
import type { RecordingStore } from '../lib/recordings.ts';

/** A latency stage as whole ms for the wire (uint32). */
const ms = (v: number | undefined): number => (v === undefined || !(v > 0) ? 0 : Math.min(0xffffffff, Math.round(v)));

const toTurn = (t: uap.ITranscript): AgentTurn => ({ role: t.role === 'user' ? 'user' : 'agent', text: t.text ?? '', interrupted: t.interrupted ?? false });

export interface WorkerOptions {
  bus: Bus;
  log: Logger;
  registry: Registry;
  kinds: AgentKind[];
  capacity: number;
  heartbeatIntervalMs: number;
  /** Agent settings for a config id when the dispatch request carries none (config-file routing). */
  resolveSettings?: (agentConfigId: string) => Record<string, unknown> | undefined;
  /** Fetches settings from the control API when neither the request nor config carries them. */
  fetchSettings?: (tenantId: string, agentConfigId: string) => Promise<Record<string, unknown> | undefined>;
  /** A call with no caller audio for this long is presumed orphaned (media gone) and released. */
  idleTimeoutMs?: number;
  /** Longest wait for an ended call's summary. Default 10 s. */
  summaryTimeoutMs?: number;
  /** The agent kind of a config id when settings come from config (ROUTES); else the config's `kind`. */
  resolveKind?: (agentConfigId: string) => string | undefined;
  /** Where finished recordings (voicemail) go; without it agents cannot record. */
  recordings?: RecordingStore;
}

interface LiveCall {
  callId: string;
  call: AgentCall;
  subs: Subscription[];
  lastAudio: number;
  log: Logger;
  /** Reused for every frame of the call. */
  frame: AudioFrameView;
  events: CallEventPublisher;
  /** Final turns so far (a re-dispatched call starts from the history): what the summary reads. */
  turns: AgentTurn[];
  usage: CallUsage;
  usageFlushedAt: number;
  /** Set once released: usage reported later (a stream cut at the end) is flushed shortly after. */
  released: boolean;
  usageTimer: NodeJS.Timeout | undefined;
  /** What the current agent was created with (a handoff derives the next agent's from it). */
  ctx: AgentCallContext;
  out: BusAgentOutput;
  kindName: string;
  handoffs: number;
}

/** Usage is published at least this often while a call has some (kinds that publish no agent turns). */
const USAGE_FLUSH_MS = 60_000;
/** Usage reported after the call's release is published after this pause (collects the stragglers). */
const LATE_USAGE_MS = 200;
/** Handoffs one call may make (offline menus can hand to offline menus: no endless loop). */
const MAX_HANDOFFS = 5;

export class AgentWorker {
  readonly workerId = `w-${randomBytes(6).toString('hex')}`;
  private readonly calls = new Map<string, LiveCall>();
  private readonly kinds = new Map<string, AgentKind>();
  private dispatchSub: Subscription | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private draining = false;
  private readonly m;
  private readonly usageMetrics: UsageMetrics;
  private readonly summaries: EndOfCallSummaries;

  constructor(private readonly o: WorkerOptions) {
    for (const k of o.kinds) this.kinds.set(k.name, k);
    const r = o.registry;
    this.m = {
      active: new Gauge({ name: 'uap_agent_active_calls', help: 'Calls handled by this agent worker', registers: [r] }),
      dispatch: new Counter({ name: 'uap_agent_dispatch_total', help: 'Dispatch requests by outcome', labelNames: ['outcome'], registers: [r] }),
      framesIn: hotCounter({ name: 'uap_agent_frames_in_total', help: 'Caller frames received by agents', registers: [r] }).child(),
      badFrames: new Counter({ name: 'uap_agent_bad_messages_total', help: 'Undecodable bus messages dropped', registers: [r] }),
      toolCalls: new Counter({ name: 'uap_agent_tool_calls_total', help: 'Tool calls made by agents, by tool type and outcome', labelNames: ['type', 'outcome'], registers: [r] }),
      toolSeconds: new Histogram({ name: 'uap_agent_tool_seconds', help: 'Time to run a tool call', labelNames: ['type'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [r] }),
      errors: new Counter({ name: 'uap_agent_errors_total', help: 'Errors thrown by agent kinds', labelNames: ['kind'], registers: [r] }),
      recordings: new Counter({ name: 'uap_agent_recordings_total', help: 'Recordings (voicemail) agents stored, by outcome', labelNames: ['kind', 'outcome'], registers: [r] }),
      handoffs: new Counter({ name: 'uap_agent_handoffs_total', help: 'Calls handed to another agent config, by outcome (ok or the refusal code)', labelNames: ['outcome'], registers: [r] }),
    };
    this.usageMetrics = usageMetrics(r);
    this.summaries = new EndOfCallSummaries(r, o.summaryTimeoutMs ?? 10_000);
  }

  start(): void {
    this.dispatchSub = this.o.bus.subscribe(subjects.dispatch, (m) => void this.onDispatch(m), { queue: DISPATCH_QUEUE });
    this.heartbeat = setInterval(() => this.beat(), this.o.heartbeatIntervalMs);
    this.heartbeat.unref();
    this.beat();
    this.o.log.info({ workerId: this.workerId, kinds: [...this.kinds.keys()], capacity: this.o.capacity }, 'agent worker ready');
  }

  get activeCalls(): number {
    return this.calls.size;
  }

  private beat(): void {
    const idle = this.o.idleTimeoutMs ?? 60_000;
    const now = Date.now();
    for (const c of this.calls.values()) {
      if (now - c.lastAudio > idle) {
        c.log.warn('no caller audio for too long: releasing the call');
        this.release(c.callId, 'idle timeout');
      } else if (now - c.usageFlushedAt > USAGE_FLUSH_MS) this.flushUsage(c);
    }
    this.o.bus.publish(
      subjects.heartbeat(this.workerId),
      uap.Heartbeat.encode({ workerId: this.workerId, activeCalls: this.calls.size, capacity: this.o.capacity, ts: now, callIds: [...this.calls.keys()] }).finish(),
    );
  }

  private refuse(msg: BusMsg, code: string, message: string): void {
    this.m.dispatch.labels(code).inc();
    msg.respond(uap.DispatchReply.encode({ accepted: false, workerId: this.workerId, errorCode: code, errorMessage: message }).finish());
  }

  private async onDispatch(msg: BusMsg): Promise<void> {
    let req: uap.DispatchRequest;
    try {
      req = uap.DispatchRequest.decode(msg.data);
    } catch {
      return this.refuse(msg, 'BAD_REQUEST', 'undecodable dispatch request');
    }
    if (this.draining) return this.refuse(msg, 'DRAINING', 'worker is shutting down');
    if (this.calls.size >= this.o.capacity) return this.refuse(msg, 'AT_CAPACITY', `worker at capacity (${this.o.capacity})`);
    if (this.calls.has(req.callId)) return this.refuse(msg, 'DUPLICATE', 'call already handled here');
    const kind = this.kinds.get(req.agentKind || 'offline');
    if (!kind) return this.refuse(msg, 'UNKNOWN_AGENT_KIND', `no agent kind "${req.agentKind}" on this worker`);
    const log = callLogger(this.o.log, req.callId, req.tenantId, { workerId: this.workerId, agentKind: kind.name });
    let settings: Record<string, unknown> = this.o.resolveSettings?.(req.agentConfigId) ?? (!req.agentConfigJson && this.o.fetchSettings ? await this.o.fetchSettings(req.tenantId, req.agentConfigId) : undefined) ?? {};
    if (req.agentConfigJson) {
      try {
        settings = JSON.parse(req.agentConfigJson);
      } catch {
        return this.refuse(msg, 'BAD_AGENT_CONFIG', 'agent config is not valid JSON');
      }
    }
    const out = new BusAgentOutput(this.o.bus, req.callId, kind.outputRate);
    const resume = req.attempt > 0 ? { attempt: req.attempt, history: req.history.map(toTurn) } : undefined;
    // Event ids carry the worker id: a replacement worker's turns must not collide with the dead one's.
    const events = new CallEventPublisher(this.o.bus, req.callId, req.tenantId, log, `agent-${this.workerId}`);
    const live: LiveCall = {
      callId: req.callId,
      call: undefined as unknown as AgentCall,
      subs: [],
      lastAudio: Date.now(),
      log,
      frame: newAudioFrameView(),
      events,
      turns: resume ? [...resume.history] : [],
      usage: new CallUsage(),
      usageFlushedAt: Date.now(),
      released: false,
      usageTimer: undefined,
      ctx: undefined as unknown as AgentCallContext,
      out,
      kindName: kind.name,
      handoffs: 0,
    };
    this.calls.set(req.callId, live);
    this.m.active.set(this.calls.size);
    try {
      const transcript = (t: AgentTurn) => {
        const l = t.latency;
        const latency = l ? { endpointingMs: ms(l.endpointingMs), sttMs: ms(l.sttMs), llmFirstTokenMs: ms(l.llmFirstTokenMs), ttsFirstByteMs: ms(l.ttsFirstByteMs), firstAudioMs: ms(l.firstAudioMs) } : undefined;
        live.turns.push({ role: t.role, text: t.text, interrupted: t.interrupted ?? false });
        void events.emit({ transcript: { role: t.role, text: t.text, final: true, interrupted: t.interrupted ?? false, startMs: t.startMs ?? 0, endMs: t.endMs ?? 0, latency } });
        // An agent turn closes an exchange: what it cost goes out with it.
        if (t.role === 'agent') this.flushUsage(live);
      };
      const usage = (service: UsageService, provider: string, model: string, d: UsageDelta) => {
        live.usage.add(service, provider, model, d);
        this.usageMetrics(service, provider, d);
        if (live.released && !live.usageTimer) {
          live.usageTimer = setTimeout(() => this.flushUsage(live), LATE_USAGE_MS);
          live.usageTimer.unref();
        }
      };
      const onToolCall = (_name: string, type: string, outcome: string, ms: number) => {
        this.m.toolCalls.labels(type, outcome).inc();
        this.m.toolSeconds.labels(type).observe(ms / 1000);
      };
      const recordings = this.o.recordings ? new CallRecordings(this.o.recordings, events, req.callId, req.tenantId, log) : undefined;
      live.ctx = {
        callId: req.callId, tenantId: req.tenantId, from: req.from, to: req.to, inputRate: req.sampleRate, sourceRate: req.sourceRate || req.sampleRate, settings, log, out, resume, transcript, onToolCall, usage,
        agentConfigId: req.agentConfigId || undefined, data: busDataTools(this.o.bus, req.tenantId, req.callId),
        saveRecording: recordings ? (r) => this.countRecording(r.kind, recordings.save(r)) : undefined,
        handoff: (agentConfigId) => this.handoff(live, agentConfigId),
      };
      live.call = await kind.create(live.ctx);
    } catch (err) {
      live.released = true;
      this.flushUsage(live); // a start that failed after provider work (e.g. a retried connection)
      this.calls.delete(req.callId);
      this.m.active.set(this.calls.size);
      log.error({ err: errorMessage(err) }, 'agent failed to start');
      return this.refuse(msg, 'AGENT_START_FAILED', errorMessage(err));
    }
    // Subscribe before accepting, so no caller frame after the reply is missed.
    live.subs.push(this.o.bus.subscribe(subjects.mediaIn(req.callId), (m) => this.onAudio(live, m)));
    live.subs.push(this.o.bus.subscribe(subjects.callEvent(req.callId), (m) => this.onEvent(live, m)));
    this.m.dispatch.labels('accepted').inc();
    msg.respond(uap.DispatchReply.encode({ accepted: true, workerId: this.workerId, sampleRate: kind.outputRate }).finish());
    log.info(req.attempt > 0 ? { attempt: req.attempt, turns: req.history.length } : {}, req.attempt > 0 ? 'call taken over from a lost worker' : 'call accepted');
  }

  private onAudio(live: LiveCall, m: BusMsg): void {
    let frame: AudioFrameView;
    try {
      frame = decodeAudioFrame(m.data, live.frame);
    } catch {
      this.m.badFrames.inc();
      return;
    }
    live.lastAudio = Date.now();
    this.m.framesIn.inc();
    try {
      live.call.onAudio(frame);
    } catch (err) {
      this.kindError(live, err);
    }
  }

  private onEvent(live: LiveCall, m: BusMsg): void {
    let ev: uap.CallEvent;
    try {
      ev = uap.CallEvent.decode(m.data);
    } catch {
      this.m.badFrames.inc();
      return;
    }
    try {
      if (ev.dtmf) live.call.onDtmf?.(ev.dtmf.digit ?? '');
      else if (ev.mark) live.call.onMarkPlayed?.(ev.mark.name ?? '', ev.mark.cleared ?? false);
      else if (ev.transfer) live.call.onTransferOutcome?.({ target: ev.transfer.target ?? '', ok: ev.transfer.ok ?? false, errorCode: ev.transfer.errorCode ?? '', errorMessage: ev.transfer.errorMessage ?? '' });
      else if (ev.ended) this.release(live.callId, uap.EndReason[ev.ended.reason ?? 0] ?? 'ended');
    } catch (err) {
      this.kindError(live, err);
    }
  }

  /**
   * Hands the call to another agent configuration in place: same worker, same media session, the new
   * kind's output continuing the frame sequence. The previous agent is ended only once the new one has
   * started, so a failed start leaves the call with the agent it had. The `handoff` call event tells the
   * media core (a later re-dispatch goes to the new configuration) and history.
   */
  private async handoff(live: LiveCall, agentConfigId: string): Promise<HandoffResult> {
    const fail = (errorCode: string, errorMessage: string): HandoffResult => {
      this.m.handoffs.labels(errorCode).inc();
      live.log.warn({ agentConfigId, errorCode, error: errorMessage }, 'handoff to another agent failed');
      return { ok: false, errorCode, errorMessage };
    };
    if (live.handoffs >= MAX_HANDOFFS) return fail('TOO_MANY_HANDOFFS', `a call may be handed on at most ${MAX_HANDOFFS} times`);
    const { tenantId } = live.ctx;
    const settings = this.o.resolveSettings?.(agentConfigId) ?? (await this.o.fetchSettings?.(tenantId, agentConfigId));
    const kindName = this.o.resolveKind?.(agentConfigId) ?? (typeof settings?.kind === 'string' ? settings.kind : undefined);
    if (!settings || !kindName) return fail('UNKNOWN_AGENT_CONFIG', `no agent config "${agentConfigId}"`);
    const kind = this.kinds.get(kindName);
    if (!kind) return fail('UNKNOWN_AGENT_KIND', `no agent kind "${kindName}" on this worker`);
    if (live.released) return fail('CALL_ENDED', 'the call ended first');
    const log = callLogger(this.o.log, live.callId, tenantId, { workerId: this.workerId, agentKind: kind.name });
    const out = new BusAgentOutput(this.o.bus, live.callId, kind.outputRate, live.out.lastSeq);
    const ctx: AgentCallContext = { ...live.ctx, agentConfigId, settings, log, out, resume: undefined };
    let next: AgentCall;
    try {
      next = await kind.create(ctx);
    } catch (err) {
      return fail('AGENT_START_FAILED', errorMessage(err));
    }
    if (live.released) {
      try {
        next.onEnd('ended');
      } catch (err) {
        this.kindError(live, err);
      }
      return fail('CALL_ENDED', 'the call ended first');
    }
    const prev = live.call;
    const fromKind = live.kindName;
    Object.assign(live, { call: next, ctx, out, log, kindName: kind.name, handoffs: live.handoffs + 1 });
    try {
      prev.onEnd('handed off');
    } catch (err) {
      this.kindError(live, err);
    }
    void live.events.emit({ handoff: { agentKind: kind.name, agentConfigId, fromKind } });
    this.m.handoffs.labels('ok').inc();
    log.info({ fromKind, agentConfigId }, 'call handed to another agent');
    return { ok: true, agentKind: kind.name };
  }

  private countRecording<T>(kind: string, saving: Promise<T>): Promise<T> {
    return saving.then(
      (v) => (this.m.recordings.labels(kind, 'stored').inc(), v),
      (err: unknown) => {
        this.m.recordings.labels(kind, 'failed').inc();
        throw err;
      },
    );
  }

  private kindError(live: LiveCall, err: unknown): void {
    this.m.errors.labels(live.call ? 'call' : 'start').inc();
    live.log.error({ err: errorMessage(err) }, 'agent error');
  }

  private release(callId: string, reason: string): void {
    const live = this.calls.get(callId);
    if (!live) return;
    this.calls.delete(callId);
    this.m.active.set(this.calls.size);
    for (const s of live.subs) s.unsubscribe();
    live.released = true;
    try {
      live.call.onEnd(reason);
    } catch (err) {
      this.kindError(live, err);
    }
    this.flushUsage(live);
    live.log.info({ reason }, 'call released');
    const summarize = live.call.summarize;
    // The summary's own tokens are published once it is done.
    if (summarize) this.summaries.run(summarize, live.turns, live.log, (s) => live.events.emit({ summary: s }, false), () => this.flushUsage(live));
  }


  /** Publishes the usage summed since the last flush (one Usage event; nothing when there is none). */
  private flushUsage(live: LiveCall): void {
    clearTimeout(live.usageTimer);
    live.usageTimer = undefined;
    live.usageFlushedAt = Date.now();
    if (live.usage.empty) return;
    const items = live.usage.take();
    if (items.length > 0) void live.events.emit({ usage: { items } }, false);
  }

  /** Stop taking calls; wait for live ones to end (bounded). */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    this.dispatchSub?.unsubscribe();
    const deadline = Date.now() + timeoutMs;
    while (this.calls.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const id of [...this.calls.keys()]) this.release(id, 'shutdown');
    await this.summaries.drain(); // each bounded by its own timeout
  }

  close(): void {
    this.draining = true;
    this.dispatchSub?.unsubscribe();
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const id of [...this.calls.keys()]) this.release(id, 'shutdown');
    this.summaries.close();
  }
}
