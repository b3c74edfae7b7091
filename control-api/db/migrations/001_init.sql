-- 001_init: roles, tenancy helpers, the initial schema, row-level security and grants.
--
-- Runs inside one transaction (see ../migrate.ts), as the owner role of DATABASE_URL (on the embedded
-- PGlite and in the tests: the superuser `postgres`). Conventions for every later migration:
--   * every tenant-owned table has `tenant_id uuid not null` and gets row-level security with
--     `select uap_enable_tenant_rls('<table>')` (ENABLE + FORCE RLS, the tenant policy, the owner policy);
--   * grant `uap_app` only the privileges the application needs, table by table (no default privileges);
--   * references between tenant-owned rows are composite `(tenant_id, x_id)` foreign keys, so a row can
--     never point at another tenant's row (foreign-key checks themselves ignore RLS).

-- ---------------------------------------------------------------------------------------------------
-- The application role. Roles are cluster-wide: another database on the same cluster (another install,
-- a parallel test run) may have created it already, possibly at the same moment.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uap_app') THEN
    BEGIN
      CREATE ROLE uap_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created concurrently by a migration of another database
    END;
  END IF;
  -- The owner switches to uap_app with SET LOCAL ROLE, so it must be a member. A superuser is one
  -- implicitly; otherwise try, and leave the verdict to migrate(), which names the fix.
  IF NOT pg_has_role(current_user, 'uap_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT uap_app TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
      RAISE WARNING 'cannot GRANT uap_app TO %; an administrator must run it', current_user;
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO uap_app;

-- ---------------------------------------------------------------------------------------------------
-- Helpers.

-- The tenant of the current transaction, set by withTenant() with set_config('app.tenant_id', id, true).
-- NULL when unset (or reset to '' at the end of an earlier transaction): then no tenant row matches.
CREATE OR REPLACE FUNCTION uap_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE OR REPLACE FUNCTION uap_touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;

-- Row-level security for a tenant-owned table:
--   tenant_isolation: any role (with FORCE, the owner too) sees and writes only rows of app.tenant_id;
--   owner_all:        the role that owns the schema (the migrating role, i.e. DATABASE_URL's user) sees
--                     everything: withPlatform() runs as it. Needed when that role is not a superuser,
--                     since FORCE ROW LEVEL SECURITY subjects the table owner to the policies.
-- uap_app is never a member of the owner role, so after SET ROLE uap_app only tenant_isolation applies.
CREATE OR REPLACE FUNCTION uap_enable_tenant_rls(tbl regclass, tenant_col text DEFAULT 'tenant_id') RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (%I = uap_current_tenant()) WITH CHECK (%I = uap_current_tenant())',
                 tbl, tenant_col, tenant_col);
  EXECUTE format('DROP POLICY IF EXISTS owner_all ON %s', tbl);
  EXECUTE format('CREATE POLICY owner_all ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END
$$;

-- Optional features, what migrate() found (e.g. 'vector': is pgvector there, is kb_chunks created).
CREATE TABLE capabilities (
  name       text PRIMARY KEY,
  enabled    boolean NOT NULL,
  detail     text,
  checked_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------------
-- Tenants and identity.

CREATE TABLE tenants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  plan          text NOT NULL DEFAULT 'free',
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
  settings      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  quotas        jsonb NOT NULL DEFAULT '{"max_concurrent_calls": 10}' CHECK (jsonb_typeof(quotas) = 'object'),
  feature_flags jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(feature_flags) = 'object'),
  branding      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(branding) = 'object'),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER tenants_touch BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION uap_touch_updated_at();

CREATE TABLE users (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email             text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  name              text NOT NULL DEFAULT '',
  password_hash     text,                       -- NULL: no password login (invited, SSO)
  role              text NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user', 'viewer')),
  permissions       jsonb NOT NULL DEFAULT '[]',
  is_platform_admin boolean NOT NULL DEFAULT false,
  last_login_at     timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email),
  UNIQUE (tenant_id, id)
);
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_tenant_created_idx ON users (tenant_id, created_at DESC, id DESC);
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION uap_touch_updated_at();

CREATE TABLE api_keys (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name         text NOT NULL,
  prefix       text NOT NULL UNIQUE,          -- the visible part, also the lookup key
  hash         text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'), -- sha-256 hex of the secret
  scopes       text[] NOT NULL DEFAULT '{}',
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX api_keys_tenant_created_idx ON api_keys (tenant_id, created_at DESC, id DESC);

CREATE TABLE refresh_tokens (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL,
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  family_id   uuid NOT NULL,                  -- rotation chain; reuse of a rotated token revokes the family
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  replaced_by uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (tenant_id, user_id);

-- ---------------------------------------------------------------------------------------------------
-- Agents and numbers.

CREATE TABLE agent_configs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name              text NOT NULL,
  kind              text NOT NULL CHECK (kind ~ '^[a-z0-9][a-z0-9_.-]*$'), -- 'offline', 'echo', 'ultravox', ...
  prompt            text NOT NULL DEFAULT '',
  voice             text,
  tools             jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tools) = 'array'),
  settings          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  secrets_encrypted bytea,                      -- sealed by the application; the database never sees the key
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name),
  UNIQUE (tenant_id, id)
);
CREATE INDEX agent_configs_tenant_created_idx ON agent_configs (tenant_id, created_at DESC, id DESC);
CREATE TRIGGER agent_configs_touch BEFORE UPDATE ON agent_configs FOR EACH ROW EXECUTE FUNCTION uap_touch_updated_at();

CREATE TABLE phone_numbers (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  e164            text NOT NULL UNIQUE CHECK (e164 = '*' OR e164 ~ '^\+[1-9][0-9]{1,14}$'), -- '*': catch-all
  agent_config_id uuid,
  provider        text NOT NULL DEFAULT 'twilio' CHECK (provider IN ('twilio', 'sip')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, agent_config_id) REFERENCES agent_configs (tenant_id, id) ON DELETE SET NULL (agent_config_id)
);
CREATE INDEX phone_numbers_tenant_created_idx ON phone_numbers (tenant_id, created_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------------
-- Calls. call_events and transcript_turns reference calls by id without a foreign key: events are
-- consumed from the durable stream and may arrive before the call row exists.

CREATE TABLE calls (
  id               text PRIMARY KEY,             -- our call id (e.g. the Twilio CallSid)
  tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  direction        text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  from_number      text,
  to_number        text,
  status           text NOT NULL DEFAULT 'ringing',
  started_at       timestamptz NOT NULL DEFAULT now(),
  answered_at      timestamptz,
  ended_at         timestamptz,
  duration_ms      bigint CHECK (duration_ms >= 0),
  end_reason       text,
  recording_url    text,
  summary          text,
  metadata         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
  agent_config_id  uuid,
  provider_call_id text,
  FOREIGN KEY (tenant_id, agent_config_id) REFERENCES agent_configs (tenant_id, id) ON DELETE SET NULL (agent_config_id)
);
-- Listing: WHERE (started_at, id) < ($cursor_started_at, $cursor_id) ORDER BY started_at DESC, id DESC.
CREATE INDEX calls_tenant_started_idx ON calls (tenant_id, started_at DESC, id DESC);
CREATE INDEX calls_provider_call_idx ON calls (provider_call_id) WHERE provider_call_id IS NOT NULL;

CREATE TABLE call_events (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  event_id  text NOT NULL UNIQUE,             -- idempotency: INSERT ... ON CONFLICT (event_id) DO NOTHING
  call_id   text NOT NULL,
  kind      text NOT NULL,
  seq       bigint NOT NULL DEFAULT 0,
  ts        timestamptz NOT NULL DEFAULT now(),
  payload   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX call_events_call_idx ON call_events (tenant_id, call_id, seq);
CREATE INDEX call_events_tenant_ts_idx ON call_events (tenant_id, ts DESC, id DESC);

CREATE TABLE transcript_turns (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  call_id     text NOT NULL,
  role        text NOT NULL,                  -- as on the wire (uap.Transcript.role): 'user', 'agent', ...
  text        text NOT NULL,
  started_ms  integer,
  ended_ms    integer,
  interrupted boolean NOT NULL DEFAULT false,
  event_id    text UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transcript_turns_call_idx ON transcript_turns (tenant_id, call_id, started_ms, id);

-- ---------------------------------------------------------------------------------------------------
-- Chat.

CREATE TABLE conversations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id         uuid,
  agent_config_id uuid,
  title           text NOT NULL DEFAULT '',
  metadata        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (user_id),
  FOREIGN KEY (tenant_id, agent_config_id) REFERENCES agent_configs (tenant_id, id) ON DELETE SET NULL (agent_config_id)
);
CREATE INDEX conversations_tenant_updated_idx ON conversations (tenant_id, updated_at DESC, id DESC);
CREATE TRIGGER conversations_touch BEFORE UPDATE ON conversations FOR EACH ROW EXECUTE FUNCTION uap_touch_updated_at();

CREATE TABLE messages (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL,
  role            text NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
  content         text NOT NULL,
  metadata        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX messages_conversation_idx ON messages (tenant_id, conversation_id, created_at, id);

-- ---------------------------------------------------------------------------------------------------
-- Audit. Append-only for the application; no foreign key so entries outlive a deleted tenant.
-- tenant_id NULL: a platform action, visible to withPlatform() only.

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   uuid,
  actor_type  text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'platform_admin')),
  actor_id    text,
  action      text NOT NULL,
  target_type text,
  target_id   text,
  ip          inet,
  details     jsonb NOT NULL DEFAULT '{}',
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant_at_idx ON audit_log (tenant_id, at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------------
-- Row-level security.

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = uap_current_tenant()) WITH CHECK (id = uap_current_tenant());
DO $$ BEGIN EXECUTE format('CREATE POLICY owner_all ON tenants TO %I USING (true) WITH CHECK (true)', current_user); END $$;

SELECT uap_enable_tenant_rls(t)
  FROM unnest(ARRAY['users', 'api_keys', 'refresh_tokens', 'agent_configs', 'phone_numbers', 'calls',
                    'call_events', 'transcript_turns', 'conversations', 'messages', 'audit_log']::regclass[]) AS t;

-- ---------------------------------------------------------------------------------------------------
-- Grants: what the application needs inside withTenant(), nothing more.
-- Tenant lifecycle, plan/quotas/flags, platform-admin flags, API-key and refresh-token lookups before the
-- tenant is known, and routing run in withPlatform() as the owner.

GRANT SELECT ON capabilities TO uap_app;
GRANT SELECT, UPDATE (name, settings, branding) ON tenants TO uap_app;
GRANT SELECT, DELETE,
      INSERT (id, tenant_id, email, name, password_hash, role, permissions, last_login_at),
      UPDATE (email, name, password_hash, role, permissions, last_login_at)
  ON users TO uap_app;
GRANT SELECT, INSERT, UPDATE, DELETE
  ON api_keys, refresh_tokens, agent_configs, phone_numbers, calls, call_events, transcript_turns,
     conversations, messages
  TO uap_app;
GRANT SELECT, INSERT ON audit_log TO uap_app;
