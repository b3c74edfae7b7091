// One 20 ms clock for every RTP session in the process. Ticks are numbered on a fixed grid from the
// clock's epoch and each timer is aimed at the next grid point, so the cadence never drifts; a tick that
// fires late still carries the right number and a session sends the packets it owes (a bounded catch-up).
// A tick runs in two phases: every listener's onTick (sending: cheap and time-critical) first, then —
// once those packets are on the wire (dgram sends complete on the next microtask turn) — every
// afterTick (receive-side playout, reports), so no call's packet waits behind another call's work.
// Timers fire up to a millisecond or so off; with a precision window the timer is aimed just before the
// grid point and the last fraction is slept precisely (Atomics.wait: the thread sleeps, no spinning),
// which takes the timer's own granularity out of the packets' spacing for < 1 ms of blocking per tick.
import { performance } from 'node:perf_hooks';

export interface TickListener {
  /** Tick `n` is due (n counts PERIOD_MS steps since the clock's epoch). */
  onTick(n: number, now: number): void;
  /** The rest of tick `n`'s work, after every listener's onTick packets have gone out. */
  afterTick?(n: number, now: number): void;
}

export class RtpClock {
  private readonly listeners = new Set<TickListener>();
  private timer: NodeJS.Timeout | undefined;
  private readonly epoch: number;
  private lastTick = -1;
  private target = 0;
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));
  /** A listener threw: reported here, and the other calls' audio goes on. */
  onError?: (err: unknown) => void;
  /** How late tick `n` fired after its grid point (ms): the floor of our outbound jitter. */
  onLateness?: (ms: number, n: number) => void;

  /** precisionMs: how long a tick may sleep precisely up to its grid point (0: timers alone). */
  constructor(readonly periodMs = 20, private readonly nowFn: () => number = () => performance.now(), private readonly precisionMs = 0) {
    this.epoch = nowFn();
  }

  /** The clock's time (ms, monotonic). */
  now(): number {
    return this.nowFn();
  }

  /** The tick number for time `t`. */
  tickAt(t = this.now()): number {
    return Math.floor((t - this.epoch) / this.periodMs);
  }

  add(l: TickListener): void {
    this.listeners.add(l);
    if (!this.timer) this.schedule();
  }

  remove(l: TickListener): void {
    this.listeners.delete(l);
    if (this.listeners.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  private schedule(): void {
    const now = this.now();
    const next = this.epoch + (Math.floor((now - this.epoch) / this.periodMs) + 1) * this.periodMs;
    this.target = next;
    // Node timers have 1 ms resolution: aim just past the grid point so a tick is never early — or, with
    // a precision window, just before it, and sleep the rest in fire().
    this.timer = setTimeout(this.fire, this.precisionMs > 0 ? Math.max(0, Math.floor(next - now - this.precisionMs / 2)) : Math.max(1, Math.ceil(next - now)));
  }

  /**
   * Runs the tick now if its grid point has passed while its timer still waits. Timers run only between
   * rounds of I/O callbacks, so under load a tick waits behind a whole round of packet handling (several
   * ms with 100 calls); the receive path calls this first, which bounds that wait by one packet handler
   * — exactly when load is high. Costs one clock read when nothing is due.
   */
  pollDue(): void {
    if (this.timer !== undefined && this.now() >= this.target) {
      clearTimeout(this.timer);
      this.fire();
    }
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    if (this.precisionMs > 0) {
      const rest = this.target - this.now();
      if (rest > 0 && rest <= this.precisionMs) Atomics.wait(this.sleeper, 0, 0, rest);
    }
    const now = this.now();
    const n = this.tickAt(now);
    if (n !== this.lastTick) {
      this.lastTick = n;
      this.onLateness?.(now - (this.epoch + n * this.periodMs), n);
      for (const l of this.listeners) {
        try {
          l.onTick(n, now);
        } catch (err) {
          this.onError?.(err);
        }
      }
      setImmediate(this.after, n, now);
    }
    if (this.listeners.size > 0) this.schedule();
  };

  private readonly after = (n: number, now: number): void => {
    for (const l of this.listeners) {
      if (!l.afterTick) continue;
      try {
        l.afterTick(n, now);
      } catch (err) {
        this.onError?.(err);
      }
    }
  };

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }
}
