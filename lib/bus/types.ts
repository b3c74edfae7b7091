// The bus contract every role codes against. Two implementations: NATS (production) and in-process
// (embedded default). Both honour the same semantics, checked by one contract test suite.

/** A message delivered to a subscriber. `data` is a view valid for the duration of the callback. */
export interface BusMsg {
  subject: string;
  data: Uint8Array;
  /** Set for requests: where the reply goes. */
  reply?: string;
  /** Answer a request. No-op for plain publishes. */
  respond(data: Uint8Array): boolean;
}

export type BusHandler = (msg: BusMsg) => void;

export interface SubscribeOptions {
  /** Queue group: each message goes to one member of the group. */
  queue?: string;
  /** Auto-unsubscribe after this many messages. */
  max?: number;
}

export interface Subscription {
  readonly subject: string;
  unsubscribe(): void;
}

export interface RequestOptions {
  /** Milliseconds before the request fails with BusTimeoutError. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface DurableMsg {
  subject: string;
  data: Uint8Array;
  /** Delivery attempt (1 on first delivery). */
  redelivered: boolean;
  /** JetStream stream sequence (or in-process equivalent). */
  seq: number;
  /** The msgId given to publishDurable (NATS: the Nats-Msg-Id header), for consumer-side de-dup. */
  msgId?: string;
  ack(): void;
  /** Ask for redelivery later. */
  nak(delayMs?: number): void;
}

export interface DurableConsumerOptions {
  /** Durable name: the consumer's position survives restarts of the consumer (and with NATS, of the process). */
  durable: string;
  /** Subject filter inside the stream, e.g. `events.>`. */
  filter: string;
  /** Redeliver an unacked message after this long. */
  ackWaitMs?: number;
}

export interface DurableConsumer {
  stop(): Promise<void>;
}

export type BusStatus =
  | { type: 'connected' }
  | { type: 'disconnected' }
  | { type: 'reconnecting' }
  | { type: 'reconnected' }
  | { type: 'error'; error: Error };

export interface Bus {
  readonly kind: 'nats' | 'inproc';
  /** Fire-and-forget publish (core NATS semantics: lost if nobody listens or the link is down). */
  publish(subject: string, data: Uint8Array): void;
  subscribe(subject: string, handler: BusHandler, opts?: SubscribeOptions): Subscription;
  /** Request/reply; rejects with BusTimeoutError, BusNoRespondersError or an AbortError. */
  request(subject: string, data: Uint8Array, opts: RequestOptions): Promise<Uint8Array>;
  /**
   * Durable publish into the events stream. Resolves once the stream has stored the message; while the
   * link is down it keeps retrying until acknowledged or the bus is closed. `msgId` de-duplicates retries.
   */
  publishDurable(subject: string, data: Uint8Array, msgId: string): Promise<void>;
  /** Number of durable publishes not yet acknowledged. */
  pendingDurable(): number;
  /** Consume the events stream with a durable consumer; handler must ack (or nak) each message. */
  consumeDurable(opts: DurableConsumerOptions, handler: (msg: DurableMsg) => void | Promise<void>): Promise<DurableConsumer>;
  /** Flush pending publishes to the server (no-op in-process). */
  flush(): Promise<void>;
  onStatus(listener: (s: BusStatus) => void): () => void;
  /** Stop taking new work, wait for in-flight durable publishes (bounded), then close. Idempotent. */
  drain(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
