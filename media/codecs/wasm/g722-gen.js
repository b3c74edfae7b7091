#!/usr/bin/env node
// Writes media/codecs/wasm/g722.wat: the G.722 encoder and decoder loops of g722.ts (the reference, which
// they match bit for bit: g722-wasm.test.ts) as WebAssembly text. Generated rather than written by hand
// because V8 (Node 20) does not inline wasm calls: every 16-bit saturation, every block 4 update and the
// QMF dot products are spelled out inline, which is ~2.5x faster than the JS. Then
// `node media/codecs/wasm/build.js` embeds the binary. Usage: node media/codecs/wasm/g722-gen.js
//
// Memory (bytes): 0..1007 the tables (filled from g722.ts by g722-wasm.ts at start), in/out scratch and
// per-coder state slots at addresses the JS side passes. A state slot is two bands of 21 words
// (s sz r a1 a2 p1 p2 nb det q1..q6 b0..b5, as Band.save() lays them out) and the QMF: two doubled rings
// of 12 words (24 each) and the ring's write index — G722_STATE_WORDS words, the layout of saveState().
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let tmp = 0;
const temps = new Set();
const T = () => { const n = `$t${tmp++}`; temps.add(n); return n; };
// sat16/sat15 of an expression: evaluates into a temp, then clamps with selects.
const sat = (e, hi, lo) => { const t = T(); return `(local.set ${t} ${e}) (select (i32.const ${hi}) (select (i32.const ${lo}) (local.get ${t}) (i32.lt_s (local.get ${t}) (i32.const ${lo}))) (i32.gt_s (local.get ${t}) (i32.const ${hi})))`; };
// A block expression that yields sat16(e).
const s16 = (e) => `(block (result i32) ${sat(e, 32767, -32768)})`;
const s15 = (e) => `(block (result i32) ${sat(e, 16383, -16384)})`;
const differ = (a, b) => `(i32.and (i32.xor ${a} ${b}) (i32.const 0x8000))`;
const ld = (b, off) => `(i32.load offset=${off} ${b})`;
const st = (b, off, v) => `(i32.store offset=${off} ${b} ${v})`;
const mulsh = (a, b, sh = 15) => `(i32.shr_s (i32.mul ${a} ${b}) (i32.const ${sh}))`;
const add = (...xs) => xs.reduce((a, b) => `(i32.add ${a} ${b})`);
const sub = (a, b) => `(i32.sub ${a} ${b})`;
const c = (n) => `(i32.const ${n})`;
const L = (n) => `(local.get $${n})`;
const set = (n, v) => `(local.set $${n} ${v})`;
const sel = (cond, a, b) => `(select ${a} ${b} ${cond})`; // cond ? a : b

// Band layout (bytes): s sz r a1 a2 p1 p2 nb det q1..q6 b0..b5
const S = 0, SZ = 4, R = 8, A1 = 12, A2 = 16, P1 = 20, P2 = 24, NB = 28, DET = 32, Q = (i) => 36 + 4 * (i - 1), Bc = (i) => 60 + 4 * i;
// Tables (bytes)
const QM2 = 0, QM4 = 16, QM6 = 80, Q6 = 336, ILN = 464, ILP = 592, IHN = 720, IHP = 736, WL = 752, RL42 = 784, WH = 848, RH2 = 864, ILB = 880;
const tab = (base, idx) => `(i32.load offset=${base} (i32.shl ${idx} (i32.const 2)))`;

function update(b) {
  // b: an expression for the band pointer (a local get); dx in $dx
  const out = [];
  out.push(set('r', s16(add(ld(b, S), L('dx')))));
  out.push(set('p', s16(add(ld(b, SZ), L('dx')))));
  out.push(set('a1', ld(b, A1)));
  out.push(set('w1', s16(`(i32.shl ${L('a1')} (i32.const 2))`)));
  out.push(set('w2', sel(differ(L('p'), ld(b, P1)), L('w1'), sub(c(0), L('w1')))));
  out.push(`(if (i32.gt_s ${L('w2')} ${c(32767)}) (then ${set('w2', c(32767))}))`);
  out.push(set('ap2', add(sel(differ(L('p'), ld(b, P2)), c(-128), c(128)), `(i32.shr_s ${L('w2')} (i32.const 7))`, mulsh(ld(b, A2), c(32512)))));
  out.push(`(if (i32.gt_s ${L('ap2')} ${c(12288)}) (then ${set('ap2', c(12288))}) (else (if (i32.lt_s ${L('ap2')} ${c(-12288)}) (then ${set('ap2', c(-12288))}))))`);
  out.push(set('ap1', s16(add(sel(differ(L('p'), ld(b, P1)), c(-192), c(192)), mulsh(L('a1'), c(32640))))));
  out.push(set('w1', s16(sub(c(15360), L('ap2')))));
  out.push(`(if (i32.gt_s ${L('ap1')} ${L('w1')}) (then ${set('ap1', L('w1'))}) (else (if (i32.lt_s ${L('ap1')} (i32.sub (i32.const 0) ${L('w1')})) (then ${set('ap1', sub(c(0), L('w1')))}))))`);
  out.push(set('sp', s16(add(mulsh(L('ap1'), s16(add(L('r'), L('r')))), mulsh(L('ap2'), s16(add(ld(b, R), ld(b, R))))))));
  out.push(st(b, R, L('r')), st(b, A1, L('ap1')), st(b, A2, L('ap2')), st(b, P2, ld(b, P1)), st(b, P1, L('p')));
  out.push(set('step', sel(`(i32.eqz ${L('dx')})`, c(0), c(128))));
  out.push(set('nstep', sub(c(0), L('step'))));
  // zero coefficients
  for (let i = 0; i <= 5; i++) {
    out.push(set(`b${i}`, s16(add(sel(differ(ld(b, Q(i + 1)), L('dx')), L('nstep'), L('step')), mulsh(ld(b, Bc(i)), c(32640))))));
    out.push(st(b, Bc(i), L(`b${i}`)));
  }
  const terms = [mulsh(L('b0'), s16(add(L('dx'), L('dx'))))];
  for (let i = 1; i <= 5; i++) terms.push(mulsh(L(`b${i}`), s16(add(ld(b, Q(i)), ld(b, Q(i))))));
  out.push(set('sz', s16(add(...terms))));
  for (let i = 6; i >= 2; i--) out.push(st(b, Q(i), ld(b, Q(i - 1))));
  out.push(st(b, Q(1), L('dx')));
  out.push(st(b, SZ, L('sz')));
  out.push(st(b, S, s16(add(L('sp'), L('sz')))));
  return out.join('\n    ');
}

function scale(b, shift) {
  return [
    set('w1', `(i32.and (i32.shr_s ${ld(b, NB)} (i32.const 6)) (i32.const 31))`),
    set('w2', sub(c(shift), `(i32.shr_s ${ld(b, NB)} (i32.const 11))`)),
    st(b, DET, `(i32.shl (if (result i32) (i32.lt_s ${L('w2')} (i32.const 0)) (then (i32.shl ${tab(ILB, L('w1'))} (i32.sub (i32.const 0) ${L('w2')}))) (else (i32.shr_s ${tab(ILB, L('w1'))} ${L('w2')}))) (i32.const 2))`),
  ].join('\n    ');
}

function adapt(b, code, W, R2, max, shift) {
  return [
    set('w1', add(mulsh(ld(b, NB), c(127), 7), tab(W, tab(R2, code)))),
    set('w1', sel(`(i32.lt_s ${L('w1')} (i32.const 0))`, c(0), sel(`(i32.gt_s ${L('w1')} (i32.const ${max}))`, c(max), L('w1')))),
    st(b, NB, L('w1')),
    scale(b, shift),
  ].join('\n    ');
}

// QMF: ring of 24 words per half at st+168 (x) and st+264 (y), write index at st+360.
const QX = 168, QY = 264, QPTR = 360;
const FWD = [3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11];
const REV = [...FWD].reverse();
function qmfPush(x, y) {
  return [
    set('w', `(i32.load offset=${QPTR} (local.get $st))`),
    set('a', `(i32.add (local.get $st) (i32.shl (local.get $w) (i32.const 2)))`),
    `(i32.store offset=${QX} (local.get $a) ${x})`,
    `(i32.store offset=${QX + 48} (local.get $a) (i32.load offset=${QX} (local.get $a)))`,
    `(i32.store offset=${QY} (local.get $a) ${y})`,
    `(i32.store offset=${QY + 48} (local.get $a) (i32.load offset=${QY} (local.get $a)))`,
    set('w', `(select (i32.const 0) (i32.add (local.get $w) (i32.const 1)) (i32.eq (local.get $w) (i32.const 11)))`),
    `(i32.store offset=${QPTR} (local.get $st) (local.get $w))`,
    set('a', `(i32.add (local.get $st) (i32.shl (local.get $w) (i32.const 2)))`), // oldest entry
  ].join('\n    ');
}
const dot = (base, coefs) => add(...coefs.map((k, i) => `(i32.mul (i32.load offset=${base + 4 * i} (local.get $a)) (i32.const ${k}))`));

const locals = ['r', 'p', 'a1', 'w1', 'w2', 'ap1', 'ap2', 'sp', 'step', 'nstep', 'sz', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'dx', 'w', 'a', 'j', 'k', 'end', 'el', 'wd', 'det', 'i', 'hi', 'mid', 'ilow', 'il4', 'ihigh', 'code', 'xlow', 'xhigh', 'so', 'se', 'rlow', 'rhigh', 'low', 'high'];

function body(kind) {
  tmp = 0; temps.clear();
  const lowB = L('low'), highB = L('high');
  let inner;
  if (kind === 'encode') {
    inner = `
    ${qmfPush(`(i32.load16_s (local.get $j))`, `(i32.load16_s offset=2 (local.get $j))`)}
    ${set('so', dot(QX, FWD))}
    ${set('se', dot(QY, REV))}
    ${set('xlow', `(i32.shr_s (i32.add (local.get $se) (local.get $so)) (i32.const 14))`)}
    ${set('xhigh', `(i32.shr_s (i32.sub (local.get $se) (local.get $so)) (i32.const 14))`)}
    ;; lower band: SUBTRA, QUANTL (binary search over the decision levels), INVQAL, LOGSCL, SCALEL, block 4
    ${set('el', s16(sub(L('xlow'), ld(lowB, S))))}
    ${set('wd', `(select (local.get $el) (i32.xor (local.get $el) (i32.const -1)) (i32.ge_s (local.get $el) (i32.const 0)))`)}
    ${set('det', ld(lowB, DET))}
    ${set('i', c(1))}
    ${set('hi', c(30))}
    (block $found (loop $search
      (br_if $found (i32.ge_s (local.get $i) (local.get $hi)))
      ${set('mid', `(i32.shr_s (i32.add (local.get $i) (local.get $hi)) (i32.const 1))`)}
      (if (i32.lt_s (local.get $wd) ${mulsh(tab(Q6, L('mid')), L('det'), 12)})
        (then ${set('hi', L('mid'))})
        (else ${set('i', `(i32.add (local.get $mid) (i32.const 1))`)}))
      (br $search)))
    ${set('ilow', `(select ${tab(ILN, L('i'))} ${tab(ILP, L('i'))} (i32.lt_s (local.get $el) (i32.const 0)))`)}
    ${set('il4', `(i32.shr_s (local.get $ilow) (i32.const 2))`)}
    ${set('dx', mulsh(L('det'), tab(QM4, L('il4'))))}
    ${adapt(lowB, L('il4'), WL, RL42, 18432, 8)}
    ${update(lowB)}
    ;; higher band: SUBTRA, QUANTH, INVQAH, LOGSCH, SCALEH, block 4
    ${set('el', s16(sub(L('xhigh'), ld(highB, S))))}
    ${set('wd', `(select (local.get $el) (i32.xor (local.get $el) (i32.const -1)) (i32.ge_s (local.get $el) (i32.const 0)))`)}
    ${set('det', ld(highB, DET))}
    ${set('mid', `(select (i32.const 2) (i32.const 1) (i32.ge_s (local.get $wd) ${mulsh(c(564), L('det'), 12)}))`)}
    ${set('ihigh', `(select ${tab(IHN, L('mid'))} ${tab(IHP, L('mid'))} (i32.lt_s (local.get $el) (i32.const 0)))`)}
    ${set('dx', mulsh(L('det'), tab(QM2, L('ihigh'))))}
    ${adapt(highB, L('ihigh'), WH, RH2, 22528, 10)}
    ${update(highB)}
    (i32.store8 (local.get $k) (i32.or (i32.shl (local.get $ihigh) (i32.const 6)) (local.get $ilow)))
    ${set('k', `(i32.add (local.get $k) (i32.const 1))`)}
    ${set('j', `(i32.add (local.get $j) (i32.const 4))`)}`;
  } else {
    inner = `
    ${set('code', `(i32.load8_u (local.get $j))`)}
    ${set('ilow', `(i32.and (local.get $code) (i32.const 0x3f))`)}
    ${set('ihigh', `(i32.and (i32.shr_u (local.get $code) (i32.const 6)) (i32.const 3))`)}
    ${set('det', ld(lowB, DET))}
    ${set('rlow', s15(add(ld(lowB, S), mulsh(L('det'), tab(QM6, L('ilow'))))))}
    ${set('il4', `(i32.shr_s (local.get $ilow) (i32.const 2))`)}
    ${set('dx', mulsh(L('det'), tab(QM4, L('il4'))))}
    ${adapt(lowB, L('il4'), WL, RL42, 18432, 8)}
    ${update(lowB)}
    ${set('dx', mulsh(ld(highB, DET), tab(QM2, L('ihigh'))))}
    ${set('rhigh', s15(add(L('dx'), ld(highB, S))))}
    ${adapt(highB, L('ihigh'), WH, RH2, 22528, 10)}
    ${update(highB)}
    ${qmfPush(s16(add(L('rlow'), L('rhigh'))), s16(sub(L('rlow'), L('rhigh'))))}
    (i32.store16 (local.get $k) ${s16(`(i32.shr_s ${dot(QY, REV)} (i32.const 11))`)})
    (i32.store16 offset=2 (local.get $k) ${s16(`(i32.shr_s ${dot(QX, FWD)} (i32.const 11))`)})
    ${set('k', `(i32.add (local.get $k) (i32.const 4))`)}
    ${set('j', `(i32.add (local.get $j) (i32.const 1))`)}`;
  }
  const params = kind === 'encode' ? '(param $st i32) (param $in i32) (param $n i32) (param $out i32)' : '(param $st i32) (param $in i32) (param $n i32) (param $out i32)';
  const decl = [...locals, ...[...temps].map((t) => t.slice(1))].map((n) => `(local $${n} i32)`).join(' ');
  const loopEnd = kind === 'encode' ? `(i32.add (local.get $in) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 1)))` : `(i32.add (local.get $in) (local.get $n))`;
  return `  (func (export "${kind}") ${params}
    ${decl}
    ${set('low', L('st'))}
    ${set('high', `(i32.add (local.get $st) (i32.const 84))`)}
    ${set('j', L('in'))}
    ${set('k', L('out'))}
    ${set('end', loopEnd)}
    (block $done (loop $pair
      (br_if $done (i32.ge_u (local.get $j) (local.get $end)))${inner}
      (br $pair)))
    ${kind === 'encode' ? '(i32.sub (local.get $k) (local.get $out))' : '(i32.shr_u (i32.sub (local.get $k) (local.get $out)) (i32.const 1))'})`;
}

/** The text of g722.wat. */
export function generateG722Wat() {
  const enc = body('encode').replace('(param $out i32)', '(param $out i32) (result i32)');
  const dec = body('decode').replace('(param $out i32)', '(param $out i32) (result i32)');
  return `;; Generated by media/codecs/wasm/g722-gen.js: do not edit (node media/codecs/wasm/g722-gen.js).
;; G.722 64 kbit/s encode(st, in, n, out) -> octets and decode(st, in, len, out) -> samples; see g722-js.ts.
(module
  (memory (export "mem") 1)
${enc}
${dec})
`;
}

export const G722_WAT_PATH = fileURLToPath(new URL('./g722.wat', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const wat = generateG722Wat();
  writeFileSync(G722_WAT_PATH, wat);
  console.log(`g722-gen.js: wrote g722.wat (${wat.length} characters)`);
}
