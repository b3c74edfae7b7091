// In-process stand-in for the JetStream events stream: a bounded append-only log with msgId de-dup, and
// durable consumers (explicit ack, redelivery after ackWait or nak) whose position lives as long as the log.
import type { DurableConsumer, DurableConsumerOptions, DurableMsg } from './types.ts';
import { parsePattern, subjectMatches } from './subject.ts';
import { copyBytes } from './util.ts';

export interface DurableLogOptions {
  /** Oldest entries are dropped beyond this many (default 100k). */
  maxMessages?: number;
  /** Publishes repeating a msgId within this window are ignored (default 2 min, as the NATS stream). */
  duplicateWindowMs?: number;
  /** Like JetStream's max_ack_pending: stop handing out new messages while this many are unacked. */
  maxAckPending?: number;
}

interface Entry { seq: number; subject: string; data: Uint8Array; msgId: string }
interface Pending { dueAt: number }
type DurableHandler = (msg: DurableMsg) => void | Promise<void>;
type ErrorSink = (err: unknown, subject: string) => void;

const DEFAULT_ACK_WAIT_MS = 30_000;

export class DurableLog {
  private readonly cap: number;
  private readonly windowMs: number;
  readonly maxAckPending: number;
  // Ring buffer indexed by seq % cap; valid seqs are [firstSeq, nextSeq).
  private readonly ring: (Entry | undefined)[];
  private nextSeq = 1;
  /** msgId -> expiry time; insertion order == expiry order, so pruning only looks at the front. */
  private readonly dedup = new Map<string, number>();
  private readonly states = new Map<string, ConsumerState>();

  constructor(opts: DurableLogOptions = {}) {
    this.cap = Math.max(1, opts.maxMessages ?? 100_000);
    this.windowMs = opts.duplicateWindowMs ?? 120_000;
    this.maxAckPending = opts.maxAckPending ?? 1000;
    this.ring = new Array(this.cap);
  }

  get firstSeq(): number { return Math.max(1, this.nextSeq - this.cap); }
  get lastSeq(): number { return this.nextSeq - 1; }

  get(seq: number): Entry | undefined {
    if (seq < this.firstSeq || seq >= this.nextSeq) return undefined;
    return this.ring[seq % this.cap];
  }

  /** Appends unless msgId was already stored within the de-dup window. */
  append(subject: string, data: Uint8Array, msgId: string): void {
    const now = Date.now();
    for (const [id, exp] of this.dedup) {
      if (exp > now) break;
      this.dedup.delete(id);
    }
    if (this.dedup.has(msgId)) return;
    this.dedup.set(msgId, now + this.windowMs);
    const seq = this.nextSeq++;
    this.ring[seq % this.cap] = { seq, subject, data: copyBytes(data), msgId };
    for (const s of this.states.values()) s.wake();
  }

  consume(opts: DurableConsumerOptions, handler: DurableHandler, onError: ErrorSink): DurableConsumer {
    let state = this.states.get(opts.durable);
    if (!state) {
      state = new ConsumerState(this, opts);
      this.states.set(opts.durable, state);
    } else {
      state.configure(opts);
    }
    const run = new ConsumerRun(state, handler, onError);
    run.start();
    return run;
  }

  close(): void {
    for (const s of this.states.values()) s.stopAll();
  }
}

/** The durable's position, shared by every consumeDurable() with the same name. */
class ConsumerState {
  private pattern: string[] = [];
  ackWaitMs = DEFAULT_ACK_WAIT_MS;
  private cursor: number;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters = new Set<() => void>();
  readonly runs = new Set<ConsumerRun>();

  constructor(private readonly log: DurableLog, opts: DurableConsumerOptions) {
    this.cursor = log.firstSeq;
    this.configure(opts);
  }

  configure(opts: DurableConsumerOptions): void {
    this.pattern = parsePattern(opts.filter);
    this.ackWaitMs = opts.ackWaitMs ?? DEFAULT_ACK_WAIT_MS;
  }

  /** Next message to hand out (due redeliveries first), or how long to wait for one. */
  take(now: number): { entry: Entry; redelivered: boolean } | { waitMs: number } {
    let nextDue = Infinity;
    for (const [seq, p] of this.pending) {
      const entry = this.log.get(seq);
      if (!entry) { this.pending.delete(seq); continue; } // dropped from the bounded log
      if (p.dueAt <= now) {
        p.dueAt = now + this.ackWaitMs;
        return { entry, redelivered: true };
      }
      if (p.dueAt < nextDue) nextDue = p.dueAt;
    }
    if (this.pending.size < this.log.maxAckPending) {
      if (this.cursor < this.log.firstSeq) this.cursor = this.log.firstSeq;
      while (this.cursor <= this.log.lastSeq) {
        const entry = this.log.get(this.cursor++);
        if (entry && subjectMatches(this.pattern, entry.subject)) {
          this.pending.set(entry.seq, { dueAt: now + this.ackWaitMs });
          return { entry, redelivered: false };
        }
      }
    }
    return { waitMs: nextDue - now };
  }

  ack(seq: number): void {
    this.pending.delete(seq);
  }

  nak(seq: number, delayMs: number): void {
    const p = this.pending.get(seq);
    if (!p) return;
    p.dueAt = Date.now() + Math.max(0, delayMs);
    this.wake();
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
      if (Number.isFinite(ms)) timer = setTimeout(done, Math.max(0, ms));
    });
  }

  wake(): void {
    for (const w of [...this.waiters]) w();
  }

  stopAll(): void {
    for (const r of this.runs) void r.stop();
  }
}

class ConsumerRun implements DurableConsumer {
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: ConsumerState,
    private readonly handler: DurableHandler,
    private readonly onError: ErrorSink,
  ) {}

  start(): void {
    this.state.runs.add(this);
    this.loop = this.run().catch((err) => this.onError(err, '')); // defensive: run() itself should not throw
  }

  private async run(): Promise<void> {
    // Let consumeDurable() resolve before the first delivery, as with NATS.
    await Promise.resolve();
    while (!this.stopped) {
      const next = this.state.take(Date.now());
      if ('waitMs' in next) {
        await this.state.wait(next.waitMs);
        continue;
      }
      const { entry, redelivered } = next;
      const state = this.state;
      const msg: DurableMsg = {
        subject: entry.subject,
        data: entry.data,
        redelivered,
        seq: entry.seq,
        msgId: entry.msgId,
        ack: () => state.ack(entry.seq),
        nak: (delayMs?: number) => state.nak(entry.seq, delayMs ?? 0),
      };
      try {
        // Sequential: one message at a time per consumer, awaiting async handlers (same as NATS).
        await this.handler(msg);
      } catch (err) {
        // Left unacked: it comes back after ackWait.
        this.onError(err, entry.subject);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.state.runs.delete(this);
    this.state.wake();
    await this.loop;
  }
}
