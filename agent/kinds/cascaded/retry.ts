// Retries of provider calls, in one place for every provider: retryable errors are tried again with
// doubling backoff; a stream is only retried while it has produced nothing (once the caller may have
// heard part of an answer, repeating it would be worse than stopping).
import { isAbort, toProviderError, type ProviderError, type Stage } from './provider-error.ts';

export interface RetryOptions {
  provider: string;
  stage: Stage;
  /** Further attempts after the first. Default 2. */
  retries?: number;
  /** First backoff, doubling. Default 200 ms. */
  backoffMs?: number;
  signal: AbortSignal;
  onRetry?(err: ProviderError, attempt: number): void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(fn: () => Promise<T>, o: RetryOptions): Promise<T> {
  const retries = o.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (isAbort(err, o.signal)) throw err;
      const pe = toProviderError(err, o.provider, o.stage);
      if (!pe.retryable || attempt >= retries) throw pe;
      o.onRetry?.(pe, attempt + 1);
      await sleep((o.backoffMs ?? 200) * 2 ** attempt, o.signal);
    }
  }
}

export async function* retryStream<T>(make: () => AsyncIterable<T>, o: RetryOptions): AsyncGenerator<T> {
  const retries = o.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    let produced = false;
    try {
      for await (const item of make()) {
        produced = true;
        yield item;
      }
      return;
    } catch (err) {
      if (isAbort(err, o.signal)) throw err;
      const pe = toProviderError(err, o.provider, o.stage);
      if (produced || !pe.retryable || attempt >= retries) throw pe;
      o.onRetry?.(pe, attempt + 1);
      await sleep((o.backoffMs ?? 200) * 2 ** attempt, o.signal);
    }
  }
}
