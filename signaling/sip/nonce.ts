// Digest nonces without server state: issue time + randomness + an HMAC over both and the client's
// address, so a nonce is ours, tied to where it was sent, and expires. Replays within the lifetime are
// caught by remembering each (nonce, nc, cnonce) answered, in a bounded map.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const TS_BYTES = 8;
const RAND_BYTES = 8;
const MAC_BYTES = 16;
const NONCE_BYTES = TS_BYTES + RAND_BYTES + MAC_BYTES;

export type NonceCheck = 'ok' | 'stale' | 'invalid';

export class NonceIssuer {
  private readonly used = new Map<string, number>(); // key → expiry (ms)

  constructor(
    private readonly ttlMs: number,
    private readonly key: Buffer = randomBytes(32),
    private readonly now: () => number = Date.now,
    private readonly maxUsed = 100_000,
  ) {}

  private mac(body: Buffer, address: string): Buffer {
    return createHmac('sha256', this.key).update(body).update(address).digest().subarray(0, MAC_BYTES);
  }

  issue(address: string): string {
    const body = Buffer.alloc(TS_BYTES + RAND_BYTES);
    body.writeBigUInt64BE(BigInt(this.now()));
    randomBytes(RAND_BYTES).copy(body, TS_BYTES);
    return Buffer.concat([body, this.mac(body, address)]).toString('base64url');
  }

  /** 'invalid': not ours (or for another address); 'stale': ours but expired — the client may retry at once. */
  check(nonce: string, address: string): NonceCheck {
    if (nonce.length !== 43 || !/^[A-Za-z0-9_-]+$/.test(nonce)) return 'invalid';
    const raw = Buffer.from(nonce, 'base64url');
    // Only our own spelling: base64url's last character has spare bits, so other spellings decode alike.
    if (raw.length !== NONCE_BYTES || raw.toString('base64url') !== nonce) return 'invalid';
    const body = raw.subarray(0, TS_BYTES + RAND_BYTES);
    if (!timingSafeEqual(raw.subarray(TS_BYTES + RAND_BYTES), this.mac(body, address))) return 'invalid';
    const issued = Number(body.readBigUInt64BE(0));
    const age = this.now() - issued;
    if (age < -1000 || age > this.ttlMs) return 'stale';
    return 'ok';
  }

  /** Records an answer to a nonce; false when the same (nonce, nc, cnonce) was seen before (a replay). */
  use(nonce: string, nc: string, cnonce: string): boolean {
    const key = `${nonce}|${nc}|${cnonce}`;
    const now = this.now();
    const seen = this.used.get(key);
    if (seen !== undefined && seen > now) return false;
    if (this.used.size >= this.maxUsed) this.prune(now);
    this.used.set(key, now + this.ttlMs);
    return true;
  }

  private prune(now: number): void {
    for (const [k, exp] of this.used) if (exp <= now) this.used.delete(k);
    // Still full of live entries: drop the oldest quarter (insertion order).
    if (this.used.size >= this.maxUsed) {
      let n = Math.ceil(this.maxUsed / 4);
      for (const k of this.used.keys()) {
        if (n-- <= 0) break;
        this.used.delete(k);
      }
    }
  }
}
