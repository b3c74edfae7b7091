// Access tokens: claims round-trip; expired → 401 TOKEN_EXPIRED; forged, tampered, wrong issuer or
// audience, alg=none, wrong typ or bad claims → 401 TOKEN_INVALID. Through the API as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, UnsecuredJWT } from 'jose';
import { ApiError } from '../http/errors.ts';
import { ConfigError } from '../../lib/errors.ts';
import { AccessTokens, accessTokenResolver } from './tokens.ts';
import { buildTestApi, JWT } from '../http/test-support.ts';

const claims = { sub: 'user-1', tid: 'acme', role: 'admin' as const, pa: false };
const key = new TextEncoder().encode(JWT.secret);

async function rejectsWith(p: Promise<unknown>, code: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ApiError, String(e));
    assert.equal(e.status, 401);
    assert.equal(e.code, code);
    assert.match(e.headers['www-authenticate'], /^Bearer .*error="invalid_token"/);
    return true;
  });
}

test('issue → verify round-trips the claims; 15 minutes by default', async () => {
  const tokens = new AccessTokens(JWT);
  const issued = await tokens.issue(claims);
  assert.equal(issued.expiresIn, 900);
  const v = await tokens.verify(issued.token);
  assert.deepEqual({ sub: v.sub, tid: v.tid, role: v.role, pa: v.pa }, claims);
  assert.equal(v.exp - v.iat, 900);
  assert.equal(typeof v.jti, 'string');
  assert.equal(Math.abs(issued.expiresAt.getTime() - v.exp * 1000), 0);
  const header = JSON.parse(Buffer.from(issued.token.split('.')[0], 'base64url').toString());
  assert.deepEqual(header, { alg: 'HS256', typ: 'at+jwt' });
  const pa = await tokens.verify((await tokens.issue({ sub: 'root', tid: null, role: 'admin', pa: true })).token);
  assert.equal(pa.tid, null);
  assert.equal(pa.pa, true);
  const actor = await accessTokenResolver(tokens)(issued.token);
  assert.deepEqual(actor, { kind: 'user', id: 'user-1', tenantId: 'acme', role: 'admin', platformAdmin: false, scopes: ['*'] });
});

test('expired → TOKEN_EXPIRED (after the clock tolerance)', async () => {
  const past = new AccessTokens({ ...JWT, now: () => new Date(Date.now() - 16 * 60_000) });
  await rejectsWith(new AccessTokens(JWT).verify((await past.issue(claims)).token), 'TOKEN_EXPIRED');
  const barely = new AccessTokens({ ...JWT, now: () => new Date(Date.now() - 902_000) });
  await new AccessTokens(JWT).verify((await barely.issue(claims)).token); // 2 s late: within the 5 s tolerance
});

test('forged, tampered, foreign or malformed tokens → TOKEN_INVALID', async () => {
  const tokens = new AccessTokens(JWT);
  const good = (await tokens.issue(claims)).token;
  const other = new AccessTokens({ ...JWT, secret: 'another-secret-0123456789abcdef0123456789' });
  await rejectsWith(tokens.verify((await other.issue(claims)).token), 'TOKEN_INVALID');
  // forged and expired: the signature is checked first
  const otherPast = new AccessTokens({ ...JWT, secret: 'another-secret-0123456789abcdef0123456789', now: () => new Date(Date.now() - 3_600_000) });
  await rejectsWith(tokens.verify((await otherPast.issue(claims)).token), 'TOKEN_INVALID');
  // payload swapped for a platform-admin one, signature kept
  const [h, , s] = good.split('.');
  const evil = Buffer.from(JSON.stringify({ ...claims, pa: true, iss: JWT.issuer, aud: JWT.audience, exp: 9e9, iat: 1, jti: 'x' })).toString('base64url');
  await rejectsWith(tokens.verify(`${h}.${evil}.${s}`), 'TOKEN_INVALID');
  await rejectsWith(new AccessTokens({ ...JWT, issuer: 'someone-else' }).verify(good), 'TOKEN_INVALID');
  await rejectsWith(new AccessTokens({ ...JWT, audience: 'other-api' }).verify(good), 'TOKEN_INVALID');
  const none = new UnsecuredJWT({ ...claims }).setIssuer(JWT.issuer).setAudience(JWT.audience).setIssuedAt().setExpirationTime('5m').setJti('j').setSubject('user-1').encode();
  await rejectsWith(tokens.verify(none), 'TOKEN_INVALID');
  const sign = (payload: Record<string, unknown>, typ = 'at+jwt') =>
    new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ }).setIssuer(JWT.issuer).setAudience(JWT.audience).setIssuedAt().setExpirationTime('5m').setJti('j').setSubject('user-1').sign(key);
  await rejectsWith(tokens.verify(await sign({ tid: 'acme', role: 'admin', pa: false }, 'JWT')), 'TOKEN_INVALID'); // another kind of JWT
  await rejectsWith(tokens.verify(await sign({ tid: 'acme', role: 'root', pa: false })), 'TOKEN_INVALID');
  await rejectsWith(tokens.verify(await sign({ tid: 'acme', role: 'admin', pa: 'yes' })), 'TOKEN_INVALID');
  await rejectsWith(tokens.verify(await sign({ tid: 5, role: 'admin', pa: false })), 'TOKEN_INVALID');
  for (const junk of ['', 'abc', 'a.b.c', `${h}.${evil}`, good + 'x']) await rejectsWith(tokens.verify(junk), 'TOKEN_INVALID');
});

test('a short secret or a missing issuer is a configuration error', () => {
  assert.throws(() => new AccessTokens({ ...JWT, secret: 'too-short' }), ConfigError);
  assert.throws(() => new AccessTokens({ ...JWT, issuer: '' }), ConfigError);
});

test('through the API: expired 401 TOKEN_EXPIRED, forged 401 TOKEN_INVALID, valid 200', async (t) => {
  const api = await buildTestApi(t);
  const get = (token: string) => api.request({ url: '/api/v1/agents', headers: { authorization: `Bearer ${token}` } });
  const past = new AccessTokens({ ...JWT, now: () => new Date(Date.now() - 3_600_000) });
  let res = await get((await past.issue(claims)).token);
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'TOKEN_EXPIRED');
  assert.match(String(res.headers['www-authenticate']), /error="invalid_token"/);
  const forged = new AccessTokens({ ...JWT, secret: 'attacker-secret-0123456789abcdef01234567' });
  res = await get((await forged.issue({ ...claims, pa: true })).token);
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'TOKEN_INVALID');
  res = await get('not-a-jwt');
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'TOKEN_INVALID');
  res = await get((await api.tokens.issue(claims)).token);
  assert.equal(res.statusCode, 200);
});
