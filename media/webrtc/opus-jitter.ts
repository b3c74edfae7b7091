// The receive side of a browser call's audio: Opus packets into the adaptive jitter buffer of the SIP
// path (media/rtp/jitter-buffer.ts), decoded at the call's PCM rate and placed by their 48 kHz
// timestamps; the owner pops one 20 ms frame per clock tick.
//
// Opus is stateful, so packets are decoded in timestamp order: a packet that continues the stream is
// decoded as it arrives; one that arrives after a gap is held (a reference to the packet, no copy) until
// the gap fills — reordering is then free — or reaches playout. A gap reaching playout with audio held
// behind it is concealed by Opus itself (conceal(): pitch and spectrum carry on, where repeating the
// last frame would click and buzz), 20 ms at a time so a packet that is merely late for the first
// frame of a gap can still fill the rest. The buffer's own fade remains for what the decoder has
// already passed (an undecodable packet).
import { JitterBuffer, LATE, type GapFiller } from '../rtp/jitter-buffer.ts';
import { HeldPackets, type DecodeHeld } from '../rtp/held-packets.ts';
import { OPUS_CLOCK, type OpusCodec } from './opus.ts';
import { opusPacketSamples48 } from './opus-toc.ts';

export type OpusPushResult = 'ok' | 'late' | 'duplicate' | 'decode_error';

export interface OpusJitterOptions {
  /** Bounds of the adaptive target delay (ms, default 40–100: see WEBRTC_JITTER_MAX_MS in lib/webrtc-config.ts). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** TOC of a SILK wideband 20 ms packet: the concealment mode before any packet was decoded. */
const DEFAULT_TOC = 9 << 3;

export class OpusJitter implements GapFiller {
  readonly jb: JitterBuffer;
  /** Samples made by Opus's concealment, and packets that would not decode. */
  concealedSamples = 0;
  decodeErrors = 0;
  /** Position where the next packet in timestamp order is decoded (-1: none decoded yet). */
  private frontier = -1;
  private lastToc = DEFAULT_TOC;
  private readonly held = new HeldPackets();
  private readonly decodeHeld: DecodeHeld = (pos, pkt) => {
    this.decodeAt(pos, pkt);
    return this.frontier;
  };
  private readonly ms10: number;
  private readonly per48: number;

  constructor(private readonly codec: OpusCodec, o: OpusJitterOptions = {}) {
    this.per48 = OPUS_CLOCK / codec.pcmRate;
    this.ms10 = codec.pcmRate / 100;
    this.jb = new JitterBuffer({ minDelayMs: o.minDelayMs ?? 40, maxDelayMs: o.maxDelayMs ?? 100, clockRate: codec.pcmRate, rtpClockRate: OPUS_CLOCK, frameSamples: codec.frameSamples, filler: this });
  }

  /** A new stream (new SSRC): start over (the buffer's stats are kept). */
  reset(): void {
    this.jb.reset();
    this.frontier = -1;
    this.lastToc = DEFAULT_TOC;
    this.held.clear();
    this.codec.resetDecoder();
  }

  /** Packets waiting for a gap before them to fill. */
  get holding(): number {
    return this.held.count;
  }

  /** One received Opus packet (RTP timestamp `ts`, 48 kHz) arriving at `arrivalMs`. */
  push(ts: number, payload: Uint8Array, arrivalMs: number): OpusPushResult {
    const n48 = opusPacketSamples48(payload);
    if (n48 < 0) {
      this.decodeErrors++;
      return 'decode_error';
    }
    const pos = this.jb.admit(ts, Math.floor(n48 / this.per48), arrivalMs);
    if (pos === LATE) return 'late';
    if (pos < 0) return 'duplicate';
    if (this.frontier < 0 || pos === this.frontier) {
      const ok = this.decodeAt(pos, payload);
      if (this.held.count > 0) this.drain();
      return ok ? 'ok' : 'decode_error';
    }
    const r = this.held.hold(this.jb, this.frontier, pos, payload, 0, payload.length, this.giveUpGap);
    return r === 'held' ? 'ok' : r;
  }

  /** GapFiller: playout reached [pos, end) and it is not all there. */
  fill(pos: number, end: number): void {
    if (this.frontier < 0) return;
    if (this.frontier < pos) {
      // Playout moved on without the decoder (a new talkspurt, a skip): carry on from there.
      this.frontier = pos;
      if (this.held.count > 0) this.drain();
    }
    while (this.frontier < end && this.held.count > 0) {
      // A gap with audio behind it: Opus conceals it, up to the next held packet.
      const room = Math.min(end, this.held.next()) - this.frontier;
      const ms: 10 | 20 = room >= 2 * this.ms10 ? 20 : 10;
      if (room < this.ms10) break;
      let n: number;
      try {
        n = this.codec.conceal(this.lastToc, ms);
      } catch {
        this.decodeErrors++;
        return;
      }
      if (n <= 0) return;
      this.jb.write(this.frontier, this.codec.pcm, n);
      this.frontier += n;
      this.concealedSamples += n;
      this.drain();
    }
  }

  private decodeAt(pos: number, payload: Uint8Array): boolean {
    let n: number;
    try {
      n = this.codec.decode(payload);
    } catch {
      // Left as a hole (the buffer fades over it); the stream goes on after it.
      this.decodeErrors++;
      this.frontier = pos + Math.floor(opusPacketSamples48(payload) / this.per48);
      return false;
    }
    this.jb.write(pos, this.codec.pcm, n);
    this.frontier = pos + n;
    this.lastToc = payload[0];
    return true;
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
