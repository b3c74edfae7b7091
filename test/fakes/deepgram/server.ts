// A local fake of Deepgram's live transcription WebSocket (wss://api.deepgram.com/v1/listen):
//   - upgrade needs `Authorization: Token <key>` (401 otherwise) and encoding/sample_rate in the query;
//   - binary messages are audio (linear16); text messages: KeepAlive, Finalize, CloseStream;
//   - Finalize → a Results message {type:"Results", is_final:true, from_finalize:true, channel:{alternatives:
//     [{transcript, confidence, words}]}, …} carrying the next scripted transcript if audio came since the
//     last Finalize (empty transcript otherwise); CloseStream → a Metadata message, then close 1000.
// Scriptable: `transcripts`, a delay before answering Finalize, `drop()` to cut every socket.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

export interface DeepgramSession {
  ws: WebSocket;
  query: URLSearchParams;
  audioBytes: number;
  messages: Array<{ type: string }>;
  finalizes: number;
  closed: boolean;
}

export class FakeDeepgram {
  readonly sessions: DeepgramSession[] = [];
  readonly transcripts: string[] = [];
  finalizeDelayMs = 0;
  port = 0;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor() {
    this.server = createServer((_req, res) => res.writeHead(404).end());
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const auth = /^Token (.+)$/.exec(req.headers.authorization ?? '');
      if (url.pathname !== '/v1/listen') return void socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      if (!auth) return void socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      if (url.searchParams.get('encoding') !== 'linear16' || !/^\d+$/.test(url.searchParams.get('sample_rate') ?? '')) return void socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSession(ws, url.searchParams));
    });
  }

  private onSession(ws: WebSocket, query: URLSearchParams): void {
    const s: DeepgramSession = { ws, query, audioBytes: 0, messages: [], finalizes: 0, closed: false };
    this.sessions.push(s);
    const rate = Number(query.get('sample_rate'));
    let sinceFinalize = 0;
    let audioSeconds = 0;
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        const n = (data as Buffer).length;
        s.audioBytes += n;
        sinceFinalize += n;
        return;
      }
      let m: { type?: string };
      try {
        m = JSON.parse(data.toString());
      } catch {
        return ws.close(1008, 'invalid JSON');
      }
      s.messages.push({ type: String(m.type) });
      if (m.type === 'Finalize') {
        s.finalizes++;
        const dur = sinceFinalize / 2 / rate;
        const transcript = sinceFinalize > 0 ? (this.transcripts.shift() ?? '') : '';
        sinceFinalize = 0;
        const start = audioSeconds;
        audioSeconds += dur;
        setTimeout(() => {
          if (ws.readyState !== ws.OPEN) return;
          ws.send(JSON.stringify({
            type: 'Results', channel_index: [0, 1], duration: dur, start, is_final: true, speech_final: false, from_finalize: true,
            channel: { alternatives: [{ transcript, confidence: transcript ? 0.98 : 0, words: transcript.split(/\s+/).filter(Boolean).map((w, i) => ({ word: w.toLowerCase(), start: start + i * 0.3, end: start + i * 0.3 + 0.25, confidence: 0.98, punctuated_word: w })) }] },
            metadata: { request_id: randomUUID(), model_info: { name: 'general-nova-3', version: '2025-01-01.0', arch: 'nova-3' }, model_uuid: randomUUID() },
          }));
        }, this.finalizeDelayMs);
      } else if (m.type === 'CloseStream') {
        ws.send(JSON.stringify({ type: 'Metadata', transaction_key: 'deprecated', request_id: randomUUID(), sha256: '', created: new Date().toISOString(), duration: audioSeconds, channels: 1 }));
        ws.close(1000);
      }
    });
    ws.on('close', () => (s.closed = true));
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
    for (const s of this.sessions) s.ws.terminate();
  }

  async stop(): Promise<void> {
    this.drop();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export async function startFakeDeepgram(): Promise<FakeDeepgram> {
  return new FakeDeepgram().start();
}
