// Runs the tools a model calls, for any agent kind: checks the arguments against the tool's schema, does
// the work (HTTP request, transfer, end of call, knowledge search, SQL), and returns a JSON text result the kind hands back to
// its provider. A tool never throws into the kind: every failure is a result the model can talk about.
import { BusNoRespondersError, BusTimeoutError, errorMessage } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import type { AgentOutput, TransferOutcome } from '../kinds/types.ts';
import { callHttpTool } from './http-tool.ts';
import { isTransferTarget } from '../../lib/transfer-target.ts';
import type { ToolSpec } from './tool-spec.ts';
import type { DataTools } from './data-tools.ts';

export interface ToolResult {
  ok: boolean;
  /** JSON text for the model. */
  output: string;
  /** The model asked to end the call: hang up once what it says now has played. */
  endCall?: boolean;
}

export interface ToolRunnerOptions {
  callId: string;
  tenantId: string;
  log: Logger;
  out: AgentOutput;
  /** The agent config's decrypted secrets (http tools sign with secrets[secretName]). */
  secrets: Record<string, unknown>;
  /** Let http tools reach private addresses (TOOL_HTTP_ALLOW_PRIVATE). */
  allowPrivateHttp: boolean;
  /** How long a transfer may take to be confirmed. Default 15 s. */
  transferTimeoutMs?: number;
  onToolCall?: (name: string, type: string, outcome: string, ms: number) => void;
  /** knowledge_search and query_database ask the control API through this (absent: they answer an error). */
  data?: DataTools;
  /** The call's agent config: knowledge_search finds its own documents besides the tenant-wide ones. */
  agentConfigId?: string;
}

const json = (v: unknown): string => JSON.stringify(v);
const fail = (error: string, detail?: unknown): ToolResult => ({ ok: false, output: json(detail === undefined ? { error } : { error, detail }) });

export class ToolRunner {
  private readonly byName = new Map<string, ToolSpec>();
  private pendingTransfer: { resolve: (o: TransferOutcome) => void } | undefined;

  constructor(readonly tools: ToolSpec[], private readonly o: ToolRunnerOptions) {
    for (const t of tools) this.byName.set(t.name, t);
  }

  /** Runs `name` with the model's arguments (JSON text or an already parsed object). */
  async run(name: string, args: unknown): Promise<ToolResult> {
    const t0 = performance.now();
    const spec = this.byName.get(name);
    let result: ToolResult;
    if (!spec) result = fail(`no tool named ${String(name).slice(0, 64)}`);
    else {
      let parsed: unknown = args;
      if (typeof args === 'string') {
        try {
          parsed = args.trim() === '' ? {} : JSON.parse(args);
        } catch {
          parsed = undefined;
        }
      }
      if (parsed === undefined || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) result = fail('arguments must be a JSON object');
      else if (!spec.validate(parsed)) result = fail('invalid arguments', spec.validate.errors?.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()));
      else {
        try {
          result = await this.exec(spec, parsed as Record<string, unknown>);
        } catch (err) {
          result = fail(errorMessage(err).slice(0, 300));
        }
      }
    }
    const ms = performance.now() - t0;
    const outcome = result.ok ? 'ok' : 'error';
    this.o.onToolCall?.(name, spec?.type ?? 'unknown', outcome, ms);
    this.o.log[result.ok ? 'info' : 'warn']({ tool: name, type: spec?.type, outcome, ms: Math.round(ms), ...(result.ok ? {} : { result: result.output.slice(0, 300) }) }, 'tool call');
    return result;
  }

  /** Feed transfer outcomes (AgentCall.onTransferOutcome) so a transfer tool can report how it went. */
  onTransferOutcome(o: TransferOutcome): void {
    this.pendingTransfer?.resolve(o);
    this.pendingTransfer = undefined;
  }

  private async exec(spec: ToolSpec, args: Record<string, unknown>): Promise<ToolResult> {
    switch (spec.type) {
      case 'end_call':
        return { ok: true, output: json({ ended: true }), endCall: true };
      case 'send_dtmf':
        return fail('sending keys is not supported on this call');
      case 'transfer':
        return this.transfer(spec.target ?? String(args.target ?? ''));
      case 'http':
        return this.http(spec, args);
      case 'knowledge_search':
        return this.knowledgeSearch(spec, String(args.query));
      case 'query_database':
        return this.queryDatabase(spec, String(args.sql));
    }
  }

  private async knowledgeSearch(spec: ToolSpec, query: string): Promise<ToolResult> {
    const data = this.o.data;
    if (!data) return fail('the knowledge base is not available on this call');
    const k = spec.knowledge!;
    const r = await askData('knowledge base', () => data.kbSearch({ query, topK: k.topK, collection: k.collection, agentConfigId: this.o.agentConfigId }, k.timeoutMs));
    if ('error' in r) return r.error;
    if (!r.reply.ok) return fail(`knowledge search failed: ${r.reply.errorMessage || r.reply.errorCode}`);
    const results = r.reply.hits.map((h) => ({ title: h.title ?? '', section: h.heading ?? '', text: h.text ?? '', score: Math.round((h.score ?? 0) * 1000) / 1000 }));
    return { ok: true, output: json(results.length ? { results } : { results, note: 'Nothing in the knowledge base matches. Do not guess: say you do not know, or ask the caller to rephrase.' }) };
  }

  private async queryDatabase(spec: ToolSpec, sql: string): Promise<ToolResult> {
    const data = this.o.data;
    if (!data) return fail('the database is not available on this call');
    const q = spec.sql!;
    const r = await askData('database', () => data.sqlQuery(sql, q.maxRows, q.timeoutMs));
    if ('error' in r) return r.error;
    // A refused or failed query comes back with the reason, so the model can fix its SQL and try again.
    if (!r.reply.ok) return fail(`query failed (${r.reply.errorCode})`, r.reply.errorMessage);
    let rows: unknown;
    try {
      rows = JSON.parse(r.reply.rowsJson || '[]');
    } catch {
      return fail('the database answered something unreadable');
    }
    return { ok: true, output: json({ columns: r.reply.columns, rows, rowCount: r.reply.rowCount, ...(r.reply.truncated ? { truncated: true, note: 'more rows exist: aggregate or filter' } : {}) }) };
  }

  private async transfer(target: string): Promise<ToolResult> {
    if (!this.o.out.transfer) return fail('transfers are not supported on this call');
    if (!isTransferTarget(target)) return fail('the target must be an E.164 number or a sip: URI');
    if (this.pendingTransfer) return fail('a transfer is already under way');
    const outcome = new Promise<TransferOutcome>((resolve) => (this.pendingTransfer = { resolve }));
    this.o.out.transfer(target);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<TransferOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ target, ok: false, errorCode: 'TRANSFER_TIMEOUT', errorMessage: 'no confirmation in time' }), this.o.transferTimeoutMs ?? 15_000);
    });
    const o = await Promise.race([outcome, timeout]);
    clearTimeout(timer);
    this.pendingTransfer = undefined;
    return o.ok ? { ok: true, output: json({ transferred: true, target }) } : fail(`transfer failed: ${o.errorCode ?? ''} ${o.errorMessage ?? ''}`.trim());
  }

  private async http(spec: ToolSpec, args: Record<string, unknown>): Promise<ToolResult> {
    const h = spec.http!;
    const secret = h.secretName ? this.o.secrets[h.secretName] : undefined;
    if (h.secretName && typeof secret !== 'string') return fail(`the secret ${h.secretName} is not set on the agent config`);
    const body = json({ tool: spec.name, arguments: args, callId: this.o.callId });
    const res = await callHttpTool({ url: h.url, body, secret: secret as string | undefined, timeoutMs: h.timeoutMs, maxResponseBytes: h.maxResponseBytes, allowPrivate: this.o.allowPrivateHttp });
    // JSON answers go to the model as they are; anything else is wrapped as text.
    let value: unknown = res.body;
    if (/\bjson\b/i.test(res.contentType)) {
      try {
        value = JSON.parse(res.body);
      } catch {
        value = res.body;
      }
    }
    if (res.status < 200 || res.status >= 300) return fail(`the tool answered HTTP ${res.status}`, value);
    return { ok: true, output: json({ result: value }) };
  }
}

/** A bus request's failures as results for the model: no answer in time, nobody serving, anything else. */
async function askData<T>(what: string, ask: () => Promise<T>): Promise<{ reply: T } | { error: ToolResult }> {
  try {
    return { reply: await ask() };
  } catch (err) {
    if (err instanceof BusTimeoutError) return { error: fail(`the ${what} did not answer in time`) };
    if (err instanceof BusNoRespondersError) return { error: fail(`the ${what} is not reachable right now`) };
    return { error: fail(`the ${what} failed: ${errorMessage(err).slice(0, 200)}`) };
  }
}
