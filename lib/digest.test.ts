// Known answers from RFC 7616 §3.9.1 (the same arithmetic SIP uses) for MD5 and SHA-256 with qop=auth,
// and the RFC 2069 form without qop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digestAlgorithm, digestMatches, digestResponse } from './digest.ts';

const rfc7616 = {
  username: 'Mufasa',
  realm: 'http-auth@example.org',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  qop: 'auth',
  nc: '00000001',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
};

test('RFC 7616 examples: MD5 and SHA-256 with qop=auth', () => {
  assert.equal(digestResponse({ ...rfc7616, algorithm: 'MD5' }), '8ca523f5e9506fed4657c9700eebdbec');
  assert.equal(digestResponse({ ...rfc7616, algorithm: 'SHA-256' }), '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
});

test('RFC 2069 form (no qop) and algorithm names', () => {
  // RFC 2617 §3.5 with the qop parts removed, computed independently: H(HA1:nonce:HA2).
  const r = digestResponse({ algorithm: 'MD5', username: 'Mufasa', realm: 'testrealm@host.com', password: 'Circle Of Life', method: 'GET', uri: '/dir/index.html', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093' });
  assert.equal(r, '670fd8c2df070c60b045671b8b24ff02');
  assert.equal(digestAlgorithm(undefined), 'MD5');
  assert.equal(digestAlgorithm('sha-256'), 'SHA-256');
  assert.equal(digestAlgorithm('SHA-512-256'), undefined);
  assert.equal(digestMatches('ABCdef', 'abcDEF'), true);
  assert.equal(digestMatches('abc', 'abd'), false);
  assert.equal(digestMatches('abc', 'abcd'), false);
});
