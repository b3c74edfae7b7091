// resampleBuffer: arbitrary-ratio resampling of whole utterances (espeak-ng's 22050 Hz → 16 kHz).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resampleBuffer } from './resample-any.js';

function tone(rate: number, hz: number, seconds: number, amp = 10000): Int16Array {
  const n = Math.round(rate * seconds);
  const a = new Int16Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.round(amp * Math.sin((2 * Math.PI * hz * i) / rate));
  return a;
}

/** Amplitude of the `hz` component (Goertzel), over samples [from, to). */
function goertzelAmp(x: Int16Array, rate: number, hz: number, from = 0, to = x.length): number {
  const n = to - from;
  const w = (2 * Math.PI * hz) / rate;
  const coeff = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s = x[i] + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return (2 * Math.sqrt(Math.max(0, power))) / n;
}

function rms(x: Int16Array, from = 0, to = x.length): number {
  let acc = 0;
  for (let i = from; i < to; i++) acc += x[i] * x[i];
  return Math.sqrt(acc / (to - from));
}

const db = (ratio: number) => 20 * Math.log10(ratio);

test('22050 → 16000: a 1 kHz tone stays a 1 kHz tone at the same level', () => {
  const src = tone(22050, 1000, 0.5);
  const out = resampleBuffer(src, 22050, 16000);
  // Length follows the rate ratio.
  assert.equal(out.length, Math.floor((src.length * 16000) / 22050));
  // Away from the edges (taps truncated there), 400 ms of steady tone.
  const from = 800;
  const to = from + 6400; // whole number of 1 kHz periods at 16 kHz
  const a1k = goertzelAmp(out, 16000, 1000, from, to);
  assert.ok(Math.abs(a1k - 10000) < 200, `1 kHz amplitude ${a1k.toFixed(0)} (want ≈ 10000)`);
  // Energy is all at 1 kHz: the residue after the tone is tiny.
  for (const hz of [500, 2000, 3000, 5000, 7000]) {
    const other = goertzelAmp(out, 16000, hz, from, to);
    assert.ok(db(other / a1k) < -50, `${hz} Hz at ${db(other / a1k).toFixed(1)} dB`);
  }
  assert.ok(Math.abs(rms(out, from, to) - 10000 / Math.SQRT2) < 150);
});

test('the output is phase-aligned with the input (no time shift)', () => {
  const src = tone(22050, 1000, 0.2);
  const out = resampleBuffer(src, 22050, 16000);
  // Compare against the ideal 1 kHz sine sampled at 16 kHz.
  const ideal = tone(16000, 1000, 0.2);
  let err = 0;
  for (let i = 400; i < 2800; i++) err = Math.max(err, Math.abs(out[i] - ideal[i]));
  assert.ok(err < 150, `max deviation from the ideal sine ${err}`);
});

test('going down, content above the new Nyquist is filtered out instead of aliasing', () => {
  // 10 kHz at 22050 Hz would alias to 6 kHz at 16 kHz.
  const src = tone(22050, 10000, 0.3);
  const out = resampleBuffer(src, 22050, 16000);
  const alias = goertzelAmp(out, 16000, 6000, 400, out.length - 400);
  assert.ok(db(alias / 10000) < -30, `6 kHz alias at ${db(alias / 10000).toFixed(1)} dB`);
});

test('other ratios: 24000 → 16000, 16000 → 22050 (up), 8000 → 16000 keep the tone and length', () => {
  for (const [inR, outR] of [[24000, 16000], [16000, 22050], [8000, 16000], [44100, 16000]] as const) {
    const src = tone(inR, 1000, 0.3);
    const out = resampleBuffer(src, inR, outR);
    assert.equal(out.length, Math.floor((src.length * outR) / inR), `${inR}→${outR}`);
    const from = Math.round(outR * 0.05);
    const to = from + Math.round(outR * 0.2);
    const a = goertzelAmp(out, outR, 1000, from, to);
    assert.ok(Math.abs(a - 10000) < 300, `${inR}→${outR}: 1 kHz amplitude ${a.toFixed(0)}`);
  }
});

test('same rate returns an equal copy, not the same array', () => {
  const src = tone(16000, 440, 0.05);
  const out = resampleBuffer(src, 16000, 16000);
  assert.notEqual(out, src);
  assert.deepEqual(out, src);
  out[0] = 123;
  assert.notEqual(src[0], 123);
});

test('silence stays silence; full-scale input saturates instead of wrapping', () => {
  assert.ok(resampleBuffer(new Int16Array(2205), 22050, 16000).every((s) => s === 0));
  // A full-scale square wave overshoots under a low-pass filter (Gibbs); samples must clamp, not wrap
  // (a wrap shows as the wrong sign right next to an edge, where the overshoot is).
  const half = 40;
  const sq = new Int16Array(22050 / 10);
  for (let i = 0; i < sq.length; i++) sq[i] = Math.floor(i / half) % 2 === 0 ? 32767 : -32768;
  const out = resampleBuffer(sq, 22050, 16000);
  const ratio = 16000 / 22050;
  for (let i = 0; i < out.length; i++) {
    const center = i / ratio;
    const posInHalf = center % half;
    if (posInHalf < 2 || posInHalf > half - 2) continue; // on an edge: any value goes
    const high = Math.floor(center / half) % 2 === 0;
    assert.equal(out[i] > 0, high, `sample ${i} (${out[i]}) has the wrong sign`);
  }
  assert.ok(out.some((s) => s === 32767) || out.some((s) => s === -32768), 'clamped at the rails');
});

test('empty and tiny inputs', () => {
  assert.equal(resampleBuffer(new Int16Array(0), 22050, 16000).length, 0);
  assert.equal(resampleBuffer(new Int16Array(1), 22050, 16000).length, 0);
  const two = resampleBuffer(Int16Array.of(1000, 1000), 22050, 16000);
  assert.equal(two.length, 1);
  assert.equal(two[0], 1000, 'a constant is kept (taps renormalised at the edges)');
});
