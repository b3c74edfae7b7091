// SIP digest authentication on the wire (RFC 3261 §22, RFC 8760): parsing WWW-Authenticate /
// Authorization values, building our challenges, and answering a challenge as a client. Parsers return
// undefined on anything malformed and never throw; values are bounded.
import { randomBytes } from 'node:crypto';
import { digestAlgorithm, digestResponse, type DigestAlgorithm } from '../../lib/digest.ts';

export interface DigestParams {
  /** Lower-cased parameter names → unquoted values. */
  [name: string]: string;
}

const MAX_VALUE = 1024;
const MAX_PARAMS = 20;

/**
 * `Digest a="b", c=d, …` → the parameters. Quoted strings may hold commas and escaped characters;
 * duplicate names, bare tokens and other schemes are refused.
 */
export function parseDigest(value: string): DigestParams | undefined {
  const m = /^\s*Digest\s+/i.exec(value);
  if (!m) return undefined;
  const out: DigestParams = Object.create(null) as DigestParams;
  let i = m[0].length;
  let n = 0;
  const s = value;
  while (i < s.length) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    const nameStart = i;
    while (i < s.length && /[A-Za-z0-9_-]/.test(s[i])) i++;
    const name = s.slice(nameStart, i).toLowerCase();
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    if (name === '' || s[i] !== '=') return undefined;
    i++;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    let v = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) return undefined; // unterminated
        const c = s[i++];
        if (c === '"') break;
        if (c === '\\') {
          if (i >= s.length) return undefined;
          v += s[i++];
        } else v += c;
        if (v.length > MAX_VALUE) return undefined;
      }
    } else {
      const start = i;
      while (i < s.length && s[i] !== ',' && s[i] !== ' ' && s[i] !== '\t') i++;
      v = s.slice(start, i);
      if (v === '' || v.length > MAX_VALUE) return undefined;
    }
    if (name in out || ++n > MAX_PARAMS) return undefined;
    out[name] = v;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    if (i < s.length) {
      if (s[i] !== ',') return undefined;
      i++;
    }
  }
  return n > 0 ? out : undefined;
}

const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** One challenge per algorithm, in the order given (clients answer the first they support). */
export function buildChallenges(realm: string, nonce: string, algorithms: readonly DigestAlgorithm[], stale = false): string[] {
  return algorithms.map((alg) => `Digest realm=${quote(realm)}, nonce=${quote(nonce)}, algorithm=${alg}, qop="auth"${stale ? ', stale=true' : ''}`);
}

/** Credentials the server receives (Authorization), checked for shape: every field we need, a known algorithm. */
export interface DigestCredentialsIn {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  algorithm: DigestAlgorithm;
  qop: string;
  nc: string;
  cnonce: string;
}

export function parseCredentials(value: string): DigestCredentialsIn | undefined {
  const p = parseDigest(value);
  if (!p) return undefined;
  const algorithm = digestAlgorithm(p.algorithm);
  if (!algorithm || !p.username || p.realm === undefined || !p.nonce || !p.uri || !/^[0-9a-fA-F]{32,64}$/.test(p.response ?? '')) return undefined;
  const qop = p.qop ?? '';
  if (qop !== '' && qop.toLowerCase() !== 'auth') return undefined;
  if (qop !== '' && (!/^[0-9a-fA-F]{8}$/.test(p.nc ?? '') || !p.cnonce)) return undefined;
  return { username: p.username, realm: p.realm, nonce: p.nonce, uri: p.uri, response: p.response, algorithm, qop: qop.toLowerCase(), nc: p.nc ?? '', cnonce: p.cnonce ?? '' };
}

/** A challenge we can answer, picked from a 401/407's WWW-/Proxy-Authenticate values (first supported wins). */
export interface Challenge {
  realm: string;
  nonce: string;
  algorithm: DigestAlgorithm;
  qop: 'auth' | '';
  opaque: string | undefined;
}

export function pickChallenge(values: string[]): Challenge | undefined {
  for (const v of values) {
    const p = parseDigest(v);
    if (!p || p.realm === undefined || !p.nonce) continue;
    const algorithm = digestAlgorithm(p.algorithm);
    if (!algorithm) continue;
    let qop: 'auth' | '' = '';
    if (p.qop !== undefined) {
      const offered = p.qop.split(',').map((q) => q.trim().toLowerCase());
      if (!offered.includes('auth')) continue; // auth-int only: not supported
      qop = 'auth';
    }
    return { realm: p.realm, nonce: p.nonce, algorithm, qop, opaque: p.opaque };
  }
  return undefined;
}

/** The Authorization / Proxy-Authorization value answering `c` for a request. */
export function answerChallenge(c: Challenge, creds: { username: string; password: string }, method: string, uri: string, nc = 1): string {
  const cnonce = randomBytes(12).toString('hex');
  const ncHex = nc.toString(16).padStart(8, '0');
  const response = digestResponse({ algorithm: c.algorithm, username: creds.username, realm: c.realm, password: creds.password, method, uri, nonce: c.nonce, qop: c.qop, nc: ncHex, cnonce });
  let v = `Digest username=${quote(creds.username)}, realm=${quote(c.realm)}, nonce=${quote(c.nonce)}, uri=${quote(uri)}, response=${quote(response)}, algorithm=${c.algorithm}`;
  if (c.qop) v += `, qop=auth, nc=${ncHex}, cnonce=${quote(cnonce)}`;
  if (c.opaque !== undefined) v += `, opaque=${quote(c.opaque)}`;
  return v;
}
