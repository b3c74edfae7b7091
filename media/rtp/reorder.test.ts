// The reorder buffer: in order passes straight through, swaps are fixed, gaps are waited for up to the
// depth and then skipped, late and duplicate packets dropped, wrap-around and big jumps handled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReorderBuffer } from './reorder.ts';

function harness(depth = 3) {
  const out: number[] = [];
  const rb = new ReorderBuffer(depth, (_p, seq) => out.push(seq));
  const push = (...seqs: number[]) => seqs.forEach((s) => rb.push(Buffer.alloc(1), s, 0));
  return { rb, out, push };
}

test('in order passes straight through; a swap is put right', () => {
  const { out, push, rb } = harness();
  push(10, 11, 13, 12, 14);
  assert.deepEqual(out, [10, 11, 12, 13, 14]);
  assert.equal(rb.holding, 0);
});

test('a lost packet is waited for until `depth` later ones arrive, then skipped', () => {
  const { out, push, rb } = harness(3);
  push(1, 3, 4);
  assert.deepEqual(out, [1]);
  assert.equal(rb.holding, 2);
  push(5);
  assert.deepEqual(out, [1, 3, 4, 5]);
  assert.equal(rb.lost, 1);
  push(2); // too late now
  assert.equal(rb.late, 1);
  assert.deepEqual(out, [1, 3, 4, 5]);
});

test('flush releases held packets (the timed flush of the owner)', () => {
  const { out, push, rb } = harness(3);
  push(1, 3);
  rb.flush();
  assert.deepEqual(out, [1, 3]);
  assert.equal(rb.lost, 1);
});

test('duplicates are dropped, held or already released', () => {
  const { out, push, rb } = harness(3);
  push(1, 1, 3, 3, 2);
  assert.deepEqual(out, [1, 2, 3]);
  assert.equal(rb.duplicates, 1);
  assert.equal(rb.late, 1);
});

test('sequence wrap and big jumps (a restarted sender) resync', () => {
  const { out, push } = harness(3);
  push(65534, 0, 65535, 1);
  assert.deepEqual(out, [65534, 65535, 0, 1]);
  push(30000, 30001);
  assert.deepEqual(out.slice(4), [30000, 30001]);
});
