// Storage for the auth primitives, on the database. These lookups happen before the caller's tenant
// is known (a refresh token or API key identifies it), so they run as the owner (withPlatform).
import type { Database } from '../db/index.ts';
import type { RefreshRecord, RefreshStore } from './refresh.ts';
import type { ApiKeyLookup, ApiKeyRecord } from './api-keys.ts';
import type { TenantRole } from './rbac.ts';

interface RefreshRow {
  id: string;
  family_id: string;
  user_id: string;
  tenant_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  family_expires_at: Date;
  replaced_by: string | null;
  revoked_at: Date | null;
}

export class DbRefreshStore implements RefreshStore {
  constructor(private readonly db: Database) {}

  async insert(r: RefreshRecord): Promise<void> {
    await this.db.withPlatform((tx) => tx`insert into refresh_tokens (id, user_id, tenant_id, family_id, token_hash, expires_at, family_expires_at, created_at)
      values (${r.id}, ${r.userId}, ${r.tenantId}, ${r.familyId}, ${r.tokenHash}, ${r.expiresAt}, ${r.familyExpiresAt}, ${r.createdAt})`);
  }

  async findByHash(tokenHash: string): Promise<RefreshRecord | null> {
    const [r] = await this.db.withPlatform((tx) => tx<RefreshRow[]>`select * from refresh_tokens where token_hash = ${tokenHash}`);
    if (!r) return null;
    return { id: r.id, familyId: r.family_id, userId: r.user_id, tenantId: r.tenant_id, tokenHash: r.token_hash, createdAt: r.created_at, expiresAt: r.expires_at, familyExpiresAt: r.family_expires_at, replacedBy: r.replaced_by, revokedAt: r.revoked_at };
  }

  async markRotated(id: string, replacedBy: string): Promise<boolean> {
    const rows = await this.db.withPlatform((tx) => tx`update refresh_tokens set replaced_by = ${replacedBy} where id = ${id} and replaced_by is null and revoked_at is null returning id`);
    return rows.length === 1;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.db.withPlatform((tx) => tx`update refresh_tokens set revoked_at = ${at} where family_id = ${familyId} and revoked_at is null`);
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db.withPlatform((tx) => tx`update refresh_tokens set revoked_at = ${at} where id = ${id} and revoked_at is null`);
  }
}

/**
 * API-key records by prefix, cached for a few seconds: a busy key would otherwise cost a database
 * transaction per request. A revocation takes effect at once in this process (invalidate) and within
 * `ttlMs` in others.
 */
export class DbApiKeyLookup implements ApiKeyLookup {
  private readonly cache = new Map<string, { at: number; rec: ApiKeyRecord | null }>();

  constructor(private readonly db: Database, private readonly ttlMs = 5000) {}

  invalidate(): void {
    this.cache.clear();
  }

  async findByPrefix(prefix: string): Promise<ApiKeyRecord | null> {
    const hit = this.cache.get(prefix);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.rec;
    const rec = await this.load(prefix);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(prefix, { at: Date.now(), rec });
    return rec;
  }

  private async load(prefix: string): Promise<ApiKeyRecord | null> {
    const [r] = await this.db.withPlatform((tx) => tx<{ id: string; tenant_id: string; prefix: string; hash: string; role: TenantRole; scopes: string[]; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null }[]>`
      select k.id, k.tenant_id, k.prefix, k.hash, k.role, k.scopes, k.expires_at, k.revoked_at, k.last_used_at
      from api_keys k join tenants t on t.id = k.tenant_id where k.prefix = ${prefix} and t.status = 'active'`);
    if (!r) return null;
    return { id: r.id, tenantId: r.tenant_id, prefix: r.prefix, secretHash: r.hash, role: r.role, scopes: r.scopes, expiresAt: r.expires_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at };
  }

  async touchLastUsed(id: string, at: Date): Promise<void> {
    await this.db.withPlatform((tx) => tx`update api_keys set last_used_at = ${at} where id = ${id}`);
    for (const v of this.cache.values()) if (v.rec?.id === id) v.rec.lastUsedAt = at;
  }
}
