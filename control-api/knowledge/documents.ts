// Knowledge documents: stored whole (kb_documents.content, what GET returns) and as search chunks
// (kb_chunks), written together in the caller's tenant transaction.
import type { Tx } from '../db/index.ts';
import { chunkDocument } from './chunk.ts';

/** Text-search configurations of PostgreSQL 15 (and PGlite): a document's language picks stemming and stop words. */
export const KB_LANGUAGES = [
  'simple', 'arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish', 'french', 'german', 'greek',
  'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali', 'norwegian', 'portuguese', 'romanian',
  'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish',
] as const;
export const COLLECTION_PATTERN = '^[a-z0-9][a-z0-9_.-]{0,63}$';

export interface NewDocument {
  title: string;
  content: string;
  format: 'text' | 'markdown';
  collection: string;
  language: string;
  agentConfigId: string | null;
}

export interface DocumentRow {
  id: string;
  agent_config_id: string | null;
  collection: string;
  title: string;
  format: 'text' | 'markdown';
  language: string;
  chunk_count: number;
  bytes: number;
  created_at: Date;
  updated_at: Date;
  cursor_t: string;
}

export const DOCUMENT_COLUMNS = `id, agent_config_id, collection, title, format, language, chunk_count, octet_length(content) as bytes, created_at, updated_at,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_t`;

/** Inserts the document and its chunks (one statement each). */
export async function insertDocument(tx: Tx, tenantId: string, doc: NewDocument): Promise<DocumentRow> {
  const chunks = chunkDocument(doc.title, doc.content, doc.format);
  const [row] = await tx<DocumentRow[]>`
    insert into kb_documents (tenant_id, agent_config_id, collection, title, format, language, content, chunk_count)
    values (${tenantId}, ${doc.agentConfigId}, ${doc.collection}, ${doc.title}, ${doc.format}, ${doc.language}, ${doc.content}, ${chunks.length})
    returning ${tx.unsafe(DOCUMENT_COLUMNS)}`;
  if (chunks.length > 0) {
    await tx`
      insert into kb_chunks (tenant_id, document_id, chunk_index, heading, content, ts_config)
      select ${tenantId}, ${row.id}, (i - 1)::int, h, c, ${doc.language}::regconfig
        from unnest(${chunks.map((c) => c.heading)}::text[], ${chunks.map((c) => c.text)}::text[]) with ordinality as u(h, c, i)`;
  }
  return row;
}
