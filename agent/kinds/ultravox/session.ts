// The Ultravox join WebSocket: binary frames are raw PCM s16le mono both ways, text frames are JSON
// messages with a `type`. This module only speaks the wire; ultravox-kind.ts decides what they mean.
import WebSocket from 'ws';
import { UltravoxError } from './client.ts';

export interface UltravoxMessage {
  type: string;
  [k: string]: unknown;
}

export interface SessionHandlers {
  /** Agent audio bytes; a view valid only during the call. */
  onAudio(bytes: Buffer): void;
  onMessage(msg: UltravoxMessage): void;
  /** The socket closed without us asking (network drop, server end). */
  onLost(info: { code: number; reason: string }): void;
}

export class UltravoxSession {
  private closing = false;

  private constructor(private readonly ws: WebSocket, private readonly h: SessionHandlers) {
    ws.on('message', (data, isBinary) => this.onData(data, isBinary));
    ws.on('close', (code, reason) => {
      if (this.closing) return;
      this.closing = true;
      this.h.onLost({ code, reason: reason.toString() });
    });
    ws.on('error', () => {}); // 'close' follows and reports it
  }

  /** Opens the join URL; rejects with a retryable UltravoxError if it does not open in time. */
  static connect(joinUrl: string, h: SessionHandlers, opts: { timeoutMs?: number } = {}): Promise<UltravoxSession> {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(joinUrl, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      ws.binaryType = 'nodebuffer';
      const fail = (err: Error) => {
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        reject(new UltravoxError('ULTRAVOX_JOIN_FAILED', `could not join the Ultravox call: ${err.message}`, { retryable: true, cause: err }));
      };
      ws.once('error', fail);
      ws.once('close', (code) => fail(new Error(`socket closed (${code}) before opening`)));
      ws.once('open', () => {
        ws.removeAllListeners();
        resolve(new UltravoxSession(ws, h));
      });
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN && !this.closing;
  }

  /** Caller audio. `ws` copies while masking, so a view valid only now is fine. */
  sendAudio(pcm: Uint8Array): void {
    if (this.open) this.ws.send(pcm, { binary: true });
  }

  send(msg: UltravoxMessage): void {
    if (this.open) this.ws.send(JSON.stringify(msg));
  }

  /** Ends the call from our side: `hang_up`, then close. */
  hangUp(message = 'caller hung up'): void {
    if (this.closing) return;
    this.send({ type: 'hang_up', message });
    this.close();
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

  private onData(data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.h.onAudio(buf);
      return;
    }
    let msg: unknown;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      return; // not ours to crash on
    }
    if (msg && typeof msg === 'object' && typeof (msg as UltravoxMessage).type === 'string') this.h.onMessage(msg as UltravoxMessage);
  }
}
