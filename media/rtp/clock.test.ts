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

test('phases: listeners are spread evenly and each ticks once a period, at its own offset, with that period\'s number', () => {
  let now = 1000;
  const clock = new RtpClock(20, () => now, 0, 4);
  const log = new Map<string, Array<[number, number]>>();
  const ls = 'abcdefgh'.split('').map((name) => ({ name, onTick: (n: number, at: number) => log.get(name)!.push([n, at]) }));
  for (const l of ls) {
    log.set(l.name, []);
    clock.add(l);
  }
  assert.deepEqual(ls.map((l) => clock.phase(l)), [0, 1, 2, 3, 0, 1, 2, 3]);
  for (let t = 1000; t <= 1080; t += 5) {
    now = t + 0.1;
    clock.pollDue();
  }
  for (const l of ls) {
    const ticks = log.get(l.name)!;
    const p = clock.phase(l)!;
    assert.ok(ticks.length >= 3, `${l.name}: ${ticks.length} ticks`);
    for (let i = 0; i < ticks.length; i++) {
      const [n, at] = ticks[i];
      assert.equal(Math.round((at - 0.1 - 1000 - 5 * p) / 20), n, `${l.name}: tick ${n} comes ${5 * p} ms into period ${n}`);
      assert.equal(clock.tickAt(at), n, 'the number is the period the tick falls in');
      if (i > 0) assert.equal(n, ticks[i - 1][0] + 1);
    }
  }
  clock.stop();
});

test('phases: a late timer runs the steps it missed, in order, each once', () => {
  let now = 1000;
  const clock = new RtpClock(20, () => now, 0, 4);
  const order: string[] = [];
  const ls = 'abcd'.split('').map((name) => ({ name, onTick: (n: number) => order.push(`${name}${n}`) }));
  for (const l of ls) clock.add(l);
  now = 1005.2;
  clock.pollDue(); // step 1: b's tick 0
  now = 1017.3; // steps 2 and 3 passed while the loop was busy
  clock.pollDue();
  now = 1017.9;
  clock.pollDue(); // nothing new is due
  assert.deepEqual(order, ['b0', 'c0', 'd0']);
  now = 1020.1;
  clock.pollDue();
  assert.deepEqual(order, ['b0', 'c0', 'd0', 'a1']);
  clock.stop();
});

test('phases: a listener that leaves frees its place; the next one joins the least loaded phase', () => {
  const clock = new RtpClock(20, undefined, 0, 2);
  const a = { onTick() {} };
  const b = { onTick() {} };
  const c = { onTick() {} };
  clock.add(a);
  clock.add(b);
  assert.deepEqual([clock.phase(a), clock.phase(b)], [0, 1]);
  clock.remove(a);
  clock.add(c);
  assert.equal(clock.phase(c), 0);
  assert.equal(clock.size, 2);
  assert.throws(() => new RtpClock(20, undefined, 0, 0), RangeError);
  clock.stop();
});

test('phases with a real clock: every listener still ticks every 20 ms', async () => {
  const clock = new RtpClock(20, undefined, 1, 4);
  const at = new Map<number, number[]>();
  for (let i = 0; i < 8; i++) {
    at.set(i, []);
    clock.add({ onTick: (_n, now) => at.get(i)!.push(now) });
  }
  await new Promise((r) => setTimeout(r, 170));
  clock.stop();
  for (const [i, times] of at) {
    assert.ok(times.length >= 5, `listener ${i}: ${times.length} ticks`);
    for (let k = 1; k < times.length; k++) assert.ok(Math.abs(times[k] - times[k - 1] - 20) < 15, `listener ${i}: ${times[k] - times[k - 1]} ms apart`);
  }
});

test('phases: a step that falls due while the previous step\'s round still runs goes at the next poll, not a step later', () => {
  let now = 1000;
  const clock = new RtpClock(20, () => now, 0, 4);
  const seen: string[] = [];
  const ls = 'abcd'.split('').map((name) => ({
    name,
    onTick: (n: number) => {
      seen.push(`${name}${n}`);
      if (name === 'c') now = 1015.5; // c's round is slow: d's step (1015) passes meanwhile
    },
  }));
  for (const l of ls) clock.add(l);
  now = 1005.1;
  clock.pollDue(); // b0
  now = 1010.1;
  clock.pollDue(); // c0, ending at 1015.5
  now = 1015.6;
  clock.pollDue();
  assert.deepEqual(seen, ['b0', 'c0', 'd0'], 'd0 ran at the first poll after its due time');
  clock.stop();
});

test('phases without listeners cost nothing: no wake-ups, no lateness samples for them', async () => {
  const clock = new RtpClock(20, undefined, 1, 4);
  let late = 0;
  let ticks = 0;
  clock.onLateness = () => late++;
  clock.add({ onTick: () => ticks++ });
  await new Promise((r) => setTimeout(r, 210));
  clock.stop();
  assert.ok(ticks >= 8 && ticks <= 11, `${ticks} ticks in 210 ms`);
  assert.equal(late, ticks, 'one lateness sample per tick that had listeners');
});

test('a listener added from inside a tick does not start a second timer chain', async () => {
  const clock = new RtpClock(20, undefined, 0, 2);
  // Count the clock's timers: two chains would arm about twice as many.
  const realSetTimeout = globalThis.setTimeout;
  let armed = 0;
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    armed++;
    return realSetTimeout(fn, ms);
  }) as typeof setTimeout;
  let first = 0;
  const added = { onTick() {} };
  try {
    clock.add({
      onTick: () => {
        first++;
        if (first === 1) clock.add(added);
      },
    });
    await new Promise((r) => realSetTimeout(r, 210));
  } finally {
    globalThis.setTimeout = realSetTimeout;
    clock.stop();
  }
  assert.ok(first >= 8 && first <= 11, `${first} ticks in 210 ms`);
  assert.ok(armed <= 26, `${armed} timers armed in 210 ms (steps every 10 ms: ~21 with one chain)`);
});
