// POST /softphone/token (on PGlite, fastify inject): a tenant user gets a verifiable single-target call
// token for one of the tenant's agent configs or numbers; other tenants' ids, bad bodies, viewers and
// anonymous callers are refused. GET /softphone serves the page with a strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupApi, json } from '../test-support.ts';
import { softphoneTokenKey, verifySoftphoneToken } from '../../lib/softphone-token.ts';

const SECRET = 'softphone-secret-for-tests-0123';

test('softphone call tokens and the softphone page', { timeout: 60_000 }, async (t) => {
  const h = await setupApi('pglite', { env: { SOFTPHONE_TOKEN_SECRET: SECRET, PUBLIC_URL: 'https://uap.example.com' } });
  t.after(() => h.close());
  const { call } = h;
  const A = json(await call('POST', '/auth/register', { body: { tenantName: 'Us', tenantSlug: 'default', email: 'me@us.test', password: 'a long passphrase' } }));
  const B = json(await call('POST', '/auth/register', { body: { tenantName: 'Them', tenantSlug: 'them', email: 'x@them.test', password: 'a long passphrase' } }));
  const cfg = json(await call('POST', '/agent-configs', { token: A.accessToken, body: { name: 'Echo', kind: 'echo' } }));
  const theirs = json(await call('POST', '/agent-configs', { token: B.accessToken, body: { name: 'Theirs', kind: 'offline' } }));
  const key = softphoneTokenKey(SECRET, '/nonexistent');

  const r = await call('POST', '/softphone/token', { token: A.accessToken, body: { agentConfigId: cfg.id } });
  assert.equal(r.statusCode, 201, r.body);
  const body = json(r);
  assert.equal(body.signalingUrl, 'wss://uap.example.com/webrtc/ws');
  assert.deepEqual(body.iceServers, []);
  assert.deepEqual(body.target, { kind: 'agent', id: cfg.id, name: 'Echo' });
  const check = verifySoftphoneToken(key, body.token);
  assert.ok(check.ok);
  assert.equal(check.claims.tenantId, A.tenantId);
  assert.deepEqual(check.claims.target, { kind: 'agent', agentConfigId: cfg.id, agentKind: 'echo' });
  assert.ok(Date.parse(body.expiresAt) - Date.now() <= 60_000);

  // The seeded catch-all number of the default tenant (the first-call route to the offline agent).
  const n = await call('POST', '/softphone/token', { token: A.accessToken, body: { number: '*' } });
  assert.equal(n.statusCode, 201, n.body);
  const nc = verifySoftphoneToken(key, json(n).token);
  assert.ok(nc.ok);
  assert.deepEqual(nc.claims.target, { kind: 'number', number: '*' });

  const refused = [
    [{ agentConfigId: theirs.id }, A.accessToken, 400, 'BAD_REQUEST'],
    [{ number: '+15550000000' }, A.accessToken, 400, 'BAD_REQUEST'],
    [{ agentConfigId: cfg.id, number: '*' }, A.accessToken, 400, 'VALIDATION_FAILED'],
    [{}, A.accessToken, 400, 'VALIDATION_FAILED'],
    [{ number: 'not a number' }, A.accessToken, 400, 'VALIDATION_FAILED'],
    [{ agentConfigId: cfg.id }, undefined, 401, 'AUTH_REQUIRED'],
  ] as const;
  for (const [b, tok, status, code] of refused) {
    const res = await call('POST', '/softphone/token', { token: tok, body: b });
    assert.equal(res.statusCode, status, `${JSON.stringify(b)}: ${res.body}`);
    assert.equal(json(res).code, code, JSON.stringify(b));
  }

  const page = await h.app.inject({ method: 'GET', url: '/softphone' });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.headers['content-security-policy'] as string, /default-src 'self'/);
  assert.match(page.body, /<script type="module" src="\/softphone\/app.js">/);
  assert.doesNotMatch(page.body, /https?:\/\//, 'nothing loaded from elsewhere');
  const js = await h.app.inject({ method: 'GET', url: '/softphone/app.js' });
  assert.equal(js.statusCode, 200);
  assert.match(js.headers['content-type'] as string, /javascript/);
  assert.equal((await h.app.inject({ method: 'GET', url: '/softphone/style.css' })).statusCode, 200);
});

test('widget keys: a public key, bound to one agent and its origins, buys a call token without sign-in', { timeout: 60_000 }, async (t) => {
  const h = await setupApi('pglite', { env: { SOFTPHONE_TOKEN_SECRET: SECRET } });
  t.after(() => h.close());
  const { call } = h;
  const A = json(await call('POST', '/auth/register', { body: { tenantName: 'Us', tenantSlug: 'default', email: 'me@us.test', password: 'a long passphrase' } }));
  const B = json(await call('POST', '/auth/register', { body: { tenantName: 'Them', tenantSlug: 'them', email: 'x@them.test', password: 'a long passphrase' } }));
  const cfg = json(await call('POST', '/agent-configs', { token: A.accessToken, body: { name: 'Front desk', kind: 'offline' } }));
  const key = softphoneTokenKey(SECRET, '/nonexistent');
  const ORIGIN = 'https://www.us.example';

  // Admins create keys; bad origins and foreign agents are refused.
  const bad = await call('POST', `/agent-configs/${cfg.id}/widget-keys`, { token: A.accessToken, body: { name: 'site', allowedOrigins: ['https://www.us.example/path'] } });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.equal(json(bad).errors[0].path, '/allowedOrigins/0');
  assert.equal((await call('POST', `/agent-configs/${cfg.id}/widget-keys`, { token: B.accessToken, body: { name: 'x', allowedOrigins: [ORIGIN] } })).statusCode, 404, 'another tenant cannot key our agent');
  const created = await call('POST', `/agent-configs/${cfg.id}/widget-keys`, { token: A.accessToken, body: { name: 'site', allowedOrigins: [ORIGIN, `${ORIGIN}/`] } });
  assert.equal(created.statusCode, 201, created.body);
  const { key: widgetKey, widgetKey: wk } = json(created);
  assert.match(widgetKey, /^pk_[A-Za-z0-9_-]{32}$/);
  assert.deepEqual(wk.allowedOrigins, [ORIGIN]);
  const list = json(await call('GET', `/agent-configs/${cfg.id}/widget-keys`, { token: A.accessToken }));
  assert.equal(list.items.length, 1);
  assert.doesNotMatch(JSON.stringify(list), new RegExp(widgetKey), 'the key is never shown again');

  const trade = (o: { origin?: string; body?: unknown }) =>
    h.app.inject({ method: 'POST', url: '/api/v1/softphone/widget-token', headers: { 'content-type': 'application/json', ...(o.origin ? { origin: o.origin } : {}) }, payload: JSON.stringify(o.body ?? { widgetKey }) });
  // The browser's preflight.
  const pre = await h.app.inject({ method: 'OPTIONS', url: '/api/v1/softphone/widget-token', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  assert.equal(pre.statusCode, 204);
  assert.equal(pre.headers['access-control-allow-origin'], ORIGIN);
  assert.match(String(pre.headers['access-control-allow-headers']), /content-type/);

  const ok = await trade({ origin: ORIGIN });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.headers['access-control-allow-origin'], ORIGIN);
  const claims = verifySoftphoneToken(key, json(ok).token);
  assert.ok(claims.ok);
  assert.equal(claims.claims.tenantId, A.tenantId);
  assert.deepEqual(claims.claims.target, { kind: 'agent', agentConfigId: cfg.id, agentKind: 'offline' });
  assert.equal(claims.claims.sub, `widget:${wk.id}`);

  const refusals = [
    [{ origin: 'https://evil.example' }, 403, 'ORIGIN_NOT_ALLOWED'],
    [{}, 403, 'ORIGIN_NOT_ALLOWED'],
    [{ origin: ORIGIN, body: { widgetKey: 'pk_' + 'x'.repeat(32) } }, 401, 'WIDGET_KEY_INVALID'],
    [{ origin: ORIGIN, body: { widgetKey: "' or 1=1 --" } }, 401, 'WIDGET_KEY_INVALID'],
    [{ origin: ORIGIN, body: { widgetKey, extra: 1 } }, 400, 'VALIDATION_FAILED'],
  ] as const;
  for (const [o, status, code] of refusals) {
    const res = await trade(o);
    assert.equal(res.statusCode, status, `${JSON.stringify(o)}: ${res.body}`);
    assert.equal(json(res).code, code);
  }

  // Revoked: refused from then on; last use was recorded.
  assert.ok(json(await call('GET', `/agent-configs/${cfg.id}/widget-keys`, { token: A.accessToken })).items[0].lastUsedAt);
  assert.equal((await call('DELETE', `/agent-configs/${cfg.id}/widget-keys/${wk.id}`, { token: B.accessToken })).statusCode, 404);
  assert.equal((await call('DELETE', `/agent-configs/${cfg.id}/widget-keys/${wk.id}`, { token: A.accessToken })).statusCode, 204);
  const revoked = await trade({ origin: ORIGIN });
  assert.equal(revoked.statusCode, 401);
  assert.equal(json(revoked).code, 'WIDGET_KEY_INVALID');
});
