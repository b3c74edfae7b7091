// `ultravox`: the call's audio goes to an Ultravox call over its serverWebSocket medium (16 kHz PCM both
// ways). REST in client.ts, the socket in session.ts. See /work/shared/PROTOCOLS.md (Ultravox).
// Ultravox bills a call by its duration: usage is the time from joining its socket to the end.
import type { AgentKind, AgentCall, AgentCallContext, AgentResume } from '../types.ts';
import type { AudioFrameView } from '../../../proto/index.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { createUltravoxCall, UltravoxError, DEFAULT_ULTRAVOX_BASE_URL, type CreateCallBody } from './client.ts';
import { UltravoxSession, type UltravoxMessage } from './session.ts';
import { FrameAccumulator } from '../frames.ts';
import { toolRunnerFor, toUltravoxTools, type ToolSpec } from '../../tools/index.ts';

const RATE = 16000;
const END_CALL_MARK = 'ultravox-end-call';
const FRAME_SAMPLES = RATE / 50;
/** What Ultravox runs when the agent config names no model. */
const DEFAULT_ULTRAVOX_MODEL = 'fixie-ai/ultravox';

export interface UltravoxTranscript {
  callId: string;
  role: 'user' | 'agent';
  text: string;
  ordinal?: number;
}

export interface UltravoxKindOptions {
  apiKey?: string;
  /** Default https://api.ultravox.ai */
  baseUrl?: string;
  /** Per REST attempt and for the socket to open. Default 10 s. */
  timeoutMs?: number;
  /** Retries of retryable create-call failures. Default 2. */
  retries?: number;
  /** First retry backoff, doubling. Default 250 ms. */
  backoffMs?: number;
  /** Let http tools reach private addresses (TOOL_HTTP_ALLOW_PRIVATE). */
  allowPrivateHttp?: boolean;
  /** Final transcripts (also logged). */
  onTranscript?: (t: UltravoxTranscript) => void;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function ultravoxKind(opts: UltravoxKindOptions = {}): AgentKind {
  return {
    name: 'ultravox',
    outputRate: RATE,
    create: (ctx) => startUltravoxCall(ctx, opts),
  };
}

/**
 * The create-call body for an agent config (settings are flattened: prompt, voice, tools, …). A call
 * taken over from a dead worker starts from the conversation so far, and the agent speaks first to
 * pick it up instead of greeting again.
 */
export function buildCreateCallBody(s: Record<string, unknown>, resume?: AgentResume, tools: ToolSpec[] = []): CreateCallBody {
  const body: CreateCallBody = {
    systemPrompt: str(s.prompt) ?? str(s.systemPrompt) ?? 'You are a helpful voice assistant.',
    medium: { serverWebSocket: { inputSampleRate: RATE, outputSampleRate: RATE, clientBufferSizeMs: 60 } },
    firstSpeakerSettings: s.firstSpeaker === 'user' ? { user: {} } : { agent: str(s.greeting) ? { text: str(s.greeting) } : {} },
  };
  const voice = str(s.voice);
  if (voice) body.voice = voice;
  const model = str(s.model);
  if (model) body.model = model;
  if (typeof s.temperature === 'number') body.temperature = s.temperature;
  const maxDuration = str(s.maxDuration);
  if (maxDuration) body.maxDuration = maxDuration;
  // Ultravox's own tools by name (settings.selectedTools) plus the agent config's tools as client tools.
  const selected = [...(Array.isArray(s.selectedTools) ? s.selectedTools : []), ...toUltravoxTools(tools)];
  if (selected.length > 0) body.selectedTools = selected;
  if (resume) {
    body.initialMessages = resume.history.map((t) => ({ role: t.role === 'user' ? 'MESSAGE_ROLE_USER' : 'MESSAGE_ROLE_AGENT', text: t.text }));
    body.firstSpeakerSettings = { agent: {} };
  }
  return body;
}

async function startUltravoxCall(ctx: AgentCallContext, opts: UltravoxKindOptions): Promise<AgentCall> {
  const secrets = (ctx.settings.secrets ?? {}) as Record<string, unknown>;
  const apiKey = str(secrets.ULTRAVOX_API_KEY) ?? str(ctx.settings.apiKey) ?? str(opts.apiKey);
  if (!apiKey) throw new UltravoxError('ULTRAVOX_NO_API_KEY', 'no Ultravox API key: set the ULTRAVOX_API_KEY secret on the agent config');
  if (ctx.inputRate !== RATE) ctx.log.warn({ inputRate: ctx.inputRate }, 'caller audio is not 16 kHz; Ultravox expects 16 kHz');

  const tools = toolRunnerFor(ctx, { allowPrivateHttp: opts.allowPrivateHttp });
  const created = await createUltravoxCall(buildCreateCallBody(ctx.settings, ctx.resume, tools.tools), {
    apiKey,
    baseUrl: opts.baseUrl ?? DEFAULT_ULTRAVOX_BASE_URL,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    backoffMs: opts.backoffMs,
  });
  const log = ctx.log.child({ ultravoxCallId: created.callId });
  log.info('Ultravox call created');

  let ended = false;
  let joinedAt = 0;
  /** Once, at whichever end comes first (ours or Ultravox's). */
  const reportDuration = () => {
    if (joinedAt === 0) return;
    ctx.usage?.('call', 'ultravox', str(ctx.settings.model) ?? DEFAULT_ULTRAVOX_MODEL, { requests: 1, durationMs: performance.now() - joinedAt });
    joinedAt = 0;
  };
  const frames = new FrameAccumulator(FRAME_SAMPLES, (f) => ctx.out.sendAudio(f));
  const session = await UltravoxSession.connect(
    created.joinUrl,
    {
      onAudio: (bytes) => {
        if (!ended) frames.push(bytes);
      },
      onMessage: (m) => onMessage(m),
      onLost: ({ code, reason }) => {
        if (ended) return;
        ended = true;
        reportDuration();
        frames.flush();
        if (code === 1000) {
          log.info({ code, reason }, 'Ultravox ended the call; hanging up');
          ctx.out.hangup('agent ended the call');
        } else {
          log.warn({ code, reason }, 'Ultravox connection lost; hanging up');
          ctx.out.hangup('agent connection lost');
        }
      },
    },
    { timeoutMs: opts.timeoutMs },
  );
  joinedAt = performance.now();

  function onMessage(m: UltravoxMessage): void {
    switch (m.type) {
      case 'playback_clear_buffer':
        frames.reset();
        ctx.out.clear();
        break;
      case 'state':
        if (m.state !== 'speaking') frames.flush();
        log.debug({ state: m.state }, 'Ultravox state');
        break;
      case 'transcript':
        if (m.final === true && (m.role === 'user' || m.role === 'agent')) {
          const text = str(m.text) ?? '';
          log.info({ role: m.role, text }, 'transcript');
          ctx.transcript?.({ role: m.role, text });
          opts.onTranscript?.({ callId: ctx.callId, role: m.role, text, ordinal: typeof m.ordinal === 'number' ? m.ordinal : undefined });
        }
        break;
      case 'call_started':
        log.debug('Ultravox call started');
        break;
      case 'client_tool_invocation':
        void runTool(m);
        break;
      default:
        break;
    }
  }

  /** A client tool the model called: run it, answer with its result; end_call hangs up once played. */
  async function runTool(m: UltravoxMessage): Promise<void> {
    const invocationId = str(m.invocationId) ?? '';
    const r = await tools.run(str(m.toolName) ?? '', m.parameters ?? {});
    if (ended) return;
    session.send({ type: 'client_tool_result', invocationId, result: r.output, responseType: 'tool-response', ...(r.endCall ? { agentReaction: 'listens' } : {}) });
    if (r.endCall) {
      // Everything the agent has said so far plays out, then the call ends.
      ctx.out.mark(END_CALL_MARK);
    }
  }

  return {
    onMarkPlayed(name: string) {
      if (name === END_CALL_MARK && !ended) ctx.out.hangup('agent ended the call');
    },
    onTransferOutcome: (o) => tools.onTransferOutcome(o),
    onAudio(frame: AudioFrameView) {
      if (!ended) session.sendAudio(frame.pcm);
    },
    onDtmf(digit: string) {
      if (!ended) session.send({ type: 'user_text_message', text: `The caller pressed ${digit}`, urgency: 'immediate' });
    },
    onEnd(reason: string) {
      if (ended) return;
      ended = true;
      reportDuration();
      try {
        session.hangUp(reason);
      } catch (err) {
        log.warn({ err: errorMessage(err) }, 'closing the Ultravox socket failed');
      }
      log.info({ reason }, 'Ultravox call ended');
    },
  };
}
