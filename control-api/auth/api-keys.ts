// API keys: `uap_<prefix>_<secret>`. The prefix is public (shown in lists, logs, rate-limit keys) and is
// how a key is looked up; the secret is shown once at creation and stored only as its SHA-256. A fast
// hash is enough here, unlike for passwords: the secret is ~190 random bits, not guessable text.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '../http/errors.ts';
import type { Actor, TenantRole } from './rbac.ts';

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const PREFIX_LENGTH = 8;
export const SECRET_LENGTH = 32; // 32 × log2(62) ≈ 190 bits
// Alphanumeric only, so a double-click selects the whole key.
const KEY_SHAPE = new RegExp(`^uap_([a-z0-9]{${PREFIX_LENGTH}})_([A-Za-z0-9]{${SECRET_LENGTH}})$`);

export interface GeneratedApiKey {
  /** The full key: give it to the client once, never store it. */
  key: string;
  prefix: string;
  secretHash: string;
}

const randomString = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

/** A new key. The prefix should be unique (a unique index; regenerate on the rare collision). */
export function generateApiKey(): GeneratedApiKey {
  const prefix = randomString(PREFIX_ALPHABET, PREFIX_LENGTH);
  const secret = randomString(SECRET_ALPHABET, SECRET_LENGTH);
  return { key: `uap_${prefix}_${secret}`, prefix, secretHash: hashApiKeySecret(secret) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  if (key.length > 64) return null;
  const m = KEY_SHAPE.exec(key);
  return m ? { prefix: m[1], secret: m[2] } : null;
}

export const hashApiKeySecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of the presented secret's hash with the stored one. */
export function verifyApiKeySecret(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKeySecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  prefix: string;
  secretHash: string;
  /** The role the key acts with; at most its creator's. */
  role: TenantRole;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** What the resolver needs from storage. */
export interface ApiKeyLookup {
  findByPrefix(prefix: string): Promise<ApiKeyRecord | null>;
  touchLastUsed(id: string, at: Date): Promise<void>;
}

export interface ApiKeyResolverOptions {
  /** last_used_at is written at most this often per key, not on every request. Default 60 s. */
  touchIntervalMs?: number;
  now?: () => Date;
  onTouchError?: (err: unknown) => void;
}

/**
 * The API-key resolver for `authenticate`. Unknown prefix and wrong secret give the same answer
 * (API_KEY_INVALID); revoked and expired are told apart only to a caller that holds the real secret.
 */
export function apiKeyResolver(lookup: ApiKeyLookup, opts: ApiKeyResolverOptions = {}): (key: string) => Promise<Actor> {
  const touchInterval = opts.touchIntervalMs ?? 60_000;
  const now = opts.now ?? (() => new Date());
  return async (key) => {
    const parsed = parseApiKey(key);
    const rec = parsed ? await lookup.findByPrefix(parsed.prefix) : null;
    if (!parsed || !rec || !verifyApiKeySecret(parsed.secret, rec.secretHash)) throw unauthorized('API_KEY_INVALID', 'The API key is not valid');
    const t = now();
    if (rec.revokedAt) throw unauthorized('API_KEY_REVOKED', 'The API key has been revoked');
    if (rec.expiresAt && rec.expiresAt.getTime() <= t.getTime()) throw unauthorized('API_KEY_EXPIRED', 'The API key has expired');
    if (!rec.lastUsedAt || t.getTime() - rec.lastUsedAt.getTime() >= touchInterval) {
      // Bookkeeping must not fail the request.
      await lookup.touchLastUsed(rec.id, t).catch((err: unknown) => opts.onTouchError?.(err));
    }
    return { kind: 'apiKey', id: rec.id, tenantId: rec.tenantId, role: rec.role, platformAdmin: false, scopes: [...rec.scopes], keyPrefix: rec.prefix };
  };
}
