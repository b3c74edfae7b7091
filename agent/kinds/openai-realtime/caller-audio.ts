// Caller audio → `input_audio_buffer.append`: 20 ms frames at the call's rate (8 or 16 kHz) are
// resampled to 24 kHz and batched into one append per `batchMs` (base64 in JSON is ~4/3 of the bytes
// plus an envelope, and every event costs the server a parse: 50 small ones a second would be
// wasteful, while a batch much over 100 ms delays voice detection). No allocation per frame beyond
// the base64 string of a batch.
import { PcmResampler } from '../../../lib/resample.ts';
import { pcmSamples } from '../../../lib/pcm.ts';
import { REALTIME_RATE } from './session-config.ts';

const APPEND_HEAD = '{"type":"input_audio_buffer.append","audio":"';
const APPEND_TAIL = '"}';

export class CallerAudio {
  private resampler: PcmResampler | undefined;
  private readonly batch: Int16Array;
  private fill = 0;
  private scratch = new Int16Array(0);
  private align = new Int16Array(0);

  /** `send` gets the finished JSON text of one append event and how many 24 kHz samples it carries. */
  constructor(private readonly send: (json: string, samples: number) => void, readonly batchMs = 60) {
    this.batch = new Int16Array((REALTIME_RATE * batchMs) / 1000);
  }

  /** One caller frame: PCM s16le bytes at `rate` (a view valid only during this call). */
  push(bytes: Uint8Array, rate: number): void {
    if (bytes.byteLength < 2 || !(rate > 0)) return;
    const n = bytes.byteLength >> 1;
    if (this.align.length < n) this.align = new Int16Array(n);
    let pcm = pcmSamples(bytes, this.align);
    if (rate !== REALTIME_RATE) {
      if (!this.resampler || this.resampler.inRate !== rate) this.resampler = new PcmResampler(rate, REALTIME_RATE);
      const need = this.resampler.outputLength(pcm.length);
      if (this.scratch.length < need) this.scratch = new Int16Array(need + 16);
      pcm = this.scratch.subarray(0, this.resampler.process(pcm, this.scratch));
    }
    let i = 0;
    while (i < pcm.length) {
      const k = Math.min(this.batch.length - this.fill, pcm.length - i);
      this.batch.set(pcm.subarray(i, i + k), this.fill);
      this.fill += k;
      i += k;
      if (this.fill === this.batch.length) this.flush();
    }
  }

  /** Sends what is batched now (e.g. before the call ends). */
  flush(): void {
    if (this.fill === 0) return;
    const b64 = Buffer.from(this.batch.buffer, this.batch.byteOffset, this.fill * 2).toString('base64');
    const samples = this.fill;
    this.fill = 0;
    this.send(APPEND_HEAD + b64 + APPEND_TAIL, samples);
  }
}
