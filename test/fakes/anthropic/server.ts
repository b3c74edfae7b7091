// A local fake of Anthropic's Messages API, speaking its wire format (see /work/shared/PROTOCOLS.md):
//
//   POST /v1/messages   x-api-key (or Authorization: Bearer) and anthropic-version required; stream:true → SSE with `event:` names:
//                       message_start, content_block_start/delta/stop (text_delta, input_json_delta),
//                       ping, message_delta {stop_reason, usage}, message_stop; or an `error` event.
//                       Usage as the API reports it: input and cache counts at message_start (output 1),
//                       cumulative counts in message_delta.
//
// The request is checked the way the API checks it: max_tokens, alternating roles starting with the
// user, every tool_result answering a tool_use of the previous assistant turn.
import type { ServerResponse } from 'node:http';
import { HttpFake, deltas, fakeTokens, type Fault, type RecordedRequest } from '../http-fake.ts';

export interface MessagesReply {
  text?: string;
  toolUses?: Array<{ name: string; input: Record<string, unknown> }>;
  /** Send an `error` event (e.g. overloaded_error) after this many events instead of finishing. */
  errorAfter?: { events: number; type: string; message: string };
  /** Token counts reported (default: input estimated from the request, output from the reply; no cache). */
  usage?: { input_tokens: number; output_tokens: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number };
}


interface Block {
  type: string;
  text?: string;
  id?: string;
  tool_use_id?: string;
}

export interface MessagesBody {
  model: string;
  max_tokens: number;
  system?: unknown;
  messages: Array<{ role: string; content: string | Block[] }>;
  tools?: Array<{ name: string; input_schema: unknown }>;
  stream?: boolean;
}

let seq = 0;

export class FakeAnthropic extends HttpFake {
  readonly replies: Array<MessagesReply | ((b: MessagesBody) => MessagesReply)> = [];

  /** For `new Anthropic({ baseURL })`: no /v1 (the SDK adds it). */
  get baseUrl(): string {
    return this.origin;
  }

  get bodies(): MessagesBody[] {
    return this.requests.filter((r) => r.path.startsWith('/v1/messages')).map((r) => r.body as MessagesBody);
  }

  protected error(res: ServerResponse, status: number, message = `fake error ${status}`): void {
    const type = status === 401 ? 'authentication_error' : status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
    this.json(res, status, { type: 'error', error: { type, message } });
  }

  protected async handle(req: RecordedRequest, res: ServerResponse, fault: Fault): Promise<void> {
    if (req.method !== 'POST' || new URL(req.path, 'http://x').pathname !== '/v1/messages') return this.error(res, 404, 'not found');
    // The key comes as x-api-key (SDKs up to 0.x) or as a Bearer token (@anthropic-ai/sdk 1.x).
    if (!req.headers['x-api-key'] && !/^Bearer \S+/.test(req.headers.authorization ?? '')) return this.error(res, 401, 'x-api-key header is required');
    if (!req.headers['anthropic-version']) return this.error(res, 400, 'anthropic-version header is required');
    const b = req.body as MessagesBody | undefined;
    const problem = validate(b);
    if (problem) return this.error(res, 400, problem);
    const step = this.replies.shift() ?? ((x: MessagesBody): MessagesReply => ({ text: `You said: ${lastUserText(x)}` }));
    const reply: MessagesReply = typeof step === 'function' ? step(b!) : step;
    const ev = (name: string, data: Record<string, unknown>) => `event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`;
    const u = {
      input_tokens: reply.usage?.input_tokens ?? fakeTokens(JSON.stringify(b!.system ?? '') + JSON.stringify(b!.messages) + JSON.stringify(b!.tools ?? [])),
      cache_creation_input_tokens: reply.usage?.cache_creation_input_tokens ?? 0,
      cache_read_input_tokens: reply.usage?.cache_read_input_tokens ?? 0,
      output_tokens: reply.usage?.output_tokens ?? fakeTokens((reply.text ?? '') + (reply.toolUses ?? []).map((t) => t.name + JSON.stringify(t.input)).join('')),
    };
    const events = [ev('message_start', { message: { id: `msg_fake${++seq}`, type: 'message', role: 'assistant', model: b!.model, content: [], stop_reason: null, stop_sequence: null, usage: { ...u, output_tokens: 1, service_tier: 'standard' } } })];
    let index = 0;
    if (reply.text) {
      events.push(ev('content_block_start', { index, content_block: { type: 'text', text: '' } }), ev('ping', {}));
      for (const d of deltas(reply.text)) events.push(ev('content_block_delta', { index, delta: { type: 'text_delta', text: d } }));
      events.push(ev('content_block_stop', { index }));
      index++;
    }
    for (const t of reply.toolUses ?? []) {
      const json = JSON.stringify(t.input);
      events.push(ev('content_block_start', { index, content_block: { type: 'tool_use', id: `toolu_fake${++seq}`, name: t.name, input: {} } }));
      events.push(ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } }));
      for (let i = 0; i < json.length; i += 10) events.push(ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(i, i + 10) } }));
      events.push(ev('content_block_stop', { index }));
      index++;
    }
    events.push(ev('message_delta', { delta: { stop_reason: reply.toolUses?.length ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: u }));
    events.push(ev('message_stop', {}));
    if (reply.errorAfter) {
      events.splice(reply.errorAfter.events);
      events.push(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: reply.errorAfter.type, message: reply.errorAfter.message } })}\n\n`);
    }
    await this.sse(res, events, fault);
  }
}

function lastUserText(b: MessagesBody): string {
  const m = [...b.messages].reverse().find((x) => x.role === 'user');
  if (!m) return '';
  return typeof m.content === 'string' ? m.content : m.content.filter((c) => c.type === 'text').map((c) => c.text).join(' ');
}

function validate(b: MessagesBody | undefined): string | undefined {
  if (!b || typeof b.model !== 'string') return 'model: Field required';
  if (typeof b.max_tokens !== 'number') return 'max_tokens: Field required';
  if (b.stream !== true) return 'this fake only streams';
  if (!Array.isArray(b.messages) || b.messages.length === 0) return 'messages: at least one message is required';
  if (b.messages[0].role !== 'user') return 'messages: first message must use the "user" role';
  let toolUses = new Set<string>();
  for (let i = 0; i < b.messages.length; i++) {
    const m = b.messages[i];
    if (m.role !== 'user' && m.role !== 'assistant') return `messages.${i}.role: must be user or assistant`;
    if (i > 0 && b.messages[i - 1].role === m.role) return `messages: roles must alternate between "user" and "assistant"`;
    const blocks = typeof m.content === 'string' ? [] : m.content;
    if (m.role === 'user') for (const c of blocks) if (c.type === 'tool_result' && !toolUses.has(c.tool_use_id ?? '')) return `messages.${i}: unexpected tool_use_id in tool_result blocks`;
    toolUses = new Set(m.role === 'assistant' ? blocks.filter((c) => c.type === 'tool_use').map((c) => c.id ?? '') : []);
  }
  return undefined;
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  return new FakeAnthropic().start();
}
