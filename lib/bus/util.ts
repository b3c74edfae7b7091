// Small helpers shared by both bus implementations.

/** The error a request rejects with when its signal fires (name 'AbortError', like fetch). */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('request aborted', 'AbortError');
}

export type ErrorSink = (err: unknown, subject: string) => void;

/** String-only so both console and pino loggers fit. */
export interface BusLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}
