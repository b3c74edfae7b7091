// The outgoing side of a transport that sends one 20 ms frame per clock tick from its own ring of slots
// (SIP/RTP and WebRTC): which slot the next frame goes into, which one is sent next, how many wait, and
// the marks pinned to the frame count — a mark is reported played once every frame queued before it has
// been sent, and clear() reports the ones still waiting as cleared (what Twilio does on its side).
// The transport owns the slot storage (G.711 bytes, PCM); this ledger only counts.
export class OutgoingFrames {
  private queued = 0; // frames ever queued
  private sent = 0; // frames ever taken
  private headQueuedAt = 0; // when the first frame into an empty ring arrived
  private marks: { name: string; at: number }[] = [];

  constructor(
    readonly capacity: number,
    private readonly now: () => number,
    private readonly played: (name: string, cleared: boolean) => void,
  ) {}

  /** The slot for the next frame, or -1 when the ring is full; call commit() once it is filled. */
  reserve(): number {
    if (this.queued - this.sent >= this.capacity) return -1;
    if (this.queued === this.sent) this.headQueuedAt = this.now();
    return this.queued % this.capacity;
  }

  commit(): void {
    this.queued++;
  }

  /**
   * Frames ready to send. Live audio arrives with jitter: unless a talkspurt is under way, a lone frame
   * waits `cushionMs` for the next one so the spurt does not start with a gap.
   */
  pending(now: number, talking: boolean, cushionMs: number): number {
    const n = this.queued - this.sent;
    return n === 1 && !talking && now - this.headQueuedAt < cushionMs ? 0 : n;
  }

  /** The slot to send now (the caller checked pending()); it counts as sent. */
  take(): number {
    return this.sent++ % this.capacity;
  }

  /** A mark after the frames queued so far; with nothing left to send it is played at once. */
  mark(name: string, closed: () => boolean): void {
    if (this.queued === this.sent) queueMicrotask(() => !closed() && this.played(name, false));
    else this.marks.push({ name, at: this.queued });
  }

  /** After a send: the marks whose audio has all gone out. */
  fireMarks(): void {
    while (this.marks.length > 0 && this.marks[0].at <= this.sent) this.played(this.marks.shift()!.name, false);
  }

  /** Frames queued and not sent yet, and the slot of the next one to send. */
  get waiting(): number {
    return this.queued - this.sent;
  }

  get nextSlot(): number {
    return this.sent % this.capacity;
  }

  get marksWaiting(): boolean {
    return this.marks.length > 0;
  }

  /** Barge-in: drop every unsent frame; every waiting mark is cleared. */
  clear(): void {
    this.sent = this.queued;
    const cleared = this.marks;
    this.marks = [];
    for (const m of cleared) this.played(m.name, true);
  }

  /** Forget the waiting marks without reporting them (the call is closing). */
  dropMarks(): void {
    this.marks = [];
  }
}
