// OpenAPI generated from the TypeBox route schemas, Swagger UI served locally, and the rule that every
// route declares its schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { apiPlugin, missingSchemas } from './api.ts';
import { buildTestApi } from './test-support.ts';

test('/docs/json is an OpenAPI 3 document with the sample routes and their schemas', async (t) => {
  const api = await buildTestApi(t);
  const res = await api.request({ url: '/api/v1/docs/json' }); // no credentials needed
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.0.3');
  assert.equal(doc.info.title, 'uap control API');
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['apiKey', 'bearerAuth']);
  assert.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
  assert.equal(doc.components.securitySchemes.apiKey.name, 'X-API-Key');
  assert.deepEqual(doc.security, [{ bearerAuth: [] }, { apiKey: [] }]);

  const list = doc.paths['/api/v1/agents'].get;
  const params = Object.fromEntries(list.parameters.map((p: any) => [p.name, p]));
  assert.deepEqual(Object.keys(params).sort(), ['cursor', 'limit', 'name']);
  assert.equal(params.limit.in, 'query');
  assert.equal(params.limit.required, false);
  assert.deepEqual({ min: params.limit.schema.minimum, max: params.limit.schema.maximum, def: params.limit.schema.default }, { min: 1, max: 200, def: 50 });
  const page = list.responses['200'].content['application/json'].schema;
  assert.deepEqual(page.required, ['items', 'nextCursor']);
  assert.equal(page.properties.nextCursor.nullable, true);
  assert.deepEqual(page.properties.items.items.required, ['id', 'name', 'prompt', 'createdAt']);
  assert.equal(list.responses['401'].content['application/problem+json'].schema.$ref, '#/components/schemas/Problem');

  const create = doc.paths['/api/v1/agents'].post;
  const body = create.requestBody.content['application/json'].schema;
  assert.equal(body.additionalProperties, false);
  assert.deepEqual(body.required, ['name', 'prompt']);
  assert.ok(create.responses['201']);

  const byId = doc.paths['/api/v1/agents/{id}'].get;
  assert.equal(byId.parameters[0].in, 'path');
  assert.equal(byId.parameters[0].schema.pattern, '^ag_[0-9]{4}$');

  // public operations need no credentials; the rest inherit the global requirement
  assert.deepEqual(doc.paths['/api/v1/auth/login'].post.security, []);
  assert.equal(create.security, undefined);

  const problem = doc.components.schemas.Problem;
  assert.deepEqual(problem.required, ['type', 'title', 'status', 'detail', 'code', 'instance']);
  assert.ok(problem.properties.errors);
  // the UI's own routes are not in the document
  assert.ok(!Object.keys(doc.paths).some((p) => p.includes('/docs')));
});

test('Swagger UI is served from local files under a strict CSP, without credentials', async (t) => {
  const api = await buildTestApi(t);
  const page = await api.request({ url: '/api/v1/docs' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(refs.length > 0);
  for (const ref of refs) {
    assert.doesNotMatch(ref, /^(https?:)?\/\//, `external asset ${ref}`);
    assert.ok(ref.startsWith('/api/v1/docs/static/'), ref);
  }
  const csp = String(page.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /https:|validator\.swagger\.io/);
  for (const ref of refs.filter((r) => /\.(css|js)$/.test(r))) {
    const asset = await api.app.inject({ url: ref }); // minified vendor code: not checked for stack-like text

    assert.equal(asset.statusCode, 200, ref);
  }
  const init = await api.request({ url: '/api/v1/docs/static/swagger-initializer.js' });
  assert.equal(init.statusCode, 200);
  assert.doesNotMatch(init.body.replace(/^\s*\/\/.*$/gm, ''), /https?:\/\//, 'no external URL outside comments');
  assert.match(init.body, /"?validatorUrl"?\s*:\s*null/, 'no calls to the public validator');
});

test('every route must declare its schemas', async () => {
  const R = { 200: Type.Object({}) };
  const Q = Type.Object({});
  assert.deepEqual(missingSchemas({ method: 'GET', url: '/x', schema: { querystring: Q, response: R } }), []);
  assert.deepEqual(missingSchemas({ method: 'GET', url: '/x', schema: {} }), ['response', 'querystring']);
  assert.deepEqual(missingSchemas({ method: 'POST', url: '/x/:id', schema: { response: R } }), ['params', 'body']);
  assert.deepEqual(missingSchemas({ method: 'GET', url: '/x', schema: { hide: true } }), []);

  const app = Fastify({ logger: false });
  await assert.rejects(async () => {
    await app.register(apiPlugin, {
      prefix: '/api/v1',
      auth: { bearer: async () => assert.fail(), apiKey: async () => assert.fail() },
      routes: [async (r) => void r.post('/things', { schema: { response: R } }, async () => ({}))],
    });
    await app.ready();
  }, /POST \/api\/v1\/things: missing schema for body/);
  await app.close();
});
