// One call's media: publishes caller audio to the bus, queues and paces agent audio to the caller,
// obeys agent control (clear, mark, hangup), reports call events. Transport-agnostic: a transport
// (Twilio WebSocket, SIP/RTP, WebRTC) decodes to PCM and implements SessionTransport.
import { performance } from 'node:perf_hooks';
import { uap, subjects, AudioFrameEncoder, decodeAudioFrame, newAudioFrameView, type AudioFrameView } from '../../proto/index.ts';
import type { Bus, BusMsg, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { CallEventPublisher } from '../../lib/call-events.ts';
import { errorMessage, BusNoRespondersError } from '../../lib/errors.ts';
import { pcmSamples, pcmBytes } from '../../lib/pcm.ts';
import { Resampler } from '../codecs/index.ts';
import { OutboundQueue } from './outbound-queue.ts';
import { PlayoutClock, type PacedOutput } from './pacer.ts';
import type { SharedTicker, Pumpable } from './ticker.ts';
import type { MediaMetrics } from '../metrics.ts';

export interface SessionTransport {
  readonly name: string;
  /** PCM at the transport's rate, exactly one chunk (20 ms). Returns false if the frame had to be dropped. */
  sendAudio(pcm: Int16Array): boolean;
  sendMark(name: string): void;
  clear(): void;
  hangup(reason: string): void;
}

export interface SessionOptions {
  callId: string;
  tenantId: string;
  started: uap.ICallStarted;
  transportRate: number;
  internalRate: number;
  leadMs: number;
  queueMaxMs: number;
  dispatchTimeoutMs: number;
  agentConfigJson?: string;
}

export interface SessionDeps {
  bus: Bus;
  log: Logger;
  metrics: MediaMetrics;
  ticker: SharedTicker;
  transport: SessionTransport;
  /** False while the bus link is down: caller audio is dropped then (a late frame is a lost frame). */
  linkUp?: () => boolean;
  onClosed?: (s: MediaSession) => void;
}

const CHUNK_MS = 20;
const LATENCY_RING = 64;
/** Final transcript turns kept for a re-dispatch (the newest; older ones are in the call's history). */
const HISTORY_TURNS = 50;
/** A transfer is a provider REST call or a SIP REFER round trip. */
const TRANSFER_TIMEOUT_MS = 10_000;
// Scratch shared by every session: audio is processed synchronously, one frame at a time.
const scratchIn = new Int16Array(48_000 / 50 * 4);
const scratchOut = new Int16Array(48_000 / 50 * 4);
const scratchAlign = new Int16Array(48_000 / 50 * 4);

export const nowEpochMs = (): number => performance.timeOrigin + performance.now();

export class MediaSession implements Pumpable {
  readonly callId: string;
  readonly tenantId: string;
  readonly log: Logger;
  readonly startedAt = Date.now();
  private readonly events: CallEventPublisher;
  private readonly queue: OutboundQueue;
  private readonly clock: PlayoutClock;
  private readonly upsampler: Resampler;
  private downsampler: Resampler | undefined;
  private subs: Subscription[] = [];
  private readonly inSubject: string;
  private closed = false;
  private inSeq = 0;
  private lastOutSeq = 0;
  /** Marks from the agent that refer to an out-frame not received yet. */
  private waitingMarks: { name: string; afterSeq: number }[] = [];
  private readonly encoder: AudioFrameEncoder;
  private readonly outView: AudioFrameView = newAudioFrameView();
  /** Ring of (queue end position, origin time) for relay latency. */
  private readonly latPos = new Float64Array(LATENCY_RING);
  private readonly latOrigin = new Float64Array(LATENCY_RING);
  private latHead = 0;
  private latTail = 0;
  private latSamples = 0;
  private sentSamples = 0;
  private queuedTotal = 0;
  framesIn = 0;
  framesOut = 0;
  framesDropped = 0;
  framesLate = 0;
  /** The agent worker handling the call ('' while dispatching). */
  workerId = '';
  /** When the current worker accepted the call (Date.now()). */
  dispatchedAt = 0;
  /** Re-dispatches so far. */
  dispatchAttempt = 0;
  private redispatching = false;
  private transferred = false;
  /** Final transcript turns of the call so far, handed to a replacement worker. */
  private readonly history: uap.ITranscript[] = [];
  /** The agent configuration a (re-)dispatch asks for: routing's, until an agent hands the call on. */
  private agent: { kind: string; configId: string; configJson: string };

  constructor(readonly opts: SessionOptions, private readonly deps: SessionDeps) {
    this.callId = opts.callId;
    this.tenantId = opts.tenantId;
    this.log = deps.log;
    this.events = new CallEventPublisher(deps.bus, opts.callId, opts.tenantId, deps.log, 'media');
    const chunk = (opts.transportRate * CHUNK_MS) / 1000;
    this.queue = new OutboundQueue(Math.ceil((opts.transportRate * opts.queueMaxMs) / 1000), chunk);
    this.clock = new PlayoutClock(CHUNK_MS, opts.leadMs);
    this.clock.chunkSamplesHint = chunk;
    this.output = { queue: this.queue, sendChunk: this.sendChunk, sendMark: this.sendMark };
    this.upsampler = new Resampler(opts.transportRate, opts.internalRate);
    this.encoder = new AudioFrameEncoder(opts.callId);
    this.inSubject = subjects.mediaIn(opts.callId);
    this.agent = { kind: opts.started.agentKind || 'offline', configId: opts.started.agentConfigId ?? '', configJson: opts.agentConfigJson ?? '' };
  }

  /** Subscribes to the agent's audio and control, announces the call, and dispatches it to an agent. */
  async start(): Promise<boolean> {
    const { bus } = this.deps;
    this.subs.push(bus.subscribe(subjects.mediaOut(this.callId), (m) => this.onAgentAudio(m)));
    this.subs.push(bus.subscribe(subjects.control(this.callId), (m) => this.onControl(m)));
    this.subs.push(bus.subscribe(subjects.callEvent(this.callId), (m) => this.onCallEvent(m)));
    this.deps.metrics.activeCalls.inc();
    void this.events.emit({ started: this.opts.started });
    return this.dispatch();
  }

  private async dispatch(): Promise<boolean> {
    const attempt = this.dispatchAttempt;
    const req = uap.DispatchRequest.encode({
      callId: this.callId,
      tenantId: this.tenantId,
      agentKind: this.agent.kind,
      agentConfigId: this.agent.configId,
      agentConfigJson: this.agent.configJson,
      sampleRate: this.opts.internalRate,
      sourceRate: this.opts.transportRate,
      from: this.opts.started.from ?? '',
      to: this.opts.started.to ?? '',
      transport: this.opts.started.transport ?? '',
      attempt,
      history: attempt > 0 ? this.history : [],
    }).finish();
    const t0 = performance.now();
    let lastError = '';
    for (let tries = 1; tries <= 3 && !this.closed; tries++) {
      try {
        const reply = uap.DispatchReply.decode(await this.deps.bus.request(subjects.dispatch, req, { timeoutMs: this.opts.dispatchTimeoutMs }));
        if (reply.accepted) {
          this.workerId = reply.workerId;
          this.dispatchedAt = Date.now();
          this.deps.metrics.dispatchSeconds.observe((performance.now() - t0) / 1000);
          this.log.info({ workerId: reply.workerId, tries, attempt }, attempt > 0 ? 'call re-dispatched to another agent' : 'call dispatched to agent');
          return true;
        }
        lastError = `${reply.errorCode}: ${reply.errorMessage}`;
      } catch (err) {
        lastError = errorMessage(err);
      }
      this.log.warn({ tries, attempt, error: lastError }, 'dispatch attempt failed');
      if (!this.closed && tries < 3) await new Promise((r) => setTimeout(r, 100 * tries));
    }
    if (!this.closed) {
      this.log.error({ error: lastError }, 'no agent took the call; hanging up');
      this.end(uap.EndReason.NO_AGENT, lastError);
      this.deps.transport.hangup('no agent available');
    }
    return false;
  }

  /**
   * The call's worker is gone (stopped heart-beating, or no longer lists the call): hand the call to
   * another worker, with the conversation so far, while the caller stays connected. Audio already
   * queued plays on; the new worker's frames restart their sequence, and the old worker's pending marks
   * can never be placed.
   */
  async redispatch(reason: string): Promise<boolean> {
    if (this.closed || this.redispatching || !this.workerId) return false;
    this.redispatching = true;
    const lost = this.workerId;
    this.workerId = '';
    this.lastOutSeq = 0;
    this.waitingMarks = [];
    this.dispatchAttempt++;
    this.deps.metrics.redispatched(reason);
    this.log.warn({ lostWorkerId: lost, reason, attempt: this.dispatchAttempt, turns: this.history.length }, 'agent worker lost: re-dispatching the call');
    try {
      return await this.dispatch();
    } finally {
      this.redispatching = false;
    }
  }

  /** Keeps the final transcript turns (from whichever worker), and the agent handed to, for a re-dispatch. */
  private onCallEvent(m: BusMsg): void {
    if (this.closed) return;
    let ev: uap.CallEvent;
    try {
      ev = uap.CallEvent.decode(m.data);
    } catch {
      return; // not ours to police: the agent worker counts undecodable events
    }
    if (ev.handoff?.agentKind) {
      // The worker fetches the new configuration by id (routing's JSON was the previous agent's).
      this.agent = { kind: ev.handoff.agentKind, configId: ev.handoff.agentConfigId ?? '', configJson: '' };
      return;
    }
    const t = ev.transcript;
    if (!t || !t.final || !t.text) return;
    if (this.history.length >= HISTORY_TURNS) this.history.shift();
    this.history.push({ role: t.role, text: t.text, final: true, interrupted: t.interrupted, startMs: t.startMs, endMs: t.endMs });
  }

  /** Caller audio at the transport rate (one chunk, usually 20 ms). */
  onCallerAudio(pcm: Int16Array, mediaTsMs: number): void {
    if (this.closed) return;
    if (this.deps.linkUp && !this.deps.linkUp()) {
      this.framesDropped++;
      this.deps.metrics.droppedBusDown.inc();
      return;
    }
    const n = this.upsampler.process(pcm, scratchIn);
    const bytes = this.encoder.encode(++this.inSeq, mediaTsMs, this.opts.internalRate, pcmBytes(scratchIn.subarray(0, n)), nowEpochMs());
    this.deps.bus.publish(this.inSubject, bytes);
    this.framesIn++;
    this.deps.metrics.framesIn.inc();
  }

  onDtmf(digit: string, mediaTsMs: number): void {
    if (this.closed) return;
    void this.events.emit({ dtmf: { digit, mediaTsMs } });
  }

  /** The far end reports a mark played (or discarded by clear). */
  onMarkPlayed(name: string, cleared = false): void {
    if (this.closed) return;
    void this.events.emit({ mark: { name, cleared } });
  }

  private onAgentAudio(m: BusMsg): void {
    if (this.closed) return;
    let frame: AudioFrameView;
    try {
      frame = decodeAudioFrame(m.data, this.outView);
    } catch {
      this.deps.metrics.droppedBadFrame.inc();
      return;
    }
    if (frame.seq !== 0 && frame.seq <= this.lastOutSeq) {
      // Core NATS can reorder across reconnects; audio older than what is queued is useless.
      this.framesLate++;
      this.deps.metrics.framesLate.inc();
      return;
    }
    this.lastOutSeq = frame.seq;
    const rate = frame.sampleRate;
    const src = pcmSamples(frame.pcm, scratchAlign);
    let out: Int16Array = src;
    let n = src.length;
    if (rate !== this.opts.transportRate) {
      if (!this.downsampler || this.downsampler.inRate !== rate) {
        try {
          this.downsampler?.dispose();
          this.downsampler = new Resampler(rate, this.opts.transportRate);
        } catch {
          this.deps.metrics.droppedBadFrame.inc();
          return;
        }
      }
      if (this.downsampler.outputLength(n) > scratchOut.length) {
        this.deps.metrics.droppedBadFrame.inc();
        return;
      }
      n = this.downsampler.process(src, scratchOut);
      out = scratchOut;
    }
    const dropped = this.queue.push(out, n);
    if (dropped > 0) {
      this.framesDropped++;
      this.deps.metrics.droppedQueueFull.inc();
    }
    this.queuedTotal += n - dropped;
    if (frame.originTs > 0) this.noteOrigin(this.queuedTotal, frame.originTs);
    if (this.waitingMarks.length > 0) this.placeWaitingMarks();
    if (this.pump(performance.now(), frame.originTs > 0)) this.deps.ticker.wake(this);
  }

  private noteOrigin(endPos: number, origin: number): void {
    const next = (this.latHead + 1) % LATENCY_RING;
    if (next === this.latTail) this.latTail = (this.latTail + 1) % LATENCY_RING; // overwrite oldest
    this.latPos[this.latHead] = endPos;
    this.latOrigin[this.latHead] = origin;
    this.latHead = next;
  }

  private placeWaitingMarks(): void {
    while (this.waitingMarks.length > 0 && this.waitingMarks[0].afterSeq <= this.lastOutSeq) {
      this.queue.addMark(this.waitingMarks.shift()!.name);
    }
  }

  private onControl(m: BusMsg): void {
    if (this.closed) return;
    let c: uap.MediaControl;
    try {
      c = uap.MediaControl.decode(m.data);
    } catch (err) {
      this.log.warn({ err: errorMessage(err) }, 'undecodable control message dropped');
      return;
    }
    switch (c.action) {
      case 'clear':
        this.clearPlayback();
        break;
      case 'mark': {
        const name = c.mark!.name ?? '';
        const afterOutSeq = c.mark!.afterOutSeq ?? 0;
        if (afterOutSeq > this.lastOutSeq) this.waitingMarks.push({ name, afterSeq: afterOutSeq });
        else this.queue.addMark(name);
        if (this.pump(performance.now())) this.deps.ticker.wake(this);
        break;
      }
      case 'hangup':
        this.log.info({ reason: c.hangup!.reason }, 'agent hung up');
        this.end(uap.EndReason.AGENT_HANGUP, c.hangup!.reason ?? '');
        this.deps.transport.hangup(c.hangup!.reason || 'agent hangup');
        break;
      case 'transfer':
        void this.transfer(c.transfer!.target ?? '');
        break;
      default:
        this.log.warn('control message without an action dropped');
    }
  }

  /**
   * The agent hands the caller on to `target`. The provider leg belongs to another role (Twilio REST:
   * the control API; SIP REFER: signaling), so the request goes to calls.transfer.<transport>; the
   * outcome becomes a call event the agent sees (and history keeps). After a transfer the caller's
   * stream ends: that end is recorded as TRANSFERRED, not a hang-up.
   */
  private async transfer(target: string): Promise<void> {
    const transport = this.opts.started.transport || this.deps.transport.name;
    let outcome: uap.ITransferOutcome;
    try {
      const req = uap.TransferRequest.encode({ callId: this.callId, tenantId: this.tenantId, providerCallId: this.opts.started.providerCallId ?? '', target }).finish();
      const reply = uap.TransferReply.decode(await this.deps.bus.request(subjects.transfer(transport), req, { timeoutMs: TRANSFER_TIMEOUT_MS }));
      outcome = { target, ok: reply.ok, errorCode: reply.errorCode, errorMessage: reply.errorMessage };
    } catch (err) {
      const unsupported = err instanceof BusNoRespondersError;
      outcome = { target, ok: false, errorCode: unsupported ? 'TRANSFER_UNSUPPORTED' : 'TRANSFER_FAILED', errorMessage: unsupported ? `nothing transfers ${transport} calls here` : errorMessage(err) };
    }
    if (this.closed) return;
    if (outcome.ok) this.transferred = true;
    this.log[outcome.ok ? 'info' : 'warn']({ target, ok: outcome.ok, errorCode: outcome.errorCode, error: outcome.errorMessage }, outcome.ok ? 'call transferred' : 'transfer failed');
    void this.events.emit({ transfer: outcome });
  }

  /** Barge-in: drop queued audio here and at the far end. Marks that will never play are reported as cleared. */
  clearPlayback(): void {
    const unsent = this.queue.clear();
    this.waitingMarks = [];
    this.latTail = this.latHead;
    this.deps.transport.clear();
    this.clock.reset(performance.now());
    for (const name of unsent) void this.events.emit({ mark: { name, cleared: true } });
  }

  private readonly sendChunk = (chunk: Int16Array): boolean => {
    if (this.closed) return false;
    if (this.deps.transport.sendAudio(chunk)) {
      this.framesOut++;
      this.deps.metrics.framesOut.inc();
    } else {
      this.framesDropped++;
      this.deps.metrics.droppedBackpressure.inc();
    }
    this.sentSamples += chunk.length;
    if (this.latHead !== this.latTail && this.latPos[this.latTail] <= this.sentSamples) {
      const now = nowEpochMs();
      while (this.latHead !== this.latTail && this.latPos[this.latTail] <= this.sentSamples) {
        // Sampled 1:4: a histogram observation costs more than the rest of the frame's bookkeeping.
        if ((++this.latSamples & 3) === 0) this.deps.metrics.relayLatency.observe((now - this.latOrigin[this.latTail]) / 1000);
        this.latTail = (this.latTail + 1) % LATENCY_RING;
      }
    }
    return !this.closed;
  };
  private readonly sendMark = (name: string): void => this.deps.transport.sendMark(name);
  private output!: PacedOutput;

  pump(now: number, liveChunk = false): boolean {
    if (this.closed) return false;
    this.clock.pump(this.output, now, liveChunk);
    return this.queue.queuedSamples > 0 || this.queue.hasMarks;
  }

  /** Ends the session once: unsubscribes, reports the end event, releases the ticker. */
  end(reason: uap.EndReason, detail = ''): void {
    if (this.closed) return;
    // After a transfer the provider closes our leg: that is the transfer completing, not a hang-up.
    if (this.transferred && (reason === uap.EndReason.CALLER_HANGUP || reason === uap.EndReason.TRANSPORT_LOST)) reason = uap.EndReason.TRANSFERRED;
    this.closed = true;
    this.deps.ticker.remove(this);
    for (const s of this.subs) s.unsubscribe();
    // Resamplers hold filter state in shared WASM memory: give it back now rather than at GC.
    this.upsampler.dispose();
    this.downsampler?.dispose();
    this.subs = [];
    const durationMs = Date.now() - this.startedAt;
    void this.events.emit({
      ended: { reason, detail, durationMs, framesIn: this.framesIn, framesOut: this.framesOut, framesDropped: this.framesDropped, framesLate: this.framesLate },
    });
    this.deps.metrics.activeCalls.dec();
    this.deps.metrics.callsEnded(uap.EndReason[reason] ?? 'UNKNOWN');
    this.log.info({ reason: uap.EndReason[reason], detail, durationMs, framesIn: this.framesIn, framesOut: this.framesOut, framesDropped: this.framesDropped, framesLate: this.framesLate }, 'call ended');
    this.deps.onClosed?.(this);
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
