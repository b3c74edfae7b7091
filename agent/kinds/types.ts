// The agent kind interface: each kind (offline, echo, and later ultravox, openai-realtime, cascaded)
// turns a call's audio and events into audio and control for the media core.
import type { Logger } from '../../lib/logger.ts';
import type { AudioFrameView } from '../../proto/index.ts';
import type { UsageSink } from '../usage/call-usage.ts';
import type { Summarizer } from '../summary/summarize.ts';
import type { DataTools } from '../tools/data-tools.ts';

/** What an agent can do to its call. Audio is PCM s16le mono at `outputRate`. */
export interface AgentOutput {
  readonly outputRate: number;
  /** Queues audio for the caller; cut into 20 ms frames (the last one padded with silence). */
  sendAudio(pcm: Int16Array, originTs?: number): void;
  /** A mark that comes back as onMarkPlayed when the audio sent before it has played. */
  mark(name: string): void;
  /** Barge-in: drop audio not yet played. */
  clear(): void;
  hangup(reason: string): void;
  /** Hands the caller on to an E.164 number or sip: URI; the outcome comes back as onTransferOutcome. */
  transfer?(target: string): void;
}

export interface TransferOutcome {
  target: string;
  ok: boolean;
  errorCode?: string;
  errorMessage?: string;
}

/** One turn of the conversation. */
export interface AgentTurn {
  role: 'user' | 'agent';
  text: string;
  /** The agent was cut off by the caller; `text` is what was heard. */
  interrupted?: boolean;
  /** Call-relative times, when the kind knows them. */
  startMs?: number;
  endMs?: number;
  /** An agent answer's latency by stage, in ms (kinds that measure it: cascaded). */
  latency?: { endpointingMs?: number; sttMs?: number; llmFirstTokenMs?: number; ttsFirstByteMs?: number; firstAudioMs?: number };
}

/** A finished recording of the call's audio (PCM s16 mono chunks, in order). */
export interface RecordingInput {
  kind: 'voicemail';
  chunks: readonly Int16Array[];
  sampleRate: number;
}

export interface SavedRecording {
  /** Path under RECORDINGS_DIR once the control API has it. */
  name: string;
  durationMs: number;
  bytes: number;
}

export type HandoffResult = { ok: true; agentKind: string } | { ok: false; errorCode: string; errorMessage: string };

/** Set when the call was re-dispatched because the worker that had it died. */
export interface AgentResume {
  /** 1 for the first re-dispatch. */
  attempt: number;
  /** Final turns so far, oldest first (may be empty). */
  history: AgentTurn[];
}

export interface AgentCallContext {
  callId: string;
  tenantId: string;
  from: string;
  to: string;
  /** Rate of the caller frames the media core publishes. */
  inputRate: number;
  /**
   * The caller leg's own rate (Twilio and G.711: 8000) when below inputRate: the frames hold nothing
   * above half of it, so work such as VAD can run at this rate. Absent: inputRate.
   */
  sourceRate?: number;
  /** Agent settings from routing / agent config. */
  settings: Record<string, unknown>;
  log: Logger;
  out: AgentOutput;
  /** Present when this worker takes over a live call from a dead one: carry on, do not greet again. */
  resume?: AgentResume;
  /** Publishes a final transcript turn as a call event (history, live transcript, re-dispatch). */
  transcript?(turn: AgentTurn): void;
  /** Counts a tool call (metrics). */
  onToolCall?(name: string, type: string, outcome: string, ms: number): void;
  /** Provider usage of the call (summed and published as Usage call events by the worker). */
  usage?: UsageSink;
  /** The agent config this call runs (knowledge_search also finds the documents scoped to it). */
  agentConfigId?: string;
  /** The tenant's knowledge base and call data (kb.search, sql.query), bound to this call's tenant. */
  data?: DataTools;
  /**
   * Stores a finished recording durably where the control API can serve it, and records it on the call.
   * Rejects when it could not be stored.
   */
  saveRecording?(r: RecordingInput): Promise<SavedRecording>;
  /**
   * Hands the call to another agent configuration (any kind) on this worker: on success the new agent
   * has started (and greets), and this call has been ended (onEnd); on failure this call carries on.
   */
  handoff?(agentConfigId: string): Promise<HandoffResult>;
}

export interface AgentCall {
  /** Caller audio: one frame; `frame.pcm` is a view valid only during the call. */
  onAudio(frame: AudioFrameView): void;
  onDtmf?(digit: string): void;
  onMarkPlayed?(name: string, cleared: boolean): void;
  /** What became of a transfer this call asked for (out.transfer). */
  onTransferOutcome?(outcome: TransferOutcome): void;
  /** The call ended (any reason). Release everything. */
  onEnd(reason: string): void;
  /**
   * Kinds with an LLM: summarizes the final transcript. The worker calls it after onEnd, only for calls
   * with a caller turn, and bounds it with `signal`.
   */
  summarize?: Summarizer;
}

export interface AgentKind {
  readonly name: string;
  /** Output rate this kind produces (the media core resamples to the caller's rate). */
  readonly outputRate: number;
  create(ctx: AgentCallContext): AgentCall | Promise<AgentCall>;
}
