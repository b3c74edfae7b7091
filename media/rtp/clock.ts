// One 20 ms clock for every RTP session in the process. Ticks are numbered on a fixed grid from the
// clock's epoch and each timer is aimed at the next grid point, so the cadence never drifts; a tick that
// fires late still carries the right number and a session sends the packets it owes (a bounded catch-up).
// A tick runs in two phases: every listener's onTick (sending: cheap and time-critical) first, then —
// once those packets are on the wire (dgram sends complete on the next microtask turn) — every
// afterTick (receive-side playout, reports), so no call's packet waits behind another call's work.
// Timers fire up to a millisecond or so off; with a precision window the timer is aimed just before the
// grid point and the last fraction is slept precisely (Atomics.wait: the thread sleeps, no spinning),
// which takes the timer's own granularity out of the packets' spacing for < 1 ms of blocking per tick.
// Phases: with P > 1 each listener is given one of P evenly spaced offsets within the period (the least
// loaded phase when it joins) and the clock fires every period/P. Every call still sends exactly every
// 20 ms, but a tick sends 1/P of the packets: sends are sequential, so with one burst for 200 calls the
// last packet leaves ~1-2 ms after the first and its place in the burst shifts from tick to tick (that
// shift was most of our outbound jitter); spreading the bursts also spreads the receive-side work.
// What is left (bench/sip, 200 calls in one all-roles process): steps that fall in a young-generation GC
// pause (~2 ms, a few a second) or behind a long non-polling task go out late together.
import { performance } from 'node:perf_hooks';

export interface TickListener {
  /** Tick `n` is due (n counts PERIOD_MS steps since the clock's epoch). */
  onTick(n: number, now: number): void;
  /** The rest of tick `n`'s work, after every listener's onTick packets have gone out. */
  afterTick?(n: number, now: number): void;
}

export class RtpClock {
  /** Listeners by phase, and each listener's phase. */
  private readonly phases: Array<Set<TickListener>>;
  private readonly phaseOf = new Map<TickListener, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly epoch: number;
  /** Length of a phase step (periodMs / phases), and the last step fired (steps since the epoch). */
  private readonly stepMs: number;
  private lastStep = -1;
  private target = 0;
  /** fire() is running listeners: add() leaves scheduling to it (one timer chain, never two). */
  private firing = false;
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));
  /** A listener threw: reported here, and the other calls' audio goes on. */
  onError?: (err: unknown) => void;
  /** How late tick `n` of `phase` fired after its grid point (ms): the floor of our outbound jitter. */
  onLateness?: (ms: number, n: number, phase: number) => void;

  /**
   * precisionMs: how long a tick may sleep precisely up to its grid point (0: timers alone).
   * phases: how many evenly spaced offsets within the period the listeners are spread over (1: all at once).
   */
  constructor(readonly periodMs = 20, private readonly nowFn: () => number = () => performance.now(), private readonly precisionMs = 0, phases = 1) {
    if (!Number.isInteger(phases) || phases < 1 || phases > periodMs) throw new RangeError(`phases: 1 to ${periodMs}, not ${phases}`);
    this.epoch = nowFn();
    this.phases = Array.from({ length: phases }, () => new Set<TickListener>());
    this.stepMs = periodMs / phases;
  }

  /** The clock's time (ms, monotonic). */
  now(): number {
    return this.nowFn();
  }

  /** The tick number for time `t`. */
  tickAt(t = this.now()): number {
    return Math.floor((t - this.epoch) / this.periodMs);
  }

  /** The last tick listener `l` has reached at time `t` (its phase's grid; tickAt for phase 0). */
  tickOf(l: TickListener, t = this.now()): number {
    return Math.floor((t - this.epoch - (this.phaseOf.get(l) ?? 0) * this.stepMs) / this.periodMs);
  }

  add(l: TickListener): void {
    if (this.phaseOf.has(l)) return;
    let p = 0;
    for (let i = 1; i < this.phases.length; i++) if (this.phases[i].size < this.phases[p].size) p = i;
    this.phases[p].add(l);
    this.phaseOf.set(l, p);
    if (this.firing) return; // fire() schedules once its listeners are done
    if (!this.timer) {
      // Starting (or restarting after idle): steps from now on, none from before.
      this.lastStep = Math.floor((this.now() - this.epoch) / this.stepMs);
      this.schedule();
    } else if (this.phases[p].size === 1) {
      // The phase was empty, so the timer may be aimed past its next step.
      clearTimeout(this.timer);
      this.schedule();
    }
  }

  remove(l: TickListener): void {
    const p = this.phaseOf.get(l);
    if (p === undefined) return;
    this.phases[p].delete(l);
    this.phaseOf.delete(l);
    if (this.phaseOf.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  get size(): number {
    return this.phaseOf.size;
  }

  /** The phase a listener was given (0 … phases − 1); its ticks come that many steps into each period. */
  phase(l: TickListener): number | undefined {
    return this.phaseOf.get(l);
  }

  /**
   * Aims the timer at the first step after the last one run whose phase has listeners — even when its
   * time has already passed (a step run late must not push the next one a whole step back), and past
   * phases without listeners (no wake-ups or precise sleeps for them).
   */
  private schedule(): void {
    const P = this.phases.length;
    let s = this.lastStep + 1;
    for (let k = 1; k < P && this.phases[s % P].size === 0; k++) s++;
    const now = this.now();
    const next = this.epoch + s * this.stepMs;
    this.target = next;
    // Node timers have 1 ms resolution: aim just past the grid point so a tick is never early — or, with
    // a precision window, just before it, and sleep the rest in fire().
    this.timer = setTimeout(this.fire, this.precisionMs > 0 ? Math.max(0, Math.floor(next - now - this.precisionMs / 2)) : Math.max(next > now ? 1 : 0, Math.ceil(next - now)));
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
    const step = Math.floor((now - this.epoch) / this.stepMs);
    if (step > this.lastStep) {
      // Steps missed by a late timer run now, in order (at most one period's worth: a listener owes
      // the packets of the ticks it missed and sends them itself).
      const P = this.phases.length;
      this.firing = true;
      for (let s = Math.max(this.lastStep + 1, step - P + 1); s <= step; s++) this.runStep(s, now);
      this.firing = false;
      this.lastStep = step;
    }
    if (this.phaseOf.size > 0 && !this.timer) this.schedule();
  };

  /** Step s: tick n = ⌊s / P⌋ for the listeners of phase s mod P. */
  private runStep(s: number, now: number): void {
    const P = this.phases.length;
    const p = s % P;
    const n = Math.floor(s / P);
    const listeners = this.phases[p];
    if (listeners.size === 0) return;
    this.onLateness?.(now - (this.epoch + s * this.stepMs), n, p);
    for (const l of listeners) {
      try {
        l.onTick(n, now);
      } catch (err) {
        this.onError?.(err);
      }
    }
    setImmediate(this.after, listeners, n, now);
  }

  private readonly after = (listeners: Set<TickListener>, n: number, now: number): void => {
    for (const l of listeners) {
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
    this.firing = false;
    for (const set of this.phases) set.clear();
    this.phaseOf.clear();
  }
}
