// Outbound calls through a tenant's SIP trunk (POST /voice/calls/initiate with a trunkId): checks the
// trunk, caller id and agent config in the tenant's scope, records the call, and asks a SIP gateway on
// `sip.originate` to place it, handing over the trunk's outbound credentials (opened here; only agent
// workers and gateways, inside the platform, receive such secrets). Progress comes back as call events.
// Ending one publishes a Hangup on call.<id>.control: the gateway cancels a ringing call, the media
// session hangs up an answered one.
import { randomBytes } from 'node:crypto';
import { uap, subjects } from '../../proto/index.ts';
import type { Bus } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Database } from '../db/index.ts';
import { ApiError } from '../http/errors.ts';
import type { CallRow } from '../routes/call-view.ts';
import { openTrunkPassword } from './trunk-secrets.ts';

export interface SipCallsDeps {
  db: Database;
  bus: Bus;
  secretsKey: Buffer;
  /** How long to wait for a gateway to take the call. */
  originateTimeoutMs?: number;
}

export interface SipCallRequest {
  trunkId: string;
  to: string;
  from?: string;
  agentConfigId?: string;
  metadata: Record<string, unknown>;
  requestedBy: string;
}

interface TrunkRow {
  id: string;
  outbound_host: string | null;
  outbound_port: number;
  outbound_transport: string;
  outbound_username: string | null;
  outbound_password_encrypted: Buffer | null;
  from_number: string | null;
}

interface AgentRow {
  id: string;
  kind: string;
  prompt: string;
  voice: string | null;
  tools: unknown;
  settings: Record<string, unknown>;
}

const field = (path: string, message: string) => new ApiError('BAD_REQUEST', { detail: `${path.slice(1)} ${message}`, errors: [{ in: 'body', path, message }] });

/** Why a gateway refused, as the API says it. */
function problemFromGateway(r: uap.SipOriginateReply): ApiError {
  switch (r.errorCode) {
    case 'BAD_TARGET':
    case 'UNRESOLVABLE_HOST':
    case 'TRANSPORT_UNSUPPORTED':
      return field('/trunkId', `cannot be called: ${r.errorMessage || r.errorCode}`);
    default:
      return new ApiError('UNAVAILABLE', { detail: `The SIP gateway could not place the call (${r.errorCode}): ${r.errorMessage}`, headers: { 'retry-after': '5' } });
  }
}

export class SipCalls {
  constructor(private readonly d: SipCallsDeps, private readonly log: Logger) {}

  async place(tenant: string, b: SipCallRequest): Promise<CallRow> {
    const { db } = this.d;
    const checked = await db.withTenant(tenant, async (tx) => {
      const [trunk] = await tx<TrunkRow[]>`select id, outbound_host, outbound_port, outbound_transport, outbound_username, outbound_password_encrypted, from_number
        from sip_trunks where tenant_id = ${tenant} and id = ${b.trunkId}`;
      if (!trunk) throw field('/trunkId', 'is not a SIP trunk of this tenant');
      if (!trunk.outbound_host) throw field('/trunkId', 'has no outboundHost: it takes calls in only');
      const from = b.from ?? trunk.from_number;
      if (!from) throw field('/from', 'is required: the trunk has no fromNumber');
      let agentId = b.agentConfigId;
      if (!agentId) {
        const [num] = await tx<{ agent_config_id: string | null }[]>`select agent_config_id from phone_numbers where tenant_id = ${tenant} and e164 = ${from}`;
        agentId = num?.agent_config_id ?? undefined;
      }
      if (!agentId) throw field('/agentConfigId', 'is required: the caller id routes to no agent config');
      const [agent] = await tx<AgentRow[]>`select id, kind, prompt, voice, tools, settings from agent_configs where tenant_id = ${tenant} and id = ${agentId}`;
      if (!agent) throw field('/agentConfigId', 'is not an agent config of this tenant');
      // Concurrent-call quota, counted as routing.lookup admission does (best effort: not atomic with the call).
      const [q] = await tx<{ status: string; max: number | null; active: number }[]>`
        select t.status, (t.quotas->>'max_concurrent_calls')::int as max,
               (select count(*)::int from calls c where c.ended_at is null and c.started_at > now() - interval '6 hours') as active
        from tenants t where t.id = ${tenant}`;
      return { trunk, from, agent, quota: q };
    }, { readOnly: true });
    const { trunk, from, agent, quota } = checked;
    if (quota && quota.status !== 'active') throw new ApiError('FORBIDDEN', { detail: `the tenant is ${quota.status}` });
    if (quota && quota.max !== null && quota.active >= quota.max) {
      throw new ApiError('RATE_LIMITED', { detail: `The tenant has ${quota.active} active calls, its concurrent-call quota is ${quota.max}; try again when a call ends`, headers: { 'retry-after': '10' } });
    }
    let password = '';
    if (trunk.outbound_username && trunk.outbound_password_encrypted) {
      try {
        password = openTrunkPassword(trunk.outbound_password_encrypted, this.d.secretsKey, tenant, trunk.id, 'outbound');
      } catch (err) {
        this.log.error({ err, tenantId: tenant, trunkId: trunk.id }, 'SIP trunk outbound password cannot be opened (UAP_SECRETS_KEY changed?)');
        throw new ApiError('UNAVAILABLE', { detail: "The trunk's stored credentials cannot be read; set them again", retryable: false });
      }
    }

    const callId = `sip_${randomBytes(12).toString('base64url')}`;
    const meta = { ...b.metadata, transport: 'sip', outbound: { requestedBy: b.requestedBy, trunkId: trunk.id } };
    const [row] = await db.withTenant(tenant, (tx) => tx<CallRow[]>`
      insert into calls (id, tenant_id, direction, from_number, to_number, status, started_at, agent_config_id, metadata)
      values (${callId}, ${tenant}, 'outbound', ${from}, ${b.to}, 'queued', now(), ${agent.id}, ${tx.json(meta as never)}) returning *`);
    const request = uap.SipOriginate.encode({
      callId,
      tenantId: tenant,
      to: b.to,
      from,
      trunkId: trunk.id,
      host: trunk.outbound_host!,
      port: trunk.outbound_port,
      transport: trunk.outbound_transport,
      authUsername: trunk.outbound_username ?? '',
      authPassword: password,
      agentKind: agent.kind,
      agentConfigId: agent.id,
      agentConfigJson: JSON.stringify({ ...(agent.settings ?? {}), prompt: agent.prompt ?? '', voice: agent.voice ?? undefined, tools: agent.tools ?? [] }),
    }).finish();
    let reply: uap.SipOriginateReply;
    try {
      reply = uap.SipOriginateReply.decode(await this.d.bus.request(subjects.sipOriginate, request, { timeoutMs: this.d.originateTimeoutMs ?? 5000 }));
    } catch (err) {
      this.log.warn({ err, callId, tenantId: tenant }, 'no SIP gateway took the outbound call');
      await this.markFailed(tenant, callId, 'NO_SIP_GATEWAY');
      throw new ApiError('UNAVAILABLE', { detail: 'No SIP gateway answered: is a media role with SIP_ENABLED=true running?', headers: { 'retry-after': '5' } });
    }
    if (!reply.accepted) {
      this.log.warn({ callId, tenantId: tenant, code: reply.errorCode, message: reply.errorMessage }, 'SIP gateway refused the outbound call');
      await this.markFailed(tenant, callId, reply.errorCode || 'REFUSED');
      throw problemFromGateway(reply);
    }
    const [placed] = await db.withTenant(tenant, (tx) => tx<CallRow[]>`
      update calls set provider_call_id = coalesce(provider_call_id, ${reply.sipCallId}), status = case when status = 'queued' then 'initiated' else status end
      where id = ${callId} returning *`);
    this.log.info({ callId, tenantId: tenant, trunkId: trunk.id, to: b.to, from, sipCallId: reply.sipCallId }, 'outbound SIP call placed');
    return placed ?? row;
  }

  private async markFailed(tenant: string, callId: string, reason: string): Promise<void> {
    await this.d.db.withTenant(tenant, (tx) => tx`update calls set status = 'failed', ended_at = coalesce(ended_at, now()), end_reason = coalesce(end_reason, ${reason}) where id = ${callId}`)
      .catch((err: unknown) => this.log.error({ err, callId }, 'could not mark the outbound call failed'));
  }

  /** Hangs up a SIP call (ringing: the gateway cancels it; answered: its media session ends it). */
  hangup(callId: string, reason = 'ended through the API'): void {
    this.d.bus.publish(subjects.control(callId), uap.MediaControl.encode({ callId, hangup: { reason } }).finish());
  }
}
