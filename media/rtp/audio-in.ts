// The receive side of a SIP call's audio per codec: packets into the adaptive jitter buffer, one 20 ms
// frame out per tick. G.711 is stateless, so its bytes are decoded straight into the buffer at their
// timestamp (push with the codec table). G.722 is ADPCM: its decoder must see the packets in order, so
// a packet after a gap is held (a reference, no copy) until the gap fills or playout reaches it, as
// OpusJitter does for browser audio. G.722 has no loss concealment of its own (Appendices III/IV are not
// implemented): a gap that reaches playout is left to the buffer's fade, and the decoder carries on
// from its state before the gap, as other G.722 endpoints do.
import { ALAW_TO_LINEAR, ULAW_TO_LINEAR } from '../codecs/index.ts';
import { G722Decoder } from '../codecs/g722.ts';
import { JitterBuffer, LATE, type GapFiller } from './jitter-buffer.ts';
import { HeldPackets, type DecodeHeld } from './held-packets.ts';
import { MAX_PAYLOAD_BYTES } from './packet.ts';
import { RTP_CLOCK_RATE, frameSamplesOf, pcmRateOf, type RtpAudioCodec } from './audio-codec.ts';

export type AudioPushResult = 'ok' | 'late' | 'duplicate';

export interface AudioInOptions {
  /** Jitter buffer target delay bounds (ms). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface AudioIn {
  readonly codec: RtpAudioCodec;
  /** PCM rate of the frames the buffer plays out. */
  readonly rate: number;
  readonly frameSamples: number;
  readonly jb: JitterBuffer;
  /** One payload at RTP time `ts` arriving at `arrivalMs`. */
  push(ts: number, payload: Uint8Array, off: number, len: number, arrivalMs: number): AudioPushResult;
  /** A new stream (new SSRC): start over (the buffer's stats are kept). */
  reset(): void;
  /** The call is over (or the codec changed): frees the decoder's memory. */
  dispose(): void;
}

export function createAudioIn(codec: RtpAudioCodec, o: AudioInOptions = {}): AudioIn {
  return codec === 'G722' ? new G722In(o) : new G711In(codec, o);
}

class G711In implements AudioIn {
  readonly rate = 8000;
  readonly frameSamples = 160;
  readonly jb: JitterBuffer;
  private readonly table: Int16Array;

  constructor(readonly codec: 'PCMU' | 'PCMA', o: AudioInOptions) {
    this.jb = new JitterBuffer({ minDelayMs: o.minDelayMs, maxDelayMs: o.maxDelayMs, frameSamples: 160 });
    this.table = codec === 'PCMU' ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
  }

  push(ts: number, payload: Uint8Array, off: number, len: number, arrivalMs: number): AudioPushResult {
    const late = this.jb.late;
    if (this.jb.push(ts, payload, off, len, this.table, arrivalMs)) return 'ok';
    return this.jb.late !== late ? 'late' : 'duplicate';
  }

  reset(): void {
    this.jb.reset();
  }

  dispose(): void {
    // Nothing to free.
  }
}

// Decode scratch shared by every call: packets are handled one at a time.
const pcmScratch = new Int16Array(2 * MAX_PAYLOAD_BYTES);

class G722In implements AudioIn, GapFiller {
  readonly codec = 'G722' as const;
  readonly rate = pcmRateOf('G722');
  readonly frameSamples = frameSamplesOf('G722');
  readonly jb: JitterBuffer;
  private readonly dec = new G722Decoder();
  /** Position where the next packet in timestamp order is decoded (-1: none decoded yet). */
  private frontier = -1;
  private readonly held = new HeldPackets();
  private readonly decodeHeld: DecodeHeld = (pos, pkt, off, len) => {
    this.decodeAt(pos, pkt, off, len);
    return this.frontier;
  };

  constructor(o: AudioInOptions) {
    this.jb = new JitterBuffer({ minDelayMs: o.minDelayMs, maxDelayMs: o.maxDelayMs, clockRate: this.rate, rtpClockRate: RTP_CLOCK_RATE, frameSamples: this.frameSamples, filler: this });
  }

  reset(): void {
    this.jb.reset();
    this.dec.reset();
    this.frontier = -1;
    this.held.clear();
  }

  dispose(): void {
    this.dec.dispose();
    this.held.clear();
  }

  /** Packets waiting for a gap before them to fill. */
  get holding(): number {
    return this.held.count;
  }

  push(ts: number, payload: Uint8Array, off: number, len: number, arrivalMs: number): AudioPushResult {
    const pos = this.jb.admit(ts, 2 * len, arrivalMs);
    if (pos === LATE) return 'late';
    if (pos < 0) return 'duplicate';
    if (this.frontier < 0 || pos === this.frontier) {
      this.decodeAt(pos, payload, off, len);
      if (this.held.count > 0) this.drain();
      return 'ok';
    }
    const r = this.held.hold(this.jb, this.frontier, pos, payload, off, len, this.giveUpGap);
    return r === 'held' ? 'ok' : r;
  }

  /**
   * GapFiller: playout reached [pos, end) and it is not all there. What is missing will not be decoded
   * in order any more: the decoder moves on to the next held packet (or the end of this frame).
   */
  fill(pos: number, end: number): void {
    if (this.frontier < 0) return;
    if (this.frontier < pos) this.frontier = pos;
    while (this.frontier < end) {
      if (this.held.count > 0) this.drain();
      if (this.frontier >= end) break;
      const next = this.held.next();
      if (next >= end) {
        this.frontier = end;
        if (this.held.count > 0) this.drain();
        break;
      }
      this.frontier = next;
    }
  }

  private decodeAt(pos: number, payload: Uint8Array, off: number, len: number): void {
    const n = this.dec.decode(payload, off, len, pcmScratch, 0);
    this.jb.write(pos, pcmScratch, n);
    this.frontier = pos + n;
  }

  /** Decodes held packets that now continue the stream; forgets those the stream has passed. */
  private drain(): void {
    this.frontier = this.held.drain(this.frontier, this.decodeHeld);
  }

  /** Too many packets waiting: the oldest gap is not going to fill. */
  private readonly giveUpGap = (): void => {
    this.frontier = this.held.next();
    this.drain();
  };
}
