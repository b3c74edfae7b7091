import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resampler, createResampler, designFilter, bytesToInt16, int16ToBytes, SUPPORTED_RATES } from './resampler.ts';

const PAIRS: [number, number][] = [];
for (const a of SUPPORTED_RATES) for (const b of SUPPORTED_RATES) if (a !== b) PAIRS.push([a, b]);

function sine(freq: number, rate: number, n: number, amp = 16000, phase = 0): Int16Array {
  return Int16Array.from({ length: n }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * freq * i) / rate + phase)));
}

/** Run `x` through `r` in frames of the given sizes (cycled); returns the concatenated output. */
function run(r: Resampler, x: Int16Array, frameSizes: number[] = [(r.inRate * 20) / 1000]): Int16Array {
  const out = new Int16Array(Math.ceil((x.length * r.outRate) / r.inRate) + 16);
  const dst = new Int16Array(out.length);
  let pos = 0;
  let w = 0;
  for (let f = 0; pos < x.length; f++) {
    const len = Math.min(frameSizes[f % frameSizes.length], x.length - pos);
    const expected = r.outputLength(len);
    const got = r.process(x.subarray(pos, pos + len), dst);
    assert.equal(got, expected);
    out.set(dst.subarray(0, got), w);
    w += got;
    pos += len;
  }
  return out.subarray(0, w);
}

/** SNR (dB) of y[skip..] against the least-squares best a*sin + b*cos at `freq` (absorbs gain and delay). */
function toneSnr(y: Int16Array, freq: number, rate: number, skip: number): number {
  let ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
  for (let i = skip; i < y.length; i++) {
    const s = Math.sin((2 * Math.PI * freq * i) / rate);
    const c = Math.cos((2 * Math.PI * freq * i) / rate);
    ss += s * s; cc += c * c; sc += s * c; ys += y[i] * s; yc += y[i] * c;
  }
  const det = ss * cc - sc * sc;
  const a = (ys * cc - yc * sc) / det;
  const b = (yc * ss - ys * sc) / det;
  let sig = 0, err = 0;
  for (let i = skip; i < y.length; i++) {
    const fit = a * Math.sin((2 * Math.PI * freq * i) / rate) + b * Math.cos((2 * Math.PI * freq * i) / rate);
    sig += fit * fit;
    err += (y[i] - fit) ** 2;
  }
  return 10 * Math.log10(sig / err);
}

function rms(a: Int16Array, skip: number): number {
  let s = 0;
  for (let i = skip; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s / (a.length - skip));
}

const warmup = (r: Resampler) => Math.ceil(2 * r.delay) + 8;

test('20 ms frames give exact output lengths at every ratio, every call', () => {
  for (const a of SUPPORTED_RATES) {
    for (const b of SUPPORTED_RATES) {
      const r = createResampler(a, b);
      const src = new Int16Array(a / 50);
      const dst = new Int16Array(b / 50);
      for (let k = 0; k < 10; k++) {
        assert.equal(r.outputLength(src.length), b / 50, `${a}->${b}`);
        assert.equal(r.process(src, dst), b / 50, `${a}->${b} frame ${k}`);
      }
    }
  }
  assert.equal(new Resampler(8000, 16000).outputLength(160), 320);
  assert.equal(new Resampler(16000, 8000).outputLength(320), 160);
  assert.equal(new Resampler(24000, 16000).outputLength(480), 320);
});

test('round trips keep a 1 kHz tone clean (SNR >= 60 dB; spec minimum 40)', () => {
  for (const [lo, hi] of [[8000, 16000], [16000, 48000], [24000, 16000]]) {
    const up = new Resampler(lo, hi);
    const down = new Resampler(hi, lo);
    const y = run(down, run(up, sine(1000, lo, lo)));
    const snr = toneSnr(y, 1000, lo, warmup(up) + warmup(down));
    assert.ok(snr >= 60, `${lo}->${hi}->${lo}: ${snr.toFixed(1)} dB`);
  }
});

test('every ratio passes in-band tones cleanly (low and near the band edge)', () => {
  for (const [a, b] of PAIRS) {
    const fN = Math.min(a, b) / 2;
    for (const freq of [1000, 0.7 * fN]) {
      const r = new Resampler(a, b);
      const y = run(r, sine(freq, a, a / 2));
      const snr = toneSnr(y, freq, b, warmup(r));
      // Images / aliases and rounding are the only error sources; the filter's gain/phase is fitted away.
      // 2:1 ratios run the shorter half-band filter (≥ 57 dB stopband), the others the 32-tap polyphase.
      const min = a === 2 * b || b === 2 * a ? 55 : 70;
      assert.ok(snr >= min, `${a}->${b} @${freq} Hz: ${snr.toFixed(1)} dB`);
    }
  }
});

test('tones above the output Nyquist are attenuated >= 60 dB (anti-alias; spec minimum 40)', () => {
  const cases: [number, number, number][] = [
    [16000, 8000, 6000], [24000, 8000, 5000], [48000, 8000, 5000],
    [48000, 16000, 10000], [24000, 16000, 10000], [48000, 24000, 14000], [16000, 8000, 4800],
  ];
  for (const [a, b, freq] of cases) {
    const r = new Resampler(a, b);
    const x = sine(freq, a, a / 2);
    const att = 20 * Math.log10(rms(run(r, x), warmup(r)) / rms(x, 0));
    // Half-band (2:1) stages stop from 1.15 × the lower Nyquist (4.6 kHz at 8 kHz) with ≥ 55 dB.
    const min = a === 2 * b ? 55 : 60;
    assert.ok(att <= -min, `${a}->${b} @${freq} Hz: ${att.toFixed(1)} dB`);
  }
});

test('prototype filters reject >= 60 dB from the lower Nyquist up', () => {
  for (const [a, b] of PAIRS) {
    const { L, M, K, coeffs } = designFilter(a, b);
    const fN = 1 / (2 * Math.max(L, M)); // lower Nyquist in cycles/sample at the L*a rate
    let worst = -Infinity;
    for (let f = fN; f <= 0.5; f += fN / 200) {
      let re = 0, im = 0;
      for (let j = 0; j < L * K; j++) {
        const h = coeffs[(j % L) * K + (K - 1 - Math.floor(j / L))];
        re += h * Math.cos(2 * Math.PI * f * j);
        im -= h * Math.sin(2 * Math.PI * f * j);
      }
      worst = Math.max(worst, 20 * Math.log10(Math.hypot(re, im) / L));
    }
    assert.ok(worst <= -60, `${a}->${b}: ${worst.toFixed(1)} dB`);
    assert.equal(designFilter(a, b).coeffs, coeffs, 'coefficients are cached');
  }
});

test('frame-by-frame processing equals one-shot processing (streaming continuity)', () => {
  for (const [a, b] of PAIRS) {
    const x = Int16Array.from(sine(440, a, a / 4, 9000), (v, i) => v + ((i * 7919) % 2001) - 1000);
    const whole = run(new Resampler(a, b), x, [x.length]);
    const frames = run(new Resampler(a, b), x);
    const ragged = run(new Resampler(a, b), x, [1, 7, 13, 0, 160, 3, 29]);
    assert.deepEqual(frames, whole, `${a}->${b} 20 ms frames`);
    assert.deepEqual(ragged, whole, `${a}->${b} ragged frames`);
  }
});

test('silence in gives silence out; DC passes exactly; reset() clears history', () => {
  for (const [a, b] of PAIRS) {
    const r = new Resampler(a, b);
    assert.ok(run(r, new Int16Array(a / 10)).every((v) => v === 0), `${a}->${b} silence`);
    const dc = run(r, new Int16Array(a / 10).fill(1000));
    assert.ok(dc.subarray(warmup(r)).every((v) => v === 1000), `${a}->${b} dc`);
    r.reset();
    assert.ok(run(r, new Int16Array(a / 50)).every((v) => v === 0), `${a}->${b} after reset`);
  }
});

test('full-scale input saturates instead of wrapping', () => {
  for (const [a, b] of PAIRS) {
    const r = new Resampler(a, b);
    const half = a / 100; // 50 Hz full-scale square wave: Gibbs overshoot must clip
    const x = Int16Array.from({ length: a / 5 }, (_, i) => (Math.floor(i / half) % 2 ? -32768 : 32767));
    const y = run(r, x);
    assert.equal(Math.max(...y), 32767, `${a}->${b} clips high`);
    assert.equal(Math.min(...y), -32768, `${a}->${b} clips low`);
    const lowSample = b / Math.min(a, b); // one lower-rate sample, in output samples
    const halfOut = (half * b) / a;
    for (let m = warmup(r); m < y.length; m++) {
      const t = m - r.delay; // output time of the corresponding input instant
      const posInHalf = ((t % halfOut) + halfOut) % halfOut;
      if (posInHalf < 2 * lowSample || halfOut - posInHalf < 2 * lowSample) continue; // transition
      const sign = Math.floor(t / halfOut) % 2 ? -1 : 1;
      assert.ok(sign * y[m] > 25000, `${a}->${b} y[${m}]=${y[m]} expected ${sign > 0 ? '+' : '-'}full scale`);
    }
  }
});

test('same-rate passthrough copies', () => {
  const r = new Resampler(16000, 16000);
  const x = sine(1000, 16000, 320);
  const y = new Int16Array(320);
  assert.equal(r.process(x, y), 320);
  assert.deepEqual(y, x);
  assert.equal(r.delay, 0);
});

test('argument checks', () => {
  assert.throws(() => new Resampler(44100, 48000), RangeError);
  assert.throws(() => new Resampler(8000, 16000).process(new Int16Array(160), new Int16Array(319)), RangeError);
});

test('bytesToInt16 / int16ToBytes (little-endian)', () => {
  const mem = new Uint8Array(9);
  mem.set([0x01, 0x00, 0xff, 0x7f, 0x00, 0x80, 0xff, 0xff], 1); // 1, 32767, -32768, -1 at odd offset
  const scratch = new Int16Array(8);
  const unaligned = bytesToInt16(mem.subarray(1), scratch);
  assert.deepEqual([...unaligned], [1, 32767, -32768, -1]);
  assert.equal(unaligned.buffer, scratch.buffer, 'copied into the caller scratch');
  assert.deepEqual([...bytesToInt16(mem.subarray(1))], [1, 32767, -32768, -1], 'no scratch: fresh copy');

  const aligned = new Uint8Array(8);
  aligned.set(mem.subarray(1));
  const view = bytesToInt16(aligned);
  assert.deepEqual([...view], [1, 32767, -32768, -1]);
  view[0] = 2;
  assert.equal(aligned[0], 2, 'aligned input is a view, not a copy');

  const samples = Int16Array.of(0x1234, -2);
  const bytes = int16ToBytes(samples);
  assert.deepEqual([...bytes], [0x34, 0x12, 0xfe, 0xff]);
  assert.equal(bytes.buffer, samples.buffer);
  assert.throws(() => bytesToInt16(new Uint8Array(3)), RangeError);
  assert.throws(() => bytesToInt16(mem.subarray(1), new Int16Array(2)), RangeError);
});
