import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentOutput } from '../types.ts';
import { Playout } from './playout.ts';

/** Output that records frames and the frame count each mark follows. */
class Out implements AgentOutput {
  readonly outputRate = 24000;
  frames: Int16Array[] = [];
  marks: { name: string; afterFrames: number }[] = [];
  sendAudio(pcm: Int16Array): void {
    this.frames.push(Int16Array.from(pcm));
  }
  mark(name: string): void {
    this.marks.push({ name, afterFrames: this.frames.length });
  }
  clear(): void {}
  hangup(): void {}
}

const bytes = (ms: number, v = 1) => new Uint8Array(new Int16Array(24 * ms).fill(v).buffer);

test('audio goes out in whole 20 ms frames with marks at the start, every 250 ms and at the end', () => {
  const out = new Out();
  const p = new Playout(out, { now: () => 0 });
  for (let i = 0; i < 15; i++) p.push('a', bytes(40)); // 600 ms in 40 ms deltas
  p.push('a', bytes(10)); // + a partial frame
  assert.equal(out.frames.length, 30);
  p.endItem('a');
  assert.equal(out.frames.length, 31, 'the partial frame is flushed, padded');
  assert.deepEqual([...out.frames[30].subarray(235, 245)], [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  // Marks follow the delta that crossed 250 ms of audio since the last one (deltas here are 40 ms).
  assert.deepEqual(out.marks.map((m) => m.afterFrames), [0, 14, 28, 31]);
});

test('played time: nothing before the start mark returns, then interpolated, capped at the next unreturned mark', () => {
  let now = 1000;
  const out = new Out();
  const played: string[] = [];
  const p = new Playout(out, { now: () => now, onPlayed: (id) => played.push(id) });
  for (let i = 0; i < 25; i++) p.push('a', bytes(40)); // 1 s
  p.endItem('a');
  const [start, m280, m560, m840, end] = out.marks.map((m) => m.name);
  assert.equal(out.marks.length, 5);
  now += 500;
  let cut = snapshot(p);
  assert.equal(cut, 0, 'no mark back yet: nothing is known to have played');
  p.onMark(start, false);
  now += 100;
  assert.equal(snapshot(p), 100);
  now += 400;
  assert.equal(snapshot(p), 280, 'capped at the 280 ms mark that has not come back');
  p.onMark(m280, false);
  p.onMark(m560, false);
  now += 30;
  cut = snapshot(p);
  assert.equal(cut, 590);
  p.onMark(m840, false);
  assert.deepEqual(played, []);
  p.onMark(end, false);
  assert.ok(p.idle, 'the end mark back: everything played');
  assert.deepEqual(played, ['a']);
  assert.deepEqual(p.interrupt(), []);
});

test('interrupt cuts the playing item at its played time and later items at 0, then forgets them', () => {
  let now = 0;
  const out = new Out();
  const p = new Playout(out, { now: () => now });
  p.push('a', bytes(300));
  p.push('b', bytes(300)); // a new item ends the previous one
  const names = out.marks.map((m) => m.name);
  p.onMark(names[0], false);
  now = 120;
  const cuts = p.interrupt();
  assert.deepEqual(cuts, [{ itemId: 'a', audioEndMs: 120, receivedMs: 300 }, { itemId: 'b', audioEndMs: 0, receivedMs: 300 }]);
  assert.ok(p.idle);
  assert.equal(p.onMark(names[1], true), false, 'marks of forgotten items are not ours any more');
  // The partial frame was dropped: new audio starts clean.
  const before = out.frames.length;
  p.push('c', bytes(20, 7));
  assert.equal(out.frames.length, before + 1);
  assert.ok(out.frames.at(-1)!.every((v) => v === 7));
});

test('played time never passes the real audio (the last frame is padding)', () => {
  let now = 0;
  const out = new Out();
  const p = new Playout(out, { now: () => now, markEveryMs: 10_000 });
  p.push('a', bytes(30));
  p.endItem('a');
  p.onMark(out.marks[0].name, false);
  now = 500;
  assert.deepEqual(p.interrupt(), [{ itemId: 'a', audioEndMs: 30, receivedMs: 30 }]);
});

/** Where the playing item would be cut now. */
const snapshot = (p: Playout): number => p.cuts()[0].audioEndMs;
