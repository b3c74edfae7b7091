// A WAV file (RIFF, PCM s16le mono) around caller audio, for batch transcription APIs.
export function wavFile(chunks: readonly Int16Array[], rate: number): Buffer {
  let samples = 0;
  for (const c of chunks) samples += c.length;
  const data = samples * 2;
  const buf = Buffer.allocUnsafe(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  let off = 44;
  for (const c of chunks) {
    Buffer.from(c.buffer, c.byteOffset, c.byteLength).copy(buf, off);
    off += c.byteLength;
  }
  return buf;
}

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
