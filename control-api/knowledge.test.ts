// The knowledge base end to end on PostgreSQL 15 and PGlite: documents through the REST API (admin
// writes, viewers read, scopes, validation, cursor pages, audit, tenant isolation as 404s) and searched
// through the API and through kb.search on the bus (full-text ranking, agent and collection scoping,
// RLS: another tenant's documents are never found).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { InProcBus } from '../lib/bus/inproc.ts';
import { uap, subjects } from '../proto/index.ts';
import { KbSearchService } from './knowledge/kb-search-service.ts';
import { setupApi, json, type Backend } from './test-support.ts';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

const PASSWORD = 'correct horse battery';

function problem(r: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string): void {
  assert.equal(r.statusCode, status, r.body);
  assert.equal(json(r).code, code, r.body);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
}

const HOTEL = `# Front desk

Check-in is from 3 pm, check-out until 11 am. Late check-out until 1 pm costs 20 euros.

## Opening hours

The front desk is open around the clock. The restaurant opens at 7 am for breakfast and closes at 10 pm.

## Parking

Guests park free of charge in the garage behind the hotel. Electric cars charge at the two wall boxes.

\`\`\`
# not a heading: code
\`\`\`
`;

for (const kind of ['postgres', 'pglite'] as Backend[]) {
  test(`knowledge base on ${kind}`, { timeout: 90_000 }, async (t) => {
    const h = await setupApi(kind);
    closers.push(h.close);
    const { call, db } = h;
    const A = json(await call('POST', '/auth/register', { body: { tenantName: 'Acme', tenantSlug: 'acme', email: 'ann@acme.test', password: PASSWORD } }));
    const B = json(await call('POST', '/auth/register', { body: { tenantName: 'Beta', tenantSlug: 'beta', email: 'bob@beta.test', password: PASSWORD } }));
    assert.equal((await call('POST', '/users', { token: A.accessToken, body: { email: 'val@acme.test', role: 'viewer', password: PASSWORD } })).statusCode, 201);
    const viewer = json(await call('POST', '/auth/login', { body: { email: 'val@acme.test', password: PASSWORD } })).accessToken;
    const agent = json(await call('POST', '/agent-configs', { token: A.accessToken, body: { name: 'concierge', kind: 'cascaded' } }));
    assert.ok(agent.id, JSON.stringify(agent));
    const add = (token: string, body: Record<string, unknown>) => call('POST', '/knowledge/documents', { token, body });

    let hotelId = '';
    await t.test('add: admins only, validated, chunked by heading', async () => {
      problem(await add('', { title: 'x', content: 'y' }), 401, 'AUTH_REQUIRED');
      problem(await add(viewer, { title: 'x', content: 'y' }), 403, 'INSUFFICIENT_ROLE');
      problem(await add(A.accessToken, { title: 'x', content: '   ' }), 400, 'VALIDATION_FAILED');
      problem(await add(A.accessToken, { title: 'x', content: 'y', collection: 'Bad Name' }), 400, 'VALIDATION_FAILED');
      problem(await add(A.accessToken, { title: 'x', content: 'y', language: 'klingon' }), 400, 'VALIDATION_FAILED');
      problem(await add(A.accessToken, { title: 'x', content: 'y', extra: 1 }), 400, 'VALIDATION_FAILED');
      problem(await add(A.accessToken, { title: 'x', content: 'y', agentConfigId: '00000000-0000-4000-8000-000000000000' }), 404, 'NOT_FOUND');
      const r = await add(A.accessToken, { title: 'Hotel guide', content: HOTEL, collection: 'guest-faq' });
      assert.equal(r.statusCode, 201, r.body);
      const d = json(r);
      hotelId = d.id;
      assert.deepEqual({ ...d, id: undefined, createdAt: undefined, updatedAt: undefined }, {
        id: undefined, createdAt: undefined, updatedAt: undefined,
        title: 'Hotel guide', format: 'markdown', language: 'english', collection: 'guest-faq', agentConfigId: null, chunkCount: 3, bytes: Buffer.byteLength(HOTEL),
      });
      const chunks = await db.withTenant(A.tenantId, (tx) => tx<{ heading: string }[]>`select heading from kb_chunks where document_id = ${d.id} order by chunk_index`);
      assert.deepEqual(chunks.map((c) => c.heading), ['Hotel guide > Front desk', 'Hotel guide > Front desk > Opening hours', 'Hotel guide > Front desk > Parking']);
      // A private document of one agent, plain text, and a German one.
      assert.equal((await add(A.accessToken, { title: 'Concierge notes', content: 'The secret bar behind the library opens at midnight.', format: 'text', agentConfigId: agent.id })).statusCode, 201);
      assert.equal((await add(A.accessToken, { title: 'Hausordnung', content: 'Die Sauna ist täglich von 16 bis 22 Uhr geöffnet.', language: 'german' })).statusCode, 201);
      assert.equal((await add(B.accessToken, { title: 'Beta prices', content: 'Parking at Beta costs 30 euros per night in the garage.' })).statusCode, 201);
    });

    await t.test('list, get, pages; viewers read; other tenants get 404', async () => {
      const list = json(await call('GET', '/knowledge/documents?limit=2', { token: viewer }));
      assert.deepEqual(list.items.map((d: { title: string }) => d.title), ['Hausordnung', 'Concierge notes']);
      assert.ok(list.nextCursor);
      const next = json(await call('GET', `/knowledge/documents?limit=2&cursor=${list.nextCursor}`, { token: viewer }));
      assert.deepEqual([next.items.map((d: { title: string }) => d.title), next.nextCursor], [['Hotel guide'], null]);
      assert.equal(list.items[0].content, undefined, 'lists carry no content');
      assert.deepEqual(json(await call('GET', '/knowledge/documents?collection=guest-faq', { token: viewer })).items.map((d: { id: string }) => d.id), [hotelId]);
      assert.equal(json(await call('GET', `/knowledge/documents?agentConfigId=${agent.id}`, { token: viewer })).items.length, 1);
      const one = json(await call('GET', `/knowledge/documents/${hotelId}`, { token: viewer }));
      assert.equal(one.content, HOTEL);
      problem(await call('GET', `/knowledge/documents/${hotelId}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      problem(await call('DELETE', `/knowledge/documents/${hotelId}`, { token: B.accessToken }), 404, 'NOT_FOUND');
      problem(await call('GET', '/knowledge/documents/not-a-uuid', { token: viewer }), 400, 'VALIDATION_FAILED');
      assert.deepEqual(json(await call('GET', '/knowledge/documents', { token: B.accessToken })).items.map((d: { title: string }) => d.title), ['Beta prices']);
      const key = json(await call('POST', `/tenants/${A.tenantId}/api-keys`, { token: A.accessToken, body: { name: 'calls only', role: 'viewer', scopes: ['calls:read'] } })).key;
      problem(await call('GET', '/knowledge/documents', { key }), 403, 'INSUFFICIENT_SCOPE');
    });

    await t.test('search through the API: any of the words, best first, scoped', async () => {
      const search = async (q: string, token = viewer) => {
        const r = await call('GET', `/knowledge/search?${q}`, { token });
        assert.equal(r.statusCode, 200, r.body);
        return json(r).items as { title: string; heading: string; text: string; score: number; collection: string }[];
      };
      const hits = await search(`query=${encodeURIComponent('When is the restaurant open for breakfast on Saturday?')}`);
      assert.equal(hits[0].heading, 'Hotel guide > Front desk > Opening hours', JSON.stringify(hits));
      assert.ok(hits[0].score > 0 && hits[0].score <= 1);
      assert.ok(hits.every((h, i) => i === 0 || h.score <= hits[i - 1].score), 'ordered by score');
      const parking = await search('query=where%20can%20I%20park');
      assert.deepEqual(parking.map((h) => h.heading), ['Hotel guide > Front desk > Parking'], "Beta's parking text is not found");
      assert.equal((await search('query=secret%20bar')).length, 0, "an agent's private document is not tenant-wide");
      assert.equal((await search(`query=secret%20bar&agentConfigId=${agent.id}`))[0]?.title, 'Concierge notes');
      assert.equal((await search('query=Sauna%20ge%C3%B6ffnet'))[0]?.title, 'Hausordnung', 'German stemming');
      assert.equal((await search('query=parking&collection=other')).length, 0);
      assert.equal((await search('query=the%20and%20of')).length, 0, 'stop words only: nothing');
      assert.equal((await search("query=%27%20%7C%20%21%20%5C%20%3A*")).length, 0, 'tsquery syntax in the query is just text');
      problem(await call('GET', '/knowledge/search?query=', { token: viewer }), 400, 'VALIDATION_FAILED');
    });

    await t.test('kb.search on the bus: tenant from the request, RLS-scoped; bad requests refused', async () => {
      const bus = new InProcBus();
      const svc = new KbSearchService(db, bus, h.log);
      svc.start();
      try {
        const ask = async (req: uap.IKbSearchRequest) => uap.KbSearchReply.decode(await bus.request(subjects.kbSearch, uap.KbSearchRequest.encode(req).finish(), { timeoutMs: 5000 }));
        const a = await ask({ tenantId: A.tenantId, query: 'parking garage', topK: 3, callId: 'CA1' });
        assert.equal(a.ok, true, a.errorMessage);
        assert.deepEqual(a.hits.map((x) => [x.title, x.collection, x.chunkIndex]), [['Hotel guide', 'guest-faq', 2]]);
        const b = await ask({ tenantId: B.tenantId, query: 'parking garage' });
        assert.deepEqual(b.hits.map((x) => x.title), ['Beta prices']);
        assert.equal((await ask({ tenantId: A.tenantId, query: 'secret bar', agentConfigId: agent.id })).hits[0]?.title, 'Concierge notes');
        assert.equal((await ask({ tenantId: B.tenantId, query: 'secret bar', agentConfigId: agent.id })).hits.length, 0, "B naming A's agent finds nothing");
        assert.equal((await ask({ tenantId: A.tenantId, query: 'hotel', topK: 1 })).hits.length, 1);
        for (const bad of [{ tenantId: 'acme', query: 'x' }, { tenantId: A.tenantId, query: ' ' }, { tenantId: A.tenantId, query: 'x'.repeat(1001) },
          { tenantId: A.tenantId, query: 'x', collection: 'Bad!' }, { tenantId: A.tenantId, query: 'x', agentConfigId: 'nope' }]) {
          const r = await ask(bad);
          assert.deepEqual([r.ok, r.errorCode], [false, 'BAD_REQUEST'], JSON.stringify(bad));
        }
      } finally {
        svc.stop();
        await bus.close();
      }
    });

    await t.test('delete removes the chunks; audited', async () => {
      problem(await call('DELETE', `/knowledge/documents/${hotelId}`, { token: viewer }), 403, 'INSUFFICIENT_ROLE');
      assert.equal((await call('DELETE', `/knowledge/documents/${hotelId}`, { token: A.accessToken })).statusCode, 204);
      problem(await call('DELETE', `/knowledge/documents/${hotelId}`, { token: A.accessToken }), 404, 'NOT_FOUND');
      const [n] = await db.withPlatform((tx) => tx<{ n: number }[]>`select count(*)::int as n from kb_chunks where document_id = ${hotelId}`);
      assert.equal(n.n, 0);
      const audit = json(await call('GET', '/audit-log', { token: A.accessToken })).items.map((e: { action: string }) => e.action);
      assert.ok(audit.includes('POST /api/v1/knowledge/documents'), audit.join(', '));
      assert.ok(audit.includes('DELETE /api/v1/knowledge/documents/:id'));
    });
  });
}
