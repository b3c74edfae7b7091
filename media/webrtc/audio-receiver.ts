// The receive half of a browser call's audio, apart from the peer connection that feeds it (so each
// stays small): Opus packets into the jitter buffer (opus-jitter.ts), one 20 ms frame out per tick of
// the shared clock, RFC 4733 telephone-events to digits at once (they are not audio to smooth out), and
// the buffer's counts handed to the metrics as deltas every few ticks — never per packet or frame.
import type { RtpHeader } from 'werift';
import { DtmfReceiver } from '../rtp/dtmf.ts';
import { ReceiverStats } from '../rtp/receiver-stats.ts';
import { OPUS_CLOCK, type OpusCodec } from './opus.ts';
import { OpusJitter, type OpusJitterOptions } from './opus-jitter.ts';
import type { WebRtcMetrics } from './metrics.ts';

/**
 * After an event-loop stall, up to this many owed frames play out at once (500 ms): the packets that
 * queued in the socket meanwhile are read before the tick's playout, and are played, not skipped.
 */
const MAX_CATCHUP = 25;

export interface AudioSink {
  onAudio(pcm: Int16Array, mediaTsMs: number): void;
  onDtmf(digit: string, mediaTsMs: number): void;
}

export interface AudioReceiverStats {
  /** Packets never received (RFC 3550 loss of the current stream, duplicates not hiding losses). */
  lost: number;
  dtmf: number;
  decodeErrors: number;
  /** Packets late or duplicated, frames skipped to bound the delay. */
  late: number;
  duplicates: number;
  overflow: number;
  /** Frames made up by Opus's concealment, and by fading the last frame. */
  concealedPlc: number;
  concealedFade: number;
  jitterMs: number;
  /** Audio buffered ahead of playout, and the target (ms). */
  delayMs: number;
  targetMs: number;
}

export class AudioReceiver {
  /** Caller audio stops here (packets are dropped, what is buffered is not played). */
  muted = false;
  dtmf = 0;
  private readonly jitter: OpusJitter;
  private readonly rx = new ReceiverStats();
  private readonly dtmfIn = new DtmfReceiver();
  private readonly frame: Int16Array;
  private readonly fs: number;
  private readonly perMs: number;
  private ssrc = -1;
  private tsBase = 0;
  private tsBaseMs = 0;
  private lastPopTick = -1;
  /** The buffer's duplicate count when this stream began (see lost). */
  private dupBase = 0;
  /** What the metrics have been told (they take deltas). */
  private toldLost = 0;
  private toldOverflow = 0;
  private toldPlc = 0;
  private toldFade = 0;

  /** `t0`: the call's start on the clock (media timestamps count from it). */
  constructor(codec: OpusCodec, private readonly metrics: WebRtcMetrics, private readonly t0: number, o: OpusJitterOptions = {}) {
    this.jitter = new OpusJitter(codec, o);
    this.fs = codec.frameSamples;
    this.perMs = codec.pcmRate / 1000;
    this.frame = new Int16Array(this.fs);
  }

  /** A packet of the call's audio track: Opus (`opus`) or a telephone-event. No sink: not taken yet. */
  onPacket(h: RtpHeader, payload: Buffer, opus: boolean, now: number, sink: AudioSink | undefined): void {
    if (h.ssrc !== this.ssrc) {
      // A new stream (the first packet, or the browser restarted its sender): start over.
      this.reportLoss();
      this.toldLost = 0;
      this.jitter.reset();
      this.dupBase = this.jitter.jb.duplicates;
      this.ssrc = h.ssrc;
      this.tsBase = h.timestamp;
      this.tsBaseMs = now - this.t0;
    }
    this.rx.onPacket(h.ssrc, h.sequenceNumber, h.timestamp, now * (OPUS_CLOCK / 1000));
    if (!opus) {
      const digit = this.dtmfIn.onPacket(payload, 0, payload.length, h.timestamp);
      if (digit !== undefined) {
        this.dtmf++;
        this.metrics.dtmfIn.inc();
        sink?.onDtmf(digit, this.mediaTsOf(h.timestamp));
      }
      return;
    }
    if (!sink) return;
    if (this.muted) {
      this.metrics.dropped('muted');
      return;
    }
    const r = this.jitter.push(h.timestamp, payload, now);
    if (r !== 'ok') this.metrics.dropped(r);
  }

  private mediaTsOf(ts: number): number {
    return this.tsBaseMs + Math.floor(((ts - this.tsBase) >>> 0) / (OPUS_CLOCK / 1000));
  }

  /** Tick `n`: the frames owed since the last tick (one, or a bounded catch-up after a stall). */
  playOut(n: number, now: number, sink: AudioSink): void {
    if (this.lastPopTick < 0 || n - this.lastPopTick > MAX_CATCHUP) this.lastPopTick = n - 1;
    const jb = this.jitter.jb;
    for (let t = this.lastPopTick + 1; t <= n; t++) {
      if (jb.pop(this.frame, now, n - t) === 'idle' || this.muted) continue;
      sink.onAudio(this.frame, this.mediaTsOf(jb.lastPopTimestamp));
    }
    this.lastPopTick = n;
  }

  /** Packets of this stream never received: RFC 3550's count, where a duplicate would hide a loss. */
  private get lost(): number {
    return Math.max(0, this.rx.cumulativeLost + this.jitter.jb.duplicates - this.dupBase);
  }

  private reportLoss(): void {
    const lost = this.lost;
    if (lost > this.toldLost) {
      this.metrics.lost(lost - this.toldLost);
      this.toldLost = lost;
    }
  }

  /** Hands the counts to the metrics (deltas since last time). */
  report(): void {
    const m = this.metrics;
    const jb = this.jitter.jb;
    this.reportLoss();
    if (jb.discarded > this.toldOverflow) m.dropped('overflow', jb.discarded - this.toldOverflow);
    this.toldOverflow = jb.discarded;
    const plc = Math.floor(this.jitter.concealedSamples / this.fs);
    if (plc > this.toldPlc) m.concealed('opus_plc', plc - this.toldPlc);
    this.toldPlc = plc;
    if (jb.concealed > this.toldFade) m.concealed('fade', jb.concealed - this.toldFade);
    this.toldFade = jb.concealed;
  }

  /** Samples the jitter and the delay into their histograms (while audio plays). */
  sample(): void {
    const jb = this.jitter.jb;
    if (!jb.isPlaying) return;
    this.metrics.jitter.observe(jb.jitter / this.perMs / 1000);
    this.metrics.playoutDelay.observe(jb.depth / this.perMs / 1000);
  }

  get stats(): AudioReceiverStats {
    const jb = this.jitter.jb;
    return {
      lost: this.lost,
      dtmf: this.dtmf,
      decodeErrors: this.jitter.decodeErrors,
      late: jb.late,
      duplicates: jb.duplicates,
      overflow: jb.discarded,
      concealedPlc: Math.floor(this.jitter.concealedSamples / this.fs),
      concealedFade: jb.concealed,
      jitterMs: jb.jitter / this.perMs,
      delayMs: jb.depth / this.perMs,
      targetMs: jb.target / this.perMs,
    };
  }
}
