// Short-lived access tokens: HS256 JWTs (jose) carrying who the user is and what they may do, so a
// request needs no database read to authenticate. Short life (15 min) bounds how long a role change or
// a disabled user goes unnoticed; the refresh token (refresh.ts) is what sessions hang on.
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ConfigError } from '../../lib/errors.ts';
import { unauthorized } from '../http/errors.ts';
import { TENANT_ROLES, type Actor, type TenantRole } from './rbac.ts';

export interface AccessTokenConfig {
  /** At least 32 bytes (HS256 keys shorter than the hash output weaken it). */
  secret: string | Uint8Array;
  issuer: string;
  audience: string;
  /** Default 900 (15 min). */
  ttlSeconds?: number;
  /** Allowed clock skew between issuing and verifying hosts. Default 5 s. */
  clockToleranceSeconds?: number;
  /** For tests. */
  now?: () => Date;
}

/** The claims we put in: subject (user id), tenant id, tenant role, platform admin. */
export interface AccessClaims {
  sub: string;
  tid: string | null;
  role: TenantRole;
  pa: boolean;
}

export interface VerifiedAccess extends AccessClaims {
  jti: string;
  iat: number;
  exp: number;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
  expiresIn: number;
}

// A distinct `typ` keeps other JWTs signed with the same secret from passing as access tokens (RFC 9068).
const TYP = 'at+jwt';
const ALG = 'HS256';

export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly ttl: number;
  private readonly now: () => Date;
  constructor(private readonly cfg: AccessTokenConfig) {
    this.key = typeof cfg.secret === 'string' ? new TextEncoder().encode(cfg.secret) : cfg.secret;
    if (this.key.byteLength < 32) throw new ConfigError('accessTokens.secret', 'must be at least 32 bytes');
    if (!cfg.issuer || !cfg.audience) throw new ConfigError('accessTokens.issuer', 'issuer and audience are required');
    this.ttl = cfg.ttlSeconds ?? 900;
    this.now = cfg.now ?? (() => new Date());
  }

  async issue(claims: AccessClaims): Promise<IssuedAccessToken> {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + this.ttl;
    const token = await new SignJWT({ tid: claims.tid, role: claims.role, pa: claims.pa })
      .setProtectedHeader({ alg: ALG, typ: TYP })
      .setSubject(claims.sub)
      .setIssuer(this.cfg.issuer)
      .setAudience(this.cfg.audience)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000), expiresIn: this.ttl };
  }

  /** Verified claims, or a 401 ApiError: TOKEN_EXPIRED, or TOKEN_INVALID for anything else wrong. */
  async verify(token: string): Promise<VerifiedAccess> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG], // pinned: no alg=none, no RS/HS confusion
        typ: TYP,
        issuer: this.cfg.issuer,
        audience: this.cfg.audience,
        clockTolerance: this.cfg.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        currentDate: this.now(),
      }));
    } catch (err) {
      // jose checks the signature before the claims, so a forged expired token is INVALID, not EXPIRED.
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('TOKEN_EXPIRED', 'The access token has expired; refresh it', err);
      if (err instanceof joseErrors.JOSEError) throw unauthorized('TOKEN_INVALID', 'The access token is not valid', err);
      throw err;
    }
    const { sub, tid, role, pa, jti, iat, exp } = payload;
    if (
      typeof sub !== 'string' || sub.length === 0 ||
      !(tid === null || typeof tid === 'string') ||
      !TENANT_ROLES.includes(role as TenantRole) ||
      typeof pa !== 'boolean' || typeof jti !== 'string' || typeof iat !== 'number' || typeof exp !== 'number'
    ) {
      throw unauthorized('TOKEN_INVALID', 'The access token is not valid');
    }
    return { sub, tid, role: role as TenantRole, pa, jti, iat, exp };
  }
}

/** The bearer resolver for `authenticate`: a valid access token is a user actor. */
export function accessTokenResolver(tokens: AccessTokens): (token: string) => Promise<Actor> {
  return async (token) => {
    const c = await tokens.verify(token);
    return { kind: 'user', id: c.sub, tenantId: c.tid, role: c.role, platformAdmin: c.pa, scopes: ['*'] };
  };
}
