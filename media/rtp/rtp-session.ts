// One call's RTP: a UDP socket from the port pool, symmetric RTP (we send to where the caller's packets
// really come from, and accept only that source once latched), an adaptive jitter buffer that plays the
// caller's G.711 or G.722 out as 20 ms PCM frames to the media session on the shared clock (audio-in.ts),
// RFC 4733 DTMF in (at once, deduplicated), RTCP reports (rtcp-reporter.ts), and the SessionTransport
// that encodes PCM (audio-out.ts) and sends one packet exactly every 20 ms on the same clock (sequence,
// timestamp and SSRC per RFC 3550, marker bit on each talkspurt start). No RTP for the inactivity
// timeout → onTimeout.
//
// PCM is exchanged with the media session at the codec's rate (8 kHz G.711, 16 kHz G.722), fixed when
// the session starts; a re-INVITE that later moves to a codec of the other rate is bridged by a
// resampler each way here, so the media session never sees the change.
import type { Socket, RemoteInfo } from 'node:dgram';
import { randomInt } from 'node:crypto';
import type { Logger } from '../../lib/logger.ts';
import { Resampler } from '../codecs/index.ts';
import type { SessionTransport } from '../session/media-session.ts';
import { MAX_PAYLOAD_BYTES, RTP_HEADER_BYTES, newRtpHeader, parseRtp, writeRtpHeader } from './packet.ts';
import { DtmfReceiver, dtmfEventCode, dtmfPacketPlan, writeDtmfPayload, DTMF_PAYLOAD_BYTES, type DtmfPacketPlan } from './dtmf.ts';
import { createAudioIn, type AudioIn } from './audio-in.ts';
import { createAudioOut, type AudioOut } from './audio-out.ts';
import { FRAME_BYTES, RTP_CLOCK_RATE, RTP_FRAME_TICKS, pcmRateOf, type RtpAudioCodec } from './audio-codec.ts';
import { ReceiverStats } from './receiver-stats.ts';
import { RtcpReporter, bindRtcpSocket, type PeerReport } from './rtcp-reporter.ts';
import { bindFromPool, type PortPool } from './port-pool.ts';
import type { RtpClock, TickListener } from './clock.ts';
import type { RtpMetrics } from './metrics.ts';
import { OutgoingFrames } from '../session/outgoing-frames.ts';

export type G711 = 'PCMU' | 'PCMA';

/** RTP timestamp units per 20 ms packet (8 kHz clock, G.722 included). */
export const FRAME_SAMPLES = RTP_FRAME_TICKS;
/** After an event-loop stall, at most this many owed packets go out at once; older ones are skipped. */
const MAX_CATCHUP = 5;
const SEND_RING = 8;

export interface RtpSessionOptions {
  codec: RtpAudioCodec;
  payloadType: number;
  /** The negotiated telephone-event payload type (RFC 4733), if any. */
  telephoneEventPt: number | undefined;
  /** Where the SDP says to send, until the caller's real source is learned. 0.0.0.0 / port 0: nowhere yet. */
  remoteAddress: string;
  remotePort: number;
  /** Hang up when nothing arrives for this long (ms) after start(). */
  inactivityTimeoutMs: number;
  /** Jitter buffer target delay bounds (ms, default 40–60). */
  jitterMinMs?: number;
  jitterMaxMs?: number;
  /** RTCP report interval (ms, default 5000); CNAME of our reports. */
  rtcpIntervalMs?: number;
  cname?: string;
  /** Frames queued for sending at most (default 50 = 1 s). */
  sendQueueFrames?: number;
  /** Keep the stream going with silence when there is nothing to say (default false: DTX, marker on resume). */
  idleSilence?: boolean;
  /**
   * A talkspurt starts once its first frame has waited this long (ms, default 10): audio relayed live
   * arrives with jitter, and a frame landing just after a tick would otherwise leave a gap every time.
   */
  talkspurtCushionMs?: number;
  clock: RtpClock;
  metrics: RtpMetrics;
  log: Logger;
}

/** Where the session's receive side delivers. */
export interface RtpSink {
  onAudio(pcm: Int16Array, mediaTsMs: number): void;
  onDtmf(digit: string, mediaTsMs: number): void;
  /** A mark's audio has gone out (or was dropped by clear: cleared = true). */
  onMarkPlayed(name: string, cleared: boolean): void;
  /** No RTP for the inactivity timeout. */
  onTimeout(idleMs: number): void;
}

export interface RtpStats {
  received: number;
  sent: number;
  dropped: Record<string, number>;
  /** Packets never received (RFC 3550 cumulative loss). */
  lost: number;
  dtmf: number;
  /** Frames played out of the jitter buffer, and frames concealed. */
  played: number;
  concealed: number;
  /** Interarrival jitter (ms). */
  jitterMs: number;
}

// Shared playout scratch (frames are played one at a time): a frame at the codec's rate, and one
// resampled to the session's rate after a mid-call codec change.
const pcmFrame = new Int16Array(MAX_PAYLOAD_BYTES);
const pcmBridged = new Int16Array(MAX_PAYLOAD_BYTES);
// sendAudio may run inside a sink callback (an in-process echo): its own scratch.
const pcmBridgedOut = new Int16Array(MAX_PAYLOAD_BYTES);
/** Views of the scratch frames by length, made once (no subarray per frame). */
const views = new Map<Int16Array, Map<number, Int16Array>>([[pcmFrame, new Map()], [pcmBridged, new Map()]]);
const viewOf = (buf: Int16Array, n: number): Int16Array => {
  const byLen = views.get(buf)!;
  let v = byLen.get(n);
  if (!v) byLen.set(n, (v = buf.subarray(0, n)));
  return v;
};

export class RtpSession implements SessionTransport, TickListener {
  readonly name = 'sip';
  sink: RtpSink | undefined;
  /** The media session asked to hang up (agent hangup, no agent): the owner sends BYE. */
  onHangup: ((reason: string) => void) | undefined;
  private readonly counts = { received: 0, sent: 0, dropped: {} as Record<string, number>, dtmf: 0 };

  private closed = false;
  private started = false;
  private remoteAddress: string;
  private remotePort: number;
  private latched = false;
  private readonly hdr = newRtpHeader();
  private audioIn: AudioIn;
  private audioOut: AudioOut;
  /** PCM rate to and from the media session: the codec's, until the session starts; then fixed. */
  private rate: number;
  /** Bridges after a mid-call change to a codec of another rate (codec → session, session → codec). */
  private bridgeIn: Resampler | undefined;
  private bridgeOut: Resampler | undefined;
  /** Stats of the jitter buffers of codecs used before the current one. */
  private playedBefore = 0;
  private concealedBefore = 0;
  readonly rx = new ReceiverStats();
  private readonly rtcp: RtcpReporter;
  private lastPopTick = -1;
  private reportedDiscards = 0;
  private readonly dtmfIn = new DtmfReceiver();
  private ssrcIn = -1;
  private tsBase = 0;
  private tsBaseMs = 0;
  private readonly t0: number;
  private lastRxAt = 0;
  private timedOut = false;

  // Sending.
  readonly ssrc = randomInt(0, 2 ** 32 - 1) >>> 0;
  octetsSent = 0;
  private seq = randomInt(0, 0x10000);
  private readonly tsOffset = randomInt(0, 2 ** 32 - 1);
  private lastTick = -1;
  private talking = false;
  private readonly ring: Buffer[] = [];
  private ringPos = 0;
  private readonly queue: Buffer;
  private readonly out: OutgoingFrames;
  private dtmfQueue: { event: number; durationMs: number }[] = [];
  private dtmfPlan: DtmfPacketPlan[] | undefined;
  private dtmfStep = 0;
  private dtmfEvent = 0;
  private dtmfTs = 0;
  private dtmfGap = 0;
  private hangupSent = false;
  private sending = true;

  private constructor(
    private readonly socket: Socket,
    readonly localPort: number,
    rtcpSocket: Socket | undefined,
    private readonly releasePort: () => void,
    private readonly o: RtpSessionOptions,
  ) {
    if (o.clock.periodMs !== 20) throw new RangeError('RTP sessions need a 20 ms clock');
    this.remoteAddress = o.remoteAddress;
    this.remotePort = o.remotePort;
    this.audioIn = createAudioIn(o.codec, { minDelayMs: o.jitterMinMs, maxDelayMs: o.jitterMaxMs });
    this.rate = this.audioIn.rate;
    this.rtcp = new RtcpReporter(rtcpSocket, this, { intervalMs: o.rtcpIntervalMs ?? 5000, cname: o.cname ?? 'uap', metrics: o.metrics, log: o.log, onDrop: (r) => this.drop(r) }, o.clock.now());
    this.out = new OutgoingFrames(o.sendQueueFrames ?? 50, () => o.clock.now(), (name, cleared) => this.sink?.onMarkPlayed(name, cleared));
    this.audioOut = createAudioOut(o.codec, this.out.capacity);
    this.queue = Buffer.alloc(this.out.capacity * FRAME_BYTES);
    for (let i = 0; i < SEND_RING; i++) this.ring.push(Buffer.alloc(RTP_HEADER_BYTES + FRAME_BYTES));
    this.t0 = o.clock.now();
    socket.on('message', this.onMessage);
    socket.on('error', (err) => o.log.warn({ err, port: localPort }, 'RTP socket error'));
    // Receiving (and latching) starts now, for early packets; sending and timeouts start with start().
    o.clock.add(this);
  }

  /** Binds a socket on a port from `pool` at `host`. */
  static async open(pool: PortPool, host: string, o: RtpSessionOptions): Promise<RtpSession> {
    const { socket, port } = await bindFromPool(pool, host);
    const rtcp = await bindRtcpSocket(host, port);
    o.metrics.portsInUse.set(pool.used);
    return new RtpSession(socket, port, rtcp, () => {
      pool.release(port);
      o.metrics.portsInUse.set(pool.used);
    }, o);
  }

  /** The call is answered: start sending and watching for inactivity. */
  start(): void {
    if (this.closed || this.started) return;
    this.started = true;
    this.lastRxAt = this.now();
    this.o.metrics.codecUsed(this.o.codec);
  }

  /** The codec in use. */
  get codec(): RtpAudioCodec {
    return this.o.codec;
  }

  /** PCM rate of the frames exchanged with the media session (sink and sendAudio). */
  get pcmRate(): number {
    return this.rate;
  }

  /** The remote learned so far: the latched source, else the SDP address. */
  get remote(): { address: string; port: number; latched: boolean } {
    return { address: this.remoteAddress, port: this.remotePort, latched: this.latched };
  }

  /**
   * The codec changes: an outbound call's session is opened (for its port in our offer) before the
   * callee's answer says which of the offered codecs it takes, and a re-INVITE may switch codecs. Queued
   * audio is dropped (it is encoded for the old codec) and reception starts over with the next packet.
   */
  setCodec(codec: RtpAudioCodec, payloadType: number, telephoneEventPt: number | undefined): void {
    this.o.payloadType = payloadType;
    this.o.telephoneEventPt = telephoneEventPt;
    if (codec === this.o.codec || this.closed) return;
    this.o.codec = codec;
    const jb = this.audioIn.jb;
    this.playedBefore += jb.played;
    this.concealedBefore += jb.concealed;
    this.reportDiscards();
    this.reportedDiscards = 0;
    this.audioIn.dispose();
    this.audioOut.dispose();
    this.audioIn = createAudioIn(codec, { minDelayMs: this.o.jitterMinMs, maxDelayMs: this.o.jitterMaxMs });
    this.ssrcIn = -1; // the next packet starts the stream anew (and its media time base)
    this.lastPopTick = -1;
    this.out.clear();
    this.talking = false; // the new codec's first packet carries the marker bit
    this.audioOut = createAudioOut(codec, this.out.capacity);
    if (!this.started) this.rate = pcmRateOf(codec);
    this.bridgeIn?.dispose();
    this.bridgeOut?.dispose();
    this.bridgeIn = this.bridgeOut = undefined;
    if (this.audioIn.rate !== this.rate) {
      this.bridgeIn = new Resampler(this.audioIn.rate, this.rate);
      this.bridgeOut = new Resampler(this.rate, this.audioOut.rate);
    }
    if (this.started) this.o.metrics.codecUsed(codec);
    this.o.log.info({ codec, payloadType, pcmRate: this.rate, codecRate: this.audioIn.rate }, 'RTP codec changed');
  }

  /**
   * Whether packets go out: not while the peer's SDP says it does not receive (sendonly, inactive). The
   * queue is still paced out (marks fire as if played), so the agent's timing carries on.
   */
  setSending(on: boolean): void {
    this.sending = on;
  }

  /** A new offer moved the remote (re-INVITE); relatches on the next packet. */
  updateRemote(address: string, port: number): void {
    this.remoteAddress = address;
    this.remotePort = port;
    this.latched = false;
  }

  private now(): number {
    return this.o.clock.now();
  }

  private drop(reason: Parameters<RtpMetrics['dropped']>[0]): void {
    this.counts.dropped[reason] = (this.counts.dropped[reason] ?? 0) + 1;
    this.o.metrics.dropped(reason);
  }

  get stats(): RtpStats {
    const c = this.counts;
    const jb = this.audioIn.jb;
    return { received: c.received, sent: c.sent, dropped: c.dropped, lost: Math.max(0, this.rx.cumulativeLost), dtmf: c.dtmf, played: this.playedBefore + jb.played, concealed: this.concealedBefore + jb.concealed, jitterMs: (this.rx.jitter * 1000) / RTP_CLOCK_RATE };
  }

  /** The peer's view of our stream, from its RTCP reports (loss, jitter, round trip). */
  get peerReport(): PeerReport | undefined {
    return this.rtcp.peer;
  }

  get rtcpCounts(): { sent: number; received: number } {
    return { sent: this.rtcp.sent, received: this.rtcp.received };
  }

  // --- RtcpSource ---

  get packetsSent(): number {
    return this.counts.sent;
  }

  rtpTimestampNow(): number {
    return (this.tsOffset + this.o.clock.tickOf(this) * RTP_FRAME_TICKS) >>> 0;
  }

  // --- receiving ---

  private readonly onMessage = (msg: Buffer, rinfo: RemoteInfo): void => {
    this.o.clock.pollDue(); // a due tick goes first, not after this round of packets (clock.ts)
    if (this.closed) return;
    const h = this.hdr;
    const r = parseRtp(msg, msg.length, h);
    if (r !== 'ok') {
      // RTCP multiplexed on the RTP port (RFC 5761): read like the RTCP port's.
      if (r === 'rtcp') this.rtcp.onPacket(msg, rinfo, true);
      else this.drop('malformed');
      return;
    }
    if (this.latched) {
      if (rinfo.port !== this.remotePort || rinfo.address !== this.remoteAddress) {
        this.drop('wrong_source');
        return;
      }
    }
    if (h.payloadType !== this.o.payloadType && h.payloadType !== this.o.telephoneEventPt) {
      this.drop('wrong_pt');
      return;
    }
    if (!this.latched) {
      // Symmetric RTP: the caller's real address (behind NAT) is where its packets come from.
      this.latched = true;
      if (rinfo.address !== this.remoteAddress || rinfo.port !== this.remotePort) {
        this.o.log.info({ sdp: `${this.remoteAddress}:${this.remotePort}`, source: `${rinfo.address}:${rinfo.port}` }, 'RTP latched onto the real source');
      }
      this.remoteAddress = rinfo.address;
      this.remotePort = rinfo.port;
    }
    this.counts.received++;
    this.o.metrics.packetsIn.inc();
    const now = this.now();
    this.lastRxAt = now;
    if (h.ssrc !== this.ssrcIn) {
      // A new stream (first packet, or the sender restarted): start over.
      // (DTMF de-duplication is kept: some senders put telephone-events on an SSRC of their own.)
      this.audioIn.reset();
      this.ssrcIn = h.ssrc;
      this.tsBase = h.timestamp;
      this.tsBaseMs = now - this.t0;
    }
    this.rx.onPacket(h.ssrc, h.seq, h.timestamp, now * (RTP_CLOCK_RATE / 1000));
    if (h.payloadType === this.o.telephoneEventPt) {
      // Events go on at once: they are not audio to smooth out.
      const digit = this.dtmfIn.onPacket(msg, h.payloadOffset, h.payloadLength, h.timestamp);
      if (digit !== undefined) {
        this.counts.dtmf++;
        this.o.metrics.dtmfIn.inc();
        this.sink?.onDtmf(digit, this.mediaTsOf(h.timestamp));
      }
      return;
    }
    const pushed = this.audioIn.push(h.timestamp, msg, h.payloadOffset, h.payloadLength, now);
    if (pushed !== 'ok') this.drop(pushed);
  };

  private mediaTsOf(ts: number): number {
    return this.tsBaseMs + Math.floor(((ts - this.tsBase) >>> 0) / (RTP_CLOCK_RATE / 1000));
  }

  private reportDiscards(): void {
    const d = this.audioIn.jb.discarded;
    if (d === this.reportedDiscards) return;
    for (let i = this.reportedDiscards; i < d; i++) this.drop('overflow');
    this.reportedDiscards = d;
  }

  /** Plays the jitter buffer out: one frame per tick owed (a bounded catch-up after a stall). */
  private playOut(n: number, now: number): void {
    const sink = this.sink;
    if (this.lastPopTick < 0 || n - this.lastPopTick > MAX_CATCHUP) this.lastPopTick = n - 1;
    const jb = this.audioIn.jb;
    for (let t = this.lastPopTick + 1; t <= n; t++) {
      const r = jb.pop(pcmFrame, now);
      if (r === 'idle') continue;
      if (r === 'concealed') this.o.metrics.concealed.inc();
      let frame = viewOf(pcmFrame, jb.frameSamples);
      if (this.bridgeIn) frame = viewOf(pcmBridged, this.bridgeIn.process(frame, pcmBridged));
      sink?.onAudio(frame, this.mediaTsOf(jb.lastPopTimestamp));
    }
    this.lastPopTick = n;
    this.reportDiscards();
  }

  // --- the clock ---

  /** Sending: the packets this tick owes (time-critical; see RtpClock). */
  onTick(n: number, now: number): void {
    if (this.closed) return;
    if (!this.started) return;
    if (this.lastTick < 0) this.lastTick = n - 1;
    let from = this.lastTick + 1;
    if (n - from >= MAX_CATCHUP) from = n - MAX_CATCHUP + 1;
    for (let t = from; t <= n; t++) this.sendTick(t, now);
    this.lastTick = n;
    if (this.out.marksWaiting) this.out.fireMarks();
    if ((n & 15) === 0 && !this.timedOut && now - this.lastRxAt > this.o.inactivityTimeoutMs) {
      this.timedOut = true;
      this.o.metrics.timeouts.inc();
      this.o.log.warn({ idleMs: now - this.lastRxAt, port: this.localPort }, 'no RTP from the caller: timing out');
      this.sink?.onTimeout(now - this.lastRxAt);
    }
  }

  /** Receiving: the jitter buffer's frame for this tick, and RTCP. */
  afterTick(n: number, now: number): void {
    this.o.clock.pollDue(); // a round of playout (decode, publish) for a phase's calls is ~1 ms: the next phase goes first
    if (this.closed) return;
    if (this.sink) this.playOut(n, now);
    this.rtcp.onTick(now, this.started);
  }

  private sendTick(tick: number, now: number): void {
    const ts = (this.tsOffset + tick * RTP_FRAME_TICKS) >>> 0;
    const pending = this.out.pending(now, this.talking, this.o.talkspurtCushionMs ?? 10);
    if (this.dtmfPlan || (this.dtmfQueue.length > 0 && this.dtmfGap <= 0)) {
      // Audio under a key press is dropped, so it stays real-time. (G.722: frames after it were encoded
      // from a state the peer's decoder never sees; it re-converges within tens of ms.)
      if (pending > 0) this.out.take();
      this.sendDtmfPacket(ts);
      return;
    }
    if (this.dtmfGap > 0) this.dtmfGap--;
    if (pending > 0 || (this.o.idleSilence && this.out.waiting > 0)) {
      // (With idle silence the stream never pauses: a frame held for the talkspurt cushion goes now,
      // before any silence is encoded after it — G.722's decoder must get frames in encoding order.)
      const slot = this.out.take() * FRAME_BYTES;
      this.sendPacket(!this.talking, this.o.payloadType, ts, this.queue, slot, FRAME_BYTES);
      this.talking = true;
    } else if (this.o.idleSilence && this.sending) {
      this.sendSilence(ts);
    } else {
      this.talking = false; // a gap: the next packet starts a talkspurt
    }
  }

  private sendPacket(marker: boolean, pt: number, ts: number, src: Buffer, off: number, len: number): void {
    if (this.remotePort === 0 || this.remoteAddress === '0.0.0.0' || !this.sending) return;
    const buf = this.ring[this.ringPos];
    this.ringPos = (this.ringPos + 1) % SEND_RING;
    writeRtpHeader(buf, marker, pt, this.seq, ts, this.ssrc);
    this.seq = (this.seq + 1) & 0xffff;
    src.copy(buf, RTP_HEADER_BYTES, off, off + len);
    this.socket.send(buf, 0, RTP_HEADER_BYTES + len, this.remotePort, this.remoteAddress);
    this.counts.sent++;
    this.octetsSent += len;
    this.o.metrics.packetsOut.inc();
  }

  private readonly silence = Buffer.alloc(FRAME_BYTES);
  private sendSilence(ts: number): void {
    this.audioOut.silence(this.silence, 0);
    this.sendPacket(!this.talking, this.o.payloadType, ts, this.silence, 0, FRAME_BYTES);
    this.talking = true;
  }

  private readonly dtmfBuf = Buffer.alloc(DTMF_PAYLOAD_BYTES);
  private sendDtmfPacket(ts: number): void {
    if (!this.dtmfPlan) {
      const next = this.dtmfQueue.shift()!;
      this.dtmfPlan = dtmfPacketPlan(next.durationMs);
      this.dtmfStep = 0;
      this.dtmfEvent = next.event;
      this.dtmfTs = ts; // every packet of the event carries its start time
    }
    const p = this.dtmfPlan[this.dtmfStep++];
    writeDtmfPayload(this.dtmfBuf, 0, this.dtmfEvent, p.end, 10, p.duration);
    this.sendPacket(p.marker, this.o.telephoneEventPt!, this.dtmfTs, this.dtmfBuf, 0, DTMF_PAYLOAD_BYTES);
    if (this.dtmfStep >= this.dtmfPlan.length) {
      this.dtmfPlan = undefined;
      this.dtmfGap = 2; // ≥ 40 ms between key presses
      this.talking = false;
    }
  }

  /** Queues an RFC 4733 key press. False when no telephone-event was negotiated. */
  sendDtmf(digit: string, durationMs = 100): boolean {
    if (this.closed || this.o.telephoneEventPt === undefined) return false;
    this.o.metrics.dtmfOut.inc();
    this.dtmfQueue.push({ event: dtmfEventCode(digit), durationMs });
    return true;
  }

  // --- SessionTransport ---

  sendAudio(pcm: Int16Array): boolean {
    // The agent's frames come off the bus many to a socket read (a burst of calls' frames handled in one
    // callback): a due tick goes before this one, as on the receive path.
    this.o.clock.pollDue();
    if (this.closed) return false;
    const index = this.out.reserve();
    if (index < 0) {
      this.drop('queue_full');
      return false;
    }
    let src = pcm;
    let n = pcm.length;
    if (this.bridgeOut) {
      n = this.bridgeOut.process(pcm, pcmBridgedOut, Math.min(n, this.rate / 50));
      src = pcmBridgedOut;
    }
    this.audioOut.encode(src, n, this.queue, index * FRAME_BYTES, index);
    this.out.commit();
    return true;
  }

  sendMark(name: string): void {
    if (this.closed) return;
    this.out.mark(name, () => this.closed);
  }

  clear(): void {
    if (this.closed) return;
    if (this.out.waiting > 0) this.audioOut.unsent(this.out.nextSlot);
    this.out.clear();
  }

  hangup(reason: string): void {
    if (this.hangupSent) return;
    this.hangupSent = true;
    this.onHangup?.(reason);
  }

  /** Frees the socket and the port. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.rtcp.close(this.started);
    this.closed = true;
    this.o.clock.remove(this);
    this.sink = undefined;
    this.out.dropMarks();
    this.bridgeIn?.dispose();
    this.bridgeOut?.dispose();
    this.audioIn.dispose();
    this.audioOut.dispose();
    try {
      this.socket.close();
    } catch {
      // already closed
    }
    this.releasePort();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
