// ElevenLabs streaming speech over its WebSocket "stream-input" API (raw `ws`), PCM at the call's
// output rate (pcm_16000 for a 16 kHz call: no resampling).
//
// One socket per sentence, opened ahead of time. The pipeline speaks a reply sentence by sentence and
// needs to know where each sentence's audio ends (a mark per sentence). On stream-input only the end of
// stream says that: `{"text":""}` → `isFinal` → the server closes; `flush` forces generation but marks
// nothing, and no text may follow the end of stream. So a sentence is BOS + text (flush) + end on a
// socket of its own. What one socket per sentence would cost — the TCP/TLS/upgrade round trips before
// the first byte — is taken off the critical path: the next sentence's socket is connected (and its BOS
// with the voice settings sent) while the current one streams, so a sentence, and the first sentence of
// the next reply, starts on an open socket and its first byte costs only generation (auto_mode: no
// server-side buffering of our whole sentences). That matches a per-call socket with flush for latency
// while keeping exact sentence ends. The spare is opened as a sentence starts (after a failure: only once
// audio came back, so a failing service is not hammered), lives at most SPARE_MAX_AGE_MS (the server
// drops idle sockets after `inactivity_timeout`), and is closed with the call. Cost: up to two sockets
// per call.
//
// Barge-in: the reply's signal terminates the socket at once; nothing more is yielded. Failures are
// ProviderErrors (elevenlabs-wire.ts decides retryable from the status or close reason); the retry loop
// retries a sentence only while it has produced no audio. Usage: the characters sent (what ElevenLabs
// bills) and the audio received, per sentence, also when cut.
import WebSocket from 'ws';
import type { TtsProvider } from '../types.ts';
import { ProviderError } from '../provider-error.ts';
import type { UsageReporter } from '../../../usage/call-usage.ts';
import { bosMessage, closeError, handshakeError, parseServerMessage, sentenceMessages, streamInputUrl, type ElevenLabsPcmRate, type ElevenLabsVoiceSettings } from './elevenlabs-wire.ts';

export interface ElevenLabsTtsOptions {
  apiKey: string;
  /** wss://api.elevenlabs.io (tests: ws://127.0.0.1:port). */
  baseUrl: string;
  voiceId: string;
  model: string;
  /** PCM rate asked for: the call's output rate. */
  sampleRate: ElevenLabsPcmRate;
  voiceSettings?: ElevenLabsVoiceSettings;
  /** Open the next sentence's socket ahead of time. Default true. */
  prewarm?: boolean;
  /** Longest wait for the socket to open. Default 5 s. */
  connectTimeoutMs?: number;
  /** Longest silence from the server while a sentence is due. Default 10 s. */
  stallTimeoutMs?: number;
  onBadMessage?(reason: string): void;
  usage?: UsageReporter;
}

/** Seconds an idle socket stays open at ElevenLabs (the maximum), and how old a spare may get. */
const INACTIVITY_TIMEOUT_S = 180;
const SPARE_MAX_AGE_MS = 150_000;
const MAX_ERROR_BODY = 2048;

const abortError = () => Object.assign(new Error('aborted'), { name: 'AbortError' });

/** One stream-input socket: connects, sends BOS, then carries one sentence. */
class SentenceSocket {
  readonly openedAt = performance.now();
  readonly ready: Promise<void>;
  private readonly ws: WebSocket;
  private readonly chunks: Buffer[] = [];
  private final = false;
  private error: Error | undefined;
  /** What `ws` reported before closing (connection refused, reset, …). */
  private cause: Error | undefined;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private settleReady!: (err?: Error) => void;

  constructor(url: string, apiKey: string, bos: string, private readonly o: ElevenLabsTtsOptions) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = (err) => (err ? reject(err) : resolve());
    });
    this.ready.catch(() => {}); // a spare may fail with nobody waiting on it yet
    this.ws = new WebSocket(url, { headers: { 'xi-api-key': apiKey }, perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
    this.timer = setTimeout(() => this.fail(new ProviderError('elevenlabs', 'tts', 'TTS_TIMEOUT', 'ElevenLabs: the socket did not open in time', { retryable: true })), o.connectTimeoutMs ?? 5000);
    this.timer.unref();
    const ws = this.ws;
    ws.on('unexpected-response', (req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if (body.length < MAX_ERROR_BODY) body += c;
      });
      res.on('error', () => {});
      res.on('end', () => {
        this.fail(handshakeError(res.statusCode ?? 0, body));
        req.destroy();
      });
    });
    ws.on('open', () => {
      this.stopTimer();
      ws.send(bos);
      this.settleReady();
    });
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('error', (err) => {
      this.cause ??= new ProviderError('elevenlabs', 'tts', 'TTS_CONNECTION', `ElevenLabs: ${err.message}`, { retryable: true, cause: err });
    });
    ws.on('close', (code, reason) => this.fail(this.cause ?? closeError(code, reason.toString('utf8'))));
  }

  /** Still worth keeping as a spare: connecting or open, nothing failed, not near the idle timeout. */
  usable(now: number): boolean {
    return !this.error && this.ws.readyState <= WebSocket.OPEN && now - this.openedAt < SPARE_MAX_AGE_MS;
  }

  /** Sends the sentence; audio follows through next(). */
  send(text: string): void {
    const [textMsg, eos] = sentenceMessages(text);
    this.ws.send(textMsg);
    this.ws.send(eos);
    this.timer = setTimeout(() => this.fail(new ProviderError('elevenlabs', 'tts', 'TTS_TIMEOUT', 'ElevenLabs: no audio in time', { retryable: true })), this.o.stallTimeoutMs ?? 10_000);
    this.timer.unref();
  }

  /** The next audio chunk; undefined once the sentence is complete. Throws the socket's failure. */
  async next(): Promise<Buffer | undefined> {
    for (;;) {
      const c = this.chunks.shift();
      if (c) return c;
      if (this.error) throw this.error;
      if (this.final) return undefined;
      await new Promise<void>((r) => (this.wake = r));
      this.wake = undefined;
    }
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    const m = parseServerMessage(data, isBinary);
    if (m.kind === 'bad') return this.o.onBadMessage?.(m.reason);
    if (m.kind === 'error') return this.fail(closeError(1008, m.message));
    this.timer?.refresh();
    if (m.audio && m.audio.length > 0) this.chunks.push(m.audio);
    if (m.final) {
      this.final = true;
      this.stopTimer();
    }
    this.wake?.();
  }

  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fail(err: Error): void {
    if (this.error || this.final) return;
    this.error = err;
    this.stopTimer();
    this.settleReady(err);
    this.ws.terminate();
    this.wake?.();
  }

  /** Barge-in (or the consumer stopped): drop the socket now. */
  abort(): void {
    this.chunks.length = 0;
    this.fail(abortError());
  }

  /** Done with it: a completed socket is closed politely (the server closes it too), any other dropped. */
  dispose(): void {
    this.stopTimer();
    if (this.final && this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
    else if (this.ws.readyState !== WebSocket.CLOSED) this.ws.terminate();
  }
}

export class ElevenLabsTts implements TtsProvider {
  readonly name = 'elevenlabs';
  readonly sampleRate: number;
  private readonly url: string;
  private readonly bos: string;
  private spare: SentenceSocket | undefined;
  private closed = false;
  /** The last sentence got audio: worth opening sockets ahead (a failing service is not hammered). */
  private healthy = true;

  constructor(private readonly o: ElevenLabsTtsOptions) {
    this.sampleRate = o.sampleRate;
    this.url = streamInputUrl({ baseUrl: o.baseUrl, voiceId: o.voiceId, model: o.model, rate: o.sampleRate, inactivityTimeoutS: INACTIVITY_TIMEOUT_S });
    this.bos = bosMessage(o.voiceSettings);
  }

  async *synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array> {
    if (this.closed) throw new ProviderError(this.name, 'tts', 'TTS_CLOSED', 'ElevenLabs: provider closed', { retryable: false });
    if (signal.aborted) throw abortError();
    const sock = this.take();
    // The next sentence's socket connects while this one does and streams.
    if (this.healthy) this.warm();
    const onAbort = () => sock.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let sent = false;
    let bytes = 0;
    try {
      await sock.ready;
      sock.send(text);
      sent = true;
      for (;;) {
        const chunk = await sock.next();
        if (!chunk) return;
        if (bytes === 0 && !this.healthy) {
          this.healthy = true;
          this.warm();
        }
        bytes += chunk.length;
        yield chunk;
      }
    } catch (err) {
      if (!signal.aborted) this.healthy = false;
      throw err;
    } finally {
      signal.removeEventListener('abort', onAbort);
      sock.dispose();
      if (sent) this.o.usage?.({ requests: 1, characters: text.length, audioOutMs: (bytes / 2 / this.sampleRate) * 1000 });
    }
  }

  /** The spare if it is still good, else a new socket. */
  private take(): SentenceSocket {
    const s = this.spare;
    this.spare = undefined;
    if (s?.usable(performance.now())) return s;
    s?.dispose();
    return this.connect();
  }

  /** Opens the next sentence's socket now, so it is ready when that sentence comes. */
  private warm(): void {
    if (this.closed || this.o.prewarm === false || this.spare?.usable(performance.now())) return;
    this.spare?.dispose();
    this.spare = this.connect();
  }

  private connect(): SentenceSocket {
    return new SentenceSocket(this.url, this.o.apiKey, this.bos, this.o);
  }

  close(): void {
    this.closed = true;
    this.spare?.dispose();
    this.spare = undefined;
  }
}
