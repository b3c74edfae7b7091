// Password hashing: argon2id (memory-hard, so GPU guessing is expensive) with the OWASP baseline
// parameters. Hashes are PHC strings that carry their own parameters, so raising them later only needs
// `needsRehash` at the next successful login.
import { hash, verify, parseOptions, type Options } from '@node-rs/argon2';

const ARGON2ID = 2 as NonNullable<Options['algorithm']>; // Algorithm.Argon2id (a const enum, unusable under isolatedModules)

/** OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1 (~20–40 ms per hash on a server core). */
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN_LENGTH = 8;
/** Bounds the work one login attempt can cause; passphrases fit comfortably. */
export const PASSWORD_MAX_LENGTH = 256;

// NIST SP 800-63B: normalize so the same passphrase typed on different keyboards/OSes matches.
const normalize = (password: string) => password.normalize('NFKC');

export async function hashPassword(password: string): Promise<string> {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new RangeError(`password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`);
  }
  return hash(normalize(password), ARGON2_PARAMS);
}

let dummyHash: Promise<string> | undefined;

/**
 * true when `password` matches `stored`. With `stored` null (no such user) a dummy hash is verified
 * anyway, so response time does not reveal which emails have accounts. Never throws on a bad hash.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  if (stored === null) {
    dummyHash ??= hash('dummy password for timing', ARGON2_PARAMS);
    await verify(await dummyHash, normalize(password)).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, normalize(password));
  } catch {
    return false;
  }
}

/** true when the hash was made with other (older) parameters than ARGON2_PARAMS. */
export function needsRehash(stored: string): boolean {
  try {
    const p = parseOptions(stored);
    return p.algorithm !== ARGON2_PARAMS.algorithm || p.memoryCost !== ARGON2_PARAMS.memoryCost || p.timeCost !== ARGON2_PARAMS.timeCost || p.parallelism !== ARGON2_PARAMS.parallelism || p.outputLen !== ARGON2_PARAMS.outputLen;
  } catch {
    return true;
  }
}
