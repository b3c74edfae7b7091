// Ultravox REST: create a call (POST /api/calls) with a serverWebSocket medium. No SDK exists on npm, so
// this is plain fetch with a per-attempt timeout and retries for what a retry can fix (5xx, 429, network).
import { UapError } from '../../../lib/errors.ts';

export const DEFAULT_ULTRAVOX_BASE_URL = 'https://api.ultravox.ai';

export class UltravoxError extends UapError {
  /** HTTP status when the API answered; undefined for network errors and timeouts. */
  readonly status: number | undefined;
  constructor(code: string, message: string, opts: { retryable?: boolean; status?: number; cause?: unknown } = {}) {
    super(code, message, opts);
    this.status = opts.status;
  }
}

export interface CreateCallBody {
  systemPrompt?: string;
  model?: string;
  voice?: string;
  temperature?: number;
  joinTimeout?: string;
  maxDuration?: string;
  recordingEnabled?: boolean;
  metadata?: Record<string, string>;
  firstSpeakerSettings?: { agent?: { text?: string }; user?: Record<string, never> };
  selectedTools?: unknown[];
  /** Conversation to start from (a call taken over from a worker that died). */
  initialMessages?: { role: 'MESSAGE_ROLE_USER' | 'MESSAGE_ROLE_AGENT'; text: string }[];
  medium: { serverWebSocket: { inputSampleRate: number; outputSampleRate?: number; clientBufferSizeMs?: number } };
  [extra: string]: unknown;
}

export interface CreatedCall {
  callId: string;
  joinUrl: string;
  created?: string;
}

export interface CreateCallOptions {
  apiKey: string;
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after the first for retryable failures. */
  retries?: number;
  /** First backoff; doubles each retry. */
  backoffMs?: number;
  /** Aborts the whole operation (e.g. the call ended meanwhile). */
  signal?: AbortSignal;
}

export async function createUltravoxCall(body: CreateCallBody, o: CreateCallOptions): Promise<CreatedCall> {
  const retries = o.retries ?? 2;
  let backoff = o.backoffMs ?? 250;
  for (let attempt = 0; ; attempt++) {
    try {
      return await createOnce(body, o);
    } catch (err) {
      const retryable = err instanceof UltravoxError && err.retryable;
      if (!retryable || attempt >= retries || o.signal?.aborted) throw err;
      await sleep(backoff, o.signal);
      backoff *= 2;
    }
  }
}

async function createOnce(body: CreateCallBody, o: CreateCallOptions): Promise<CreatedCall> {
  const url = `${(o.baseUrl ?? DEFAULT_ULTRAVOX_BASE_URL).replace(/\/+$/, '')}/api/calls`;
  const timeout = AbortSignal.timeout(o.timeoutMs ?? 10_000);
  const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'X-API-Key': o.apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (o.signal?.aborted) throw new UltravoxError('ULTRAVOX_ABORTED', 'Ultravox call creation aborted', { cause: err });
    if (timeout.aborted) throw new UltravoxError('ULTRAVOX_TIMEOUT', `Ultravox did not answer within ${o.timeoutMs ?? 10_000} ms`, { retryable: true, cause: err });
    throw new UltravoxError('ULTRAVOX_UNREACHABLE', `Ultravox unreachable: ${(err as Error).message}`, { retryable: true, cause: err });
  }
  const text = await res.text().catch(() => '');
  if (res.status === 401 || res.status === 403) {
    throw new UltravoxError('ULTRAVOX_AUTH', `Ultravox rejected the API key (HTTP ${res.status})`, { status: res.status });
  }
  if (!res.ok) {
    const retryable = res.status >= 500 || res.status === 429;
    throw new UltravoxError(retryable ? 'ULTRAVOX_UNAVAILABLE' : 'ULTRAVOX_BAD_REQUEST', `Ultravox call creation failed: HTTP ${res.status} ${text.slice(0, 300)}`, { retryable, status: res.status });
  }
  let json: Partial<CreatedCall>;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UltravoxError('ULTRAVOX_BAD_REPLY', 'Ultravox replied with invalid JSON', { status: res.status, cause: err });
  }
  if (typeof json.callId !== 'string' || typeof json.joinUrl !== 'string') {
    throw new UltravoxError('ULTRAVOX_BAD_REPLY', 'Ultravox reply lacks callId or joinUrl', { status: res.status });
  }
  return { callId: json.callId, joinUrl: json.joinUrl, created: json.created };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
