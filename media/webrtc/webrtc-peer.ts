// One browser call's media: a werift RTCPeerConnection answering the browser's offer with one Opus audio
// track. Receiving (audio-receiver.ts): RTP → the adaptive jitter buffer, decoded at the call's PCM rate
// → one 20 ms PCM frame per tick of the shared RTP clock to the sink; RFC 4733 telephone-events →
// digits. Sending (the SessionTransport the media session plays into): PCM frames queue here and go out
// one every 20 ms on the same clock, Opus-encoded at send time so a clear() drops audio that was never
// encoded. ICE that does not connect in time, a
// connection that stays lost, or no RTP for too long ends the call through onLost.
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, type RTCRtpTransceiver, type RTCRtpSender } from 'werift';
import { randomInt } from 'node:crypto';
import type { Logger } from '../../lib/logger.ts';
import type { SessionTransport } from '../session/media-session.ts';
import type { RtpClock, TickListener } from '../rtp/clock.ts';
import { OpusCodec, OPUS_TS_STEP } from './opus.ts';
import { AudioReceiver, type AudioReceiverStats } from './audio-receiver.ts';
import type { WebRtcMetrics } from './metrics.ts';
import { peerConfig, type WebRtcNetConfig } from './peer-config.ts';
import { OutgoingFrames } from '../session/outgoing-frames.ts';

/** After an event-loop stall, at most this many owed packets go out at once; older ones are skipped. */
const MAX_CATCHUP = 5;
/** The receiver's counts go to the metrics every 16 ticks (320 ms); its jitter and delay every 5 s. */
const REPORT_TICKS = 16;
const SAMPLE_TICKS = 250;

export type OfferErrorCode = 'BAD_SDP' | 'NO_AUDIO' | 'NO_CODEC';

/** The browser's offer cannot be answered; `message` is meant for the caller. */
export class OfferError extends Error {
  constructor(readonly code: OfferErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export type PeerLoss = 'ice-timeout' | 'failed' | 'connection-lost' | 'media-timeout';

export interface WebRtcPeerOptions {
  /** ICE servers and ports (peer-config.ts builds the rest). */
  net: WebRtcNetConfig;
  pcmRate: 16000 | 24000 | 48000 | 8000;
  /** Time allowed from the answer to ICE + DTLS connected, and for a lost connection to come back (ms). */
  iceTimeoutMs: number;
  /** Hang up a connected call after this long without RTP from the browser (ms). */
  mediaTimeoutMs: number;
  /** Longest wait for candidates before the answer goes out without the rest (they trickle) (ms, default 1000). */
  gatherWaitMs?: number;
  /** Bounds of the jitter buffer's adaptive target delay (ms, default 40–100). */
  jitterMinMs?: number;
  jitterMaxMs?: number;
  /** Frames queued for sending at most (default 50 = 1 s). */
  sendQueueFrames?: number;
  clock: RtpClock;
  metrics: WebRtcMetrics;
  log: Logger;
}

export interface WebRtcSink {
  onAudio(pcm: Int16Array, mediaTsMs: number): void;
  onDtmf(digit: string, mediaTsMs: number): void;
  /** A mark's audio has gone out (or was dropped by clear: cleared = true). */
  onMarkPlayed(name: string, cleared: boolean): void;
}

export interface IceCandidateMessage {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
}

export interface WebRtcPeerStats extends AudioReceiverStats {
  received: number;
  sent: number;
  encodeErrors: number;
}

const noop = (): void => {};

export class WebRtcPeer implements SessionTransport, TickListener {
  readonly name = 'webrtc';
  sink: WebRtcSink | undefined;
  /** ICE + DTLS are up (once). */
  onConnected: (() => void) | undefined;
  /** The media path is gone (ICE timeout, failure, lost for too long, no RTP). */
  onLost: ((why: PeerLoss, detail: string) => void) | undefined;
  /** The media session asked to hang up (agent hangup, no agent). */
  onHangup: ((reason: string) => void) | undefined;
  /** A local ICE candidate found after the answer (null: gathering is complete). */
  onLocalCandidate: ((c: IceCandidateMessage | null) => void) | undefined;
  private readonly counts = { received: 0, sent: 0, encodeErrors: 0 };
  answerSdp = '';

  private closed = false;
  private connected = false;
  private lostNotified = false;
  private readonly createdAt: number;
  private iceTimer: NodeJS.Timeout | undefined;
  private lostTimer: NodeJS.Timeout | undefined;
  private transceiver!: RTCRtpTransceiver;
  private sender!: RTCRtpSender;
  private readonly codec: OpusCodec;
  private opusPt = -1;
  private readonly dtmfPts = new Set<number>();

  // Receiving.
  private readonly receiver: AudioReceiver;
  private lastRxAt = 0;

  // Sending.
  private readonly frameSamples: number;
  private readonly queue: Int16Array;
  private readonly slots: Int16Array[] = [];
  private readonly out: OutgoingFrames;
  private talking = false;
  private lastTick = -1;
  private seq = randomInt(0, 0x10000);
  private readonly outHeader = new RtpHeader();
  private readonly outPacket = new RtpPacket(this.outHeader, Buffer.alloc(0));
  private hangupSent = false;

  private constructor(private readonly pc: RTCPeerConnection, private readonly o: WebRtcPeerOptions) {
    this.createdAt = o.clock.now();
    this.codec = new OpusCodec(o.pcmRate);
    this.frameSamples = this.codec.frameSamples;
    this.out = new OutgoingFrames(o.sendQueueFrames ?? 50, () => o.clock.now(), (name, cleared) => this.sink?.onMarkPlayed(name, cleared));
    this.queue = new Int16Array(this.out.capacity * this.frameSamples);
    for (let i = 0; i < this.out.capacity; i++) this.slots.push(this.queue.subarray(i * this.frameSamples, (i + 1) * this.frameSamples));
    this.receiver = new AudioReceiver(this.codec, o.metrics, this.createdAt, { minDelayMs: o.jitterMinMs, maxDelayMs: o.jitterMaxMs });
    o.metrics.peers.inc();
  }

  /**
   * Answers the browser's offer: a peer connection with our audio track, the answer SDP (with the
   * candidates gathered within gatherWaitMs; later ones come through onLocalCandidate). Rejects with an
   * OfferError when the offer has no audio or no Opus, or is not SDP werift can read.
   */
  static async answer(offerSdp: string, o: WebRtcPeerOptions): Promise<WebRtcPeer> {
    const pc = new RTCPeerConnection(peerConfig(o.net));
    const peer = new WebRtcPeer(pc, o);
    try {
      await peer.negotiate(offerSdp);
    } catch (err) {
      peer.lostNotified = true; // counted as a bad offer, not as a connection that failed
      if (err instanceof OfferError) o.metrics.outcome('bad_offer');
      peer.close();
      throw err;
    }
    return peer;
  }

  private async negotiate(offerSdp: string): Promise<void> {
    const pc = this.pc;
    // Tracks are announced during setRemoteDescription: subscribe first.
    pc.onTrack.subscribe((track) => {
      if (track.kind === 'audio') track.onReceiveRtp.subscribe(this.onRtp);
    });
    pc.connectionStateChange.subscribe(this.onConnectionState);
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    } catch (err) {
      throw new OfferError('BAD_SDP', `the offer could not be read as SDP: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const audio = pc.getTransceivers().filter((t) => t.kind === 'audio');
    if (audio.length === 0) throw new OfferError('NO_AUDIO', 'the offer has no audio section (m=audio): a call needs one audio track');
    const t = audio[0];
    const opus = t.codecs.find((c) => c.mimeType.toLowerCase() === 'audio/opus');
    if (!opus) throw new OfferError('NO_CODEC', `the offer's audio has no codec we speak: Opus/48000 is required (offered: ${t.codecs.map((c) => c.mimeType).join(', ') || 'none we know'})`);
    this.opusPt = opus.payloadType;
    for (const c of t.codecs) if (c.mimeType.toLowerCase() === 'audio/telephone-event') this.dtmfPts.add(c.payloadType);
    this.transceiver = t;
    this.sender = t.sender;
    await t.sender.replaceTrack(new MediaStreamTrack({ kind: 'audio' }));
    t.setDirection('sendrecv');
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    await this.waitForCandidates(this.o.gatherWaitMs ?? 1000);
    this.answerSdp = pc.localDescription?.sdp ?? answer.sdp;
    // Candidates found after the answer trickle to the browser.
    pc.onIceCandidate.subscribe((c) => {
      if (this.closed) return;
      this.onLocalCandidate?.(c ? { candidate: c.candidate ?? '', sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? null } : null);
    });
    if (!this.closed && !this.connected) {
      this.iceTimer = setTimeout(() => this.lose('ice-timeout', `ICE did not connect within ${this.o.iceTimeoutMs} ms`), this.o.iceTimeoutMs);
      this.iceTimer.unref();
    }
    this.o.clock.add(this);
  }

  private waitForCandidates(ms: number): Promise<void> {
    if (this.pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const { unSubscribe } = this.pc.iceGatheringStateChange.subscribe((s) => s === 'complete' && done());
      function done(): void {
        clearTimeout(timer);
        unSubscribe();
        resolve();
      }
    });
  }

  /** A candidate from the browser (trickle ICE). Bad candidates are the caller's to report. */
  async addRemoteCandidate(c: IceCandidateMessage | null): Promise<void> {
    if (this.closed) return;
    await this.pc.addIceCandidate(c ? { candidate: c.candidate, sdpMid: c.sdpMid ?? undefined, sdpMLineIndex: c.sdpMLineIndex ?? undefined, usernameFragment: c.usernameFragment ?? undefined } : undefined);
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** The transport-level stats of werift (RTT, loss, jitter), for diagnostics. */
  getStats(): ReturnType<RTCPeerConnection['getStats']> {
    return this.pc.getStats();
  }

  private readonly onConnectionState = (state: string): void => {
    if (this.closed) return;
    if (state === 'connected') {
      clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
      if (this.connected) return;
      this.connected = true;
      clearTimeout(this.iceTimer);
      this.iceTimer = undefined;
      this.lastRxAt = this.o.clock.now();
      this.o.metrics.outcome('connected');
      this.o.metrics.connectSeconds.observe((this.o.clock.now() - this.createdAt) / 1000);
      this.onConnected?.();
    } else if (state === 'failed') {
      this.lose('failed', this.connected ? 'the connection failed' : 'ICE failed: no candidate pair worked');
    } else if (state === 'disconnected' && this.connected && !this.lostTimer) {
      // ICE may come back by itself (a network change): give it the ICE timeout.
      this.o.log.info('WebRTC connection interrupted; waiting for it to come back');
      this.lostTimer = setTimeout(() => this.lose('connection-lost', `the connection stayed lost for ${this.o.iceTimeoutMs} ms`), this.o.iceTimeoutMs);
      this.lostTimer.unref();
    }
  };

  private lose(why: PeerLoss, detail: string): void {
    if (this.closed || this.lostNotified) return;
    this.lostNotified = true;
    if (!this.connected) this.o.metrics.outcome(why === 'ice-timeout' ? 'ice_timeout' : 'failed');
    else this.o.metrics.mediaTimeouts.inc();
    this.o.log.warn({ why, detail, connected: this.connected }, 'WebRTC media lost');
    this.onLost?.(why, detail);
  }

  // --- receiving ---

  /** Caller audio stops reaching the sink while muted. */
  get muted(): boolean {
    return this.receiver.muted;
  }

  set muted(m: boolean) {
    this.receiver.muted = m;
  }

  get stats(): WebRtcPeerStats {
    return { received: this.counts.received, sent: this.counts.sent, encodeErrors: this.counts.encodeErrors, ...this.receiver.stats };
  }

  private readonly onRtp = (pkt: RtpPacket): void => {
    if (this.closed) return;
    const h = pkt.header;
    const opus = h.payloadType === this.opusPt;
    if (!opus && !this.dtmfPts.has(h.payloadType)) {
      this.o.metrics.dropped('wrong_pt');
      return;
    }
    this.counts.received++;
    this.o.metrics.packetsIn.inc();
    const now = this.o.clock.now();
    this.lastRxAt = now;
    this.receiver.onPacket(h, pkt.payload, opus, now, this.sink);
  };

  // --- the clock ---

  /** Sending: the packets this tick owes (time-critical; see RtpClock). */
  onTick(n: number, now: number): void {
    if (this.closed) return;
    if (!this.connected) return;
    if (this.lastTick < 0) this.lastTick = n - 1;
    let from = this.lastTick + 1;
    if (n - from >= MAX_CATCHUP) from = n - MAX_CATCHUP + 1;
    for (let t = from; t <= n; t++) this.sendTick(t, now);
    this.lastTick = n;
    if (this.out.marksWaiting) this.out.fireMarks();
    if ((n & 15) === 0 && now - this.lastRxAt > this.o.mediaTimeoutMs) this.lose('media-timeout', `no RTP from the browser for ${Math.round(now - this.lastRxAt)} ms`);
  }

  /** Receiving: the jitter buffer's frame for this tick; now and then its counts to the metrics. */
  afterTick(n: number, now: number): void {
    if (this.closed || !this.connected) return;
    if (this.sink) this.receiver.playOut(n, now, this.sink);
    if (n % REPORT_TICKS === 0) this.receiver.report();
    if (n % SAMPLE_TICKS === 0) this.receiver.sample();
  }

  private sendTick(tick: number, now: number): void {
    // Live audio arrives with jitter: a talkspurt starts once its first frame has waited ~10 ms.
    if (this.out.pending(now, this.talking, 10) <= 0) {
      this.talking = false; // a gap (DTX): the next packet starts a talkspurt with the marker bit
      return;
    }
    const slot = this.slots[this.out.take()];
    let payload: Buffer;
    try {
      payload = this.codec.encode(slot);
    } catch {
      this.counts.encodeErrors++;
      return;
    }
    const h = this.outHeader;
    h.payloadType = this.opusPt;
    h.marker = !this.talking;
    h.sequenceNumber = this.seq;
    h.timestamp = (tick * OPUS_TS_STEP) >>> 0;
    h.extensions = [];
    this.seq = (this.seq + 1) & 0xffff;
    this.outPacket.payload = payload;
    // werift encrypts synchronously inside sendRtp, so the shared encoder buffer may be reused after it.
    this.sender.sendRtp(this.outPacket).catch(noop);
    this.talking = true;
    this.counts.sent++;
    this.o.metrics.packetsOut.inc();
  }

  // --- SessionTransport ---

  sendAudio(pcm: Int16Array): boolean {
    if (this.closed) return false;
    const index = this.out.reserve();
    if (index < 0) {
      this.o.metrics.dropped('queue_full');
      return false;
    }
    const slot = this.slots[index];
    if (pcm.length >= slot.length) slot.set(pcm.length === slot.length ? pcm : pcm.subarray(0, slot.length));
    else {
      slot.set(pcm);
      slot.fill(0, pcm.length);
    }
    this.out.commit();
    return true;
  }

  sendMark(name: string): void {
    if (this.closed) return;
    this.out.mark(name, () => this.closed);
  }

  clear(): void {
    if (this.closed) return;
    this.out.clear();
  }

  hangup(reason: string): void {
    if (this.hangupSent) return;
    this.hangupSent = true;
    this.onHangup?.(reason);
  }

  /** Closes the peer connection (sockets, DTLS) and leaves the clock. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.iceTimer);
    clearTimeout(this.lostTimer);
    this.o.clock.remove(this);
    if (this.connected) this.receiver.report();
    if (!this.connected && !this.lostNotified) this.o.metrics.outcome('closed_before_connect');
    this.sink = undefined;
    this.out.dropMarks();
    this.o.metrics.peers.dec();
    this.pc.close().catch((err: unknown) => this.o.log.debug({ err }, 'peer connection close failed'));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Transceiver of the call's audio (tests). */
  get audioTransceiver(): RTCRtpTransceiver {
    return this.transceiver;
  }
}
