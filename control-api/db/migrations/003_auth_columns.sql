-- API keys act with a role (at most their creator's); refresh-token families have an absolute end.
ALTER TABLE api_keys ADD COLUMN role text NOT NULL DEFAULT 'viewer' CHECK (role IN ('admin', 'user', 'viewer'));
ALTER TABLE refresh_tokens ADD COLUMN family_expires_at timestamptz;
UPDATE refresh_tokens SET family_expires_at = expires_at WHERE family_expires_at IS NULL;
ALTER TABLE refresh_tokens ALTER COLUMN family_expires_at SET NOT NULL;
