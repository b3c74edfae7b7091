// The management API end to end — tenants, users, phone numbers, agent configs — on PostgreSQL 15 and on
// PGlite: CRUD, strict validation with field paths, 401 vs 403, tenant isolation (404), numbers unique
// across tenants (409), provider secrets sealed at rest, cursor pagination, routing-cache invalidation.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { uap } from '../proto/index.ts';
import { InProcBus } from '../lib/bus/inproc.ts';
import { RoutingLookupService } from './routing/lookup-service.ts';
import { agentSecretsAad, openSecrets, parseSecretsKey, SecretsError } from './crypto/secrets.ts';
import { setupApi, json, type ApiHarness, type Backend } from './test-support.ts';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

const PASSWORD = 'correct horse battery';
const HOSTILE = "Robert'); DROP TABLE users;-- \\x00 $1 ${x}";

function assertProblem(r: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string): any {
  assert.equal(r.statusCode, status, r.body);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  const p = json(r);
  assert.equal(p.code, code, r.body);
  assert.doesNotMatch(r.body, /\n\s+at |\.ts:\d+/);
  return p;
}

for (const kind of ['postgres', 'pglite'] as Backend[]) {
  test(`management API on ${kind}`, { timeout: 60_000 }, async (t) => {
    // On PostgreSQL the secrets key comes from UAP_SECRETS_KEY; on PGlite it is generated in the data dir.
    const envKey = kind === 'postgres' ? randomBytes(32).toString('hex') : undefined;
    if (envKey) process.env.UAP_SECRETS_KEY = envKey;
    else delete process.env.UAP_SECRETS_KEY;
    let routing: RoutingLookupService | undefined;
    let invalidations = 0;
    let h: ApiHarness;
    try {
      h = await setupApi(kind, { onRoutingChange: () => (invalidations++, routing?.invalidate()) });
    } finally {
      delete process.env.UAP_SECRETS_KEY;
    }
    closers.push(h.close);
    const { db, call } = h;
    const bus = new InProcBus();
    closers.push(() => bus.close());
    routing = new RoutingLookupService(db, bus, h.log);
    const route = async (to: string) => uap.RoutingReply.decode(await routing!.lookup(to));
    const secretsKey = envKey ? parseSecretsKey(envKey) : parseSecretsKey(readFileSync(join(h.dataDir, 'secrets-key'), 'utf8'));

    // A (acme) registers first: platform admin and admin of acme. B: admin of beta.
    const A = json(await call('POST', '/auth/register', { body: { tenantName: 'Acme', tenantSlug: 'acme', email: 'ann@acme.test', password: PASSWORD } }));
    const B = json(await call('POST', '/auth/register', { body: { tenantName: 'Beta', tenantSlug: 'beta', email: 'bob@beta.test', password: PASSWORD } }));
    assert.ok(A.accessToken && B.accessToken);
    const login = async (email: string, password = PASSWORD) => call('POST', '/auth/login', { body: { email, password } });

    await t.test('secrets key: env var, or generated once in the data dir (0600)', () => {
      const file = join(h.dataDir, 'secrets-key');
      if (envKey) assert.equal(existsSync(file), false);
      else assert.equal(statSync(file).mode & 0o777, 0o600);
    });

    let gammaId = '';
    await t.test('tenants: platform admins only; 401 vs 403', async () => {
      assertProblem(await call('GET', '/tenants'), 401, 'AUTH_REQUIRED');
      assertProblem(await call('POST', '/tenants', { token: B.accessToken, body: { name: 'X', slug: 'x' } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('GET', '/tenants', { token: B.accessToken }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('DELETE', `/tenants/${A.tenantId}`, { token: B.accessToken }), 403, 'INSUFFICIENT_ROLE');

      const created = await call('POST', '/tenants', {
        token: A.accessToken,
        body: { name: HOSTILE, slug: 'gamma', plan: 'pro', quotas: { max_concurrent_calls: 25 }, featureFlags: { rag: true }, branding: { color: '#123456' }, settings: { locale: 'de' }, admin: { email: 'Gus@Gamma.test', password: PASSWORD } },
      });
      assert.equal(created.statusCode, 201, created.body);
      const g = json(created);
      gammaId = g.id;
      assert.deepEqual({ name: g.name, slug: g.slug, plan: g.plan, status: g.status, quotas: g.quotas, featureFlags: g.featureFlags, branding: g.branding, settings: g.settings },
        { name: HOSTILE, slug: 'gamma', plan: 'pro', status: 'active', quotas: { max_concurrent_calls: 25 }, featureFlags: { rag: true }, branding: { color: '#123456' }, settings: { locale: 'de' } });
      const [row] = await db.withPlatform((tx) => tx`select name from tenants where id = ${g.id}`);
      assert.equal(row.name, HOSTILE, 'SQL-shaped strings are stored verbatim');
      assert.equal((await login('gus@gamma.test')).statusCode, 200, "the new tenant's first admin signs in");

      assertProblem(await call('POST', '/tenants', { token: A.accessToken, body: { name: 'Again', slug: 'gamma' } }), 409, 'CONFLICT');
      const bad = assertProblem(await call('POST', '/tenants', { token: A.accessToken, body: { name: 'Q', slug: 'q', quotas: { max_concurrent_calls: 1, bogus: 2 } } }), 400, 'VALIDATION_FAILED');
      assert.equal(bad.errors[0].path, '/quotas/bogus');

      // default, acme, beta, gamma — one page at a time.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { slug: string }[]; nextCursor: string | null } = json(await call('GET', `/tenants?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: A.accessToken }));
        seen.push(...page.items.map((x) => x.slug));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ['gamma', 'beta', 'acme', 'default']);
      assert.deepEqual(json(await call('GET', '/tenants?status=suspended', { token: A.accessToken })).items, []);
      assertProblem(await call('GET', '/tenants?status=gone', { token: A.accessToken }), 400, 'VALIDATION_FAILED');
    });

    await t.test('tenants: members read their own; tenant admins change name, settings, branding only', async () => {
      assert.equal((await call('GET', `/tenants/${gammaId}`, { token: A.accessToken })).statusCode, 200);
      assertProblem(await call('GET', `/tenants/${gammaId}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      assert.equal(json(await call('GET', `/tenants/${B.tenantId}`, { token: B.accessToken })).slug, 'beta');

      const own = await call('PATCH', `/tenants/${B.tenantId}`, { token: B.accessToken, body: { name: 'Beta GmbH', settings: { tz: 'Europe/Berlin' }, branding: { logo: 'x.png' } } });
      assert.equal(own.statusCode, 200, own.body);
      assert.equal(json(own).name, 'Beta GmbH');
      assert.deepEqual(json(own).settings, { tz: 'Europe/Berlin' });
      assertProblem(await call('PATCH', `/tenants/${B.tenantId}`, { token: B.accessToken, body: { plan: 'enterprise' } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('PATCH', `/tenants/${B.tenantId}`, { token: B.accessToken, body: { quotas: { max_concurrent_calls: 9999 } } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('PATCH', `/tenants/${gammaId}`, { token: B.accessToken, body: { name: 'mine' } }), 404, 'NOT_FOUND');
      assertProblem(await call('PATCH', `/tenants/${B.tenantId}`, { token: B.accessToken, body: {} }), 400, 'VALIDATION_FAILED');

      const pa = await call('PATCH', `/tenants/${gammaId}`, { token: A.accessToken, body: { plan: 'enterprise', quotas: { max_concurrent_calls: 50 }, featureFlags: { rag: false } } });
      assert.equal(pa.statusCode, 200, pa.body);
      assert.deepEqual([json(pa).plan, json(pa).quotas, json(pa).featureFlags], ['enterprise', { max_concurrent_calls: 50 }, { rag: false }]);

      assertProblem(await call('DELETE', `/tenants/${A.tenantId}`, { token: A.accessToken }), 409, 'CONFLICT');
      assert.equal((await call('DELETE', `/tenants/${gammaId}`, { token: A.accessToken })).statusCode, 204);
      assert.equal(json(await call('GET', `/tenants/${gammaId}`, { token: A.accessToken })).status, 'deleted', 'soft delete');
      assertProblem(await login('gus@gamma.test'), 401, 'INVALID_CREDENTIALS');
      assertProblem(await call('DELETE', '/tenants/00000000-0000-4000-8000-000000000000', { token: A.accessToken }), 404, 'NOT_FOUND');
    });

    let viewerToken = '';
    let memberToken = '';
    let memberId = '';
    await t.test('users: CRUD, no password hashes, 409 on a duplicate email, roles', async () => {
      const v = await call('POST', '/users', { token: B.accessToken, body: { email: 'Vic@Beta.test', name: HOSTILE, role: 'viewer', password: PASSWORD } });
      assert.equal(v.statusCode, 201, v.body);
      const vic = json(v);
      assert.deepEqual([vic.email, vic.name, vic.role, vic.hasPassword, vic.platformAdmin], ['vic@beta.test', HOSTILE, 'viewer', true, false]);
      assert.doesNotMatch(v.body, /argon2|password_hash|passwordHash/);
      const [stored] = await db.withPlatform((tx) => tx`select name, password_hash from users where id = ${vic.id}`);
      assert.equal(stored.name, HOSTILE);
      assert.match(stored.password_hash, /^\$argon2id\$/);

      assertProblem(await call('POST', '/users', { token: B.accessToken, body: { email: 'VIC@beta.test' } }), 409, 'CONFLICT');
      assertProblem(await call('POST', '/users', { token: B.accessToken, body: { email: 'root@beta.test', platformAdmin: true } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('POST', '/users', { token: B.accessToken, body: { email: 'x@beta.test', role: 'owner' } }), 400, 'VALIDATION_FAILED');
      const m = json(await call('POST', '/users', { token: B.accessToken, body: { email: 'mia@beta.test', role: 'user', password: PASSWORD } }));
      memberId = m.id;
      const invited = json(await call('POST', '/users', { token: B.accessToken, body: { email: 'ivy@beta.test' } }));
      assert.deepEqual([invited.role, invited.hasPassword], ['user', false]);

      viewerToken = json(await login('vic@beta.test')).accessToken;
      memberToken = json(await login('mia@beta.test')).accessToken;
      const list = await call('GET', '/users', { token: viewerToken });
      assert.equal(list.statusCode, 200);
      assert.deepEqual(json(list).items.map((u: { email: string }) => u.email), ['ivy@beta.test', 'mia@beta.test', 'vic@beta.test', 'bob@beta.test']);
      assert.doesNotMatch(list.body, /argon2/);
      assert.deepEqual(json(await call('GET', '/users?role=viewer', { token: viewerToken })).items.map((u: { id: string }) => u.id), [vic.id]);
      assertProblem(await call('POST', '/users', { token: viewerToken, body: { email: 'z@beta.test' } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('DELETE', `/users/${vic.id}`, { token: memberToken }), 403, 'INSUFFICIENT_ROLE');

      const p = await call('PATCH', `/users/${vic.id}`, { token: B.accessToken, body: { name: 'Victoria', role: 'user', password: 'a brand new passphrase' } });
      assert.equal(p.statusCode, 200, p.body);
      assert.deepEqual([json(p).name, json(p).role], ['Victoria', 'user']);
      assertProblem(await login('vic@beta.test'), 401, 'INVALID_CREDENTIALS');
      assert.equal((await login('vic@beta.test', 'a brand new passphrase')).statusCode, 200);

      assertProblem(await call('PATCH', `/users/${B.userId}`, { token: B.accessToken, body: { role: 'viewer' } }), 409, 'CONFLICT');
      assertProblem(await call('PATCH', `/users/${vic.id}`, { token: B.accessToken, body: { email: 'new@beta.test' } }), 400, 'VALIDATION_FAILED');
      assert.equal((await call('DELETE', `/users/${invited.id}`, { token: B.accessToken })).statusCode, 204);
      assertProblem(await call('GET', `/users/${invited.id}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      assertProblem(await call('DELETE', `/users/${B.userId}`, { token: B.accessToken }), 409, 'CONFLICT');
    });

    await t.test("users: a tenant admin cannot touch a platform admin; other tenants' users are 404", async () => {
      const ops = await call('POST', '/users', { token: A.accessToken, body: { email: 'ops@acme.test', role: 'admin', password: PASSWORD } });
      assert.equal(ops.statusCode, 201, ops.body);
      const opsToken = json(await login('ops@acme.test')).accessToken;
      assertProblem(await call('PATCH', `/users/${A.userId}`, { token: opsToken, body: { password: 'i own the platform now' } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('DELETE', `/users/${A.userId}`, { token: opsToken }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('PATCH', `/users/${json(ops).id}`, { token: opsToken, body: { platformAdmin: true } }), 403, 'INSUFFICIENT_ROLE');
      // The platform admin may grant it.
      const granted = await call('PATCH', `/users/${json(ops).id}`, { token: A.accessToken, body: { platformAdmin: true } });
      assert.equal(json(granted).platformAdmin, true, granted.body);

      for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'pwned' }], ['DELETE', undefined]] as const) {
        assertProblem(await call(method, `/users/${memberId}`, { token: opsToken, body }), 404, 'NOT_FOUND');
      }
      const [mia] = await db.withPlatform((tx) => tx`select name from users where id = ${memberId}`);
      assert.equal(mia.name, '', 'untouched');
      assert.ok(!json(await call('GET', '/users', { token: opsToken })).items.some((u: { id: string }) => u.id === memberId));
    });

    let agentId = '';
    let agent2Id = '';
    await t.test('agent configs: CRUD, secrets sealed at rest, only names returned', async () => {
      const secret = 'sk-test-0123456789-very-secret';
      const c = await call('POST', '/agent-configs', {
        token: memberToken, // the user role writes agent configs
        body: { name: 'Support', kind: 'openai-realtime', prompt: HOSTILE, voice: 'alloy', tools: [{ type: 'function', name: 'lookup_order' }], settings: { model: 'gpt-realtime', temperature: 0.6 }, secrets: { OPENAI_API_KEY: secret, WEBHOOK_TOKEN: 'tok-42' } },
      });
      assert.equal(c.statusCode, 201, c.body);
      const a = json(c);
      agentId = a.id;
      assert.deepEqual(a.secretNames, ['OPENAI_API_KEY', 'WEBHOOK_TOKEN']);
      assert.equal(a.prompt, HOSTILE);
      assert.deepEqual(a.tools, [{ type: 'function', name: 'lookup_order' }]);
      assert.ok(!c.body.includes(secret) && !c.body.includes('tok-42'));

      const [row] = await db.withPlatform((tx) => tx<{ secrets_encrypted: Buffer; prompt: string; tenant_id: string }[]>`select secrets_encrypted, prompt, tenant_id from agent_configs where id = ${agentId}`);
      assert.equal(row.prompt, HOSTILE, 'SQL-shaped strings are stored verbatim');
      const blob = Buffer.from(row.secrets_encrypted);
      assert.equal(blob[0], 1, 'version byte');
      assert.ok(!blob.includes(Buffer.from(secret)) && !blob.toString('latin1').includes('OPENAI'), 'ciphertext, not plaintext');
      assert.deepEqual(openSecrets(blob, secretsKey, agentSecretsAad(B.tenantId, agentId)), { OPENAI_API_KEY: secret, WEBHOOK_TOKEN: 'tok-42' });
      const tampered = Buffer.from(blob);
      tampered[20] ^= 1;
      assert.throws(() => openSecrets(tampered, secretsKey, agentSecretsAad(B.tenantId, agentId)), SecretsError);
      assert.throws(() => openSecrets(blob, secretsKey, agentSecretsAad(A.tenantId, agentId)), SecretsError, 'bound to its tenant and row');
      assert.throws(() => openSecrets(blob, randomBytes(32), agentSecretsAad(B.tenantId, agentId)), SecretsError);

      const one = await call('GET', `/agent-configs/${agentId}`, { token: viewerToken });
      assert.equal(one.statusCode, 200);
      assert.deepEqual(json(one).secretNames, ['OPENAI_API_KEY', 'WEBHOOK_TOKEN']);
      const list = await call('GET', '/agent-configs', { token: viewerToken });
      assert.ok(!list.body.includes(secret));
      assert.deepEqual(json(list).items.map((x: { name: string }) => x.name), ['Support']);

      const p = await call('PATCH', `/agent-configs/${agentId}`, { token: memberToken, body: { secrets: { OPENAI_API_KEY: null, ULTRAVOX_API_KEY: 'uv-1' }, voice: null } });
      assert.equal(p.statusCode, 200, p.body);
      assert.deepEqual(json(p).secretNames, ['ULTRAVOX_API_KEY', 'WEBHOOK_TOKEN']);
      assert.equal(json(p).voice, null);
      const [row2] = await db.withPlatform((tx) => tx<{ secrets_encrypted: Buffer }[]>`select secrets_encrypted from agent_configs where id = ${agentId}`);
      assert.deepEqual(openSecrets(row2.secrets_encrypted, secretsKey, agentSecretsAad(B.tenantId, agentId)), { ULTRAVOX_API_KEY: 'uv-1', WEBHOOK_TOKEN: 'tok-42' });

      agent2Id = json(await call('POST', '/agent-configs', { token: B.accessToken, body: { name: 'Echo', kind: 'echo' } })).id;
      assertProblem(await call('POST', '/agent-configs', { token: B.accessToken, body: { name: 'Echo', kind: 'echo' } }), 409, 'CONFLICT');
      const badKind = assertProblem(await call('POST', '/agent-configs', { token: B.accessToken, body: { name: 'X', kind: 'gpt-9' } }), 400, 'VALIDATION_FAILED');
      assert.equal(badKind.errors[0].path, '/kind');
      const badSecret = assertProblem(await call('POST', '/agent-configs', { token: B.accessToken, body: { name: 'X', kind: 'echo', secrets: { KEY: 42 } } }), 400, 'VALIDATION_FAILED');
      assert.equal(badSecret.errors[0].path, '/secrets/KEY');
      assertProblem(await call('POST', '/agent-configs', { token: B.accessToken, body: { name: 'X', kind: 'echo', tools: ['not an object'] } }), 400, 'VALIDATION_FAILED');
      assertProblem(await call('POST', '/agent-configs', { token: viewerToken, body: { name: 'X', kind: 'echo' } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('DELETE', `/agent-configs/${agent2Id}`, { token: memberToken }), 403, 'INSUFFICIENT_ROLE');
    });

    await t.test("agent configs: another tenant's are 404", async () => {
      assertProblem(await call('GET', `/agent-configs/${agentId}`, { token: A.accessToken }), 404, 'NOT_FOUND');
      assertProblem(await call('PATCH', `/agent-configs/${agentId}`, { token: A.accessToken, body: { prompt: 'pwned', secrets: { OPENAI_API_KEY: 'mine' } } }), 404, 'NOT_FOUND');
      assertProblem(await call('DELETE', `/agent-configs/${agentId}`, { token: A.accessToken }), 404, 'NOT_FOUND');
      assert.ok(!json(await call('GET', '/agent-configs', { token: A.accessToken })).items.some((x: { id: string }) => x.id === agentId));
      assert.equal(json(await call('GET', `/agent-configs/${agentId}`, { token: B.accessToken })).prompt, HOSTILE, 'untouched');
    });

    let numberId = '';
    await t.test('phone numbers: validation, CRUD, routing cache invalidated on every change', async () => {
      const to = '+15550100200';
      const before = await route(to);
      assert.equal(before.found, true, 'the seeded catch-all answers (and is now cached)');
      assert.notEqual(before.tenantId, B.tenantId);

      const e164 = assertProblem(await call('POST', '/phone-numbers', { token: B.accessToken, body: { e164: '5550100', agentConfigId: agentId } }), 400, 'VALIDATION_FAILED');
      assert.deepEqual(e164.errors.map((e: { in: string; path: string }) => [e.in, e.path]), [['body', '/e164']]);
      const extra = assertProblem(await call('POST', '/phone-numbers', { token: B.accessToken, body: { e164: to, agentConfigId: agentId, extra: 1 } }), 400, 'VALIDATION_FAILED');
      assert.deepEqual(extra.errors.map((e: { path: string }) => e.path), ['/extra']);
      assertProblem(await call('POST', '/phone-numbers', { token: B.accessToken, body: { e164: to, provider: 'skype' } }), 400, 'VALIDATION_FAILED');
      assertProblem(await call('POST', '/phone-numbers', { token: viewerToken, body: { e164: to } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('POST', '/phone-numbers', { token: memberToken, body: { e164: to } }), 403, 'INSUFFICIENT_ROLE');
      assertProblem(await call('POST', '/phone-numbers', { body: { e164: to } }), 401, 'AUTH_REQUIRED');

      const n0 = invalidations;
      const c = await call('POST', '/phone-numbers', { token: B.accessToken, body: { e164: to, agentConfigId: agentId, provider: 'sip' } });
      assert.equal(c.statusCode, 201, c.body);
      const num = json(c);
      numberId = num.id;
      assert.deepEqual([num.e164, num.agentConfigId, num.provider], [to, agentId, 'sip']);
      assert.equal(invalidations, n0 + 1);
      const now = await route(to);
      assert.deepEqual([now.found, now.tenantId, now.agentConfigId, now.agentKind], [true, B.tenantId, agentId, 'openai-realtime']);

      assert.equal((await call('PATCH', `/phone-numbers/${numberId}`, { token: B.accessToken, body: { agentConfigId: agent2Id } })).statusCode, 200);
      assert.deepEqual([(await route(to)).agentConfigId, (await route(to)).agentKind], [agent2Id, 'echo']);
      // Editing the agent config behind a number clears the cache too.
      assert.equal((await call('PATCH', `/agent-configs/${agent2Id}`, { token: B.accessToken, body: { kind: 'cascaded' } })).statusCode, 200);
      assert.equal((await route(to)).agentKind, 'cascaded');
      assert.equal(json(await call('PATCH', `/phone-numbers/${numberId}`, { token: B.accessToken, body: { agentConfigId: null } })).agentConfigId, null);
      assert.equal((await route(to)).errorCode, 'NO_AGENT_CONFIG');
      assert.equal((await call('PATCH', `/phone-numbers/${numberId}`, { token: B.accessToken, body: { agentConfigId: agentId } })).statusCode, 200);

      const list = json(await call('GET', '/phone-numbers', { token: viewerToken }));
      assert.deepEqual(list.items.map((x: { id: string }) => x.id), [numberId]);
      assert.deepEqual(json(await call('GET', `/phone-numbers?provider=twilio`, { token: viewerToken })).items, []);
    });

    await t.test('phone numbers: unique across tenants (409), isolated (404)', async () => {
      const to = '+15550100200';
      assertProblem(await call('POST', '/phone-numbers', { token: A.accessToken, body: { e164: to } }), 409, 'CONFLICT');
      assertProblem(await call('POST', '/phone-numbers', { token: B.accessToken, body: { e164: '*' } }), 409, 'CONFLICT');
      assertProblem(await call('POST', '/phone-numbers', { token: A.accessToken, body: { e164: '+15550100999', agentConfigId: agentId } }), 404, 'NOT_FOUND');
      for (const [method, body] of [['PATCH', { agentConfigId: null }], ['DELETE', undefined]] as const) {
        assertProblem(await call(method, `/phone-numbers/${numberId}`, { token: A.accessToken, body }), 404, 'NOT_FOUND');
      }
      assert.deepEqual(json(await call('GET', '/phone-numbers', { token: A.accessToken })).items, []);
      assert.equal((await route(to)).agentConfigId, agentId, 'untouched');
    });

    await t.test('API keys need the scopes', async () => {
      const key = json(await call('POST', `/tenants/${B.tenantId}/api-keys`, { token: B.accessToken, body: { name: 'numbers', role: 'admin', scopes: ['numbers:read', 'agents:*'] } })).key;
      assert.equal((await call('GET', '/phone-numbers', { key })).statusCode, 200);
      assertProblem(await call('POST', '/phone-numbers', { key, body: { e164: '+15550100300' } }), 403, 'INSUFFICIENT_SCOPE');
      assertProblem(await call('GET', '/users', { key }), 403, 'INSUFFICIENT_SCOPE');
      assert.equal((await call('GET', '/agent-configs', { key })).statusCode, 200);
      assert.equal((await call('POST', '/agent-configs', { key, body: { name: 'By key', kind: 'echo' } })).statusCode, 201);
      assertProblem(await call('GET', `/tenants/${B.tenantId}`, { key }), 403, 'INSUFFICIENT_SCOPE');
    });

    await t.test('cursor pagination: rows created in one transaction (same created_at) are neither skipped nor repeated', async () => {
      await db.withTenant(B.tenantId, (tx) => tx`insert into phone_numbers (tenant_id, e164) select ${B.tenantId}, '+1555020' || g from generate_series(10, 14) g`);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r = await call('GET', `/phone-numbers?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: viewerToken });
        assert.equal(r.statusCode, 200, r.body);
        const page: { items: { e164: string }[]; nextCursor: string | null } = json(r);
        seen.push(...page.items.map((x) => x.e164));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3, JSON.stringify(seen));
      assert.equal(seen.length, 6);
      assert.equal(new Set(seen).size, 6);
      assert.ok(seen.includes('+15550100200'));
      assertProblem(await call('GET', '/phone-numbers?cursor=bogus', { token: viewerToken }), 400, 'BAD_CURSOR');
    });

    await t.test('deletes: numbers and agent configs; the cache follows', async () => {
      const to = '+15550100200';
      assert.equal((await call('DELETE', `/agent-configs/${agentId}`, { token: B.accessToken })).statusCode, 204);
      assert.equal((await route(to)).errorCode, 'NO_AGENT_CONFIG', 'the number is left without an agent');
      assertProblem(await call('GET', `/agent-configs/${agentId}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      assert.equal((await call('DELETE', `/phone-numbers/${numberId}`, { token: B.accessToken })).statusCode, 204);
      assertProblem(await call('DELETE', `/phone-numbers/${numberId}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      assert.notEqual((await route(to)).tenantId, B.tenantId, 'back to the catch-all');
    });

    await t.test('audit log and OpenAPI', async () => {
      const actions = json(await call('GET', '/audit-log?limit=200', { token: B.accessToken })).items.map((e: { action: string }) => e.action);
      for (const a of ['POST /api/v1/users', 'PATCH /api/v1/tenants/:tenantId', 'POST /api/v1/phone-numbers', 'DELETE /api/v1/agent-configs/:id']) assert.ok(actions.includes(a), a);
      const doc = JSON.parse((await h.app.inject({ method: 'GET', url: '/api/v1/docs/json' })).body);
      for (const p of ['/api/v1/tenants', '/api/v1/tenants/{tenantId}', '/api/v1/users/{userId}', '/api/v1/phone-numbers/{id}', '/api/v1/agent-configs/{id}']) assert.ok(doc.paths[p], p);
    });
  });
}
