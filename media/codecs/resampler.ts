// Streaming mono s16 resampler for 8/16/24/48 kHz: rational L/M polyphase FIR.
//
// Conceptually: zero-stuff by L, low-pass at the lower Nyquist, keep every M-th
// sample. The polyphase form only evaluates the taps that hit real input samples.
// The prototype filter is a Kaiser-windowed sinc, designed once per ratio and
// shared by all instances; each instance only keeps its input history, so
// consecutive frames are processed exactly as one continuous signal.
//
// Byte helpers assume a little-endian host (x86-64, arm64: everything Node runs
// on in practice); this is asserted at module load.

import { besselI0 } from './kaiser.ts';
import { HalfbandUp2, HalfbandDown2 } from './halfband.ts';

export const SUPPORTED_RATES: readonly number[] = [8000, 16000, 24000, 48000];

// Taps per low-rate sample. Total prototype length = TAPS * max(L, M), so the cost
// per high-rate sample is constant and every ratio gets the same transition band
// relative to the lower Nyquist.
const TAPS = 32;
// Sinc cutoff as a fraction of the lower Nyquist, and Kaiser beta. Chosen so that,
// with 32 taps, everything from the lower Nyquist up is >= 60 dB down (~66 dB; checked
// in the tests) so nothing aliases into the band: passband flat to 0.1 dB up to
// ~0.75, -3 dB at ~0.835 of the lower Nyquist (3.0 / 3.34 kHz at 8 kHz).
// TAPS = 48 with CUTOFF = 0.9 would move -3 dB to ~3.54 kHz for 50% more CPU.
const CUTOFF = 0.86;
const KAISER_BETA = 6.5;

interface Filter {
  readonly L: number; // upsampling factor
  readonly M: number; // downsampling factor
  readonly K: number; // taps per phase (per output sample)
  /** phase p occupies [p*K, p*K+K), stored time-reversed so the inner loop walks forward. */
  readonly coeffs: Float64Array;
  /** Group delay in output samples. */
  readonly delay: number;
}

const filterCache = new Map<string, Filter>();

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}


/** Windowed-sinc prototype for L/M, split into L phases. Exported for tests. */
export function designFilter(inRate: number, outRate: number): Filter {
  const key = `${inRate}:${outRate}`;
  const cached = filterCache.get(key);
  if (cached) return cached;
  const g = gcd(inRate, outRate);
  const L = outRate / g;
  const M = inRate / g;
  const N = TAPS * Math.max(L, M);
  const K = N / L; // integer for all supported ratios
  // Cutoff in cycles per sample at the upsampled rate (L * inRate).
  const fc = (CUTOFF * 0.5) / Math.max(L, M);
  const mid = (N - 1) / 2;
  const h = new Float64Array(N);
  const i0b = besselI0(KAISER_BETA);
  for (let j = 0; j < N; j++) {
    const x = j - mid;
    const sinc = x === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
    const r = x / mid;
    h[j] = (sinc * besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r)))) / i0b;
  }
  const coeffs = new Float64Array(N);
  for (let p = 0; p < L; p++) {
    let sum = 0;
    for (let k = 0; k < K; k++) sum += h[p + k * L];
    // Normalise each phase to unity DC gain (this is also the xL interpolation gain),
    // so a constant input gives exactly that constant out, without a DC ripple at
    // the upsampling images.
    for (let k = 0; k < K; k++) coeffs[p * K + (K - 1 - k)] = h[p + k * L] / sum;
  }
  const f: Filter = { L, M, K, coeffs, delay: mid / M };
  filterCache.set(key, f);
  return f;
}

export class Resampler {
  readonly inRate: number;
  readonly outRate: number;
  /** Group delay (latency) in output samples; may be fractional. 0 for passthrough. */
  readonly delay: number;
  private readonly filter: Filter | null; // null = same-rate passthrough
  // buf = [K-1 samples of history | current frame]; grown only if a larger frame arrives.
  // Float64 rather than Int16: saves an int->double conversion per tap (~25% faster).
  private buf: Float64Array;
  // Position of the next output: input index n0 (relative to the next frame) and
  // sub-sample phase p in 1/L steps, i.e. time n0 + p/L in input samples.
  private n0 = 0;
  private phase = 0;
  /** 2:1 ratios use the cheaper half-band stages. */
  private readonly hb: HalfbandUp2 | HalfbandDown2 | null;

  constructor(inRate: number, outRate: number) {
    if (!SUPPORTED_RATES.includes(inRate) || !SUPPORTED_RATES.includes(outRate)) {
      throw new RangeError(`Resampler: unsupported rate ${inRate} -> ${outRate} (supported: ${SUPPORTED_RATES.join(', ')})`);
    }
    this.inRate = inRate;
    this.outRate = outRate;
    this.hb = outRate === 2 * inRate ? new HalfbandUp2() : inRate === 2 * outRate ? new HalfbandDown2() : null;
    this.filter = inRate === outRate || this.hb ? null : designFilter(inRate, outRate);
    this.delay = this.hb ? this.hb.delay : this.filter ? this.filter.delay : 0;
    const hist = this.filter ? this.filter.K - 1 : 0;
    this.buf = new Float64Array(hist + (inRate * 60) / 1000); // room for up to 60 ms frames
  }

  /** Exact number of samples the next process() call with `inSamples` input will write. */
  outputLength(inSamples: number): number {
    if (this.hb) return this.hb.outputLength(inSamples);
    const f = this.filter;
    if (!f) return inSamples;
    const u = this.n0 * f.L + this.phase; // next output time, in 1/L input samples
    const end = inSamples * f.L;
    return end > u ? Math.ceil((end - u) / f.M) : 0;
  }

  /**
   * Resample `n` samples of `src` into `dst`; returns samples written (= outputLength(n)).
   * For frames that are a multiple of M input samples (every 20 ms frame is) this is
   * always exactly n * outRate / inRate. No allocation unless the frame is larger than
   * any seen before (the internal buffer then grows once).
   */
  process(src: Int16Array, dst: Int16Array, n: number = src.length): number {
    if (n > src.length) throw new RangeError(`Resampler: n=${n} > src.length=${src.length}`);
    const count = this.outputLength(n);
    if (count > dst.length) throw new RangeError(`Resampler: dst too small (${dst.length} < ${count})`);
    if (this.hb) return this.hb.process(src, dst, n);
    const f = this.filter;
    if (!f) {
      for (let i = 0; i < n; i++) dst[i] = src[i];
      return n;
    }
    const { L, M, K, coeffs } = f;
    const hist = K - 1;
    if (hist + n > this.buf.length) {
      const grown = new Float64Array(hist + n);
      grown.set(this.buf.subarray(0, hist));
      this.buf = grown;
    }
    const buf = this.buf;
    for (let i = 0; i < n; i++) buf[hist + i] = src[i];

    let n0 = this.n0;
    let p = this.phase;
    let out = 0;
    while (n0 < n) {
      // Output at time n0 + p/L uses x[n0-K+1 .. n0] = buf[n0 .. n0+K-1].
      // Four independent accumulators: a single running sum is bound by FP-add latency
      // (measured ~1.5x slower). K is a multiple of 32 for every ratio: no remainder loop.
      let c = p * K;
      let x = n0;
      const end = c + K;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (; c < end; c += 4, x += 4) {
        a0 += coeffs[c] * buf[x];
        a1 += coeffs[c + 1] * buf[x + 1];
        a2 += coeffs[c + 2] * buf[x + 2];
        a3 += coeffs[c + 3] * buf[x + 3];
      }
      const v = Math.round(a0 + a1 + (a2 + a3));
      // Saturate: Int16Array stores modulo 2^16, so an overshoot would wrap to the other rail.
      dst[out++] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
      p += M;
      while (p >= L) {
        p -= L;
        n0++;
      }
    }
    this.n0 = n0 - n;
    this.phase = p;
    buf.copyWithin(0, n, n + hist); // last K-1 inputs become the next frame's history
    return out;
  }

  /** Frees the half-band stage's WASM memory now (GC would, later). Do not use the resampler after. */
  dispose(): void {
    this.hb?.dispose();
  }

  /** Forget history (e.g. between calls when reusing from a pool). */
  reset(): void {
    this.hb?.reset();
    this.buf.fill(0);
    this.n0 = 0;
    this.phase = 0;
  }
}

export function createResampler(inRate: number, outRate: number): Resampler {
  return new Resampler(inRate, outRate);
}

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('media/codecs: big-endian hosts are not supported (s16 PCM is handled as little-endian views)');
}

/**
 * View little-endian s16 PCM bytes as samples. Returns a view over the same memory
 * when `bytes.byteOffset` is even; otherwise (a typed array must be aligned) copies
 * into `scratch` (reused, must hold byteLength/2 samples) or a new array if none given.
 * The returned array has exactly byteLength/2 elements. Views are tiny objects, but
 * callers on the hot path that want zero allocation should pass aligned buffers.
 */
export function bytesToInt16(bytes: Uint8Array, scratch?: Int16Array): Int16Array {
  if (bytes.byteLength & 1) throw new RangeError(`bytesToInt16: odd byte length ${bytes.byteLength}`);
  const n = bytes.byteLength >> 1;
  if ((bytes.byteOffset & 1) === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, n);
  if (scratch && scratch.length < n) throw new RangeError(`bytesToInt16: scratch too small (${scratch.length} < ${n})`);
  const out = scratch ?? new Int16Array(n);
  // Int16Array stores modulo 2^16, so the unsigned 16-bit value lands as the signed sample.
  for (let i = 0; i < n; i++) out[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  return out.length === n ? out : out.subarray(0, n);
}

/** View s16 samples as little-endian bytes (same memory, no copy). */
export function int16ToBytes(a: Int16Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
