// G.711 µ-law / A-law (ITU-T G.711), table driven for the per-frame hot path.
// All tables are built once at module load; the codec functions only index them
// and write into caller-provided buffers (no allocation per call).

/** µ-law code for digital silence (decodes to 0). 0x7F also decodes to 0. */
export const ulawSilence = 0xff;
/** A-law code closest to silence (decodes to +8; A-law has no exact zero). */
export const alawSilence = 0xd5;

/** µ-law code → 16-bit linear PCM (the ITU 14-bit value scaled by 4). */
export const ULAW_TO_LINEAR = new Int16Array(256);
/** A-law code → 16-bit linear PCM (the ITU 13-bit value scaled by 8). */
export const ALAW_TO_LINEAR = new Int16Array(256);
/** 14-bit linear → µ-law, indexed by `(sample >> 2) & 0x3fff` (two's complement wraps negatives into the top half). */
export const LINEAR14_TO_ULAW = new Uint8Array(16384);
/** 13-bit linear → A-law, indexed by `(sample >> 3) & 0x1fff`. */
export const LINEAR13_TO_ALAW = new Uint8Array(8192);

// Reference algorithms (same as the classic Sun/CCITT g711.c) used only to fill the tables.
function ulawToLinearRef(code: number): number {
  const u = ~code & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

function alawToLinearRef(code: number): number {
  const a = code ^ 0x55;
  const seg = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  if (seg === 0) t += 8;
  else t = (t + 0x108) << (seg - 1);
  return a & 0x80 ? t : -t;
}

/** `v` is a signed 14-bit sample (16-bit >> 2). */
function linear14ToUlawRef(v: number): number {
  let mask = 0xff;
  if (v < 0) {
    v = -v;
    mask = 0x7f;
  }
  if (v > 8159) v = 8159; // clip so the biased value stays within segment 7
  v += 0x84 >> 2; // bias 33 in the 14-bit domain
  let seg = 0;
  while (seg < 8 && v > (0x40 << seg) - 1) seg++; // segment end points 0x3f, 0x7f, ... 0x1fff
  if (seg >= 8) return 0x7f ^ mask;
  return (((seg << 4) | ((v >> (seg + 1)) & 0x0f)) ^ mask) & 0xff;
}

/** `v` is a signed 13-bit sample (16-bit >> 3). */
function linear13ToAlawRef(v: number): number {
  let mask = 0xd5;
  if (v < 0) {
    v = -v - 1; // A-law is symmetric around -0.5 LSB, hence the one's complement
    mask = 0x55;
  }
  let seg = 0;
  while (seg < 8 && v > (0x20 << seg) - 1) seg++; // segment end points 0x1f, 0x3f, ... 0xfff
  if (seg >= 8) return 0x7f ^ mask;
  const mant = seg < 2 ? (v >> 1) & 0x0f : (v >> seg) & 0x0f;
  return ((seg << 4) | mant) ^ mask;
}

for (let c = 0; c < 256; c++) {
  ULAW_TO_LINEAR[c] = ulawToLinearRef(c);
  ALAW_TO_LINEAR[c] = alawToLinearRef(c);
}
for (let i = 0; i < 16384; i++) LINEAR14_TO_ULAW[i] = linear14ToUlawRef(i >= 8192 ? i - 16384 : i);
for (let i = 0; i < 8192; i++) LINEAR13_TO_ALAW[i] = linear13ToAlawRef(i >= 4096 ? i - 8192 : i);

function checkLen(n: number, srcLen: number, dstLen: number): void {
  if (n > srcLen || n > dstLen) throw new RangeError(`g711: n=${n} exceeds src (${srcLen}) or dst (${dstLen})`);
}

export function ulawDecode(src: Uint8Array, dst: Int16Array, n: number = src.length): void {
  checkLen(n, src.length, dst.length);
  for (let i = 0; i < n; i++) dst[i] = ULAW_TO_LINEAR[src[i]];
}

export function ulawEncode(src: Int16Array, dst: Uint8Array, n: number = src.length): void {
  checkLen(n, src.length, dst.length);
  for (let i = 0; i < n; i++) dst[i] = LINEAR14_TO_ULAW[(src[i] >> 2) & 0x3fff];
}

export function alawDecode(src: Uint8Array, dst: Int16Array, n: number = src.length): void {
  checkLen(n, src.length, dst.length);
  for (let i = 0; i < n; i++) dst[i] = ALAW_TO_LINEAR[src[i]];
}

export function alawEncode(src: Int16Array, dst: Uint8Array, n: number = src.length): void {
  checkLen(n, src.length, dst.length);
  for (let i = 0; i < n; i++) dst[i] = LINEAR13_TO_ALAW[(src[i] >> 3) & 0x1fff];
}
