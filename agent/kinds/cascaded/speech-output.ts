// Agent speech → the caller, one segment (a sentence) at a time, and what the caller actually heard.
// TTS audio at the provider's rate is resampled to the output rate and cut into whole 20 ms frames;
// each segment ends with a mark, and the media core returns the mark once the segment has played (or
// was cleared). On barge-in, clear() drops everything unplayed at once and says which segments were
// heard whole, how much of the one playing was heard (from the time since it started), and what was
// never heard, so the conversation can be truncated and a false interruption can re-speak the rest.
import type { AgentOutput } from '../types.ts';
import { FrameAccumulator } from '../frames.ts';
import { PcmResampler } from '../../../lib/resample.ts';
import { pcmBytes } from '../../../lib/pcm.ts';

export interface Segment {
  readonly turn: number;
  readonly text: string;
  readonly mark: string;
  /** Output samples sent (padded to whole frames). */
  samples: number;
  /** performance.now() of its first frame sent, and of its mark returning (played). */
  firstFrameAt: number;
  playedAt: number;
  state: 'sending' | 'queued' | 'played' | 'cleared';
}

export interface ClearResult {
  /** The segment that was playing, and the share of it heard (estimated from time). */
  partial: { segment: Segment; share: number } | undefined;
  /** Segments sent or being sent that were never heard (after the partial one). */
  unheard: Segment[];
}

const BLOCK = 4800; // samples per resampling step (200 ms at 24 kHz)

export class SpeechOutput {
  private readonly frames: FrameAccumulator;
  private readonly frameSamples: number;
  private resampler: PcmResampler | undefined;
  private readonly inBlock = new Int16Array(BLOCK);
  private outBlock = new Int16Array(BLOCK * 2);
  private carry = -1; // odd byte left over from the last chunk, or -1
  private readonly segments: Segment[] = [];
  private current: Segment | undefined;
  private markSeq = 0;
  private lastPlayedAt = 0;
  private drainWaiters: Array<() => void> = [];
  /** Called with every frame sent (latency: the first frame of a turn). */
  onFrame: ((segment: Segment) => void) | undefined;
  /** A segment played to the end. */
  onPlayed: ((segment: Segment) => void) | undefined;

  constructor(private readonly out: AgentOutput, private readonly markPrefix = 'seg-', private readonly now: () => number = () => performance.now()) {
    this.frameSamples = out.outputRate / 50;
    this.frames = new FrameAccumulator(this.frameSamples, (f) => {
      const s = this.current!;
      if (s.samples === 0) s.firstFrameAt = this.now();
      s.samples += f.length;
      this.out.sendAudio(f);
      this.onFrame?.(s);
    });
  }

  /** True while audio is being sent or has not finished playing. */
  get busy(): boolean {
    return this.current !== undefined || this.segments.length > 0;
  }

  /** Starts a segment; its audio follows through push(), then end(). */
  begin(turn: number, text: string): Segment {
    if (this.current) this.end();
    const s: Segment = { turn, text, mark: `${this.markPrefix}${++this.markSeq}`, samples: 0, firstFrameAt: 0, playedAt: 0, state: 'sending' };
    this.current = s;
    return s;
  }

  /** Audio of the current segment: s16le bytes at `rate`, any chunking. */
  push(bytes: Uint8Array, rate: number): void {
    if (!this.current) return;
    if (rate === this.out.outputRate && this.carry < 0 && (bytes.length & 1) === 0) {
      this.frames.push(bytes);
      return;
    }
    if (!this.resampler || this.resampler.inRate !== rate) this.resampler = new PcmResampler(rate, this.out.outputRate);
    const inBytes = new Uint8Array(this.inBlock.buffer);
    let i = 0;
    while (i < bytes.length) {
      let n = 0; // bytes in inBlock
      if (this.carry >= 0) {
        inBytes[n++] = this.carry;
        this.carry = -1;
      }
      const take = Math.min(BLOCK * 2 - n, bytes.length - i);
      inBytes.set(bytes.subarray(i, i + take), n);
      n += take;
      i += take;
      if (n & 1) this.carry = inBytes[--n];
      this.resampleAndSend(this.inBlock.subarray(0, n >> 1));
    }
  }

  /** Already-decoded samples at `rate` (offline TTS, DTMF tones). */
  pushSamples(pcm: Int16Array, rate: number): void {
    if (!this.current) return;
    if (rate === this.out.outputRate) {
      this.frames.push(pcmBytes(pcm));
      return;
    }
    if (!this.resampler || this.resampler.inRate !== rate) this.resampler = new PcmResampler(rate, this.out.outputRate);
    for (let i = 0; i < pcm.length; i += BLOCK) this.resampleAndSend(pcm.subarray(i, Math.min(pcm.length, i + BLOCK)));
  }

  private resampleAndSend(src: Int16Array): void {
    const r = this.resampler!;
    const need = r.outputLength(src.length);
    if (need > this.outBlock.length) this.outBlock = new Int16Array(need);
    const n = r.process(src, this.outBlock);
    this.frames.push(pcmBytes(this.outBlock.subarray(0, n)));
  }

  /** Ends the current segment: pads its last frame and places its mark. */
  end(): void {
    const s = this.current;
    if (!s) return;
    this.carry = -1;
    this.frames.flush(); // (its emit still counts the padded last frame on `current`)
    this.current = undefined;
    if (s.samples === 0) return; // nothing was said (empty audio): no mark to wait for
    s.state = 'queued';
    this.segments.push(s);
    this.out.mark(s.mark);
  }

  /** The media core reports a mark: its segment played (or was cleared). */
  onMark(name: string, cleared: boolean): boolean {
    const idx = this.segments.findIndex((s) => s.mark === name);
    if (idx < 0) return false;
    // Marks return in order: any earlier segment has played too.
    const done = this.segments.splice(0, idx + 1);
    const t = this.now();
    for (const s of done) {
      s.state = cleared ? 'cleared' : 'played';
      s.playedAt = t;
      if (!cleared) this.onPlayed?.(s);
    }
    if (!cleared) this.lastPlayedAt = t;
    if (!this.busy) this.wakeDrainWaiters();
    return true;
  }

  /** Barge-in: drop all unplayed audio now and say what was heard. */
  clear(): ClearResult {
    this.out.clear();
    const t = this.now();
    const pending = this.current ? [...this.segments, this.current] : [...this.segments];
    this.current = undefined;
    this.segments.length = 0;
    this.frames.reset();
    this.carry = -1;
    this.resampler = undefined; // its history belongs to audio that was dropped
    let partial: ClearResult['partial'];
    const unheard: Segment[] = [];
    for (const s of pending) {
      s.state = 'cleared';
      if (!partial && s.samples > 0) {
        // It started playing when the previous segment finished, or when its first frame went out.
        const start = Math.max(s.firstFrameAt, this.lastPlayedAt);
        const durMs = (s.samples / this.out.outputRate) * 1000;
        const share = durMs > 0 ? Math.min(1, Math.max(0, (t - start) / durMs)) : 0;
        partial = { segment: s, share };
      } else unheard.push(s);
    }
    this.wakeDrainWaiters();
    return { partial, unheard };
  }

  /** Resolves once everything sent has played (or was cleared), or after `timeoutMs`. */
  drained(timeoutMs: number): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      t.unref?.();
      this.drainWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** ms of audio sent and not yet reported played. */
  get pendingMs(): number {
    let n = this.current?.samples ?? 0;
    for (const s of this.segments) n += s.samples;
    return (n / this.out.outputRate) * 1000;
  }

  private wakeDrainWaiters(): void {
    const w = this.drainWaiters;
    this.drainWaiters = [];
    for (const f of w) f();
  }
}
