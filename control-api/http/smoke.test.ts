import { test } from 'node:test';
import { buildTestApi } from './test-support.ts';
test('smoke', async (t) => {
  const api = await buildTestApi(t);
  let r = await api.app.inject({ url: '/api/v1/docs' });
  console.log(r.body.match(/href="[^"]+"/g), r.headers['content-security-policy']);
  r = await api.app.inject({ url: '/api/v1/docs/static/swagger-ui.css' });
  console.log(r.statusCode, r.headers['content-type'], r.headers['content-security-policy']);
  r = await api.app.inject({ url: '/api/v1/docs/json' });
  console.log(JSON.stringify(JSON.parse(r.body), null, 1));
});
