// The boundary for what the OpenAI Realtime server sends: every text frame is parsed and checked here,
// once, and turned into a small internal union. Nothing past this module touches raw JSON, so a garbled
// or reshaped event is a counted, logged drop instead of a crash deep in the call logic.
// GA and beta event names are both accepted where they differ (audio and transcript events).
import { openaiRealtimeUsage, openaiTranscriptionUsage } from '../../usage/provider-usage.ts';
import type { UsageDelta } from '../../usage/call-usage.ts';

export interface FunctionCallItem {
  callId: string;
  name: string;
  arguments: string;
  itemId?: string;
}

export type RealtimeEvent =
  | { kind: 'session.created' }
  | { kind: 'session.updated'; session: Record<string, unknown> }
  | { kind: 'speech_started'; itemId?: string; audioStartMs?: number }
  | { kind: 'speech_stopped'; itemId?: string }
  | { kind: 'response.created'; responseId: string }
  | { kind: 'response.done'; responseId: string; status: string; functionCalls: FunctionCallItem[]; transcripts: Array<{ itemId: string; text: string }>; statusDetail?: unknown; usage?: UsageDelta }
  | { kind: 'audio.delta'; responseId: string; itemId: string; delta: string }
  | { kind: 'audio.done'; responseId: string; itemId: string }
  | { kind: 'transcript'; role: 'user' | 'agent'; itemId: string; text: string; usage?: UsageDelta }
  | { kind: 'transcription.failed'; itemId: string; message: string }
  | { kind: 'function_call'; responseId: string; call: FunctionCallItem }
  | { kind: 'error'; errorType: string; code: string; message: string; param?: string; eventId?: string }
  | { kind: 'ignored'; type: string };

export type ParseResult =
  | { ok: true; event: RealtimeEvent }
  /** `json`: not JSON / not an object with a string `type`; `shape`: a known event missing fields; `unknown`: an event type we do not know. */
  | { ok: false; reason: 'json' | 'shape' | 'unknown'; type?: string; detail: string };

// Server events this client has no use for (it reads the `.done` forms and the audio deltas). They are
// known, so they are neither logged nor counted as unknown.
const IGNORED = new Set([
  'conversation.created',
  'conversation.item.created',
  'conversation.item.added',
  'conversation.item.done',
  'conversation.item.retrieved',
  'conversation.item.truncated',
  'conversation.item.deleted',
  'conversation.item.input_audio_transcription.delta',
  'conversation.item.input_audio_transcription.segment',
  'input_audio_buffer.committed',
  'input_audio_buffer.cleared',
  'input_audio_buffer.timeout_triggered',
  'output_audio_buffer.started',
  'output_audio_buffer.stopped',
  'output_audio_buffer.cleared',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.text.delta',
  'response.text.done',
  'response.output_audio_transcript.delta',
  'response.audio_transcript.delta',
  'response.function_call_arguments.delta',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'rate_limits.updated',
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const n = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

class Shape extends Error {}
function need(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new Shape(`${key} must be a non-empty string`);
  return v;
}

/** Function calls among a response's output items (response.done carries them all). */
function functionCalls(output: unknown): FunctionCallItem[] {
  if (!Array.isArray(output)) return [];
  const calls: FunctionCallItem[] = [];
  for (const item of output) {
    if (!isObj(item) || item.type !== 'function_call') continue;
    const callId = s(item.call_id);
    const name = s(item.name);
    if (!callId || !name) continue;
    calls.push({ callId, name, arguments: s(item.arguments) ?? '', itemId: s(item.id) });
  }
  return calls;
}

/** Transcripts of the assistant audio items among a response's output (also there for a cancelled one). */
function transcripts(output: unknown): Array<{ itemId: string; text: string }> {
  if (!Array.isArray(output)) return [];
  const out: Array<{ itemId: string; text: string }> = [];
  for (const item of output) {
    if (!isObj(item) || item.type !== 'message' || item.role !== 'assistant' || typeof item.id !== 'string' || !Array.isArray(item.content)) continue;
    const part = item.content.find((c) => isObj(c) && (c.type === 'output_audio' || c.type === 'audio') && typeof c.transcript === 'string') as Obj | undefined;
    if (part) out.push({ itemId: item.id, text: part.transcript as string });
  }
  return out;
}

function toEvent(type: string, o: Obj): RealtimeEvent | undefined {
  switch (type) {
    case 'session.created':
      return { kind: 'session.created' };
    case 'session.updated':
      return { kind: 'session.updated', session: isObj(o.session) ? o.session : {} };
    case 'input_audio_buffer.speech_started':
      return { kind: 'speech_started', itemId: s(o.item_id), audioStartMs: n(o.audio_start_ms) };
    case 'input_audio_buffer.speech_stopped':
      return { kind: 'speech_stopped', itemId: s(o.item_id) };
    case 'response.created': {
      if (!isObj(o.response)) throw new Shape('response must be an object');
      return { kind: 'response.created', responseId: need(o.response, 'id') };
    }
    case 'response.done': {
      if (!isObj(o.response)) throw new Shape('response must be an object');
      const r = o.response;
      return { kind: 'response.done', responseId: need(r, 'id'), status: s(r.status) ?? 'unknown', functionCalls: functionCalls(r.output), transcripts: transcripts(r.output), statusDetail: r.status_details, usage: openaiRealtimeUsage(r.usage) };
    }
    case 'response.output_audio.delta':
    case 'response.audio.delta':
      return { kind: 'audio.delta', responseId: need(o, 'response_id'), itemId: need(o, 'item_id'), delta: need(o, 'delta') };
    case 'response.output_audio.done':
    case 'response.audio.done':
      return { kind: 'audio.done', responseId: need(o, 'response_id'), itemId: need(o, 'item_id') };
    case 'response.output_audio_transcript.done':
    case 'response.audio_transcript.done':
      if (typeof o.transcript !== 'string') throw new Shape('transcript must be a string');
      return { kind: 'transcript', role: 'agent', itemId: need(o, 'item_id'), text: o.transcript };
    case 'conversation.item.input_audio_transcription.completed':
      if (typeof o.transcript !== 'string') throw new Shape('transcript must be a string');
      return { kind: 'transcript', role: 'user', itemId: need(o, 'item_id'), text: o.transcript, usage: openaiTranscriptionUsage(o.usage) };
    case 'conversation.item.input_audio_transcription.failed':
      return { kind: 'transcription.failed', itemId: s(o.item_id) ?? '', message: (isObj(o.error) && s(o.error.message)) || 'transcription failed' };
    case 'response.function_call_arguments.done':
      return { kind: 'function_call', responseId: s(o.response_id) ?? '', call: { callId: need(o, 'call_id'), name: need(o, 'name'), arguments: s(o.arguments) ?? '', itemId: s(o.item_id) } };
    case 'error': {
      const e = isObj(o.error) ? o.error : {};
      return { kind: 'error', errorType: s(e.type) ?? 'unknown', code: s(e.code) ?? '', message: s(e.message) ?? '', param: s(e.param), eventId: s(e.event_id) };
    }
    default:
      return IGNORED.has(type) || type.startsWith('transcription_session.') ? { kind: 'ignored', type } : undefined;
  }
}

export function parseServerEvent(text: string): ParseResult {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json', detail: 'not JSON' };
  }
  if (!isObj(o) || typeof o.type !== 'string') return { ok: false, reason: 'json', detail: 'not an object with a string type' };
  try {
    const event = toEvent(o.type, o);
    return event ? { ok: true, event } : { ok: false, reason: 'unknown', type: o.type, detail: 'unknown event type' };
  } catch (err) {
    if (err instanceof Shape) return { ok: false, reason: 'shape', type: o.type, detail: err.message };
    throw err;
  }
}
