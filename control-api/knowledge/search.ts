// Knowledge-base retrieval with PostgreSQL full-text search (works the same on PostgreSQL 15 and PGlite;
// vector search is a follow-up that needs an embeddings provider). A chunk matches when it contains any
// of the query's words (stemmed by its document's language, stop words dropped): callers ask questions
// in full sentences, and requiring every word would miss "opening hours on Saturday" in a text about
// opening hours. Chunks with all the words (websearch syntax: "quoted phrases", -excluded) rank first;
// within each group ts_rank_cd orders them (heading words weigh more than body words).
//
// score = 0.5 × (matches the whole query) + 0.5 × ts_rank_cd(…, 32), so 0..1.
import type { Tx } from '../db/index.ts';

export interface KbSearchQuery {
  query: string;
  topK: number;
  /** Only this collection (absent: all). */
  collection?: string;
  /** The asking agent: its own documents and the tenant-wide ones. Absent: tenant-wide documents only. */
  agentConfigId?: string;
}

export interface KbHitRow {
  document_id: string;
  title: string;
  collection: string;
  chunk_index: number;
  heading: string;
  content: string;
  score: number;
}

/** Runs inside withTenant(): RLS confines it to the tenant's documents. */
export function searchKnowledge(tx: Tx, q: KbSearchQuery): Promise<KbHitRow[]> {
  // One tsquery pair per language the tenant's documents use (a handful): tq_any ORs the query's lexemes
  // (quoted for to_tsquery, 'simple' so they are not stemmed twice), tq_all is the query as written.
  return tx<KbHitRow[]>`
    with langs as (select distinct language::regconfig as cfg from kb_documents),
    q as (
      select cfg, websearch_to_tsquery(cfg, ${q.query}) as tq_all,
             to_tsquery('simple', coalesce((select string_agg('''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''', ' | ')
                                            from unnest(tsvector_to_array(to_tsvector(cfg, ${q.query}))) as l), '')) as tq_any
        from langs
    )
    select d.id as document_id, d.title, d.collection, k.chunk_index, k.heading, k.content,
           (case when k.tsv @@ q.tq_all then 0.5 else 0 end + 0.5 * ts_rank_cd(k.tsv, q.tq_any, 32))::float8 as score
      from q
      join kb_chunks k on k.ts_config = q.cfg and k.tsv @@ q.tq_any
      join kb_documents d on d.tenant_id = k.tenant_id and d.id = k.document_id
     where ${q.collection ? tx`d.collection = ${q.collection}` : tx`true`}
       and ${q.agentConfigId ? tx`(d.agent_config_id is null or d.agent_config_id = ${q.agentConfigId}::uuid)` : tx`d.agent_config_id is null`}
     order by score desc, d.created_at desc, k.chunk_index
     limit ${q.topK}`;
}
