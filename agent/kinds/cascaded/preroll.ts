// The last few hundred ms of caller audio, so an utterance handed to STT starts before the VAD
// noticed it (the onset is decided a window or two after the first sound). Fixed ring, no allocation.
export class PreRoll {
  private readonly ring: Int16Array;
  private pos = 0;
  private filled = 0;

  constructor(samples: number) {
    this.ring = new Int16Array(samples);
  }

  push(pcm: Int16Array): void {
    const cap = this.ring.length;
    let src = pcm;
    if (src.length >= cap) src = src.subarray(src.length - cap);
    const first = Math.min(src.length, cap - this.pos);
    this.ring.set(src.subarray(0, first), this.pos);
    if (first < src.length) this.ring.set(src.subarray(first), 0);
    this.pos = (this.pos + src.length) % cap;
    this.filled = Math.min(cap, this.filled + src.length);
  }

  /** Hands the buffered audio to `sink` oldest first (as views, valid during the call), then empties. */
  drainTo(sink: (pcm: Int16Array) => void): void {
    const cap = this.ring.length;
    const start = (this.pos - this.filled + cap) % cap;
    if (start + this.filled <= cap) sink(this.ring.subarray(start, start + this.filled));
    else {
      sink(this.ring.subarray(start));
      sink(this.ring.subarray(0, this.pos));
    }
    this.filled = 0;
  }
}
