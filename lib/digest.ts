// HTTP/SIP digest arithmetic (RFC 2617 / RFC 3261 §22 / RFC 7616 / RFC 8760): the response a client
// computes from its password and a challenge, for MD5 and SHA-256, with qop=auth or none. Shared by the
// SIP gateway (answering a trunk's challenge) and the control API (checking a trunk's credentials, since
// only it holds the password).
import { createHash, timingSafeEqual } from 'node:crypto';

export const DIGEST_ALGORITHMS = ['MD5', 'SHA-256'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

/** The algorithm named in a challenge or credentials (absent = MD5), or undefined when unsupported. */
export function digestAlgorithm(name: string | undefined): DigestAlgorithm | undefined {
  if (name === undefined || name === '') return 'MD5';
  const n = name.toUpperCase();
  return n === 'MD5' ? 'MD5' : n === 'SHA-256' ? 'SHA-256' : undefined;
}

function h(alg: DigestAlgorithm, s: string): string {
  return createHash(alg === 'MD5' ? 'md5' : 'sha256').update(s, 'utf8').digest('hex');
}

export interface DigestInput {
  algorithm: DigestAlgorithm;
  username: string;
  realm: string;
  password: string;
  method: string;
  uri: string;
  nonce: string;
  /** 'auth', or '' / undefined for the RFC 2069 form (no nc, no cnonce). */
  qop?: string;
  nc?: string;
  cnonce?: string;
}

/** response = H(H(user:realm:pass):nonce[:nc:cnonce:qop]:H(method:uri)), lower-case hex. */
export function digestResponse(d: DigestInput): string {
  const ha1 = h(d.algorithm, `${d.username}:${d.realm}:${d.password}`);
  const ha2 = h(d.algorithm, `${d.method}:${d.uri}`);
  return d.qop ? h(d.algorithm, `${ha1}:${d.nonce}:${d.nc ?? ''}:${d.cnonce ?? ''}:${d.qop}:${ha2}`) : h(d.algorithm, `${ha1}:${d.nonce}:${ha2}`);
}

/** Constant-time comparison of a received response with the expected one (hex, case-insensitive). */
export function digestMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(received.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
