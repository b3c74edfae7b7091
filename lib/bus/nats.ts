// Production bus on NATS: core NATS for publish/subscribe/request, JetStream for the durable events stream.
// Durable publishes retry until the stream acknowledges them, so events survive NATS server restarts.
import {
  connect, DebugEvents, ErrorCode, Events, nanos, StorageType,
  type JetStreamClient, type JetStreamManager, type Msg, type NatsConnection, type NatsError,
} from 'nats';
import { BusClosedError, BusNoRespondersError, BusTimeoutError, UapError, errorMessage } from '../errors.ts';
import type {
  Bus, BusHandler, BusMsg, BusStatus, DurableConsumer, DurableConsumerOptions, DurableMsg, RequestOptions,
  SubscribeOptions, Subscription,
} from './types.ts';
import { NatsDurableConsumer, ensureConsumer, type ConsumerDeps } from './nats-consumer.ts';
import { abortError, type BusLogger, type ErrorSink } from './util.ts';

export interface NatsBusOptions {
  url: string;
  /** Connection name shown by the server (e.g. the role and host). */
  name?: string;
  /** JetStream stream for durable events (default CALL_EVENTS). */
  streamName?: string;
  /** Subjects the stream captures (default ['events.>']). */
  streamSubjects?: string[];
  log?: BusLogger;
  /** Wait between reconnect attempts (default 250 ms); reconnects never give up. */
  maxReconnectWaitMs?: number;
  /** Per-attempt timeout of a durable publish before it is retried (default 3000 ms). */
  publishTimeoutMs?: number;
  /** Called when a subscription or durable handler throws. Defaults to log.error. */
  onError?: ErrorSink;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const API_STREAM_NOT_FOUND = 10059;
/** Local mistakes that no amount of retrying fixes. */
const FATAL_PUBLISH_CODES = new Set<string>([ErrorCode.BadSubject, ErrorCode.MaxPayloadExceeded, ErrorCode.BadPayload]);

const silentLog: BusLogger = { info() {}, warn() {}, error() {} };

export async function connectNatsBus(opts: NatsBusOptions): Promise<NatsBus> {
  const log = opts.log ?? silentLog;
  let nc: NatsConnection;
  try {
    // First connect fails fast (no waitOnFirstConnect); once connected, reconnect forever.
    nc = await connect({
      servers: opts.url,
      name: opts.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: opts.maxReconnectWaitMs ?? 250,
      timeout: 5000,
      pingInterval: 10_000,
      maxPingOut: 3,
    });
  } catch (err) {
    throw new UapError('BUS_CONNECT_FAILED', `cannot connect to NATS at ${opts.url}: ${errorMessage(err)}`, {
      retryable: true,
      cause: err,
    });
  }
  try {
    const jsm = await nc.jetstreamManager();
    const bus = new NatsBus(nc, jsm, opts, log);
    await bus.ensureStream();
    return bus;
  } catch (err) {
    await nc.close().catch(() => undefined);
    throw new UapError('BUS_CONNECT_FAILED', `NATS at ${opts.url}: JetStream setup failed: ${errorMessage(err)}`, {
      cause: err,
    });
  }
}

class NatsBusMsg implements BusMsg {
  constructor(private readonly m: Msg) {}
  get subject(): string { return this.m.subject; }
  get data(): Uint8Array { return this.m.data; }
  get reply(): string | undefined { return this.m.reply || undefined; }
  respond(data: Uint8Array): boolean {
    try {
      return this.m.respond(data);
    } catch {
      return false; // connection closed
    }
  }
}

export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  readonly streamName: string;
  private readonly streamSubjects: string[];
  private readonly js: JetStreamClient;
  private readonly publishTimeoutMs: number;
  private readonly onError: ErrorSink;
  private readonly statusListeners = new Set<(s: BusStatus) => void>();
  private readonly requests = new Set<(err: Error) => void>();
  private readonly consumers = new Set<NatsDurableConsumer>();
  private readonly sleepers = new Set<() => void>();
  private readonly idleWaiters = new Set<() => void>();
  private pending = 0;
  /** Durable publishes are currently failing (log once per outage, not once per message). */
  private publishFailing = false;
  private streamCheck: Promise<void> | undefined;
  private lastStreamCheck = 0;
  /** drain() started: no new durable publishes or requests. */
  private stopping = false;
  /** Connection going away: retry loops give up. */
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(
    readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    opts: NatsBusOptions,
    private readonly log: BusLogger,
  ) {
    this.streamName = opts.streamName ?? 'CALL_EVENTS';
    this.streamSubjects = opts.streamSubjects ?? ['events.>'];
    this.publishTimeoutMs = opts.publishTimeoutMs ?? 3000;
    this.js = nc.jetstream();
    this.onError = opts.onError ?? ((err, subject) => log.error(`bus handler on ${subject} threw: ${errorMessage(err)}`));
    void this.watchStatus();
  }

  publish(subject: string, data: Uint8Array): void {
    if (this.closed) return;
    try {
      this.nc.publish(subject, data);
    } catch (err) {
      // Draining/closed connections throw; fire-and-forget semantics say drop it.
      if (this.nc.isClosed() || this.nc.isDraining()) return;
      throw err;
    }
  }

  subscribe(subject: string, handler: BusHandler, opts: SubscribeOptions = {}): Subscription {
    if (this.closed) return { subject, unsubscribe() {} };
    const sub = this.nc.subscribe(subject, {
      queue: opts.queue,
      max: opts.max,
      callback: (err, m) => {
        if (err) {
          this.onError(err, subject); // e.g. permissions violation: the server dropped the sub
          return;
        }
        try {
          handler(new NatsBusMsg(m));
        } catch (e) {
          this.onError(e, m.subject);
        }
      },
    });
    return {
      subject,
      unsubscribe: () => {
        try {
          sub.unsubscribe();
        } catch {
          // already closed
        }
      },
    };
  }

  request(subject: string, data: Uint8Array, opts: RequestOptions): Promise<Uint8Array> {
    const { signal, timeoutMs } = opts;
    if (this.closed || this.stopping) return Promise.reject(new BusClosedError());
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<Uint8Array>((resolve, reject) => {
      let done = false;
      const onAbort = (): void => fail(abortError(signal!));
      const fail = (err: Error): void => settle(() => reject(err));
      const settle = (fn: () => void): void => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        this.requests.delete(fail);
        fn();
      };
      this.requests.add(fail);
      signal?.addEventListener('abort', onAbort, { once: true });
      // After an abort the underlying request still runs to its timeout; its outcome is ignored.
      let p: Promise<Msg>;
      try {
        p = this.nc.request(subject, data, { timeout: timeoutMs });
      } catch (err) {
        p = Promise.reject(err);
      }
      p.then(
        (m) => settle(() => resolve(m.data)),
        (err) => fail(this.mapRequestError(err, subject, timeoutMs)),
      );
    });
  }

  async publishDurable(subject: string, data: Uint8Array, msgId: string): Promise<void> {
    if (this.closed || this.stopping) throw new BusClosedError();
    this.pending++;
    try {
      let delay = 100;
      for (let attempt = 1; ; attempt++) {
        try {
          await this.js.publish(subject, data, { msgID: msgId, timeout: this.publishTimeoutMs });
          if (this.publishFailing) {
            this.publishFailing = false;
            this.log.info('durable publishes are being acknowledged again');
          }
          return;
        } catch (err) {
          if (this.closed) throw new BusClosedError();
          const code = (err as NatsError).code;
          if (FATAL_PUBLISH_CODES.has(code)) throw err;
          // Disconnected, timeout, or no responders while the server restarts: same msgId, so retrying is safe.
          // No responders with the link up may also mean the stream is gone (server lost its store).
          if (code === ErrorCode.NoResponders) this.recreateStreamSoon();
          if (!this.publishFailing || attempt % 30 === 0) {
            this.publishFailing = true;
            this.log.warn(`durable publish on ${subject} failed (attempt ${attempt}): ${errorMessage(err)}; retrying`);
          }
        }
        await this.sleep(delay);
        delay = Math.min(delay * 2, 2000);
        if (this.closed) throw new BusClosedError();
      }
    } finally {
      this.pending--;
      if (this.pending === 0) for (const w of [...this.idleWaiters]) w();
    }
  }

  /** Single-flight, at most once a second: re-create the stream if it vanished. */
  private recreateStreamSoon(): void {
    if (this.streamCheck || Date.now() - this.lastStreamCheck < 1000 || this.nc.isClosed()) return;
    this.lastStreamCheck = Date.now();
    this.streamCheck = this.ensureStream()
      .catch(() => undefined) // JetStream not ready yet: the next failed publish tries again
      .finally(() => { this.streamCheck = undefined; });
  }

  pendingDurable(): number {
    return this.pending;
  }

  async consumeDurable(
    opts: DurableConsumerOptions,
    handler: (msg: DurableMsg) => void | Promise<void>,
  ): Promise<DurableConsumer> {
    if (this.closed || this.stopping) throw new BusClosedError();
    const deps = this.consumerDeps();
    await ensureConsumer(deps, opts);
    const c = new NatsDurableConsumer(deps, opts, handler);
    this.consumers.add(c);
    c.start();
    return {
      stop: async () => {
        this.consumers.delete(c);
        await c.stop();
      },
    };
  }

  async flush(): Promise<void> {
    if (this.closed) return;
    try {
      await this.nc.flush();
    } catch {
      // closed while flushing
    }
  }

  onStatus(listener: (s: BusStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  drain(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    return (this.closing ??= (async () => {
      await this.waitIdle(timeoutMs);
      if (this.pending > 0) this.log.warn(`bus drain: giving up on ${this.pending} unacknowledged durable publishes`);
      await this.shutdown(async () => {
        // nc.drain() waits for the server; bound it in case the link is down.
        await withTimeout(this.nc.drain(), timeoutMs).catch(() => undefined);
        if (!this.nc.isClosed()) await this.nc.close();
      });
    })());
  }

  close(): Promise<void> {
    this.stopping = true;
    return (this.closing ??= this.shutdown(() => this.nc.close()));
  }

  /** Create the events stream if missing; widen its subjects if they differ. */
  async ensureStream(): Promise<void> {
    try {
      const info = await this.jsm.streams.info(this.streamName);
      const have = [...info.config.subjects ?? []].sort().join(',');
      if (have !== [...this.streamSubjects].sort().join(',')) {
        await this.jsm.streams.update(this.streamName, { ...info.config, subjects: this.streamSubjects });
        this.log.info(`stream ${this.streamName}: subjects updated to ${this.streamSubjects.join(', ')}`);
      }
    } catch (err) {
      if ((err as NatsError).api_error?.err_code !== API_STREAM_NOT_FOUND) throw err;
      await this.jsm.streams.add({
        name: this.streamName,
        subjects: this.streamSubjects,
        storage: StorageType.File,
        max_age: nanos(7 * DAY_MS),
        duplicate_window: nanos(2 * 60_000),
      });
      this.log.info(`stream ${this.streamName} created`);
    }
  }

  private consumerDeps(): ConsumerDeps {
    return {
      js: this.js,
      jsm: this.jsm,
      stream: this.streamName,
      log: this.log,
      onError: this.onError,
      ensureStream: () => this.ensureStream(),
    };
  }

  private async shutdown(closeConnection: () => Promise<void>): Promise<void> {
    for (const fail of [...this.requests]) fail(new BusClosedError());
    await Promise.all([...this.consumers].map((c) => c.stop().catch(() => undefined)));
    this.consumers.clear();
    this.closed = true;
    for (const wake of [...this.sleepers]) wake();
    try {
      await closeConnection();
    } catch (err) {
      this.log.warn(`closing NATS connection: ${errorMessage(err)}`);
    }
  }

  private mapRequestError(err: unknown, subject: string, timeoutMs: number): Error {
    const code = (err as NatsError).code;
    if (code === ErrorCode.Timeout) return new BusTimeoutError(subject, timeoutMs);
    if (code === ErrorCode.NoResponders) return new BusNoRespondersError(subject);
    if (code === ErrorCode.ConnectionClosed || code === ErrorCode.ConnectionDraining) return new BusClosedError();
    return err instanceof Error ? err : new Error(String(err));
  }

  private async watchStatus(): Promise<void> {
    let reconnecting = false;
    try {
      for await (const s of this.nc.status()) {
        let status: BusStatus | undefined;
        switch (s.type) {
          case Events.Disconnect:
            status = { type: 'disconnected' };
            break;
          case DebugEvents.Reconnecting:
            // Fired on every attempt; report the first one of an outage only.
            if (!reconnecting) status = { type: 'reconnecting' };
            reconnecting = true;
            break;
          case Events.Reconnect:
            reconnecting = false;
            status = { type: 'reconnected' };
            break;
          case Events.Error:
            status = { type: 'error', error: new Error(String(s.data)) };
            break;
        }
        if (status) this.emit(status);
      }
      const err = await this.nc.closed();
      if (err) this.emit({ type: 'error', error: err });
    } catch (err) {
      this.log.warn(`NATS status watcher stopped: ${errorMessage(err)}`);
    }
  }

  private emit(s: BusStatus): void {
    if (s.type !== 'error') this.log.info(`NATS ${s.type}`);
    else this.log.warn(`NATS error: ${s.error.message}`);
    for (const l of [...this.statusListeners]) {
      try {
        l(s);
      } catch {
        // a broken listener must not stop status reporting
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        this.sleepers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private waitIdle(timeoutMs: number): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        this.idleWaiters.delete(done);
        resolve();
      };
      const t = setTimeout(done, timeoutMs);
      this.idleWaiters.add(done);
    });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => { t = setTimeout(() => reject(new Error('timeout')), ms); }),
  ]).finally(() => clearTimeout(t));
}
