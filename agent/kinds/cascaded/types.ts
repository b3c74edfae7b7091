// The stage interfaces of the cascaded pipeline (VAD → endpointing → STT → LLM → sentences → TTS →
// audio out). Each provider is a small class behind one of these, so a stage can be swapped (or faked
// in the harness test) without touching the call logic.

/** The conversation as the pipeline keeps it; provider adapters turn it into their own formats. */
export type ChatMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text of the arguments, as the model wrote it. */
  arguments: string;
}

/** A tool as offered to the model. */
export interface ToolDeclaration {
  name: string;
  description: string;
  /** JSON Schema (type object). */
  parameters: Record<string, unknown>;
}

export interface LlmRequest {
  system: string;
  messages: readonly ChatMessage[];
  tools: readonly ToolDeclaration[];
  signal: AbortSignal;
}

export type LlmEvent = { type: 'text'; text: string } | { type: 'tool_call'; call: ToolCall };

// Providers report their usage (tokens, audio, characters) themselves, through a UsageReporter given
// at construction (agent/usage): once per request or stream, also when it is cut short.
export interface LlmProvider {
  readonly name: string;
  readonly model: string;
  /** Streams one model answer. Throws ProviderError (retryable or not). */
  stream(req: LlmRequest): AsyncIterable<LlmEvent>;
}

/** One utterance's recognition: audio in while the caller speaks, the final text at the endpoint. */
export interface SttUtterance {
  /** 16 kHz s16 caller audio; may be a reused view, copy it if kept. */
  push(pcm: Int16Array): void;
  /** The caller stopped: the final transcript ('' for no words). */
  finish(signal: AbortSignal): Promise<string>;
  cancel(): void;
}

export interface SttProvider {
  readonly name: string;
  /** Per-call connection (streaming providers); resolves when ready. */
  open?(signal: AbortSignal): Promise<void>;
  begin(): SttUtterance;
  close(): void;
}

export interface TtsProvider {
  readonly name: string;
  /** Rate of the PCM it yields. */
  readonly sampleRate: number;
  /** s16le mono chunks of any size (possibly split mid-sample). Throws ProviderError. */
  synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array>;
  /** The call ended: release what is held between sentences (a socket opened ahead). */
  close?(): void;
}

/** Tools of the call: declarations for the model and their execution. */
export interface ToolExecutor {
  readonly declarations: readonly ToolDeclaration[];
  /** Never throws: failures are results the model can talk about. */
  run(name: string, args: unknown): Promise<{ ok: boolean; output: string; endCall?: boolean }>;
  /** A send_dtmf tool: the pipeline plays its keys as tones into the call itself. */
  isSendDtmf(name: string): boolean;
}
