-- SIP trunks: a tenant's carrier connections. Inbound calls are admitted by source address (CIDR
-- allowlist) and/or digest credentials; outbound calls go to the trunk's host with its credentials.
-- Passwords are sealed by the application (control-api/crypto/secrets.ts, AES-256-GCM bound to the row):
-- digest needs the password itself, so a one-way hash would not do.
CREATE TABLE sip_trunks (
  id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name                        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  inbound_cidrs               cidr[] NOT NULL DEFAULT '{}' CHECK (cardinality(inbound_cidrs) <= 32),
  inbound_username            text CHECK (length(inbound_username) BETWEEN 1 AND 128),
  inbound_password_encrypted  bytea,
  outbound_host               text CHECK (length(outbound_host) BETWEEN 1 AND 253),
  outbound_port               integer NOT NULL DEFAULT 5060 CHECK (outbound_port BETWEEN 1 AND 65535),
  outbound_transport          text NOT NULL DEFAULT 'udp' CHECK (outbound_transport IN ('udp', 'tcp')),
  outbound_username           text CHECK (length(outbound_username) BETWEEN 1 AND 128),
  outbound_password_encrypted bytea,
  from_number                 text CHECK (from_number ~ '^\+[1-9][0-9]{1,14}$'),
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  -- A username always comes with its password.
  CHECK ((inbound_username IS NULL) = (inbound_password_encrypted IS NULL)),
  CHECK ((outbound_username IS NULL) = (outbound_password_encrypted IS NULL)),
  UNIQUE (tenant_id, name),
  UNIQUE (tenant_id, id)
);
CREATE INDEX sip_trunks_tenant_created_idx ON sip_trunks (tenant_id, created_at DESC, id DESC);
CREATE TRIGGER sip_trunks_touch BEFORE UPDATE ON sip_trunks FOR EACH ROW EXECUTE FUNCTION uap_touch_updated_at();

SELECT uap_enable_tenant_rls('sip_trunks');
GRANT SELECT, INSERT, UPDATE, DELETE ON sip_trunks TO uap_app;
