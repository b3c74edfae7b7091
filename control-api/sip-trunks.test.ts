// /sip-trunks end to end on PostgreSQL 15 and PGlite: CRUD, admin-only writes, validation with field
// paths, normalized allowlists, passwords sealed at rest and never returned, tenant isolation (404),
// cursor pagination, audit entries, admission-cache invalidation.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseSecretsKey, SecretsError } from './crypto/secrets.ts';
import { openTrunkPassword } from './sip/trunk-secrets.ts';
import { setupApi, json, type Backend } from './test-support.ts';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

const PASSWORD = 'correct horse battery';

function problem(r: { statusCode: number; body: string }, status: number, code: string): any {
  assert.equal(r.statusCode, status, r.body);
  const p = json(r);
  assert.equal(p.code, code, r.body);
  return p;
}

for (const kind of ['postgres', 'pglite'] as Backend[]) {
  test(`SIP trunks API on ${kind}`, { timeout: 60_000 }, async (t) => {
    const envKey = kind === 'postgres' ? randomBytes(32).toString('hex') : undefined;
    if (envKey) process.env.UAP_SECRETS_KEY = envKey;
    else delete process.env.UAP_SECRETS_KEY;
    let invalidations = 0;
    const h = await setupApi(kind, { onRoutingChange: () => void invalidations++ }).finally(() => delete process.env.UAP_SECRETS_KEY);
    closers.push(h.close);
    const { db, call } = h;
    const key = envKey ? parseSecretsKey(envKey) : parseSecretsKey(readFileSync(join(h.dataDir, 'secrets-key'), 'utf8'));

    const A = json(await call('POST', '/auth/register', { body: { tenantName: 'Acme', tenantSlug: 'acme', email: 'ann@acme.test', password: PASSWORD } }));
    const B = json(await call('POST', '/auth/register', { body: { tenantName: 'Beta', tenantSlug: 'beta', email: 'bob@beta.test', password: PASSWORD } }));
    assert.equal((await call('POST', '/users', { token: A.accessToken, body: { email: 'val@acme.test', role: 'viewer', password: PASSWORD } })).statusCode, 201);
    const viewer = json(await call('POST', '/auth/login', { body: { email: 'val@acme.test', password: PASSWORD } })).accessToken;

    let trunkId = '';
    await t.test('create: admin only, sources normalized, passwords sealed and never returned', async () => {
      problem(await call('POST', '/sip-trunks', { body: { name: 'x', outboundHost: 'a.example' } }), 401, 'AUTH_REQUIRED');
      problem(await call('POST', '/sip-trunks', { token: viewer, body: { name: 'x', outboundHost: 'a.example' } }), 403, 'INSUFFICIENT_ROLE');
      const before = invalidations;
      const r = await call('POST', '/sip-trunks', {
        token: A.accessToken,
        body: {
          name: 'carrier-a',
          inboundSources: ['203.0.113.7/24', '198.51.100.9', '2001:db8::1/48', '198.51.100.9/32'],
          inboundAuth: { username: 'acme-in', password: 's3cret-in' },
          outboundHost: 'sip.carrier.example',
          outboundPort: 5080,
          outboundTransport: 'tcp',
          outboundAuth: { username: 'acme-out', password: 's3cret-out' },
          fromNumber: '+15550001111',
        },
      });
      assert.equal(r.statusCode, 201, r.body);
      const tr = json(r);
      trunkId = tr.id;
      assert.deepEqual(
        { ...tr, id: undefined, createdAt: undefined, updatedAt: undefined },
        {
          id: undefined, createdAt: undefined, updatedAt: undefined,
          name: 'carrier-a',
          inboundSources: ['203.0.113.0/24', '198.51.100.9/32', '2001:db8::/48'],
          inboundUsername: 'acme-in', inboundAuth: true,
          outboundHost: 'sip.carrier.example', outboundPort: 5080, outboundTransport: 'tcp',
          outboundUsername: 'acme-out', outboundAuth: true,
          fromNumber: '+15550001111',
        },
      );
      assert.doesNotMatch(r.body, /s3cret/);
      assert.equal(invalidations, before + 1, 'admission cache cleared');
      const [row] = await db.withPlatform((tx) => tx<{ tenant_id: string; inbound_password_encrypted: Buffer; outbound_password_encrypted: Buffer }[]>`
        select tenant_id, inbound_password_encrypted, outbound_password_encrypted from sip_trunks where id = ${trunkId}`);
      assert.doesNotMatch(row.inbound_password_encrypted.toString('latin1'), /s3cret/);
      assert.equal(openTrunkPassword(row.inbound_password_encrypted, key, row.tenant_id, trunkId, 'inbound'), 's3cret-in');
      assert.equal(openTrunkPassword(row.outbound_password_encrypted, key, row.tenant_id, trunkId, 'outbound'), 's3cret-out');
      assert.throws(() => openTrunkPassword(row.inbound_password_encrypted, key, row.tenant_id, trunkId, 'outbound'), SecretsError, 'bound to its column');
    });

    await t.test('validation: field paths, unusable trunks, duplicate names', async () => {
      const bad = problem(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'b', inboundSources: ['10.0.0.1', '300.1.1.1', '10.0.0.0/33'] } }), 400, 'VALIDATION_FAILED');
      assert.deepEqual(bad.errors.map((e: { path: string }) => e.path), ['/inboundSources/1', '/inboundSources/2']);
      problem(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'b', outboundHost: 'bad host!' } }), 400, 'VALIDATION_FAILED');
      problem(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'b' } }), 400, 'VALIDATION_FAILED');
      problem(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'b', inboundAuth: { username: 'a"b', password: 'x' } } }), 400, 'VALIDATION_FAILED');
      problem(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'b', outboundHost: '10.0.0.1', outboundPort: 70000 } }), 400, 'VALIDATION_FAILED');
      problem(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'b', outboundHost: '10.0.0.1', extra: 1 } }), 400, 'VALIDATION_FAILED');
      problem(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'carrier-a', outboundHost: '10.0.0.1' } }), 409, 'CONFLICT');
    });

    await t.test('read: list with cursor pages, one by id, viewers read', async () => {
      for (const n of ['t1', 't2']) assert.equal((await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: n, outboundHost: `${n}.example` } })).statusCode, 201);
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { name: string }[]; nextCursor: string | null } = json(await call('GET', `/sip-trunks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: viewer }));
        names.push(...page.items.map((x) => x.name));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(names, ['t2', 't1', 'carrier-a']);
      assert.deepEqual(json(await call('GET', '/sip-trunks?name=t1', { token: viewer })).items.map((x: { name: string }) => x.name), ['t1']);
      assert.equal(json(await call('GET', `/sip-trunks/${trunkId}`, { token: viewer })).name, 'carrier-a');
      problem(await call('GET', '/sip-trunks?bogus=1', { token: viewer }), 400, 'VALIDATION_FAILED');
    });

    await t.test('tenant isolation: another tenant sees nothing and changes nothing', async () => {
      assert.deepEqual(json(await call('GET', '/sip-trunks', { token: B.accessToken })).items, []);
      problem(await call('GET', `/sip-trunks/${trunkId}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      problem(await call('PATCH', `/sip-trunks/${trunkId}`, { token: B.accessToken, body: { name: 'mine' } }), 404, 'NOT_FOUND');
      problem(await call('DELETE', `/sip-trunks/${trunkId}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      // The same name in another tenant is fine.
      assert.equal((await call('POST', '/sip-trunks', { token: B.accessToken, body: { name: 'carrier-a', inboundSources: ['203.0.113.0/24'] } })).statusCode, 201);
    });

    await t.test('patch: credentials replaced or removed, sources replaced, still usable', async () => {
      const r = await call('PATCH', `/sip-trunks/${trunkId}`, { token: A.accessToken, body: { inboundAuth: null, inboundSources: ['192.0.2.1'], outboundAuth: { username: 'new-out', password: 'pw2' }, fromNumber: null } });
      assert.equal(r.statusCode, 200, r.body);
      const tr = json(r);
      assert.deepEqual([tr.inboundAuth, tr.inboundUsername, tr.inboundSources, tr.outboundUsername, tr.fromNumber], [false, null, ['192.0.2.1/32'], 'new-out', null]);
      const [row] = await db.withPlatform((tx) => tx<{ tenant_id: string; outbound_password_encrypted: Buffer }[]>`select tenant_id, outbound_password_encrypted from sip_trunks where id = ${trunkId}`);
      assert.equal(openTrunkPassword(row.outbound_password_encrypted, key, row.tenant_id, trunkId, 'outbound'), 'pw2');
      problem(await call('PATCH', `/sip-trunks/${trunkId}`, { token: A.accessToken, body: { inboundSources: [], outboundHost: null } }), 400, 'VALIDATION_FAILED');
      problem(await call('PATCH', `/sip-trunks/${trunkId}`, { token: A.accessToken, body: {} }), 400, 'VALIDATION_FAILED');
      problem(await call('PATCH', `/sip-trunks/${trunkId}`, { token: A.accessToken, body: { name: 't1' } }), 409, 'CONFLICT');
      problem(await call('PATCH', `/sip-trunks/${trunkId}`, { token: viewer, body: { name: 'v' } }), 403, 'INSUFFICIENT_ROLE');
    });

    await t.test('delete, and the audit log has every change', async () => {
      assert.equal((await call('DELETE', `/sip-trunks/${trunkId}`, { token: A.accessToken })).statusCode, 204);
      problem(await call('GET', `/sip-trunks/${trunkId}`, { token: A.accessToken }), 404, 'NOT_FOUND');
      const audit = json(await call('GET', '/audit-log?limit=50', { token: A.accessToken })).items.filter((e: { targetType: string }) => e.targetType === 'sip-trunks');
      assert.deepEqual(audit.map((e: { action: string }) => e.action).slice(0, 2), ['DELETE /api/v1/sip-trunks/:id', 'PATCH /api/v1/sip-trunks/:id']);
      assert.ok(audit.some((e: { targetId: string; action: string }) => e.targetId === trunkId && e.action.startsWith('DELETE')));
    });
  });
}
