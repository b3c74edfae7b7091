// Structured JSON logs (pino). Call-scoped loggers carry callId and tenantId on every line.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { pid: process.pid, ...bindings }, timestamp: pino.stdTimeFunctions.isoTime });
}

export function callLogger(parent: Logger, callId: string, tenantId: string, extra: Record<string, unknown> = {}): Logger {
  return parent.child({ callId, tenantId, ...extra });
}
