// Watches agent workers' heartbeats so no call hangs silent because its worker died. Each worker
// heart-beats on agent.heartbeat.<id> with the calls it holds; a call whose worker has been silent for
// `deadAfterMs`, or whose live worker no longer lists it, is re-dispatched by its media session.
import { uap, subjects } from '../proto/index.ts';
import type { Bus, Subscription } from '../lib/bus/types.ts';
import type { Logger } from '../lib/logger.ts';

/** What the watch needs of a media session. */
export interface WatchedCall {
  readonly callId: string;
  readonly workerId: string;
  readonly dispatchedAt: number;
  readonly isClosed: boolean;
  redispatch(reason: string): Promise<boolean>;
}

interface WorkerSeen {
  lastSeen: number;
  calls: Set<string>;
}

export interface AgentWatchOptions {
  bus: Bus;
  log: Logger;
  deadAfterMs: number;
  calls: () => Iterable<WatchedCall>;
  /** False while this process's bus link is down: silence then says nothing about the workers. */
  linkUp?: () => boolean;
  /** How often calls are checked. Default deadAfterMs / 6 (≥ 50 ms). */
  checkEveryMs?: number;
  now?: () => number;
}

export class AgentWatch {
  private readonly workers = new Map<string, WorkerSeen>();
  private readonly sub: Subscription;
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private lastAny = 0;
  /** When the bus link last came back: no worker is judged on silence from before it. */
  private linkBackAt = 0;
  private linkWasDown = false;
  badHeartbeats = 0;

  constructor(private readonly o: AgentWatchOptions) {
    this.now = o.now ?? Date.now;
    this.sub = o.bus.subscribe(subjects.allHeartbeats, (m) => this.onHeartbeat(m.data));
    this.timer = setInterval(() => this.check(), o.checkEveryMs ?? Math.max(50, Math.floor(o.deadAfterMs / 6)));
    this.timer.unref();
  }

  /** Whether any worker has heart-beaten recently (readiness: can calls be served at all?). */
  anyAlive(): boolean {
    return this.now() - this.lastAny < this.o.deadAfterMs;
  }

  onHeartbeat(data: Uint8Array): void {
    let hb: uap.Heartbeat;
    try {
      hb = uap.Heartbeat.decode(data);
    } catch {
      this.badHeartbeats++;
      return;
    }
    if (!hb.workerId) return;
    const now = this.now();
    this.lastAny = now;
    this.workers.set(hb.workerId, { lastSeen: now, calls: new Set(hb.callIds) });
  }

  /** One pass over the live calls; exposed for tests. */
  check(): void {
    const now = this.now();
    const dead = this.o.deadAfterMs;
    if (this.o.linkUp && !this.o.linkUp()) {
      this.linkWasDown = true;
      return;
    }
    if (this.linkWasDown) {
      this.linkWasDown = false;
      this.linkBackAt = now;
    }
    for (const c of this.o.calls()) {
      if (c.isClosed || !c.workerId) continue;
      const w = this.workers.get(c.workerId);
      // A worker not heard from since it took the call (or since our link came back) counts from then.
      const lastSeen = Math.max(w?.lastSeen ?? 0, c.dispatchedAt, this.linkBackAt);
      let reason: string | undefined;
      if (now - lastSeen > dead) reason = 'heartbeat_lost';
      // The worker is alive but dropped the call (crashed agent, idle release): a heartbeat sent well
      // after it took the call no longer lists it.
      else if (w && w.lastSeen - Math.max(c.dispatchedAt, this.linkBackAt) > dead && !w.calls.has(c.callId)) reason = 'call_dropped';
      if (!reason) continue;
      this.o.log.warn({ callId: c.callId, workerId: c.workerId, reason, silentMs: now - lastSeen }, 'agent worker lost the call');
      void c.redispatch(reason);
    }
    // Forget workers silent for long (they were restarted under a new id, or scaled away).
    for (const [id, w] of this.workers) if (now - w.lastSeen > 10 * dead) this.workers.delete(id);
  }

  close(): void {
    this.sub.unsubscribe();
    clearInterval(this.timer);
  }
}
