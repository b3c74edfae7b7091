import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ULAW_TO_LINEAR,
  ALAW_TO_LINEAR,
  ulawDecode,
  ulawEncode,
  alawDecode,
  alawEncode,
  ulawSilence,
  alawSilence,
} from './g711.ts';

const ALL_CODES = Uint8Array.from({ length: 256 }, (_, i) => i);

function ulawEnc1(x: number): number {
  const out = new Uint8Array(1);
  ulawEncode(Int16Array.of(x), out);
  return out[0];
}
function alawEnc1(x: number): number {
  const out = new Uint8Array(1);
  alawEncode(Int16Array.of(x), out);
  return out[0];
}

// Segment step (quantisation interval width) in the 16-bit domain.
const ulawStep = (c: number) => 8 << ((~c & 0x70) >> 4);
const alawStep = (c: number) => {
  const seg = ((c ^ 0x55) & 0x70) >> 4;
  return seg < 2 ? 16 : 16 << (seg - 1);
};

test('µ-law decode matches ITU-T G.711 reference values', () => {
  const ref: [number, number][] = [
    [0xff, 0], [0x7f, 0], [0x80, 32124], [0x00, -32124],
    [0xf0, 120], [0x70, -120], [0xef, 132], [0x6f, -132],
    [0xfe, 8], [0x7e, -8], [0x8f, 16764], [0x90, 15996], [0xa0, 7932],
  ];
  for (const [code, lin] of ref) assert.equal(ULAW_TO_LINEAR[code], lin, `code 0x${code.toString(16)}`);
});

test('A-law decode matches ITU-T G.711 reference values', () => {
  const ref: [number, number][] = [
    [0xd5, 8], [0x55, -8], [0xaa, 32256], [0x2a, -32256],
    [0xd4, 24], [0xc5, 264], [0xf5, 528], [0xe5, 1056], [0xa5, 16896], [0xab, 31232],
  ];
  for (const [code, lin] of ref) assert.equal(ALAW_TO_LINEAR[code], lin, `code 0x${code.toString(16)}`);
});

test('silence codes and encoding of 0', () => {
  assert.equal(ulawEnc1(0), 0xff);
  assert.equal(ulawEnc1(0), ulawSilence);
  assert.equal(ULAW_TO_LINEAR[ulawSilence], 0);
  assert.equal(alawEnc1(0), 0xd5);
  assert.equal(alawEnc1(0), alawSilence);
  assert.equal(ALAW_TO_LINEAR[alawSilence], 8);
});

test('encode(decode(c)) == c for all 256 codes (µ-law negative zero 0x7F -> 0xFF)', () => {
  const lin = new Int16Array(256);
  const back = new Uint8Array(256);
  ulawDecode(ALL_CODES, lin);
  ulawEncode(lin, back);
  for (let c = 0; c < 256; c++) assert.equal(back[c], c === 0x7f ? 0xff : c, `µ-law 0x${c.toString(16)}`);
  alawDecode(ALL_CODES, lin);
  alawEncode(lin, back);
  for (let c = 0; c < 256; c++) assert.equal(back[c], c, `A-law 0x${c.toString(16)}`);
});

test('decode is odd-symmetric and strictly monotonic with doubling segment steps', () => {
  for (let c = 0; c < 128; c++) {
    assert.equal(ULAW_TO_LINEAR[c] + ULAW_TO_LINEAR[c | 0x80], 0); // sum, not negation: -0 !== 0 for assert
    assert.equal(ALAW_TO_LINEAR[c] + ALAW_TO_LINEAR[c | 0x80], 0);
  }
  // µ-law: magnitude grows as the inverted code grows; A-law: as the 0x55-unmasked code grows.
  for (let m = 0; m < 127; m++) {
    const u0 = ULAW_TO_LINEAR[~m & 0xff];
    const u1 = ULAW_TO_LINEAR[~(m + 1) & 0xff];
    assert.ok(u1 > u0, `µ-law magnitude ${m}`);
    if ((m + 1) % 16 !== 0) assert.equal(u1 - u0, ulawStep(~m & 0xff), `µ-law step in segment ${m >> 4}`);
    const a0 = ALAW_TO_LINEAR[(0x80 | m) ^ 0x55];
    const a1 = ALAW_TO_LINEAR[(0x80 | (m + 1)) ^ 0x55];
    assert.ok(a1 > a0, `A-law magnitude ${m}`);
    if ((m + 1) % 16 !== 0) assert.equal(a1 - a0, alawStep((0x80 | m) ^ 0x55), `A-law step in segment ${m >> 4}`);
  }
  assert.deepEqual([1, 2, 7].map((s) => ulawStep(~(s << 4) & 0xff)), [16, 32, 1024]);
});

test('every 16-bit input quantises into the interval around its decoded level', () => {
  const x = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
  const u = new Uint8Array(65536);
  const a = new Uint8Array(65536);
  ulawEncode(x, u);
  alawEncode(x, a);
  for (let i = 0; i < 65536; i++) {
    const v = x[i];
    // Reconstruction levels sit mid-interval; slack covers the >>2 / >>3 input truncation.
    if (Math.abs(v) <= 32124 + 512) {
      const e = Math.abs(ULAW_TO_LINEAR[u[i]] - v);
      assert.ok(e <= ulawStep(u[i]) / 2 + 4, `µ-law x=${v} err=${e}`);
    } else {
      assert.equal(u[i], v > 0 ? 0x80 : 0x00, `µ-law clip x=${v}`);
    }
    const e = Math.abs(ALAW_TO_LINEAR[a[i]] - v);
    assert.ok(e <= alawStep(a[i]) / 2 + 8, `A-law x=${v} err=${e}`);
  }
});

test('n limits the work; too-small dst throws', () => {
  const dst = new Int16Array(4).fill(7);
  ulawDecode(Uint8Array.of(0x80, 0x80, 0x80), dst, 2);
  assert.deepEqual([...dst], [32124, 32124, 7, 7]);
  assert.throws(() => ulawDecode(new Uint8Array(5), new Int16Array(4)), RangeError);
  assert.throws(() => alawEncode(new Int16Array(5), new Uint8Array(4)), RangeError);
});

test('hot-path functions contain no allocation', () => {
  // The codec bodies only index prebuilt tables; `new` appears only at module level.
  const src = readFileSync(new URL('./g711.ts', import.meta.url), 'utf8');
  for (const name of ['ulawDecode', 'ulawEncode', 'alawDecode', 'alawEncode']) {
    const start = src.indexOf(`export function ${name}(`);
    const body = src.slice(start, src.indexOf('\n}\n', start));
    assert.ok(start >= 0 && !/\bnew\b|\[\s*\]|\{\s*\}|\.slice\(|\.subarray\(/.test(body), name);
  }
  // And repeated use is stable on reused buffers.
  const pcm = new Int16Array(160);
  const enc = new Uint8Array(160);
  for (let i = 0; i < 160; i++) pcm[i] = Math.round(8000 * Math.sin(i / 3));
  ulawEncode(pcm, enc);
  const first = enc.slice();
  for (let k = 0; k < 1000; k++) ulawEncode(pcm, enc);
  assert.deepEqual(enc, first);
});
