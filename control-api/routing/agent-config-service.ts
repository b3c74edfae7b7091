// Serves `agent.config.get` on the bus: an agent worker starting a call gets the agent configuration,
// provider secrets decrypted. Only this subject carries secrets (routing.lookup, which signaling also
// reads, never does); deploy NATS with TLS and per-role permissions so only agent workers may ask.
import { uap, subjects } from '../../proto/index.ts';
import type { Bus, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { isUuid, type Database } from '../db/index.ts';
import { agentSecretsAad, openSecrets } from '../crypto/secrets.ts';

interface ConfigRow {
  id: string;
  tenant_id: string;
  kind: string;
  prompt: string;
  voice: string | null;
  tools: unknown;
  settings: Record<string, unknown>;
  secrets_encrypted: Buffer | null;
}

export class AgentConfigService {
  private sub: Subscription | undefined;

  constructor(private readonly db: Database, private readonly bus: Bus, private readonly secretsKey: Buffer, private readonly log: Logger) {}

  start(): void {
    this.sub = this.bus.subscribe(subjects.agentConfigGet, (m) => {
      let req: uap.AgentConfigRequest;
      try {
        req = uap.AgentConfigRequest.decode(m.data);
      } catch {
        m.respond(uap.AgentConfigReply.encode({ found: false, errorCode: 'BAD_REQUEST' }).finish());
        return;
      }
      this.get(req.tenantId, req.agentConfigId).then(
        (reply) => m.respond(uap.AgentConfigReply.encode(reply).finish()),
        (err: unknown) => {
          this.log.error({ err, tenantId: req.tenantId, agentConfigId: req.agentConfigId }, 'agent config lookup failed');
          m.respond(uap.AgentConfigReply.encode({ found: false, errorCode: 'LOOKUP_FAILED' }).finish());
        },
      );
    }, { queue: 'agent-config' });
  }

  async get(tenantId: string, agentConfigId: string): Promise<uap.IAgentConfigReply> {
    if (!isUuid(tenantId) || !isUuid(agentConfigId)) return { found: false, errorCode: 'NOT_FOUND' };
    // Tenant-scoped: RLS makes another tenant's config invisible even if its id is known.
    const [row] = await this.db.withTenant(tenantId, (tx) => tx<ConfigRow[]>`
      select id, tenant_id, kind, prompt, voice, tools, settings, secrets_encrypted from agent_configs where id = ${agentConfigId}`, { readOnly: true });
    if (!row) return { found: false, errorCode: 'NOT_FOUND' };
    const secrets = row.secrets_encrypted ? openSecrets(row.secrets_encrypted, this.secretsKey, agentSecretsAad(row.tenant_id, row.id)) : {};
    const config = { ...row.settings, kind: row.kind, prompt: row.prompt, voice: row.voice ?? undefined, tools: row.tools ?? [], secrets };
    return { found: true, configJson: JSON.stringify(config) };
  }

  stop(): void {
    this.sub?.unsubscribe();
  }
}
