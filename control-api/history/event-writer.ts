// Builds call history from the durable call-event stream: every event is stored once (its event id is
// unique, so redeliveries after a crash or restart are no-ops) and folded into the call's row.
import { uap } from '../../proto/index.ts';
import type { Database, Tx } from '../db/index.ts';
import { eventKind, type CallEventBody } from '../../lib/call-events.ts';
import { addUsage } from './usage-totals.ts';
import { isRecordingName, type RecordingStore } from '../../lib/recordings.ts';
import { UapError } from '../../lib/errors.ts';

export interface EventWriterResult {
  stored: boolean;
  kind: string;
}

const TWILIO_TERMINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
/** Longest summary stored (agents send 1–3 sentences; this bounds a misbehaving one). */
const MAX_SUMMARY_CHARS = 2000;

export class CallEventWriter {
  /** Tenant token on the bus (slug or uuid) → tenant uuid. */
  private readonly tenants = new Map<string, string | null>();

  /** `recordings`: where agents' recordings (voicemail) are copied from into RECORDINGS_DIR. */
  constructor(private readonly db: Database, private readonly recordings?: RecordingStore) {}

  private async tenantId(token: string): Promise<string | null> {
    if (this.tenants.has(token)) return this.tenants.get(token)!;
    const rows = await this.db.withPlatform((tx) => tx<{ id: string }[]>`select id from tenants where slug = ${token} or id::text = ${token} limit 1`);
    const id = rows[0]?.id ?? null;
    if (this.tenants.size > 10_000) this.tenants.clear();
    this.tenants.set(token, id);
    return id;
  }

  /** Stores one event. Returns stored=false for a duplicate; throws for an unknown tenant or a DB error. */
  async write(ev: uap.CallEvent): Promise<EventWriterResult> {
    const kind = ev.body ? eventKind({ [ev.body]: ev[ev.body] } as CallEventBody) : 'unknown';
    const tenant = await this.tenantId(ev.tenantId);
    if (!tenant) throw new Error(`unknown tenant "${ev.tenantId}"`);
    const obj = uap.CallEvent.toObject(ev, { longs: Number, enums: String, defaults: false }) as Record<string, unknown>;
    const payload = ((ev.body ? obj[ev.body] : undefined) ?? {}) as Record<string, string | number | boolean>;
    const ts = new Date(ev.ts || Date.now());
    // Outside the transaction: a copy from the object store (idempotent) must not hold a row lock.
    const recording = ev.recording ? await this.materialize(ev.recording) : false;
    return this.db.withTenant(tenant, async (tx) => {
      const ins = await tx`insert into call_events (tenant_id, event_id, call_id, kind, seq, ts, payload)
        values (${tenant}, ${ev.eventId}, ${ev.callId}, ${kind}, ${ev.seq}, ${ts}, ${tx.json(payload)})
        on conflict (event_id) do nothing returning id`;
      if (ins.length === 0) return { stored: false, kind };
      await this.fold(tx, tenant, ev, ts, recording);
      return { stored: true, kind };
    });
  }

  /** Applies the event to the call row (created on whichever event comes first). */
  /** The recording as a file in RECORDINGS_DIR: true once there, false when it is gone (or unusable). Throws to retry. */
  private async materialize(r: uap.IRecording): Promise<boolean> {
    if (!this.recordings || !r.name) return false;
    if (!isRecordingName(r.name)) return false;
    try {
      return await this.recordings.materialize(r.name, r.bucket ?? '', r.bytes ?? 0);
    } catch (err) {
      if (err instanceof UapError && !err.retryable) return false; // kept as an event; retrying cannot help
      throw err;
    }
  }

  private async fold(tx: Tx, tenant: string, ev: uap.CallEvent, ts: Date, recordingHere = false): Promise<void> {
    const id = ev.callId;
    if (ev.started) {
      const s = ev.started;
      await tx`insert into calls (id, tenant_id, direction, from_number, to_number, status, started_at, answered_at, provider_call_id, metadata)
        values (${id}, ${tenant}, ${s.direction === 'outbound' ? 'outbound' : 'inbound'}, ${s.from || null}, ${s.to || null}, 'in-progress', ${ts}, ${ts},
                ${s.providerCallId || null}, ${tx.json({ transport: s.transport ?? '', streamId: s.streamId ?? '', agentKind: s.agentKind ?? '', agentConfigId: s.agentConfigId ?? '' })})
        on conflict (id) do update set from_number = coalesce(calls.from_number, excluded.from_number), to_number = coalesce(calls.to_number, excluded.to_number),
          answered_at = coalesce(calls.answered_at, excluded.answered_at), provider_call_id = coalesce(calls.provider_call_id, excluded.provider_call_id),
          status = case when calls.ended_at is null then 'in-progress' else calls.status end, metadata = calls.metadata || excluded.metadata`;
      return;
    }
    // Any other event may arrive first (e.g. a status callback): make sure the row exists.
    await tx`insert into calls (id, tenant_id, direction, started_at) values (${id}, ${tenant}, 'inbound', ${ts}) on conflict (id) do nothing`;
    if (ev.ended) {
      const e = ev.ended;
      const reason = uap.EndReason[e.reason ?? 0] ?? 'UNKNOWN';
      await tx`update calls set ended_at = coalesce(ended_at, ${ts}), duration_ms = coalesce(duration_ms, ${e.durationMs ?? 0}), end_reason = coalesce(end_reason, ${reason}),
        status = case when ${reason} = 'REFUSED' then 'refused' when status in ('busy', 'failed', 'no-answer', 'canceled') then status else 'completed' end,
        metadata = metadata || ${tx.json({ framesIn: e.framesIn ?? 0, framesOut: e.framesOut ?? 0, framesDropped: e.framesDropped ?? 0, framesLate: e.framesLate ?? 0, endDetail: e.detail ?? '' })}
        where id = ${id}`;
    } else if (ev.transcript) {
      const t = ev.transcript;
      if (t.final) {
        await tx`insert into transcript_turns (tenant_id, call_id, role, text, started_ms, ended_ms, interrupted, event_id)
          values (${tenant}, ${id}, ${t.role ?? ''}, ${t.text ?? ''}, ${t.startMs ?? null}, ${t.endMs ?? null}, ${t.interrupted ?? false}, ${ev.eventId}) on conflict (event_id) do nothing`;
      }
    } else if (ev.usage) {
      // Deltas summed into calls.metadata.usage; the row lock keeps concurrent writers from losing one.
      const [row] = await tx<{ usage: unknown }[]>`select metadata->'usage' as usage from calls where id = ${id} for update`;
      const totals = addUsage(row?.usage, ev.usage.items ?? []);
      await tx`update calls set metadata = metadata || ${tx.json({ usage: totals })} where id = ${id}`;
    } else if (ev.summary) {
      const text = (ev.summary.text ?? '').trim().slice(0, MAX_SUMMARY_CHARS);
      if (text) {
        const by = { provider: ev.summary.provider ?? '', model: ev.summary.model ?? '' };
        await tx`update calls set summary = ${text}, metadata = metadata || ${tx.json({ summaryBy: by })} where id = ${id}`;
      }
    } else if (ev.recording) {
      // The call's own recording (voicemail) is what GET /voice/calls/{id}/recording serves from now on.
      const r = ev.recording;
      const info = { name: r.name ?? '', kind: r.kind ?? '', durationMs: r.durationMs ?? 0, bytes: r.bytes ?? 0, available: recordingHere };
      const key = r.kind === 'voicemail' ? 'voicemail' : 'recording';
      await tx`update calls set recording_url = case when ${recordingHere} then ${`file:${r.name ?? ''}`} else recording_url end,
        metadata = metadata || ${tx.json({ [key]: info })} where id = ${id}`;
    } else if (ev.handoff) {
      await tx`update calls set metadata = metadata || ${tx.json({ handoff: { agentKind: ev.handoff.agentKind ?? '', agentConfigId: ev.handoff.agentConfigId ?? '', fromKind: ev.handoff.fromKind ?? '' } })} where id = ${id}`;
    } else if (ev.providerStatus) {
      const st = ev.providerStatus.status ?? '';
      let raw: Record<string, string> = {};
      try {
        raw = JSON.parse(ev.providerStatus.rawJson || '{}');
      } catch {
        // kept as an event only
      }
      const duration = /^\d+$/.test(raw.CallDuration ?? '') ? Number(raw.CallDuration) * 1000 : null;
      // Callbacks can arrive out of order: never move a finished call back to an earlier state.
      await tx`update calls set status = case when ended_at is not null and ${!TWILIO_TERMINAL.has(st)} then status else ${st} end,
        answered_at = case when ${st} = 'in-progress' then coalesce(answered_at, ${ts}) else answered_at end,
        provider_call_id = coalesce(provider_call_id, ${ev.providerStatus.providerCallId || null}),
        ended_at = case when ${TWILIO_TERMINAL.has(st)} then coalesce(ended_at, ${ts}) else ended_at end,
        duration_ms = coalesce(duration_ms, ${duration}),
        recording_url = coalesce(recording_url, ${raw.RecordingUrl ?? null})
        where id = ${id}`;
    }
  }
}
