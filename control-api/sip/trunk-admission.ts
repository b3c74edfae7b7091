// Which trunk lets an INVITE in. With no trunk taking inbound calls (no allowlist, no credentials) SIP is
// open, as before trunks existed. Otherwise the source must match a trunk's allowlist or the trunk must
// take calls from anywhere with credentials; the number must belong to that trunk's tenant (else 404, so
// a trunk cannot probe other tenants' numbers); and a trunk with credentials needs a digest that checks
// out against its password, which only this process can open.
import { isIP } from 'node:net';
import type { uap } from '../../proto/index.ts';
import { digestAlgorithm, digestMatches, digestResponse } from '../../lib/digest.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Database } from '../db/index.ts';
import { openTrunkPassword } from './trunk-secrets.ts';

/** A trunk that could take this INVITE: its source matched, or it accepts any source with credentials. */
export interface TrunkCandidate {
  id: string;
  tenantId: string;
  ipMatch: boolean;
  username: string | null;
  /** Opens the sealed inbound password (only when a digest is to be checked). */
  password(): string;
}

export type TrunkDecision = { trunkId: string } | { error: 'UNKNOWN_NUMBER' | 'AUTH_REQUIRED' | 'AUTH_FAILED' };

/** The decision for a routed number of `tenantId`, given the candidates and the INVITE's credentials. */
export function decideTrunk(tenantId: string, candidates: TrunkCandidate[], digest: uap.IDigestCredentials | null | undefined, realm: string): TrunkDecision {
  const mine = candidates.filter((c) => c.tenantId === tenantId);
  if (mine.length === 0) return { error: 'UNKNOWN_NUMBER' };
  const open = mine.find((c) => c.ipMatch && c.username === null);
  if (open) return { trunkId: open.id };
  if (!digest?.username) return { error: 'AUTH_REQUIRED' };
  const trunk = mine.find((c) => c.username !== null && c.username === digest.username);
  const algorithm = digestAlgorithm(digest.algorithm ?? undefined);
  if (!trunk || !algorithm || digest.realm !== realm) return { error: 'AUTH_FAILED' };
  const expected = digestResponse({
    algorithm,
    username: trunk.username!,
    realm,
    password: trunk.password(),
    method: digest.method ?? 'INVITE',
    uri: digest.uri ?? '',
    nonce: digest.nonce ?? '',
    qop: digest.qop ?? '',
    nc: digest.nc ?? '',
    cnonce: digest.cnonce ?? '',
  });
  return digestMatches(expected, digest.response ?? '') ? { trunkId: trunk.id } : { error: 'AUTH_FAILED' };
}

interface Row {
  id: string;
  tenant_id: string;
  ip_match: boolean;
  inbound_username: string | null;
  inbound_password_encrypted: Buffer | null;
}

export class TrunkAdmission {
  constructor(private readonly db: Database, private readonly secretsKey: Buffer | undefined, private readonly log: Logger) {}

  /**
   * undefined: no trunk takes inbound calls (SIP is open). Otherwise the candidates for `sourceIp`
   * (possibly none: the source is refused).
   */
  async candidates(sourceIp: string): Promise<TrunkCandidate[] | undefined> {
    const ip = isIP(sourceIp) ? sourceIp : '0.0.0.0';
    const [any, rows] = await this.db.withPlatform(async (tx) => [
      (await tx<{ any: boolean }[]>`select exists(select 1 from sip_trunks where cardinality(inbound_cidrs) > 0 or inbound_username is not null) as any`)[0].any,
      await tx<Row[]>`
        select t.id, t.tenant_id, coalesce(${ip}::inet <<= any(t.inbound_cidrs), false) as ip_match, t.inbound_username, t.inbound_password_encrypted
        from sip_trunks t join tenants n on n.id = t.tenant_id and n.status = 'active'
        where ${ip}::inet <<= any(t.inbound_cidrs) or (cardinality(t.inbound_cidrs) = 0 and t.inbound_username is not null)`,
    ] as const);
    if (!any) return undefined;
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      ipMatch: r.ip_match,
      username: r.inbound_username,
      password: () => {
        if (!r.inbound_password_encrypted || !this.secretsKey) return '';
        try {
          return openTrunkPassword(r.inbound_password_encrypted, this.secretsKey, r.tenant_id, r.id, 'inbound');
        } catch (err) {
          // Another secrets key, or a tampered row: nobody can authenticate against this trunk.
          this.log.error({ err, trunkId: r.id, tenantId: r.tenant_id }, 'SIP trunk password cannot be opened (UAP_SECRETS_KEY changed?)');
          return `\u0000unopenable:${r.id}`;
        }
      },
    }));
  }
}
