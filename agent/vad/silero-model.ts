// The Silero VAD v5 model, one per process, shared by every call (each call keeps its own recurrent state;
// calls' windows are inferred in batches, see silero-batch.ts). Two engines compute it from the same
// ONNX file (shipped by @ricky0123/vad-web):
//   native       our f32x4 WebAssembly kernels (silero-native.ts), ~2.3x (alone) to ~7x (batches of 8)
//                less CPU a window; the default
//   onnxruntime  onnxruntime-web (silero-ort.ts): the reference, and the fallback without WASM SIMD
// VAD_ENGINE picks one. Their probabilities agree to ~2e-6.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { UapError } from '../../lib/errors.ts';
import { vadEngineFromEnv, type VadEngine } from '../../lib/config.ts';
import { SileroBatcher } from './silero-batch.ts';
import { SILERO_STATE, SILERO_WINDOW } from './silero-shape.ts';
import { onnxFloatTensors, type OnnxTensor } from './onnx-tensors.ts';
import { NativeSileroNet, nativeSileroSupported } from './silero-native.ts';
import { OrtSilero } from './silero-ort.ts';

export { SILERO_STATE, SILERO_WINDOW } from './silero-shape.ts';

export type SileroEngineName = VadEngine;

/** VAD_ENGINE as the process's config reads it (the default of load(): tests, bench). */
export function sileroEngineFromEnv(env: NodeJS.ProcessEnv = process.env): SileroEngineName {
  return vadEngineFromEnv(env);
}

/** Runs batches of windows: sync (native) or async (onnxruntime). */
interface Engine {
  run(rate: number, input: Float32Array, state: Float32Array, rows: number, probs: Float32Array): void | Promise<void>;
}

class NativeEngine implements Engine {
  private readonly nets = new Map<number, NativeSileroNet>();
  constructor(private readonly tensors: Map<string, OnnxTensor>) {}
  run(rate: number, input: Float32Array, state: Float32Array, rows: number, probs: Float32Array): void {
    let net = this.nets.get(rate);
    if (!net) this.nets.set(rate, (net = new NativeSileroNet(rate, this.tensors)));
    net.run(input, state, rows, probs);
  }
}

export class SileroModel {
  private readonly batchers = new Map<number, SileroBatcher>();

  private constructor(readonly engine: SileroEngineName, private readonly impl: Engine) {}

  /** The batcher every call at `rate` shares. */
  batcher(rate: number): SileroBatcher {
    let b = this.batchers.get(rate);
    if (!b) this.batchers.set(rate, (b = new SileroBatcher(this, rate)));
    return b;
  }

  /**
   * `rows` windows at `rate` at once: input exactly rows × (context + window) floats in [-1, 1], state
   * exactly [2][rows][128] (h then c), replaced by the next states; probabilities into probs[0..rows).
   * Returns a promise only when the engine is asynchronous.
   */
  runBatch(rate: number, input: Float32Array, state: Float32Array, rows: number, probs: Float32Array): void | Promise<void> {
    return this.impl.run(rate, input, state, rows, probs);
  }

  /** One window (state: [2 × 128], updated): its speech probability. Unbatched; for tests and tools. */
  async runOne(rate: number, input: Float32Array, state: Float32Array): Promise<number> {
    const probs = new Float32Array(1);
    await this.runBatch(rate, input, state, 1, probs);
    return probs[0];
  }

  /** A zeroed recurrent state for one stream. */
  static newState(): Float32Array {
    return new Float32Array(2 * SILERO_STATE);
  }

  private static loading = new Map<SileroEngineName, Promise<SileroModel>>();

  /**
   * Loads once per process and engine (default VAD_ENGINE); later calls share the promise. Without
   * WebAssembly SIMD `native` is served by onnxruntime (the model's `engine` says which ran).
   */
  static load(requested: SileroEngineName = sileroEngineFromEnv()): Promise<SileroModel> {
    const engine: SileroEngineName = requested === 'native' && !nativeSileroSupported() ? 'onnxruntime' : requested;
    let p = SileroModel.loading.get(engine);
    if (!p) {
      p = SileroModel.create(engine).catch((err: unknown) => {
        SileroModel.loading.delete(engine); // let a later call try again
        throw new UapError('VAD_LOAD_FAILED', `could not load the Silero VAD model: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      });
      SileroModel.loading.set(engine, p);
    }
    return p;
  }

  private static async create(engine: SileroEngineName): Promise<SileroModel> {
    const path = createRequire(import.meta.url).resolve('@ricky0123/vad-web/dist/silero_vad_v5.onnx');
    const file = new Uint8Array(await readFile(path));
    const model = engine === 'native' ? new SileroModel('native', new NativeEngine(onnxFloatTensors(file))) : new SileroModel('onnxruntime', await OrtSilero.create(file));
    await model.warmUp();
    return model;
  }

  /**
   * V8 compiles WASM with its baseline tier first and optimises hot functions later: the first few
   * hundred inferences cost 3-10x more. Run them now, on a tone, so the first call does not pay.
   */
  private async warmUp(): Promise<void> {
    for (const rate of [16000, 8000]) {
      const { window, context } = SILERO_WINDOW[rate];
      const data = new Float32Array(window + context);
      const state = SileroModel.newState();
      for (let i = 0; i < 150; i++) {
        for (let j = 0; j < data.length; j++) data[j] = Math.sin(j * 0.05 * (1 + (i % 7))) * 0.1;
        await this.runOne(rate, data, state);
        if (i % 50 === 49) await new Promise((r) => setImmediate(r)); // stay responsive while warming
      }
    }
  }
}
