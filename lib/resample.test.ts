import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PcmResampler } from './resample.ts';

function sine(freq: number, rate: number, n: number, amp = 12000): Int16Array {
  return Int16Array.from({ length: n }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * freq * i) / rate)));
}

function run(r: PcmResampler, x: Int16Array, chunk: number): Int16Array {
  const out: number[] = [];
  const dst = new Int16Array(chunk * 4 + 8);
  for (let i = 0; i < x.length; i += chunk) {
    const src = x.subarray(i, Math.min(x.length, i + chunk));
    const want = r.outputLength(src.length);
    const n = r.process(src, dst);
    assert.equal(n, want);
    for (let k = 0; k < n; k++) out.push(dst[k]);
  }
  return Int16Array.from(out);
}

/** Amplitude of the best-fitting sine at `freq` and the residual's RMS (after `skip` samples). */
function fit(y: Int16Array, freq: number, rate: number, skip: number): { amp: number; residual: number } {
  let ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
  for (let i = skip; i < y.length; i++) {
    const s = Math.sin((2 * Math.PI * freq * i) / rate);
    const c = Math.cos((2 * Math.PI * freq * i) / rate);
    ss += s * s; cc += c * c; sc += s * c; ys += y[i] * s; yc += y[i] * c;
  }
  const det = ss * cc - sc * sc;
  const a = (ys * cc - yc * sc) / det;
  const b = (yc * ss - ys * sc) / det;
  let err = 0;
  for (let i = skip; i < y.length; i++) err += (y[i] - a * Math.sin((2 * Math.PI * freq * i) / rate) - b * Math.cos((2 * Math.PI * freq * i) / rate)) ** 2;
  return { amp: Math.hypot(a, b), residual: Math.sqrt(err / (y.length - skip)) };
}

for (const inRate of [8000, 16000]) {
  test(`${inRate} Hz → 24 kHz: exact lengths per 20 ms frame, a clean tone at the right pitch and level`, () => {
    const r = new PcmResampler(inRate, 24000);
    const x = sine(1000, inRate, inRate); // 1 s
    const y = run(r, x, inRate / 50);
    assert.equal(y.length, 24000);
    const { amp, residual } = fit(y, 1000, 24000, 200);
    assert.ok(Math.abs(amp - 12000) < 120, `amplitude ${amp.toFixed(0)}`);
    assert.ok(residual < 12000 * 0.003, `residual ${residual.toFixed(1)} (>50 dB down)`);
  });
}

test('chunk boundaries do not matter: odd chunk sizes give the same samples as one pass', () => {
  const x = sine(700, 16000, 5000);
  const one = run(new PcmResampler(16000, 24000), x, 5000);
  const odd = run(new PcmResampler(16000, 24000), x, 37);
  assert.deepEqual(odd, one);
});

test('a constant stays constant; full scale saturates instead of wrapping; same rate copies', () => {
  const y = run(new PcmResampler(8000, 24000), new Int16Array(800).fill(1000), 160);
  for (let i = 100; i < y.length; i++) assert.equal(y[i], 1000);
  const sq = Int16Array.from({ length: 1600 }, (_, i) => ((i >> 4) & 1 ? 32767 : -32768));
  const z = run(new PcmResampler(16000, 24000), sq, 320);
  assert.ok(z.some((v) => v === 32767) && z.some((v) => v === -32768));
  const same = new PcmResampler(24000, 24000);
  const dst = new Int16Array(3);
  assert.equal(same.process(Int16Array.from([1, -2, 3]), dst), 3);
  assert.deepEqual([...dst], [1, -2, 3]);
});

test('content above the output Nyquist is filtered out when downsampling', () => {
  const y = run(new PcmResampler(24000, 8000), sine(6000, 24000, 24000), 480);
  assert.equal(y.length, 8000);
  let s = 0;
  for (let i = 100; i < y.length; i++) s += y[i] * y[i];
  assert.ok(Math.sqrt(s / (y.length - 100)) < 12000 * 0.01, 'a 6 kHz tone does not alias into 8 kHz audio');
});
