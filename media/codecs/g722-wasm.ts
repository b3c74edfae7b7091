// G.722 in WebAssembly: the loops of g722-js.ts written out by wasm/g722-gen.js (bit-exact with them,
// ~2.5x faster: G.722 costs a SIP call about 35 µs per 20 ms each way instead of ~85 µs), embedded as
// base64 in wasm/g722.wasm.ts (node media/codecs/wasm/build.js). Scalar code, so any engine with
// WebAssembly runs it; MEDIA_G722_WASM=0 selects the JS reference instead.
//
// One module instance and one linear memory for the process: the tables (0..1007), one in and one out
// scratch area shared by every coder since encode/decode are synchronous, then a 512-byte state slot per
// coder from a free list; dispose() returns it, and a FinalizationRegistry returns the slots of coders
// that were dropped without dispose(). The slot holds the state in saveState()'s layout.
import { WasmSlots } from './wasm-slots.ts';
import { G722_STATE_WORDS, G722_TABLES, type G722Coder, type G722Decoder, type G722Encoder } from './g722-js.ts';
import { G722_WASM_BASE64 } from './wasm/g722.wasm.ts';

interface Kernels {
  mem: WebAssembly.Memory;
  encode(st: number, inp: number, n: number, out: number): number;
  decode(st: number, inp: number, len: number, out: number): number;
}

/** Samples (encode) or octets (decode) per kernel call: longer inputs run in chunks (streaming makes that exact). */
const CHUNK = 2048;
const IN = 1024; // s16 samples or octets
const OUT = IN + 2 * CHUNK; // octets or s16 samples
const SLOT = 512;
const SLOT0 = OUT + 4 * CHUNK;

function instantiate(): Kernels | null {
  if (process.env.MEDIA_G722_WASM === '0') return null;
  try {
    const k = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(G722_WASM_BASE64, 'base64'))).exports as unknown as Kernels;
    const need = SLOT0 + 64 * SLOT - k.mem.buffer.byteLength;
    if (need > 0) k.mem.grow(Math.ceil(need / 65536));
    const words = new Int32Array(k.mem.buffer);
    for (const [at, table] of G722_TABLES) words.set(table, at >> 2);
    return k;
  } catch {
    return null;
  }
}

const K = instantiate();
export const G722_WASM_AVAILABLE = K !== null;

// Views are replaced whenever the memory grows (growing detaches the old ArrayBuffer).
let heap8 = new Uint8Array(0);
let heap16 = new Int16Array(0);
let heap32 = new Int32Array(0);
function refreshViews(): void {
  heap8 = new Uint8Array(K!.mem.buffer);
  heap16 = new Int16Array(K!.mem.buffer);
  heap32 = new Int32Array(K!.mem.buffer);
}
if (K) refreshViews();

const slots = new WasmSlots(K?.mem, SLOT, SLOT0, refreshViews, 'g722: WebAssembly is not available here (use the JS coders)');

abstract class WasmCoder implements G722Coder {
  protected st = slots.alloc(this);

  constructor() {
    this.reset();
  }

  protected check(): number {
    if (this.st < 0) throw new Error('g722: used after dispose()');
    return this.st;
  }

  reset(): void {
    const w = this.check() >> 2;
    heap32.fill(0, w, w + G722_STATE_WORDS);
    heap32[w + 8] = 32; // the lower band's DET (word 8 of a band)
    heap32[w + 21 + 8] = 8; // the higher band's
  }

  saveState(o: Int32Array, at = 0): void {
    const w = this.check() >> 2;
    for (let i = 0; i < G722_STATE_WORDS; i++) o[at + i] = heap32[w + i];
  }

  loadState(s: Int32Array, at = 0): void {
    const w = this.check() >> 2;
    for (let i = 0; i < G722_STATE_WORDS; i++) heap32[w + i] = s[at + i];
  }

  /** Returns the state slot now; the coder is unusable afterwards. Idempotent. */
  dispose(): void {
    if (this.st < 0) return;
    slots.release(this, this.st);
    this.st = -1;
  }
}

export class G722EncoderWasm extends WasmCoder implements G722Encoder {
  encode(pcm: Int16Array, inOff: number, n: number, out: Uint8Array, outOff: number): number {
    const st = this.check();
    n &= ~1;
    let o = outOff;
    for (let off = 0; off < n; off += CHUNK) {
      const m = Math.min(CHUNK, n - off);
      const p = IN >> 1;
      for (let i = 0; i < m; i++) heap16[p + i] = pcm[inOff + off + i];
      const got = K!.encode(st, IN, m, OUT);
      for (let i = 0; i < got; i++) out[o + i] = heap8[OUT + i];
      o += got;
    }
    return o - outOff;
  }
}

export class G722DecoderWasm extends WasmCoder implements G722Decoder {
  decode(data: Uint8Array, off: number, len: number, out: Int16Array, outOff: number): number {
    const st = this.check();
    let o = outOff;
    for (let done = 0; done < len; done += CHUNK) {
      const m = Math.min(CHUNK, len - done);
      for (let i = 0; i < m; i++) heap8[IN + i] = data[off + done + i];
      const got = K!.decode(st, IN, m, OUT);
      const p = OUT >> 1;
      for (let i = 0; i < got; i++) out[o + i] = heap16[p + i];
      o += got;
    }
    return o - outOff;
  }
}

/** Test hook: state slots ever carved out of memory, and those in use now. */
export function g722SlotStats(): { allocated: number; inUse: number } {
  return slots.stats();
}
