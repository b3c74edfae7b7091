// Small helpers shared by both bus implementations.

/** A real copy (Buffer#slice returns a view, so `.slice()` is not enough for Buffers). */
export function copyBytes(data: Uint8Array): Uint8Array {
  // Buffer's pool (8-byte aligned slabs) is much cheaper than a fresh ArrayBuffer per message.
  const c = Buffer.allocUnsafe(data.byteLength);
  c.set(data);
  return c;
}

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
