// The end-of-call summary: the call's final transcript goes to an LLM with a request for one to three
// sentences. It runs after the call has ended (the worker bounds it in time), so it never holds up the
// call; it uses the same LlmProvider interface as the cascaded pipeline.
import { UapError } from '../../lib/errors.ts';
import type { AgentTurn } from '../kinds/types.ts';
import type { LlmProvider } from '../kinds/cascaded/types.ts';

export interface CallSummary {
  text: string;
  provider: string;
  model: string;
}

/** What an agent call offers the worker at its end (kinds with an LLM). */
export type Summarizer = (turns: readonly AgentTurn[], signal: AbortSignal) => Promise<CallSummary | undefined>;

export interface SummarySettings {
  enabled: boolean;
  /** Model for the summary; the kind's default when absent. */
  model: string | undefined;
}

const SYSTEM =
  'You summarize phone calls between a caller and a voice agent. Write one to three plain sentences: what the caller wanted, what the agent did, and how the call ended. No preamble, no lists, no quotes.';
/** The transcript sent: the start and the end of very long calls. */
const HEAD_CHARS = 4000;
const TAIL_CHARS = 12_000;
export const MAX_SUMMARY_CHARS = 1000;
/** Output budget: three sentences fit comfortably. */
export const SUMMARY_MAX_TOKENS = 200;
const MODEL = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

/** `summary` in an agent config: absent or true = on, false = off, or `{ "enabled": bool, "model": "…" }`. */
export function parseSummarySettings(settings: Record<string, unknown>): SummarySettings {
  const v = settings.summary;
  if (v === undefined || v === null || v === true) return { enabled: true, model: undefined };
  if (v === false) return { enabled: false, model: undefined };
  const bad = (msg: string) => new UapError('BAD_AGENT_CONFIG', `agent config summary: ${msg}`);
  if (typeof v !== 'object' || Array.isArray(v)) throw bad('must be true, false or an object');
  const o = v as Record<string, unknown>;
  if (o.enabled !== undefined && typeof o.enabled !== 'boolean') throw bad('enabled must be a boolean');
  if (o.model !== undefined && (typeof o.model !== 'string' || !MODEL.test(o.model))) throw bad('model is not a model name');
  return { enabled: o.enabled !== false, model: o.model as string | undefined };
}

/** The transcript as the summarizing model reads it. */
export function transcriptText(turns: readonly AgentTurn[]): string {
  const text = turns.map((t) => `${t.role === 'user' ? 'Caller' : 'Agent'}: ${t.text}${t.interrupted ? ' [cut off by the caller]' : ''}`).join('\n');
  if (text.length <= HEAD_CHARS + TAIL_CHARS) return text;
  return `${text.slice(0, HEAD_CHARS)}\n[…]\n${text.slice(-TAIL_CHARS)}`;
}

/** Asks `llm` for the summary; undefined when it wrote nothing. Throws what the provider throws. */
export async function summarizeWith(llm: LlmProvider, turns: readonly AgentTurn[], signal: AbortSignal): Promise<CallSummary | undefined> {
  let text = '';
  const messages = [{ role: 'user' as const, content: `Summarize this call.\n\n${transcriptText(turns)}` }];
  for await (const ev of llm.stream({ system: SYSTEM, messages, tools: [], signal })) {
    if (ev.type !== 'text') continue;
    text += ev.text;
    if (text.length > 2 * MAX_SUMMARY_CHARS) break;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_SUMMARY_CHARS) text = `${text.slice(0, MAX_SUMMARY_CHARS - 1).replace(/\s+\S*$/, '')}…`;
  return text ? { text, provider: llm.name, model: llm.model } : undefined;
}
