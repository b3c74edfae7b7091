// In-process bus with NATS semantics (wildcards, queue groups, max, request/reply, no-responders) for the
// embedded single-process mode. Hot path: one cache lookup per publish plus a microtask-batched delivery queue.
import { randomBytes } from 'node:crypto';
import { BusClosedError, BusNoRespondersError, BusTimeoutError } from '../errors.ts';
import type {
  Bus, BusHandler, BusMsg, BusStatus, DurableConsumer, DurableConsumerOptions, DurableMsg, RequestOptions,
  SubscribeOptions, Subscription,
} from './types.ts';
import { DurableLog, type DurableLogOptions } from './inproc-durable.ts';
import { isWildcard, matchTokens, parsePattern } from './subject.ts';
import { abortError, copyBytes, type ErrorSink } from './util.ts';

export interface InProcBusOptions extends DurableLogOptions {
  /** Called when a handler throws; delivery to everybody else carries on regardless. */
  onError?: ErrorSink;
}

/** Messages delivered per microtask drain before yielding to I/O via setImmediate. */
const DRAIN_BUDGET = 10_000;
/** Routes cached per concrete subject; cleared wholesale beyond this (subjects carry call ids). */
const MAX_ROUTES = 10_000;

class Sub implements Subscription {
  received = 0;
  /** No longer picked by publish (unsubscribed or reached max). */
  removed = false;
  /** Explicitly unsubscribed: queued deliveries are dropped too. */
  cancelled = false;
  readonly wildcard: boolean;

  constructor(
    private readonly bus: InProcBus,
    readonly subject: string,
    readonly tokens: string[],
    readonly handler: BusHandler,
    readonly queue: string | undefined,
    readonly max: number | undefined,
  ) {
    this.wildcard = isWildcard(tokens);
  }

  unsubscribe(): void {
    this.cancelled = true;
    this.bus._remove(this);
  }
}

/** Who gets a message on one concrete subject. Immutable once built, apart from the round-robin counters. */
interface Route {
  plain: Sub[];
  groups: { members: Sub[]; next: number }[];
  empty: boolean;
}

class InProcMsg implements BusMsg {
  constructor(
    private readonly bus: InProcBus,
    readonly subject: string,
    readonly data: Uint8Array,
    readonly reply: string | undefined,
  ) {}

  respond(data: Uint8Array): boolean {
    return this.reply !== undefined && this.bus._deliver(this.reply, data, undefined);
  }
}

interface PendingRequest {
  settle(err: Error | null, data?: Uint8Array): void;
}

export class InProcBus implements Bus {
  readonly kind = 'inproc' as const;
  /** Handler exceptions caught so far. */
  handlerErrors = 0;

  private readonly onError?: ErrorSink;
  private readonly literal = new Map<string, Set<Sub>>();
  private readonly wild = new Set<Sub>();
  private readonly routes = new Map<string, Route>();

  private qSub: (Sub | undefined)[] = [];
  private qMsg: (InProcMsg | undefined)[] = [];
  private qHead = 0;
  private scheduled = false;
  private flushWaiters: (() => void)[] = [];

  // Replies go to `_INBOX.<bus token>.<n>` and are resolved straight from this map (no subscription churn).
  private readonly inboxPrefix = `_INBOX.${randomBytes(8).toString('hex')}.`;
  private inboxSeq = 0;
  private readonly requests = new Map<string, PendingRequest>();

  private readonly durable: DurableLog;
  private readonly statusListeners = new Set<(s: BusStatus) => void>();
  private closed = false;
  private draining: Promise<void> | undefined;

  constructor(opts: InProcBusOptions = {}) {
    this.onError = opts.onError;
    this.durable = new DurableLog(opts);
  }

  publish(subject: string, data: Uint8Array): void {
    this._deliver(subject, data, undefined);
  }

  subscribe(subject: string, handler: BusHandler, opts: SubscribeOptions = {}): Subscription {
    const sub = new Sub(this, subject, parsePattern(subject), handler, opts.queue, opts.max);
    if (this.closed) {
      sub.removed = sub.cancelled = true;
      return sub;
    }
    if (sub.wildcard) {
      this.wild.add(sub);
      this.routes.clear();
    } else {
      let set = this.literal.get(subject);
      if (!set) this.literal.set(subject, (set = new Set()));
      set.add(sub);
      this.routes.delete(subject);
    }
    return sub;
  }

  request(subject: string, data: Uint8Array, opts: RequestOptions): Promise<Uint8Array> {
    const { signal, timeoutMs } = opts;
    if (this.closed) return Promise.reject(new BusClosedError());
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.route(subject).empty) return Promise.reject(new BusNoRespondersError(subject));
    const inbox = this.inboxPrefix + ++this.inboxSeq;
    return new Promise<Uint8Array>((resolve, reject) => {
      const onAbort = (): void => settle(abortError(signal!));
      const timer = setTimeout(() => settle(new BusTimeoutError(subject, timeoutMs)), timeoutMs);
      const settle = (err: Error | null, reply?: Uint8Array): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.requests.delete(inbox);
        if (err) reject(err);
        else resolve(reply!);
      };
      this.requests.set(inbox, { settle });
      signal?.addEventListener('abort', onAbort, { once: true });
      this._deliver(subject, data, inbox);
    });
  }

  publishDurable(subject: string, data: Uint8Array, msgId: string): Promise<void> {
    if (this.closed || this.draining) return Promise.reject(new BusClosedError());
    this.durable.append(subject, data, msgId);
    // As on NATS, a message published into the stream also reaches plain subscribers of its subject.
    this._deliver(subject, data, undefined);
    return Promise.resolve();
  }

  pendingDurable(): number {
    return 0;
  }

  async consumeDurable(
    opts: DurableConsumerOptions,
    handler: (msg: DurableMsg) => void | Promise<void>,
  ): Promise<DurableConsumer> {
    if (this.closed) throw new BusClosedError();
    return this.durable.consume(opts, handler, (err, subject) => this.report(err, subject));
  }

  /** Resolves once every message queued so far has been handed to its subscribers. */
  flush(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push(resolve));
  }

  onStatus(listener: (s: BusStatus) => void): () => void {
    // In-process there is no link, so no status changes are ever reported.
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  drain(_timeoutMs?: number): Promise<void> {
    // Nothing is ever in flight for durable publishes; just deliver what is queued, then close.
    this.draining ??= this.flush().then(() => this.close());
    return this.draining;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const r of [...this.requests.values()]) r.settle(new BusClosedError());
    this.durable.close();
    for (const s of this.wild) s.removed = s.cancelled = true;
    for (const set of this.literal.values()) for (const s of set) s.removed = s.cancelled = true;
    this.wild.clear();
    this.literal.clear();
    this.routes.clear();
    this.statusListeners.clear();
  }

  /** @internal Publish with an optional reply subject; false once closed. */
  _deliver(subject: string, data: Uint8Array, reply: string | undefined): boolean {
    if (this.closed) return false;
    if (subject.startsWith(this.inboxPrefix)) {
      this.requests.get(subject)?.settle(null, copyBytes(data));
      return true;
    }
    const route = this.route(subject);
    if (route.empty) return true;
    // One copy per publish: the publisher may reuse its buffer once publish() returns (as with NATS).
    const msg = new InProcMsg(this, subject, copyBytes(data), reply);
    for (const s of route.plain) this.enqueue(s, msg);
    for (const g of route.groups) {
      // A member may have hit `max` since the route was built; skip removed ones.
      for (let tries = 0; tries < g.members.length; tries++) {
        const s = g.members[g.next++ % g.members.length];
        if (!s.removed) {
          this.enqueue(s, msg);
          break;
        }
      }
    }
    return true;
  }

  /** @internal */
  _remove(sub: Sub): void {
    if (sub.removed) return;
    sub.removed = true;
    if (sub.wildcard) {
      this.wild.delete(sub);
      this.routes.clear();
    } else {
      const set = this.literal.get(sub.subject);
      set?.delete(sub);
      if (set?.size === 0) this.literal.delete(sub.subject);
      this.routes.delete(sub.subject);
    }
  }

  private route(subject: string): Route {
    const cached = this.routes.get(subject);
    if (cached) return cached;
    const matched: Sub[] = [...(this.literal.get(subject) ?? [])];
    if (this.wild.size > 0) {
      const tokens = subject.split('.');
      for (const s of this.wild) if (matchTokens(s.tokens, tokens)) matched.push(s);
    }
    const plain: Sub[] = [];
    const byQueue = new Map<string, Sub[]>();
    for (const s of matched) {
      if (s.queue === undefined) plain.push(s);
      else {
        let members = byQueue.get(s.queue);
        if (!members) byQueue.set(s.queue, (members = []));
        members.push(s);
      }
    }
    const groups = [...byQueue.values()].map((members) => ({ members, next: 0 }));
    const route: Route = { plain, groups, empty: matched.length === 0 };
    if (this.routes.size >= MAX_ROUTES) this.routes.clear();
    this.routes.set(subject, route);
    return route;
  }

  private enqueue(sub: Sub, msg: InProcMsg): void {
    // `max` counts at enqueue time so later publishes (and queue groups) already skip an exhausted sub.
    if (sub.max !== undefined && ++sub.received >= sub.max) this._remove(sub);
    this.qSub.push(sub);
    this.qMsg.push(msg);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.drainQueue);
    }
  }

  // One FIFO for all subscriptions keeps per-subscription order; re-entrant publishes simply append.
  private readonly drainQueue = (): void => {
    let budget = DRAIN_BUDGET;
    while (this.qHead < this.qSub.length) {
      if (budget-- === 0) {
        this.compactQueue();
        setImmediate(this.drainQueue);
        return;
      }
      const i = this.qHead++;
      const sub = this.qSub[i]!;
      const msg = this.qMsg[i]!;
      this.qSub[i] = this.qMsg[i] = undefined;
      if (sub.cancelled) continue;
      try {
        sub.handler(msg);
      } catch (err) {
        this.report(err, msg.subject);
      }
    }
    this.qSub.length = this.qMsg.length = this.qHead = 0;
    this.scheduled = false;
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const w of waiters) w();
  };

  private compactQueue(): void {
    this.qSub = this.qSub.slice(this.qHead);
    this.qMsg = this.qMsg.slice(this.qHead);
    this.qHead = 0;
  }

  private report(err: unknown, subject: string): void {
    this.handlerErrors++;
    try {
      this.onError?.(err, subject);
    } catch {
      // An error reporter that throws must not break delivery either.
    }
  }
}
