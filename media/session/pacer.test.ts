// PlayoutClock with an explicit clock: bursts up to the lead, then one chunk per chunkMs, restarts
// after an underrun, reset after clear. No timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlayoutClock, type PacedOutput } from './pacer.ts';
import { OutboundQueue } from './outbound-queue.ts';

const CHUNK = 160; // 20 ms at 8 kHz

interface Sent {
  kind: 'audio' | 'mark';
  value: number | string;
}

function harness(capacity = 8000 * 10) {
  const queue = new OutboundQueue(capacity, CHUNK);
  const sent: Sent[] = [];
  const out: PacedOutput = {
    queue,
    sendChunk: (c) => (sent.push({ kind: 'audio', value: c[0] }), true),
    sendMark: (name) => sent.push({ kind: 'mark', value: name }),
  };
  let next = 1;
  /** Queues `chunks` 20 ms chunks; each chunk's samples all equal its index (1, 2, …). */
  const push = (chunks: number) => {
    for (let k = 0; k < chunks; k++) queue.push(new Int16Array(CHUNK).fill(next++));
  };
  return { queue, out, sent, push };
}

const audioCount = (s: Sent[]) => s.filter((x) => x.kind === 'audio').length;

test('a burst sends exactly leadMs/chunkMs chunks at t=0, then one per 20 ms', () => {
  const { out, sent, push } = harness();
  push(50);
  const clock = new PlayoutClock(20, 100);
  assert.equal(clock.pump(out, 0), 5);
  assert.deepEqual(sent.map((s) => s.value), [1, 2, 3, 4, 5]);
  assert.equal(clock.ahead(0), 100);
  // Between chunk boundaries nothing more may go out.
  assert.equal(clock.pump(out, 0), 0);
  assert.equal(clock.pump(out, 10), 0);
  assert.equal(clock.pump(out, 19.9), 0);
  for (let t = 20; t <= 400; t += 20) {
    assert.equal(clock.pump(out, t), 1, `t=${t}`);
    assert.equal(clock.ahead(t), 100);
  }
  assert.equal(audioCount(sent), 5 + 20);
  assert.deepEqual(sent.map((s) => s.value), Array.from({ length: 25 }, (_, i) => i + 1), 'in order, nothing skipped');
});

test('never more than leadMs ahead, whatever the pump pattern', () => {
  const { out, push } = harness();
  push(400);
  const clock = new PlayoutClock(20, 100);
  let total = 0;
  // Irregular pump times, some repeated, some 1 ms apart, some with long gaps (still below underrun).
  const times = [0, 0, 1, 3, 7, 19, 20, 21, 39, 40, 41, 55, 60, 61, 99, 100, 100, 137, 140, 150, 179, 200, 213, 250, 260];
  for (const t of times) {
    total += clock.pump(out, t);
    assert.ok(clock.ahead(t) <= 100, `t=${t}: ahead ${clock.ahead(t)} > lead`);
    // Sent audio never exceeds elapsed time plus the lead.
    assert.ok(total * 20 <= t + 100, `t=${t}: ${total} chunks sent`);
  }
  // Pumping at t=260 sends up to 260+100 ms of audio exactly.
  assert.equal(total, (260 + 100) / 20);
});

test('a late pump sends the chunks it owes, still capped at the lead', () => {
  const { out, push } = harness();
  push(100);
  const clock = new PlayoutClock(20, 100);
  clock.pump(out, 0);
  // 70 ms later: 3 chunks (60 ms) have played at the far end, so 3 more fit.
  assert.equal(clock.pump(out, 70), 3);
  assert.ok(clock.ahead(70) <= 100);
});

test('an underrun restarts a fresh burst from the current time', () => {
  const { out, sent, push } = harness();
  push(3);
  const clock = new PlayoutClock(20, 100);
  assert.equal(clock.pump(out, 0), 3, 'only 3 chunks queued');
  assert.equal(clock.pump(out, 20), 0, 'queue empty');
  // The far end has played everything by t=60; at t=500 new audio arrives: a new burst of 5.
  push(20);
  assert.ok(clock.ahead(500) < 0);
  assert.equal(clock.pump(out, 500), 5);
  assert.equal(clock.ahead(500), 100);
  assert.equal(clock.pump(out, 510), 0);
  assert.equal(clock.pump(out, 520), 1);
  assert.equal(audioCount(sent), 9);
});

test('audio arriving while the far end is still playing continues the burst (no second full burst)', () => {
  const { out, push } = harness();
  push(5);
  const clock = new PlayoutClock(20, 100);
  assert.equal(clock.pump(out, 0), 5);
  push(10);
  // At t=30, 1.5 chunks played: 70 ms ahead → one more chunk fits (90 ≤ 100), a second would not (110).
  assert.equal(clock.pump(out, 30), 1);
});

test('reset() after a clear: nothing in flight, the next audio gets a full burst at once', () => {
  const { out, queue, push } = harness();
  push(50);
  const clock = new PlayoutClock(20, 100);
  clock.pump(out, 0);
  clock.pump(out, 20);
  assert.equal(clock.ahead(30), 90);
  queue.clear();
  clock.reset(30);
  assert.equal(clock.ahead(30), 0);
  push(10);
  assert.equal(clock.pump(out, 30), 5);
  assert.equal(clock.ahead(30), 100);
  assert.equal(clock.pump(out, 50), 1);
});

test('without reset, a clear would leave the old lead in place (why reset exists)', () => {
  const { out, queue, push } = harness();
  push(50);
  const clock = new PlayoutClock(20, 100);
  clock.pump(out, 0);
  queue.clear();
  push(10);
  assert.equal(clock.pump(out, 0), 0, 'still 100 ms ahead');
});

test('marks go out right after the chunk that completes their audio', () => {
  const { out, queue, sent, push } = harness();
  push(2);
  queue.addMark('m1');
  push(1);
  queue.addMark('m2');
  push(4);
  const clock = new PlayoutClock(20, 100);
  clock.pump(out, 0);
  assert.deepEqual(sent.map((s) => s.value), [1, 2, 'm1', 3, 'm2', 4, 5]);
  clock.pump(out, 40);
  assert.deepEqual(sent.slice(7).map((s) => s.value), [6, 7]);
});

test('a mark held back by the lead is not sent before its audio', () => {
  const { out, queue, sent, push } = harness();
  push(7);
  queue.addMark('late');
  const clock = new PlayoutClock(20, 100);
  clock.pump(out, 0);
  assert.ok(!sent.some((s) => s.value === 'late'));
  clock.pump(out, 20);
  assert.ok(!sent.some((s) => s.value === 'late'));
  clock.pump(out, 40);
  assert.deepEqual(sent.slice(-2).map((s) => s.value), [7, 'late']);
});

test('a mark with no audio before it goes out at once; a partial tail is padded and its mark follows', () => {
  const { out, queue, sent } = harness();
  const clock = new PlayoutClock(20, 100);
  queue.addMark('bare');
  assert.equal(clock.pump(out, 0), 0);
  assert.deepEqual(sent, [{ kind: 'mark', value: 'bare' }]);
  queue.push(new Int16Array(50).fill(9));
  assert.equal(clock.pump(out, 0), 0, 'a partial chunk without a mark waits');
  queue.addMark('tail');
  assert.equal(clock.pump(out, 0), 1);
  assert.deepEqual(sent.slice(1), [{ kind: 'audio', value: 9 }, { kind: 'mark', value: 'tail' }]);
});

test('a mark after audio that is already sent goes out on the next pump even at full lead', () => {
  const { out, queue, sent, push } = harness();
  push(5);
  const clock = new PlayoutClock(20, 100);
  clock.pump(out, 0);
  queue.addMark('after');
  clock.pump(out, 1);
  assert.deepEqual(sent.at(-1), { kind: 'mark', value: 'after' });
});

test('other lead/chunk combinations: lead 60 / chunk 20 → 3 chunks per burst; lead 50 → 2', () => {
  for (const [lead, expected] of [[60, 3], [50, 2], [20, 1]] as const) {
    const { out, push } = harness();
    push(10);
    assert.equal(new PlayoutClock(20, lead).pump(out, 1000), expected, `lead ${lead}`);
  }
});

test('starting at a large monotonic time (performance.now()) behaves like t=0', () => {
  const { out, push } = harness();
  push(20);
  const clock = new PlayoutClock(20, 100);
  const t0 = 123_456.789;
  assert.equal(clock.pump(out, t0), 5);
  assert.equal(clock.pump(out, t0 + 19), 0);
  assert.equal(clock.pump(out, t0 + 20), 1);
});
