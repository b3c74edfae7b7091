// SIP trunk settings beyond the listener (read with the rest of the config, see config.ts): digest
// challenges for trunks with credentials, outbound calls, TCP, codecs, the RTP jitter buffer.
import { ConfigError } from './errors.ts';
import { envStr, envInt, envBool, type Env } from './env.ts';
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from './digest.ts';

export interface SipConfig {
  /** Realm of our digest challenges; trunk credentials are for it. */
  realm: string;
  /** Challenges offered to trunks with credentials, in order (many clients answer only the first). */
  authAlgorithms: DigestAlgorithm[];
  /** How long a challenge's nonce is good. */
  nonceTtlMs: number;
  /** Outbound calls not answered within this are cancelled. */
  ringTimeoutMs: number;
  /** SIP over TCP on the SIP port as well as UDP. */
  tcp: boolean;
  /** Bounds of the RTP jitter buffer's adaptive target delay (ms). */
  jitterMinMs: number;
  jitterMaxMs: number;
  /** How long the 20 ms RTP clock may sleep precisely before each tick (0: timers alone). */
  clockPrecisionMs: number;
  /** RTP_CLOCK_PHASES: calls' 20 ms ticks spread over this many evenly spaced offsets (media/rtp/clock.ts). */
  clockPhases: number;
  /** Audio codecs answered and offered, most preferred first. */
  codecs: SipCodecName[];
}

export const SIP_CODEC_NAMES = ['G722', 'PCMU', 'PCMA'] as const;
export type SipCodecName = (typeof SIP_CODEC_NAMES)[number];

/** SIP_CODECS: a comma-separated preference order of G722, PCMU, PCMA (each at most once). */
function parseCodecs(env: Env): SipCodecName[] {
  const raw = envStr(env, 'SIP_CODECS') ?? SIP_CODEC_NAMES.join(',');
  const names = raw.split(',').map((c) => c.trim().toUpperCase());
  const bad = names.find((c) => !(SIP_CODEC_NAMES as readonly string[]).includes(c));
  if (bad !== undefined || new Set(names).size !== names.length) {
    throw new ConfigError('SIP_CODECS', `expected some of ${SIP_CODEC_NAMES.join(', ')}, comma-separated, each once, got "${raw.slice(0, 80)}"`);
  }
  return names as SipCodecName[];
}

export function loadSipConfig(env: Env): SipConfig {
  const realm = envStr(env, 'SIP_REALM') ?? 'uap';
  if (!/^[A-Za-z0-9.:_-]{1,128}$/.test(realm)) throw new ConfigError('SIP_REALM', `expected letters, digits, dots, colons, dashes (≤ 128), got "${realm}"`);
  const algs = (envStr(env, 'SIP_AUTH_ALGORITHMS') ?? 'MD5,SHA-256').split(',').map((a) => a.trim().toUpperCase()).filter((a) => a !== '');
  const bad = algs.find((a) => !(DIGEST_ALGORITHMS as readonly string[]).includes(a));
  if (bad !== undefined || algs.length === 0) throw new ConfigError('SIP_AUTH_ALGORITHMS', `expected MD5 and/or SHA-256, comma-separated, got "${env.SIP_AUTH_ALGORITHMS}"`);
  const jitterMinMs = envInt(env, 'RTP_JITTER_MIN_MS', 40, 20, 200);
  const jitterMaxMs = envInt(env, 'RTP_JITTER_MAX_MS', 60, 20, 300);
  if (jitterMaxMs < jitterMinMs) throw new ConfigError('RTP_JITTER_MAX_MS', `must be at least RTP_JITTER_MIN_MS (${jitterMinMs})`);
  return {
    realm,
    authAlgorithms: [...new Set(algs)] as DigestAlgorithm[],
    nonceTtlMs: envInt(env, 'SIP_NONCE_TTL_S', 300, 10, 86_400) * 1000,
    ringTimeoutMs: envInt(env, 'SIP_RING_TIMEOUT_S', 60, 5, 600) * 1000,
    tcp: envBool(env, 'SIP_TCP', true),
    jitterMinMs,
    jitterMaxMs,
    clockPrecisionMs: envInt(env, 'RTP_CLOCK_PRECISION_MS', 1, 0, 5),
    clockPhases: envInt(env, 'RTP_CLOCK_PHASES', 4, 1, 20),
    codecs: parseCodecs(env),
  };
}
