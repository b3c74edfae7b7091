import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HALFBAND_TAPS } from './halfband.ts';

/** Magnitude (dB) of the half-band low-pass at f (cycles/sample of the high rate; 0.25 = lower Nyquist). */
function responseDb(f: number): number {
  let re = 0.5;
  HALFBAND_TAPS.forEach((h, i) => {
    re += 2 * h * Math.cos(2 * Math.PI * f * (2 * i + 1)); // symmetric taps ±(2i+1): a real response
  });
  return 20 * Math.log10(Math.abs(re));
}

test('half-band filter: unity DC gain, flat telephone band, ≥ 55 dB stopband from 1.15 × the lower Nyquist', () => {
  assert.ok(Math.abs(responseDb(0)) < 1e-9, 'DC gain is exactly 1');
  for (let f = 0; f <= 0.25 * 0.85; f += 0.001) assert.ok(Math.abs(responseDb(f)) < 0.1, `passband ripple at ${(f / 0.25).toFixed(2)} fN: ${responseDb(f).toFixed(3)} dB`);
  for (let f = 0.25 * 1.15; f <= 0.5; f += 0.001) assert.ok(responseDb(f) < -55, `stopband at ${(f / 0.25).toFixed(2)} fN: ${responseDb(f).toFixed(1)} dB`);
  assert.ok(Math.abs(responseDb(0.25) + 6.02) < 0.1, 'half-band: -6 dB at the lower Nyquist');
});
