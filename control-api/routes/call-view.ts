// The call resource as the API shows it (same shape as GET /voice/calls/:callId in call-routes.ts), for the
// routes that return a call after acting on it (initiate, end).
import { Type } from '@sinclair/typebox';
import { Nullable } from '../http/pagination.ts';
import { DateTime, iso } from './admin-common.ts';

export const CallSchema = Type.Object(
  {
    id: Type.String(),
    direction: Type.String(),
    from: Nullable('string'),
    to: Nullable('string'),
    status: Type.String(),
    startedAt: DateTime,
    answeredAt: Nullable('string', { format: 'date-time' }),
    endedAt: Nullable('string', { format: 'date-time' }),
    durationMs: Nullable('integer'),
    endReason: Nullable('string'),
    recordingUrl: Nullable('string'),
    summary: Nullable('string'),
    agentConfigId: Nullable('string'),
    providerCallId: Nullable('string'),
    metadata: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const CallParams = Type.Object({ callId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) }, { additionalProperties: false });

export interface CallRow {
  id: string;
  tenant_id: string;
  direction: string;
  from_number: string | null;
  to_number: string | null;
  status: string;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  duration_ms: string | number | null;
  end_reason: string | null;
  recording_url: string | null;
  summary: string | null;
  agent_config_id: string | null;
  provider_call_id: string | null;
  metadata: Record<string, unknown>;
}

export function toCall(c: CallRow) {
  return {
    id: c.id,
    direction: c.direction,
    from: c.from_number,
    to: c.to_number,
    status: c.status,
    startedAt: c.started_at.toISOString(),
    answeredAt: iso(c.answered_at),
    endedAt: iso(c.ended_at),
    durationMs: c.duration_ms === null ? null : Number(c.duration_ms),
    endReason: c.end_reason,
    recordingUrl: c.recording_url,
    summary: c.summary,
    agentConfigId: c.agent_config_id,
    providerCallId: c.provider_call_id,
    metadata: c.metadata,
  };
}

/** Twilio's terminal call statuses, plus 'refused' (our admission refused the call). */
export const ENDED_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled', 'refused']);
