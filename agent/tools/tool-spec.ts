// Tools an agent config declares (agent_configs.tools), validated once per call. Every LLM-driven kind
// offers these to its model and runs them through ToolRunner, so a tool behaves the same whichever
// provider asked for it. Shape of one entry:
//   { "type": "http", "name": "lookup_order", "description": "…", "parameters": { JSON Schema object },
//     "url": "https://tenant.example.com/hooks/order", "secretName": "TOOL_SECRET", "timeoutMs": 5000 }
//   { "type": "transfer", "name": "transfer_to_sales", "description": "…", "target": "+15551234567" }
//   { "type": "end_call" } · { "type": "send_dtmf" }
//   { "type": "knowledge_search", "collection": "faq", "topK": 5 }   (kb.search: the tenant's knowledge base)
//   { "type": "query_database", "maxRows": 50 }                       (sql.query: read-only SQL over the tenant's call data)
// A bad entry is reported and skipped (the call goes on without it), never fatal.
import { Ajv, type ValidateFunction } from 'ajv';
import { isTransferTarget } from '../../lib/transfer-target.ts';
import { describeSqlViews } from '../../proto/sql-views.ts';

export type ToolType = 'http' | 'transfer' | 'end_call' | 'send_dtmf' | 'knowledge_search' | 'query_database';

export interface ToolSpec {
  type: ToolType;
  /** The function name the model calls: [a-zA-Z0-9_-]{1,64} (the strictest of the providers' rules). */
  name: string;
  description: string;
  /** JSON Schema (type object) of the arguments. */
  parameters: Record<string, unknown>;
  /** Compiled from `parameters`: arguments are checked before the tool runs. */
  validate: ValidateFunction;
  http?: { url: URL; secretName?: string; timeoutMs: number; maxResponseBytes: number };
  /** transfer: a fixed target; without one the model passes `target`. */
  target?: string;
  /** knowledge_search: which collection (all when absent), how many passages. */
  knowledge?: { collection?: string; topK: number; timeoutMs: number };
  /** query_database: rows returned at most. */
  sql?: { maxRows: number; timeoutMs: number };
}

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_TOOLS = 64;
export const DEFAULT_HTTP_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
export const DEFAULT_DATA_TIMEOUT_MS = 5000;
const COLLECTION = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

const DEFAULTS: Record<Exclude<ToolType, 'http'>, { name: string; description: string; parameters: Record<string, unknown> }> = {
  end_call: {
    name: 'end_call',
    description: 'Hang up the call once you have said goodbye.',
    parameters: { type: 'object', properties: { reason: { type: 'string', description: 'Why the call ends' } }, additionalProperties: false },
  },
  send_dtmf: {
    name: 'send_dtmf',
    description: 'Press phone keys on the call (for example to navigate a phone menu).',
    parameters: { type: 'object', properties: { digits: { type: 'string', pattern: '^[0-9*#wW]{1,32}$' } }, required: ['digits'], additionalProperties: false },
  },
  knowledge_search: {
    name: 'knowledge_search',
    description: "Search the organisation's knowledge base (its documents, FAQs, policies) for passages about a question. Use it before answering questions about the business; if it finds nothing relevant, say you do not know.",
    parameters: { type: 'object', properties: { query: { type: 'string', minLength: 1, maxLength: 1000, description: 'What to look for: the question or its key words' } }, required: ['query'], additionalProperties: false },
  },
  query_database: {
    name: 'query_database',
    description: "Run one read-only PostgreSQL SELECT over this organisation's call data and get the rows back. Aggregate and filter in SQL (count, date_trunc, where started_at > now() - interval '7 days'); times are timestamptz.",
    parameters: { type: 'object', properties: { sql: { type: 'string', minLength: 1, maxLength: 4000, description: 'One SELECT statement over the views listed in the description' } }, required: ['sql'], additionalProperties: false },
  },
  transfer: {
    name: 'transfer_call',
    description: 'Transfer the caller to another number.',
    parameters: { type: 'object', properties: { target: { type: 'string', description: 'E.164 number or sip: URI' } }, required: ['target'], additionalProperties: false },
  },
};

/** The platform's tool types (entries other kinds must not mistake for their own function tools). */
export const TOOL_TYPES: ReadonlySet<string> = new Set<ToolType>(['http', 'transfer', 'end_call', 'send_dtmf', 'knowledge_search', 'query_database']);

// One compiler for all calls: schemas are small and compiled per call start.
const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: true });

export function parseTools(raw: unknown): { tools: ToolSpec[]; problems: string[] } {
  const tools: ToolSpec[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { tools, problems };
  if (!Array.isArray(raw)) return { tools, problems: ['tools must be a list'] };
  for (const [i, entry] of raw.slice(0, MAX_TOOLS).entries()) {
    const where = `tools[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where}: not an object`);
      continue;
    }
    const e = entry as Record<string, unknown>;
    const type = e.type;
    if (!TOOL_TYPES.has(type as ToolType)) {
      problems.push(`${where}: type must be ${[...TOOL_TYPES].join(', ')}`);
      continue;
    }
    const d = type === 'http' ? undefined : DEFAULTS[type as Exclude<ToolType, 'http'>];
    const name = typeof e.name === 'string' ? e.name : d?.name;
    if (!name || !NAME.test(name)) {
      problems.push(`${where}: name must be 1-64 letters, digits, _ or -`);
      continue;
    }
    if (tools.some((t) => t.name === name)) {
      problems.push(`${where}: a tool named ${name} is already declared`);
      continue;
    }
    let description = typeof e.description === 'string' ? e.description.slice(0, 1024) : d?.description ?? '';
    // The model can only write SQL against views it has been told about.
    if (type === 'query_database') description += `\nOnly these views exist (no other tables):\n${describeSqlViews()}`;
    const parameters = (e.parameters ?? d?.parameters ?? { type: 'object', properties: {} }) as Record<string, unknown>;
    if (typeof parameters !== 'object' || parameters === null || parameters.type !== 'object') {
      problems.push(`${where}: parameters must be a JSON Schema of type object`);
      continue;
    }
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(parameters);
    } catch (err) {
      problems.push(`${where}: parameters is not a valid JSON Schema (${(err as Error).message.slice(0, 200)})`);
      continue;
    }
    const spec: ToolSpec = { type: type as ToolType, name, description, parameters, validate };
    if (type === 'http') {
      let url: URL | undefined;
      try {
        url = typeof e.url === 'string' ? new URL(e.url) : undefined;
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
        problems.push(`${where}: url must be an http(s) URL without credentials`);
        continue;
      }
      const timeoutMs = typeof e.timeoutMs === 'number' && e.timeoutMs >= 100 && e.timeoutMs <= 30_000 ? e.timeoutMs : DEFAULT_HTTP_TIMEOUT_MS;
      const maxResponseBytes = typeof e.maxResponseBytes === 'number' && e.maxResponseBytes >= 256 && e.maxResponseBytes <= 1024 * 1024 ? e.maxResponseBytes : DEFAULT_MAX_RESPONSE_BYTES;
      spec.http = { url, secretName: typeof e.secretName === 'string' ? e.secretName : undefined, timeoutMs, maxResponseBytes };
    }
    if (type === 'transfer' && e.target !== undefined) {
      if (typeof e.target !== 'string' || !isTransferTarget(e.target)) {
        problems.push(`${where}: target must be an E.164 number or a sip: URI`);
        continue;
      }
      spec.target = e.target;
      // With a fixed target the model has nothing to choose.
      if (e.parameters === undefined) {
        spec.parameters = { type: 'object', properties: {}, additionalProperties: false };
        spec.validate = ajv.compile(spec.parameters);
      }
    }
    if (type === 'knowledge_search' || type === 'query_database') {
      const problem = dataOptions(spec, e);
      if (problem) {
        problems.push(`${where}: ${problem}`);
        continue;
      }
    }
    tools.push(spec);
  }
  if (raw.length > MAX_TOOLS) problems.push(`only the first ${MAX_TOOLS} tools are used`);
  return { tools, problems };
}

const intIn = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** knowledge_search / query_database options; a problem text when one is bad. */
function dataOptions(spec: ToolSpec, e: Record<string, unknown>): string | undefined {
  if (e.timeoutMs !== undefined && !intIn(e.timeoutMs, 500, 30_000)) return 'timeoutMs must be an integer from 500 to 30000';
  const timeoutMs = (e.timeoutMs as number | undefined) ?? DEFAULT_DATA_TIMEOUT_MS;
  if (spec.type === 'knowledge_search') {
    if (e.collection !== undefined && (typeof e.collection !== 'string' || !COLLECTION.test(e.collection))) return 'collection must be a collection name (a-z, 0-9, _ . -)';
    if (e.topK !== undefined && !intIn(e.topK, 1, 20)) return 'topK must be an integer from 1 to 20';
    spec.knowledge = { collection: e.collection as string | undefined, topK: (e.topK as number | undefined) ?? 5, timeoutMs };
    return undefined;
  }
  if (e.maxRows !== undefined && !intIn(e.maxRows, 1, 100)) return 'maxRows must be an integer from 1 to 100';
  spec.sql = { maxRows: (e.maxRows as number | undefined) ?? 50, timeoutMs };
  return undefined;
}
