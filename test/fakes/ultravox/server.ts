// A local fake of Ultravox speaking its wire protocol (see /work/shared/PROTOCOLS.md, Ultravox):
//
//   POST /api/calls            X-API-Key required (401 otherwise); JSON body validated (medium.serverWebSocket
//                              .inputSampleRate required); 201 {callId, joinUrl, created}
//   GET  /calls/<id>/join      WebSocket: binary = raw PCM s16le both ways; text = JSON messages.
//
// On join it sends `call_started` and `state {listening}`; it answers `ping` with `pong` and records every
// message and all audio it receives. Tests drive it: speak(), interrupt(), sendTranscript(), close(),
// drop(), failNext() (answer the next create-call requests with an HTTP status).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeUltravoxCall {
  callId: string;
  apiKey: string;
  body: Record<string, unknown>;
  ws: WebSocket | undefined;
  /** All caller audio received, concatenated. */
  audio: Buffer[];
  /** JSON messages received from the client. */
  messages: Array<{ type: string; [k: string]: unknown }>;
  closed: boolean;
  closeCode: number | undefined;
}

export interface FakeUltravoxRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  status: number;
}

export class FakeUltravox {
  readonly calls = new Map<string, FakeUltravoxCall>();
  readonly requests: FakeUltravoxRequest[] = [];
  /** Accepted API keys; empty = any non-empty key. */
  readonly apiKeys = new Set<string>();
  private readonly failures: number[] = [];
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly waiters: Array<() => void> = [];
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const m = /^\/calls\/([^/]+)\/join$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const call = m ? this.calls.get(m[1]) : undefined;
      if (!call || call.ws) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onJoin(call, ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get lastCall(): FakeUltravoxCall | undefined {
    return [...this.calls.values()].at(-1);
  }

  /** The next create-call requests fail with these statuses, in order. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const apiKey = typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined;
    const reply = (status: number, body: unknown) => {
      this.requests.push({ method: req.method ?? '', path, apiKey, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || path !== '/api/calls') return reply(404, { detail: 'Not found.' });
    if (!apiKey || (this.apiKeys.size > 0 && !this.apiKeys.has(apiKey))) return reply(401, { detail: 'Invalid API key.' });
    const fail = this.failures.shift();
    if (fail !== undefined) return reply(fail, { detail: 'Simulated failure.' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(400, { detail: 'Invalid JSON.' });
    }
    const sws = (body.medium as { serverWebSocket?: Record<string, unknown> } | undefined)?.serverWebSocket;
    if (!sws || typeof sws.inputSampleRate !== 'number' || sws.inputSampleRate <= 0) {
      return reply(400, { medium: ['serverWebSocket.inputSampleRate is required'] });
    }
    if (sws.outputSampleRate !== undefined && typeof sws.outputSampleRate !== 'number') return reply(400, { medium: ['outputSampleRate must be a number'] });
    const callId = randomUUID();
    this.calls.set(callId, { callId, apiKey, body, ws: undefined, audio: [], messages: [], closed: false, closeCode: undefined });
    reply(201, { callId, joinUrl: `ws://127.0.0.1:${this.port}/calls/${callId}/join`, created: new Date().toISOString(), systemPrompt: body.systemPrompt });
  }

  private onJoin(call: FakeUltravoxCall, ws: WebSocket): void {
    call.ws = ws;
    ws.on('message', (data, isBinary) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      if (isBinary) call.audio.push(buf);
      else {
        let msg: { type: string; [k: string]: unknown };
        try {
          msg = JSON.parse(buf.toString('utf8'));
        } catch {
          return;
        }
        call.messages.push(msg);
        if (msg.type === 'ping') this.send(call.callId, { type: 'pong', timestamp: msg.timestamp });
        if (msg.type === 'hang_up') ws.close(1000, 'hang up');
      }
      this.wake();
    });
    ws.on('close', (code) => {
      call.closed = true;
      call.closeCode = code;
      this.wake();
    });
    this.send(call.callId, { type: 'call_started', callId: call.callId });
    this.send(call.callId, { type: 'state', state: 'listening' });
    this.wake();
  }

  private call(callId: string): FakeUltravoxCall {
    const c = this.calls.get(callId);
    if (!c?.ws) throw new Error(`fake Ultravox: call ${callId} not joined`);
    return c;
  }

  send(callId: string, msg: Record<string, unknown>): void {
    this.call(callId).ws!.send(JSON.stringify(msg));
  }

  /** Agent audio, in chunks of `chunkMs` (at the call's output rate), sent as fast as possible. */
  speak(callId: string, pcm: Int16Array, opts: { chunkMs?: number } = {}): void {
    const c = this.call(callId);
    const sws = (c.body.medium as { serverWebSocket: { inputSampleRate: number; outputSampleRate?: number } }).serverWebSocket;
    const rate = sws.outputSampleRate ?? sws.inputSampleRate;
    const chunkBytes = Math.max(2, Math.round((rate * (opts.chunkMs ?? 20)) / 1000) * 2);
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    this.send(callId, { type: 'state', state: 'speaking' });
    for (let i = 0; i < bytes.length; i += chunkBytes) c.ws!.send(bytes.subarray(i, i + chunkBytes), { binary: true });
  }

  /** Barge-in: the client must drop unplayed agent audio. */
  interrupt(callId: string): void {
    this.send(callId, { type: 'playback_clear_buffer' });
  }

  sendTranscript(callId: string, t: { role: 'user' | 'agent'; text?: string; delta?: string; final: boolean; ordinal: number; medium?: 'voice' | 'text' }): void {
    this.send(callId, { type: 'transcript', medium: 'voice', ...t });
  }

  /** Ends the call from Ultravox's side with a clean close. */
  close(callId: string, code = 1000): void {
    this.call(callId).ws!.close(code, 'call ended');
  }

  /** Drops the TCP connection without a close frame. */
  drop(callId: string): void {
    this.call(callId).ws!.terminate();
  }

  receivedAudio(callId: string): Buffer {
    return Buffer.concat(this.calls.get(callId)?.audio ?? []);
  }

  /** Resolves once `pred` holds (checked on every event), or rejects after `timeoutMs`. */
  async waitFor(pred: () => boolean, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error('fake Ultravox: timed out waiting');
      await new Promise<void>((r) => {
        const t = setTimeout(r, 20);
        this.waiters.push(() => (clearTimeout(t), r()));
      });
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export async function startFakeUltravox(): Promise<FakeUltravox> {
  return new FakeUltravox().start();
}
