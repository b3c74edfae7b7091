// Anthropic Messages, streamed (official SDK): text_delta events as text, tool_use blocks assembled
// from input_json_delta fragments and released at content_block_stop. Our conversation maps onto
// Anthropic's rules: the system prompt is a parameter, turns alternate starting with the user, tool
// results are user turns of tool_result blocks. Events are checked at the boundary. Usage (input at
// message_start, cumulative counts in message_delta) is reported once the stream ends, however it ends.
import type Anthropic from '@anthropic-ai/sdk';
import type { ChatMessage, LlmEvent, LlmProvider, LlmRequest } from '../types.ts';
import { ProviderError } from '../provider-error.ts';
import { AnthropicUsage } from '../../../usage/provider-usage.ts';
import type { UsageReporter } from '../../../usage/call-usage.ts';

export interface AnthropicLlmOptions {
  client: Anthropic;
  model: string;
  temperature: number | undefined;
  maxTokens: number;
  usage?: UsageReporter;
}

type Block = Anthropic.Messages.ContentBlockParam;
type Turn = { role: 'user' | 'assistant'; content: Block[] };

function parseInput(args: string): Record<string, unknown> {
  try {
    const v = JSON.parse(args || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

export function toAnthropicMessages(messages: readonly ChatMessage[]): Turn[] {
  const out: Turn[] = [];
  const push = (role: Turn['role'], block: Block) => {
    const last = out.at(-1);
    if (last?.role === role) last.content.push(block);
    else out.push({ role, content: [block] });
  };
  for (const m of messages) {
    if (m.role === 'user') push('user', { type: 'text', text: m.content });
    else if (m.role === 'tool') push('user', { type: 'tool_result', tool_use_id: m.toolCallId, content: m.content });
    else {
      if (m.content) push('assistant', { type: 'text', text: m.content });
      for (const c of m.toolCalls ?? []) push('assistant', { type: 'tool_use', id: c.id, name: c.name, input: parseInput(c.arguments) });
    }
  }
  // The conversation must open with the caller (the greeting came first on the phone).
  if (out[0]?.role !== 'user') out.unshift({ role: 'user', content: [{ type: 'text', text: '[call connected]' }] });
  return out;
}

const bad = (what: string) => new ProviderError('anthropic', 'llm', 'LLM_BAD_EVENT', `Anthropic stream: ${what}`);

export class AnthropicLlm implements LlmProvider {
  readonly name = 'anthropic';
  readonly model: string;
  constructor(private readonly o: AnthropicLlmOptions) {
    this.model = o.model;
  }

  async *stream(req: LlmRequest): AsyncIterable<LlmEvent> {
    const stream = await this.o.client.messages.create(
      {
        model: this.o.model,
        system: req.system,
        messages: toAnthropicMessages(req.messages),
        max_tokens: this.o.maxTokens,
        stream: true,
        ...(this.o.temperature !== undefined ? { temperature: this.o.temperature } : {}),
        ...(req.tools.length > 0 ? { tools: req.tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters as Anthropic.Messages.Tool.InputSchema })) } : {}),
      },
      { signal: req.signal },
    );
    const usage = new AnthropicUsage();
    try {
      yield* this.events(stream as AsyncIterable<unknown>, usage);
    } finally {
      this.o.usage?.({ requests: 1, ...usage.delta });
    }
  }

  private async *events(stream: AsyncIterable<unknown>, usage: AnthropicUsage): AsyncIterable<LlmEvent> {
    const tools = new Map<number, { id: string; name: string; json: string }>();
    for await (const ev of stream) {
      if (!ev || typeof ev !== 'object' || typeof (ev as { type?: unknown }).type !== 'string') throw bad('an event without a type');
      const e = ev as { type: string; index?: unknown; content_block?: { type?: unknown; id?: unknown; name?: unknown }; delta?: { type?: unknown; text?: unknown; partial_json?: unknown }; message?: { usage?: unknown }; usage?: unknown };
      switch (e.type) {
        case 'message_start':
          usage.update(e.message?.usage);
          break;
        case 'content_block_start':
          if (typeof e.index !== 'number') throw bad('content_block_start without an index');
          if (e.content_block?.type === 'tool_use') {
            if (typeof e.content_block.id !== 'string' || typeof e.content_block.name !== 'string') throw bad('tool_use without id or name');
            tools.set(e.index, { id: e.content_block.id, name: e.content_block.name, json: '' });
          }
          break;
        case 'content_block_delta':
          if (typeof e.index !== 'number' || !e.delta) throw bad('content_block_delta without index or delta');
          if (e.delta.type === 'text_delta') {
            if (typeof e.delta.text !== 'string') throw bad('text_delta without text');
            if (e.delta.text) yield { type: 'text', text: e.delta.text };
          } else if (e.delta.type === 'input_json_delta') {
            const t = tools.get(e.index);
            if (!t || typeof e.delta.partial_json !== 'string') throw bad('input_json_delta outside a tool_use block');
            t.json += e.delta.partial_json;
          }
          break;
        case 'content_block_stop': {
          const t = typeof e.index === 'number' ? tools.get(e.index) : undefined;
          if (t) {
            tools.delete(e.index as number);
            yield { type: 'tool_call', call: { id: t.id, name: t.name, arguments: t.json || '{}' } };
          }
          break;
        }
        case 'message_delta':
          usage.update(e.usage);
          break;
        default:
          break; // message_stop, and event types added later
      }
    }
  }
}
