// /knowledge: the tenant's knowledge base, which agents search with their knowledge_search tool
// (kb.search on the bus). Admins add (text or markdown, split into chunks and indexed for full-text
// search) and delete documents; viewers list, read and try searches. A document may be scoped to one
// agent config (only that agent finds it) and filed in a collection (a tool may search one collection).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import { notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Page, pageParams, toPage } from '../http/pagination.ts';
import { DateTime, NoQuery, NullableString, Uuid, createdBefore, cursorOf, tenantOf } from './admin-common.ts';
import { COLLECTION_PATTERN, DOCUMENT_COLUMNS, KB_LANGUAGES, insertDocument, type DocumentRow } from '../knowledge/documents.ts';
import { searchKnowledge } from '../knowledge/search.ts';

export const MAX_DOCUMENT_CHARS = 1_000_000;

const Collection = Type.String({ pattern: COLLECTION_PATTERN, description: 'lowercase letters, digits, _ . -; default "default"' });
const Format = Type.Union([Type.Literal('text'), Type.Literal('markdown')]);
const Language = Type.Union(KB_LANGUAGES.map((l) => Type.Literal(l)), { description: 'text-search language: stemming and stop words (default english; simple: none)' });

const Document = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    format: Type.String(),
    language: Type.String(),
    collection: Type.String(),
    agentConfigId: NullableString({ description: 'null: every agent of the tenant finds it' }),
    chunkCount: Type.Integer(),
    bytes: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
const DocumentWithContent = Type.Object({ ...Document.properties, content: Type.String() }, { additionalProperties: false });
const Hit = Type.Object(
  {
    documentId: Type.String(),
    title: Type.String(),
    collection: Type.String(),
    chunkIndex: Type.Integer(),
    heading: Type.String(),
    text: Type.String(),
    score: Type.Number(),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const toDocument = (d: DocumentRow) => ({
  id: d.id, title: d.title, format: d.format, language: d.language, collection: d.collection, agentConfigId: d.agent_config_id,
  chunkCount: d.chunk_count, bytes: d.bytes, createdAt: d.created_at.toISOString(), updatedAt: d.updated_at.toISOString(),
});

export function knowledgeRoutes(db: Database): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const read = [requireRole('viewer'), requireScope('knowledge:read')];
    const write = [requireRole('admin'), requireScope('knowledge:write')];

    r.post('/knowledge/documents', {
      onRequest: write,
      // A document may be larger than the API's default body limit.
      bodyLimit: 4 * MAX_DOCUMENT_CHARS + 64 * 1024,
      schema: {
        tags: ['knowledge'],
        summary: 'Add a document (text or markdown) to the knowledge base',
        description: 'The document is split into chunks (markdown: by heading) and indexed for full-text search in its language.',
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            content: Type.String({ minLength: 1, maxLength: MAX_DOCUMENT_CHARS, pattern: '\\S' }),
            format: Type.Optional(Format),
            language: Type.Optional(Language),
            collection: Type.Optional(Collection),
            agentConfigId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'only this agent finds the document (null or absent: every agent)' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Document, ...problemResponses(400, 401, 403, 404, 413) },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const b = req.body;
      const row = await db.withTenant(tenant, async (tx) => {
        if (b.agentConfigId) {
          const [a] = await tx`select id from agent_configs where id = ${b.agentConfigId}`;
          if (!a) return null;
        }
        return insertDocument(tx, tenant, {
          title: b.title.trim(), content: b.content, format: b.format ?? 'markdown', collection: b.collection ?? 'default',
          language: b.language ?? 'english', agentConfigId: b.agentConfigId ?? null,
        });
      });
      if (!row) throw notFound('no such agent config');
      req.log.info({ documentId: row.id, chunks: row.chunk_count, bytes: row.bytes }, 'knowledge document added');
      return reply.code(201).send(toDocument(row));
    });

    r.get('/knowledge/documents', {
      onRequest: read,
      schema: {
        tags: ['knowledge'],
        summary: "List the knowledge base's documents, newest first (without their content)",
        querystring: ListQuery({ collection: Type.Optional(Collection), agentConfigId: Type.Optional(Uuid) }),
        response: { 200: Page(Document), ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const { limit, after } = pageParams(req.query);
      const { collection, agentConfigId } = req.query;
      const rows = await db.withTenant(tenantOf(req.actor!), (tx) => tx<DocumentRow[]>`
        select ${tx.unsafe(DOCUMENT_COLUMNS)} from kb_documents
         where ${createdBefore(tx, after)}
           ${collection ? tx`and collection = ${collection}` : tx``}
           ${agentConfigId ? tx`and agent_config_id = ${agentConfigId}` : tx``}
         order by created_at desc, id desc limit ${limit + 1}`, { readOnly: true });
      return toPage(rows, limit, cursorOf, toDocument);
    });

    r.get('/knowledge/documents/:id', {
      onRequest: read,
      schema: { tags: ['knowledge'], summary: 'A document with its content', params: IdParams, querystring: NoQuery, response: { 200: DocumentWithContent, ...problemResponses(401, 403, 404) } },
    }, async (req) => {
      const [row] = await db.withTenant(tenantOf(req.actor!), (tx) => tx<(DocumentRow & { content: string })[]>`
        select ${tx.unsafe(DOCUMENT_COLUMNS)}, content from kb_documents where id = ${req.params.id}`, { readOnly: true });
      if (!row) throw notFound('no such document');
      return { ...toDocument(row), content: row.content };
    });

    r.delete('/knowledge/documents/:id', {
      onRequest: write,
      schema: { tags: ['knowledge'], summary: 'Delete a document and its chunks', params: IdParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } },
    }, async (req, reply) => {
      const rows = await db.withTenant(tenantOf(req.actor!), (tx) => tx`delete from kb_documents where id = ${req.params.id} returning id`);
      if (rows.length === 0) throw notFound('no such document');
      return reply.code(204).send(null);
    });

    r.get('/knowledge/search', {
      onRequest: read,
      schema: {
        tags: ['knowledge'],
        summary: 'Search the knowledge base as an agent would (knowledge_search)',
        querystring: Type.Object(
          {
            query: Type.String({ minLength: 1, maxLength: 1000 }),
            topK: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
            collection: Type.Optional(Collection),
            agentConfigId: Type.Optional(Type.String({ format: 'uuid', description: "search as this agent: its own documents too (absent: tenant-wide documents only)" })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Hit) }, { additionalProperties: false }), ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const q = req.query;
      const hits = await db.withTenant(tenantOf(req.actor!), (tx) => searchKnowledge(tx, { query: q.query, topK: q.topK ?? 5, collection: q.collection, agentConfigId: q.agentConfigId }), { readOnly: true });
      return { items: hits.map((h) => ({ documentId: h.document_id, title: h.title, collection: h.collection, chunkIndex: h.chunk_index, heading: h.heading, text: h.content, score: h.score })) };
    });
  };
}
