// Silero VAD v5 computed by our own f32x4 WebAssembly kernels (wasm/silero.wat) instead of onnxruntime:
// the same weights (read from the ONNX file), the same arithmetic (probabilities within ~2e-6), ~2.3x
// less CPU for a window alone and ~7x in batches of 8 (bench/vad). Why: the
// network is tiny (~0.3 M multiply-adds a window at 8 kHz), so onnxruntime's per-op overhead and its
// window-by-window convolutions cost more than the maths. Here the calls' windows of a batch sit side by
// side in SIMD lanes (4 or 8 calls per pass), so every weight is loaded once for all of them, and the
// convolutions skip the taps that fall on zero padding.
//
// The network (both rates; sizes for 8 kHz / 16 kHz):
//   window of 32/64 context + 256/512 samples, reflect-padded right by 32/64
//   STFT: 4 frames of a 128/256-point windowed DFT (a conv with the model's basis), |X| of 65/129 bins
//   encoder: conv3 65/129→128 ReLU, conv3 stride 2 →64 ReLU, conv3 stride 2 →64 ReLU, conv3 →128 ReLU
//   LSTM cell (128, state h and c), ReLU, 1×1 conv → 1, sigmoid = speech probability
import { SILERO_WASM_BASE64 } from './wasm/silero.wasm.ts';
import type { OnnxTensor } from './onnx-tensors.ts';

interface Kernels {
  mem: WebAssembly.Memory;
  gemv4(w: number, kTot: number, k0: number, kLen: number, x: number, bias: number, y: number, blocks: number, relu: number): void;
  gemv8(w: number, kTot: number, k0: number, kLen: number, x: number, bias: number, y: number, blocks: number, relu: number): void;
  magnitude(re: number, im: number, dst: number, n: number): void;
  cell4(gates: number, c: number, h: number, headWeights: number, logits: number): void;
  cell8(gates: number, c: number, h: number, headWeights: number, logits: number): void;
}

const H = 128; // LSTM width
const FRAMES = 4; // STFT frames per window

interface Geometry {
  filter: number;
  hop: number;
  pad: number;
  width: number; // context + window samples
  bins: number;
}

const GEOMETRY: Record<number, Geometry> = {
  8000: { filter: 128, hop: 64, pad: 32, width: 288, bins: 65 },
  16000: { filter: 256, hop: 128, pad: 64, width: 576, bins: 129 },
};

/** A matrix packed for the kernels: blocks of 4 rows laid out [k][4], and its bias. */
interface Packed {
  w: number;
  bias: number;
  rows: number; // padded to a multiple of 4
  k: number;
}

interface Conv extends Packed {
  cin: number;
  stride: number;
}

/** Bump allocator over the module's memory (16-byte aligned); the memory grows as needed at set-up. */
class Arena {
  private at = 1024;
  constructor(private readonly k: Kernels) {}
  alloc(floats: number): number {
    const p = this.at;
    this.at += Math.ceil((floats * 4) / 16) * 16;
    const need = this.at - this.k.mem.buffer.byteLength;
    if (need > 0) this.k.mem.grow(Math.ceil(need / 65536));
    return p;
  }
}

function instantiate(): Kernels {
  const mod = new WebAssembly.Module(Buffer.from(SILERO_WASM_BASE64, 'base64'));
  return new WebAssembly.Instance(mod).exports as unknown as Kernels;
}

let supported: boolean | undefined;
/** Whether this engine can run here (WebAssembly SIMD); checked once. */
export function nativeSileroSupported(): boolean {
  if (supported === undefined) {
    try {
      instantiate();
      supported = true;
    } catch {
      supported = false;
    }
  }
  return supported;
}

/** Lanes per pass: one vector (4 calls) or two (8). */
type Lanes = 4 | 8;
const MAX_LANES = 8;

/** One rate's network: weights packed once, scratch for one pass of up to 8 windows. */
export class NativeSileroNet {
  private readonly k: Kernels;
  private f32!: Float32Array;
  private readonly g: Geometry;
  private readonly stft: Packed;
  private readonly enc: Conv[];
  private readonly lstm: Packed;
  private readonly headWeights: number; // the decoder's 128 weights, each splatted ×4
  private readonly headBias: number;
  // Scratch (byte addresses), sized for MAX_LANES lanes.
  private readonly samples: number; // [width + pad][G]
  private readonly spectrum: number; // [FRAMES][stft.rows][G]
  private readonly acts: number[]; // encoder inputs/outputs: [T][C][G]
  private readonly xh: number; // [x (128); h (128)][G]
  private readonly gates: number; // [512][G]
  private readonly cell: number; // [128][G]
  private readonly logits: number; // [G]

  constructor(rate: number, tensors: Map<string, OnnxTensor>) {
    const g = GEOMETRY[rate];
    if (!g) throw new RangeError(`Silero runs at 8000 or 16000 Hz, not ${rate}`);
    this.g = g;
    // The ONNX graph picks a branch by sample rate: "then" is 16 kHz, "else" 8 kHz.
    const prefix = rate === 16000 ? 'If_0_then_branch__Inline_0__' : 'If_0_else_branch__Inline_0__';
    const t = (name: string, dims: number[]): Float32Array => {
      const x = tensors.get(prefix + name);
      if (!x || x.dims.join() !== dims.join()) throw new Error(`Silero model: ${name} missing or not [${dims}] (${x ? `[${x.dims}]` : 'absent'})`);
      return x.data;
    };
    this.k = instantiate();
    const arena = new Arena(this.k);
    const bins = g.bins;
    // Weights
    const basis = t('stft.forward_basis_buffer', [2 * bins, 1, g.filter]);
    this.stft = this.pack(arena, 2 * bins, g.filter, (r, k) => basis[r * g.filter + k], () => 0);
    const layers: Array<[number, number, number]> = [
      [bins, 128, 1],
      [128, 64, 2],
      [64, 64, 2],
      [64, 128, 1],
    ];
    this.enc = layers.map(([cin, cout, stride], i) => {
      const w = t(`encoder.${i}.reparam_conv.weight`, [cout, cin, 3]);
      const b = t(`encoder.${i}.reparam_conv.bias`, [cout]);
      // ONNX [out][in][tap] → [out][tap][in], so the taps of one output step read consecutive rows.
      const p = this.pack(arena, cout, 3 * cin, (r, k) => w[(r * cin + (k % cin)) * 3 + Math.floor(k / cin)], (r) => b[r]);
      return { ...p, cin, stride };
    });
    const wih = t('decoder.rnn.weight_ih', [4 * H, H]);
    const whh = t('decoder.rnn.weight_hh', [4 * H, H]);
    const bih = t('decoder.rnn.bias_ih', [4 * H]);
    const bhh = t('decoder.rnn.bias_hh', [4 * H]);
    this.lstm = this.pack(arena, 4 * H, 2 * H, (r, k) => (k < H ? wih[r * H + k] : whh[r * H + k - H]), (r) => bih[r] + bhh[r]);
    const head = t('decoder.decoder.2.weight', [1, H, 1]);
    this.headWeights = arena.alloc(4 * H);
    new Float32Array(this.k.mem.buffer, this.headWeights, 4 * H).set(Float32Array.from({ length: 4 * H }, (_, i) => head[i >> 2]));
    this.headBias = t('decoder.decoder.2.bias', [1])[0];
    // Scratch
    this.samples = arena.alloc((g.width + g.pad) * MAX_LANES);
    this.spectrum = arena.alloc(FRAMES * this.stft.rows * MAX_LANES);
    this.acts = [arena.alloc(FRAMES * bins * MAX_LANES)];
    let T = FRAMES;
    for (const [, cout, stride] of layers.slice(0, 3)) {
      T = Math.floor((T - 1) / stride) + 1;
      this.acts.push(arena.alloc(T * cout * MAX_LANES));
    }
    this.xh = arena.alloc(2 * H * MAX_LANES);
    this.acts.push(this.xh); // the last conv writes x straight into the LSTM's input
    this.gates = arena.alloc(4 * H * MAX_LANES);
    this.cell = arena.alloc(H * MAX_LANES);
    this.logits = arena.alloc(MAX_LANES);
    this.f32 = new Float32Array(this.k.mem.buffer);
  }

  /** Packs rows × k weights (from `at`) into blocks of 4 rows laid out [k][4], rows padded with zeros. */
  private pack(arena: Arena, rows: number, k: number, at: (r: number, k: number) => number, bias: (r: number) => number): Packed {
    const padded = Math.ceil(rows / 4) * 4;
    const w = arena.alloc(padded * k);
    const b = arena.alloc(padded);
    const f = new Float32Array(this.k.mem.buffer);
    for (let r = 0; r < rows; r++) {
      const base = (w >> 2) + (r >> 2) * k * 4 + (r & 3);
      for (let i = 0; i < k; i++) f[base + i * 4] = at(r, i);
      f[(b >> 2) + r] = bias(r);
    }
    return { w, bias: b, rows: padded, k };
  }

  /**
   * Runs `rows` windows (input: rows × width floats in [-1, 1]) with their recurrent states (ONNX layout
   * [2][rows][128]: h then c), writes the next states back into `state` and the probabilities into `probs`.
   */
  run(input: Float32Array, state: Float32Array, rows: number, probs: Float32Array): void {
    if (!Number.isInteger(rows) || rows < 1 || input.length !== rows * this.g.width || state.length !== 2 * rows * H || probs.length < rows) {
      throw new RangeError(`Silero batch of ${rows}: input ${input.length} floats (want ${rows * this.g.width}), state ${state.length} (want ${2 * rows * H}), probs ${probs.length}`);
    }
    for (let first = 0; first < rows; first += MAX_LANES) {
      const n = Math.min(MAX_LANES, rows - first);
      this.pass(input, state, rows, first, n, n <= 4 ? 4 : 8, probs);
    }
  }

  private pass(input: Float32Array, state: Float32Array, rows: number, first: number, n: number, G: Lanes, probs: Float32Array): void {
    const f = this.f32;
    const { width, pad, hop, bins } = this.g;
    const gemv = G === 4 ? this.k.gemv4 : this.k.gemv8;
    // Samples [s][lane], reflect-padded on the right; unused lanes are zero.
    const X = this.samples >> 2;
    const xh = this.xh >> 2;
    const cell = this.cell >> 2;
    for (let l = 0; l < G; l++) {
      const i = first + l;
      if (l < n) {
        const src = i * width;
        for (let s = 0; s < width; s++) f[X + s * G + l] = input[src + s];
        for (let j = 0; j < pad; j++) f[X + (width + j) * G + l] = input[src + width - 2 - j];
        for (let u = 0; u < H; u++) {
          f[xh + (H + u) * G + l] = state[i * H + u];
          f[cell + u * G + l] = state[(rows + i) * H + u];
        }
      } else {
        for (let s = 0; s < width + pad; s++) f[X + s * G + l] = 0;
        for (let u = 0; u < H; u++) {
          f[xh + (H + u) * G + l] = 0;
          f[cell + u * G + l] = 0;
        }
      }
    }
    // STFT magnitude → acts[0] [frame][bin][G]
    const st = this.stft;
    const specRow = st.rows * G * 4;
    for (let t = 0; t < FRAMES; t++) {
      const spec = this.spectrum + t * specRow;
      gemv(st.w, st.k, 0, st.k, this.samples + t * hop * G * 4, st.bias, spec, st.rows / 4, 0);
      this.k.magnitude(spec, spec + bins * G * 4, this.acts[0] + t * bins * G * 4, (bins * G) / 4);
    }
    // Encoder: one gemv per output step over the taps inside the input (pad 1 each side).
    let T = FRAMES;
    for (let i = 0; i < this.enc.length; i++) {
      const c = this.enc[i];
      const out = Math.floor((T - 1) / c.stride) + 1;
      for (let t = 0; t < out; t++) {
        const p = t * c.stride - 1; // input step under tap 0
        const j0 = p < 0 ? -p : 0;
        const j1 = Math.min(2, T - 1 - p);
        gemv(c.w, c.k, j0 * c.cin, (j1 - j0 + 1) * c.cin, this.acts[i] + (p + j0) * c.cin * G * 4, c.bias, this.acts[i + 1] + t * c.rows * G * 4, c.rows / 4, 1);
      }
      T = out;
    }
    // LSTM: gates = W·[x; h] + b, then the cell (h lands in xh's h half) and the head's logits.
    const ls = this.lstm;
    gemv(ls.w, ls.k, 0, ls.k, this.xh, ls.bias, this.gates, ls.rows / 4, 0);
    (G === 4 ? this.k.cell4 : this.k.cell8)(this.gates, this.cell, this.xh + H * G * 4, this.headWeights, this.logits);
    const lg = this.logits >> 2;
    for (let l = 0; l < n; l++) {
      const i = first + l;
      probs[i] = sigmoid(f[lg + l] + this.headBias);
      for (let u = 0; u < H; u++) {
        state[i * H + u] = f[xh + (H + u) * G + l];
        state[(rows + i) * H + u] = f[cell + u * G + l];
      }
    }
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
