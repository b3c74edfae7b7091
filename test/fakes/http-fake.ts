// Shared plumbing of the provider fakes: an HTTP server on a free loopback port, body reading, SSE
// writing with optional pacing, and scripted failures (status, latency, a connection cut mid-stream).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  /** Answer with this HTTP status and the provider's error body. */
  status?: number;
  /** Wait this long before answering. */
  latencyMs?: number;
  /** Cut the connection after this many stream events (0 = before any). */
  disconnectAfter?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  raw: Buffer;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export abstract class HttpFake {
  readonly requests: RecordedRequest[] = [];
  /** Faults for the next requests, in order (one per request). */
  readonly faults: Fault[] = [];
  /** Latency added to every request (ms) and between stream events. */
  latencyMs = 0;
  eventDelayMs = 0;
  port = 0;
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        let body: unknown = undefined;
        if (/json/.test(req.headers['content-type'] ?? '')) {
          try {
            body = JSON.parse(raw.toString());
          } catch {
            body = undefined;
          }
        }
        const rec: RecordedRequest = { method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body, raw };
        this.requests.push(rec);
        void this.dispatch(rec, res).catch((err: Error) => {
          if (!res.headersSent) this.json(res, 500, { error: { message: err.message } });
          else res.destroy();
        });
      });
    });
  }

  private async dispatch(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const fault = this.faults.shift() ?? {};
    const wait = (fault.latencyMs ?? 0) + this.latencyMs;
    if (wait > 0) await sleep(wait);
    if (fault.status) return this.error(res, fault.status);
    await this.handle(req, res, fault);
  }

  protected abstract handle(req: RecordedRequest, res: ServerResponse, fault: Fault): Promise<void>;
  /** The provider's error body for `status`. */
  protected abstract error(res: ServerResponse, status: number, message?: string): void;

  protected json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  /** Writes SSE events (already formatted) with pacing; honours disconnectAfter. */
  protected async sse(res: ServerResponse, events: string[], fault: Fault): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    for (let i = 0; i < events.length; i++) {
      if (fault.disconnectAfter !== undefined && i >= fault.disconnectAfter) {
        res.socket?.destroy();
        return;
      }
      if (this.eventDelayMs > 0 && i > 0) await sleep(this.eventDelayMs);
      if (res.destroyed) return;
      res.write(events[i]);
    }
    res.end();
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  async waitFor(cond: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error('fake: condition not met in time');
      await sleep(10);
    }
  }
}

/** Splits text into word-sized deltas the way streaming models emit them. */
export const deltas = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? [];

/** The fakes' token count for a text: one per 4 characters, rounded up (deterministic, a tokenizer's order of magnitude). */
export const fakeTokens = (text: string): number => Math.ceil(text.length / 4);
