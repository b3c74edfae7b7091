// MEDIA_NICE: the scheduling priority of the thread that runs the media role's event loop — the one that
// sends every call's RTP on the 20 ms clock. Those sends are only as punctual as the thread: on a shared
// host, other processes (agent workers, the database, a load generator) otherwise preempt it, and each
// preemption delays a whole step of packets. A nice value (−20 first … 19 last), not a real-time class,
// so a busy media thread cannot starve the host (compare FreeSWITCH's -rp or Asterisk's -p). Below 0
// needs root or CAP_SYS_NICE; without them the start goes on at the old priority, with a warning.
// On Linux nice is per thread: this sets the event-loop thread's own; threads V8 started before (GC
// helpers) keep theirs, threads started after inherit it.
import { getPriority, setPriority } from 'node:os';

interface Log {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
}

/** Sets the calling thread's nice value; true when it took. */
export function applyMediaNice(nice: number, log: Log, set: (n: number) => void = (n) => setPriority(0, n), get: () => number = () => getPriority(0)): boolean {
  const before = get();
  try {
    set(nice);
  } catch (err) {
    const code = (err as { code?: string; info?: { code?: string } }).info?.code ?? (err as { code?: string }).code;
    log.warn(
      { nice, current: before, code },
      code === 'EACCES' || code === 'EPERM'
        ? 'MEDIA_NICE: not permitted to raise the media thread priority (needs root or CAP_SYS_NICE); going on at the current priority'
        : 'MEDIA_NICE: could not set the media thread priority; going on at the current priority',
    );
    return false;
  }
  log.info({ nice: get(), was: before }, 'media thread priority set (MEDIA_NICE)');
  return true;
}
