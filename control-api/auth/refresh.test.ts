// Refresh tokens: rotation, reuse detection that revokes the whole family, expiry, logout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../http/errors.ts';
import { MemoryRefreshStore, RefreshTokens, hashRefreshToken } from './refresh.ts';
import { buildTestApi } from '../http/test-support.ts';

async function rejectsWith(p: Promise<unknown>, code: string) {
  await assert.rejects(p, (e: unknown) => e instanceof ApiError && e.status === 401 && e.code === code);
}

function setup(now = () => new Date()) {
  const store = new MemoryRefreshStore();
  return { store, rt: new RefreshTokens({ store, now }) };
}

test('tokens are random, stored only as their SHA-256, and rotate into the same family', async () => {
  const { store, rt } = setup();
  const a = await rt.issue('u1', 'acme');
  assert.match(a.token, /^[A-Za-z0-9_-]{43}$/);
  const [rec] = store.records.values();
  assert.equal(rec.tokenHash, hashRefreshToken(a.token));
  assert.ok(!JSON.stringify([...store.records.values()]).includes(a.token), 'the token itself is not stored');
  const b = await rt.rotate(a.token);
  assert.notEqual(b.token, a.token);
  assert.equal(b.familyId, a.familyId);
  assert.equal(b.userId, 'u1');
  assert.equal(b.tenantId, 'acme');
  assert.equal([...store.records.values()].find((r) => r.tokenHash === hashRefreshToken(a.token))?.replacedBy, [...store.records.values()].find((r) => r.tokenHash === hashRefreshToken(b.token))?.id, 'the spent token names its successor');
  const c = await rt.rotate(b.token);
  assert.equal(c.familyId, a.familyId);
  assert.equal(store.records.size, 3);
  const other = await rt.issue('u1', 'acme');
  assert.notEqual(other.familyId, a.familyId, 'each login is its own family');
});

test('reuse of a rotated token → REFRESH_REUSED and the whole family is revoked', async () => {
  const { store, rt } = setup();
  const a = await rt.issue('u1', 'acme');
  const unrelated = await rt.issue('u1', 'acme');
  const b = await rt.rotate(a.token); // the legitimate client moved on to b
  await rejectsWith(rt.rotate(a.token), 'REFRESH_REUSED'); // someone replays a
  await rejectsWith(rt.rotate(b.token), 'REFRESH_REVOKED'); // b is dead too: both must log in again
  for (const r of store.records.values()) {
    if (r.familyId === a.familyId) assert.ok(r.revokedAt, 'every token of the family is revoked');
    else assert.equal(r.revokedAt, null, 'other sessions are untouched');
  }
  await rt.rotate(unrelated.token);
});

test('concurrent rotation of one token: at most one succeeds and the family ends revoked', async () => {
  const { store, rt } = setup();
  const a = await rt.issue('u1', 'acme');
  const results = await Promise.allSettled([rt.rotate(a.token), rt.rotate(a.token)]);
  // Both passed the "not spent" check before either marked it: the race the atomic mark resolves.
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r) => r.status === 'rejected');
  assert.equal(won.length, 1);
  assert.equal(lost.length, 1);
  assert.equal(((lost[0] as PromiseRejectedResult).reason as ApiError).code, 'REFRESH_REUSED');
  assert.equal(store.records.size, 3, 'both requests stored a successor');
  for (const r of store.records.values()) assert.ok(r.revokedAt, 'no token of the family survives, the winner’s included');
  await rejectsWith(rt.rotate((won[0] as PromiseFulfilledResult<{ token: string }>).value.token), 'REFRESH_REVOKED');
});

test('expiry: idle timeout per token, absolute limit per session', async () => {
  let now = Date.parse('2025-01-01T00:00:00Z');
  const store = new MemoryRefreshStore();
  const rt = new RefreshTokens({ store, now: () => new Date(now), ttlSeconds: 3600, maxSessionSeconds: 3 * 3600 });
  let tok = (await rt.issue('u1', 'acme')).token;
  now += 3600_000 - 1;
  tok = (await rt.rotate(tok)).token; // just in time
  now += 3600_000;
  await rejectsWith(rt.rotate(tok), 'REFRESH_EXPIRED');

  now = Date.parse('2025-02-01T00:00:00Z');
  tok = (await rt.issue('u1', 'acme')).token;
  for (let i = 0; i < 5; i++) {
    now += 50 * 60_000;
    if (i < 3) tok = (await rt.rotate(tok)).token;
    else {
      await rejectsWith(rt.rotate(tok), 'REFRESH_EXPIRED'); // 3 h after login, however active
      break;
    }
  }
});

test('logout revokes the session; unknown tokens are invalid; logout is idempotent', async () => {
  const { store, rt } = setup();
  const a = await rt.issue('u1', 'acme');
  const b = await rt.rotate(a.token);
  await rt.logout(b.token);
  await rejectsWith(rt.rotate(b.token), 'REFRESH_REVOKED');
  await rt.logout(b.token);
  await rt.logout('never-issued');
  await rejectsWith(rt.rotate('never-issued'), 'REFRESH_INVALID');
  await rejectsWith(rt.rotate(''), 'REFRESH_INVALID');
  await rejectsWith(rt.rotate('x'.repeat(10_000)), 'REFRESH_INVALID');
  const c = await rt.issue('u2', 'acme');
  const [rec] = [...store.records.values()].filter((r) => r.userId === 'u2');
  await rt.revoke(rec.id);
  await rejectsWith(rt.rotate(c.token), 'REFRESH_REVOKED');
});

test('through the API: login → refresh → replaying the old refresh token is 401 and ends the session', async (t) => {
  const api = await buildTestApi(t);
  await api.addUser({ id: 'u1', email: 'u@acme.test', tenantId: 'acme', role: 'user', platformAdmin: false }, 'correct horse battery');
  // a stale Authorization header does not get in the way of public routes
  const login = await api.request({ method: 'POST', url: '/api/v1/auth/login', headers: { authorization: 'Bearer expired.or.junk' }, payload: { email: 'u@acme.test', password: 'correct horse battery' } });
  assert.equal(login.statusCode, 200, login.body);
  const first = login.json();
  assert.equal((await api.request({ url: '/api/v1/agents', headers: { authorization: `Bearer ${first.accessToken}` } })).statusCode, 200);

  const refreshed = await api.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: first.refreshToken } });
  assert.equal(refreshed.statusCode, 200, refreshed.body);
  const second = refreshed.json();
  assert.notEqual(second.refreshToken, first.refreshToken);

  const replay = await api.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: first.refreshToken } });
  assert.equal(replay.statusCode, 401);
  assert.equal(replay.json().code, 'REFRESH_REUSED');
  const after = await api.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: second.refreshToken } });
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().code, 'REFRESH_REVOKED');

  // logout
  const again = (await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'u@acme.test', password: 'correct horse battery' } })).json();
  assert.equal((await api.request({ method: 'POST', url: '/api/v1/auth/logout', payload: { refreshToken: again.refreshToken } })).statusCode, 204);
  const dead = await api.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: again.refreshToken } });
  assert.equal(dead.statusCode, 401);
  assert.equal(dead.json().code, 'REFRESH_REVOKED');

  const wrong = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'u@acme.test', password: 'wrong password' } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().code, 'INVALID_CREDENTIALS');
  const nobody = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@acme.test', password: 'wrong password' } });
  assert.equal(nobody.statusCode, 401);
  assert.deepEqual({ ...(nobody.json() as object), instance: '' }, { ...(wrong.json() as object), instance: '' }, 'unknown email and wrong password look the same');
});
