-- A per-tenant version of the call list, bumped in the same transaction as any change to that tenant's
-- calls rows. The API caches rendered call-list pages under the version they were read at and checks
-- the version (one indexed row) before serving one: a page is never served once a change to the list has
-- committed, on any API process, with no invalidation messages to lose.
-- Statement-level triggers with transition tables: a bulk insert bumps each tenant once, not per row.
-- The version row stays locked until the writing transaction ends; the application's writes touch one
-- call per transaction, so writers of one tenant queue briefly and never deadlock.
CREATE TABLE call_list_versions (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  version   bigint NOT NULL DEFAULT 0
);
SELECT uap_enable_tenant_rls('call_list_versions');
GRANT SELECT ON call_list_versions TO uap_app;

-- SECURITY DEFINER: the writers (uap_app under a tenant, or the owner) need no rights on the table.
CREATE OR REPLACE FUNCTION uap_bump_call_list_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO call_list_versions AS v (tenant_id, version)
      SELECT DISTINCT tenant_id, 1 FROM old_rows ORDER BY tenant_id
      ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO call_list_versions AS v (tenant_id, version)
      SELECT DISTINCT tenant_id, 1 FROM new_rows ORDER BY tenant_id
      ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER calls_list_version_ins AFTER INSERT ON calls
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION uap_bump_call_list_version();
CREATE TRIGGER calls_list_version_upd AFTER UPDATE ON calls
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION uap_bump_call_list_version();
CREATE TRIGGER calls_list_version_del AFTER DELETE ON calls
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION uap_bump_call_list_version();
