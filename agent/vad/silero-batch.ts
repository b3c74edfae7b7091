// Batched Silero inference across calls. Silero v5 takes a batch — input [N, samples], state
// [2, N, 128] — and computes each row on its own, so one run for every call with a window ready gives each
// call exactly the probability and state it would get alone, for much less CPU: the native engine puts up
// to 8 calls' windows in SIMD lanes, so a weight is loaded once for all of them (~100 µs for one window
// alone, ~170 µs for eight, at 8 kHz), and onnxruntime's per-run overhead is paid once.
// A run takes every window submitted within `waitMs` of the oldest one waiting (0: those submitted in the
// same event-loop turn). Calls' frames arrive spread over each 20 ms, so a few ms of waiting makes batches
// of ~8 instead of ~3 (about 10% less CPU), for VAD decisions (barge-in, endpoints) up to that much later.
// A call has at most one window in a batch: its next window needs this one's state. A call fed faster
// than inference (more than SileroVad's ring of 8 windows, 256 ms, ahead) loses windows (counted overruns).
import { SILERO_WINDOW, SILERO_STATE } from './silero-shape.ts';
import type { SileroModel } from './silero-model.ts';

/** A call's side of batching (SileroVad). */
export interface BatchedStream {
  /** The window to infer: context + window samples, floats in [-1, 1]. */
  readonly batchInput: Float32Array;
  /** The recurrent state ([2 × 128]): read into the batch, overwritten with the result. */
  readonly batchState: Float32Array;
  onBatchResult(prob: number): void;
  onBatchError(err: unknown): void;
}

/** Most windows in one run (a larger backlog takes several runs). */
export const MAX_BATCH = 64;
/** Default wait for more windows before a run (VAD_BATCH_WAIT_MS). */
export const DEFAULT_BATCH_WAIT_MS = 4;

export class SileroBatcher {
  private queue: BatchedStream[] = [];
  private batch: BatchedStream[] = [];
  private busy = false;
  private timer: NodeJS.Timeout | undefined;
  private microtask = false;
  /** performance.now() when the oldest waiting window was submitted. */
  private waitingSince = 0;
  private readonly width: number;
  /** Batch buffers, laid out for the batch size of each run, and views of exactly n rows per size. */
  private readonly input: Float32Array;
  private readonly state: Float32Array;
  private readonly probs = new Float32Array(MAX_BATCH);
  private readonly views: Array<{ input: Float32Array; state: Float32Array } | undefined> = [];
  private readonly flushNow = () => this.flush();
  /** How long the oldest waiting window waits for others (ms); 0: until the end of the event-loop turn. */
  waitMs = DEFAULT_BATCH_WAIT_MS;
  /** Runs and windows inferred (metrics and the bench), and listeners that threw. */
  runs = 0;
  windows = 0;
  streamErrors = 0;

  constructor(private readonly model: SileroModel, private readonly rate: number) {
    const w = SILERO_WINDOW[rate];
    if (!w) throw new RangeError(`Silero runs at 8000 or 16000 Hz, not ${rate}`);
    this.width = w.context + w.window;
    this.input = new Float32Array(MAX_BATCH * this.width);
    this.state = new Float32Array(MAX_BATCH * 2 * SILERO_STATE);
  }

  /** Queues the stream's next window; its result comes back through onBatchResult / onBatchError. */
  submit(s: BatchedStream): void {
    if (this.queue.push(s) === 1) this.waitingSince = performance.now();
    if (this.busy) return; // the run in progress schedules the next one when it is done
    if (this.queue.length >= MAX_BATCH) this.runThisTurn();
    else this.schedule();
  }

  /** A run once the oldest waiting window has waited waitMs. */
  private schedule(): void {
    if (this.queue.length === 0 || this.timer || this.microtask) return;
    const due = this.waitingSince + this.waitMs - performance.now();
    if (due >= 1) this.timer = setTimeout(this.flushNow, due);
    else this.runThisTurn();
  }

  /** A run at the end of the current event-loop turn (after the frames being handled now). */
  private runThisTurn(): void {
    if (this.microtask) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.microtask = true;
    queueMicrotask(this.flushNow);
  }

  private viewsFor(n: number): { input: Float32Array; state: Float32Array } {
    return (this.views[n] ??= { input: this.input.subarray(0, n * this.width), state: this.state.subarray(0, n * 2 * SILERO_STATE) });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.microtask = false;
    if (this.busy || this.queue.length === 0) return;
    const n = Math.min(this.queue.length, MAX_BATCH);
    const batch = this.batch;
    if (n === this.queue.length) {
      this.batch = this.queue; // swap: windows submitted while this run is out go to the other array
      this.queue = batch;
    } else {
      for (let i = 0; i < n; i++) batch.push(this.queue[i]);
      this.queue.copyWithin(0, n);
      this.queue.length -= n;
    }
    const run = this.batch;
    // State [2, n, 128]: layer l of row i at (l·n + i)·128.
    const S = SILERO_STATE;
    for (let i = 0; i < n; i++) {
      const s = run[i];
      this.input.set(s.batchInput, i * this.width);
      this.state.set(s.batchState.subarray(0, S), i * S);
      this.state.set(s.batchState.subarray(S, 2 * S), (n + i) * S);
    }
    const v = this.viewsFor(n);
    this.busy = true;
    this.runs++;
    this.windows += n;
    const done = (): void => {
      this.busy = false;
      const st = this.state;
      for (let i = 0; i < n; i++) {
        const s = run[i];
        s.batchState.set(st.subarray(i * S, (i + 1) * S), 0);
        s.batchState.set(st.subarray((n + i) * S, (n + i + 1) * S), S);
      }
      this.finish(run, n, (s, i) => s.onBatchResult(this.probs[i]));
    };
    const failed = (err: unknown): void => {
      this.busy = false;
      this.finish(run, n, (s) => s.onBatchError(err));
    };
    let pending: void | Promise<void>;
    try {
      pending = this.model.runBatch(this.rate, v.input, v.state, n, this.probs);
    } catch (err) {
      failed(err);
      return;
    }
    if (pending) pending.then(done, failed);
    else done(); // the native engine is synchronous: results go out in this turn
  }

  /**
   * Hands each stream its outcome (a stream may submit its next window at once). What waits then has
   * waited through this run, or is a call's backlog (frames that came in a burst): it runs at once.
   */
  private finish(run: BatchedStream[], n: number, each: (s: BatchedStream, i: number) => void): void {
    for (let i = 0; i < n; i++) {
      try {
        each(run[i], i);
      } catch {
        this.streamErrors++; // a call's listener threw: that must not cost the other calls their results
      }
    }
    run.length = 0;
    if (this.queue.length > 0) this.runThisTurn();
  }
}
