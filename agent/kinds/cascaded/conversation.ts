// The call's conversation as the LLM sees it. An assistant entry is written while its reply is being
// generated and rewritten when the caller cuts it off, so the model's memory holds what the caller
// actually heard, not what it meant to say.
import type { AgentTurn } from '../types.ts';
import type { ChatMessage, ToolCall } from './types.ts';

export type AssistantMessage = Extract<ChatMessage, { role: 'assistant' }>;

/** Most messages sent to the model; older ones are dropped (a tool result never without its call). */
const MAX_MESSAGES = 60;

export class Conversation {
  private readonly messages: ChatMessage[] = [];

  /** Restores a conversation from the final turns of a call taken over from another worker. */
  static fromTurns(turns: readonly AgentTurn[]): Conversation {
    const c = new Conversation();
    for (const t of turns) {
      if (t.role === 'user') c.addUser(t.text);
      else c.messages.push({ role: 'assistant', content: t.text });
    }
    return c;
  }

  addUser(text: string): void {
    const last = this.messages.at(-1);
    // Two user utterances in a row (the agent never answered the first) are one message.
    if (last?.role === 'user') last.content = `${last.content} ${text}`;
    else this.messages.push({ role: 'user', content: text });
  }

  /** A new assistant entry; the reply fills it as it goes. */
  addAssistant(content = ''): AssistantMessage {
    const m: AssistantMessage = { role: 'assistant', content };
    this.messages.push(m);
    return m;
  }

  setToolCalls(m: AssistantMessage, calls: ToolCall[]): void {
    if (calls.length > 0) m.toolCalls = calls;
  }

  addToolResult(call: ToolCall, content: string): void {
    this.messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content });
  }

  /** Drops an assistant entry that ended up with nothing said and no tool calls. */
  prune(m: AssistantMessage): void {
    if (m.content.trim() !== '' || m.toolCalls) return;
    const i = this.messages.lastIndexOf(m);
    if (i >= 0) this.messages.splice(i, 1);
  }

  /** What the model gets: the latest messages, starting at a user message. */
  window(): readonly ChatMessage[] {
    if (this.messages.length <= MAX_MESSAGES) return this.messages;
    let start = this.messages.length - MAX_MESSAGES;
    while (start < this.messages.length && this.messages[start].role !== 'user') start++;
    return this.messages.slice(start);
  }

  get length(): number {
    return this.messages.length;
  }
}
