-- 002_kb_vector: knowledge-base chunks with pgvector embeddings, when pgvector is there.
--
-- pgvector is optional: PGlite loads it, a managed PostgreSQL usually has it, the plain PostgreSQL 15 of
-- the tests does not. uap_ensure_vector() tries CREATE EXTENSION (in a subtransaction, so a failure does
-- not abort the migration), creates kb_chunks when it can, and records the outcome in capabilities.
-- migrate() calls it after every run, so installing pgvector later and restarting enables the feature.

CREATE OR REPLACE FUNCTION uap_ensure_vector() RETURNS boolean
  LANGUAGE plpgsql
  AS $fn$
DECLARE
  ok  boolean := false;
  why text;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS vector;
    ok := true;
  EXCEPTION WHEN OTHERS THEN
    why := SQLERRM;
  END;

  IF ok AND to_regclass('kb_chunks') IS NULL THEN
    -- Dynamic SQL: the type vector does not exist when this function is created without pgvector.
    EXECUTE $ddl$
      CREATE TABLE kb_chunks (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        document_id uuid,
        source      text,
        chunk_index integer NOT NULL DEFAULT 0,
        content     text NOT NULL,
        metadata    jsonb NOT NULL DEFAULT '{}',
        embedding   vector(1536),
        created_at  timestamptz NOT NULL DEFAULT now()
      )
    $ddl$;
    EXECUTE 'CREATE INDEX kb_chunks_tenant_doc_idx ON kb_chunks (tenant_id, document_id, chunk_index)';
    EXECUTE 'CREATE INDEX kb_chunks_embedding_idx ON kb_chunks USING hnsw (embedding vector_cosine_ops)';
    PERFORM uap_enable_tenant_rls('kb_chunks');
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON kb_chunks TO uap_app';
  END IF;

  INSERT INTO capabilities (name, enabled, detail, checked_at)
  VALUES ('vector', ok AND to_regclass('kb_chunks') IS NOT NULL,
          CASE WHEN ok THEN 'pgvector ' || (SELECT extversion FROM pg_extension WHERE extname = 'vector') ELSE why END,
          now())
  ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled, detail = EXCLUDED.detail, checked_at = EXCLUDED.checked_at;
  RETURN ok;
END
$fn$;

SELECT uap_ensure_vector();
