// The call-list page cache on both engines: versions bump with every change to a tenant's calls (bulk
// statements once, other tenants untouched), reads are batched yet never older than the request, and a
// page is never served once a change has committed — also when the change came through another client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupApi, json, type Backend } from '../test-support.ts';
import { CallListCache, CallListVersions } from './call-list-cache.ts';
import type { Database } from '../db/index.ts';

async function tenant(db: Database, slug: string): Promise<string> {
  const [t] = await db.sql<{ id: string }[]>`insert into tenants (name, slug) values (${slug}, ${slug}) returning id`;
  return t.id;
}

const insertCall = (db: Database, tenantId: string, id: string) =>
  db.withTenant(tenantId, (tx) => tx`insert into calls (id, tenant_id, direction, status) values (${id}, ${tenantId}, 'inbound', 'ringing')`);

test('a read asked for while another is on the wire waits for the next one (its snapshot may be older)', async () => {
  const sent: Array<{ ids: string[]; answer: (rows: Array<{ tenant_id: string; version: string }>) => void }> = [];
  const sql = Object.assign(
    (_strings: TemplateStringsArray, ids: string[]) => new Promise((resolve) => sent.push({ ids, answer: resolve })),
    { array: (ids: string[]) => ids },
  );
  const versions = new CallListVersions({ sql } as unknown as Database);
  const t1 = '00000000-0000-4000-8000-000000000001';
  const t2 = '00000000-0000-4000-8000-000000000002';
  const r1 = versions.read(t1);
  const r2 = versions.read(t1); // asked while the first query is on the wire
  const r3 = versions.read(t2);
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].ids, [t1]);
  sent[0].answer([{ tenant_id: t1, version: '7' }]);
  assert.equal(await r1, '7');
  await new Promise((r) => setImmediate(r));
  assert.equal(sent.length, 2, 'the waiting reads go out together in the next query');
  assert.deepEqual(sent[1].ids, [t1, t2]);
  sent[1].answer([{ tenant_id: t1, version: '8' }]);
  assert.equal(await r2, '8', 'not the older answer');
  assert.equal(await r3, '0', 'a tenant without a row has version 0');
});

for (const kind of ['postgres', 'pglite'] as Backend[]) {
  test(`call-list cache (${kind})`, async (t) => {
    const h = await setupApi(kind);
    t.after(() => h.close());
    const { db } = h;
    const A = await tenant(db, `a-${kind}`);
    const B = await tenant(db, `b-${kind}`);
    const versions = new CallListVersions(db);

    await t.test('versions: 0 before any call; +1 per statement; other tenants untouched; uap_app reads only its own', async () => {
      assert.equal(await versions.read(A), '0');
      await insertCall(db, A, 'CA-v-1');
      assert.equal(await versions.read(A), '1');
      await db.sql`insert into calls (id, tenant_id, direction) select 'CA-bulk-' || g, ${A}, 'outbound' from generate_series(1, 50) g`;
      assert.equal(await versions.read(A), '2', 'a bulk insert bumps once');
      await db.withTenant(A, (tx) => tx`update calls set status = 'completed' where id = 'CA-v-1'`);
      await db.sql`delete from calls where id like 'CA-bulk-%'`;
      assert.equal(await versions.read(A), '4');
      assert.equal(await versions.read(B), '0', 'tenant B untouched');
      // A rolled-back change leaves no trace.
      await assert.rejects(db.withTenant(A, async (tx) => {
        await tx`update calls set status = 'failed' where id = 'CA-v-1'`;
        throw new Error('roll back');
      }));
      assert.equal(await versions.read(A), '4');
      await insertCall(db, B, 'CA-v-b');
      const seen = await db.withTenant(A, (tx) => tx<{ tenant_id: string }[]>`select tenant_id::text from call_list_versions`, { readOnly: true });
      assert.deepEqual(seen.map((r) => r.tenant_id), [A], 'RLS: a tenant sees its own version only');
      await assert.rejects(db.withTenant(A, (tx) => tx`update call_list_versions set version = 0`), /permission denied/, 'and cannot write it');
    });

    await t.test('concurrent reads share queries, and none answers from a read sent before it asked', async () => {
      const before = versions.reads;
      const all = await Promise.all(Array.from({ length: 30 }, (_, i) => versions.read(i % 2 ? A : B)));
      assert.ok(versions.reads - before <= 2, `${versions.reads - before} queries for 30 reads`);
      assert.ok(all.every((v, i) => v === all[i % 2]));
      // A change committed before a read is asked for is in what it returns.
      const v0 = Number(await versions.read(A));
      const inFlight = versions.read(A);
      await insertCall(db, A, 'CA-race');
      assert.equal(Number(await versions.read(A)), v0 + 1);
      assert.ok(Number(await inFlight) <= v0 + 1);
    });

    await t.test('a page is served from the cache until the list changes, then rendered again', async () => {
      const cache = new CallListCache(db);
      let renders = 0;
      const render = async () => {
        renders++;
        const rows = await db.withTenant(A, (tx) => tx<{ id: string }[]>`select id from calls order by id`, { readOnly: true });
        return Buffer.from(JSON.stringify(rows.map((r) => r.id)));
      };
      const p1 = await cache.page(A, 'first', render);
      const p2 = await cache.page(A, 'first', render);
      assert.equal(p1.hit, false);
      assert.equal(p2.hit, true);
      assert.equal(renders, 1);
      assert.deepEqual(p2.body, p1.body);
      await insertCall(db, A, 'CA-new');
      const p3 = await cache.page(A, 'first', render);
      assert.equal(p3.hit, false, 'the change committed: the page is rendered again');
      assert.ok(JSON.parse(p3.body.toString()).includes('CA-new'));
      // Another API process (its own cache) changing the list is seen just the same.
      const other = new CallListCache(db);
      await other.page(A, 'first', render);
      await db.withTenant(A, (tx) => tx`delete from calls where id = 'CA-new'`);
      assert.ok(!JSON.parse((await cache.page(A, 'first', render)).body.toString()).includes('CA-new'));
      assert.ok(!JSON.parse((await other.page(A, 'first', render)).body.toString()).includes('CA-new'));
      // Concurrent misses for one page render it once.
      await insertCall(db, A, 'CA-new-2');
      const n = renders;
      await Promise.all(Array.from({ length: 8 }, () => cache.page(A, 'first', render)));
      assert.equal(renders - n, 1);
    });

    await t.test('bounded: least recently used pages go, oversized pages are not kept', async () => {
      const cache = new CallListCache(db, { maxEntries: 2, maxPageBytes: 10 });
      const small = async () => Buffer.from('[]');
      await cache.page(A, 'k1', small);
      await cache.page(A, 'k2', small);
      await cache.page(A, 'k1', small);
      await cache.page(A, 'k3', small);
      assert.equal(cache.size, 2);
      assert.equal((await cache.page(A, 'k1', small)).hit, true, 'k1 was used recently');
      assert.equal((await cache.page(A, 'k2', small)).hit, false, 'k2 was dropped');
      let big = 0;
      const large = async () => (big++, Buffer.alloc(11));
      await cache.page(A, 'big', large);
      await cache.page(A, 'big', large);
      assert.equal(big, 2);
    });

    await t.test('GET /voice/calls: a new call shows up on the next request (cache on by default)', async () => {
      const reg = json(await h.call('POST', '/auth/register', { body: { email: `cache-${kind}@x.test`, password: 'correct horse battery', tenantName: `Cache ${kind}`, tenantSlug: `cache-${kind}` } }));
      const tid: string = reg.tenant?.id ?? reg.tenantId ?? reg.user?.tenantId;
      assert.ok(tid, JSON.stringify(reg));
      const list = async () => json(await h.call('GET', '/voice/calls?limit=5', { token: reg.accessToken })).items.map((c: { id: string }) => c.id);
      assert.deepEqual(await list(), []);
      assert.deepEqual(await list(), []);
      await insertCall(db, tid, 'CA-http-1');
      assert.deepEqual(await list(), ['CA-http-1']);
      const r = await h.call('GET', '/voice/calls?limit=5', { token: reg.accessToken });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      assert.deepEqual(Object.keys(json(r)), ['items', 'nextCursor']);
      assert.equal('cursor_t' in json(r).items[0], false, 'the cached bytes went through the response schema');
    });
  });
}
