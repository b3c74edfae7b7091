// One error hierarchy: a stable string code, whether a retry may help, and the cause.
export class UapError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, opts: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = opts.retryable ?? false;
  }
}

export class ConfigError extends UapError {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super('CONFIG_INVALID', `${variable}: ${message}`);
    this.variable = variable;
  }
}

export class BusTimeoutError extends UapError {
  constructor(subject: string, timeoutMs: number) {
    super('BUS_TIMEOUT', `no reply on ${subject} within ${timeoutMs} ms`, { retryable: true });
  }
}

export class BusNoRespondersError extends UapError {
  constructor(subject: string) {
    super('BUS_NO_RESPONDERS', `no responders on ${subject}`, { retryable: true });
  }
}

export class BusClosedError extends UapError {
  constructor() {
    super('BUS_CLOSED', 'the bus is closed');
  }
}

/** Bad input from outside the process (a peer, a webhook, a socket). */
export class ProtocolError extends UapError {
  constructor(code: string, message: string, opts: { cause?: unknown } = {}) {
    super(code, message, opts);
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
