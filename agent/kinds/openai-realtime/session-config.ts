// What the model is told at the start of a call: the GA `session.update` built from the agent config
// (prompt, voice, tools, turn detection, transcription). Kept pure so the exact wire shape is tested
// without a socket. See /work/shared/PROTOCOLS.md (OpenAI Realtime).
import { BUILTIN_TOOLS } from './tools.ts';
import { TOOL_TYPES, toOpenAiRealtimeTools, type ToolSpec } from '../../tools/index.ts';

const isSharedToolEntry = (t: unknown): boolean => typeof t === 'object' && t !== null && TOOL_TYPES.has(String((t as { type?: unknown }).type));

export const REALTIME_RATE = 24000;
export const DEFAULT_MODEL = 'gpt-realtime';
export const DEFAULT_TRANSCRIPTION_MODEL = 'gpt-4o-mini-transcribe';
const DEFAULT_PROMPT = 'You are a helpful voice assistant on a phone call. Keep answers short.';

export interface RealtimeTool {
  type: 'function';
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Function tools from an agent config's `tools`. Accepts the Realtime shape `{type:"function", name,
 * description, parameters}`, the Chat Completions shape `{type:"function", function:{…}}`, and a bare
 * `{name, description, parameters | input_schema}`. Anything else is skipped and reported.
 */
export function normalizeTools(tools: unknown): { tools: RealtimeTool[]; skipped: string[] } {
  const out: RealtimeTool[] = [];
  const skipped: string[] = [];
  if (!Array.isArray(tools)) return { tools: out, skipped };
  for (const [i, raw] of tools.entries()) {
    const t = isObj(raw) && isObj(raw.function) ? raw.function : raw;
    if (!isObj(t) || (isObj(raw) && raw.type !== undefined && raw.type !== 'function')) {
      skipped.push(`#${i}: not a function tool`);
      continue;
    }
    const name = str(t.name);
    if (!name || !TOOL_NAME.test(name)) {
      skipped.push(`#${i}: name must be 1-64 letters, digits, _ or -`);
      continue;
    }
    const params = t.parameters ?? t.input_schema ?? { type: 'object', properties: {} };
    if (!isObj(params)) {
      skipped.push(`${name}: parameters must be a JSON Schema object`);
      continue;
    }
    if (out.some((x) => x.name === name)) {
      skipped.push(`${name}: defined twice`);
      continue;
    }
    const tool: RealtimeTool = { type: 'function', name, parameters: params };
    const description = str(t.description);
    if (description) tool.description = description;
    out.push(tool);
  }
  return { tools: out, skipped };
}

/**
 * The `session.update` client event for a call's agent config (flattened settings + prompt, voice,
 * tools), and the tool definitions that were skipped.
 */
export function buildSessionUpdate(s: Record<string, unknown>, shared: ToolSpec[] = []): { event: Record<string, unknown>; skippedTools: string[] } {
  // Entries in the platform's tool format (type http, transfer, knowledge_search, …: see agent/tools) are
  // run by the shared ToolRunner and offered from their specs; the rest are plain function tools.
  const { tools, skipped } = normalizeTools(Array.isArray(s.tools) ? s.tools.filter((t) => !isSharedToolEntry(t)) : s.tools);
  for (const t of toOpenAiRealtimeTools(shared)) if (!tools.some((x) => x.name === t.name)) tools.push(t);
  // end_call is offered unless the config defines its own or turns it off (endCall: false).
  if (s.endCall !== false) for (const b of BUILTIN_TOOLS) if (!tools.some((t) => t.name === b.name)) tools.push(b);

  const turnDetection: Record<string, unknown> = {
    type: 'server_vad',
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 500,
    create_response: true,
    interrupt_response: true,
    ...(isObj(s.turnDetection) ? s.turnDetection : {}),
  };
  const input: Record<string, unknown> = {
    format: { type: 'audio/pcm', rate: REALTIME_RATE },
    turn_detection: turnDetection,
  };
  // Caller transcripts need input transcription; `transcriptionModel: false` turns it off.
  if (s.transcriptionModel !== false) input.transcription = { model: str(s.transcriptionModel) ?? DEFAULT_TRANSCRIPTION_MODEL };
  const output: Record<string, unknown> = { format: { type: 'audio/pcm', rate: REALTIME_RATE } };
  const voice = str(s.voice); // none: the server's default voice
  if (voice) output.voice = voice;

  const session: Record<string, unknown> = {
    type: 'realtime',
    instructions: str(s.prompt) ?? str(s.instructions) ?? DEFAULT_PROMPT,
    output_modalities: ['audio'],
    audio: { input, output },
    tools,
    tool_choice: tools.length > 0 ? 'auto' : 'none',
  };
  if (typeof s.maxOutputTokens === 'number' || s.maxOutputTokens === 'inf') session.max_output_tokens = s.maxOutputTokens;
  return { event: { type: 'session.update', session }, skippedTools: skipped };
}
