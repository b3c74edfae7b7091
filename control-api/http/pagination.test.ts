// Keyset pagination: opaque cursors, PageQuery limits and defaults, filters, and walking a whole list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import { createAjv } from './validation.ts';
import { Type } from '@sinclair/typebox';
import { ApiError } from './errors.ts';
import { DEFAULT_LIMIT, ListQuery, Page, PageQuery, decodeCursor, encodeCursor, pageParams, toPage } from './pagination.ts';
import { buildTestApi } from './test-support.ts';

function assertBadCursor(s: string) {
  assert.throws(() => decodeCursor(s), (e: unknown) => e instanceof ApiError && e.status === 400 && e.code === 'BAD_CURSOR', s);
}

test('cursor round-trips and is opaque URL-safe text', () => {
  const c = { t: '2025-03-01 12:00:00.123456+00', id: '0b7c…/+=?&' };
  const s = encodeCursor(c);
  assert.match(s, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCursor(s), c);
});

test('malformed cursors are 400 BAD_CURSOR, never a crash', () => {
  const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  for (const s of [
    '',
    'not base64!',
    'zzz',
    b64('{not json'),
    b64([1, 2]),
    b64(null),
    b64('"str"'),
    b64({ id: 'a' }),
    b64({ t: 'yesterday', id: 'a' }),
    b64({ t: '2025-01-01T00:00:00Z', id: '' }),
    b64({ t: '2025-01-01T00:00:00Z', id: 5 }),
    b64({ t: '2025-01-01T00:00:00Z', id: 'x'.repeat(201) }),
    'A'.repeat(513),
  ]) assertBadCursor(s);
});

test('PageQuery: limit 1..200, default 50, cursor optional, nothing else', () => {
  assert.equal(Value.Check(PageQuery, {}), true);
  assert.equal(Value.Check(PageQuery, { limit: 200, cursor: 'abc' }), true);
  assert.equal(Value.Check(PageQuery, { limit: 0 }), false);
  assert.equal(Value.Check(PageQuery, { limit: 201 }), false);
  assert.equal(Value.Check(PageQuery, { limit: 1.5 }), false);
  assert.equal(Value.Check(PageQuery, { offset: 10 }), false);
  assert.deepEqual(pageParams({}), { limit: DEFAULT_LIMIT, after: null });
  const q = ListQuery({ status: Type.Optional(Type.String()) });
  assert.equal(Value.Check(q, { status: 'live', limit: 5 }), true);
  assert.equal(Value.Check(q, { other: 1 }), false);
  // Page uses `type: ['string', 'null']` (fast to serialize), which TypeBox's own checker does not
  // know: check it with the API's ajv, as fastify would.
  const check = createAjv(false).compile(Page(Type.Object({ id: Type.String() })));
  assert.equal(check({ items: [{ id: 'a' }], nextCursor: null }), true);
  assert.equal(check({ items: [], nextCursor: 'c' }), true);
  assert.equal(check({ items: [] }), false);
  assert.equal(check({ items: [], nextCursor: 3 }), false);
});

test('toPage: the extra row means another page; the cursor names the last row served', () => {
  const rows = [1, 2, 3].map((i) => ({ id: `r${i}`, at: `2025-01-0${i}T00:00:00Z` }));
  const key = (r: { id: string; at: string }) => ({ t: r.at, id: r.id });
  const p = toPage(rows, 2, key);
  assert.deepEqual(p.items.map((r) => r.id), ['r1', 'r2']);
  assert.deepEqual(decodeCursor(p.nextCursor!), { t: rows[1].at, id: 'r2' });
  assert.equal(toPage(rows, 3, key).nextCursor, null);
  assert.deepEqual(toPage(rows, 5, key, (r) => r.id), { items: ['r1', 'r2', 'r3'], nextCursor: null });
});

test('walking a list through the API: every row once, newest first, ties broken by id', async (t) => {
  const api = await buildTestApi(t);
  const viewer = await api.addUser({ id: 'v1', email: 'v@acme.test', tenantId: 'acme', role: 'viewer', platformAdmin: false });
  const auth = { authorization: `Bearer ${await api.tokenFor(viewer)}` };
  // 7 agents, three sharing one timestamp
  for (let i = 1; i <= 7; i++) {
    const at = i <= 3 ? '2025-01-01T00:00:00.000Z' : `2025-01-0${i}T00:00:00.000Z`;
    api.agents.push({ id: `ag_000${i}`, name: i % 2 ? 'odd' : 'even', prompt: 'p', createdAt: at });
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/v1/agents?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await api.request({ url, headers: auth });
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    seen.push(...page.items.map((a: { id: string }) => a.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.deepEqual(seen, ['ag_0007', 'ag_0006', 'ag_0005', 'ag_0004', 'ag_0003', 'ag_0002', 'ag_0001']);

  const all = (await api.request({ url: '/api/v1/agents', headers: auth })).json();
  assert.equal(all.items.length, 7, 'default limit covers them');
  assert.equal(all.nextCursor, null);

  const odd = (await api.request({ url: '/api/v1/agents?name=odd&limit=2', headers: auth })).json();
  assert.deepEqual(odd.items.map((a: { id: string }) => a.id), ['ag_0007', 'ag_0005']);
  const odd2 = (await api.request({ url: `/api/v1/agents?name=odd&limit=2&cursor=${odd.nextCursor}`, headers: auth })).json();
  assert.deepEqual(odd2.items.map((a: { id: string }) => a.id), ['ag_0003', 'ag_0001']);
  assert.equal(odd2.nextCursor, null);

  const bad = await api.request({ url: '/api/v1/agents?cursor=garbage', headers: auth });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, 'BAD_CURSOR');
  const zero = await api.request({ url: '/api/v1/agents?limit=0', headers: auth });
  assert.equal(zero.statusCode, 400);
  assert.equal(zero.json().code, 'VALIDATION_FAILED');
});
