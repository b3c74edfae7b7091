// The media half of a browser call: a WebRtcPeer answering the offer, and once ICE + DTLS connect, a
// MediaSession (transport 'webrtc') fed by it — the same bus frames, events and agent dispatch as Twilio
// and SIP calls. Signalling (signaling/webrtc) drives it through the small interface below, never by
// import; cli/serve.ts hands one to the other.
import type { Logger } from '../../lib/logger.ts';
import { callLogger } from '../../lib/logger.ts';
import { uap } from '../../proto/index.ts';
import { MediaSession, type SessionDeps } from '../session/media-session.ts';
import { RtpClock } from '../rtp/clock.ts';
import type { WebRtcPeer, IceCandidateMessage, PeerLoss } from './webrtc-peer.ts';
import type { WebRtcNetConfig } from './peer-config.ts';
import type { WebRtcMetrics } from './metrics.ts';

export interface WebRtcMediaOptions {
  net: WebRtcNetConfig;
  iceTimeoutMs: number;
  mediaTimeoutMs: number;
  /** Bounds of the jitter buffer's adaptive target delay (ms, default 40–100). */
  jitterMinMs?: number;
  jitterMaxMs?: number;
  /** Shared 20 ms clock (one per process); made here when not given. */
  clock?: RtpClock;
  webrtcMetrics: WebRtcMetrics;
  sessionDeps: Omit<SessionDeps, 'transport' | 'log' | 'onClosed'>;
  internalRate: number;
  leadMs: number;
  queueMaxMs: number;
  dispatchTimeoutMs: number;
  log: Logger;
  onSession?(session: MediaSession, open: boolean): void;
}

export interface WebRtcCallInfo {
  /** Our call id (a subject token). */
  callId: string;
  tenantId: string;
  /** Who calls: `user:<id>` for a signed-in user. */
  from: string;
  /** What was called: a number, or `agent:<configId>`. */
  to: string;
  agentKind: string;
  agentConfigId: string;
  agentConfigJson?: string;
}

/** What the media side tells signalling about a call. */
export interface WebRtcCallEvents {
  /** ICE + DTLS are up and the media session has started (agent dispatch under way). */
  onConnected(): void;
  /** The media side ended the call (ICE timeout, connection lost, agent hangup, no agent). */
  onEnded(reason: string, detail: string): void;
}

export type WebRtcLegEnd = 'caller-hangup' | 'signaling-lost' | 'shutdown' | 'refused';

export interface WebRtcMediaLeg {
  readonly answerSdp: string;
  /** Local candidates found after the answer, for trickling to the browser. */
  onLocalCandidate: ((c: IceCandidateMessage | null) => void) | undefined;
  addRemoteCandidate(c: IceCandidateMessage | null): Promise<void>;
  /** Binds the call: the media session starts when the peer connects. */
  start(call: WebRtcCallInfo, events: WebRtcCallEvents): void;
  /** Caller audio stops reaching the agent while muted. */
  setMuted(muted: boolean): void;
  /** A key press sent as a signalling message (browsers without RFC 4733). False before media runs. */
  signalDtmf(digit: string): boolean;
  /** Signalling ended the call. Idempotent. */
  close(end: WebRtcLegEnd): void;
  readonly connected: boolean;
}

const END_REASON: Record<WebRtcLegEnd, uap.EndReason> = {
  'caller-hangup': uap.EndReason.CALLER_HANGUP,
  'signaling-lost': uap.EndReason.TRANSPORT_LOST,
  shutdown: uap.EndReason.SHUTDOWN,
  refused: uap.EndReason.REFUSED,
};

// werift and Opus load on the first call (~0.4 s of module evaluation), not at process start.
let peerModule: Promise<typeof import('./webrtc-peer.ts')> | undefined;
const loadPeer = () => (peerModule ??= import('./webrtc-peer.ts'));

export class WebRtcMedia {
  readonly clock: RtpClock;
  private readonly legs = new Set<Leg>();
  private readonly pcmRate: 8000 | 16000 | 24000 | 48000;

  constructor(private readonly o: WebRtcMediaOptions) {
    this.clock = o.clock ?? new RtpClock();
    this.clock.onError ??= (err) => o.log.error({ err }, 'WebRTC tick failed');
    // Opus decodes straight to the internal rate: no resampling in the media session.
    this.pcmRate = ([8000, 16000, 24000, 48000] as const).find((r) => r === o.internalRate) ?? 48000;
  }

  get activeLegs(): number {
    return this.legs.size;
  }

  /** Answers an offer (rejects with OfferError for offers we cannot take). */
  async open(offerSdp: string, bindings: Record<string, unknown> = {}): Promise<WebRtcMediaLeg> {
    const log = this.o.log.child({ transport: 'webrtc', ...bindings });
    const { WebRtcPeer } = await loadPeer();
    const peer = await WebRtcPeer.answer(offerSdp, {
      net: this.o.net,
      pcmRate: this.pcmRate,
      iceTimeoutMs: this.o.iceTimeoutMs,
      mediaTimeoutMs: this.o.mediaTimeoutMs,
      jitterMinMs: this.o.jitterMinMs,
      jitterMaxMs: this.o.jitterMaxMs,
      clock: this.clock,
      metrics: this.o.webrtcMetrics,
      log,
    });
    const leg = new Leg(peer, this.o, this.pcmRate, log, (l) => this.legs.delete(l));
    this.legs.add(leg);
    return leg;
  }

  /** Ends every call (process shutdown). */
  closeAll(): void {
    for (const l of [...this.legs]) l.close('shutdown');
  }
}

class Leg implements WebRtcMediaLeg {
  private session: MediaSession | undefined;
  private call: WebRtcCallInfo | undefined;
  private events: WebRtcCallEvents | undefined;
  private closed = false;

  constructor(readonly peer: WebRtcPeer, private readonly o: WebRtcMediaOptions, private readonly pcmRate: number, private log: Logger, private readonly onGone: (l: Leg) => void) {
    peer.onConnected = () => this.startSession();
    peer.onLost = (why, detail) => this.lost(why, detail);
    peer.onHangup = (reason) => this.endByMedia('hangup', reason);
  }

  get answerSdp(): string {
    return this.peer.answerSdp;
  }

  get connected(): boolean {
    return this.peer.isConnected;
  }

  set onLocalCandidate(fn: ((c: IceCandidateMessage | null) => void) | undefined) {
    this.peer.onLocalCandidate = fn;
  }

  get onLocalCandidate(): ((c: IceCandidateMessage | null) => void) | undefined {
    return this.peer.onLocalCandidate;
  }

  addRemoteCandidate(c: IceCandidateMessage | null): Promise<void> {
    return this.peer.addRemoteCandidate(c);
  }

  setMuted(muted: boolean): void {
    this.peer.muted = muted;
  }

  signalDtmf(digit: string): boolean {
    if (!this.session || this.closed) return false;
    this.session.onDtmf(digit, Date.now() - this.session.startedAt);
    return true;
  }

  start(call: WebRtcCallInfo, events: WebRtcCallEvents): void {
    if (this.closed || this.call) return;
    this.call = call;
    this.events = events;
    this.log = callLogger(this.o.log, call.callId, call.tenantId, { transport: 'webrtc' });
    if (this.peer.isConnected) this.startSession();
  }

  private startSession(): void {
    const call = this.call;
    if (this.closed || this.session || !call) return;
    const o = this.o;
    const session = new MediaSession(
      {
        callId: call.callId,
        tenantId: call.tenantId,
        started: { transport: 'webrtc', direction: 'inbound', from: call.from, to: call.to, providerCallId: call.callId, agentKind: call.agentKind, agentConfigId: call.agentConfigId, sampleRate: this.pcmRate },
        transportRate: this.pcmRate,
        internalRate: o.internalRate,
        leadMs: o.leadMs,
        queueMaxMs: o.queueMaxMs,
        dispatchTimeoutMs: o.dispatchTimeoutMs,
        agentConfigJson: call.agentConfigJson,
      },
      { ...o.sessionDeps, transport: this.peer, log: this.log, onClosed: (s) => o.onSession?.(s, false) },
    );
    this.session = session;
    this.peer.sink = {
      onAudio: (pcm, ts) => session.onCallerAudio(pcm, ts),
      onDtmf: (digit, ts) => session.onDtmf(digit, ts),
      onMarkPlayed: (name, cleared) => session.onMarkPlayed(name, cleared),
    };
    o.onSession?.(session, true);
    this.log.info({ from: call.from, to: call.to, agentKind: call.agentKind }, 'WebRTC call connected: media started');
    this.events?.onConnected();
    void session.start();
  }

  private lost(why: PeerLoss, detail: string): void {
    this.session?.end(uap.EndReason.TRANSPORT_LOST, `${why}: ${detail}`);
    this.endByMedia(why, detail);
  }

  /** The media side ends the call: tell signalling, then release everything. */
  private endByMedia(reason: string, detail: string): void {
    if (this.closed) return;
    const events = this.events;
    this.release();
    events?.onEnded(reason, detail);
  }

  close(end: WebRtcLegEnd): void {
    if (this.closed) return;
    this.session?.end(END_REASON[end], end);
    this.release();
  }

  private release(): void {
    if (this.closed) return;
    this.closed = true;
    this.peer.close();
    this.onGone(this);
  }
}
