// A simulated Twilio caller: posts the voice webhook, follows <Connect><Stream>, and speaks the
// Media Streams protocol over `ws` the way Twilio does (see /work/shared/PROTOCOLS.md, Twilio).
// Used by e2e tests, the CLI demo and the load benchmark, so it never throws unhandled: protocol
// problems are collected in `errors` and emitted as 'protocolError' (never 'error').
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { WebSocket, type ClientOptions, type RawData } from 'ws';
import { twilioSignature } from './signature.ts';
import { parseTwiml, type ParsedTwiml, type StreamTwiml } from './twiml.ts';
import { PlaybackModel } from './playback.ts';

export interface PlaceOptions {
  webhookUrl: string; // e.g. http://127.0.0.1:8080/twilio/voice; signed exactly as given
  authToken: string;
  from?: string;
  to?: string;
  callSid?: string;
  accountSid?: string;
  /** Replaces the webhook signature; `null` omits the header. */
  signatureOverride?: string | null;
  /** Replaces the WebSocket upgrade signature; `null` omits the header. */
  wsSignatureOverride?: string | null;
  connectTimeoutMs?: number; // webhook request and WS handshake each (default 5000)
  extraParams?: Record<string, string>; // added to / overriding the webhook form params
  /** Twilio drops the query string of <Stream url>; set true to keep it (default false). */
  keepStreamQuery?: boolean;
  /** false: count received/played bytes without retaining them (load tests). Default true. */
  recordAudio?: boolean;
  wsOptions?: ClientOptions; // e.g. { rejectUnauthorized: false } for a self-signed wss
}

export interface WebhookResult {
  status: number;
  body: string;
  params: Record<string, string>;
  twiml?: ParsedTwiml; // set when status is 200 and the body parsed
}

/** Non-200 webhook reply, or a reply that is not a <Connect><Stream>. */
export class SimulatedCallError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly body?: string,
    readonly twiml?: ParsedTwiml,
  ) {
    super(message);
    this.name = 'SimulatedCallError';
  }
}

export interface CloseInfo {
  code: number;
  reason: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
export const newCallSid = () => 'CA' + hex(16);
export const newStreamSid = () => 'MZ' + hex(16);
export const newAccountSid = () => 'AC' + hex(16);
const CHUNK = 160; // 20 ms of 8 kHz µ-law: Twilio's observed frame size
const ULAW_SILENCE = 0xff;
const B64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** The form POST Twilio sends for an inbound call (step 1 of place()). */
export async function postVoiceWebhook(opts: PlaceOptions & { callSid: string; accountSid: string }): Promise<WebhookResult> {
  const from = opts.from ?? '+14155550100';
  const to = opts.to ?? '+14155550199';
  const params: Record<string, string> = {
    AccountSid: opts.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: opts.callSid,
    CallStatus: 'ringing',
    Called: to,
    CalledCity: '',
    CalledCountry: 'US',
    CalledState: '',
    CalledZip: '',
    Caller: from,
    CallerCity: '',
    CallerCountry: 'US',
    CallerState: '',
    CallerZip: '',
    Direction: 'inbound',
    From: from,
    FromCity: '',
    FromCountry: 'US',
    FromState: '',
    FromZip: '',
    To: to,
    ToCity: '',
    ToCountry: 'US',
    ToState: '',
    ToZip: '',
    ...opts.extraParams,
  };
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    'User-Agent': 'TwilioProxy/1.1',
    Accept: '*/*',
  };
  const sig = opts.signatureOverride === undefined ? twilioSignature(opts.authToken, opts.webhookUrl, params) : opts.signatureOverride;
  if (sig !== null) headers['X-Twilio-Signature'] = sig;
  const res = await fetch(opts.webhookUrl, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(opts.connectTimeoutMs ?? 5000),
  }).catch((err: Error) => {
    throw new SimulatedCallError(`webhook request failed: ${(err.cause as Error | undefined)?.message ?? err.message}`);
  });
  const body = await res.text();
  const out: WebhookResult = { status: res.status, body, params };
  if (res.status === 200) out.twiml = parseTwiml(body);
  return out;
}

export class SimulatedCall extends EventEmitter {
  // Identity
  readonly streamSid = newStreamSid();
  readonly callSid: string;
  readonly accountSid: string;
  readonly twiml: StreamTwiml;
  readonly streamUrl: string; // the URL actually connected to
  readonly webhookParams: Record<string, string>;

  // Counters (public so benches can read them cheaply)
  mediaMessages = 0;
  bytesReceived = 0;
  marksReceived = 0;
  marksReturned = 0;
  clears = 0;
  mediaSent = 0;
  readonly marksSentBack: { name: string; atMs: number }[] = [];
  readonly received: Buffer[] = [];
  readonly messages: any[] = []; // every parsed server message, in order
  readonly errors: Error[] = [];

  readonly closed: Promise<CloseInfo>;
  closeInfo?: CloseInfo;

  private seq = 0;
  private chunkNo = 0;
  private nextTs = 0;
  private startedAt = 0; // performance.now() when `start` was sent
  private readonly playback: PlaybackModel;
  private markTimer?: NodeJS.Timeout;
  private sendChain: Promise<unknown> = Promise.resolve();
  private readonly recordAudio: boolean;

  private constructor(
    private readonly ws: WebSocket,
    init: { callSid: string; accountSid: string; twiml: StreamTwiml; streamUrl: string; params: Record<string, string>; recordAudio: boolean },
  ) {
    super();
    this.callSid = init.callSid;
    this.accountSid = init.accountSid;
    this.twiml = init.twiml;
    this.streamUrl = init.streamUrl;
    this.webhookParams = init.params;
    this.recordAudio = init.recordAudio;
    this.playback = new PlaybackModel(8, init.recordAudio);
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        clearTimeout(this.markTimer);
        this.closeInfo = { code, reason: reason.toString() };
        this.emit('close', this.closeInfo);
        resolve(this.closeInfo);
      });
    });
    ws.on('error', (err) => this.fail(err));
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
  }

  /** Webhook → TwiML → WebSocket → `connected` + `start`. Rejects with SimulatedCallError. */
  static async place(opts: PlaceOptions): Promise<SimulatedCall> {
    const callSid = opts.callSid ?? newCallSid();
    const accountSid = opts.accountSid ?? newAccountSid();
    const hook = await postVoiceWebhook({ ...opts, callSid, accountSid });
    if (hook.status !== 200) throw new SimulatedCallError(`webhook returned ${hook.status}: ${hook.body.slice(0, 500)}`, hook.status, hook.body);
    const twiml = hook.twiml!;
    if (twiml.kind !== 'stream') throw new SimulatedCallError('webhook TwiML has no <Connect><Stream>', 200, hook.body, twiml);

    const earlyErrors: Error[] = [];
    let streamUrl = twiml.streamUrl;
    const q = streamUrl.indexOf('?');
    if (q >= 0 && !opts.keepStreamQuery) {
      streamUrl = streamUrl.slice(0, q); // Twilio drops it; flag it since the server would lose data
      earlyErrors.push(new Error(`<Stream url> has a query string, which Twilio drops: ${twiml.streamUrl}`));
    }
    const ws = await connect(streamUrl, opts);
    const call = new SimulatedCall(ws, { callSid, accountSid, twiml, streamUrl, params: hook.params, recordAudio: opts.recordAudio ?? true });
    call.errors.push(...earlyErrors);
    call.sendJson({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    call.startedAt = performance.now();
    call.sendJson({
      event: 'start',
      sequenceNumber: call.nextSeq(),
      streamSid: call.streamSid,
      start: {
        accountSid,
        streamSid: call.streamSid,
        callSid,
        tracks: ['inbound'],
        customParameters: twiml.parameters,
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
    });
    return call;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** ms since `start` was sent. */
  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  // ---- sending -------------------------------------------------------------------------------

  /**
   * Sends µ-law as 160-byte `media` frames (the last one padded with silence, as a phone would),
   * paced every 20 ms unless `paced: false`. Calls are serialised so audio never interleaves.
   * Resolves with the number of frames sent (fewer if the socket closed meanwhile).
   */
  sendAudio(ulaw: Uint8Array, opts: { paced?: boolean } = {}): Promise<number> {
    const run = () => this.sendFrames(ulaw, opts.paced ?? true);
    const p = this.sendChain.then(run, run);
    this.sendChain = p;
    return p;
  }

  private async sendFrames(ulaw: Uint8Array, paced: boolean): Promise<number> {
    const t0 = performance.now();
    let sent = 0;
    for (let off = 0; off < ulaw.length; off += CHUNK) {
      if (paced && sent > 0) {
        const wait = t0 + sent * 20 - performance.now(); // drift-corrected schedule
        if (wait > 0) await sleep(wait);
      }
      let chunk = ulaw.subarray(off, off + CHUNK);
      if (chunk.length < CHUNK) {
        const padded = new Uint8Array(CHUNK).fill(ULAW_SILENCE);
        padded.set(chunk);
        chunk = padded;
      }
      // Media clock: +20 ms per frame, but never behind wall time (Twilio stamps real time). An
      // unpaced burst is one block of audio: it keeps exact 20 ms steps even if the process stalls.
      const ts = paced || sent === 0 ? Math.max(this.nextTs, Math.floor(this.elapsedMs())) : this.nextTs;
      if (!this.sendMediaChunk(chunk, ts)) break;
      sent++;
    }
    return sent;
  }

  /** One `media` frame, sent now (no timers): for load generators that pace many calls. */
  sendMediaChunk(chunk160: Uint8Array, timestampMs: number): boolean {
    const ok = this.sendJson({
      event: 'media',
      sequenceNumber: this.nextSeq(),
      streamSid: this.streamSid,
      media: {
        track: 'inbound',
        chunk: String(++this.chunkNo),
        timestamp: String(Math.round(timestampMs)),
        payload: Buffer.from(chunk160.buffer, chunk160.byteOffset, chunk160.byteLength).toString('base64'),
      },
    });
    if (ok) this.mediaSent++;
    this.nextTs = Math.round(timestampMs) + 20;
    return ok;
  }

  sendDtmf(digit: string): boolean {
    return this.sendJson({
      event: 'dtmf',
      streamSid: this.streamSid,
      sequenceNumber: this.nextSeq(),
      dtmf: { track: 'inbound_track', digit },
    });
  }

  /** Sends `stop` (caller hung up) and waits for the server to close; closes itself on timeout. */
  async stop(timeoutMs = 2000): Promise<CloseInfo & { serverClosed: boolean }> {
    this.sendJson({
      event: 'stop',
      streamSid: this.streamSid,
      sequenceNumber: this.nextSeq(),
      stop: { accountSid: this.accountSid, callSid: this.callSid },
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((r) => (timer = setTimeout(() => r(null), timeoutMs)));
    const info = await Promise.race([this.closed, timedOut]);
    clearTimeout(timer);
    if (info) return { ...info, serverClosed: true };
    this.fail(new Error(`server did not close the socket within ${timeoutMs} ms of stop`));
    this.close(1000, 'stop timeout');
    return { ...(await this.closed), serverClosed: false };
  }

  /** Arbitrary frame for bad-input tests: a string is a text frame, a Buffer a binary frame. */
  sendRaw(data: string | Buffer): boolean {
    if (!this.isOpen) return false;
    this.ws.send(data, { binary: typeof data !== 'string' });
    return true;
  }

  /** Abrupt close: a close frame with `code`, or a TCP drop (terminate) when code is 1006. */
  close(code = 1000, reason = ''): void {
    try {
      if (code === 1006) this.ws.terminate();
      else this.ws.close(code, reason);
    } catch (err) {
      this.fail(err as Error);
      this.ws.terminate();
    }
  }

  // ---- receiving -----------------------------------------------------------------------------

  /** Everything received from the server, concatenated. */
  receivedAudio(): Buffer {
    return Buffer.concat(this.received);
  }

  /** The µ-law that has "played" so far in the modelled Twilio playback buffer. */
  playedAudio(): Buffer {
    return this.playback.playedAudio(performance.now());
  }

  playedBytes(): number {
    return this.playback.playedBytes(performance.now());
  }

  /** ms of received audio still waiting to play. */
  queuedMs(): number {
    return this.playback.queuedMs(performance.now());
  }

  /** Resolves once predicate(this) is true; rejects after timeoutMs. */
  waitFor(predicate: (call: this) => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
    return waitFor(() => predicate(this), timeoutMs, what);
  }

  stats() {
    const { mediaMessages, bytesReceived, marksReceived, marksReturned, clears, mediaSent } = this;
    return { mediaMessages, bytesReceived, marksReceived, marksReturned, clears, mediaSent, errors: this.errors.length };
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return this.fail(new Error('31950: binary frame from server'));
    let msg: any;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      return this.fail(new Error(`31951: malformed JSON from server: ${data.toString().slice(0, 200)}`));
    }
    this.messages.push(msg);
    this.emit('message', msg);
    if (msg?.streamSid !== this.streamSid) return this.fail(new Error(`31951: wrong streamSid ${msg?.streamSid} in ${msg?.event}`));
    const now = performance.now();
    switch (msg.event) {
      case 'media': {
        const payload = msg.media?.payload;
        if (typeof payload !== 'string' || !B64_RE.test(payload)) return this.fail(new Error('31951: media without a base64 payload'));
        const audio = Buffer.from(payload, 'base64');
        this.mediaMessages++;
        this.bytesReceived += audio.length;
        if (this.recordAudio) this.received.push(audio);
        this.playback.addAudio(audio, now);
        this.emit('media', audio, msg);
        return;
      }
      case 'mark': {
        const name = msg.mark?.name;
        if (typeof name !== 'string') return this.fail(new Error('31951: mark without a name'));
        this.marksReceived++;
        this.playback.addMark(name, now);
        this.emit('mark', name);
        this.pumpMarks();
        return;
      }
      case 'clear':
        this.clears++;
        this.emit('clear');
        for (const name of this.playback.clear(now)) this.returnMark(name);
        this.pumpMarks();
        return;
      default:
        return this.fail(new Error(`31951: unknown event ${JSON.stringify(msg.event)}`));
    }
  }

  /** Returns marks whose audio has played; one timer for the earliest pending keeps them ordered. */
  private pumpMarks(): void {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    for (const name of this.playback.takeDueMarks(performance.now())) this.returnMark(name);
    const due = this.playback.nextMarkDue();
    if (due !== undefined && this.isOpen) {
      this.markTimer = setTimeout(() => this.pumpMarks(), Math.max(0, Math.ceil(due - performance.now())));
    }
  }

  private returnMark(name: string): void {
    const sent = this.sendJson({ event: 'mark', streamSid: this.streamSid, sequenceNumber: this.nextSeq(), mark: { name } });
    if (!sent) return;
    this.marksReturned++;
    const entry = { name, atMs: this.elapsedMs() };
    this.marksSentBack.push(entry);
    this.emit('markReturned', entry);
  }

  private nextSeq(): string {
    return String(++this.seq);
  }

  private sendJson(msg: object): boolean {
    if (!this.isOpen) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  private fail(err: Error): void {
    this.errors.push(err);
    this.emit('protocolError', err);
  }
}

function connect(url: string, opts: PlaceOptions): Promise<WebSocket> {
  const timeout = opts.connectTimeoutMs ?? 5000;
  const headers: Record<string, string> = { 'User-Agent': 'Twilio.TmeWs/1.0' };
  // Signed over the URL as connected to (wss:// stays wss://), with no params.
  const sig = opts.wsSignatureOverride === undefined ? twilioSignature(opts.authToken, url, {}) : opts.wsSignatureOverride;
  if (sig !== null) headers['X-Twilio-Signature'] = sig;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { ...opts.wsOptions, headers: { ...opts.wsOptions?.headers, ...headers }, handshakeTimeout: timeout });
    ws.once('open', () => {
      ws.removeAllListeners('error');
      resolve(ws);
    });
    ws.once('unexpected-response', (req, res) => {
      // With this listener ws leaves the refused request to us: read the body, then drop it.
      let body = '';
      const done = () => {
        reject(new SimulatedCallError(`WebSocket upgrade refused: ${res.statusCode}`, res.statusCode, body));
        req.destroy();
      };
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', done);
      res.on('error', done);
    });
    ws.on('error', (err) => reject(new SimulatedCallError(`WebSocket connect failed: ${err.message}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls predicate every 5 ms; rejects with a descriptive error after timeoutMs. */
export async function waitFor(predicate: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}
