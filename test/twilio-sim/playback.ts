// Model of Twilio's outbound playback buffer: audio plays in real time at 8000 µ-law bytes/s,
// a mark is "reached" once every byte queued before it has played, and `clear` drops unplayed
// audio and releases all pending marks at once. Pure (time is passed in) so it is easy to test.

interface Segment {
  start: number; // ms (caller's clock) when this segment starts/started playing
  data: Buffer;
}

export class PlaybackModel {
  private segments: Segment[] = [];
  private played: Buffer[] = [];
  private playedBytesTotal = 0;
  private endsAt = 0; // when everything queued so far will have played
  private marks: { name: string; due: number }[] = [];

  constructor(
    private readonly bytesPerMs = 8,
    private readonly keepAudio = true, // false for load tests: count bytes, don't retain them
  ) {}

  addAudio(data: Buffer, now: number): void {
    if (data.length === 0) return;
    // An underrun (queue ran dry) means new audio starts playing immediately.
    const start = Math.max(now, this.endsAt);
    this.endsAt = start + data.length / this.bytesPerMs;
    this.segments.push({ start, data });
  }

  addMark(name: string, now: number): void {
    this.marks.push({ name, due: Math.max(now, this.endsAt) });
  }

  /** Removes and returns (in order) the marks whose preceding audio has finished by `now`. */
  takeDueMarks(now: number): string[] {
    let n = 0;
    while (n < this.marks.length && this.marks[n].due <= now) n++;
    return this.marks.splice(0, n).map((m) => m.name);
  }

  nextMarkDue(): number | undefined {
    return this.marks[0]?.due;
  }

  /** Drops unplayed audio; returns every pending mark (Twilio sends them all back on clear). */
  clear(now: number): string[] {
    this.settle(now);
    this.segments = [];
    this.endsAt = now;
    return this.marks.splice(0).map((m) => m.name);
  }

  queuedMs(now: number): number {
    return Math.max(0, this.endsAt - now);
  }

  playedBytes(now: number): number {
    this.settle(now);
    return this.playedBytesTotal;
  }

  playedAudio(now: number): Buffer {
    this.settle(now);
    return Buffer.concat(this.played);
  }

  /** Moves whatever has played by `now` from the queue into the played list. */
  private settle(now: number): void {
    while (this.segments.length) {
      const seg = this.segments[0];
      const n = Math.min(seg.data.length, Math.floor((now - seg.start) * this.bytesPerMs));
      if (n <= 0) return;
      this.playedBytesTotal += n;
      if (this.keepAudio) this.played.push(seg.data.subarray(0, n));
      if (n === seg.data.length) {
        this.segments.shift();
      } else {
        seg.data = seg.data.subarray(n);
        seg.start += n / this.bytesPerMs;
        return;
      }
    }
  }
}
