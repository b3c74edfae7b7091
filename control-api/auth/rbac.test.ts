// Authentication and authorization through the API: 401 for no or bad credentials, 403 for good
// credentials without the right role/scope, and 401 → 403 → 400 in that order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../http/errors.ts';
import { assertTenantAccess, hasScope, roleAtLeast, type Actor } from './rbac.ts';
import { buildTestApi, type TestApi } from '../http/test-support.ts';

const actor = (over: Partial<Actor> = {}): Actor => ({ kind: 'user', id: 'u', tenantId: 'acme', role: 'viewer', platformAdmin: false, scopes: ['*'], ...over });

test('roles rank admin > user > viewer; a platform admin passes every role check', () => {
  assert.equal(roleAtLeast(actor({ role: 'viewer' }), 'viewer'), true);
  assert.equal(roleAtLeast(actor({ role: 'viewer' }), 'user'), false);
  assert.equal(roleAtLeast(actor({ role: 'user' }), 'user'), true);
  assert.equal(roleAtLeast(actor({ role: 'user' }), 'admin'), false);
  assert.equal(roleAtLeast(actor({ role: 'admin' }), 'admin'), true);
  assert.equal(roleAtLeast(actor({ role: 'viewer', platformAdmin: true, tenantId: null }), 'admin'), true);
});

test('scopes: exact, resource wildcard, and *', () => {
  assert.equal(hasScope(actor({ scopes: ['calls:read'] }), 'calls:read'), true);
  assert.equal(hasScope(actor({ scopes: ['calls:read'] }), 'calls:write'), false);
  assert.equal(hasScope(actor({ scopes: ['calls:*'] }), 'calls:write'), true);
  assert.equal(hasScope(actor({ scopes: ['calls:*'] }), 'callsx:read'), false);
  assert.equal(hasScope(actor({ scopes: ['*'] }), 'anything'), true);
  assert.equal(hasScope(actor({ scopes: [] }), 'calls:read'), false);
});

test('tenant isolation: another tenant’s resource is a 404, a platform admin sees all', () => {
  assertTenantAccess(actor(), 'acme');
  assertTenantAccess(actor({ platformAdmin: true, tenantId: null }), 'globex');
  assert.throws(() => assertTenantAccess(actor(), 'globex'), (e: unknown) => e instanceof ApiError && e.status === 404);
});

async function setup(t: Parameters<typeof buildTestApi>[0]) {
  const api = await buildTestApi(t);
  const as = async (role: Actor['role'], platformAdmin = false) => {
    const u = await api.addUser({ id: `${role}${platformAdmin ? '-pa' : ''}`, email: `${role}${platformAdmin}@acme.test`, tenantId: platformAdmin ? null : 'acme', role, platformAdmin });
    return { authorization: `Bearer ${await api.tokenFor(u)}` };
  };
  return { api, viewer: await as('viewer'), user: await as('user'), admin: await as('admin'), root: await as('viewer', true) };
}

function expect(res: { statusCode: number; json(): any }, status: number, code?: string) {
  assert.equal(res.statusCode, status, JSON.stringify(res.json()));
  if (code) assert.equal(res.json().code, code);
}

const create = (api: TestApi, headers: Record<string, string>, payload: unknown = { name: 'agent', prompt: 'hello' }) =>
  api.request({ method: 'POST', url: '/api/v1/agents', headers, payload: payload as object });

test('no credentials or unusable ones → 401 with the Bearer challenge', async (t) => {
  const { api } = await setup(t);
  let res = await api.request({ url: '/api/v1/agents' });
  expect(res, 401, 'AUTH_REQUIRED');
  assert.equal(res.headers['www-authenticate'], 'Bearer realm="uap"');
  expect(await api.request({ url: '/api/v1/agents', headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'AUTH_REQUIRED');
  expect(await api.request({ url: '/api/v1/agents', headers: { authorization: 'Bearer' } }), 401, 'AUTH_REQUIRED');
  expect(await api.request({ url: '/api/v1/agents', headers: { authorization: 'Bearer a b' } }), 401, 'AUTH_REQUIRED');
  res = await api.request({ url: '/api/v1/agents', headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } });
  expect(res, 401, 'TOKEN_INVALID');
  assert.match(String(res.headers['www-authenticate']), /error="invalid_token"/);
});

test('two credentials at once → 400 (RFC 6750 invalid_request)', async (t) => {
  const { api, viewer } = await setup(t);
  const k = api.addKey({ tenantId: 'acme', role: 'viewer' });
  expect(await api.request({ url: '/api/v1/agents', headers: { ...viewer, 'x-api-key': k.key } }), 400, 'BAD_REQUEST');
});

test('viewers read; a viewer trying a write is 403; users and admins write', async (t) => {
  const { api, viewer, user, admin, root } = await setup(t);
  expect(await api.request({ url: '/api/v1/agents', headers: viewer }), 200);
  expect(await create(api, viewer), 403, 'INSUFFICIENT_ROLE');
  assert.equal(api.agents.length, 0);
  expect(await create(api, user), 201);
  expect(await create(api, admin), 201);
  expect(await create(api, root), 201, undefined); // platform admin
  // a viewer API key is a viewer too
  const k = api.addKey({ tenantId: 'acme', role: 'viewer' });
  expect(await create(api, { 'x-api-key': k.key }), 403, 'INSUFFICIENT_ROLE');
});

test('order of checks: 401 before 403 before 400', async (t) => {
  const { api, viewer, user } = await setup(t);
  const invalid = { name: 'x', prompt: 'p', unknown: 1 };
  expect(await create(api, {}, invalid), 401, 'AUTH_REQUIRED');
  expect(await create(api, viewer, invalid), 403, 'INSUFFICIENT_ROLE');
  expect(await create(api, user, invalid), 400, 'VALIDATION_FAILED');
  // even a body that is not JSON: the caller is refused before it is read
  const raw = (h: Record<string, string>) => api.request({ method: 'POST', url: '/api/v1/agents', headers: { ...h, 'content-type': 'application/json' }, payload: '{oops' });
  expect(await raw({}), 401, 'AUTH_REQUIRED');
  expect(await raw(viewer), 403, 'INSUFFICIENT_ROLE');
  expect(await raw(user), 400, 'BAD_JSON');
});

test('platform-admin routes: tenant admins get 403', async (t) => {
  const { api, admin, root } = await setup(t);
  expect(await api.request({ url: '/api/v1/admin/tenants', headers: admin }), 403, 'INSUFFICIENT_ROLE');
  expect(await api.request({ url: '/api/v1/admin/tenants', headers: root }), 200);
  expect(await api.request({ url: '/api/v1/admin/tenants' }), 401, 'AUTH_REQUIRED');
});

test('scopes narrow API keys: missing scope is 403; users are governed by their role', async (t) => {
  const { api, viewer } = await setup(t);
  const narrow = api.addKey({ tenantId: 'acme', role: 'admin', scopes: ['agents:read'] });
  const calls = api.addKey({ tenantId: 'acme', role: 'viewer', scopes: ['calls:*'] });
  expect(await api.request({ url: '/api/v1/calls', headers: { 'x-api-key': narrow.key } }), 403, 'INSUFFICIENT_SCOPE');
  expect(await api.request({ url: '/api/v1/calls', headers: { 'x-api-key': calls.key } }), 200);
  expect(await api.request({ url: '/api/v1/calls', headers: viewer }), 200);
});
