// What text-to-SQL (`sql.query`) may read: the views of the control API's `reporting` schema, as the LLM is
// told about them (agent/tools: query_database's description) and as the control API allows them (its
// SQL check accepts these relation names only). Part of the sql.query contract, hence here; a control-API
// test compares it with the views the migrations create.
export interface SqlViewColumn {
  name: string;
  type: string;
  note?: string;
}
export interface SqlView {
  name: string;
  note: string;
  columns: SqlViewColumn[];
}

export const SQL_VIEWS: readonly SqlView[] = [
  {
    name: 'calls',
    note: 'one row per phone or browser call',
    columns: [
      { name: 'id', type: 'text' },
      { name: 'direction', type: 'text', note: "'inbound' or 'outbound'" },
      { name: 'from_number', type: 'text' },
      { name: 'to_number', type: 'text' },
      { name: 'status', type: 'text', note: 'ringing, in-progress, completed, busy, failed, no-answer, …' },
      { name: 'started_at', type: 'timestamptz' },
      { name: 'answered_at', type: 'timestamptz' },
      { name: 'ended_at', type: 'timestamptz' },
      { name: 'duration_ms', type: 'bigint' },
      { name: 'end_reason', type: 'text' },
      { name: 'summary', type: 'text', note: "the agent's summary of the call" },
      { name: 'agent_id', type: 'uuid', note: 'agents.id' },
    ],
  },
  {
    name: 'transcript_turns',
    note: 'what was said on a call, one row per turn',
    columns: [
      { name: 'id', type: 'bigint' },
      { name: 'call_id', type: 'text', note: 'calls.id' },
      { name: 'role', type: 'text', note: "'user' (the caller) or 'agent'" },
      { name: 'text', type: 'text' },
      { name: 'started_ms', type: 'integer', note: 'ms since the call started' },
      { name: 'ended_ms', type: 'integer' },
      { name: 'interrupted', type: 'boolean', note: 'the agent was cut off by the caller' },
      { name: 'created_at', type: 'timestamptz' },
    ],
  },
  {
    name: 'phone_numbers',
    note: 'numbers this organisation answers',
    columns: [
      { name: 'id', type: 'uuid' },
      { name: 'e164', type: 'text' },
      { name: 'agent_id', type: 'uuid', note: 'agents.id' },
      { name: 'provider', type: 'text', note: "'twilio' or 'sip'" },
      { name: 'created_at', type: 'timestamptz' },
    ],
  },
  {
    name: 'agents',
    note: 'voice agents',
    columns: [
      { name: 'id', type: 'uuid' },
      { name: 'name', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
  },
];

/** The views in one line each, `calls(id text, direction text 'inbound' or 'outbound', …)`: for LLM prompts. */
export function describeSqlViews(views: readonly SqlView[] = SQL_VIEWS): string {
  return views.map((v) => `${v.name} — ${v.note}: ${v.columns.map((c) => `${c.name} ${c.type}${c.note ? ` (${c.note})` : ''}`).join(', ')}`).join('\n');
}
