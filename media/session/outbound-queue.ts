// Agent audio waiting to be paced out to the caller, at the transport's rate, with marks pinned to
// sample positions. A ring buffer that starts small (2 s) and doubles, up to the configured maximum,
// only when an agent queues a long utterance: steady relaying never allocates.

interface PendingMark {
  name: string;
  /** Absolute sample position (in the stream of all audio ever queued) the mark follows. */
  pos: number;
}

export class OutboundQueue {
  private buf: Int16Array;
  private readonly chunk: Int16Array;
  private readonly maxSamples: number;
  /** Absolute positions: samples ever written / ever read. */
  private written = 0;
  private read = 0;
  private marks: PendingMark[] = [];

  /** maxSamples: the most audio ever held; initialSamples: the first allocation (grown by doubling). */
  constructor(maxSamples: number, readonly chunkSamples: number, initialSamples = Math.min(maxSamples, chunkSamples * 100)) {
    this.maxSamples = maxSamples;
    this.buf = new Int16Array(Math.max(chunkSamples, Math.min(initialSamples, maxSamples)));
    this.chunk = new Int16Array(chunkSamples);
  }

  /** Grows the ring (doubling, capped) so `need` queued samples fit; keeps positions valid. */
  private grow(need: number): void {
    let cap = this.buf.length;
    while (cap < need && cap < this.maxSamples) cap = Math.min(this.maxSamples, cap * 2);
    if (cap === this.buf.length) return;
    const old = this.buf;
    const next = new Int16Array(cap);
    // Positions are absolute: sample p lives at p % capacity, so re-place the queued ones.
    for (let p = this.read; p < this.written; p++) next[p % cap] = old[p % old.length];
    this.buf = next;
  }

  get queuedSamples(): number {
    return this.written - this.read;
  }

  get hasMarks(): boolean {
    return this.marks.length > 0;
  }

  /** Appends samples; returns how many were dropped because the queue is full. */
  push(src: Int16Array, n = src.length): number {
    if (this.written - this.read + n > this.buf.length) this.grow(this.written - this.read + n);
    const cap = this.buf.length;
    const free = cap - (this.written - this.read);
    const take = n <= free ? n : free;
    let w = this.written % cap;
    let i = 0;
    while (i < take) {
      const run = Math.min(take - i, cap - w);
      this.buf.set(src.subarray(i, i + run), w);
      i += run;
      w = (w + run) % cap;
    }
    this.written += take;
    return n - take;
  }

  /** Pins a mark after everything queued so far. */
  addMark(name: string): void {
    this.marks.push({ name, pos: this.written });
  }

  /**
   * Whether a chunk can be read now: a full chunk is queued, or a partial one is followed by a mark
   * (the tail of an utterance; it is padded with silence so chunks stay exactly 20 ms).
   */
  hasChunk(): boolean {
    const q = this.written - this.read;
    if (q >= this.chunkSamples) return true;
    return q > 0 && this.marks.length > 0 && this.marks[0].pos <= this.written;
  }

  /** Reads one chunk (a view into a reused buffer, valid until the next call). */
  readChunk(): Int16Array {
    const cap = this.buf.length;
    const q = this.written - this.read;
    let n = q < this.chunkSamples ? q : this.chunkSamples;
    // A partial chunk is read only because a mark follows: end it at the mark, so audio queued after
    // the mark (the next utterance) is not split by the silence padding.
    if (q < this.chunkSamples && this.marks.length > 0) {
      const toMark = this.marks[0].pos - this.read;
      if (toMark > 0 && toMark < n) n = toMark;
    }
    let r = this.read % cap;
    let i = 0;
    while (i < n) {
      const run = Math.min(n - i, cap - r);
      this.chunk.set(this.buf.subarray(r, r + run), i);
      i += run;
      r = (r + run) % cap;
    }
    if (n < this.chunkSamples) this.chunk.fill(0, n);
    this.read += n;
    return this.chunk;
  }

  /** Marks whose audio has all been read, in order. Calls `fn` for each and removes them. */
  takeDueMarks(fn: (name: string) => void): void {
    while (this.marks.length > 0 && this.marks[0].pos <= this.read) {
      fn(this.marks.shift()!.name);
    }
  }

  /** Drops all queued audio; returns the names of marks that will now never play. */
  clear(): string[] {
    const names = this.marks.map((m) => m.name);
    this.marks = [];
    this.read = this.written;
    return names;
  }
}
