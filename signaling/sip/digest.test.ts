// Digest on the wire: challenge/credential parsing (quoted strings, escapes, bad shapes, a seeded fuzz
// that never throws), challenge picking as a client, an answer the server side verifies, and nonces
// (ours only, bound to the address, stale after their lifetime, replays caught).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digestResponse } from '../../lib/digest.ts';
import { answerChallenge, buildChallenges, parseCredentials, parseDigest, pickChallenge } from './digest.ts';
import { NonceIssuer } from './nonce.ts';

test('parseDigest: quoted strings with commas and escapes, tokens, and what it refuses', () => {
  assert.deepEqual({ ...parseDigest('Digest realm="a, \\"b\\"", nonce=xyz,qop="auth,auth-int" , stale=TRUE')! }, { realm: 'a, "b"', nonce: 'xyz', qop: 'auth,auth-int', stale: 'TRUE' });
  for (const bad of ['Basic realm="x"', 'Digest', 'Digest realm', 'Digest realm="x', 'Digest realm=x nonce=y', 'Digest realm="x", realm="y"', 'Digest =x', `Digest realm="${'a'.repeat(2000)}"`, 'Digest realm="x",, nonce=y']) {
    assert.equal(parseDigest(bad), undefined, bad);
  }
});

test('fuzz: parseDigest and parseCredentials never throw', () => {
  let seed = 7;
  const r = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = 'Digest realm=nonce"\\, =auth qopncMD5SHA-256\t\r\n\u0000é';
  for (let i = 0; i < 20_000; i++) {
    const s = 'Digest ' + Array.from({ length: Math.floor(r() * 80) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    parseDigest(s);
    parseCredentials(s);
    pickChallenge([s]);
  }
});

test('a client answer to our challenge verifies, for MD5 and SHA-256; picking skips what it cannot answer', () => {
  for (const alg of ['MD5', 'SHA-256'] as const) {
    const [ch] = buildChallenges('uap', 'n0nce', [alg]);
    const picked = pickChallenge(['Digest realm="x", nonce="y", algorithm=SHA-512-256', 'Digest realm="x", nonce="y", qop="auth-int"', ch])!;
    assert.deepEqual(picked, { realm: 'uap', nonce: 'n0nce', algorithm: alg, qop: 'auth', opaque: undefined });
    const c = parseCredentials(answerChallenge(picked, { username: 'u', password: 'p"w' }, 'INVITE', 'sip:+1555@10.0.0.1'))!;
    assert.equal(c.algorithm, alg);
    const expected = digestResponse({ algorithm: alg, username: 'u', realm: 'uap', password: 'p"w', method: 'INVITE', uri: c.uri, nonce: c.nonce, qop: c.qop, nc: c.nc, cnonce: c.cnonce });
    assert.equal(c.response, expected);
  }
  // No qop (RFC 2069 server), with opaque echoed.
  const old = pickChallenge(['Digest realm="r", nonce="n", opaque="o"'])!;
  const v = answerChallenge(old, { username: 'u', password: 'p' }, 'INVITE', 'sip:x@h');
  assert.match(v, /opaque="o"/);
  assert.doesNotMatch(v, /qop|cnonce/);
  assert.equal(parseCredentials(v)!.response, digestResponse({ algorithm: 'MD5', username: 'u', realm: 'r', password: 'p', method: 'INVITE', uri: 'sip:x@h', nonce: 'n' }));
  // Credentials missing a field, with a bad response or an unknown algorithm are refused.
  assert.equal(parseCredentials('Digest username="u", realm="r", nonce="n", uri="x", response="zz"'), undefined);
  assert.equal(parseCredentials('Digest username="u", realm="r", nonce="n", uri="x", response="0123456789abcdef0123456789abcdef", algorithm=SHA-1'), undefined);
  assert.equal(parseCredentials('Digest username="u", realm="r", nonce="n", uri="x", response="0123456789abcdef0123456789abcdef", qop=auth'), undefined, 'qop without nc/cnonce');
});

test('nonces: ours only, bound to the address, stale after their lifetime, each answer used once', () => {
  let now = 1_000_000;
  const a = new NonceIssuer(60_000, Buffer.alloc(32, 1), () => now);
  const n = a.issue('10.0.0.1');
  assert.equal(a.check(n, '10.0.0.1'), 'ok');
  assert.equal(a.check(n, '10.0.0.2'), 'invalid', 'another address');
  assert.equal(new NonceIssuer(60_000, Buffer.alloc(32, 2), () => now).check(n, '10.0.0.1'), 'invalid', 'another key');
  assert.equal(a.check(n.slice(0, -1) + (n.endsWith('A') ? 'B' : 'A'), '10.0.0.1'), 'invalid', 'tampered last character (even in its spare bits)');
  assert.equal(a.check(n.slice(0, 20) + (n[20] === 'A' ? 'B' : 'A') + n.slice(21), '10.0.0.1'), 'invalid', 'tampered');
  assert.equal(a.check('short', '10.0.0.1'), 'invalid');
  assert.equal(a.use(n, '00000001', 'c1'), true);
  assert.equal(a.use(n, '00000001', 'c1'), false, 'replay');
  assert.equal(a.use(n, '00000002', 'c1'), true, 'the next nc is fine');
  now += 61_000;
  assert.equal(a.check(n, '10.0.0.1'), 'stale');
  // The replay memory is bounded.
  const small = new NonceIssuer(60_000, undefined, () => now, 10);
  for (let i = 0; i < 100; i++) small.use('n', String(i), 'c');
  assert.ok((small as unknown as { used: Map<string, number> }).used.size <= 10);
});
