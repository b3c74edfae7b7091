// Transaction machinery over UDP (RFC 3261 §17): the retransmission schedule (T1 doubling up to T2,
// giving up after 64·T1) shared by 2xx retransmission, Timer G/H and Timer E/F, and the cache of
// non-INVITE responses that answers retransmitted requests for Timer J.
import type { ParsedRequest } from './message.ts';

export interface SipTimers {
  /** RTT estimate: first retransmission interval (500 ms). */
  t1: number;
  /** Longest retransmission interval (4 s). */
  t2: number;
  /** How long the network may hold a message (5 s): ACK absorption after a non-2xx final. */
  t4: number;
}

export const DEFAULT_TIMERS: SipTimers = { t1: 500, t2: 4000, t4: 5000 };

/** Calls `send` at t1, 2·t1, 4·t1 … (capped at t2) until stopped; `onTimeout` after 64·t1. */
export class Retransmitter {
  private timer: NodeJS.Timeout | undefined;
  private deadline: NodeJS.Timeout | undefined;
  private interval: number;
  count = 0;

  constructor(private readonly timers: SipTimers, private readonly send: () => void, private readonly onTimeout: () => void) {
    this.interval = timers.t1;
  }

  start(): void {
    this.stop();
    this.interval = this.timers.t1;
    this.timer = setTimeout(this.fire, this.interval);
    this.deadline = setTimeout(() => {
      this.stop();
      this.onTimeout();
    }, 64 * this.timers.t1);
  }

  /** Only the 64·T1 timeout (Timer B/F over a reliable transport: nothing is retransmitted). */
  startTimeoutOnly(): void {
    this.stop();
    this.deadline = setTimeout(() => {
      this.stop();
      this.onTimeout();
    }, 64 * this.timers.t1);
  }

  private readonly fire = (): void => {
    this.count++;
    this.send();
    this.interval = Math.min(this.interval * 2, this.timers.t2);
    this.timer = setTimeout(this.fire, this.interval);
  };

  get running(): boolean {
    return this.deadline !== undefined;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.deadline) clearTimeout(this.deadline);
    this.timer = undefined;
    this.deadline = undefined;
  }
}

/**
 * Server transaction key (RFC 3261 §17.2.3): branch + sent-by + method, with ACK and CANCEL matched
 * against the INVITE they refer to by passing method 'INVITE'. Pre-RFC 3261 branches fall back to
 * Call-ID, CSeq number and From tag.
 */
export function transactionKey(req: ParsedRequest, method = req.method): string {
  const v = req.via[0];
  const sentBy = `${v.host}:${v.port ?? 5060}`;
  if (v.branch?.startsWith('z9hG4bK')) return `${v.branch}|${sentBy}|${method}`;
  return `${req.callId}|${req.cseq.seq}|${req.from.tag ?? ''}|${sentBy}|${method}`;
}

interface Cached {
  bytes: Buffer;
  address: string;
  port: number;
  transport: 'UDP' | 'TCP';
  timer: NodeJS.Timeout;
}

/** Responses to non-INVITE requests, kept 64·T1 to answer retransmissions (Timer J). Bounded. */
export class ResponseCache {
  private readonly entries = new Map<string, Cached>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 20_000) {}

  put(key: string, bytes: Buffer, address: string, port: number, transport: 'UDP' | 'TCP' = 'UDP'): void {
    this.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    const timer = setTimeout(() => this.entries.delete(key), this.ttlMs);
    timer.unref();
    this.entries.set(key, { bytes, address, port, transport, timer });
  }

  get(key: string): Cached | undefined {
    return this.entries.get(key);
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    clearTimeout(e.timer);
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    for (const e of this.entries.values()) clearTimeout(e.timer);
    this.entries.clear();
  }
}
