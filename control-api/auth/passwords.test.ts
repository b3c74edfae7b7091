// argon2id password hashing: parameters in the PHC string, verify, timing-safe unknown users, rehash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hash } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

test('hashes are argon2id with the OWASP parameters and a random salt', async () => {
  const a = await hashPassword('correct horse battery staple');
  const b = await hashPassword('correct horse battery staple');
  assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  assert.notEqual(a, b, 'salted');
  assert.equal(needsRehash(a), false);
});

test('verify: right password true, anything else false, never throws', async () => {
  const h = await hashPassword('correct horse battery staple');
  assert.equal(await verifyPassword(h, 'correct horse battery staple'), true);
  assert.equal(await verifyPassword(h, 'correct horse battery stapl'), false);
  assert.equal(await verifyPassword(h, ''), false);
  assert.equal(await verifyPassword('not a hash', 'x'), false);
  assert.equal(await verifyPassword('', 'x'), false);
  assert.equal(await verifyPassword(h, 'x'.repeat(PASSWORD_MAX_LENGTH + 1)), false);
});

test('unknown user (no hash): false, after doing the same work as a real check', async () => {
  const h = await hashPassword('some password here');
  await verifyPassword(null, 'warm up the dummy hash');
  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) await f();
    return performance.now() - t0;
  };
  const real = await time(() => verifyPassword(h, 'wrong password'));
  const none = await time(() => verifyPassword(null, 'wrong password'));
  assert.equal(await verifyPassword(null, 'anything'), false);
  assert.ok(none > real / 3, `unknown-user check took ${none.toFixed(1)} ms vs ${real.toFixed(1)} ms`);
});

test('passwords are compared after Unicode normalization (NFKC)', async () => {
  const composed = 'p\u00e4ssw\u00f6rd long enough';
  const decomposed = 'pa\u0308ssw\u00f6rd long enough';
  assert.notEqual(composed, decomposed);
  assert.equal(await verifyPassword(await hashPassword(composed), decomposed), true);
});

test('length policy on hashing; needsRehash for weaker or foreign hashes', async () => {
  await assert.rejects(hashPassword('short'), RangeError);
  await assert.rejects(hashPassword('x'.repeat(PASSWORD_MAX_LENGTH + 1)), RangeError);
  const weak = await hash('correct horse battery staple', { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  assert.equal(needsRehash(weak), true);
  assert.equal(await verifyPassword(weak, 'correct horse battery staple'), true, 'old hashes still verify');
  assert.equal(needsRehash('$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234'), true);
});
