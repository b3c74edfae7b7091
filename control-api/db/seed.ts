// Data a fresh install needs, separate from the schema migrations: the tenant 'default' whose catch-all
// number '*' routes to an agent configuration of kind 'offline'. Idempotent and safe to run concurrently:
// once the catch-all exists nothing is touched, so an operator may rename or re-point it freely.
import type { Database } from './database.ts';

export const DEFAULT_TENANT_SLUG = 'default';
export const DEFAULT_AGENT_NAME = 'Offline agent';
export const CATCH_ALL_NUMBER = '*';

export interface SeedResult {
  tenantId: string;
  /** The agent configuration the catch-all routes to (null if an operator unset it). */
  agentConfigId: string | null;
  phoneNumberId: string;
  /** Whether this call created anything. */
  created: boolean;
}

/** Key of the transaction advisory lock that serialises concurrent seeds. */
const SEED_LOCK_KEY = 0x7561_7031n; // 'uap1'

export async function seedDefaults(db: Pick<Database, 'withPlatform'>): Promise<SeedResult> {
  return db.withPlatform(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SEED_LOCK_KEY.toString()}::bigint)`;
    let created = false;

    let [tenant] = await tx<{ id: string }[]>`select id from tenants where slug = ${DEFAULT_TENANT_SLUG}`;
    if (!tenant) {
      [tenant] = await tx<{ id: string }[]>`
        insert into tenants (name, slug, plan, quotas)
        values ('Default', ${DEFAULT_TENANT_SLUG}, 'free', ${tx.json({ max_concurrent_calls: 10 })})
        returning id`;
      created = true;
    }
    const tenantId = tenant!.id;

    const [existing] = await tx<{ id: string; tenant_id: string; agent_config_id: string | null }[]>`
      select id, tenant_id, agent_config_id from phone_numbers where e164 = ${CATCH_ALL_NUMBER}`;
    if (existing) return { tenantId, agentConfigId: existing.agent_config_id, phoneNumberId: existing.id, created };

    await tx`
      insert into agent_configs (tenant_id, name, kind, prompt, settings)
      values (${tenantId}, ${DEFAULT_AGENT_NAME}, 'offline',
              'Offline agent: greets the caller, reads back DTMF digits and echoes speech. No API keys needed.',
              ${tx.json({ greeting: 'Hello! This is the offline agent.' })})
      on conflict (tenant_id, name) do nothing`;
    const [agent] = await tx<{ id: string }[]>`select id from agent_configs where tenant_id = ${tenantId} and name = ${DEFAULT_AGENT_NAME}`;
    const [phone] = await tx<{ id: string }[]>`
      insert into phone_numbers (tenant_id, e164, agent_config_id, provider)
      values (${tenantId}, ${CATCH_ALL_NUMBER}, ${agent!.id}, 'twilio')
      returning id`;
    await tx`
      insert into audit_log (tenant_id, actor_type, action, target_type, target_id, details)
      values (${tenantId}, 'system', 'seed.defaults', 'phone_number', ${phone!.id}, ${tx.json({ agentConfigId: agent!.id })})`;
    return { tenantId, agentConfigId: agent!.id, phoneNumberId: phone!.id, created: true };
  });
}
