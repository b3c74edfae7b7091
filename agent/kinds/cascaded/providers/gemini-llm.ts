// Google Gemini, streamed (official @google/genai SDK, generateContentStream over SSE): text parts as
// text, functionCall parts as tool calls (Gemini sends each call whole). Our conversation maps onto
// Gemini's contents: roles user/model, tool calls as functionCall parts, results as functionResponse
// parts in a user turn. Chunks are checked at the boundary. usageMetadata is cumulative: the last one
// seen is reported once the stream ends, however it ends.
import type { GoogleGenAI, Content, Part } from '@google/genai';
import type { ChatMessage, LlmEvent, LlmProvider, LlmRequest } from '../types.ts';
import { ProviderError } from '../provider-error.ts';
import { geminiUsage } from '../../../usage/provider-usage.ts';
import type { UsageDelta, UsageReporter } from '../../../usage/call-usage.ts';

export interface GeminiLlmOptions {
  client: GoogleGenAI;
  model: string;
  temperature: number | undefined;
  maxTokens: number;
  usage?: UsageReporter;
}

function parseArgs(args: string): Record<string, unknown> {
  try {
    const v = JSON.parse(args || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

function parseOutput(content: string): Record<string, unknown> {
  try {
    const v = JSON.parse(content);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : { output: v };
  } catch {
    return { output: content };
  }
}

export function toGeminiContents(messages: readonly ChatMessage[]): Content[] {
  const out: Content[] = [];
  const push = (role: 'user' | 'model', part: Part) => {
    const last = out.at(-1);
    if (last?.role === role) last.parts!.push(part);
    else out.push({ role, parts: [part] });
  };
  for (const m of messages) {
    if (m.role === 'user') push('user', { text: m.content });
    else if (m.role === 'tool') push('user', { functionResponse: { id: m.toolCallId, name: m.name, response: parseOutput(m.content) } });
    else {
      if (m.content) push('model', { text: m.content });
      for (const c of m.toolCalls ?? []) push('model', { functionCall: { id: c.id, name: c.name, args: parseArgs(c.arguments) } });
    }
  }
  if (out[0]?.role !== 'user') out.unshift({ role: 'user', parts: [{ text: '[call connected]' }] });
  return out;
}

const bad = (what: string) => new ProviderError('gemini', 'llm', 'LLM_BAD_EVENT', `Gemini stream: ${what}`);

export class GeminiLlm implements LlmProvider {
  readonly name = 'gemini';
  readonly model: string;
  constructor(private readonly o: GeminiLlmOptions) {
    this.model = o.model;
  }

  async *stream(req: LlmRequest): AsyncIterable<LlmEvent> {
    const stream = await this.o.client.models.generateContentStream({
      model: this.o.model,
      contents: toGeminiContents(req.messages),
      config: {
        systemInstruction: req.system,
        maxOutputTokens: this.o.maxTokens,
        abortSignal: req.signal,
        ...(this.o.temperature !== undefined ? { temperature: this.o.temperature } : {}),
        ...(req.tools.length > 0 ? { tools: [{ functionDeclarations: req.tools.map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.parameters })) }] } : {}),
      },
    });
    let usage: UsageDelta = { requests: 1 };
    try {
      yield* this.events(stream as AsyncIterable<unknown>, (u) => (usage = { requests: 1, ...u }));
    } finally {
      this.o.usage?.(usage);
    }
  }

  private async *events(stream: AsyncIterable<unknown>, onUsage: (u: UsageDelta) => void): AsyncIterable<LlmEvent> {
    let n = 0;
    for await (const chunk of stream) {
      if (!chunk || typeof chunk !== 'object') throw bad('a chunk that is not an object');
      const c = chunk as { candidates?: unknown; usageMetadata?: unknown };
      if (c.candidates !== undefined && !Array.isArray(c.candidates)) throw bad('candidates is not an array');
      const parts = (c.candidates as Array<{ content?: { parts?: unknown } }> | undefined)?.[0]?.content?.parts;
      if (parts !== undefined && !Array.isArray(parts)) throw bad('parts is not an array');
      for (const p of (parts ?? []) as Array<{ text?: unknown; thought?: unknown; functionCall?: { id?: unknown; name?: unknown; args?: unknown } }>) {
        if (p.thought === true) continue;
        if (typeof p.text === 'string') {
          if (p.text) yield { type: 'text', text: p.text };
        } else if (p.functionCall) {
          const f = p.functionCall;
          if (typeof f.name !== 'string' || f.name === '') throw bad('functionCall without a name');
          const args = f.args === undefined ? {} : f.args;
          if (typeof args !== 'object' || args === null || Array.isArray(args)) throw bad('functionCall args is not an object');
          yield { type: 'tool_call', call: { id: typeof f.id === 'string' && f.id ? f.id : `gemini_call_${++n}`, name: f.name, arguments: JSON.stringify(args) } };
        }
      }
      const u = c.usageMetadata === undefined ? undefined : geminiUsage(c.usageMetadata);
      if (u) onUsage(u);
    }
  }
}
