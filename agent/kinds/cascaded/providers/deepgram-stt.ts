// Streaming speech-to-text over Deepgram's live WebSocket (/v1/listen, raw `ws`). One socket per call.
// Our VAD decides the turns, so audio is streamed only while the caller speaks (with pre-roll); at
// the endpoint we send Finalize, and Deepgram flushes its last words as a Results message with
// `from_finalize: true`. Final results are attributed to utterances in order (audio is sequential).
// KeepAlive holds the socket open between utterances. Server messages are checked at the boundary.
// Usage: Deepgram bills the audio streamed, reported per utterance (and a request per socket opened).
import WebSocket from 'ws';
import type { SttProvider, SttUtterance } from '../types.ts';
import { ProviderError } from '../provider-error.ts';
import type { UsageReporter } from '../../../usage/call-usage.ts';

export interface DeepgramSttOptions {
  apiKey: string;
  /** wss://api.deepgram.com (tests: ws://127.0.0.1:port). */
  baseUrl: string;
  model: string;
  language: string | undefined;
  rate: number;
  /** Longest wait for the final words after Finalize. Default 3 s. */
  finalizeTimeoutMs?: number;
  onBadMessage?(reason: string): void;
  usage?: UsageReporter;
}

interface Utt {
  finals: string[];
  /** Finalize sent; waiting for from_finalize. */
  finalizing: boolean;
  cancelled: boolean;
  resolve?: (text: string) => void;
  reject?: (err: Error) => void;
  timer?: NodeJS.Timeout;
  offAbort?: () => void;
}

const KEEPALIVE_MS = 5000;

export class DeepgramStt implements SttProvider {
  readonly name = 'deepgram';
  private ws: WebSocket | undefined;
  private opening: Promise<void> | undefined;
  private readonly utts: Utt[] = [];
  /** Audio and Finalize messages sent while the socket was still opening, in order. */
  private backlog: Array<Buffer | string> = [];
  private keepAlive: NodeJS.Timeout | undefined;
  private closed = false;
  /** Audio bytes streamed and not yet reported as usage. */
  private unreportedBytes = 0;

  constructor(private readonly o: DeepgramSttOptions) {}

  private url(): string {
    const q = new URLSearchParams({ model: this.o.model, encoding: 'linear16', sample_rate: String(this.o.rate), channels: '1', interim_results: 'false', punctuate: 'true', smart_format: 'true' });
    if (this.o.language) q.set('language', this.o.language);
    return `${this.o.baseUrl.replace(/\/+$/, '')}/v1/listen?${q}`;
  }

  open(signal: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new ProviderError(this.name, 'stt', 'STT_CLOSED', 'closed'));
    if (this.ws?.readyState === WebSocket.OPEN) return Promise.resolve();
    this.opening ??= new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(this.url(), { headers: { Authorization: `Token ${this.o.apiKey}` }, handshakeTimeout: 5000, perMessageDeflate: false });
      const fail = (err: Error) => {
        this.opening = undefined;
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        const status = /Unexpected server response: (\d+)/.exec(err.message)?.[1];
        reject(new ProviderError(this.name, 'stt', status ? `STT_HTTP_${status}` : 'STT_CONNECTION', `Deepgram: ${err.message}`, { status: status ? Number(status) : undefined, retryable: !status || Number(status) >= 500 || status === '429', cause: err }));
      };
      const onAbort = () => fail(new Error('aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      ws.once('error', fail);
      ws.once('open', () => {
        signal.removeEventListener('abort', onAbort);
        ws.removeAllListeners();
        this.opening = undefined;
        this.attach(ws);
        resolve();
      });
    });
    return this.opening;
  }

  private attach(ws: WebSocket): void {
    this.ws = ws;
    this.o.usage?.({ requests: 1 });
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('error', () => {}); // 'close' follows
    ws.on('close', (code) => {
      if (this.ws === ws) this.ws = undefined;
      clearInterval(this.keepAlive);
      // Utterances waiting on this socket will never get their words.
      for (const u of this.utts.splice(0)) this.settle(u, new ProviderError(this.name, 'stt', 'STT_DISCONNECTED', `Deepgram closed the socket (${code})`, { retryable: true }));
    });
    for (const b of this.backlog) ws.send(b);
    this.backlog = [];
    this.keepAlive = setInterval(() => this.send(JSON.stringify({ type: 'KeepAlive' }), false), KEEPALIVE_MS);
    this.keepAlive.unref();
  }

  private send(data: string | Buffer, queue = true): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(data);
    else if (queue) this.backlog.push(data);
  }

  begin(): SttUtterance {
    const u: Utt = { finals: [], finalizing: false, cancelled: false };
    this.utts.push(u);
    if (!this.ws && !this.closed) this.open(AbortSignal.timeout(5000)).catch((err: Error) => this.failPending(err));
    return {
      // ws copies while framing; Buffer.from(copy) keeps a backlog entry valid past this frame.
      push: (pcm) => {
        if (u.cancelled || u.finalizing) return;
        const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
        this.unreportedBytes += bytes.length;
        if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(bytes);
        else this.backlog.push(Buffer.from(bytes));
      },
      cancel: () => {
        if (u.finalizing) return;
        u.cancelled = true;
        this.finalize(u);
      },
      finish: (signal) =>
        new Promise<string>((resolve, reject) => {
          u.resolve = resolve;
          u.reject = reject;
          const onAbort = () => this.settle(u, Object.assign(new Error('aborted'), { name: 'AbortError' }));
          signal.addEventListener('abort', onAbort, { once: true });
          u.offAbort = () => signal.removeEventListener('abort', onAbort);
          this.finalize(u);
        }),
    };
  }

  private finalize(u: Utt): void {
    u.finalizing = true;
    this.send(JSON.stringify({ type: 'Finalize' }));
    // Deepgram may send nothing when it heard nothing: do not wait forever.
    u.timer = setTimeout(() => this.complete(u), this.o.finalizeTimeoutMs ?? 3000);
    u.timer.unref?.();
  }

  private reportAudio(): void {
    if (this.unreportedBytes === 0) return;
    this.o.usage?.({ audioInMs: (this.unreportedBytes / 2 / this.o.rate) * 1000 });
    this.unreportedBytes = 0;
  }

  private complete(u: Utt): void {
    this.reportAudio();
    const i = this.utts.indexOf(u);
    if (i >= 0) this.utts.splice(i, 1);
    this.settle(u, u.cancelled ? '' : u.finals.join(' ').trim());
  }

  private settle(u: Utt, result: string | Error): void {
    clearTimeout(u.timer);
    u.offAbort?.();
    const { resolve, reject } = u;
    u.resolve = u.reject = undefined;
    if (typeof result === 'string') resolve?.(result);
    else reject?.(result);
  }

  private failPending(err: Error): void {
    for (const u of this.utts.splice(0)) this.settle(u, err);
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) return this.bad('binary');
    let m: unknown;
    try {
      m = JSON.parse(data.toString());
    } catch {
      return this.bad('json');
    }
    if (!m || typeof m !== 'object') return this.bad('shape');
    const msg = m as { type?: unknown; is_final?: unknown; from_finalize?: unknown; channel?: { alternatives?: Array<{ transcript?: unknown }> } };
    if (msg.type !== 'Results') return; // Metadata, SpeechStarted, UtteranceEnd: not needed here
    const transcript = msg.channel?.alternatives?.[0]?.transcript;
    if (typeof transcript !== 'string' || typeof msg.is_final !== 'boolean') return this.bad('shape');
    const u = this.utts[0];
    if (!u) return;
    if (msg.is_final && transcript.trim() !== '') u.finals.push(transcript.trim());
    if (msg.from_finalize === true && u.finalizing) this.complete(u);
  }

  private bad(reason: string): void {
    this.o.onBadMessage?.(reason);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    this.reportAudio();
    this.failPending(Object.assign(new Error('closed'), { name: 'AbortError' }));
    const ws = this.ws;
    this.ws = undefined;
    if (ws?.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify({ type: 'CloseStream' }));
      ws.close(1000);
      setTimeout(() => ws.terminate(), 2000).unref();
    } else ws?.terminate();
  }
}
