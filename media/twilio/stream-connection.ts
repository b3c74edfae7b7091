// One Twilio Media Streams WebSocket: the protocol state machine (connected → start → media… → stop),
// token check on `start`, G.711 µ-law ↔ PCM, and the SessionTransport the media session drives.
import { ulawDecode, ulawEncode } from '../codecs/index.ts';
import { uap } from '../../proto/index.ts';
import { verifyStreamToken, type TokenReplayGuard } from '../../lib/stream-token.ts';
import { callLogger, type Logger } from '../../lib/logger.ts';
import { errorMessage } from '../../lib/errors.ts';
import { isSubjectToken } from '../../proto/index.ts';
import { MediaSession, type SessionDeps, type SessionTransport } from '../session/media-session.ts';
import { base64Into, base64Length } from './base64.ts';
import { parseTwilioMessage, TwilioProtocolError, CloseCode, MAX_MESSAGE_BYTES } from './messages.ts';
import type { MediaMetrics } from '../metrics.ts';

/** What the connection needs from the WebSocket library. */
export interface StreamSocket {
  send(text: string): void;
  /** A text frame given as UTF-8 bytes (copied before returning). */
  sendText(bytes: Uint8Array): void;
  bufferedAmount(): number;
  end(code: number, reason: string): void;
}

export interface StreamContext {
  log: Logger;
  metrics: MediaMetrics;
  tokenKey: Buffer | undefined;
  replay: TokenReplayGuard;
  sessionDeps: Omit<SessionDeps, 'transport' | 'log' | 'onClosed'>;
  internalRate: number;
  leadMs: number;
  queueMaxMs: number;
  dispatchTimeoutMs: number;
  maxBackpressureBytes: number;
  onSession(session: MediaSession, open: boolean): void;
}

const TWILIO_RATE = 8000;
const FRAME_SAMPLES = 160; // 20 ms at 8 kHz
/** 5 s of frames dropped in a row to a socket that does not drain: the client is stalled. */
const STALL_FRAMES = 250;
// Shared scratch: messages are handled one at a time.
const payloadBuf = Buffer.alloc(MAX_MESSAGE_BYTES);
const pcmBuf = new Int16Array(MAX_MESSAGE_BYTES);
const ulawOut = Buffer.alloc(4096);
const mediaOut = Buffer.alloc(8192);
const SUFFIX = Buffer.from('"}}');

export class TwilioStreamConnection implements SessionTransport {
  readonly name = 'twilio';
  private state: 'open' | 'started' | 'closed' = 'open';
  private session: MediaSession | undefined;
  private streamSid = '';
  private mediaPrefix: Uint8Array = new Uint8Array(0);
  private log: Logger;
  private droppedInARow = 0;
  /** Marks sent to Twilio and not yet returned; those outstanding at a `clear` come back as cleared. */
  private outstandingMarks = new Set<string>();
  private clearedMarks = new Set<string>();

  constructor(private readonly socket: StreamSocket, private readonly ctx: StreamContext, readonly remote: string) {
    this.log = ctx.log.child({ remote });
  }

  get callId(): string | undefined {
    return this.session?.callId;
  }

  /** A frame arrived from Twilio. Never throws. */
  onMessage(data: ArrayBuffer | Uint8Array, isBinary: boolean): void {
    if (this.state === 'closed') return;
    try {
      if (isBinary) throw new TwilioProtocolError('BINARY_FRAME', 'binary frames are not part of the protocol', CloseCode.unsupportedData);
      if (data.byteLength > MAX_MESSAGE_BYTES) throw new TwilioProtocolError('OVERSIZE_FRAME', `frame of ${data.byteLength} bytes exceeds ${MAX_MESSAGE_BYTES}`, CloseCode.tooBig);
      const bytes = data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
      this.handle(parseTwilioMessage(bytes.toString('utf8')));
    } catch (err) {
      if (err instanceof TwilioProtocolError) this.protocolError(err);
      else {
        this.log.error({ err }, 'unexpected error handling a media stream message');
        this.ctx.metrics.socketError('INTERNAL');
        this.closeWith(CloseCode.internal, 'internal error', uap.EndReason.PROTOCOL_ERROR, errorMessage(err));
      }
    }
  }

  private handle(m: ReturnType<typeof parseTwilioMessage>): void {
    switch (m.event) {
      case 'media': {
        if (this.state !== 'started') throw new TwilioProtocolError('MEDIA_BEFORE_START', 'media before start', CloseCode.policy);
        if (m.streamSid !== this.streamSid) throw new TwilioProtocolError('WRONG_STREAM_SID', 'media for another stream', CloseCode.policy);
        if (m.track !== 'inbound') return; // outbound_track echoes of our own audio are not caller speech
        const n = payloadBuf.write(m.payload, 0, 'base64');
        ulawDecode(payloadBuf, pcmBuf, n);
        // Twilio sends 20 ms, but nothing guarantees it: publish in 20 ms pieces so bus frames stay uniform.
        for (let off = 0; off < n; off += FRAME_SAMPLES) {
          this.session!.onCallerAudio(pcmBuf.subarray(off, Math.min(n, off + FRAME_SAMPLES)), m.timestampMs + off / 8);
        }
        return;
      }
      case 'start':
        if (this.state === 'started') throw new TwilioProtocolError('SECOND_START', 'a second start on one stream', CloseCode.policy);
        this.start(m);
        return;
      case 'connected':
        return;
      case 'dtmf':
        this.requireStarted(m.streamSid);
        this.session!.onDtmf(m.digit, 0);
        return;
      case 'mark': {
        this.requireStarted(m.streamSid);
        this.outstandingMarks.delete(m.name);
        const cleared = this.clearedMarks.delete(m.name);
        this.session!.onMarkPlayed(m.name, cleared);
        return;
      }
      case 'stop':
        this.requireStarted(m.streamSid);
        this.closeWith(CloseCode.normal, 'stream stopped', uap.EndReason.CALLER_HANGUP, 'stop');
        return;
      case 'unknown':
        // Twilio adds events over time; an unknown one is logged and counted, and the call goes on.
        this.ctx.metrics.socketError('UNKNOWN_EVENT');
        this.log.warn({ callId: this.callId, event: m.name }, 'unknown media stream event ignored');
        return;
    }
  }

  private requireStarted(streamSid: string): void {
    if (this.state !== 'started') throw new TwilioProtocolError('EVENT_BEFORE_START', 'event before start', CloseCode.policy);
    if (streamSid !== this.streamSid) throw new TwilioProtocolError('WRONG_STREAM_SID', 'event for another stream', CloseCode.policy);
  }

  private start(m: Extract<ReturnType<typeof parseTwilioMessage>, { event: 'start' }>): void {
    if (!this.ctx.tokenKey) throw new TwilioProtocolError('NOT_CONFIGURED', 'TWILIO_AUTH_TOKEN is not set: media streams are refused', CloseCode.policy);
    if (m.encoding !== 'audio/x-mulaw' || m.sampleRate !== TWILIO_RATE || m.channels !== 1) {
      throw new TwilioProtocolError('UNSUPPORTED_FORMAT', `media format ${m.encoding}/${m.sampleRate}/${m.channels} is not audio/x-mulaw/8000/1`, CloseCode.unsupportedData);
    }
    const check = verifyStreamToken(this.ctx.tokenKey, m.customParameters.token);
    if (!check.ok) throw new TwilioProtocolError(check.code, `stream token refused: ${check.code}`, CloseCode.policy);
    const c = check.claims;
    if (c.providerCallId !== m.callSid) throw new TwilioProtocolError('TOKEN_WRONG_CALL', 'stream token was issued for another call', CloseCode.policy);
    if (!isSubjectToken(c.callId) || !isSubjectToken(c.tenantId)) throw new TwilioProtocolError('TOKEN_MALFORMED', 'token ids are not valid', CloseCode.policy);
    if (!this.ctx.replay.use(c.jti, c.exp)) throw new TwilioProtocolError('TOKEN_REPLAYED', 'stream token already used', CloseCode.policy);
    this.state = 'started';
    this.streamSid = m.streamSid;
    this.mediaPrefix = Buffer.from(`{"event":"media","streamSid":"${m.streamSid}","media":{"payload":"`);
    this.log = callLogger(this.ctx.log, c.callId, c.tenantId, { transport: 'twilio', streamSid: m.streamSid });
    const session = new MediaSession(
      {
        callId: c.callId,
        tenantId: c.tenantId,
        started: { transport: 'twilio', direction: c.direction ?? 'inbound', from: c.from, to: c.to, providerCallId: m.callSid, streamId: m.streamSid, agentKind: c.agentKind, agentConfigId: c.agentConfigId, sampleRate: TWILIO_RATE },
        transportRate: TWILIO_RATE,
        internalRate: this.ctx.internalRate,
        leadMs: this.ctx.leadMs,
        queueMaxMs: this.ctx.queueMaxMs,
        dispatchTimeoutMs: this.ctx.dispatchTimeoutMs,
      },
      { ...this.ctx.sessionDeps, transport: this, log: this.log, onClosed: (s) => this.ctx.onSession(s, false) },
    );
    this.session = session;
    this.ctx.onSession(session, true);
    this.log.info({ from: c.from, to: c.to, agentKind: c.agentKind }, 'media stream started');
    void session.start();
  }

  private protocolError(err: TwilioProtocolError): void {
    this.ctx.metrics.socketError(err.code);
    this.log.warn({ callId: this.callId, code: err.code, closeCode: err.closeCode }, `closing media stream: ${err.message}`);
    this.closeWith(err.closeCode, err.code, uap.EndReason.PROTOCOL_ERROR, err.code);
  }

  private closeWith(code: number, reason: string, endReason: uap.EndReason, detail: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.session?.end(endReason, detail);
    try {
      this.socket.end(code, reason);
    } catch {
      // already closed underneath us
    }
  }

  /** The socket closed (by the peer, the network or us). */
  onClose(code: number): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.session && !this.session.isClosed) {
      this.ctx.metrics.socketError('SOCKET_LOST');
      this.log.warn({ code }, 'media socket closed without stop');
      this.session.end(uap.EndReason.TRANSPORT_LOST, `socket closed (${code})`);
    }
  }

  /** Shutdown: end the call and close the socket. */
  shutdown(): void {
    this.closeWith(CloseCode.goingAway, 'server shutting down', uap.EndReason.SHUTDOWN, 'drain timeout');
  }

  // --- SessionTransport: what the media session asks of Twilio ---

  sendAudio(pcm: Int16Array): boolean {
    if (this.state !== 'started') return false;
    if (this.socket.bufferedAmount() > this.ctx.maxBackpressureBytes) {
      if (++this.droppedInARow >= STALL_FRAMES) {
        this.ctx.metrics.socketError('CLIENT_STALLED');
        this.log.warn({ bufferedBytes: this.socket.bufferedAmount() }, 'closing media stream: client is not reading (backpressure)');
        this.closeWith(CloseCode.policy, 'client too slow', uap.EndReason.TRANSPORT_LOST, 'backpressure');
      }
      return false;
    }
    this.droppedInARow = 0;
    const n = pcm.length;
    if (this.mediaPrefix.length + base64Length(n) + SUFFIX.length > mediaOut.length) return false;
    ulawEncode(pcm, ulawOut, n);
    mediaOut.set(this.mediaPrefix, 0);
    let o = base64Into(ulawOut, n, mediaOut, this.mediaPrefix.length);
    mediaOut.set(SUFFIX, o);
    o += SUFFIX.length;
    this.socket.sendText(mediaOut.subarray(0, o));
    return true;
  }

  sendMark(name: string): void {
    if (this.state !== 'started') return;
    this.outstandingMarks.add(name);
    this.socket.send(JSON.stringify({ event: 'mark', streamSid: this.streamSid, mark: { name } }));
  }

  clear(): void {
    if (this.state !== 'started') return;
    for (const n of this.outstandingMarks) this.clearedMarks.add(n);
    this.outstandingMarks.clear();
    this.socket.send(`{"event":"clear","streamSid":"${this.streamSid}"}`);
  }

  hangup(reason: string): void {
    // Closing the stream ends <Connect>; with no further TwiML, Twilio hangs up the call.
    this.closeWith(CloseCode.normal, reason.slice(0, 100), uap.EndReason.AGENT_HANGUP, reason);
  }
}
