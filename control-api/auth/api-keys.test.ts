// API keys: format, SHA-256 at rest, constant-time check; revoked/expired keys are 401; last_used_at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ApiError } from '../http/errors.ts';
import { apiKeyResolver, generateApiKey, hashApiKeySecret, parseApiKey, verifyApiKeySecret, type ApiKeyRecord } from './api-keys.ts';
import { buildTestApi } from '../http/test-support.ts';

test('keys look like uap_<prefix8>_<secret32>; the stored hash is the SHA-256 of the secret', () => {
  const g = generateApiKey();
  assert.match(g.key, /^uap_[a-z0-9]{8}_[A-Za-z0-9]{32}$/);
  const p = parseApiKey(g.key)!;
  assert.equal(p.prefix, g.prefix);
  assert.equal(g.secretHash, createHash('sha256').update(p.secret).digest('hex'));
  assert.equal(hashApiKeySecret(p.secret), g.secretHash);
  assert.ok(!g.secretHash.includes(p.secret));
  const many = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
  assert.equal(many.size, 200);
});

test('parse refuses anything not shaped like a key', () => {
  const { key } = generateApiKey();
  for (const bad of ['', 'uap_', key.slice(0, -1), key + 'a', key.replace('uap_', 'xyz_'), key.toUpperCase(), ` ${key}`, key.replace(/_([^_]+)$/, '-$1'), 'uap_abcdefgh_' + 'a'.repeat(31) + '!']) {
    assert.equal(parseApiKey(bad), null, bad);
  }
});

test('verify compares hashes in constant time and tolerates garbage stored hashes', () => {
  const g = generateApiKey();
  const { secret } = parseApiKey(g.key)!;
  assert.equal(verifyApiKeySecret(secret, g.secretHash), true);
  assert.equal(verifyApiKeySecret(secret.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), g.secretHash), false);
  assert.equal(verifyApiKeySecret(secret, ''), false);
  assert.equal(verifyApiKeySecret(secret, 'zz'), false);
});

function fixture(over: Partial<ApiKeyRecord> = {}) {
  const g = generateApiKey();
  const rec: ApiKeyRecord = { id: 'k1', tenantId: 'acme', prefix: g.prefix, secretHash: g.secretHash, role: 'user', scopes: ['agents:read'], expiresAt: null, revokedAt: null, lastUsedAt: null, ...over };
  const touched: Date[] = [];
  const lookup = { findByPrefix: async (p: string) => (p === rec.prefix ? rec : null), touchLastUsed: async (_id: string, at: Date) => void touched.push(at) };
  return { key: g.key, rec, touched, lookup };
}

async function rejectsWith(p: Promise<unknown>, code: string) {
  await assert.rejects(p, (e: unknown) => e instanceof ApiError && e.status === 401 && e.code === code);
}

test('resolver: a valid key is an apiKey actor with its tenant, role, scopes and prefix', async () => {
  const { key, rec, lookup } = fixture();
  const actor = await apiKeyResolver(lookup)(key);
  assert.deepEqual(actor, { kind: 'apiKey', id: 'k1', tenantId: 'acme', role: 'user', platformAdmin: false, scopes: ['agents:read'], keyPrefix: rec.prefix });
});

test('resolver: unknown prefix and wrong secret are API_KEY_INVALID; revoked and expired are told apart', async () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const { key, rec, lookup } = fixture();
  const resolve = apiKeyResolver(lookup, { now: () => now });
  await rejectsWith(resolve(generateApiKey().key), 'API_KEY_INVALID');
  await rejectsWith(resolve(`uap_${rec.prefix}_${'A'.repeat(32)}`), 'API_KEY_INVALID');
  await rejectsWith(resolve('garbage'), 'API_KEY_INVALID');
  rec.expiresAt = new Date(now.getTime() - 1);
  await rejectsWith(resolve(key), 'API_KEY_EXPIRED');
  rec.expiresAt = new Date(now.getTime() + 60_000);
  await resolve(key);
  rec.revokedAt = new Date(now.getTime() - 1000);
  await rejectsWith(resolve(key), 'API_KEY_REVOKED');
  // a wrong secret for a revoked key learns nothing about its state
  await rejectsWith(resolve(`uap_${rec.prefix}_${'A'.repeat(32)}`), 'API_KEY_INVALID');
});

test('last_used_at is written at most once a minute, and a failing write does not fail the request', async () => {
  let now = Date.parse('2025-06-01T00:00:00Z');
  const { key, rec, touched, lookup } = fixture();
  const realTouch = lookup.touchLastUsed;
  lookup.touchLastUsed = async (id, at) => {
    await realTouch(id, at);
    rec.lastUsedAt = at;
  };
  const resolve = apiKeyResolver(lookup, { now: () => new Date(now) });
  await resolve(key);
  now += 30_000;
  await resolve(key);
  assert.equal(touched.length, 1);
  now += 30_000;
  await resolve(key);
  assert.equal(touched.length, 2);
  const errors: unknown[] = [];
  const failing = apiKeyResolver({ ...lookup, touchLastUsed: async () => { throw new Error('db down'); } }, { now: () => new Date(now + 120_000), onTouchError: (e) => errors.push(e) });
  assert.equal((await failing(key)).id, 'k1');
  assert.equal(errors.length, 1);
});

test('through the API: X-API-Key or Bearer; revoked and expired keys are 401', async (t) => {
  const api = await buildTestApi(t);
  const k = api.addKey({ tenantId: 'acme', role: 'viewer' });
  assert.equal((await api.request({ url: '/api/v1/agents', headers: { 'x-api-key': k.key } })).statusCode, 200);
  assert.equal((await api.request({ url: '/api/v1/agents', headers: { authorization: `Bearer ${k.key}` } })).statusCode, 200);
  assert.ok(k.record.lastUsedAt, 'last used is recorded');

  const revoked = api.addKey({ tenantId: 'acme', role: 'viewer', revokedAt: new Date(Date.now() - 1000) });
  let res = await api.request({ url: '/api/v1/agents', headers: { 'x-api-key': revoked.key } });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'API_KEY_REVOKED');
  assert.match(String(res.headers['www-authenticate']), /^Bearer/);

  const expired = api.addKey({ tenantId: 'acme', role: 'viewer', expiresAt: new Date(Date.now() - 1000) });
  res = await api.request({ url: '/api/v1/agents', headers: { 'x-api-key': expired.key } });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'API_KEY_EXPIRED');

  res = await api.request({ url: '/api/v1/agents', headers: { 'x-api-key': 'uap_nothere_' + 'x'.repeat(32) } });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'API_KEY_INVALID');
  res = await api.request({ url: '/api/v1/agents', headers: { 'x-api-key': '' } });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'API_KEY_INVALID');
});
