// Cuts agent audio (arbitrary-sized chunks of s16le bytes, possibly split mid-sample) into whole
// 20 ms frames, so AgentOutput.sendAudio never pads mid-utterance. Shared by the streaming kinds
// (ultravox, openai-realtime). One reusable frame buffer: AgentOutput.sendAudio copies synchronously.
export class FrameAccumulator {
  private readonly frame: Int16Array;
  private readonly bytes: Uint8Array;
  private fill = 0; // bytes in `bytes`

  constructor(frameSamples: number, private readonly emit: (frame: Int16Array) => void) {
    this.frame = new Int16Array(frameSamples);
    this.bytes = new Uint8Array(this.frame.buffer);
  }

  push(chunk: Uint8Array): void {
    const size = this.bytes.length;
    let i = 0;
    while (i < chunk.length) {
      const n = Math.min(size - this.fill, chunk.length - i);
      this.bytes.set(chunk.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
      if (this.fill === size) {
        this.fill = 0;
        this.emit(this.frame);
      }
    }
  }

  /** Emits the partial frame padded with silence (end of an agent turn). */
  flush(): void {
    if (this.fill === 0) return;
    this.bytes.fill(0, this.fill);
    this.fill = 0;
    this.emit(this.frame);
  }

  /** Drops the partial frame (barge-in). */
  reset(): void {
    this.fill = 0;
  }
}
