// A trunk's digest passwords at rest: each sealed with the platform secrets key (crypto/secrets.ts),
// bound to its tenant, trunk and direction, so a blob copied to another row or column does not open.
import { openSecrets, sealSecrets } from '../crypto/secrets.ts';

export type TrunkDirection = 'inbound' | 'outbound';

export function trunkSecretsAad(tenantId: string, trunkId: string, direction: TrunkDirection): string {
  return `uap:sip_trunk:${tenantId}:${trunkId}:${direction}`;
}

export function sealTrunkPassword(password: string, key: Buffer, tenantId: string, trunkId: string, direction: TrunkDirection): Buffer {
  return sealSecrets({ password }, key, trunkSecretsAad(tenantId, trunkId, direction));
}

/** The password, or throws SecretsError (tampered, another key, another row). */
export function openTrunkPassword(sealed: Uint8Array, key: Buffer, tenantId: string, trunkId: string, direction: TrunkDirection): string {
  return openSecrets(sealed, key, trunkSecretsAad(tenantId, trunkId, direction)).password ?? '';
}
