// Feature flags gate endpoints per tenant: off → 403 naming the feature; other tenants unaffected.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupApi, json, type ApiHarness } from '../test-support.ts';

let h: ApiHarness | undefined;
after(async () => {
  await h?.close();
});

test('a tenant with analytics turned off gets 403 there, and only there', async () => {
  h = await setupApi('postgres');
  const reg = (slug: string) => h!.call('POST', '/auth/register', { body: { tenantName: slug, tenantSlug: slug, email: `admin@${slug}.test`, password: 'correct horse battery' } }).then(json);
  const a = await reg('flagged');
  const b = await reg('normal');
  assert.equal((await h.call('GET', '/voice/calls/analytics', { token: a.accessToken })).statusCode, 200);
  await h.db.withPlatform((tx) => tx`update tenants set feature_flags = '{"analytics": false, "outbound_calls": false}' where id = ${a.tenantId}`);
  // Changed behind the API's back, so the cached flags (10 s) expire before the change shows.
  let res = await h.call('GET', '/voice/calls/analytics', { token: a.accessToken });
  for (let i = 0; i < 120 && res.statusCode === 200; i++) {
    await new Promise((r) => setTimeout(r, 100));
    res = await h.call('GET', '/voice/calls/analytics', { token: a.accessToken });
  }
  assert.equal(res.statusCode, 403);
  assert.equal(json(res).code, 'FORBIDDEN');
  assert.match(json(res).detail, /analytics/);
  const outbound = await h.call('POST', '/voice/calls/initiate', { token: a.accessToken, body: { to: '+15550001111', from: '+15550002222' } });
  assert.equal(outbound.statusCode, 403);
  assert.match(json(outbound).detail, /outbound_calls/);
  assert.equal((await h.call('GET', '/voice/calls/analytics', { token: b.accessToken })).statusCode, 200, 'other tenants unaffected');
  assert.equal((await h.call('GET', '/voice/calls', { token: a.accessToken })).statusCode, 200, 'ungated endpoints unaffected');
});
