// Caller audio for batch transcription APIs: collected per utterance, sent as a WAV file.
export { wavFile } from '../../../../lib/wav.ts';

/** Collects an utterance's audio in 1 s blocks (allocation per second of speech, not per frame). */
export class UtteranceAudio {
  private readonly blocks: Int16Array[] = [];
  private fill = 0;
  private total = 0;

  constructor(private readonly rate: number, private readonly maxSeconds = 60) {}

  push(pcm: Int16Array): void {
    let i = 0;
    while (i < pcm.length) {
      if (this.total >= this.rate * this.maxSeconds) return; // a runaway utterance is cut, not grown forever
      let block = this.blocks.at(-1);
      if (!block || this.fill === block.length) {
        block = new Int16Array(this.rate);
        this.blocks.push(block);
        this.fill = 0;
      }
      const n = Math.min(block.length - this.fill, pcm.length - i);
      block.set(pcm.subarray(i, i + n), this.fill);
      this.fill += n;
      this.total += n;
      i += n;
    }
  }

  get samples(): number {
    return this.total;
  }

  /** The audio as whole blocks plus the filled part of the last one. */
  chunks(): Int16Array[] {
    return this.blocks.map((b, i) => (i === this.blocks.length - 1 ? b.subarray(0, this.fill) : b));
  }
}
