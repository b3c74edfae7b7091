// OpenAI Chat Completions, streamed (official SDK): text deltas as they come, tool calls assembled
// from their indexed fragments and released when the stream ends. Chunks are checked at the boundary:
// a malformed one is a ProviderError, never a crash. Usage comes in the stream's last chunk
// (stream_options.include_usage) and is reported once the stream ends, however it ends.
import type OpenAI from 'openai';
import type { ChatMessage, LlmEvent, LlmProvider, LlmRequest } from '../types.ts';
import { ProviderError } from '../provider-error.ts';
import { openaiChatUsage } from '../../../usage/provider-usage.ts';
import type { UsageDelta, UsageReporter } from '../../../usage/call-usage.ts';

export interface OpenAiLlmOptions {
  client: OpenAI;
  model: string;
  temperature: number | undefined;
  maxTokens: number;
  usage?: UsageReporter;
}

type Msg = OpenAI.Chat.Completions.ChatCompletionMessageParam;

export function toOpenAiMessages(system: string, messages: readonly ChatMessage[]): Msg[] {
  const out: Msg[] = [{ role: 'system', content: system }];
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', content: m.content });
    else if (m.role === 'tool') out.push({ role: 'tool', tool_call_id: m.toolCallId, content: m.content });
    else if (m.toolCalls?.length) {
      out.push({ role: 'assistant', content: m.content || null, tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments || '{}' } })) });
    } else out.push({ role: 'assistant', content: m.content });
  }
  return out;
}

const bad = (what: string) => new ProviderError('openai', 'llm', 'LLM_BAD_EVENT', `OpenAI stream: ${what}`);

export class OpenAiLlm implements LlmProvider {
  readonly name = 'openai';
  readonly model: string;
  constructor(private readonly o: OpenAiLlmOptions) {
    this.model = o.model;
  }

  async *stream(req: LlmRequest): AsyncIterable<LlmEvent> {
    const stream = await this.o.client.chat.completions.create(
      {
        model: this.o.model,
        messages: toOpenAiMessages(req.system, req.messages),
        stream: true,
        stream_options: { include_usage: true },
        max_completion_tokens: this.o.maxTokens,
        ...(this.o.temperature !== undefined ? { temperature: this.o.temperature } : {}),
        ...(req.tools.length > 0 ? { tools: req.tools.map((t) => ({ type: 'function' as const, function: { name: t.name, description: t.description, parameters: t.parameters } })) } : {}),
      },
      { signal: req.signal },
    );
    let usage: UsageDelta = { requests: 1 };
    try {
      yield* this.events(stream as AsyncIterable<unknown>, (u) => (usage = { requests: 1, ...u }));
    } finally {
      this.o.usage?.(usage);
    }
  }

  private async *events(stream: AsyncIterable<unknown>, onUsage: (u: UsageDelta) => void): AsyncIterable<LlmEvent> {
    const calls: Array<{ id: string; name: string; args: string }> = [];
    for await (const chunk of stream) {
      if (!chunk || typeof chunk !== 'object') throw bad('a chunk that is not an object');
      const c = chunk as { choices?: unknown; usage?: unknown };
      const u = c.usage ? openaiChatUsage(c.usage) : undefined;
      if (u) onUsage(u);
      if (!Array.isArray(c.choices)) throw bad('no choices array');
      const delta = (c.choices[0] as { delta?: { content?: unknown; tool_calls?: unknown } } | undefined)?.delta;
      if (!delta) continue;
      if (delta.content !== undefined && delta.content !== null) {
        if (typeof delta.content !== 'string') throw bad('content is not a string');
        if (delta.content) yield { type: 'text', text: delta.content };
      }
      if (delta.tool_calls === undefined || delta.tool_calls === null) continue;
      if (!Array.isArray(delta.tool_calls)) throw bad('tool_calls is not an array');
      for (const tc of delta.tool_calls as Array<{ index?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } }>) {
        if (typeof tc?.index !== 'number' || tc.index < 0 || tc.index > 64) throw bad('tool call without a valid index');
        const call = (calls[tc.index] ??= { id: '', name: '', args: '' });
        if (typeof tc.id === 'string') call.id = tc.id;
        if (typeof tc.function?.name === 'string') call.name += tc.function.name;
        if (typeof tc.function?.arguments === 'string') call.args += tc.function.arguments;
      }
    }
    for (const [i, call] of calls.entries()) {
      if (!call) continue;
      if (!call.name) throw bad(`tool call ${i} has no name`);
      yield { type: 'tool_call', call: { id: call.id || `call_${i}`, name: call.name, arguments: call.args } };
    }
  }
}
