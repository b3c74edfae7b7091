// OutboundQueue: ring buffer, overflow, exact chunk sizes, marks pinned to sample positions, clear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutboundQueue } from './outbound-queue.ts';

/** Samples start, start+1, … (as int16), so any misplaced sample is visible. */
function ramp(start: number, n: number): Int16Array {
  const a = new Int16Array(n);
  for (let i = 0; i < n; i++) a[i] = start + i;
  return a;
}

function marksDue(q: OutboundQueue): string[] {
  const out: string[] = [];
  q.takeDueMarks((n) => out.push(n));
  return out;
}

test('empty queue has no chunk, no marks, nothing queued', () => {
  const q = new OutboundQueue(400, 160);
  assert.equal(q.queuedSamples, 0);
  assert.equal(q.hasChunk(), false);
  assert.equal(q.hasMarks, false);
  assert.deepEqual(marksDue(q), []);
});

test('full chunks come out in order with exactly chunkSamples each', () => {
  const q = new OutboundQueue(1000, 160);
  assert.equal(q.push(ramp(1, 480)), 0);
  assert.equal(q.queuedSamples, 480);
  for (let k = 0; k < 3; k++) {
    assert.equal(q.hasChunk(), true);
    const c = q.readChunk();
    assert.equal(c.length, 160);
    assert.deepEqual(Array.from(c), Array.from(ramp(1 + k * 160, 160)));
  }
  assert.equal(q.queuedSamples, 0);
  assert.equal(q.hasChunk(), false);
});

test('a partial chunk without a following mark is held back', () => {
  const q = new OutboundQueue(1000, 160);
  q.push(ramp(1, 100));
  assert.equal(q.hasChunk(), false);
  q.push(ramp(101, 59));
  assert.equal(q.hasChunk(), false, '159 samples are still one short of a chunk');
  q.push(ramp(160, 1));
  assert.equal(q.hasChunk(), true);
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(1, 160)));
});

test('ring buffer wraps around: reads across the end of the buffer stay in order', () => {
  const q = new OutboundQueue(400, 160);
  let next = 1;
  let expect = 1;
  // Many rounds of push/read, with push sizes that do not divide the capacity, so writes and reads
  // straddle the end of the ring in many different places.
  for (let round = 0; round < 50; round++) {
    const n = 70 + ((round * 37) % 150);
    const free = 400 - q.queuedSamples;
    const dropped = q.push(ramp(next, n));
    assert.equal(dropped, Math.max(0, n - free));
    next += n - dropped;
    while (q.hasChunk()) {
      const c = q.readChunk();
      assert.equal(c.length, 160);
      for (let i = 0; i < 160; i++) assert.equal(c[i], (expect + i) << 16 >> 16, `round ${round}, sample ${i}`);
      expect += 160;
    }
  }
  assert.ok(expect > 400 * 5, 'the test went around the ring several times');
});

test('explicit wrap: write 300, read 160, write 200 (wraps), read twice across the seam', () => {
  const q = new OutboundQueue(400, 160);
  q.push(ramp(1, 300));
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(1, 160)));
  assert.equal(q.push(ramp(301, 200)), 0, '260 free, 200 fit');
  assert.equal(q.queuedSamples, 340);
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(161, 160)));
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(321, 160)), 'read crosses the ring end');
  assert.equal(q.queuedSamples, 20);
});

test('push into a full queue returns the dropped count and keeps the oldest audio', () => {
  const q = new OutboundQueue(320, 160);
  assert.equal(q.push(ramp(1, 300)), 0);
  assert.equal(q.push(ramp(301, 50)), 30, '20 free: 30 of 50 dropped');
  assert.equal(q.queuedSamples, 320);
  assert.equal(q.push(ramp(1000, 10)), 10, 'a full queue drops everything');
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(1, 160)));
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(161, 160)), 'kept samples are the first 20 of the second push');
  assert.equal(q.queuedSamples, 0);
});

test('push(src, n) takes only the first n samples', () => {
  const q = new OutboundQueue(400, 160);
  assert.equal(q.push(ramp(1, 400), 160), 0);
  assert.equal(q.queuedSamples, 160);
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(1, 160)));
});

test('a partial tail followed by a mark is padded with silence to a whole chunk', () => {
  const q = new OutboundQueue(1000, 160);
  q.push(ramp(1, 100));
  q.addMark('end');
  assert.equal(q.hasChunk(), true);
  const c = q.readChunk();
  assert.equal(c.length, 160);
  assert.deepEqual(Array.from(c.subarray(0, 100)), Array.from(ramp(1, 100)));
  assert.ok(c.subarray(100).every((s) => s === 0), 'padding is silence');
  assert.equal(q.queuedSamples, 0);
  assert.deepEqual(marksDue(q), ['end']);
  assert.equal(q.hasMarks, false);
});

test('padding does not leak stale samples from the reused chunk buffer', () => {
  const q = new OutboundQueue(1000, 160);
  q.push(ramp(1000, 160));
  q.readChunk(); // chunk buffer now full of non-zero samples
  q.push(ramp(1, 10));
  q.addMark('m');
  const c = q.readChunk();
  assert.deepEqual(Array.from(c.subarray(0, 10)), Array.from(ramp(1, 10)));
  assert.ok(c.subarray(10).every((s) => s === 0));
});

test('marks come out only after all the audio queued before them has been read', () => {
  const q = new OutboundQueue(2000, 160);
  q.push(ramp(1, 320));
  q.addMark('a'); // after sample 320: exactly two chunks
  q.push(ramp(321, 160));
  q.addMark('b'); // after sample 480
  q.push(ramp(481, 100));
  q.addMark('c'); // after sample 580 (partial chunk → padded)
  assert.equal(q.hasMarks, true);

  q.readChunk();
  assert.deepEqual(marksDue(q), [], 'after 160 samples, a (at 320) is not due');
  q.readChunk();
  assert.deepEqual(marksDue(q), ['a'], 'exactly at 320');
  q.readChunk();
  assert.deepEqual(marksDue(q), ['b']);
  assert.equal(q.hasChunk(), true, 'the 100-sample tail before c is readable');
  const tail = q.readChunk();
  assert.deepEqual(Array.from(tail.subarray(0, 100)), Array.from(ramp(481, 100)));
  assert.deepEqual(marksDue(q), ['c']);
  assert.equal(q.hasMarks, false);
});

test('a mark in the middle of a chunk is due after the chunk that contains its position, not before', () => {
  const q = new OutboundQueue(1000, 160);
  q.push(ramp(1, 100));
  q.addMark('mid');
  q.push(ramp(101, 220));
  assert.deepEqual(marksDue(q), []);
  const c = q.readChunk(); // full chunk: 100 samples before the mark + 60 after
  assert.deepEqual(Array.from(c), Array.from(ramp(1, 160)), 'no padding when enough audio is queued');
  assert.deepEqual(marksDue(q), ['mid']);
});

test('a mark with no audio before it is due at once; several marks keep their order', () => {
  const q = new OutboundQueue(1000, 160);
  q.addMark('first');
  q.addMark('second');
  assert.equal(q.hasChunk(), false, 'no audio, so no chunk');
  assert.deepEqual(marksDue(q), ['first', 'second']);
});

test('clear() returns the unsent mark names in order and empties the queue', () => {
  const q = new OutboundQueue(1000, 160);
  q.push(ramp(1, 200));
  q.addMark('x');
  q.push(ramp(201, 300));
  q.addMark('y');
  q.readChunk();
  assert.deepEqual(q.clear(), ['x', 'y']);
  assert.equal(q.queuedSamples, 0);
  assert.equal(q.hasMarks, false);
  assert.equal(q.hasChunk(), false);
  assert.deepEqual(marksDue(q), []);
  assert.deepEqual(q.clear(), [], 'a second clear has nothing to report');
  // Still usable afterwards, with the full capacity free.
  assert.equal(q.push(ramp(7, 1000)), 0);
  assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(7, 160)));
});

test('clear() does not report marks already taken', () => {
  const q = new OutboundQueue(1000, 160);
  q.push(ramp(1, 160));
  q.addMark('done');
  q.push(ramp(161, 160));
  q.addMark('pending');
  q.readChunk();
  assert.deepEqual(marksDue(q), ['done']);
  assert.deepEqual(q.clear(), ['pending']);
});

test(
  'padding is applied only at the mark: audio queued after the mark is not followed by silence mid-stream',
  () => {
    const q = new OutboundQueue(1000, 160);
    q.push(ramp(1, 100)); // tail of utterance 1
    q.addMark('u1');
    q.push(ramp(101, 20)); // first samples of utterance 2; more will follow
    const c = q.readChunk();
    // Expected: the 100-sample tail padded with silence up to the mark, the 20 samples kept for the next chunk.
    assert.deepEqual(Array.from(c.subarray(0, 100)), Array.from(ramp(1, 100)));
    assert.ok(c.subarray(100).every((s) => s === 0), 'only silence after the mark position');
    assert.equal(q.queuedSamples, 20, 'utterance 2 audio stays queued');
    q.push(ramp(121, 140));
    assert.deepEqual(Array.from(q.readChunk()), Array.from(ramp(101, 160)), 'utterance 2 plays without a gap');
  },
);

test('the ring starts small, grows by doubling as an utterance needs it, and keeps order across the wrap', () => {
  const q = new OutboundQueue(8000 * 10, 160, 1600); // max 10 s, starts at 0.2 s
  // Wrap the small ring first, then queue 5 s at once.
  const a = Int16Array.from({ length: 1000 }, (_, i) => i);
  assert.equal(q.push(a), 0);
  for (let i = 0; i < 6; i++) q.readChunk(); // 960 read, 40 left
  const big = Int16Array.from({ length: 40_000 }, (_, i) => (1000 + i) % 32768);
  assert.equal(q.push(big), 0, 'grown, nothing dropped');
  const out: number[] = [];
  while (q.hasChunk()) out.push(...q.readChunk());
  const expected = [...Array.from({ length: 40 }, (_, i) => 960 + i), ...big];
  assert.deepEqual(out.slice(0, expected.length - (expected.length % 160)), expected.slice(0, expected.length - (expected.length % 160)));
  // The maximum still holds.
  const q2 = new OutboundQueue(1600, 160, 320);
  assert.equal(q2.push(new Int16Array(2000)), 400, 'beyond the maximum is dropped');
});
