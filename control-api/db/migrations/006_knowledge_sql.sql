-- 006_knowledge_sql: the knowledge base (documents split into chunks, PostgreSQL full-text search) and the
-- read-only `reporting` views that text-to-SQL (sql.query) may read, with their own role.

-- ---------------------------------------------------------------------------------------------------
-- Knowledge documents. `content` keeps the original text or markdown; search runs on kb_chunks.
-- agent_config_id NULL: every agent of the tenant may find it; set: only that agent (deleted with it, so
-- an agent's private documents never become tenant-wide). `language` names the text-search configuration
-- (stemming, stop words) the document's chunks are indexed with.
CREATE TABLE kb_documents (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  agent_config_id uuid,
  collection      text NOT NULL DEFAULT 'default' CHECK (collection ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  format          text NOT NULL CHECK (format IN ('text', 'markdown')),
  language        text NOT NULL DEFAULT 'english' CHECK (language ~ '^[a-z]{2,20}$'),
  content         text NOT NULL,
  chunk_count     integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_config_id) REFERENCES agent_configs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_documents_tenant_created_idx ON kb_documents (tenant_id, created_at DESC, id DESC);
CREATE TRIGGER kb_documents_touch BEFORE UPDATE ON kb_documents FOR EACH ROW EXECUTE FUNCTION uap_touch_updated_at();

-- Chunks. 002 created kb_chunks only where pgvector exists (with an embedding column); from here on the
-- table always exists, and uap_ensure_vector() (redefined below) adds the embedding column when it can.
CREATE TABLE IF NOT EXISTS kb_chunks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  document_id uuid,
  source      text,
  chunk_index integer NOT NULL DEFAULT 0,
  content     text NOT NULL,
  metadata    jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- heading: the section path ("Title > Section"), weighted above the body text in ranking.
ALTER TABLE kb_chunks ADD COLUMN IF NOT EXISTS heading text NOT NULL DEFAULT '';
ALTER TABLE kb_chunks ADD COLUMN IF NOT EXISTS ts_config regconfig NOT NULL DEFAULT 'english';
ALTER TABLE kb_chunks ADD COLUMN IF NOT EXISTS tsv tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector(ts_config, heading), 'A') || setweight(to_tsvector(ts_config, content), 'B')) STORED;
-- NOT VALID: rows written before documents existed (none by the application) are left alone.
ALTER TABLE kb_chunks ADD CONSTRAINT kb_chunks_document_fk
  FOREIGN KEY (tenant_id, document_id) REFERENCES kb_documents (tenant_id, id) ON DELETE CASCADE NOT VALID;
CREATE INDEX IF NOT EXISTS kb_chunks_tenant_doc_idx ON kb_chunks (tenant_id, document_id, chunk_index);
CREATE INDEX IF NOT EXISTS kb_chunks_tsv_idx ON kb_chunks USING gin (tsv);

SELECT uap_enable_tenant_rls(t) FROM unnest(ARRAY['kb_documents', 'kb_chunks']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON kb_documents, kb_chunks TO uap_app;

-- pgvector, when present, adds the embedding column to the one kb_chunks table (vector search is a
-- follow-up: it needs an embeddings provider). Same contract as 002: never fails, records the outcome.
CREATE OR REPLACE FUNCTION uap_ensure_vector() RETURNS boolean
  LANGUAGE plpgsql
  AS $fn$
DECLARE
  ok  boolean := false;
  why text;
  has boolean;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS vector;
    ok := true;
  EXCEPTION WHEN OTHERS THEN
    why := SQLERRM;
  END;
  has := EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'kb_chunks'::regclass AND attname = 'embedding' AND NOT attisdropped);
  IF ok AND NOT has THEN
    EXECUTE 'ALTER TABLE kb_chunks ADD COLUMN embedding vector(1536)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS kb_chunks_embedding_idx ON kb_chunks USING hnsw (embedding vector_cosine_ops)';
    has := true;
  END IF;
  INSERT INTO capabilities (name, enabled, detail, checked_at)
  VALUES ('vector', ok AND has,
          CASE WHEN ok THEN 'pgvector ' || (SELECT extversion FROM pg_extension WHERE extname = 'vector') ELSE why END,
          now())
  ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled, detail = EXCLUDED.detail, checked_at = EXCLUDED.checked_at;
  RETURN ok AND has;
END
$fn$;

-- ---------------------------------------------------------------------------------------------------
-- Text-to-SQL. Generated SQL runs as uap_sql (NOLOGIN, member of nothing, no BYPASSRLS) with
-- search_path = reporting: it may read these views and nothing else. The views are security_invoker, so
-- the tables' tenant_isolation policies apply to uap_sql as to uap_app (RLS quals are evaluated before
-- any function of the query: no leaks through errors). They expose safe columns only: no secrets, hashes,
-- prompts, settings, payloads or recording locations. Keep proto/sql-views.ts (what the LLM is told) in
-- step with them: a test compares the two.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uap_sql') THEN
    BEGIN
      CREATE ROLE uap_sql NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created concurrently by a migration of another database
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'uap_sql', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT uap_sql TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
      RAISE WARNING 'cannot GRANT uap_sql TO %; an administrator must run it (text-to-SQL needs it)', current_user;
    END;
  END IF;
END
$$;

CREATE SCHEMA reporting;
REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
GRANT USAGE ON SCHEMA reporting TO uap_sql;

CREATE VIEW reporting.calls WITH (security_invoker = true) AS
  SELECT id, direction, from_number, to_number, status, started_at, answered_at, ended_at, duration_ms,
         end_reason, summary, agent_config_id AS agent_id
    FROM public.calls;
CREATE VIEW reporting.transcript_turns WITH (security_invoker = true) AS
  SELECT id, call_id, role, text, started_ms, ended_ms, interrupted, created_at
    FROM public.transcript_turns;
CREATE VIEW reporting.phone_numbers WITH (security_invoker = true) AS
  SELECT id, e164, agent_config_id AS agent_id, provider, created_at
    FROM public.phone_numbers;
CREATE VIEW reporting.agents WITH (security_invoker = true) AS
  SELECT id, name, kind, created_at
    FROM public.agent_configs;

GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO uap_sql;
-- security_invoker: the invoker needs the underlying columns too — these and no others (the policies'
-- tenant_id needs no grant: policy quals are not checked against the invoker's column privileges).
GRANT SELECT (id, direction, from_number, to_number, status, started_at, answered_at, ended_at, duration_ms, end_reason, summary, agent_config_id) ON public.calls TO uap_sql;
GRANT SELECT (id, call_id, role, text, started_ms, ended_ms, interrupted, created_at) ON public.transcript_turns TO uap_sql;
GRANT SELECT (id, e164, agent_config_id, provider, created_at) ON public.phone_numbers TO uap_sql;
GRANT SELECT (id, name, kind, created_at) ON public.agent_configs TO uap_sql;
