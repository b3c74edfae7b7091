-- Widget keys: public (publishable) keys a tenant embeds in its web pages so visitors can call ONE agent
-- from the browser softphone without signing in. A key is bound to one agent config and to the web
-- origins allowed to use it; only its SHA-256 hash is stored (the key is shown once, like API keys).
CREATE TABLE widget_keys (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  agent_config_id  uuid NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix           text NOT NULL CHECK (length(prefix) BETWEEN 4 AND 32),
  key_hash         text NOT NULL UNIQUE,
  allowed_origins  text[] NOT NULL CHECK (cardinality(allowed_origins) BETWEEN 1 AND 32),
  revoked_at       timestamptz,
  last_used_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, agent_config_id) REFERENCES agent_configs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX widget_keys_tenant_created_idx ON widget_keys (tenant_id, created_at DESC, id DESC);

SELECT uap_enable_tenant_rls('widget_keys');
GRANT SELECT, INSERT, UPDATE, DELETE ON widget_keys TO uap_app;
