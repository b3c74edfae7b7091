// Paces agent audio to the caller in exact 20 ms chunks, keeping at most `leadMs` of audio ahead of
// real time at the far end. A small lead keeps `clear` (barge-in) and marks accurate: whatever was
// sent can no longer be taken back, so the less is in flight the sooner an interruption is heard.

export interface PacedOutput {
  /** The queue the pacer drains. */
  readonly queue: {
    hasChunk(): boolean;
    readChunk(): Int16Array;
    takeDueMarks(fn: (name: string) => void): void;
    readonly hasMarks: boolean;
    readonly queuedSamples: number;
  };
  /** Returns false once the output is gone (the call ended): the pacer stops at once. */
  sendChunk(chunk: Int16Array): boolean;
  sendMark(name: string): void;
}

export class PlayoutClock {
  /** Time (ms, monotonic) the far end started playing the current burst. */
  private epoch = 0;
  /** Milliseconds of audio sent in the current burst. */
  private sentMs = 0;

  /** Samples in one chunk, to tell "only the frame just queued" from a backlog. */
  chunkSamplesHint = Infinity;

  constructor(readonly chunkMs: number, readonly leadMs: number) {}

  /** How far (ms) the audio sent is ahead of the far end's playback. */
  ahead(now: number): number {
    return this.epoch + this.sentMs - now;
  }

  /**
   * Sends as many chunks as the lead allows, and marks as their audio goes out. Returns chunks sent.
   * Called when audio arrives (so an idle call relays a frame at once) and from the shared ticker.
   */
  pump(out: PacedOutput, now: number, liveChunk = false): number {
    let ahead = this.epoch + this.sentMs - now;
    if (ahead < 0) {
      // The far end ran dry (or we were idle): a new burst starts now.
      this.epoch = now;
      this.sentMs = 0;
      ahead = 0;
    }
    let sent = 0;
    const q = out.queue;
    // Audio relayed live (it arrives at real time, e.g. an echo or a provider streaming in real
    // time) goes straight out when nothing is queued before it: holding it back would only turn the
    // sender's jitter into latency. The lead still bounds audio that arrives faster than real time.
    let bypass = liveChunk && q.queuedSamples <= this.chunkSamplesHint;
    while ((bypass || ahead + this.chunkMs <= this.leadMs) && q.hasChunk()) {
      bypass = false;
      if (!out.sendChunk(q.readChunk())) return sent;
      this.sentMs += this.chunkMs;
      ahead += this.chunkMs;
      sent++;
      if (q.hasMarks) q.takeDueMarks((name) => out.sendMark(name));
    }
    if (ahead > this.leadMs) {
      // Keep the model of the far end's buffer within the lead, so later bursts are still paced.
      this.sentMs -= ahead - this.leadMs;
    }
    // A mark queued with no audio before it (or after audio already sent) goes out now.
    if (q.hasMarks && q.queuedSamples === 0) q.takeDueMarks((name) => out.sendMark(name));
    return sent;
  }

  /** After `clear`: the far end drops its buffer, so nothing is in flight any more. */
  reset(now: number): void {
    this.epoch = now;
    this.sentMs = 0;
  }
}
