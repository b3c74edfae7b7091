// Pure-JS half-band stages: the reference, and the fallback where WebAssembly SIMD is missing
// (halfband.ts picks; halfband-wasm.ts is the fast path and must match this within ±1 LSB).
//
// Half-band FIR stages for the 2:1 ratios (8k↔16k, 24k↔48k) — the hot path of every telephone call.
// A half-band low-pass has every other coefficient exactly zero and is symmetric, so ×2 and ÷2 cost
// about a quarter of the multiplies of a general polyphase filter of the same length. The price is a
// transition band centred on the lower Nyquist (pass to ~0.85, stop from ~1.15 of it): a little
// aliasing lands in the top 15% of the narrow band, above the 3.4 kHz telephone band at 8 kHz.

import { besselI0 } from './kaiser.ts';
/** Pairs of symmetric non-zero taps; 13 → a 51-tap filter, ≥ 57 dB stopband. */
export const PAIRS = 13;
const KAISER_BETA = 5.65;


/** h[2i+1] for i = 0..PAIRS-1 (h[0] = 0.5, even taps 0), normalised for unity DC gain. */
function designHalfband(): Float64Array {
  const half = 2 * PAIRS - 1; // highest odd tap index
  const odd = new Float64Array(PAIRS);
  const i0b = besselI0(KAISER_BETA);
  let sum = 0;
  for (let i = 0; i < PAIRS; i++) {
    const m = 2 * i + 1;
    const sinc = Math.sin((Math.PI * m) / 2) / ((Math.PI * m) / 2);
    const r = m / (half + 1);
    odd[i] = 0.5 * sinc * (besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0b);
    sum += 2 * odd[i];
  }
  // DC gain = h[0] + 2·Σ odd = 1 exactly.
  for (let i = 0; i < PAIRS; i++) odd[i] *= 0.5 / sum;
  return odd;
}

export const HALFBAND_TAPS = designHalfband();
if (PAIRS !== 13) throw new Error('halfband: the unrolled filters below assume 13 tap pairs');
const [h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12] = HALFBAND_TAPS;

// Round half away from zero; the Int16Array store truncates the rest.
const clamp = (v: number): number => (v >= 32767 ? 32767 : v <= -32768 ? -32768 : v >= 0 ? v + 0.5 : v - 0.5);

/** ×2 interpolator. Output = 2 × input samples, delay PAIRS input samples. */
export class HalfbandUp2Js {
  private static readonly H = 2 * PAIRS;
  private buf = new Float64Array(HalfbandUp2Js.H + 2400);
  /** Group delay in output samples. */
  readonly delay = 2 * PAIRS - 1;

  outputLength(n: number): number {
    return 2 * n;
  }

  process(src: Int16Array, dst: Int16Array, n: number): number {
    const H = HalfbandUp2Js.H;
    if (H + n > this.buf.length) {
      const grown = new Float64Array(H + n);
      grown.set(this.buf.subarray(0, H));
      this.buf = grown;
    }
    const buf = this.buf;
    for (let j = 0; j < n; j++) buf[H + j] = src[j];
    let o = 0;
    for (let j = 0; j < n; j++) {
      const c = H + j - PAIRS; // x[n] for the output pair (2n, 2n+1)
      dst[o++] = clamp(buf[c]);
      // Unrolled (PAIRS = 13): about twice as fast as the loop in V8.
      const acc =
        h0 * (buf[c] + buf[c + 1]) + h1 * (buf[c - 1] + buf[c + 2]) + h2 * (buf[c - 2] + buf[c + 3]) + h3 * (buf[c - 3] + buf[c + 4]) +
        h4 * (buf[c - 4] + buf[c + 5]) + h5 * (buf[c - 5] + buf[c + 6]) + h6 * (buf[c - 6] + buf[c + 7]) + h7 * (buf[c - 7] + buf[c + 8]) +
        h8 * (buf[c - 8] + buf[c + 9]) + h9 * (buf[c - 9] + buf[c + 10]) + h10 * (buf[c - 10] + buf[c + 11]) + h11 * (buf[c - 11] + buf[c + 12]) +
        h12 * (buf[c - 12] + buf[c + 13]);
      dst[o++] = clamp(2 * acc);
    }
    buf.copyWithin(0, n, n + H);
    return o;
  }

  reset(): void {
    this.buf.fill(0);
  }

  /** Nothing to release (API parity with the WASM stage). */
  dispose(): void {}
}

/** ÷2 decimator. Output = floor((pending + n) / 2); an odd sample waits for the next call. */
export class HalfbandDown2Js {
  private static readonly H = 4 * PAIRS;
  private buf = new Float64Array(HalfbandDown2Js.H + 4800);
  /** 0 or 1 input sample carried over to the next call. */
  private pending = 0;
  readonly delay = PAIRS - 0.5;

  outputLength(n: number): number {
    return (this.pending + n) >> 1;
  }

  process(src: Int16Array, dst: Int16Array, n: number): number {
    const H = HalfbandDown2Js.H;
    const total = this.pending + n;
    if (H + total > this.buf.length) {
      const grown = new Float64Array(H + total);
      grown.set(this.buf.subarray(0, H + this.pending));
      this.buf = grown;
    }
    const buf = this.buf;
    for (let j = 0; j < n; j++) buf[H + this.pending + j] = src[j];
    const outN = total >> 1;
    for (let k = 0; k < outN; k++) {
      // Centre tap 2k+1 samples into the new data, minus the filter's reach (2·PAIRS-1).
      const c = H + 2 * k + 1 - (2 * PAIRS - 1);
      const acc =
        0.5 * buf[c] +
        h0 * (buf[c - 1] + buf[c + 1]) + h1 * (buf[c - 3] + buf[c + 3]) + h2 * (buf[c - 5] + buf[c + 5]) + h3 * (buf[c - 7] + buf[c + 7]) +
        h4 * (buf[c - 9] + buf[c + 9]) + h5 * (buf[c - 11] + buf[c + 11]) + h6 * (buf[c - 13] + buf[c + 13]) + h7 * (buf[c - 15] + buf[c + 15]) +
        h8 * (buf[c - 17] + buf[c + 17]) + h9 * (buf[c - 19] + buf[c + 19]) + h10 * (buf[c - 21] + buf[c + 21]) + h11 * (buf[c - 23] + buf[c + 23]) +
        h12 * (buf[c - 25] + buf[c + 25]);
      dst[k] = clamp(acc);
    }
    const used = outN * 2;
    this.pending = total - used;
    buf.copyWithin(0, used, used + H + this.pending);
    return outN;
  }

  reset(): void {
    this.buf.fill(0);
    this.pending = 0;
  }

  dispose(): void {}
}
