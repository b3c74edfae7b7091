// A JetStream durable pull consumer that keeps consuming across NATS server restarts. nats.js re-pulls
// after a reconnect by itself; this supervisor additionally re-creates the consumer/subscription whenever
// the consume() loop ends for any other reason, until stop().
import {
  AckPolicy, ConsumerEvents, DeliverPolicy, nanos,
  type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg,
} from 'nats';
import type { DurableConsumer, DurableConsumerOptions, DurableMsg } from './types.ts';
import { errorMessage } from '../errors.ts';
import type { BusLogger, ErrorSink } from './util.ts';

type Handler = (msg: DurableMsg) => void | Promise<void>;

export interface ConsumerDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  log: BusLogger;
  onError: ErrorSink;
  /** Re-checks the stream (it may have been lost with a non-persistent server). */
  ensureStream(): Promise<void>;
}

const API_CONSUMER_NOT_FOUND = 10014;

/** Create the durable, or update it when filter / ack wait changed. */
export async function ensureConsumer(deps: ConsumerDeps, opts: DurableConsumerOptions): Promise<void> {
  const ackWait = nanos(opts.ackWaitMs ?? 30_000);
  try {
    const info = await deps.jsm.consumers.info(deps.stream, opts.durable);
    if (info.config.filter_subject !== opts.filter || info.config.ack_wait !== ackWait) {
      await deps.jsm.consumers.update(deps.stream, opts.durable, { filter_subject: opts.filter, ack_wait: ackWait });
    }
  } catch (err) {
    if ((err as { api_error?: { err_code?: number } }).api_error?.err_code !== API_CONSUMER_NOT_FOUND) throw err;
    await deps.jsm.consumers.add(deps.stream, {
      durable_name: opts.durable,
      filter_subject: opts.filter,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ackWait,
      max_ack_pending: 1000,
    });
  }
}

export class NatsDurableConsumer implements DurableConsumer {
  private stopped = false;
  private msgs: ConsumerMessages | undefined;
  /** Pulled but not yet handled; nak'ed on stop so another consumer gets them without waiting ack_wait. */
  private readonly queue: JsMsg[] = [];
  private pumping: Promise<void> | undefined;
  private supervisor: Promise<void> = Promise.resolve();
  private wakeSleep: (() => void) | undefined;

  constructor(
    private readonly deps: ConsumerDeps,
    private readonly opts: DurableConsumerOptions,
    private readonly handler: Handler,
  ) {}

  start(): void {
    this.supervisor = this.supervise();
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.supervisor;
    this.stopped = true;
    this.wakeSleep?.();
    await this.msgs?.close().catch(() => undefined);
    await this.supervisor;
    await this.pumping;
    for (const m of this.queue.splice(0)) safe(() => m.nak());
  }

  private async supervise(): Promise<void> {
    let backoff = 250;
    while (!this.stopped) {
      try {
        const consumer = await this.deps.js.consumers.get(this.deps.stream, this.opts.durable);
        if (this.stopped) break;
        const msgs = await consumer.consume({ max_messages: 100, callback: (m) => this.push(m) });
        this.msgs = msgs;
        if (this.stopped) {
          await msgs.close();
          break;
        }
        this.watch(msgs);
        backoff = 250;
        const err = await msgs.closed();
        if (this.stopped) break;
        this.deps.log.warn(`durable ${this.opts.durable}: consume ended (${err ? errorMessage(err) : 'closed'}), restarting`);
      } catch (err) {
        if (this.stopped) break;
        this.deps.log.warn(`durable ${this.opts.durable}: ${errorMessage(err)}; retrying in ${backoff} ms`);
      }
      await this.sleep(backoff);
      backoff = Math.min(backoff * 2, 5000);
      if (this.stopped) break;
      try {
        await this.deps.ensureStream();
        await ensureConsumer(this.deps, this.opts);
      } catch {
        // Logged via the next consume attempt.
      }
    }
  }

  /** The consumer or stream vanished (e.g. server lost its store): end consume() so supervise() re-creates it. */
  private watch(msgs: ConsumerMessages): void {
    void (async () => {
      for await (const s of await msgs.status()) {
        if (s.type === ConsumerEvents.ConsumerNotFound || s.type === ConsumerEvents.StreamNotFound) {
          msgs.stop();
          return;
        }
      }
    })().catch(() => undefined);
  }

  private push(m: JsMsg): void {
    this.queue.push(m);
    this.pumping ??= this.pump()
      .catch((err) => this.deps.log.error(`durable ${this.opts.durable}: delivery loop failed: ${errorMessage(err)}`))
      .finally(() => { this.pumping = undefined; });
  }

  // Sequential delivery, awaiting async handlers: message N+1 waits for N (same as in-process).
  private async pump(): Promise<void> {
    while (!this.stopped) {
      const m = this.queue.shift();
      if (!m) return;
      const msg: DurableMsg = {
        subject: m.subject,
        data: m.data,
        redelivered: m.redelivered,
        seq: m.seq,
        msgId: m.headers?.get('Nats-Msg-Id') || undefined,
        ack: () => safe(() => m.ack()),
        nak: (delayMs?: number) => safe(() => m.nak(delayMs)),
      };
      try {
        await this.handler(msg);
      } catch (err) {
        // Left unacked: the server redelivers it after ack_wait.
        this.deps.onError(err, m.subject);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wakeSleep = done;
    });
  }
}

/** Acks are fire-and-forget publishes; after close they throw, and a lost ack only means a redelivery. */
function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // ignored
  }
}
