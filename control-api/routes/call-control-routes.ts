// Call control through Twilio's REST API:
//   POST /voice/calls/initiate      place an outbound call from one of the tenant's numbers (201 + the call)
//   POST /voice/calls/:callId/end   hang a call up (Status=completed); 409 when it has already ended
//
// Twilio is asked to fetch TwiML from our voice webhook (`${PUBLIC_URL}/twilio/voice`, the same one inbound
// calls use) and to report initiated/ringing/answered/completed to `${PUBLIC_URL}/twilio/status`; those
// callbacks become providerStatus events that move the call row (history/event-writer.ts).
//
// Error mapping (the Twilio error code is always in `detail`):
//   Twilio 400 (bad To/From, geo permissions …)        → 400 BAD_REQUEST (with the field when known)
//   Twilio 21220 on end (call not in progress)         → 409 CONFLICT
//   Twilio 404 on end (Twilio does not know the call)  → 404 NOT_FOUND
//   Twilio 401/403/404 on create (our credentials)     → 503 UNAVAILABLE, no Retry-After (an operator must act)
//   Twilio 429, 5xx, unreachable, timeout              → 503 UNAVAILABLE with Retry-After (retryable)
//   Twilio not configured (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN unset) → 503 UNAVAILABLE
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from '../../lib/config.ts';
import type { Database } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import type { FeatureFlags } from '../auth/features.ts';
import { ApiError, conflict, notFound, problemResponses, type FieldError } from '../http/errors.ts';
import { twilioFromConfig, isTerminalCallStatus, TwilioRequestError, type TwilioCall, type TwilioCalls } from '../twilio/client.ts';
import { CallParams, CallSchema, ENDED_STATUSES, toCall, type CallRow } from './call-view.ts';
import { tenantOf } from './admin-common.ts';
import { validation } from '../http/errors.ts';
import type { SipCalls } from '../sip/outbound-call.ts';

export interface CallControlOptions {
  /** Tenant feature flags: `outbound_calls: false` turns these endpoints off for a tenant. */
  features?: FeatureFlags;
  db: Database;
  config: Pick<Config, 'twilioVoiceUrl' | 'twilioStatusUrl' | 'twilioAccountSid' | 'twilioAuthToken' | 'twilioApiBaseUrl'>;
  /** Overrides the client built from config (tests); null: Twilio is not configured. */
  twilio?: TwilioCalls | null;
  /** Calls through tenants' SIP trunks (initiate with a trunkId); absent: refused with 503. */
  sipCalls?: SipCalls;
}

const E164 = Type.String({ pattern: '^\\+[1-9][0-9]{1,14}$', description: 'E.164 number', example: '+15551234567' });
const MAX_METADATA_BYTES = 4096;

const InitiateBody = Type.Object(
  {
    to: E164,
    from: Type.Optional({ ...E164, description: "E.164 number: one of the tenant's phone numbers (Twilio, required); with a trunkId the caller id (default: the trunk's fromNumber)" }),
    trunkId: Type.Optional(Type.String({ format: 'uuid', description: 'Place the call through this SIP trunk of the tenant instead of Twilio' })),
    agentConfigId: Type.Optional(Type.String({ format: 'uuid', description: "Agent config of the tenant; default: the from-number's" })),
    machineDetection: Type.Optional(Type.Union([Type.Literal('Enable'), Type.Literal('DetectMessageEnd')], { description: "Twilio answering-machine detection; the result arrives as AnsweredBy in status callbacks" })),
    metadata: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 32, description: `Free-form, stored with the call (≤ ${MAX_METADATA_BYTES} bytes of JSON; the key "outbound" is reserved)` })),
  },
  { additionalProperties: false },
);

const EmptyBody = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()], { description: 'No body, or {}' });

/** Twilio error codes that name the field at fault. */
const TWILIO_FIELD: Record<number, 'to' | 'from'> = {
  21201: 'to', 21211: 'to', 21214: 'to', 21215: 'to', 21216: 'to', 21217: 'to', 21219: 'to',
  21210: 'from', 21212: 'from', 21213: 'from',
};

function twilioDetail(e: TwilioRequestError): string {
  const what = e.status === 0 ? e.message : `${e.message.slice(0, 300)}`;
  const code = e.twilioCode !== undefined ? `Twilio error ${e.twilioCode}` : e.status ? `Twilio HTTP ${e.status}` : 'no answer from Twilio';
  return `${what} (${code})`;
}

/** A failed Twilio request → the problem the client sees. */
export function problemFromTwilio(err: unknown, op: 'create' | 'end'): ApiError {
  if (!(err instanceof TwilioRequestError)) return err instanceof ApiError ? err : new ApiError('INTERNAL', { detail: 'An unexpected error occurred', cause: err });
  if (err.retryable) {
    return new ApiError('UNAVAILABLE', { detail: `Twilio is unavailable, try again: ${twilioDetail(err)}`, headers: { 'retry-after': err.status === 429 ? '5' : '1' }, cause: err });
  }
  if (op === 'end' && err.twilioCode === 21220) return new ApiError('CONFLICT', { detail: `The call has already ended: ${twilioDetail(err)}`, cause: err });
  if (op === 'end' && err.status === 404) return new ApiError('NOT_FOUND', { detail: `Twilio does not know this call: ${twilioDetail(err)}`, cause: err });
  if (err.status === 401 || err.status === 403 || err.status === 404) {
    return new ApiError('UNAVAILABLE', { detail: `Twilio refused the platform's account credentials; an operator must check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (${err.twilioCode !== undefined ? `Twilio error ${err.twilioCode}` : `Twilio HTTP ${err.status}`})`, retryable: false, cause: err });
  }
  const field = err.twilioCode !== undefined ? TWILIO_FIELD[err.twilioCode] : undefined;
  const detail = `Twilio refused the request: ${twilioDetail(err)}`;
  const errors: FieldError[] | undefined = field ? [{ in: 'body', path: `/${field}`, message: err.message.slice(0, 300) }] : undefined;
  return new ApiError('BAD_REQUEST', { detail, errors, cause: err });
}

export function callControlRoutes(o: CallControlOptions): FastifyPluginAsync {
  const { db, config } = o;
  let twilio: TwilioCalls | null | undefined = o.twilio;
  const client = (): TwilioCalls => {
    if (twilio === undefined) twilio = twilioFromConfig(config);
    if (!twilio) throw new ApiError('UNAVAILABLE', { detail: 'Outbound calls are not configured on this platform: an operator must set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN', retryable: false });
    return twilio;
  };

  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const guards = [requireRole('user'), requireScope('calls:write'), ...(o.features ? [o.features.require('outbound_calls')] : [])];

    r.post('/voice/calls/initiate', {
      onRequest: guards,
      schema: {
        tags: ['calls'],
        summary: 'Place an outbound call through Twilio',
        description:
          "Twilio calls `to` from `from` (one of the tenant's numbers, else 400) and connects the callee to the agent through the voice webhook. " +
          'The call starts as `queued`; status callbacks move it through initiated, ringing, in-progress and completed.',
        body: InitiateBody,
        response: { 201: CallSchema, ...problemResponses(400, 401, 403, 429, 503) },
      },
    }, async (req, reply) => {
      const actor = req.actor!;
      const tenant = tenantOf(actor);
      const body = req.body;
      const metadata = body.metadata ?? {};
      if (Buffer.byteLength(JSON.stringify(metadata)) > MAX_METADATA_BYTES) {
        throw new ApiError('BAD_REQUEST', { detail: `metadata is larger than ${MAX_METADATA_BYTES} bytes of JSON`, errors: [{ in: 'body', path: '/metadata', message: 'is too large' }] });
      }
      if (body.trunkId) {
        if (body.machineDetection) throw validation([{ in: 'body', path: '/machineDetection', message: 'is for Twilio calls only' }]);
        if (!o.sipCalls) throw new ApiError('UNAVAILABLE', { detail: 'SIP calls are not available on this API process', retryable: false });
        const row = await o.sipCalls.place(tenant, { trunkId: body.trunkId, to: body.to, from: body.from, agentConfigId: body.agentConfigId, metadata, requestedBy: `${actor.kind}:${actor.id}` });
        return reply.code(201).send(toCall(row));
      }
      if (!body.from) throw validation([{ in: 'body', path: '/from', message: 'is required' }]);
      const from = body.from;
      const twilio = client();

      // The from-number must be the tenant's. Not owned (or another tenant's: RLS hides it) is a 400 on the
      // field — the same answer either way, so numbers of other tenants cannot be probed.
      type Checked = { error: { path: string; message: string } } | { agentConfigId: string | null; quota: { status: string; max: number | null; active: number } | undefined };
      const checked = await db.withTenant(tenant, async (tx): Promise<Checked> => {
        const [num] = await tx<{ agent_config_id: string | null; provider: string }[]>`select agent_config_id, provider from phone_numbers where e164 = ${from}`;
        if (!num) return { error: { path: '/from', message: "is not one of this tenant's phone numbers" } };
        if (num.provider !== 'twilio') return { error: { path: '/from', message: `is a ${num.provider} number, not a Twilio number` } };
        let agentConfigId = num.agent_config_id;
        if (body.agentConfigId) {
          const [a] = await tx`select id from agent_configs where id = ${body.agentConfigId}`;
          if (!a) return { error: { path: '/agentConfigId', message: 'is not an agent config of this tenant' } };
          agentConfigId = body.agentConfigId;
        }
        // Concurrent-call quota, counted as routing.lookup admission does (best effort: not atomic with the create).
        const [q] = await tx<{ status: string; max: number | null; active: number }[]>`
          select t.status, (t.quotas->>'max_concurrent_calls')::int as max,
                 (select count(*)::int from calls c where c.ended_at is null and c.started_at > now() - interval '6 hours') as active
          from tenants t where t.id = ${tenant}`;
        return { agentConfigId, quota: q };
      }, { readOnly: true });
      if ('error' in checked) throw new ApiError('BAD_REQUEST', { detail: `${checked.error.path.slice(1)} ${checked.error.message}`, errors: [{ in: 'body', ...checked.error }] });
      if (checked.quota && checked.quota.status !== 'active') throw new ApiError('FORBIDDEN', { detail: `the tenant is ${checked.quota.status}` });
      if (checked.quota && checked.quota.max !== null && checked.quota.active >= checked.quota.max) {
        throw new ApiError('RATE_LIMITED', { detail: `The tenant has ${checked.quota.active} active calls, its concurrent-call quota is ${checked.quota.max}; try again when a call ends`, headers: { 'retry-after': '10' } });
      }

      // The network call happens outside any transaction (one PGlite connection serves everyone).
      let created: TwilioCall;
      try {
        created = await twilio.createCall({
          to: body.to,
          from,
          url: config.twilioVoiceUrl,
          statusCallback: config.twilioStatusUrl,
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
          machineDetection: body.machineDetection,
        });
      } catch (err) {
        const problem = problemFromTwilio(err, 'create');
        req.log.warn({ err: err instanceof Error ? err.message : String(err), twilioCode: (err as TwilioRequestError).twilioCode, status: problem.status }, 'outbound call not placed');
        throw problem;
      }
      const meta = { ...metadata, outbound: { requestedBy: `${actor.kind}:${actor.id}`, ...(body.machineDetection ? { machineDetection: body.machineDetection } : {}) } };
      let row: CallRow;
      try {
        // A status callback may have created the row already (as the event writer does, direction 'inbound'):
        // complete it without moving its status back.
        [row] = await db.withTenant(tenant, (tx) => tx<CallRow[]>`
          insert into calls (id, tenant_id, direction, from_number, to_number, status, started_at, agent_config_id, provider_call_id, metadata)
          values (${created.sid}, ${tenant}, 'outbound', ${from}, ${body.to}, ${created.status || 'queued'}, now(), ${checked.agentConfigId}, ${created.sid}, ${tx.json(meta)})
          on conflict (id) do update set direction = 'outbound',
            from_number = coalesce(calls.from_number, excluded.from_number), to_number = coalesce(calls.to_number, excluded.to_number),
            agent_config_id = coalesce(calls.agent_config_id, excluded.agent_config_id), provider_call_id = coalesce(calls.provider_call_id, excluded.provider_call_id),
            started_at = least(calls.started_at, excluded.started_at), metadata = excluded.metadata || calls.metadata
          returning *`);
      } catch (err) {
        // The call is live at Twilio but we could not record it: hang it up rather than leave an untracked call.
        req.log.error({ err, callSid: created.sid }, 'outbound call placed but not recorded; hanging it up');
        await twilio.endCall(created.sid).catch((e: unknown) => req.log.error({ err: e, callSid: created.sid }, 'could not hang up the unrecorded call'));
        throw err;
      }
      req.log.info({ callSid: created.sid, to: body.to, from: body.from, machineDetection: body.machineDetection }, 'outbound call placed');
      return reply.code(201).send(toCall(row));
    });

    r.post('/voice/calls/:callId/end', {
      onRequest: guards,
      schema: {
        tags: ['calls'],
        summary: 'Hang up a call',
        description: 'Asks Twilio to end the call (queued, ringing or in progress); a SIP call is cancelled while it rings and hung up (BYE) once answered. 409 when it has already ended.',
        params: CallParams,
        body: EmptyBody,
        response: { 200: CallSchema, ...problemResponses(400, 401, 403, 404, 409, 503) },
      },
    }, async (req) => {
      const actor = req.actor!;
      const tenant = tenantOf(actor);
      const id = req.params.callId;
      // SIP calls (ours: sip_…) end over the bus; everything else through Twilio, which must be configured.
      const sip = id.startsWith('sip_') ? o.sipCalls : undefined;
      const twilio = sip ? undefined : client();
      const [row] = await db.withTenant(tenant, (tx) => tx<CallRow[]>`select * from calls where id = ${id}`, { readOnly: true });
      if (!row) throw notFound('no such call');
      if (row.ended_at !== null || ENDED_STATUSES.has(row.status)) throw conflict(`The call has already ended (status ${row.status})`);
      if (sip) {
        // Asynchronous: the gateway or media session ends it; the call events record how.
        sip.hangup(id);
        const [updated] = await db.withTenant(tenant, (tx) => tx<CallRow[]>`
          update calls set end_reason = coalesce(end_reason, 'API_HANGUP'),
            metadata = metadata || ${tx.json({ endRequestedBy: `${actor.kind}:${actor.id}`, endRequestedAt: new Date().toISOString() })}
          where id = ${id} returning *`);
        req.log.info({ callId: id }, 'SIP call ended through the API');
        return toCall(updated ?? row);
      }
      const sid = row.provider_call_id ?? row.id;
      if (!/^CA[0-9a-fA-F]{32}$/.test(sid)) throw conflict('This call is not a Twilio call; it cannot be ended through Twilio');
      let ended: TwilioCall;
      try {
        ended = await twilio!.endCall(sid);
      } catch (err) {
        const problem = problemFromTwilio(err, 'end');
        req.log.warn({ err: err instanceof Error ? err.message : String(err), twilioCode: (err as TwilioRequestError).twilioCode, status: problem.status }, 'call not ended');
        // Twilio says it is over: record that, so the next attempt is a 409 without asking Twilio.
        if (problem.code === 'CONFLICT') {
          await db.withTenant(tenant, (tx) => tx`update calls set ended_at = coalesce(ended_at, now()), status = case when status in ('queued', 'initiated', 'ringing', 'in-progress') then 'completed' else status end where id = ${id}`);
        }
        throw problem;
      }
      // The duration comes with Twilio's completed status callback (CallDuration), not from this reply.
      const terminal = isTerminalCallStatus(ended.status);
      const [updated] = await db.withTenant(tenant, (tx) => tx<CallRow[]>`
        update calls set
          end_reason = coalesce(end_reason, 'API_HANGUP'),
          metadata = metadata || ${tx.json({ endRequestedBy: `${actor.kind}:${actor.id}`, endRequestedAt: new Date().toISOString() })},
          status = case when ${terminal} and ended_at is null then ${ended.status} else status end,
          ended_at = case when ${terminal} then coalesce(ended_at, now()) else ended_at end
        where id = ${id} returning *`);
      req.log.info({ callSid: sid, status: ended.status }, 'call ended through the API');
      return toCall(updated ?? row);
    });
  };
}
