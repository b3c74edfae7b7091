// The shared RTP clock: ticks on a fixed grid, and a tick due while its timer waits behind I/O runs as
// soon as a packet handler asks (pollDue) — once, with the right number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RtpClock } from './clock.ts';

test('pollDue runs a due tick at once, only once, and never early', async () => {
  let now = 1000;
  const clock = new RtpClock(20, () => now);
  const ticks: number[] = [];
  clock.add({ onTick: (n) => ticks.push(n) });
  clock.pollDue(); // the grid point (1020) has not come
  assert.deepEqual(ticks, []);
  now = 1020.3; // due, but the timer has not fired (as when a round of packet callbacks is running)
  clock.pollDue();
  assert.deepEqual(ticks, [1]);
  clock.pollDue(); // the next tick is not due yet
  assert.deepEqual(ticks, [1]);
  now = 1041;
  clock.pollDue();
  assert.deepEqual(ticks, [1, 2]);
  // The real timer firing after a poll already ran its tick does not run it again.
  await new Promise((r) => setTimeout(r, 40));
  assert.deepEqual(ticks, [1, 2]);
  clock.stop();
});

test('ticks from the timer keep the grid with a real clock', async () => {
  const clock = new RtpClock(20);
  const late: number[] = [];
  const ticks: number[] = [];
  clock.onLateness = (ms) => late.push(ms);
  clock.add({ onTick: (n) => ticks.push(n) });
  await new Promise((r) => setTimeout(r, 130));
  clock.stop();
  assert.ok(ticks.length >= 4, `${ticks.length} ticks`);
  for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i] > ticks[i - 1], 'increasing numbers (a tick late by a whole period is skipped, not repeated)');
  assert.ok(late.every((ms) => ms >= 0), 'never early');
});
