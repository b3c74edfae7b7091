// WebAssembly SIMD (f32x4) half-band stages: ~9× faster than the JS reference (halfband-js.ts), whose
// results they match within ±1 LSB (f32 sums, ties rounded to even; identical on every engine).
// Kernels: wasm/halfband.wat, embedded as base64 in wasm/halfband.wasm.ts (node media/codecs/wasm/build.js).
//
// One module instance and one linear memory for the process. Fixed areas: coefficients, one s16 in/out
// scratch and one f32 work area, shared by every stage since process() is synchronous. Each stage owns
// only a 256-byte state slot (its filter history) from a free-list allocator; dispose() returns it, and a
// FinalizationRegistry returns the slots of stages that were dropped without dispose().

import { WasmSlots } from './wasm-slots.ts';
import { HALFBAND_TAPS, PAIRS } from './halfband-js.ts';
import { HALFBAND_WASM_BASE64 } from './wasm/halfband.wasm.ts';

interface Kernels {
  mem: WebAssembly.Memory;
  up2(st: number, inp: number, n: number, out: number, work: number): void;
  down2(st: number, inp: number, n: number, out: number, eb: number, ob: number): number;
}

/** Input samples per kernel call: longer frames run in chunks (streaming makes that exact). */
const CHUNK = 2048;
const SLOT = 256;
let top = 512; // 0..511: coefficients (see the .wat)
// Kernels run in blocks of 16 outputs and touch up to ~48 samples past the end: every area is padded.
function area(bytes: number): number {
  const at = top;
  top += (bytes + 511) & ~255; // ≥ 256 bytes of padding, 256-aligned
  return at;
}
const IN = area(2 * CHUNK);
const OUT = area(2 * 2 * CHUNK);
const WORK = area(4 * (CHUNK + 64)); // up2: [26 history | chunk]
const WORK_O = area(4 * (CHUNK / 2 + 64)); // down2: odd samples (even ones in WORK)
const SLOT0 = top;

/** The kernels, or null where WebAssembly SIMD is unavailable (or MEDIA_HALFBAND_WASM=0). */
function instantiate(): Kernels | null {
  if (process.env.MEDIA_HALFBAND_WASM === '0') return null;
  try {
    const bytes = Buffer.from(HALFBAND_WASM_BASE64, 'base64');
    if (!WebAssembly.validate(bytes)) return null; // no SIMD in this engine
    const k = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Kernels;
    const need = SLOT0 + 64 * SLOT - k.mem.buffer.byteLength;
    if (need > 0) k.mem.grow(Math.ceil(need / 65536));
    const coef = new Float32Array(k.mem.buffer, 0, 128);
    for (let i = 0; i < PAIRS; i++) {
      coef.fill(2 * HALFBAND_TAPS[i], 4 * i, 4 * i + 4); // up2 folds in the ×2 gain (exact in binary FP)
      coef.fill(HALFBAND_TAPS[i], 64 + 4 * i, 64 + 4 * i + 4);
    }
    return k;
  } catch {
    return null;
  }
}

const K = instantiate();
export const WASM_SIMD_AVAILABLE = K !== null;

// Views are replaced whenever the memory grows (growing detaches the old ArrayBuffer).
let heap16 = new Int16Array(0);
let outViews = new Map<number, Int16Array>();
function refreshViews(): void {
  heap16 = new Int16Array(K!.mem.buffer);
  outViews = new Map();
}
if (K) refreshViews();

const slots = new WasmSlots(K?.mem, SLOT, SLOT0, refreshViews, 'halfband: WebAssembly SIMD is not available here (use the JS stages)');

/** A zeroed state slot for `owner`. */
function allocSlot(owner: object): number {
  const st = slots.alloc(owner);
  heap16.fill(0, st >> 1, (st + SLOT) >> 1);
  return st;
}

function checkSlot(st: number): void {
  if (st < 0) throw new Error('halfband: process() after dispose()');
}

/** s16 input into the scratch area: one memcpy when the caller's array is exactly the frame. */
function copyIn(src: Int16Array, off: number, m: number): void {
  if (off === 0 && src.length === m) heap16.set(src, IN >> 1);
  else for (let i = 0, p = IN >> 1; i < m; i++) heap16[p + i] = src[off + i];
}

/** Scratch output into dst at o, via a cached view per length (frame sizes repeat: no allocation). */
function copyOut(dst: Int16Array, o: number, len: number): void {
  let v = outViews.get(len);
  if (v === undefined) outViews.set(len, (v = new Int16Array(heap16.buffer, OUT, len)));
  dst.set(v, o);
}

abstract class WasmStage {
  protected st = allocSlot(this);

  reset(): void {
    checkSlot(this.st);
    heap16.fill(0, this.st >> 1, (this.st + SLOT) >> 1);
  }

  /** Returns the state slot now; the stage is unusable afterwards. Idempotent. */
  dispose(): void {
    if (this.st < 0) return;
    slots.release(this, this.st);
    this.st = -1;
  }
}

/** ×2 interpolator; see HalfbandUp2Js. */
export class HalfbandUp2Wasm extends WasmStage {
  readonly delay = 2 * PAIRS - 1;

  outputLength(n: number): number {
    return 2 * n;
  }

  process(src: Int16Array, dst: Int16Array, n: number): number {
    checkSlot(this.st);
    for (let off = 0; off < n; off += CHUNK) {
      const m = Math.min(CHUNK, n - off);
      copyIn(src, off, m);
      K!.up2(this.st, IN, m, OUT, WORK);
      copyOut(dst, 2 * off, 2 * m);
    }
    return 2 * n;
  }
}

/** ÷2 decimator; see HalfbandDown2Js. */
export class HalfbandDown2Wasm extends WasmStage {
  readonly delay = PAIRS - 0.5;
  /** Mirror of the slot's pending flag, for outputLength(). */
  private pending = 0;

  outputLength(n: number): number {
    return (this.pending + n) >> 1;
  }

  process(src: Int16Array, dst: Int16Array, n: number): number {
    checkSlot(this.st);
    let o = 0;
    for (let off = 0; off < n; off += CHUNK) {
      const m = Math.min(CHUNK, n - off);
      copyIn(src, off, m);
      const got = K!.down2(this.st, IN, m, OUT, WORK, WORK_O);
      if (got > 0) copyOut(dst, o, got);
      o += got;
    }
    this.pending = (this.pending + n) & 1;
    return o;
  }

  override reset(): void {
    super.reset();
    this.pending = 0;
  }
}

/** Test hook: state slots ever carved out of memory, and those in use now. */
export function slotStats(): { allocated: number; inUse: number } {
  return slots.stats();
}
