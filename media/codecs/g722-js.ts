// ITU-T G.722 at 64 kbit/s (mode 1), the reference implementation in TypeScript (g722.ts picks it or the
// WebAssembly build of the same loops, g722-wasm.ts): 16 kHz PCM ↔ one octet per two samples. A 24-tap QMF splits the
// signal into a lower and a higher 8 kHz sub-band, each coded by its own ADPCM loop (6 bits lower,
// 2 bits higher: SB-ADPCM). No npm package provides G.722, so this is a TypeScript port of the
// Recommendation's fixed-point blocks as spandsp's g722.c arranges them (Steve Underwood, LGPL; also in
// Asterisk and FreeSWITCH), including its 16-bit PCM convention: the analysis QMF scales by >> 14 and the
// synthesis by >> 11 instead of using the Recommendation's 15-bit words. That convention reproduces the
// ITU-T G.191 G.722 corpus (inpsp → codspw → outsp1) bit for bit; see g722.test.ts.
//
// Hot path: the state is plain fields made once per coder (snapshots copy it into a caller's Int32Array),
// the tables are module constants, and encode/decode write into the caller's buffers: nothing is
// allocated per frame.

/** 20 ms at 16 kHz, and its 64 kbit/s payload. */
export const G722_FRAME_SAMPLES = 320;
export const G722_FRAME_BYTES = 160;
/** Input samples to decoded output: the two QMFs' delay (an impulse comes back this much later). */
export const G722_DELAY_SAMPLES = 22;

/** The interface both implementations share (see g722.ts). */
export interface G722Coder {
  reset(): void;
  /** Copies the whole state into `o` (G722_STATE_WORDS long) from `at`. */
  saveState(o: Int32Array, at?: number): void;
  /** Restores a state saveState() took. */
  loadState(i: Int32Array, at?: number): void;
  /** Frees the coder's WebAssembly memory now (GC would do it later); no-op in JS. */
  dispose(): void;
}

export interface G722Encoder extends G722Coder {
  /**
   * Encodes `n` samples of `pcm` from `inOff` (an even count: samples go in pairs) into `n / 2` octets of
   * `out` from `outOff`. Returns the octets written.
   */
  encode(pcm: Int16Array, inOff: number, n: number, out: Uint8Array, outOff: number): number;
}

export interface G722Decoder extends G722Coder {
  /** Decodes `len` octets of `data` from `off` into `2 * len` samples of `out` from `outOff`. Returns the samples written. */
  decode(data: Uint8Array, off: number, len: number, out: Int16Array, outOff: number): number;
}

// QMF coefficients (Table 11/G.722), oldest sample first, in the two polyphase halves.
const QMF_FWD = Int32Array.of(3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11);
const QMF_REV = Int32Array.of(-11, 53, -156, 362, -805, 3876, 951, -210, 32, 12, -11, 3);
// Inverse quantizers: 2-bit higher band (QQ2), 4-bit and 6-bit lower band (QQ4, QQ6), already scaled by 8.
const QM2 = Int32Array.of(-7408, -1616, 7408, 1616);
const QM4 = Int32Array.of(0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584, 1200, 0);
const QM6 = Int32Array.of(
  -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
  -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
  24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192, 10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
  4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032, 1688, 1360, 1040, 728, 432, 136, -432, -136,
);
// Lower-band quantizer decision levels (Q6), and the code words for negative / positive differences.
const Q6 = Int32Array.of(0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714, 786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919, 0, 0);
const ILN = Int32Array.of(0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 0);
const ILP = Int32Array.of(0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 0);
const IHN = Int32Array.of(0, 1, 0);
const IHP = Int32Array.of(0, 3, 2);
// Scale factor adaptation: log-domain multipliers (WL, WH), code → multiplier index (RIL4, RIH2), and the
// inverse log table (ILB).
const WL = Int32Array.of(-60, -30, 58, 172, 334, 538, 1198, 3042);
const RL42 = Int32Array.of(0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0);
const WH = Int32Array.of(0, -214, 798);
const RH2 = Int32Array.of(2, 1, 2, 1);
const ILB = Int32Array.of(
  2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
  2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
);

/** The tables at the byte offsets the WebAssembly loops read them from (wasm/g722-gen.js). */
export const G722_TABLES: readonly (readonly [number, Int32Array])[] = [
  [0, QM2], [16, QM4], [80, QM6], [336, Q6], [464, ILN], [592, ILP], [720, IHN], [736, IHP],
  [752, WL], [784, RL42], [848, WH], [864, RH2], [880, ILB],
];

const sat16 = (v: number): number => (v > 32767 ? 32767 : v < -32768 ? -32768 : v);
const sat15 = (v: number): number => (v > 16383 ? 16383 : v < -16384 ? -16384 : v);
/** Whether two 16-bit values differ in sign (bit 15 of their xor). */
const differ = (a: number, b: number): boolean => ((a ^ b) & 0x8000) !== 0;

/** Words of one band's state in a snapshot. */
const BAND_WORDS = 21;

/**
 * One sub-band's ADPCM state: plain fields (and the six-tap zero section unrolled) because this runs
 * twice per sample pair, the hottest code of a G.722 call.
 */
class Band {
  s = 0; // predictor output (the signal estimate)
  sz = 0; // zero-section output
  r = 0; // last reconstructed signal
  a1 = 0; // pole coefficients
  a2 = 0;
  p1 = 0; // last two partially reconstructed signals
  p2 = 0;
  nb = 0; // log scale factor
  det: number; // scale factor
  // The last six quantized differences (q1 newest) and the zero coefficients.
  q1 = 0;
  q2 = 0;
  q3 = 0;
  q4 = 0;
  q5 = 0;
  q6 = 0;
  b0 = 0;
  b1 = 0;
  b2 = 0;
  b3 = 0;
  b4 = 0;
  b5 = 0;

  constructor(private readonly det0: number) {
    this.det = det0;
  }

  reset(): void {
    this.s = this.sz = this.r = this.a1 = this.a2 = this.p1 = this.p2 = this.nb = 0;
    this.q1 = this.q2 = this.q3 = this.q4 = this.q5 = this.q6 = 0;
    this.b0 = this.b1 = this.b2 = this.b3 = this.b4 = this.b5 = 0;
    this.det = this.det0;
  }

  save(o: Int32Array, at: number): void {
    o[at] = this.s; o[at + 1] = this.sz; o[at + 2] = this.r; o[at + 3] = this.a1; o[at + 4] = this.a2;
    o[at + 5] = this.p1; o[at + 6] = this.p2; o[at + 7] = this.nb; o[at + 8] = this.det;
    o[at + 9] = this.q1; o[at + 10] = this.q2; o[at + 11] = this.q3; o[at + 12] = this.q4; o[at + 13] = this.q5; o[at + 14] = this.q6;
    o[at + 15] = this.b0; o[at + 16] = this.b1; o[at + 17] = this.b2; o[at + 18] = this.b3; o[at + 19] = this.b4; o[at + 20] = this.b5;
  }

  load(i: Int32Array, at: number): void {
    this.s = i[at]; this.sz = i[at + 1]; this.r = i[at + 2]; this.a1 = i[at + 3]; this.a2 = i[at + 4];
    this.p1 = i[at + 5]; this.p2 = i[at + 6]; this.nb = i[at + 7]; this.det = i[at + 8];
    this.q1 = i[at + 9]; this.q2 = i[at + 10]; this.q3 = i[at + 11]; this.q4 = i[at + 12]; this.q5 = i[at + 13]; this.q6 = i[at + 14];
    this.b0 = i[at + 15]; this.b1 = i[at + 16]; this.b2 = i[at + 17]; this.b3 = i[at + 18]; this.b4 = i[at + 19]; this.b5 = i[at + 20];
  }

  /** Scale factor from the log scale factor (SCALEL / SCALEH): `shift` is 8 lower, 10 higher. */
  private scale(shift: number): void {
    const nb = this.nb;
    const wd1 = (nb >> 6) & 31;
    const wd2 = shift - (nb >> 11);
    this.det = (wd2 < 0 ? ILB[wd1] << -wd2 : ILB[wd1] >> wd2) << 2;
  }

  /** The lower band's scale factor update from its 4-bit code (LOGSCL + SCALEL). */
  adaptLow(il4: number): void {
    const nb = ((this.nb * 127) >> 7) + WL[RL42[il4]];
    this.nb = nb < 0 ? 0 : nb > 18432 ? 18432 : nb;
    this.scale(8);
  }

  /** The higher band's scale factor update from its 2-bit code (LOGSCH + SCALEH). */
  adaptHigh(ih: number): void {
    const nb = ((this.nb * 127) >> 7) + WH[RH2[ih]];
    this.nb = nb < 0 ? 0 : nb > 22528 ? 22528 : nb;
    this.scale(10);
  }

  /**
   * Block 4 (RECONS, PARREC, UPPOL2, UPPOL1, FILTEP, UPZERO, DELAYA, FILTEZ, PREDIC): the adaptive
   * predictor, updated with the quantized difference `dx`. Encoder and decoder run the same one, which is
   * what keeps them in lockstep.
   */
  update(dx: number): void {
    const r = sat16(this.s + dx);
    const p = sat16(this.sz + dx);
    // UPPOL2: the second pole coefficient.
    const a1 = this.a1;
    const wd1 = sat16(a1 << 2);
    let wd32 = differ(p, this.p1) ? wd1 : -wd1;
    if (wd32 > 32767) wd32 = 32767;
    let ap2 = (differ(p, this.p2) ? -128 : 128) + (wd32 >> 7) + ((this.a2 * 32512) >> 15);
    if (ap2 > 12288) ap2 = 12288;
    else if (ap2 < -12288) ap2 = -12288;
    // UPPOL1: the first, kept inside the stability triangle of the new second.
    let ap1 = sat16((differ(p, this.p1) ? -192 : 192) + ((a1 * 32640) >> 15));
    const lim = sat16(15360 - ap2);
    if (ap1 > lim) ap1 = lim;
    else if (ap1 < -lim) ap1 = -lim;
    // FILTEP: the pole section's output.
    const sp = sat16(((ap1 * sat16(r + r)) >> 15) + ((ap2 * sat16(this.r + this.r)) >> 15));
    this.r = r;
    this.a1 = ap1;
    this.a2 = ap2;
    this.p2 = this.p1;
    this.p1 = p;
    // UPZERO (sign-sign update of the zero coefficients against the previous differences), DELAYA,
    // FILTEZ (the zero section over this difference and the five before it).
    const step = dx === 0 ? 0 : 128;
    const b0 = (this.b0 = sat16((differ(this.q1, dx) ? -step : step) + ((this.b0 * 32640) >> 15)));
    const b1 = (this.b1 = sat16((differ(this.q2, dx) ? -step : step) + ((this.b1 * 32640) >> 15)));
    const b2 = (this.b2 = sat16((differ(this.q3, dx) ? -step : step) + ((this.b2 * 32640) >> 15)));
    const b3 = (this.b3 = sat16((differ(this.q4, dx) ? -step : step) + ((this.b3 * 32640) >> 15)));
    const b4 = (this.b4 = sat16((differ(this.q5, dx) ? -step : step) + ((this.b4 * 32640) >> 15)));
    const b5 = (this.b5 = sat16((differ(this.q6, dx) ? -step : step) + ((this.b5 * 32640) >> 15)));
    const sz =
      ((b0 * sat16(dx + dx)) >> 15) +
      ((b1 * sat16(this.q1 + this.q1)) >> 15) +
      ((b2 * sat16(this.q2 + this.q2)) >> 15) +
      ((b3 * sat16(this.q3 + this.q3)) >> 15) +
      ((b4 * sat16(this.q4 + this.q4)) >> 15) +
      ((b5 * sat16(this.q5 + this.q5)) >> 15);
    this.q6 = this.q5;
    this.q5 = this.q4;
    this.q4 = this.q3;
    this.q3 = this.q2;
    this.q2 = this.q1;
    this.q1 = dx;
    this.sz = sat16(sz);
    // PREDIC
    this.s = sat16(sp + this.sz);
  }
}

// The QMF history: doubled rings (each sample at i and i + 12) so the 12-tap dot products are contiguous.
const QX = 0;
const QY = 24;
const QPTR = 48;
const QMF_WORDS = 49;
/** Int32 words of a coder's state snapshot (saveState / loadState). */
export const G722_STATE_WORDS = 2 * BAND_WORDS + QMF_WORDS;

/** Pushes a sample pair into the QMF rings and returns the index of the oldest entry. */
function qmfPush(q: Int32Array, x: number, y: number): number {
  const w = q[QPTR];
  q[QX + w] = q[QX + w + 12] = x;
  q[QY + w] = q[QY + w + 12] = y;
  const next = w === 11 ? 0 : w + 1;
  q[QPTR] = next;
  return next;
}

function dot12(q: Int32Array, at: number, c: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += q[at + i] * c[i];
  return sum;
}

/** What the encoder and decoder share: the two bands, the QMF ring, snapshots. */
class Coder implements G722Coder {
  protected readonly low = new Band(32);
  protected readonly high = new Band(8);
  protected readonly qmf = new Int32Array(QMF_WORDS);

  reset(): void {
    this.low.reset();
    this.high.reset();
    this.qmf.fill(0);
  }

  saveState(o: Int32Array, at = 0): void {
    this.low.save(o, at);
    this.high.save(o, at + BAND_WORDS);
    o.set(this.qmf, at + 2 * BAND_WORDS);
  }

  loadState(i: Int32Array, at = 0): void {
    this.low.load(i, at);
    this.high.load(i, at + BAND_WORDS);
    for (let k = 0; k < QMF_WORDS; k++) this.qmf[k] = i[at + 2 * BAND_WORDS + k];
  }

  dispose(): void {
    // Nothing outside the JS heap.
  }
}

/** G.722 64 kbit/s encoder: one stream's state. */
export class G722EncoderJs extends Coder implements G722Encoder {
  encode(pcm: Int16Array, inOff: number, n: number, out: Uint8Array, outOff: number): number {
    const q = this.qmf;
    const low = this.low;
    const high = this.high;
    let k = outOff;
    for (let j = inOff, end = inOff + (n & ~1); j < end; j += 2) {
      // Transmit QMF: the pair's lower and higher sub-band samples.
      const old = qmfPush(q, pcm[j], pcm[j + 1]);
      const sumOdd = dot12(q, QX + old, QMF_FWD);
      const sumEven = dot12(q, QY + old, QMF_REV);
      const xlow = (sumEven + sumOdd) >> 14;
      const xhigh = (sumEven - sumOdd) >> 14;

      // Lower band: SUBTRA, QUANTL (6 bits), INVQAL on the 4-bit truncation, adaptation, prediction.
      const el = sat16(xlow - low.s);
      const wd = el >= 0 ? el : ~el;
      const det = low.det;
      // The first decision level above |el| (levels 1..29 rise with i: a binary search finds what a scan would).
      let i = 1;
      for (let hi = 30; i < hi; ) {
        const mid = (i + hi) >> 1;
        if (wd < (Q6[mid] * det) >> 12) hi = mid;
        else i = mid + 1;
      }
      const ilow = el < 0 ? ILN[i] : ILP[i];
      const il4 = ilow >> 2;
      const dlow = (det * QM4[il4]) >> 15;
      low.adaptLow(il4);
      low.update(dlow);

      // Higher band: SUBTRA, QUANTH (2 bits), INVQAH, adaptation, prediction.
      const eh = sat16(xhigh - high.s);
      const wdh = eh >= 0 ? eh : ~eh;
      const deth = high.det;
      const mih = wdh >= (564 * deth) >> 12 ? 2 : 1;
      const ihigh = eh < 0 ? IHN[mih] : IHP[mih];
      const dhigh = (deth * QM2[ihigh]) >> 15;
      high.adaptHigh(ihigh);
      high.update(dhigh);

      out[k++] = (ihigh << 6) | ilow;
    }
    return k - outOff;
  }
}

/** G.722 64 kbit/s decoder: one stream's state. */
export class G722DecoderJs extends Coder implements G722Decoder {
  decode(data: Uint8Array, off: number, len: number, out: Int16Array, outOff: number): number {
    const q = this.qmf;
    const low = this.low;
    const high = this.high;
    let k = outOff;
    for (let j = off, end = off + len; j < end; j++) {
      const code = data[j];
      const ilow = code & 0x3f;
      const ihigh = (code >> 6) & 3;

      // Lower band: INVQBL (all 6 bits) for the output, INVQAL (4 bits) for the predictor.
      const det = low.det;
      const rlow = sat15(low.s + ((det * QM6[ilow]) >> 15));
      const il4 = ilow >> 2;
      const dlow = (det * QM4[il4]) >> 15;
      low.adaptLow(il4);
      low.update(dlow);

      // Higher band.
      const dhigh = (high.det * QM2[ihigh]) >> 15;
      const rhigh = sat15(dhigh + high.s);
      high.adaptHigh(ihigh);
      high.update(dhigh);

      // Receive QMF: two output samples per pair of sub-band samples.
      const old = qmfPush(q, sat16(rlow + rhigh), sat16(rlow - rhigh));
      out[k++] = sat16(dot12(q, QY + old, QMF_REV) >> 11);
      out[k++] = sat16(dot12(q, QX + old, QMF_FWD) >> 11);
    }
    return k - outOff;
  }
}
