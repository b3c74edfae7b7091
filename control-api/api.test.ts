// The REST API end to end in one process (fastify inject, no sockets) on a real database — the same
// suite on PostgreSQL 15 and on PGlite: auth, refresh rotation with reuse detection, API keys and roles,
// call history from events, tenant isolation through the API, exact error codes, the audit log.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { CallEventWriter } from './history/event-writer.ts';
import { setupApi, json, type ApiHarness } from './test-support.ts';
import { uap } from '../proto/index.ts';

const harnesses: ApiHarness[] = [];
after(async () => {
  for (const h of harnesses) await h.close();
});

function event(callId: string, tenantId: string, seq: number, body: Record<string, unknown>): uap.CallEvent {
  return uap.CallEvent.fromObject({ eventId: `${callId}.media.${seq}`, callId, tenantId, ts: Date.now() + seq, seq, ...body });
}

for (const kind of ['postgres', 'pglite'] as const) {
  test(`REST API on ${kind}`, { timeout: 60_000 }, async (t) => {
    const h = await setupApi(kind);
    harnesses.push(h);
    const { app, db, call } = h;

    // Register two tenants. The first user of the installation is the platform admin.
    const hostile = "Robert'); DROP TABLE tenants;--";
    const ra = await call('POST', '/auth/register', { body: { tenantName: hostile, tenantSlug: 'acme', email: 'Ann@Acme.test', password: 'correct horse battery', name: 'Ann' } });
    assert.equal(ra.statusCode, 201, ra.body);
    const A = json(ra);
    const rb = await call('POST', '/auth/register', { body: { tenantName: 'Beta', tenantSlug: 'beta', email: 'bob@beta.test', password: 'correct horse battery' } });
    const B = json(rb);
    const [{ name }] = await db.withPlatform((tx) => tx`select name from tenants where slug = 'acme'`);
    assert.equal(name, hostile, 'SQL-shaped strings are stored verbatim');

    await t.test('bad input: exact statuses and codes, no stack traces', async () => {
      const dup = await call('POST', '/auth/register', { body: { tenantName: 'X', tenantSlug: 'acme', email: 'x@x.test', password: 'correct horse battery' } });
      assert.equal(dup.statusCode, 409);
      assert.equal(json(dup).code, 'CONFLICT');
      const unknown = await call('POST', '/auth/login', { body: { email: 'ann@acme.test', password: 'x', extra: 1 } });
      assert.equal(unknown.statusCode, 400);
      assert.equal(json(unknown).code, 'VALIDATION_FAILED');
      assert.ok(JSON.stringify(json(unknown).errors).includes('extra'), 'the unknown field is named');
      const wrong = await call('POST', '/auth/login', { body: { email: 'ann@acme.test', password: 'wrong password' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(json(wrong).code, 'INVALID_CREDENTIALS');
      const anon = await call('GET', '/voice/calls');
      assert.equal(anon.statusCode, 401);
      assert.equal(json(anon).code, 'AUTH_REQUIRED');
      const forged = await call('GET', '/voice/calls', { token: A.accessToken.slice(0, -3) + 'abc' });
      assert.equal(forged.statusCode, 401);
      assert.equal(json(forged).code, 'TOKEN_INVALID');
      for (const r of [dup, unknown, wrong, anon, forged]) {
        assert.match(r.headers['content-type'] as string, /application\/problem\+json/);
        assert.doesNotMatch(r.body, /\n\s+at |\.ts:\d+/);
      }
    });

    await t.test('login, refresh rotation, reuse detection, logout', async () => {
      const login = await call('POST', '/auth/login', { body: { email: 'ann@acme.test', password: 'correct horse battery' } });
      assert.equal(login.statusCode, 200, login.body);
      const first = json(login);
      const r1 = await call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      assert.equal(r1.statusCode, 200);
      const second = json(r1);
      const reuse = await call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      assert.equal(reuse.statusCode, 401);
      assert.equal(json(reuse).code, 'REFRESH_REUSED');
      const after = await call('POST', '/auth/refresh', { body: { refreshToken: second.refreshToken } });
      assert.equal(after.statusCode, 401, 'reuse revoked the whole family');
      const l2 = json(await call('POST', '/auth/login', { body: { email: 'ann@acme.test', password: 'correct horse battery' } }));
      assert.equal((await call('POST', '/auth/logout', { body: { refreshToken: l2.refreshToken } })).statusCode, 204);
      assert.equal((await call('POST', '/auth/refresh', { body: { refreshToken: l2.refreshToken } })).statusCode, 401, 'logout revokes');
    });

    // Call history: events for a call of tenant A, written as the durable consumer does.
    const writer = new CallEventWriter(db);
    const callId = 'CA' + 'a'.repeat(32);
    await writer.write(event(callId, 'acme', 1, { started: { transport: 'twilio', direction: 'inbound', from: '+15550001111', to: '+15550002222', providerCallId: callId } }));
    await writer.write(event(callId, 'acme', 2, { dtmf: { digit: '5' } }));
    await writer.write(event(callId, 'acme', 2, { dtmf: { digit: '5' } })); // a redelivery: ignored
    await writer.write(event(callId, 'acme', 3, { transcript: { role: 'user', text: 'hello', final: true, startMs: 100, endMs: 900 } }));
    await writer.write(event(callId, 'acme', 4, { ended: { reason: uap.EndReason.CALLER_HANGUP, durationMs: 5000, framesIn: 250 } }));

    await t.test('API keys, roles and call history', async () => {
      const created = await call('POST', `/tenants/${A.tenantId}/api-keys`, { token: A.accessToken, body: { name: 'reporting', role: 'viewer', scopes: ['calls:read'] } });
      assert.equal(created.statusCode, 201, created.body);
      const { key, apiKey } = json(created);
      assert.match(key, /^uap_/);
      assert.ok(key.includes(apiKey.prefix));
      const list = json(await call('GET', '/voice/calls', { key }));
      assert.equal(list.items.length, 1);
      assert.equal(list.items[0].id, callId);
      assert.equal(list.items[0].status, 'completed');
      assert.equal(list.items[0].durationMs, 5000);
      assert.equal(list.items[0].endReason, 'CALLER_HANGUP');
      const filtered = json(await call('GET', '/voice/calls?status=failed', { key }));
      assert.equal(filtered.items.length, 0);
      const one = await call('GET', `/voice/calls/${callId}`, { key });
      assert.equal(one.statusCode, 200);
      const tr = json(await call('GET', `/voice/calls/${callId}/transcript`, { key }));
      assert.deepEqual(tr.turns, [{ role: 'user', text: 'hello', startMs: 100, endMs: 900, interrupted: false }]);
      assert.deepEqual(tr.events.map((e: { kind: string }) => e.kind), ['started', 'dtmf', 'transcript', 'ended'], 'each event once');
      // The viewer key reads but does not manage keys.
      const denied = await call('POST', `/tenants/${A.tenantId}/api-keys`, { key, body: { name: 'x' } });
      assert.equal(denied.statusCode, 403);
      assert.equal(json(denied).code, 'INSUFFICIENT_ROLE');
      // Revoked keys stop working.
      assert.equal((await call('DELETE', `/tenants/${A.tenantId}/api-keys/${apiKey.id}`, { token: A.accessToken })).statusCode, 204);
      const revoked = await call('GET', '/voice/calls', { key });
      assert.equal(revoked.statusCode, 401);
      assert.equal(json(revoked).code, 'API_KEY_REVOKED');
      const bad = await call('GET', '/voice/calls?cursor=not-a-cursor', { token: A.accessToken });
      assert.equal(bad.statusCode, 400);
      assert.equal(json(bad).code, 'BAD_CURSOR');
    });

    await t.test('tenant B sees nothing of tenant A, through every route', async () => {
      assert.deepEqual(json(await call('GET', '/voice/calls', { token: B.accessToken })).items, []);
      assert.equal((await call('GET', `/voice/calls/${callId}`, { token: B.accessToken })).statusCode, 404);
      assert.equal((await call('GET', `/voice/calls/${callId}/transcript`, { token: B.accessToken })).statusCode, 404);
      const other = await call('POST', `/tenants/${A.tenantId}/api-keys`, { token: B.accessToken, body: { name: 'sneaky' } });
      assert.equal(other.statusCode, 404, "another tenant's resources do not exist for you");
    });

    await t.test('audit log records mutations for tenant admins', async () => {
      const entries = json(await call('GET', '/audit-log', { token: A.accessToken })).items as { action: string; actorType: string; ip: string | null }[];
      const actions = entries.map((e) => e.action);
      assert.ok(actions.includes('POST /api/v1/tenants/:tenantId/api-keys'), actions.join(', '));
      assert.ok(actions.includes('DELETE /api/v1/tenants/:tenantId/api-keys/:keyId'));
      assert.ok(actions.includes('tenant.register'), actions.join(', '));
      assert.ok(entries.every((e) => e.ip !== undefined));
    });

    await t.test('the seeded default tenant can be claimed once', async () => {
      const body = { tenantName: 'Us', tenantSlug: 'default', email: 'ops@us.test', password: 'correct horse battery' };
      const claimed = await call('POST', '/auth/register', { body });
      assert.equal(claimed.statusCode, 201, claimed.body);
      const [d] = await db.withPlatform((tx) => tx`select id, name from tenants where slug = 'default'`);
      assert.equal(json(claimed).tenantId, d.id);
      assert.equal(d.name, 'Us');
      const again = await call('POST', '/auth/register', { body: { ...body, email: 'other@us.test' } });
      assert.equal(again.statusCode, 409);
    });

    await t.test('OpenAPI document lists the routes', async () => {
      const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/docs/json' })).body);
      assert.match(doc.openapi, /^3\./);
      for (const p of ['/api/v1/voice/calls', '/api/v1/voice/calls/{callId}/transcript', '/api/v1/auth/login', '/api/v1/tenants/{tenantId}/api-keys']) assert.ok(doc.paths[p], p);
    });
  });
}
