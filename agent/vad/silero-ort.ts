// The Silero VAD v5 model on onnxruntime-web's WASM build: the reference that silero-native.ts is
// checked against, and the engine where WebAssembly SIMD is missing (VAD_ENGINE=onnxruntime selects it).
// onnxruntime-web rather than onnxruntime-node: the node package's install script downloads a native
// binary, which fails offline; the WASM build ships inside the npm package. It is imported on first
// use: evaluating it costs every process start, and most never run it.
import type * as Ort from 'onnxruntime-web';
import { UapError } from '../../lib/errors.ts';
import { SILERO_STATE } from './silero-shape.ts';

type OrtModule = typeof Ort;

export class OrtSilero {
  readonly name = 'onnxruntime';
  private readonly rates = new Map<number, Ort.Tensor>();
  /** Tensors over the batcher's reused views, made once per view. */
  private readonly tensors = new WeakMap<Float32Array, Ort.Tensor>();

  private constructor(private readonly ort: OrtModule, private readonly session: Ort.InferenceSession) {}

  static async create(file: Uint8Array): Promise<OrtSilero> {
    const ort: OrtModule = await import('onnxruntime-web');
    // One thread: the agent worker runs many calls; WASM threads would only add contention.
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    return new OrtSilero(ort, await ort.InferenceSession.create(file, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }));
  }

  /** `rows` windows at once (input: exactly rows × width floats; state: exactly [2][rows][128]); the next states replace `state` ([2][rows][128]), probabilities go to `probs`. */
  async run(rate: number, input: Float32Array, state: Float32Array, rows: number, probs: Float32Array): Promise<void> {
    let sr = this.rates.get(rate);
    if (!sr) this.rates.set(rate, (sr = new this.ort.Tensor('int64', BigInt64Array.of(BigInt(rate)), [])));
    const out = await this.session.run({ input: this.tensor(input, [rows, input.length / rows]), state: this.tensor(state, [2, rows, SILERO_STATE]), sr });
    const p = out.output?.data;
    const next = out.stateN?.data;
    if (!(p instanceof Float32Array) || p.length < rows || !(next instanceof Float32Array) || next.length < 2 * rows * SILERO_STATE) {
      throw new UapError('VAD_BAD_OUTPUT', 'Silero returned no probabilities or state for the batch');
    }
    probs.set(p.subarray(0, rows));
    state.set(next.subarray(0, 2 * rows * SILERO_STATE));
  }

  private tensor(data: Float32Array, dims: number[]): Ort.Tensor {
    let t = this.tensors.get(data);
    if (!t || t.dims.join() !== dims.join()) this.tensors.set(data, (t = new this.ort.Tensor('float32', data, dims)));
    return t;
  }
}
