// Rate limits: per principal (API key prefix / user id) after authentication, per IP before it,
// 429 RATE_LIMITED with Retry-After, counters in memory or shared through Redis, fail-open on store errors.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FastifyRequest } from 'fastify';
import { buildTestApi, type TestApi } from './test-support.ts';
import { ipKey, principalKey } from './rate-limit.ts';

function assert429(res: { statusCode: number; headers: Record<string, unknown>; json(): any }) {
  assert.equal(res.statusCode, 429);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(res.json().code, 'RATE_LIMITED');
  const after = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(after) && after >= 1 && after <= 60, `Retry-After ${res.headers['retry-after']}`);
  assert.equal(res.headers['x-ratelimit-remaining'], '0');
}

async function userAuth(api: TestApi, id: string) {
  const u = await api.addUser({ id, email: `${id}@acme.test`, tenantId: 'acme', role: 'viewer', platformAdmin: false });
  return { authorization: `Bearer ${await api.tokenFor(u)}` };
}

test('bucket keys: API key prefix, user id, IP (IPv6 by /64)', () => {
  const req = (actor: unknown, ip = '1.2.3.4') => ({ actor, ip }) as unknown as FastifyRequest;
  assert.equal(principalKey(req(null)), null);
  assert.equal(principalKey(req({ kind: 'user', id: 'u1' })), 'user:u1');
  assert.equal(principalKey(req({ kind: 'apiKey', id: 'k1', keyPrefix: 'abcd1234' })), 'key:abcd1234');
  assert.equal(ipKey(req(null, '2001:db8:1:2::1')), ipKey(req(null, '2001:db8:1:2:ffff::9')));
  assert.notEqual(ipKey(req(null, '2001:db8:1:2::1')), ipKey(req(null, '2001:db8:1:3::1')));
  assert.equal(ipKey(req(null, '::ffff:10.0.0.1')), 'ip:10.0.0.1');
});

test('per principal: the 4th request of a user is 429 with Retry-After; other users and keys are unaffected', async (t) => {
  const api = await buildTestApi(t, { rateLimit: { perPrincipal: { max: 3, timeWindow: 60_000 } } });
  const alice = await userAuth(api, 'alice');
  const bob = await userAuth(api, 'bob');
  for (let i = 0; i < 3; i++) {
    const ok = await api.request({ url: '/api/v1/agents', headers: alice });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers['x-ratelimit-remaining'], String(2 - i));
  }
  assert429(await api.request({ url: '/api/v1/agents', headers: alice }));
  assert.equal((await api.request({ url: '/api/v1/agents', headers: bob })).statusCode, 200, 'same IP, other user');

  // API keys: one bucket per key, whichever header carries it
  const k1 = api.addKey({ tenantId: 'acme', role: 'viewer' });
  const k2 = api.addKey({ tenantId: 'acme', role: 'viewer' });
  for (let i = 0; i < 3; i++) assert.equal((await api.request({ url: '/api/v1/agents', headers: i % 2 ? { 'x-api-key': k1.key } : { authorization: `Bearer ${k1.key}` } })).statusCode, 200);
  assert429(await api.request({ url: '/api/v1/agents', headers: { 'x-api-key': k1.key } }));
  assert.equal((await api.request({ url: '/api/v1/agents', headers: { 'x-api-key': k2.key } })).statusCode, 200);
});

test('per IP: counted before authentication, so failed credentials are throttled too', async (t) => {
  const api = await buildTestApi(t, { rateLimit: { perIp: { max: 3, timeWindow: 60_000 } } });
  const alice = await userAuth(api, 'alice');
  const from = (ip: string, headers: Record<string, string> = {}) => api.request({ url: '/api/v1/agents', remoteAddress: ip, headers });
  for (let i = 0; i < 3; i++) assert.equal((await from('203.0.113.7', { authorization: 'Bearer forged' })).statusCode, 401);
  assert429(await from('203.0.113.7', { authorization: 'Bearer forged' }));
  assert429(await from('203.0.113.7', alice)); // the address is throttled, whoever it is
  assert.equal((await from('203.0.113.8')).statusCode, 401, 'another address is not');
  assert.equal((await from('203.0.113.8', alice)).statusCode, 200);
});

test('a route can set its own limit (login: 10 per minute per IP)', async (t) => {
  const api = await buildTestApi(t);
  await api.addUser({ id: 'u1', email: 'u@acme.test', tenantId: 'acme', role: 'user', platformAdmin: false });
  const attempt = () => api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'u@acme.test', password: 'guess guess' }, remoteAddress: '198.51.100.1' });
  for (let i = 0; i < 10; i++) {
    const res = await attempt();
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, 'INVALID_CREDENTIALS');
  }
  const res = await attempt();
  assert.equal(res.statusCode, 429);
  assert.equal(res.json().code, 'RATE_LIMITED');
  assert.ok(Number(res.headers['retry-after']) >= 1);
});

async function redisOrSkip(t: TestContext): Promise<Redis | null> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    t.skip('no Redis (set REDIS_URL or run ops/services.sh)');
    return null;
  }
}

test('Redis store: counters are shared by every API process', async (t) => {
  const redis = await redisOrSkip(t);
  if (!redis) return;
  const nameSpace = `uap:test:rl:${randomUUID()}:`;
  t.after(async () => {
    const keys = await redis.keys(`${nameSpace}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
  const opts = { rateLimit: { perPrincipal: { max: 4, timeWindow: 60_000 }, nameSpace }, redis };
  const a = await buildTestApi(t, opts);
  const b = await buildTestApi(t, opts);
  // the same user, known to both processes
  const user = { id: 'shared', email: 's@acme.test', tenantId: 'acme', role: 'viewer' as const, platformAdmin: false };
  await a.addUser(user);
  const auth = { authorization: `Bearer ${await a.tokenFor(a.users.get('shared')!)}` };
  assert.equal((await a.request({ url: '/api/v1/agents', headers: auth })).statusCode, 200);
  assert.equal((await b.request({ url: '/api/v1/agents', headers: auth })).statusCode, 200);
  assert.equal((await a.request({ url: '/api/v1/agents', headers: auth })).statusCode, 200);
  assert.equal((await b.request({ url: '/api/v1/agents', headers: auth })).statusCode, 200);
  assert429(await a.request({ url: '/api/v1/agents', headers: auth }));
  assert429(await b.request({ url: '/api/v1/agents', headers: auth }));
  const keys = await redis.keys(`${nameSpace}*`);
  assert.ok(keys.some((k) => k.endsWith('user:shared')), keys.join(','));
  const ttl = await redis.pttl(keys.find((k) => k.endsWith('user:shared'))!);
  assert.ok(ttl > 0 && ttl <= 60_000, 'counters expire with the window');
});

test('a failing store lets requests through (fail open) and says so in the log', async (t) => {
  // Nothing listens on port 1; no offline queue, so commands fail at once.
  const redis = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  t.after(() => redis.disconnect());
  const api = await buildTestApi(t, { rateLimit: { perPrincipal: { max: 1, timeWindow: 60_000 }, perIp: { max: 1, timeWindow: 60_000 } }, redis });
  const auth = await userAuth(api, 'alice');
  for (let i = 0; i < 3; i++) assert.equal((await api.request({ url: '/api/v1/agents', headers: auth })).statusCode, 200);
  assert.ok(api.logs.some((l) => l.includes('rate limit unavailable; request allowed')));
});
