#!/usr/bin/env node
// Writes agent/vad/wasm/silero.wat: the f32x4 kernels behind silero-native.ts. Generated because the one
// kernel exists twice (4 and 8 lanes: one or two vectors of calls per weight); then
// `node media/codecs/wasm/build.js` embeds the binary.  Usage: node agent/vad/wasm/silero-gen.js
//
// Layouts (every address comes from the JS side):
//   activations [k][G]  row k of G lanes (one lane per call's window), G = 4 or 8 floats
//   weights     blocks of 4 output rows: block b at w + b·kTot·16 bytes, laid out [k][4 rows], so one
//               step of k reads the 4 rows' weights from one place (load32_splat at offsets 0/4/8/12)
//   bias        [m] floats, m a multiple of 4
// gemvG(w, kTot, k0, kLen, x, bias, y, blocks, relu): y[r][lane] = bias[r] + Σ_{k<kLen} W[r][k0+k]·x[k][lane]
// for r < 4·blocks (then max(0, ·) when relu). x points at the first row used. The convolutions run as
// one gemv per output time step over the taps that fall inside the input (weights as [out][tap][in]),
// the LSTM as one gemv over [x; h].
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function gemv(G) {
  const V = G / 4; // vectors of lanes
  const acc = [];
  for (let r = 0; r < 4; r++) for (let v = 0; v < V; v++) acc.push(`$a${r}${v}`);
  const locals = [...acc.map((a) => `(local ${a} v128)`), ...Array.from({ length: V }, (_, v) => `(local $x${v} v128)`)].join(' ');
  const init = [];
  for (let r = 0; r < 4; r++) for (let v = 0; v < V; v++) init.push(`(local.set $a${r}${v} (v128.load32_splat offset=${4 * r} (local.get $bp)))`);
  const step = [];
  for (let v = 0; v < V; v++) step.push(`(local.set $x${v} (v128.load offset=${16 * v} (local.get $xp)))`);
  for (let r = 0; r < 4; r++) {
    step.push(`(local.set $w (v128.load32_splat offset=${4 * r} (local.get $wp)))`);
    for (let v = 0; v < V; v++) step.push(`(local.set $a${r}${v} (f32x4.add (local.get $a${r}${v}) (f32x4.mul (local.get $w) (local.get $x${v}))))`);
  }
  const store = [];
  for (let r = 0; r < 4; r++) for (let v = 0; v < V; v++) {
    store.push(`(v128.store offset=${16 * (r * V + v)} (local.get $yp) (select (f32x4.max (local.get $a${r}${v}) (local.get $zero)) (local.get $a${r}${v}) (local.get $relu)))`);
  }
  return `
  ;; ${G} lanes: ${4 * V} accumulators (4 rows × ${V} vector${V > 1 ? 's' : ''}), one weight splat feeds ${V} multiply-add${V > 1 ? 's' : ''}.
  (func (export "gemv${G}") (param $wb i32) (param $kTot i32) (param $k0 i32) (param $kLen i32) (param $x i32) (param $bp i32) (param $yp i32) (param $blocks i32) (param $relu i32)
    (local $wp i32) (local $xp i32) (local $k i32) (local $w v128) (local $zero v128) ${locals}
    (local.set $wb (i32.add (local.get $wb) (i32.shl (local.get $k0) (i32.const 4))))
    (loop $rows
      ${init.join('\n      ')}
      (local.set $wp (local.get $wb))
      (local.set $xp (local.get $x))
      (local.set $k (local.get $kLen))
      (loop $ks
        ${step.join('\n        ')}
        (local.set $wp (i32.add (local.get $wp) (i32.const 16)))
        (local.set $xp (i32.add (local.get $xp) (i32.const ${16 * V})))
        (br_if $ks (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
      ${store.join('\n      ')}
      (local.set $wb (i32.add (local.get $wb) (i32.shl (local.get $kTot) (i32.const 4))))
      (local.set $bp (i32.add (local.get $bp) (i32.const 16)))
      (local.set $yp (i32.add (local.get $yp) (i32.const ${64 * V})))
      (br_if $rows (local.tee $blocks (i32.sub (local.get $blocks) (i32.const 1))))))
`;
}

// exp(x) for 4 lanes (Cephes expf: x = n·ln2 + r, a degree-6 polynomial in r, 2^n built in the exponent
// bits); relative error ~1e-7 over the clamped range [-87, 88] — the same as Math.exp to within f32.
const EXP = `
  (func $exp (param $x v128) (result v128)
    (local $n v128) (local $r v128) (local $p v128)
    (local.set $x (f32x4.min (f32x4.max (local.get $x) (v128.const f32x4 -87 -87 -87 -87)) (v128.const f32x4 88 88 88 88)))
    (local.set $n (f32x4.nearest (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504088896341 1.44269504088896341 1.44269504088896341 1.44269504088896341))))
    (local.set $r (f32x4.sub (f32x4.sub (local.get $x) (f32x4.mul (local.get $n) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
      (f32x4.mul (local.get $n) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
    (local.set $p (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4))
    ${[1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1].map((c) => `(local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 ${c} ${c} ${c} ${c})))`).join('\n    ')}
    (local.set $p (f32x4.add (f32x4.add (f32x4.mul (f32x4.mul (local.get $p) (local.get $r)) (local.get $r)) (local.get $r)) (v128.const f32x4 1 1 1 1)))
    (f32x4.mul (local.get $p) (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (i32x4.splat (i32.const 127))) (i32.const 23))))
  (func $sigmoid (param $x v128) (result v128)
    (f32x4.div (v128.const f32x4 1 1 1 1) (f32x4.add (v128.const f32x4 1 1 1 1) (call $exp (f32x4.neg (local.get $x))))))
  ;; tanh(x) = 2·sigmoid(2x) − 1 (absolute error ~1e-7 near 0, which is all an LSTM needs)
  (func $tanh (param $x v128) (result v128)
    (f32x4.sub (f32x4.mul (v128.const f32x4 2 2 2 2) (call $sigmoid (f32x4.add (local.get $x) (local.get $x)))) (v128.const f32x4 1 1 1 1)))
`;

// The LSTM cell for G lanes, 128 units: gates [4][128][G] (i, f, g, o: PyTorch's order) → c (in place at
// $c, [128][G]) and h (written to $h, [128][G]); logits[G] = Σ_u hw[u]·max(h, 0) (hw: the head's weights
// splatted, [128][4]). The bias of the head and the final sigmoid are the caller's.
function cell(G) {
  const V = G / 4;
  const body = [];
  for (let v = 0; v < V; v++) {
    const o = 16 * v;
    body.push(`(local.set $cv (f32x4.add (f32x4.mul (call $sigmoid (v128.load offset=${o + 128 * G * 4} (local.get $g))) (v128.load offset=${o} (local.get $c)))
          (f32x4.mul (call $sigmoid (v128.load offset=${o} (local.get $g))) (call $tanh (v128.load offset=${o + 2 * 128 * G * 4} (local.get $g))))))`);
    body.push(`(v128.store offset=${o} (local.get $c) (local.get $cv))`);
    body.push(`(local.set $hv (f32x4.mul (call $sigmoid (v128.load offset=${o + 3 * 128 * G * 4} (local.get $g))) (call $tanh (local.get $cv))))`);
    body.push(`(v128.store offset=${o} (local.get $h) (local.get $hv))`);
    body.push(`(local.set $l${v} (f32x4.add (local.get $l${v}) (f32x4.mul (v128.load (local.get $hw)) (f32x4.max (local.get $hv) (v128.const f32x4 0 0 0 0)))))`);
  }
  const ls = Array.from({ length: V }, (_, v) => `(local $l${v} v128)`).join(' ');
  const st = Array.from({ length: V }, (_, v) => `(v128.store offset=${16 * v} (local.get $logits) (local.get $l${v}))`).join(' ');
  return `
  (func (export "cell${G}") (param $g i32) (param $c i32) (param $h i32) (param $hw i32) (param $logits i32)
    (local $u i32) (local $cv v128) (local $hv v128) ${ls}
    (local.set $u (i32.const 128))
    (loop $units
      ${body.join('\n      ')}
      (local.set $g (i32.add (local.get $g) (i32.const ${G * 4})))
      (local.set $c (i32.add (local.get $c) (i32.const ${G * 4})))
      (local.set $h (i32.add (local.get $h) (i32.const ${G * 4})))
      (local.set $hw (i32.add (local.get $hw) (i32.const 16)))
      (br_if $units (local.tee $u (i32.sub (local.get $u) (i32.const 1)))))
    ${st})
`;
}

/** The text of silero.wat (silero-native.test.ts checks the file against it). */
export function generateSileroWat() {
  return `;; Generated by agent/vad/wasm/silero-gen.js: do not edit (node agent/vad/wasm/silero-gen.js && node media/codecs/wasm/build.js).
;; f32x4 kernels for the Silero VAD v5 network (silero-native.ts): matrix × lanes products and the STFT
;; magnitude. One lane per call: a weight is loaded once for 4 or 8 calls' windows.
(module
  (memory (export "mem") 1)
${gemv(4)}${gemv(8)}${EXP}${cell(4)}${cell(8)}
  ;; dst[i] = sqrt(re[i]² + im[i]²) for n vectors of 4.
  (func (export "magnitude") (param $re i32) (param $im i32) (param $dst i32) (param $n i32)
    (local $a v128) (local $b v128)
    (loop $next
      (local.set $a (v128.load (local.get $re)))
      (local.set $b (v128.load (local.get $im)))
      (v128.store (local.get $dst) (f32x4.sqrt (f32x4.add (f32x4.mul (local.get $a) (local.get $a)) (f32x4.mul (local.get $b) (local.get $b)))))
      (local.set $re (i32.add (local.get $re) (i32.const 16)))
      (local.set $im (i32.add (local.get $im) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
)
`;
}

export const SILERO_WAT_PATH = fileURLToPath(new URL('./silero.wat', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SILERO_WAT_PATH, generateSileroWat());
  console.log('silero-gen.js: wrote agent/vad/wasm/silero.wat');
}
