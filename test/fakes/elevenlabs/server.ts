// A local fake of ElevenLabs' text-to-speech WebSocket, "stream-input"
// (wss://api.elevenlabs.io/v1/text-to-speech/{voice_id}/stream-input), speaking its wire format (see
// /work/shared/PROTOCOLS.md § ElevenLabs):
//   - upgrade: `xi-api-key` header (or `xi_api_key` / `xi-api-key` in the first message); a key not in
//     `apiKeys` (when set) → HTTP 401 with `{"detail":{"status":"invalid_api_key","message":…}}`;
//     query model_id, output_format (pcm_<rate> only here), auto_mode, inactivity_timeout;
//   - first message must be BOS `{"text":" ", voice_settings?, generation_config?}`; then text chunks
//     `{"text":"… ", flush?, try_trigger_generation?}`; `{"text":""}` ends the stream;
//   - text is generated when the buffer reaches the chunk schedule (120, 160, 250, 290 characters), on
//     flush, on try_trigger_generation with ≥ 50 characters, with auto_mode at once, and at the end;
//   - audio messages `{"audio": base64 s16le, "isFinal": false, "normalizedAlignment", "alignment"}`
//     (msPerChar of a voiced signal per character, in chunkMs pieces); after the end of stream
//     `{"audio": null, "isFinal": true, …}` and close 1000;
//   - no text for inactivity_timeout seconds → close 1008 with ElevenLabs' message.
// Scriptable per connection (`faults`, in order): an HTTP status at the upgrade, upgrade latency, a
// close code/reason instead of audio, a cut after N audio messages, a stall; plus first-byte latency and
// chunk pacing for all. Records every session: query, key, messages, texts, voice settings, closing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { speechLike } from '../openai/server.ts';
import { sleep } from '../http-fake.ts';

export interface ElevenLabsFault {
  /** Refuse the upgrade with this HTTP status (ElevenLabs' error body). */
  status?: number;
  /** Wait this long before accepting the upgrade. */
  latencyMs?: number;
  /** Once text arrives, close with this code and reason instead of answering. */
  close?: { code: number; reason: string };
  /** Send an error message (`{"error": …}`) instead of audio, then close 1008. */
  errorMessage?: string;
  /** Cut the TCP connection after this many audio messages (0 = before any). */
  disconnectAfter?: number;
  /** Never answer the text (a hung server). */
  stall?: boolean;
}

export interface ElevenLabsSession {
  ws: WebSocket;
  voiceId: string;
  query: URLSearchParams;
  apiKey: string | undefined;
  /** performance.now() when the upgrade was accepted, and when a text message first arrived. */
  openedAt: number;
  firstTextAt: number;
  /** Every client message, parsed. */
  messages: Array<Record<string, unknown>>;
  voiceSettings: Record<string, unknown> | undefined;
  /** Text of each generation, in order (what was synthesized). */
  generations: string[];
  audioMessages: number;
  audioBytes: number;
  /** The client ended the stream; the socket closed (by whom: closedBy). */
  ended: boolean;
  closed: boolean;
  closedBy: 'client' | 'server' | undefined;
  fault: ElevenLabsFault;
}

const SCHEDULE = [120, 160, 250, 290];
const TRIGGER_MIN = 50;
const BAD_KEY = JSON.stringify({ detail: { status: 'invalid_api_key', message: 'Invalid API key' } });

export class FakeElevenLabs {
  readonly sessions: ElevenLabsSession[] = [];
  readonly faults: ElevenLabsFault[] = [];
  /** Accepted keys; empty: any non-empty key. */
  readonly apiKeys = new Set<string>();
  /** Audio per character, first-byte delay per generation, audio per message, delay between messages. */
  speech = { msPerChar: 40, firstByteMs: 0, chunkMs: 100, chunkDelayMs: 0 };
  /** Overrides the query's inactivity_timeout (seconds) so tests need not wait. */
  inactivityTimeoutMs: number | undefined;
  port = 0;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  constructor() {
    this.server = createServer((_req, res) => res.writeHead(404).end());
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const m = /^\/v1\/text-to-speech\/([A-Za-z0-9_-]+)\/stream-input$/.exec(url.pathname);
      const refuse = (status: number, body: string) => socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      if (!m) return void refuse(404, JSON.stringify({ detail: 'Not Found' }));
      const fault = this.faults.shift() ?? {};
      const key = req.headers['xi-api-key'];
      const apiKey = typeof key === 'string' ? key : undefined;
      void (async () => {
        if (fault.latencyMs) await sleep(fault.latencyMs);
        if (fault.status) return refuse(fault.status, fault.status === 401 ? BAD_KEY : JSON.stringify({ detail: { status: 'fake_error', message: `fake error ${fault.status}` } }));
        if (apiKey !== undefined && this.apiKeys.size > 0 && !this.apiKeys.has(apiKey)) return refuse(401, BAD_KEY);
        this.wss.handleUpgrade(req, socket, head, (ws) => this.onSession(ws, m[1], url.searchParams, apiKey, fault));
      })();
    });
  }

  private onSession(ws: WebSocket, voiceId: string, query: URLSearchParams, apiKey: string | undefined, fault: ElevenLabsFault): void {
    const s: ElevenLabsSession = { ws, voiceId, query, apiKey, openedAt: performance.now(), firstTextAt: 0, messages: [], voiceSettings: undefined, generations: [], audioMessages: 0, audioBytes: 0, ended: false, closed: false, closedBy: undefined, fault };
    this.sessions.push(s);
    const format = /^pcm_(8000|16000|22050|24000|44100)$/.exec(query.get('output_format') ?? '');
    const rate = Number(format?.[1] ?? 0);
    const autoMode = query.get('auto_mode') === 'true';
    const idleMs = this.inactivityTimeoutMs ?? Number(query.get('inactivity_timeout') ?? 20) * 1000;
    let buffer = '';
    let step = 0;
    let work: Promise<void> = Promise.resolve();
    let stalled = false;
    const close = (code: number, reason: string) => {
      if (s.closed) return;
      s.closedBy = 'server';
      // A close reason holds at most 123 bytes: ElevenLabs' long messages arrive cut off like this.
      ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
    };
    const idle = setTimeout(() => close(1008, `Have not received a new text input within the timeout of ${Math.round(idleMs / 1000)} seconds. Streaming input terminated. Please make sure to either feed the input in the timely manner, or to send the end of input text (empty string "") when done.`), idleMs);
    idle.unref();
    const generate = () => {
      const text = buffer;
      buffer = '';
      step++;
      if (text.trim() === '') return;
      s.generations.push(text);
      work = work.then(() => this.speak(s, text, rate));
    };
    ws.on('message', (data, isBinary) => {
      if (s.closed || s.ended || stalled) return;
      let m: Record<string, unknown>;
      try {
        if (isBinary) throw new Error('binary');
        m = JSON.parse(data.toString()) as Record<string, unknown>;
        if (!m || typeof m !== 'object' || typeof m.text !== 'string') throw new Error('shape');
      } catch {
        return close(1008, 'Invalid message: expected JSON with a "text" field');
      }
      s.messages.push(m);
      idle.refresh();
      const text = m.text as string;
      if (s.messages.length === 1) {
        if (text !== ' ') return close(1008, 'The first message must contain a single space as text');
        const k = m['xi-api-key'] ?? m.xi_api_key;
        if (s.apiKey === undefined && typeof k === 'string') s.apiKey = k;
        if (!s.apiKey || (this.apiKeys.size > 0 && !this.apiKeys.has(s.apiKey))) return close(1008, 'Invalid API key');
        if (!rate) return close(1008, `Invalid output format: ${query.get('output_format')}; this fake streams pcm only`);
        if (m.voice_settings !== undefined) s.voiceSettings = m.voice_settings as Record<string, unknown>;
        return;
      }
      if (text === '') {
        s.ended = true;
        clearTimeout(idle);
        generate();
        void work.then(() => {
          if (s.closed) return;
          ws.send(JSON.stringify({ audio: null, isFinal: true, normalizedAlignment: null, alignment: null }));
          close(1000, '');
        });
        return;
      }
      if (s.firstTextAt === 0) s.firstTextAt = performance.now();
      if (fault.close) return close(fault.close.code, fault.close.reason);
      if (fault.errorMessage) {
        ws.send(JSON.stringify({ error: fault.errorMessage }));
        return close(1008, fault.errorMessage);
      }
      if (fault.stall) {
        stalled = true;
        clearTimeout(idle);
        return;
      }
      buffer += text;
      const threshold = SCHEDULE[Math.min(step, SCHEDULE.length - 1)];
      if (autoMode || m.flush === true || buffer.length >= threshold || (m.try_trigger_generation === true && buffer.length >= TRIGGER_MIN)) generate();
    });
    ws.on('close', () => {
      clearTimeout(idle);
      s.closed = true;
      s.closedBy ??= 'client';
    });
    ws.on('error', () => {});
  }

  /** One generation: the first-byte delay, then audio messages with alignment for their characters. */
  private async speak(s: ElevenLabsSession, text: string, rate: number): Promise<void> {
    const { msPerChar, firstByteMs, chunkMs, chunkDelayMs } = this.speech;
    if (firstByteMs) await sleep(firstByteMs);
    const spoken = text.trim();
    const pcm = speechLike(spoken.length * msPerChar, rate);
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    const step = Math.max(2, Math.round((rate * chunkMs) / 1000) * 2);
    for (let i = 0, n = 0; i < bytes.length; i += step, n++) {
      if (s.closed) return;
      if (s.fault.disconnectAfter !== undefined && s.audioMessages >= s.fault.disconnectAfter) {
        s.closedBy = 'server';
        s.ws.terminate();
        return;
      }
      if (chunkDelayMs && n > 0) await sleep(chunkDelayMs);
      if (s.closed) return;
      const audio = bytes.subarray(i, Math.min(bytes.length, i + step));
      // The characters this piece of audio carries, and their timing inside it.
      const from = Math.floor((i / bytes.length) * spoken.length);
      const to = Math.floor(((i + audio.length) / bytes.length) * spoken.length);
      const chars = [...spoken.slice(from, to)];
      const alignment = { chars, charStartTimesMs: chars.map((_, k) => k * msPerChar), charDurationsMs: chars.map(() => msPerChar) };
      s.audioMessages++;
      s.audioBytes += audio.length;
      s.ws.send(JSON.stringify({ audio: audio.toString('base64'), isFinal: false, normalizedAlignment: alignment, alignment }));
    }
  }

  /** Texts the client asked to be spoken (BOS and end of stream left out), over all sessions. */
  get texts(): string[] {
    return this.sessions.flatMap((s) => s.messages.slice(1).map((m) => m.text as string).filter((t) => t !== ''));
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get baseUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Cuts every live socket (network failure). */
  drop(): void {
    for (const s of this.sessions) if (!s.closed) s.ws.terminate();
  }

  async waitFor(cond: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error('fake elevenlabs: condition not met in time');
      await sleep(5);
    }
  }

  async stop(): Promise<void> {
    this.drop();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export async function startFakeElevenLabs(): Promise<FakeElevenLabs> {
  return new FakeElevenLabs().start();
}
