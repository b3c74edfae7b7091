// One call's voice activity detection: caller PCM in (any chunk size), a speech probability out per
// Silero window (32 ms at 16 kHz), in order. Inference is asynchronous and batched with other calls'
// windows (silero-batch.ts), so complete windows wait in a small ring of preallocated slots; nothing is
// allocated per frame. Windows quieter than `gateRms` skip inference (probability 0): most of a call is
// silence, and the model costs ~0.25 ms a window.
import { SILERO_WINDOW, SILERO_STATE, type SileroModel } from './silero-model.ts';
import type { BatchedStream, SileroBatcher } from './silero-batch.ts';

export interface SileroVadOptions {
  /** Rate the model runs at: 16000 or 8000. */
  rate: number;
  /**
   * Rate of the audio pushed (default `rate`): 16000 into an 8000 model keeps every second sample. Only
   * for audio with nothing above 4 kHz (a phone leg the media core upsampled with its half-band filter,
   * where one output in two is an original sample): decimating anything else would alias.
   */
  inputRate?: number;
  /** Called once per window, in order: probability and the pushed-audio sample count at its end. */
  onProbability(prob: number, endSample: number): void;
  /** Inference failed (the window counts as the previous probability). */
  onError?(err: unknown): void;
  /** RMS (fraction of full scale) under which a window is silence without asking the model. Default 0.002 (≈ -54 dBFS). */
  gateRms?: number;
  /** How long a window waits for other calls' windows to share a run (the rate's batcher; process-wide). */
  batchWaitMs?: number;
}

const RING = 8;

export class SileroVad implements BatchedStream {
  private readonly window: number;
  private readonly context: number;
  private readonly slots: Float32Array[] = [];
  /** Per queued slot: sample count at the window's end; gated slots are negative (−end − 1). */
  private readonly slotEnd = new Float64Array(RING);
  private head = 0; // oldest queued slot
  private queued = 0;
  private fill = 0; // samples in the slot being filled
  private energy = 0; // sum of squares of the slot being filled
  /** Samples pushed (at inputRate), and every how many one goes to the model (1 or 2). */
  private samples = 0;
  private readonly step: number;
  /** Pushed samples still to skip before the next kept one (decimation phase across pushes). */
  private skip = 0;
  /** The recurrent state, updated by each inference ([2 × 128]). */
  readonly batchState = new Float32Array(2 * SILERO_STATE);
  private readonly batcher: SileroBatcher;
  private readonly gateEnergy: number;
  private running = false;
  private closed = false;
  private lastProb = 0;
  /** Counters for metrics and the bench. */
  inferences = 0;
  gatedWindows = 0;
  overruns = 0;

  constructor(private readonly model: SileroModel, private readonly o: SileroVadOptions) {
    const w = SILERO_WINDOW[o.rate];
    if (!w) throw new RangeError(`Silero runs at 8000 or 16000 Hz, not ${o.rate}`);
    this.window = w.window;
    this.context = w.context;
    const input = o.inputRate ?? o.rate;
    if (input !== o.rate && input !== 2 * o.rate) throw new RangeError(`Silero at ${o.rate} Hz takes audio at ${o.rate} or ${2 * o.rate} Hz, not ${input}`);
    this.step = input / o.rate;
    for (let i = 0; i < RING; i++) this.slots.push(new Float32Array(w.context + w.window));
    this.batcher = model.batcher(o.rate);
    if (o.batchWaitMs !== undefined) this.batcher.waitMs = o.batchWaitMs;
    const g = o.gateRms ?? 0.002;
    this.gateEnergy = g * g * w.window;
  }

  get probability(): number {
    return this.lastProb;
  }

  /** Caller audio (s16 at `inputRate`); the array may be reused by the caller as soon as this returns. */
  push(pcm: Int16Array): void {
    if (this.closed) return;
    const step = this.step;
    const base = this.samples;
    let i = this.skip; // first pushed sample the model sees
    while (i < pcm.length) {
      const slot = this.slots[(this.head + this.queued) % RING];
      // Model samples available in this push from i on, at one per `step` pushed samples.
      const n = Math.min(this.window - this.fill, Math.ceil((pcm.length - i) / step));
      let e = this.energy;
      for (let k = 0, o = this.context + this.fill, j = i; k < n; k++, o++, j += step) {
        const v = pcm[j] / 32768;
        slot[o] = v;
        e += v * v;
      }
      this.energy = e;
      this.fill += n;
      i += n * step;
      if (this.fill === this.window) {
        this.samples = base + Math.min(i, pcm.length); // the window's end, in pushed samples
        this.windowDone(slot);
      }
    }
    this.skip = i - pcm.length;
    this.samples = base + pcm.length;
  }

  private windowDone(slot: Float32Array): void {
    const gated = this.energy < this.gateEnergy;
    this.fill = 0;
    this.energy = 0;
    if (this.queued === RING - 1) {
      // The model is falling behind (CPU overload): keep the stream going on the last probability.
      this.overruns++;
      this.o.onProbability(this.lastProb, this.samples);
      this.carryContext(slot, slot);
      return;
    }
    const idx = (this.head + this.queued) % RING;
    this.slotEnd[idx] = gated ? -this.samples - 1 : this.samples;
    this.queued++;
    // The next window starts with this one's tail as context.
    this.carryContext(slot, this.slots[(idx + 1) % RING]);
    this.pump();
  }

  private carryContext(from: Float32Array, to: Float32Array): void {
    to.set(from.subarray(this.window, this.window + this.context), 0);
  }

  private pump(): void {
    while (!this.running && this.queued > 0 && !this.closed) {
      const idx = this.head;
      const end = this.slotEnd[idx];
      if (end < 0) {
        this.dequeue();
        this.gatedWindows++;
        this.lastProb = 0;
        this.o.onProbability(0, -end - 1);
        continue;
      }
      this.running = true;
      this.inferences++;
      this.batcher.submit(this);
    }
  }

  /** The window being inferred: the oldest queued one. */
  get batchInput(): Float32Array {
    return this.slots[this.head];
  }

  onBatchResult(prob: number): void {
    this.running = false;
    if (this.closed) return;
    this.lastProb = prob;
    this.deliver(prob);
  }

  onBatchError(err: unknown): void {
    this.running = false;
    if (this.closed) return;
    this.o.onError?.(err);
    this.deliver(this.lastProb);
  }

  private deliver(prob: number): void {
    const end = this.slotEnd[this.head];
    this.dequeue();
    this.o.onProbability(prob, end);
    this.pump();
  }

  private dequeue(): void {
    this.head = (this.head + 1) % RING;
    this.queued--;
  }

  /** Forget the recurrent state (e.g. between calls reusing the object). */
  reset(): void {
    this.batchState.fill(0);
    for (const s of this.slots) s.fill(0);
    this.fill = 0;
    this.energy = 0;
    this.skip = 0;
  }

  close(): void {
    this.closed = true;
  }
}
