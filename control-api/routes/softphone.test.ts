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
