// Rotating refresh tokens with reuse detection (OAuth 2.0 Security BCP §4.14). Every login starts a
// family (one session); each refresh spends the presented token and issues its successor in the family.
// A spent token presented again means two parties hold the session — one of them a thief — so the whole
// family is revoked and both must log in again.
//
// Tokens are random and stored only as their SHA-256: a database leak does not yield usable tokens.
// Storage is an interface so the database can back it (control-api/db); MemoryRefreshStore is for tests.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { unauthorized } from '../http/errors.ts';

export interface RefreshRecord {
  id: string;
  familyId: string;
  userId: string;
  tenantId: string | null;
  tokenHash: string;
  createdAt: Date;
  /** This token's expiry (idle timeout): min(created + ttl, familyExpiresAt). */
  expiresAt: Date;
  /**
   * The session's absolute end, inherited by every token of the family. A table without this column
   * can derive it: min(created_at) over the family + the maximum session length.
   */
  familyExpiresAt: Date;
  /** Id of the successor once the token has been exchanged (`replaced_by`); non-null = spent. */
  replacedBy: string | null;
  revokedAt: Date | null;
}

export interface RefreshStore {
  insert(record: RefreshRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshRecord | null>;
  /**
   * Marks the token spent, only if it is neither spent nor revoked, atomically (in SQL:
   * `UPDATE … SET replaced_by = $2 WHERE id = $1 AND replaced_by IS NULL AND revoked_at IS NULL`).
   * false means another request spent it first.
   */
  markRotated(id: string, replacedBy: string): Promise<boolean>;
  /** Revokes every token of the family that is not revoked yet. */
  revokeFamily(familyId: string, at: Date): Promise<void>;
  revoke(id: string, at: Date): Promise<void>;
}

export interface RefreshConfig {
  store: RefreshStore;
  /** Idle timeout: a token unused this long expires. Default 14 days. */
  ttlSeconds?: number;
  /** Absolute session length, however often it is refreshed. Default 90 days. */
  maxSessionSeconds?: number;
  now?: () => Date;
}

export interface IssuedRefreshToken {
  /** The secret for the client; never stored. */
  token: string;
  userId: string;
  tenantId: string | null;
  familyId: string;
  expiresAt: Date;
}

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export class RefreshTokens {
  private readonly store: RefreshStore;
  private readonly ttlMs: number;
  private readonly maxSessionMs: number;
  private readonly now: () => Date;

  constructor(cfg: RefreshConfig) {
    this.store = cfg.store;
    this.ttlMs = (cfg.ttlSeconds ?? 14 * 86_400) * 1000;
    this.maxSessionMs = (cfg.maxSessionSeconds ?? 90 * 86_400) * 1000;
    this.now = cfg.now ?? (() => new Date());
  }

  /** Starts a session (login). */
  async issue(userId: string, tenantId: string | null): Promise<IssuedRefreshToken> {
    const now = this.now();
    const { id: _, ...issued } = await this.mint({ userId, tenantId, familyId: randomUUID(), familyExpiresAt: new Date(now.getTime() + this.maxSessionMs) }, now);
    return issued;
  }

  /**
   * Spends `token` and returns its successor. The caller then loads the user (still active? role?) and
   * issues a fresh access token — the refresh token itself carries no permissions.
   */
  async rotate(token: string): Promise<IssuedRefreshToken> {
    const rec = await this.find(token);
    const now = this.now();
    if (rec.replacedBy) return this.reused(rec, now);
    if (rec.revokedAt) throw unauthorized('REFRESH_REVOKED', 'The session has ended; log in again');
    if (rec.expiresAt.getTime() <= now.getTime()) throw unauthorized('REFRESH_EXPIRED', 'The session has expired; log in again');
    // The successor is stored before the parent is marked spent: if a concurrent request wins the mark,
    // this successor is already in the family that the losing side revokes — no window where it escapes.
    const { id, ...issued } = await this.mint(rec, now);
    if (!(await this.store.markRotated(rec.id, id))) return this.reused(rec, now);
    return issued;
  }

  /** Logout: ends the whole session the token belongs to. Unknown tokens are ignored (idempotent). */
  async logout(token: string): Promise<void> {
    const rec = await this.store.findByHash(hashRefreshToken(token));
    if (rec) await this.store.revokeFamily(rec.familyId, this.now());
  }

  /** Revokes one stored token by id (admin tooling; a family has one live token at a time). */
  async revoke(id: string): Promise<void> {
    await this.store.revoke(id, this.now());
  }

  private async find(token: string): Promise<RefreshRecord> {
    // Bounded before hashing; a real token is 43 characters.
    const rec = token.length > 0 && token.length <= 256 ? await this.store.findByHash(hashRefreshToken(token)) : null;
    if (!rec) throw unauthorized('REFRESH_INVALID', 'The refresh token is not valid');
    return rec;
  }

  private async reused(rec: RefreshRecord, now: Date): Promise<never> {
    await this.store.revokeFamily(rec.familyId, now);
    throw unauthorized('REFRESH_REUSED', 'The refresh token was already used; the session has been revoked');
  }

  private async mint(family: Pick<RefreshRecord, 'userId' | 'tenantId' | 'familyId' | 'familyExpiresAt'>, now: Date): Promise<IssuedRefreshToken & { id: string }> {
    const token = randomBytes(32).toString('base64url');
    const { userId, tenantId, familyId, familyExpiresAt } = family; // not `...family`: rec carries more
    const expiresAt = new Date(Math.min(now.getTime() + this.ttlMs, familyExpiresAt.getTime()));
    const id = randomUUID();
    await this.store.insert({ id, familyId, userId, tenantId, tokenHash: hashRefreshToken(token), createdAt: now, expiresAt, familyExpiresAt, replacedBy: null, revokedAt: null });
    return { id, token, userId, tenantId, familyId, expiresAt };
  }
}

/** In-memory RefreshStore for tests and single-process development. */
export class MemoryRefreshStore implements RefreshStore {
  readonly records = new Map<string, RefreshRecord>();

  async insert(record: RefreshRecord): Promise<void> {
    this.records.set(record.id, { ...record });
  }

  async findByHash(tokenHash: string): Promise<RefreshRecord | null> {
    for (const r of this.records.values()) if (r.tokenHash === tokenHash) return { ...r };
    return null;
  }

  async markRotated(id: string, replacedBy: string): Promise<boolean> {
    const r = this.records.get(id);
    if (!r || r.replacedBy || r.revokedAt) return false;
    r.replacedBy = replacedBy;
    return true;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    for (const r of this.records.values()) if (r.familyId === familyId && !r.revokedAt) r.revokedAt = at;
  }

  async revoke(id: string, at: Date): Promise<void> {
    const r = this.records.get(id);
    if (r && !r.revokedAt) r.revokedAt = at;
  }
}
