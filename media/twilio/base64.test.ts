import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64Into, base64Length } from './base64.ts';

test('base64Into matches Node for every length 0..300 and random bytes', () => {
  const dst = new Uint8Array(500);
  for (let n = 0; n <= 300; n++) {
    const src = new Uint8Array(n).map(() => Math.floor(Math.random() * 256));
    const end = base64Into(src, n, dst, 3);
    assert.equal(end - 3, base64Length(n));
    assert.equal(Buffer.from(dst.subarray(3, end)).toString('latin1'), Buffer.from(src).toString('base64'), `n=${n}`);
  }
});
