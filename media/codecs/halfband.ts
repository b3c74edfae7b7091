// Half-band 2:1 stages (8k↔16k, 24k↔48k), the hot path of every call. The WebAssembly SIMD kernels
// (halfband-wasm.ts, ~9× faster) are used when the engine has SIMD; otherwise the pure-JS reference
// (halfband-js.ts, where the filter design and its rationale live). Chosen once, at load.
import { HalfbandUp2Js, HalfbandDown2Js } from './halfband-js.ts';
import { HalfbandUp2Wasm, HalfbandDown2Wasm, WASM_SIMD_AVAILABLE } from './halfband-wasm.ts';

export { HALFBAND_TAPS, HalfbandUp2Js, HalfbandDown2Js } from './halfband-js.ts';
export { HalfbandUp2Wasm, HalfbandDown2Wasm, WASM_SIMD_AVAILABLE } from './halfband-wasm.ts';

/** What the resampler needs from a stage; both implementations are interchangeable. */
export interface HalfbandStage {
  /** Group delay in output samples. */
  readonly delay: number;
  /** Exact output count of the next process() call with n input samples. */
  outputLength(n: number): number;
  /** Filter n samples of src into dst; returns the count written. No allocation per call. */
  process(src: Int16Array, dst: Int16Array, n: number): number;
  reset(): void;
  /** Frees the stage's WASM memory slot now (GC would do it later); no-op for JS stages. */
  dispose(): void;
}

export type HalfbandUp2 = HalfbandStage;
export type HalfbandDown2 = HalfbandStage;
export const HalfbandUp2: new () => HalfbandStage = WASM_SIMD_AVAILABLE ? HalfbandUp2Wasm : HalfbandUp2Js;
export const HalfbandDown2: new () => HalfbandStage = WASM_SIMD_AVAILABLE ? HalfbandDown2Wasm : HalfbandDown2Js;
