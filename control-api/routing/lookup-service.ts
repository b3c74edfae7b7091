// Serves `routing.lookup` on the bus: number → tenant and agent config, from the database. Exact numbers
// win over a tenant's catch-all '*'. Results are cached briefly; changes through the API clear the cache.
import { uap, subjects } from '../../proto/index.ts';
import type { Bus, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Database } from '../db/index.ts';
import { decideTrunk, TrunkAdmission } from '../sip/trunk-admission.ts';

interface RouteRow {
  tenant_id: string;
  tenant_status: string;
  agent_config_id: string | null;
  kind: string | null;
  prompt: string | null;
  voice: string | null;
  tools: unknown;
  settings: Record<string, unknown> | null;
}

const TTL_MS = 10_000;

export class RoutingLookupService {
  private sub: Subscription | undefined;
  private readonly cache = new Map<string, { at: number; reply: Uint8Array }>();

  private readonly trunks: TrunkAdmission;

  /** secretsKey opens trunk passwords for digest checks (without it, trunks with credentials admit nobody). */
  constructor(private readonly db: Database, private readonly bus: Bus, private readonly log: Logger, opts: { secretsKey?: Buffer } = {}) {
    this.trunks = new TrunkAdmission(db, opts.secretsKey, log);
  }

  start(): void {
    this.sub = this.bus.subscribe(subjects.routingLookup, (m) => {
      let req: uap.RoutingLookup;
      try {
        req = uap.RoutingLookup.decode(m.data);
      } catch {
        m.respond(uap.RoutingReply.encode({ found: false, errorCode: 'BAD_REQUEST' }).finish());
        return;
      }
      this.lookup(req.to, req.admit, req.transport === 'sip' ? req.sip ?? undefined : undefined).then(
        (reply) => m.respond(reply),
        (err: unknown) => {
          this.log.error({ err, to: req.to }, 'routing lookup failed');
          m.respond(uap.RoutingReply.encode({ found: false, errorCode: 'LOOKUP_FAILED' }).finish());
        },
      );
    }, { queue: 'routing' });
  }

  /** Forget cached routes (after numbers or agent configs change). */
  invalidate(): void {
    this.cache.clear();
  }

  /** `sip`: an INVITE asking in — trunk admission (source, digest) before the number and quotas. */
  async lookup(to: string, admit = false, sip?: uap.ISipAdmission): Promise<Uint8Array> {
    const candidates = sip ? await this.trunks.candidates(sip.sourceIp ?? '') : undefined;
    // A stranger learns nothing about numbers: refused before the lookup.
    if (candidates && candidates.length === 0) return uap.RoutingReply.encode({ found: false, errorCode: 'TRUNK_FORBIDDEN' }).finish();
    let bytes = await this.route(to);
    if (!admit && !candidates) return bytes;
    let reply = uap.RoutingReply.decode(bytes);
    if (!reply.found) return bytes;
    if (candidates) {
      const d = decideTrunk(reply.tenantId, candidates, sip!.digest, sip!.realm ?? '');
      if ('error' in d) {
        if (d.error === 'AUTH_FAILED') this.log.warn({ tenantId: reply.tenantId, to, source: sip!.sourceIp, username: sip!.digest?.username }, 'SIP call refused: trunk credentials do not verify');
        return uap.RoutingReply.encode({ found: false, errorCode: d.error }).finish();
      }
      reply.trunkId = d.trunkId;
      bytes = uap.RoutingReply.encode(reply).finish();
    }
    if (!admit) return bytes;
    // Quotas are checked on every admission (never cached): concurrent calls of the tenant right now.
    const [q] = await this.db.withPlatform((tx) => tx<{ max: number | null; active: number }[]>`
      select (t.quotas->>'max_concurrent_calls')::int as max,
             (select count(*)::int from calls c where c.tenant_id = t.id and c.ended_at is null and c.started_at > now() - interval '6 hours') as active
      from tenants t where t.id = ${reply.tenantId}`);
    if (q && q.max !== null && q.active >= q.max) {
      this.log.warn({ tenantId: reply.tenantId, to, active: q.active, max: q.max }, 'call refused: tenant over its concurrent-call quota');
      return uap.RoutingReply.encode({ found: false, tenantId: reply.tenantId, errorCode: 'OVER_QUOTA' }).finish();
    }
    return bytes;
  }

  private async route(to: string): Promise<Uint8Array> {
    const hit = this.cache.get(to);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.reply;
    const rows = await this.db.withPlatform((tx) => tx<RouteRow[]>`
      select p.tenant_id, t.status as tenant_status, p.agent_config_id, a.kind, a.prompt, a.voice, a.tools, a.settings
      from phone_numbers p join tenants t on t.id = p.tenant_id
      left join agent_configs a on a.id = p.agent_config_id and a.tenant_id = p.tenant_id
      where p.e164 = ${to} or p.e164 = '*'
      order by (p.e164 = '*') limit 1`);
    const r = rows[0];
    let reply: uap.IRoutingReply;
    if (!r) reply = { found: false, errorCode: 'UNKNOWN_NUMBER' };
    else if (r.tenant_status !== 'active') reply = { found: false, tenantId: r.tenant_id, errorCode: 'TENANT_SUSPENDED' };
    else if (!r.agent_config_id || !r.kind) reply = { found: false, errorCode: 'NO_AGENT_CONFIG' };
    else {
      reply = {
        found: true,
        tenantId: r.tenant_id,
        agentKind: r.kind,
        agentConfigId: r.agent_config_id,
        agentConfigJson: JSON.stringify({ ...(r.settings ?? {}), prompt: r.prompt ?? '', voice: r.voice ?? undefined, tools: r.tools ?? [] }),
      };
    }
    const bytes = uap.RoutingReply.encode(reply).finish();
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(to, { at: Date.now(), reply: bytes });
    return bytes;
  }

  stop(): void {
    this.sub?.unsubscribe();
  }
}
