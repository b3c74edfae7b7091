// The error format: every failure is problem+json with a stable code, the field path for validation
// errors, and never a stack trace — checked through inject() on the real process server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, badRequest, conflict, fieldErrors, forbidden, notFound, problemType, rateLimited, toApiError, unauthorized, validation } from './errors.ts';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { UapError, BusTimeoutError } from '../../lib/errors.ts';
import { apiPlugin } from './api.ts';
import { buildTestApi, type TestApi } from './test-support.ts';

function assertProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  assert.equal(res.statusCode, status);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(body.type, problemType(code));
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.match(body.instance, /^req-/);
  return body;
}

async function userApi(t: Parameters<typeof buildTestApi>[0]): Promise<{ api: TestApi; auth: Record<string, string> }> {
  const api = await buildTestApi(t);
  const user = await api.addUser({ id: 'u1', email: 'u@acme.test', tenantId: 'acme', role: 'user', platformAdmin: false });
  return { api, auth: { authorization: `Bearer ${await api.tokenFor(user)}` } };
}

test('factories carry status, code and the headers clients need', () => {
  assert.equal(badRequest().status, 400);
  assert.equal(badRequest('x', 'BAD_CURSOR').code, 'BAD_CURSOR');
  const u = unauthorized();
  assert.equal(u.status, 401);
  assert.equal(u.headers['www-authenticate'], 'Bearer realm="uap"');
  assert.match(unauthorized('TOKEN_EXPIRED').headers['www-authenticate'], /error="invalid_token"/);
  assert.equal(forbidden().status, 403);
  assert.equal(notFound().status, 404);
  assert.equal(conflict().status, 409);
  const r = rateLimited(2.2);
  assert.equal(r.status, 429);
  assert.equal(r.headers['retry-after'], '3');
  assert.equal(r.retryable, true);
  const v = validation([{ in: 'body', path: '/name', message: 'is required' }]);
  assert.equal(v.status, 400);
  assert.equal(v.code, 'VALIDATION_FAILED');
  assert.ok(v instanceof UapError);
});

test('ajv errors become field paths (JSON Pointer), including missing and unknown properties', () => {
  assert.deepEqual(
    fieldErrors(
      [
        { keyword: 'required', instancePath: '/agent', params: { missingProperty: 'name' } },
        { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'a/b~c' } },
        { keyword: 'maximum', instancePath: '/items/2/temperature', params: {}, message: 'must be <= 2' },
      ],
      'body',
    ),
    [
      { in: 'body', path: '/agent/name', message: 'is required' },
      { in: 'body', path: '/a~1b~0c', message: 'is not an allowed field' },
      { in: 'body', path: '/items/2/temperature', message: 'must be <= 2' },
    ],
  );
});

test('toApiError: bugs are a generic 500, retryable domain errors a 503, fastify 4xx keep their status', () => {
  const bug = toApiError(new Error('secret: hunter2'));
  assert.equal(bug.status, 500);
  assert.equal(bug.code, 'INTERNAL');
  assert.doesNotMatch(bug.detail, /hunter2/);
  assert.equal(toApiError('a string').code, 'INTERNAL');
  assert.equal(toApiError(undefined).code, 'INTERNAL');
  assert.equal(toApiError(new BusTimeoutError('x', 1)).status, 503);
  assert.equal(toApiError(new UapError('SOMETHING', 'not retryable')).status, 500);
  assert.equal(toApiError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })).code, 'UNSUPPORTED_MEDIA_TYPE');
  assert.equal(toApiError(Object.assign(new Error('x'), { statusCode: 404 })).code, 'NOT_FOUND');
  const teapot = toApiError(Object.assign(new Error('x'), { statusCode: 418 }));
  assert.equal(teapot.status, 418);
  assert.equal(teapot.code, 'CLIENT_ERROR');
  const e = new ApiError('CONFLICT', { detail: 'name taken' });
  assert.equal(toApiError(e), e);
});

test('schema violation: 400 VALIDATION_FAILED with the field path', async (t) => {
  const { api, auth } = await userApi(t);
  let res = await api.request({ method: 'POST', url: '/api/v1/agents', headers: auth, payload: { prompt: 'hi' } });
  let body = assertProblem(res, 400, 'VALIDATION_FAILED');
  assert.deepEqual(body.errors, [{ in: 'body', path: '/name', message: 'is required' }]);

  res = await api.request({ method: 'POST', url: '/api/v1/agents', headers: auth, payload: { name: 'a', prompt: 'p', temperature: 3 } });
  body = assertProblem(res, 400, 'VALIDATION_FAILED');
  assert.deepEqual(body.errors.map((e: any) => e.path), ['/temperature']);

  // Body types are not coerced: "1" is not a number.
  res = await api.request({ method: 'POST', url: '/api/v1/agents', headers: auth, payload: { name: 'a', prompt: 'p', temperature: '1' } });
  assertProblem(res, 400, 'VALIDATION_FAILED');

  res = await api.request({ method: 'GET', url: '/api/v1/agents?limit=500', headers: auth });
  body = assertProblem(res, 400, 'VALIDATION_FAILED');
  assert.deepEqual(body.errors, [{ in: 'querystring', path: '/limit', message: 'must be <= 200' }]);

  res = await api.request({ method: 'GET', url: '/api/v1/agents/not-an-id', headers: auth });
  body = assertProblem(res, 400, 'VALIDATION_FAILED');
  assert.equal(body.errors[0].in, 'params');
  assert.equal(body.errors[0].path, '/id');
});

test('unknown fields are rejected, not stripped: body and query string', async (t) => {
  const { api, auth } = await userApi(t);
  let res = await api.request({ method: 'POST', url: '/api/v1/agents', headers: auth, payload: { name: 'a', prompt: 'p', isAdmin: true } });
  let body = assertProblem(res, 400, 'VALIDATION_FAILED');
  assert.deepEqual(body.errors, [{ in: 'body', path: '/isAdmin', message: 'is not an allowed field' }]);
  assert.equal(api.agents.length, 0);

  res = await api.request({ method: 'GET', url: '/api/v1/agents?sort=name', headers: auth });
  body = assertProblem(res, 400, 'VALIDATION_FAILED');
  assert.deepEqual(body.errors, [{ in: 'querystring', path: '/sort', message: 'is not an allowed field' }]);
});

test('invalid, empty, non-JSON and oversized bodies', async (t) => {
  const { api, auth } = await userApi(t);
  const json = { ...auth, 'content-type': 'application/json' };
  assertProblem(await api.request({ method: 'POST', url: '/api/v1/agents', headers: json, payload: '{"name": "a",' }), 400, 'BAD_JSON');
  assertProblem(await api.request({ method: 'POST', url: '/api/v1/agents', headers: json, payload: '' }), 400, 'BAD_JSON');
  // secure-json-parse: prototype poisoning is refused, as malformed JSON
  assertProblem(await api.request({ method: 'POST', url: '/api/v1/agents', headers: json, payload: '{"name":"a","prompt":"p","__proto__":{"x":1}}' }), 400, 'BAD_JSON');
  // The server's root registers formbody; the API accepts JSON only.
  assertProblem(await api.request({ method: 'POST', url: '/api/v1/agents', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=a&prompt=b' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  assertProblem(await api.request({ method: 'POST', url: '/api/v1/agents', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hi' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  const big = JSON.stringify({ name: 'a', prompt: 'x'.repeat(300 * 1024) });
  assertProblem(await api.request({ method: 'POST', url: '/api/v1/agents', headers: json, payload: big }), 413, 'PAYLOAD_TOO_LARGE');
});

test('SQL- and markup-shaped strings are data: accepted and returned verbatim', async (t) => {
  const { api, auth } = await userApi(t);
  const nasty = [`'; DROP TABLE agents; --`, `" OR 1=1 --`, `Robert'); DELETE FROM users WHERE ('a'='a`, `<script>alert(1)</script>`, `\u0000 null byte`, `{{7*7}} $\{x}`];
  for (const s of nasty) {
    const res = await api.request({ method: 'POST', url: '/api/v1/agents', headers: auth, payload: { name: s.slice(0, 200), prompt: s } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().prompt, s);
    const list = await api.request({ url: `/api/v1/agents?name=${encodeURIComponent(s.slice(0, 200))}`, headers: auth });
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items[0].prompt, s);
  }
});

test('unexpected errors: 500 INTERNAL with a generic body; the error and its stack go to the log only', async (t) => {
  const { api, auth } = await userApi(t);
  const res = await api.request({ url: '/api/v1/boom', headers: auth });
  const body = assertProblem(res, 500, 'INTERNAL');
  assert.equal(body.detail, 'An unexpected error occurred');
  assert.doesNotMatch(res.body, /hunter2|secret\.ts/);
  const line = api.logs.find((l) => l.includes('"level":50') && l.includes('hunter2'));
  assert.ok(line, 'the failure is logged with the original error');
  assert.match(line, /"stack"/);
  assert.match(line, new RegExp(`"reqId":"${body.instance}"`), 'the log line carries the request id the client saw');
});

test('unknown routes: 404 NOT_FOUND problem for a caller with credentials, 401 without', async (t) => {
  const { api, auth } = await userApi(t);
  assertProblem(await api.request({ url: '/api/v1/nope?x=1', headers: auth }), 404, 'NOT_FOUND');
  assertProblem(await api.request({ url: '/api/v1/nope' }), 401, 'AUTH_REQUIRED');
  assertProblem(await api.request({ method: 'DELETE', url: '/api/v1/agents', headers: auth }), 404, 'NOT_FOUND');
  // 404s from handlers are problems too
  assertProblem(await api.request({ url: '/api/v1/agents/ag_0042', headers: auth }), 404, 'NOT_FOUND');
});

test('the API plugin stays inside /api/v1: the server’s own routes and handlers are untouched', async (t) => {
  const api = await buildTestApi(t);
  const health = await api.request({ url: '/healthz' });
  assert.equal(health.statusCode, 200);
  assert.deepEqual(health.json(), { status: 'ok' });
  const rootMissing = await api.request({ url: '/elsewhere' });
  assert.equal(rootMissing.statusCode, 404);
  assert.equal(rootMissing.json().type, 'about:blank', 'cli/http.ts keeps its own not-found handler');
});

test('JSON-only applies inside the API: routes outside it (Twilio webhooks) still parse forms', async (t) => {
  const app = Fastify({ logger: false });
  t.after(() => app.close());
  await app.register(formbody);
  await app.register(apiPlugin, { prefix: '/api/v1', auth: { bearer: async () => assert.fail(), apiKey: async () => assert.fail() } });
  app.post('/twilio/voice', async (req) => req.body);
  await app.ready();
  const res = await app.inject({ method: 'POST', url: '/twilio/voice', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'CallSid=CA1&From=%2B1555' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { CallSid: 'CA1', From: '+1555' });
});
