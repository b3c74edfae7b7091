// Marks pinned to a transport's outgoing frame count (RTP and WebRTC send one 20 ms frame per clock tick
// from their own queue): a mark is reported played once every frame queued before it has been sent, and
// clear() reports the ones still waiting as cleared — what Twilio does with marks on its side.
export class FrameMarks {
  private marks: { name: string; at: number }[] = [];

  constructor(private readonly played: (name: string, cleared: boolean) => void) {}

  get waiting(): boolean {
    return this.marks.length > 0;
  }

  /** A mark after the `queued` frames so far; with nothing left to send it is played at once. */
  add(name: string, queued: number, sent: number, closed: () => boolean): void {
    if (queued === sent) queueMicrotask(() => !closed() && this.played(name, false));
    else this.marks.push({ name, at: queued });
  }

  /** After a send: the marks whose audio has all gone out. */
  fire(sent: number): void {
    while (this.marks.length > 0 && this.marks[0].at <= sent) this.played(this.marks.shift()!.name, false);
  }

  /** Barge-in: every waiting mark is cleared. */
  clear(): void {
    const cleared = this.marks;
    this.marks = [];
    for (const m of cleared) this.played(m.name, true);
  }

  /** Forget the waiting marks without reporting them (the call is closing). */
  drop(): void {
    this.marks = [];
  }
}
