// Softphone call tokens: the control API gives a signed-in user a short-lived, single-use token naming
// the tenant and what to call (an agent config or a number); the WebRTC signalling endpoint checks it
// before it answers an offer. Same format as the Twilio stream tokens (stream-token.ts), own key.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signClaims, verifyClaims, type TokenCheckOf } from './stream-token.ts';

export type SoftphoneTarget = { kind: 'agent'; agentConfigId: string; agentKind: string } | { kind: 'number'; number: string };

export interface SoftphoneClaims {
  /** The user the token was issued to. */
  sub: string;
  tenantId: string;
  target: SoftphoneTarget;
  exp: number;
  jti: string;
}

export type SoftphoneTokenCheck = TokenCheckOf<SoftphoneClaims>;

/**
 * SOFTPHONE_TOKEN_SECRET, or a random key created once in DATA_DIR (the api and media roles of one host
 * share it; split hosts set the secret).
 */
export function softphoneTokenKey(secret: string | undefined, dataDir: string, onGenerated?: (file: string) => void): Buffer {
  let material = secret;
  if (!material) {
    const file = join(dataDir, 'softphone-token-key');
    if (existsSync(file)) material = readFileSync(file, 'utf8').trim();
    else {
      mkdirSync(dataDir, { recursive: true });
      material = randomBytes(32).toString('base64url');
      try {
        writeFileSync(file, material, { mode: 0o600, flag: 'wx' });
        onGenerated?.(file);
      } catch {
        material = readFileSync(file, 'utf8').trim(); // another role of this process wrote it first
      }
    }
  }
  return createHmac('sha256', material).update('uap-softphone-token-v1').digest();
}

export function signSoftphoneToken(key: Buffer, claims: Omit<SoftphoneClaims, 'exp' | 'jti'>, ttlS: number, nowMs = Date.now()): string {
  return signClaims(key, claims, ttlS, nowMs);
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function validTarget(t: unknown): boolean {
  if (typeof t !== 'object' || t === null) return false;
  const o = t as Record<string, unknown>;
  if (o.kind === 'agent') return typeof o.agentConfigId === 'string' && ID.test(o.agentConfigId) && typeof o.agentKind === 'string' && ID.test(o.agentKind);
  if (o.kind === 'number') return typeof o.number === 'string' && /^(\+[1-9]\d{1,14}|\*)$/.test(o.number);
  return false;
}

export function verifySoftphoneToken(key: Buffer, token: unknown, nowMs = Date.now()): SoftphoneTokenCheck {
  return verifyClaims<SoftphoneClaims>(key, token, (c) => typeof c.jti === 'string' && typeof c.sub === 'string' && typeof c.tenantId === 'string' && ID.test(c.tenantId) && validTarget(c.target), nowMs);
}
