// Reference codec sanity checks (known g711.c values, round trip) and tone detection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goertzelPower, pcmToUlaw, rms, tone, ulawToPcm } from './audio.ts';
import { PlaybackModel } from './playback.ts';

test('µ-law matches g711.c reference points', () => {
  assert.deepEqual([...pcmToUlaw(new Int16Array([0, -1, 32767, -32768, 1000, -1000]))], [0xff, 0x7f, 0x80, 0x00, 0xce, 0x4e]);
  assert.deepEqual([...ulawToPcm(new Uint8Array([0xff, 0x7f, 0x80, 0x00]))], [0, 0, 32124, -32124]);
});

test('every µ-law code decodes and re-encodes to itself (0x7f is -0 → 0xff)', () => {
  for (let code = 0; code < 256; code++) {
    const back = pcmToUlaw(ulawToPcm(new Uint8Array([code])))[0];
    assert.equal(back, code === 0x7f ? 0xff : code, `code ${code}`);
  }
});

test('tone survives the codec and is found by Goertzel', () => {
  const pcm = tone(1000, 200, 8000, 0.5);
  assert.equal(pcm.length, 1600);
  const decoded = ulawToPcm(pcmToUlaw(pcm));
  assert.ok(Math.abs(rms(decoded) - 0.5 * 32767 * Math.SQRT1_2) < 300);
  const on = goertzelPower(decoded, 8000, 1000);
  const off = goertzelPower(decoded, 8000, 1400);
  assert.ok(on > 1000 * off, `on ${on} off ${off}`);
  assert.equal(rms(new Int16Array(0)), 0);
});

test('PlaybackModel: timing, underrun and clear', () => {
  const p = new PlaybackModel();
  p.addAudio(Buffer.alloc(800, 1), 0); // plays 0..100 ms
  p.addMark('a', 10);
  assert.deepEqual(p.takeDueMarks(99), []);
  assert.equal(p.playedBytes(50), 400);
  assert.deepEqual(p.takeDueMarks(100), ['a']);
  p.addAudio(Buffer.alloc(800, 2), 300); // underrun: starts at 300, not 100
  p.addMark('b', 300);
  assert.equal(p.nextMarkDue(), 400);
  assert.deepEqual(p.clear(325), ['b']);
  assert.equal(p.playedAudio(1000).length, 1000);
  assert.equal(p.queuedMs(1000), 0);
});
