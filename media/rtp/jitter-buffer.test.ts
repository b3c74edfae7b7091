// The jitter buffer, frames in / frames out: playout starts at the target delay, reordering is free,
// losses are concealed (fading), late packets and duplicates are dropped, a talkspurt after silence
// re-anchors instead of "playing" the gap, bursts are skipped down to the target (bounded delay), the
// target follows the jitter within 40–60 ms, timestamps wrap, 10/30 ms packets are cut into 20 ms frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JitterBuffer } from './jitter-buffer.ts';

// A "codec" table where byte b decodes to b itself: frames carry their sequence number as sample values.
const ID = new Int16Array(256).map((_, i) => i);
const frame = (v: number, n = 160) => new Uint8Array(n).fill(v);

function run(jb: JitterBuffer, pops: number, now = 0): (number | string)[] {
  const out = new Int16Array(160);
  const got: (number | string)[] = [];
  for (let i = 0; i < pops; i++) {
    const r = jb.pop(out, now);
    got.push(r === 'audio' ? out[0] : r === 'concealed' ? `c${out[0]}` : '-');
  }
  return got;
}

test('plays from the target delay (40 ms), in order, reordering for free', () => {
  const jb = new JitterBuffer();
  jb.push(1000, frame(1), 0, 160, ID, 0);
  assert.deepEqual(run(jb, 1), ['-'], '20 ms buffered: not yet');
  jb.push(1320, frame(3), 0, 160, ID, 40);
  jb.push(1160, frame(2), 0, 160, ID, 41);
  assert.deepEqual(run(jb, 3), [1, 2, 3]);
  assert.deepEqual(run(jb, 1), ['-'], 'empty: waits');
  assert.equal(jb.played, 3);
  // A lone packet plays once it has waited the target delay (at most 60 ms).
  jb.push(160 * 200, frame(9), 0, 160, ID, 4000);
  assert.deepEqual(run(jb, 1, 4020), ['-']);
  assert.deepEqual(run(jb, 2, 4060), [9, '-']);
});

/** Tick by tick: at tick t the packets arrivals[t] (frame numbers) come in, then one frame is played. */
function sim(jb: JitterBuffer, arrivals: Record<number, number[]>, ticks: number, value = (k: number) => 10 + k): (number | string)[] {
  const got: (number | string)[] = [];
  for (let t = 0; t < ticks; t++) {
    for (const k of arrivals[t] ?? []) jb.push(k * 160, frame(value(k)), 0, 160, ID, t * 20);
    got.push(...run(jb, 1, t * 20));
  }
  return got;
}

test('a lost frame with audio behind it is concealed, fading; a late one is dropped; duplicates too', () => {
  const jb = new JitterBuffer();
  assert.deepEqual(sim(jb, { 0: [0], 1: [1], 3: [3], 4: [4], 5: [5, 5] }, 6), ['-', 10, 11, 'c8', 13, 14], 'the missing frame: the last one at 0.75');
  assert.equal(jb.duplicates, 1);
  assert.equal(jb.push(2 * 160, frame(12), 0, 160, ID, 120), false, 'too late now');
  assert.equal(jb.late, 1);
  assert.equal(jb.concealed, 1);
  // Several in a row fade out to silence.
  const jb2 = new JitterBuffer();
  assert.deepEqual(sim(jb2, { 0: [0], 1: [1], 2: [2], 3: [6] }, 8, () => 100), ['-', 100, 100, 100, 'c75', 'c50', 'c25', 100]);
  // More than the buffer holds missing: skipped down to the target, concealed, never half frames.
  const jb3 = new JitterBuffer();
  const got = sim(jb3, { 0: [0], 1: [1], 2: [2], 3: [9] }, 7, () => 100);
  assert.ok(got.every((v) => v === '-' || v === 100 || v === 'c75' || v === 'c50' || v === 'c25' || v === 'c0'), JSON.stringify(got));
  assert.ok(jb3.discarded > 0);
});

test('a new talkspurt after silence re-anchors: the gap is not played', () => {
  const jb = new JitterBuffer();
  for (let k = 0; k < 3; k++) jb.push(k * 160, frame(k + 1), 0, 160, ID, k * 20);
  assert.deepEqual(run(jb, 5), [1, 2, 3, '-', '-']);
  const base = 160 * 150; // 3 s later
  jb.push(base, frame(50), 0, 160, ID, 3000);
  assert.deepEqual(run(jb, 1), ['-']);
  jb.push(base + 160, frame(51), 0, 160, ID, 3020);
  assert.deepEqual(run(jb, 3), [50, 51, '-']);
  assert.equal(jb.concealed, 0);
});

test('bounded delay: a burst is skipped down to the target', () => {
  const jb = new JitterBuffer();
  for (let k = 0; k < 30; k++) jb.push(k * 160, frame(k), 0, 160, ID, 0);
  const first = run(jb, 1)[0] as number;
  assert.ok(first >= 27, `played from near the newest (${first})`);
  assert.ok(jb.discarded >= 25);
  assert.ok(jb.depth <= jb.target + 480);
});

test('the target follows jitter between 40 and 60 ms', () => {
  const calm = new JitterBuffer();
  for (let k = 0; k < 100; k++) calm.push(k * 160, frame(1), 0, 160, ID, k * 20);
  assert.equal(calm.target, 320);
  const rough = new JitterBuffer();
  for (let k = 0; k < 100; k++) rough.push(k * 160, frame(1), 0, 160, ID, k * 20 + (k % 2) * 30);
  assert.equal(rough.target, 480, `jitter ${(rough.jitter / 8).toFixed(1)} ms`);
  const some = new JitterBuffer();
  for (let k = 0; k < 200; k++) some.push(k * 160, frame(1), 0, 160, ID, k * 20 + (k % 2) * 3);
  assert.ok(some.target > 320 && some.target < 480, `in between: ${some.target}`);
});

test('timestamps wrap around 2^32; 10 ms and 30 ms packets make 20 ms frames', () => {
  const jb = new JitterBuffer();
  const start = 2 ** 32 - 320;
  const got: (number | string)[] = [];
  for (let k = 0; k < 6; k++) {
    jb.push((start + k * 160) >>> 0, frame(k + 1), 0, 160, ID, k * 20);
    got.push(...run(jb, 1));
  }
  assert.deepEqual(got, ['-', 1, 2, 3, 4, 5]);
  const ten = new JitterBuffer();
  for (let k = 0; k < 4; k++) ten.push(k * 80, frame(k + 1, 80), 0, 80, ID, k * 10);
  const out = new Int16Array(160);
  assert.equal(ten.pop(out, 0), 'audio');
  assert.deepEqual([out[0], out[80]], [1, 2]);
  const thirty = new JitterBuffer();
  const frames: (number | string)[] = [];
  // 30 ms packets every 30 ms, 20 ms frames every 20 ms.
  for (let ms = 0, k = 0; ms < 160; ms += 10) {
    if (ms % 30 === 0) thirty.push(k * 240, frame(++k, 240), 0, 240, ID, ms);
    if (ms % 20 === 0) frames.push(...run(thirty, 1, ms));
  }
  assert.deepEqual(frames.filter((f) => f !== '-'), [1, 1, 2, 3, 3, 4], 'frame k starts at sample 160k: inside packet floor(160k / 240)');
});
