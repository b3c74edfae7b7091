// The Silero VAD v5 model on onnxruntime-web's WASM build, one session per process shared by every
// call (each call keeps its own recurrent state; calls' windows are inferred in batches, see
// silero-batch.ts). onnxruntime-web rather than onnxruntime-node: the
// node package's install script downloads a native binary, which fails offline; the WASM build ships
// inside the npm package. The model file comes from @ricky0123/vad-web, which ships it. onnxruntime-web
// is imported on first use: evaluating it costs every process start, and most never run this model.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type * as Ort from 'onnxruntime-web';
import { UapError } from '../../lib/errors.ts';
import { SileroBatcher } from './silero-batch.ts';

/** Samples of new audio per inference, and of context carried over from the previous window. */
export const SILERO_WINDOW: Readonly<Record<number, { window: number; context: number }>> = {
  16000: { window: 512, context: 64 }, // 32 ms
  8000: { window: 256, context: 32 },
};

/** Width of each of the two recurrent state layers per stream. */
export const SILERO_STATE = 128;

type OrtModule = typeof Ort;

export class SileroModel {
  private readonly batchers = new Map<number, SileroBatcher>();

  private constructor(private readonly ort: OrtModule, private readonly session: Ort.InferenceSession) {}

  /** A zeroed recurrent state for a new stream ([2, 1, 128] float32). */
  newState(): Ort.Tensor {
    return this.stateTensor(new Float32Array(2 * SILERO_STATE));
  }

  /** A reusable input tensor over `data`: `rows` windows of context + window samples, floats in [-1, 1]. */
  inputTensor(data: Float32Array, rows = 1): Ort.Tensor {
    return new this.ort.Tensor('float32', data, [rows, data.length / rows]);
  }

  /** A reusable state tensor over `data` ([2, rows, 128]). */
  stateTensor(data: Float32Array, rows = 1): Ort.Tensor {
    return new this.ort.Tensor('float32', data, [2, rows, SILERO_STATE]);
  }

  /** The batcher every call at `rate` shares. */
  batcher(rate: number): SileroBatcher {
    let b = this.batchers.get(rate);
    if (!b) this.batchers.set(rate, (b = new SileroBatcher(this, rate)));
    return b;
  }

  rateTensor(rate: number): Ort.Tensor {
    return new this.ort.Tensor('int64', BigInt64Array.of(BigInt(rate)), []);
  }

  /** Probabilities of `rows` windows at once, and their next states ([2, rows, 128]). */
  async runBatch(input: Ort.Tensor, state: Ort.Tensor, rate: Ort.Tensor, rows: number): Promise<{ probs: Float32Array; state: Float32Array }> {
    const out = await this.session.run({ input, state, sr: rate });
    const p = out.output?.data;
    const next = out.stateN?.data;
    if (!(p instanceof Float32Array) || p.length < rows || !(next instanceof Float32Array) || next.length < 2 * rows * SILERO_STATE) {
      throw new UapError('VAD_BAD_OUTPUT', 'Silero returned no probabilities or state for the batch');
    }
    return { probs: p, state: next };
  }

  /** Speech probability of one window, and the state for the next one (unbatched). */
  async run(input: Ort.Tensor, state: Ort.Tensor, rate: Ort.Tensor): Promise<{ prob: number; state: Ort.Tensor }> {
    const out = await this.session.run({ input, state, sr: rate });
    const p = out.output?.data;
    const next = out.stateN;
    if (!p || typeof p[0] !== 'number' || !next) throw new UapError('VAD_BAD_OUTPUT', 'Silero returned no probability or state');
    return { prob: p[0] as number, state: next };
  }

  private static loading: Promise<SileroModel> | undefined;

  /** Loads once per process; later calls share the promise. */
  static load(): Promise<SileroModel> {
    SileroModel.loading ??= SileroModel.create().catch((err: unknown) => {
      SileroModel.loading = undefined; // let a later call try again
      throw new UapError('VAD_LOAD_FAILED', `could not load the Silero VAD model: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    });
    return SileroModel.loading;
  }

  private static async create(): Promise<SileroModel> {
    const ort: OrtModule = await import('onnxruntime-web');
    // One thread: the agent worker runs many calls; WASM threads would only add contention.
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    const path = createRequire(import.meta.url).resolve('@ricky0123/vad-web/dist/silero_vad_v5.onnx');
    const session = await ort.InferenceSession.create(await readFile(path), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    const model = new SileroModel(ort, session);
    await model.warmUp();
    return model;
  }

  /**
   * V8 compiles WASM with its baseline tier first and optimises hot functions later: the first few
   * hundred inferences cost 3-10x more. Run them now, on silence, so the first call does not pay.
   */
  private async warmUp(): Promise<void> {
    const data = new Float32Array(SILERO_WINDOW[16000].window + SILERO_WINDOW[16000].context);
    const input = this.inputTensor(data);
    const rate = this.rateTensor(16000);
    let state = this.newState();
    for (let i = 0; i < 300; i++) {
      for (let j = 0; j < data.length; j++) data[j] = Math.sin(j * 0.05 * (1 + (i % 7))) * 0.1;
      state = (await this.run(input, state, rate)).state;
      if (i % 50 === 49) await new Promise((r) => setImmediate(r)); // stay responsive while warming
    }
  }
}
