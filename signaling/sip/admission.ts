// Trunk admission on the signalling side: what an INVITE tells the control API about itself (source
// address, and its digest credentials once the nonce is known to be ours, fresh and not replayed), and
// the SIP answer to a refusal — 401 with a challenge per algorithm (stale=true for an expired nonce), or
// 403. The password check itself happens in the control API, which alone holds the trunk's password.
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from '../../lib/digest.ts';
import type { Logger } from '../../lib/logger.ts';
import type { SipAdmissionInfo } from '../routing.ts';
import type { IncomingCall, InviteDecision } from './call.ts';
import { buildChallenges, parseCredentials } from './digest.ts';
import { getHeader } from './message.ts';
import type { SipMetrics } from './metrics.ts';
import { NonceIssuer } from './nonce.ts';

export interface SipAuthOptions {
  /** Digest realm of our challenges (trunk credentials are for this realm). */
  realm: string;
  /** Challenges offered, in this order (many clients answer only the first). */
  algorithms: DigestAlgorithm[];
  /** How long a nonce stays good (ms). */
  nonceTtlMs: number;
}

export const DEFAULT_SIP_AUTH: SipAuthOptions = { realm: 'uap', algorithms: ['MD5', 'SHA-256'], nonceTtlMs: 300_000 };

const REFUSALS = new Set(['TRUNK_FORBIDDEN', 'AUTH_REQUIRED', 'AUTH_FAILED']);

export interface InspectedInvite {
  info: SipAdmissionInfo;
  /** The credentials named an expired nonce of ours: the challenge says stale=true. */
  stale: boolean;
}

/** ::ffff:a.b.c.d (a v4 peer on a dual-stack socket) → a.b.c.d, so allowlists match. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

export class InviteAdmission {
  private readonly o: SipAuthOptions;
  private readonly nonces: NonceIssuer;

  constructor(o: Partial<SipAuthOptions> | undefined, private readonly metrics: SipMetrics) {
    this.o = { ...DEFAULT_SIP_AUTH, ...o };
    if (this.o.algorithms.length === 0 || this.o.algorithms.some((a) => !DIGEST_ALGORITHMS.includes(a))) throw new RangeError('SIP digest algorithms must be MD5 and/or SHA-256');
    this.nonces = new NonceIssuer(this.o.nonceTtlMs);
  }

  static handles(reason: string): boolean {
    return REFUSALS.has(reason);
  }

  /** The admission request for `call`; credentials are passed on only when their nonce checks out. */
  inspect(call: IncomingCall, log: Logger): InspectedInvite {
    const sourceIp = plainAddress(call.source.address);
    const info: SipAdmissionInfo = { sourceIp, realm: this.o.realm };
    const header = getHeader(call.request, 'Authorization');
    if (header === undefined) return { info, stale: false };
    const c = parseCredentials(header);
    if (!c) {
      this.metrics.error('BAD_AUTHORIZATION');
      log.info({ source: sourceIp }, 'INVITE with a malformed Authorization: challenging again');
      return { info, stale: false };
    }
    if (c.realm !== this.o.realm) return { info, stale: false };
    const nonce = this.nonces.check(c.nonce, sourceIp);
    if (nonce === 'stale') return { info, stale: true };
    if (nonce === 'invalid') {
      this.metrics.error('BAD_NONCE');
      return { info, stale: false };
    }
    // (The uri is not compared with the Request-URI: clients differ — sipp sends the server's address —
    // and the response covers it, while the nonce use below stops replays.)
    if (!this.nonces.use(c.nonce, c.nc, c.cnonce)) {
      this.metrics.error('AUTH_REPLAY');
      log.warn({ source: sourceIp, username: c.username }, 'replayed digest credentials: challenging again');
      return { info, stale: false };
    }
    info.digest = { ...c, method: call.request.method };
    return { info, stale: false };
  }

  /** The SIP answer to a trunk refusal. */
  refusal(reason: string, inspected: InspectedInvite, call: IncomingCall, log: Logger): InviteDecision {
    const source = inspected.info.sourceIp;
    if (reason === 'AUTH_REQUIRED') {
      this.metrics.error(inspected.info.digest ? 'AUTH_FAILED' : 'AUTH_CHALLENGED');
      log.info({ source, stale: inspected.stale }, 'INVITE challenged (digest)');
      const nonce = this.nonces.issue(source);
      return { reject: { status: 401, headers: buildChallenges(this.o.realm, nonce, this.o.algorithms, inspected.stale).map((value) => ({ name: 'WWW-Authenticate', value })) } };
    }
    if (reason === 'AUTH_FAILED') {
      this.metrics.error('AUTH_FAILED');
      log.warn({ source, username: inspected.info.digest?.username, from: call.fromUser, to: call.toUser }, 'INVITE refused: wrong trunk credentials');
      return { reject: { status: 403, reason: 'Forbidden' } };
    }
    this.metrics.error('TRUNK_FORBIDDEN');
    log.warn({ source, from: call.fromUser, to: call.toUser }, 'INVITE refused: no trunk takes calls from this source');
    return { reject: { status: 403, reason: 'Forbidden' } };
  }
}
