// Short-lived signed token that binds a media WebSocket to the webhook that created it. Signaling issues
// it into the TwiML <Parameter>s; the media core verifies it on `start`. HMAC-SHA256, base64url.
import { createHmac, timingSafeEqual, randomBytes } from 'node:crypto';

export interface StreamClaims {
  /** Our call id (for Twilio: the CallSid). */
  callId: string;
  /** Provider's call id the stream must belong to. */
  providerCallId: string;
  tenantId: string;
  agentKind: string;
  agentConfigId: string;
  from: string;
  to: string;
  /** inbound (someone called us) or outbound (placed through the API). */
  direction?: 'inbound' | 'outbound';
  /** Expiry, epoch seconds. */
  exp: number;
  /** Nonce: a token is accepted once. */
  jti: string;
}

export type TokenCheck = TokenCheckOf<StreamClaims>;

/** The secret: STREAM_TOKEN_SECRET, or derived from the Twilio auth token so split roles agree without more config. */
export function streamTokenKey(secret: string | undefined, twilioAuthToken: string | undefined): Buffer | undefined {
  if (secret) return createHmac('sha256', secret).update('uap-stream-token-v1').digest();
  if (twilioAuthToken) return createHmac('sha256', twilioAuthToken).update('uap-stream-token-v1').digest();
  return undefined;
}

export function signStreamToken(key: Buffer, claims: Omit<StreamClaims, 'jti' | 'exp'>, ttlS: number, nowMs = Date.now()): string {
  return signClaims(key, claims, ttlS, nowMs);
}

export function verifyStreamToken(key: Buffer, token: unknown, nowMs = Date.now()): TokenCheck {
  return verifyClaims<StreamClaims>(key, token, (c) => typeof c.callId === 'string' && typeof c.tenantId === 'string', nowMs);
}

export type TokenCheckOf<T> = { ok: true; claims: T } | { ok: false; code: 'TOKEN_MISSING' | 'TOKEN_MALFORMED' | 'TOKEN_BAD_SIGNATURE' | 'TOKEN_EXPIRED' };

/** `base64url(JSON claims + exp + jti).base64url(HMAC-SHA256)`: the token format of every short-lived call token. */
export function signClaims<T extends object>(key: Buffer, claims: T, ttlS: number, nowMs = Date.now()): string {
  const full = { ...claims, exp: Math.floor(nowMs / 1000) + ttlS, jti: randomBytes(9).toString('base64url') };
  const body = Buffer.from(JSON.stringify(full)).toString('base64url');
  const sig = createHmac('sha256', key).update(body).digest('base64url');
  return `${body}.${sig}`;
}

/** Checks size, signature (constant time), shape (`valid`) and expiry of a token made by signClaims. */
export function verifyClaims<T extends { exp: number }>(key: Buffer, token: unknown, valid: (c: Record<string, unknown>) => boolean, nowMs = Date.now()): TokenCheckOf<T> {
  if (typeof token !== 'string' || token.length === 0) return { ok: false, code: 'TOKEN_MISSING' };
  if (token.length > 2048) return { ok: false, code: 'TOKEN_MALFORMED' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, code: 'TOKEN_MALFORMED' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const want = createHmac('sha256', key).update(body).digest();
  if (given.length !== want.length || !timingSafeEqual(given, want)) return { ok: false, code: 'TOKEN_BAD_SIGNATURE' };
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, code: 'TOKEN_MALFORMED' };
  }
  if (typeof claims !== 'object' || claims === null || typeof claims.exp !== 'number' || !valid(claims)) {
    return { ok: false, code: 'TOKEN_MALFORMED' };
  }
  if (claims.exp * 1000 < nowMs) return { ok: false, code: 'TOKEN_EXPIRED' };
  return { ok: true, claims: claims as unknown as T };
}

/** Remembers used token ids until they expire, so a token opens one stream only. */
export class TokenReplayGuard {
  private readonly seen = new Map<string, number>();
  /** Returns false if this jti was already used. */
  use(jti: string, expS: number, nowMs = Date.now()): boolean {
    if (this.seen.size > 10_000) this.sweep(nowMs);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expS * 1000);
    return true;
  }
  private sweep(nowMs: number): void {
    for (const [k, exp] of this.seen) if (exp < nowMs) this.seen.delete(k);
  }
}
