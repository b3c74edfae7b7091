// The media half of a SIP call: an RTP session on a pool port, and once the call is answered, a
// MediaSession (transport 'sip') fed by it — the same bus frames, events and agent dispatch as a Twilio
// call. Signalling (signaling/sip) drives it through the small interface below, never by import.
import type { Logger } from '../../lib/logger.ts';
import { callLogger } from '../../lib/logger.ts';
import { uap } from '../../proto/index.ts';
import { MediaSession, type SessionDeps } from '../session/media-session.ts';
import { RtpSession } from './rtp-session.ts';
import type { RtpAudioCodec } from './audio-codec.ts';
import { RtpClock } from './clock.ts';
import type { PortPool } from './port-pool.ts';
import type { RtpMetrics } from './metrics.ts';

export interface SipMediaOptions {
  /** Address RTP sockets bind to. */
  bindHost: string;
  /** Address the SDP answer advertises (c=). */
  publicAddress: string;
  pool: PortPool;
  /** Shared 20 ms clock (one per process); made here when not given, with this precision window (ms) and phases. */
  clock?: RtpClock;
  clockPrecisionMs?: number;
  clockPhases?: number;
  rtpMetrics: RtpMetrics;
  /** Hang up after this long without RTP (ms). */
  inactivityTimeoutMs: number;
  /** Jitter buffer target delay bounds (ms, default 40–60). */
  jitterMinMs?: number;
  jitterMaxMs?: number;
  idleSilence?: boolean;
  sessionDeps: Omit<SessionDeps, 'transport' | 'log' | 'onClosed'>;
  internalRate: number;
  leadMs: number;
  queueMaxMs: number;
  dispatchTimeoutMs: number;
  log: Logger;
  onSession?(session: MediaSession, open: boolean): void;
}

export interface SipMediaRequest {
  sipCallId: string;
  codec: RtpAudioCodec;
  payloadType: number;
  telephoneEventPt: number | undefined;
  remoteAddress: string;
  remotePort: number;
}

export interface SipCallInfo {
  /** Our call id (a subject token), not the SIP Call-ID. */
  callId: string;
  tenantId: string;
  from: string;
  to: string;
  sipCallId: string;
  agentKind: string;
  agentConfigId: string;
  agentConfigJson?: string;
  /** Who called: the caller (inbound, the default) or us through a trunk (outbound). */
  direction?: 'inbound' | 'outbound';
}

export type SipLegEnd = 'caller-hangup' | 'cancelled' | 'no-ack' | 'shutdown' | 'local' | 'transferred';

export interface SipMediaLeg {
  readonly address: string;
  readonly port: number;
  readonly rtp: RtpSession;
  /** The call is answered: start RTP and the media session (agent dispatch). `hangup` asks signalling for a BYE. */
  start(call: SipCallInfo, hangup: (reason: string) => void): void;
  /** Signalling ended the call. Idempotent. */
  close(end: SipLegEnd): void;
  /** The caller's media moved (re-INVITE). */
  updateRemote(address: string, port: number): void;
  /** A re-INVITE changed the codec (or its payload types). */
  changeCodec(m: Pick<SipMediaRequest, 'codec' | 'payloadType' | 'telephoneEventPt'>): void;
  /** Whether we send RTP (not while the peer is sendonly or inactive). */
  setSending(on: boolean): void;
  /** Outbound calls: the callee's answer picked the codec and says where its RTP goes. */
  negotiated(m: Pick<SipMediaRequest, 'codec' | 'payloadType' | 'telephoneEventPt' | 'remoteAddress' | 'remotePort'>): void;
}

const END_REASON: Record<SipLegEnd, uap.EndReason> = {
  'caller-hangup': uap.EndReason.CALLER_HANGUP,
  cancelled: uap.EndReason.CALLER_HANGUP,
  'no-ack': uap.EndReason.TRANSPORT_LOST,
  shutdown: uap.EndReason.SHUTDOWN,
  local: uap.EndReason.AGENT_HANGUP,
  transferred: uap.EndReason.TRANSFERRED,
};

export class SipMedia {
  readonly clock: RtpClock;
  private readonly legs = new Set<Leg>();

  constructor(private readonly o: SipMediaOptions) {
    this.clock = o.clock ?? new RtpClock(20, undefined, o.clockPrecisionMs ?? 0, o.clockPhases ?? 1);
    this.clock.onError ??= (err) => o.log.error({ err }, 'RTP tick failed');
    // Per phase: the change in lateness between a phase's consecutive ticks is what its calls see.
    const prevTick: number[] = [];
    const prevLate: number[] = [];
    this.clock.onLateness ??= (ms, n, phase) => {
      o.rtpMetrics.clockLateness.observe(ms / 1000);
      if (n === (prevTick[phase] ?? -2) + 1) o.rtpMetrics.clockJitter.observe(Math.abs(ms - prevLate[phase]) / 1000);
      prevTick[phase] = n;
      prevLate[phase] = ms;
    };
  }

  get activeLegs(): number {
    return this.legs.size;
  }

  /** Allocates the RTP port (rejects with PortPoolExhaustedError when none is free). */
  async open(req: SipMediaRequest): Promise<SipMediaLeg> {
    const log = this.o.log.child({ sipCallId: req.sipCallId, transport: 'sip' });
    const rtp = await RtpSession.open(this.o.pool, this.o.bindHost, {
      codec: req.codec,
      payloadType: req.payloadType,
      telephoneEventPt: req.telephoneEventPt,
      remoteAddress: req.remoteAddress,
      remotePort: req.remotePort,
      inactivityTimeoutMs: this.o.inactivityTimeoutMs,
      jitterMinMs: this.o.jitterMinMs,
      jitterMaxMs: this.o.jitterMaxMs,
      cname: `uap@${this.o.publicAddress}`,
      idleSilence: this.o.idleSilence,
      clock: this.clock,
      metrics: this.o.rtpMetrics,
      log,
    });
    const leg = new Leg(rtp, this.o, log, (l) => this.legs.delete(l));
    this.legs.add(leg);
    return leg;
  }

  /** Ends every call (process shutdown). */
  closeAll(): void {
    for (const l of [...this.legs]) l.close('shutdown');
  }
}

class Leg implements SipMediaLeg {
  readonly address: string;
  private session: MediaSession | undefined;
  private closed = false;

  constructor(readonly rtp: RtpSession, private readonly o: SipMediaOptions, private log: Logger, private readonly onGone: (l: Leg) => void) {
    this.address = o.publicAddress;
  }

  get port(): number {
    return this.rtp.localPort;
  }

  start(call: SipCallInfo, hangup: (reason: string) => void): void {
    if (this.closed || this.session) return;
    const o = this.o;
    // The call's PCM rate is its codec's: 8 kHz G.711, 16 kHz G.722 (no detour through 8 kHz).
    const rate = this.rtp.pcmRate;
    this.log = callLogger(o.log, call.callId, call.tenantId, { transport: 'sip', sipCallId: call.sipCallId });
    const session = new MediaSession(
      {
        callId: call.callId,
        tenantId: call.tenantId,
        started: { transport: 'sip', direction: call.direction ?? 'inbound', from: call.from, to: call.to, providerCallId: call.sipCallId, agentKind: call.agentKind, agentConfigId: call.agentConfigId, sampleRate: rate },
        transportRate: rate,
        internalRate: o.internalRate,
        leadMs: o.leadMs,
        queueMaxMs: o.queueMaxMs,
        dispatchTimeoutMs: o.dispatchTimeoutMs,
        agentConfigJson: call.agentConfigJson,
      },
      { ...o.sessionDeps, transport: this.rtp, log: this.log, onClosed: (s) => o.onSession?.(s, false) },
    );
    this.session = session;
    const rtp = this.rtp;
    rtp.sink = {
      onAudio: (pcm, ts) => session.onCallerAudio(pcm, ts),
      onDtmf: (digit, ts) => session.onDtmf(digit, ts),
      onMarkPlayed: (name, cleared) => session.onMarkPlayed(name, cleared),
      onTimeout: (idleMs) => {
        session.end(uap.EndReason.TRANSPORT_LOST, `no RTP for ${idleMs} ms`);
        rtp.hangup('no RTP');
      },
    };
    // The media session (agent hangup, no agent, RTP timeout) asks for the call to end: signalling sends BYE.
    rtp.onHangup = (reason) => hangup(reason);
    rtp.start();
    o.onSession?.(session, true);
    this.log.info({ from: call.from, to: call.to, agentKind: call.agentKind, rtpPort: rtp.localPort, codec: rtp.codec, pcmRate: rate }, 'SIP call answered: media started');
    void session.start();
  }

  updateRemote(address: string, port: number): void {
    this.rtp.updateRemote(address, port);
  }

  negotiated(m: Pick<SipMediaRequest, 'codec' | 'payloadType' | 'telephoneEventPt' | 'remoteAddress' | 'remotePort'>): void {
    this.rtp.setCodec(m.codec, m.payloadType, m.telephoneEventPt);
    this.rtp.updateRemote(m.remoteAddress, m.remotePort);
  }

  changeCodec(m: Pick<SipMediaRequest, 'codec' | 'payloadType' | 'telephoneEventPt'>): void {
    if (!this.closed) this.rtp.setCodec(m.codec, m.payloadType, m.telephoneEventPt);
  }

  setSending(on: boolean): void {
    this.rtp.setSending(on);
  }

  close(end: SipLegEnd): void {
    if (this.closed) return;
    this.closed = true;
    this.session?.end(END_REASON[end], end);
    this.rtp.close();
    this.onGone(this);
  }
}
