// The Realtime WebSocket itself: connect (`Authorization: Bearer`, `?model=`), turn a refused handshake
// into a clear error (401 = bad key, not retried; 5xx/429/network = retryable), send JSON text frames,
// close. Only the wire: realtime-call.ts decides what the events mean. A raw `ws` client because the
// SDK's helper forces wss:, and tests use a local ws:// fake.
import WebSocket from 'ws';
import { UapError } from '../../../lib/errors.ts';

export const DEFAULT_REALTIME_URL = 'wss://api.openai.com/v1/realtime';

export class RealtimeError extends UapError {
  /** HTTP status of a refused handshake; undefined otherwise. */
  readonly status: number | undefined;
  constructor(code: string, message: string, opts: { retryable?: boolean; status?: number; cause?: unknown } = {}) {
    super(code, message, opts);
    this.status = opts.status;
  }
}

export interface SocketHandlers {
  /** One text frame (JSON, unparsed: events.ts checks it). */
  onText(text: string): void;
  /** A binary frame: not part of the protocol. */
  onBinary(bytes: number): void;
  /** The socket closed without us asking. */
  onLost(info: { code: number; reason: string }): void;
}

/** The realtime URL for a model: the base URL with `model` set in its query. */
export function realtimeUrl(base: string, model: string): string {
  const u = new URL(base);
  u.searchParams.set('model', model);
  return u.toString();
}

export class RealtimeSocket {
  private closing = false;
  private h: SocketHandlers | undefined;
  /** Frames (and a loss) that arrive before attach(): the first event can come with the handshake. */
  private early: Array<(h: SocketHandlers) => void> | undefined = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      if (isBinary) this.deliver((h) => h.onBinary(buf.length));
      else {
        const text = buf.toString('utf8');
        this.deliver((h) => h.onText(text));
      }
    });
    ws.on('close', (code, reason) => {
      if (this.closing) return;
      this.closing = true;
      const r = reason.toString();
      this.deliver((h) => h.onLost({ code, reason: r }));
    });
    ws.on('error', () => {}); // 'close' follows and reports it
  }

  /** Opens the socket; attach() handlers next (what arrives meanwhile is kept for them). */
  static connect(url: string, apiKey: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RealtimeSocket> {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      let settled = false;
      const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${apiKey}` }, perMessageDeflate: false, handshakeTimeout: timeoutMs, maxPayload: 16 * 1024 * 1024 });
      const fail = (err: RealtimeError) => {
        if (settled) return;
        settled = true;
        opts.signal?.removeEventListener('abort', onAbort);
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        reject(err);
      };
      const onAbort = () => fail(new RealtimeError('OPENAI_ABORTED', 'connecting to OpenAI Realtime was aborted'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      ws.once('unexpected-response', (_req, res) => {
        const status = res.statusCode ?? 0;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body.length < 2000 ? (body += c) : undefined));
        const done = () => fail(handshakeError(status, body));
        res.once('end', done);
        res.once('error', done);
        res.resume();
      });
      ws.once('error', (err) => {
        const timedOut = /timed out|timeout/i.test(err.message);
        fail(new RealtimeError(timedOut ? 'OPENAI_TIMEOUT' : 'OPENAI_UNREACHABLE', `OpenAI Realtime ${timedOut ? `did not answer within ${timeoutMs} ms` : `unreachable: ${err.message}`}`, { retryable: true, cause: err }));
      });
      ws.once('close', (code) => fail(new RealtimeError('OPENAI_UNREACHABLE', `OpenAI Realtime closed the socket (${code}) before it opened`, { retryable: true })));
      ws.once('open', () => {
        if (settled) return;
        settled = true;
        opts.signal?.removeEventListener('abort', onAbort);
        ws.removeAllListeners();
        resolve(new RealtimeSocket(ws));
      });
    });
  }

  attach(h: SocketHandlers): void {
    this.h = h;
    const early = this.early ?? [];
    this.early = undefined;
    for (const f of early) f(h);
  }

  private deliver(f: (h: SocketHandlers) => void): void {
    if (this.h) f(this.h);
    else this.early?.push(f);
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN && !this.closing;
  }

  /** A client event. */
  send(event: Record<string, unknown>): void {
    if (this.open) this.ws.send(JSON.stringify(event));
  }

  /** A pre-serialized client event (the audio hot path builds its JSON by hand). */
  sendText(json: string): void {
    if (this.open) this.ws.send(json);
  }

  /** Bytes queued in the socket, not yet written to the network. */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  close(code = 1000, reason = 'call ended'): void {
    if (this.closing) return;
    this.closing = true;
    if (this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(code, reason);
      // Don't wait forever for the close handshake.
      setTimeout(() => this.ws.terminate(), 2000).unref();
    } else this.ws.terminate();
  }
}

function handshakeError(status: number, body: string): RealtimeError {
  let detail = body.slice(0, 300);
  try {
    const j = JSON.parse(body) as { error?: { message?: string } };
    if (typeof j.error?.message === 'string') detail = j.error.message;
  } catch {
    // not JSON: keep the text
  }
  if (status === 401 || status === 403) return new RealtimeError('OPENAI_AUTH', `OpenAI rejected the API key (HTTP ${status}): ${detail}`, { status });
  const retryable = status >= 500 || status === 429;
  return new RealtimeError(retryable ? 'OPENAI_UNAVAILABLE' : 'OPENAI_BAD_REQUEST', `OpenAI Realtime refused the connection: HTTP ${status} ${detail}`, { retryable, status });
}
