// One timer for all calls in the process instead of one per call: every few milliseconds it pumps
// the pacers of the calls that have audio waiting. Calls leave the set when their queue empties.
import { performance } from 'node:perf_hooks';

export interface Pumpable {
  /** Returns true while it still has audio or marks waiting. */
  pump(now: number): boolean;
}

export class SharedTicker {
  private readonly active = new Set<Pumpable>();
  private timer: NodeJS.Timeout | undefined;
  /** Largest gap seen between ticks beyond the interval (ms), for the late-tick metric. */
  onLateTick?: (lateMs: number) => void;
  private last = 0;

  constructor(private readonly intervalMs = 5) {}

  wake(p: Pumpable): void {
    this.active.add(p);
    if (!this.timer) {
      this.last = performance.now();
      this.timer = setInterval(() => this.tick(), this.intervalMs);
    }
  }

  remove(p: Pumpable): void {
    this.active.delete(p);
  }

  private tick(): void {
    const now = performance.now();
    const late = now - this.last - this.intervalMs;
    this.last = now;
    if (late > 20 && this.onLateTick) this.onLateTick(late);
    for (const p of this.active) {
      if (!p.pump(now)) this.active.delete(p);
    }
    if (this.active.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.active.clear();
  }
}
