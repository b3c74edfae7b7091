import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  HalfbandUp2, HalfbandDown2, HalfbandUp2Js, HalfbandDown2Js, HalfbandUp2Wasm, HalfbandDown2Wasm, WASM_SIMD_AVAILABLE,
  type HalfbandStage,
} from './halfband.ts';
import { slotStats } from './halfband-wasm.ts';
import { Resampler } from './resampler.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const noWasm = WASM_SIMD_AVAILABLE ? false : 'WebAssembly SIMD unavailable (or MEDIA_HALFBAND_WASM=0): only the JS fallback runs';

let seed = 12345;
const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
/** Random s16 with ~5% full-scale samples (exercises saturation). */
const noise = (n: number): Int16Array =>
  Int16Array.from({ length: n }, () => (rand() < 0.05 ? (rand() < 0.5 ? 32767 : -32768) : Math.round((rand() * 2 - 1) * 20000)));

/** Feeds the same frames to a and b; asserts equal lengths, |a - b| ≤ 1, and that ±1 is rare (no bias). */
function compare(a: HalfbandStage, b: HalfbandStage, frames: Int16Array[], label: string): number {
  let count = 0;
  let off = 0;
  for (const [f, x] of frames.entries()) {
    const n = x.length;
    assert.equal(a.outputLength(n), b.outputLength(n), `${label} outputLength, frame ${f}`);
    const ya = new Int16Array(2 * n + 1);
    const yb = new Int16Array(2 * n + 1);
    const got = a.process(x, ya, n);
    assert.equal(b.process(x, yb, n), got, `${label} output count, frame ${f}`);
    for (let i = 0; i < got; i++) {
      if (Math.abs(ya[i] - yb[i]) > 1) assert.fail(`${label} frame ${f} sample ${i}: ${ya[i]} vs ${yb[i]}`);
      if (ya[i] !== yb[i]) off++;
    }
    count += got;
  }
  // f32 vs f64 flips a rounding only next to a .5 boundary: ~0.05% of samples here.
  assert.ok(count < 10_000 || off <= count / 1000, `${label}: ${off} of ${count} samples differ by 1`);
  return count;
}

test('WASM SIMD is the selected implementation where available', () => {
  assert.equal(HalfbandUp2, WASM_SIMD_AVAILABLE ? HalfbandUp2Wasm : HalfbandUp2Js);
  assert.equal(HalfbandDown2, WASM_SIMD_AVAILABLE ? HalfbandDown2Wasm : HalfbandDown2Js);
  if (process.env.MEDIA_HALFBAND_WASM !== '0') assert.ok(WASM_SIMD_AVAILABLE, 'Node 20+ has WASM SIMD: the fast path must load');
});

test('WASM and JS stages agree within ±1 LSB on random input (20 ms, ragged, long frames)', { skip: noWasm }, () => {
  const sizes = [160, 320, 1, 7, 0, 13, 160, 3, 5000, 29, 960, 2, 31, 4096, 2049];
  const frames = Array.from({ length: 600 }, (_, i) => noise(i < 300 ? 320 : sizes[i % sizes.length]));
  assert.ok(compare(new HalfbandUp2Js(), new HalfbandUp2Wasm(), frames, 'up2') > 200_000);
  assert.ok(compare(new HalfbandDown2Js(), new HalfbandDown2Wasm(), frames, 'down2') > 50_000);
});

test('2000 calls worth of stages coexist (memory grows under them) without crosstalk', { skip: noWasm }, () => {
  const N = 2000;
  const inUse0 = slotStats().inUse;
  const stages: [HalfbandStage, HalfbandStage][] = [];
  const refs: [HalfbandStage, HalfbandStage][] = [];
  const signal = (s: number, f: number) => noise(160).map((v) => (v >> 2) + ((s * 37 + f * 11) % 5000));
  for (let frame = 0; frame < 3; frame++) {
    for (let s = 0; s < N; s++) {
      if (frame === 0) {
        stages.push([new HalfbandUp2Wasm(), new HalfbandDown2Wasm()]);
        refs.push([new HalfbandUp2Js(), new HalfbandDown2Js()]);
      }
      const x = signal(s, frame);
      const up = compare(refs[s][0], stages[s][0], [x], `up2 #${s}`);
      assert.equal(up, 320);
      compare(refs[s][1], stages[s][1], [x], `down2 #${s}`);
    }
  }
  assert.equal(slotStats().inUse, inUse0 + 2 * N);
  for (const [u, d] of stages) (u.dispose(), d.dispose());
  assert.equal(slotStats().inUse, inUse0, 'dispose() returns every slot');
  const { allocated } = slotStats();
  // Reused slots start clean: a new stage behaves like a fresh JS one.
  const again = compare(new HalfbandUp2Js(), new HalfbandUp2Wasm(), [noise(160), noise(160)], 'reused slot');
  assert.equal(again, 640);
  assert.equal(slotStats().allocated, allocated, 'freed slots are reused before memory grows');
});

test('dispose() is idempotent, process() after it throws; reset() clears history', { skip: noWasm }, () => {
  const d = new HalfbandDown2Wasm();
  const y = new Int16Array(200);
  d.process(noise(321), y, 321);
  assert.equal(d.outputLength(1), 1, 'one sample pending');
  d.reset();
  assert.equal(d.outputLength(1), 0);
  assert.equal(d.process(new Int16Array(320), y, 320), 160);
  assert.ok(y.subarray(0, 160).every((v) => v === 0), 'reset() cleared the history');
  d.dispose();
  d.dispose();
  assert.throws(() => d.process(new Int16Array(320), y, 320), /dispose/);
  const r = new Resampler(8000, 16000);
  r.dispose();
  assert.throws(() => r.process(new Int16Array(160), new Int16Array(320)), /dispose/);
});

test('process() does not allocate per call', { skip: noWasm }, () => {
  const up = new HalfbandUp2Wasm();
  const down = new HalfbandDown2Wasm();
  const [x, mid, y] = [noise(160), new Int16Array(320), new Int16Array(160)];
  const pair = () => (up.process(x, mid, 160), down.process(mid, y, 320));
  for (let i = 0; i < 1000; i++) pair();
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  // Even one small object per call would be ~5 MB over 100k calls; the 1 MB margin absorbs what the
  // JIT and other test files running in parallel allocate meanwhile.
  for (let i = 0; i < 100_000; i++) pair();
  assert.ok(process.memoryUsage().heapUsed - heap0 < 1024 * 1024, `${process.memoryUsage().heapUsed - heap0} bytes`);
});

test('stages dropped without dispose() give their slots back after GC', { skip: noWasm }, async () => {
  const inUse0 = slotStats().inUse;
  (() => {
    for (let i = 0; i < 500; i++) new HalfbandUp2Wasm().process(noise(8), new Int16Array(16), 8);
  })();
  assert.ok(slotStats().inUse >= inUse0 + 400, 'not collected yet');
  for (let i = 0; i < 20 && slotStats().inUse > inUse0; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.ok(slotStats().inUse <= inUse0, `${slotStats().inUse - inUse0} of 500 slots not returned`);
});

test('MEDIA_HALFBAND_WASM=0 selects the JS fallback', () => {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', "const m = await import('./media/codecs/halfband.ts'); console.log(m.HalfbandUp2 === m.HalfbandUp2Js)"],
    { cwd: root, env: { ...process.env, MEDIA_HALFBAND_WASM: '0' }, encoding: 'utf8' },
  );
  assert.equal(r.stdout.trim(), 'true', r.stderr);
});

test('the embedded WASM matches a fresh build of wasm/halfband.wat', (t) => {
  const r = spawnSync(process.execPath, ['media/codecs/wasm/build.js', '--check'], { cwd: root, encoding: 'utf8' });
  if (r.status === 3) return t.skip(`not checked: ${r.stderr.trim()}`);
  assert.equal(r.status, 0, r.stderr || r.stdout);
});
