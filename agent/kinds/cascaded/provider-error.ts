// One error type for every provider call of the pipeline, with `retryable` decided once from what
// failed (HTTP status, connection, timeout), so the retry loop and the apology logic never look at
// SDK-specific classes.
import { UapError } from '../../../lib/errors.ts';

export type Stage = 'stt' | 'llm' | 'tts';

export class ProviderError extends UapError {
  constructor(
    readonly provider: string,
    readonly stage: Stage,
    code: string,
    message: string,
    opts: { retryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(code, message, opts);
    this.status = opts.status;
  }
  readonly status: number | undefined;
}

/** Timeouts, conflicts, rate limits and server errors may pass; other 4xx will not. */
export const retryableStatus = (status: number): boolean => status === 408 || status === 409 || status === 429 || status >= 500;

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'APIUserAbortError';
}

/** Any failure of a provider call (SDK error, fetch error, our own validation) as a ProviderError. */
export function toProviderError(err: unknown, provider: string, stage: Stage): ProviderError {
  if (err instanceof ProviderError) return err;
  const e = err as { status?: unknown; message?: unknown; name?: unknown; code?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message.slice(0, 300) : String(err).slice(0, 300);
  if (typeof e?.status === 'number' && e.status > 0) {
    return new ProviderError(provider, stage, `${stage.toUpperCase()}_HTTP_${e.status}`, `${provider} ${stage}: HTTP ${e.status}: ${message}`, { status: e.status, retryable: retryableStatus(e.status), cause: err });
  }
  // No status: the request never got an answer (connection refused or reset, timeout, stream cut).
  return new ProviderError(provider, stage, `${stage.toUpperCase()}_CONNECTION`, `${provider} ${stage}: ${message}`, { retryable: true, cause: err });
}
