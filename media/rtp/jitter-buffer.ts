// An adaptive jitter buffer for received G.711 audio: packets are decoded straight into a sample ring at
// their RTP timestamp (so reordering costs nothing and duplicates are recognised), and one 20 ms frame is
// played out per tick of the shared clock once the buffer holds the target delay. The target follows the
// measured interarrival jitter (RFC 3550 §6.4.1): min + 2·jitter, kept within [min, max] (default
// 40–60 ms); playout also starts once the first buffered audio has waited that long, so a short talkspurt
// is not held back for more. A missing frame with later audio behind it is concealed (the last frame again, fading out);
// an empty buffer (end of a talkspurt, or an underrun) stops playout until the target is buffered again,
// re-anchored at the new audio, so silences are not "played". Packets older than the playout point are
// late; audio too far ahead (a burst, a clock running fast) is skipped down to the target: the delay is
// bounded. No allocation per packet or frame.
//
// Codecs other than G.711 (Opus for WebRTC, G.722 for SIP) decode elsewhere and use admit() + write():
// the PCM rate may differ from the RTP clock (16 kHz PCM on Opus's 48 kHz clock), and a GapFiller may
// fill a missing frame at playout time (the codec's own loss concealment) before the fade is used.

export interface JitterBufferOptions {
  /** Target delay bounds (ms). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Beyond the target, how much more may be held before audio is skipped (ms, default 60). */
  slackMs?: number;
  /** PCM samples per second (8000 for G.711). */
  clockRate?: number;
  /**
   * RTP timestamp units per second, a whole multiple or a whole fraction of clockRate (default clockRate;
   * Opus: 48000; G.722: 8000 for 16 kHz PCM, RFC 3551 §4.5.2).
   */
  rtpClockRate?: number;
  /** Samples per played frame (160 = 20 ms at 8 kHz). */
  frameSamples?: number;
  /** Asked for audio at a frame that is not (wholly) there while more audio is buffered after it. */
  filler?: GapFiller;
}

/**
 * Fills [pos, end) at playout time by write() (e.g. decoding held packets, or codec concealment), or
 * leaves it: the buffer then conceals by fading, or waits when nothing comes after.
 */
export interface GapFiller {
  fill(pos: number, end: number): void;
}

/** admit() results that are not a position. */
export const LATE = -1;
export const DUPLICATE = -2;

export type JitterPop = 'audio' | 'concealed' | 'idle';

const SUBS = 128; // ring of 1.28 s in 10 ms slots (packets are multiples of 10 ms in practice)
const FADE = [0.75, 0.5, 0.25];

export class JitterBuffer {
  /** Stats since creation: frames played, concealed, skipped (bound), and packets late or duplicated. */
  played = 0;
  concealed = 0;
  discarded = 0;
  late = 0;
  duplicates = 0;
  /** Interarrival jitter estimate in samples (RFC 3550 J). */
  jitter = 0;

  /** Ring bookkeeping granularity: 10 ms of samples (80 at 8 kHz). */
  private readonly sub: number;
  private readonly ringLen: number;
  private readonly ring: Int16Array;
  /** Extended sample position each 10 ms slot holds, or -1. */
  private readonly slotPos = new Float64Array(SUBS).fill(-1);
  /** RTP timestamp units per sample (0.5 for G.722: positions then stay even, so timestamps are exact). */
  private readonly tsPerSample: number;
  private readonly filler: GapFiller | undefined;
  private readonly prev: Int16Array;
  private readonly min: number;
  private readonly max: number;
  private readonly slack: number;
  private readonly rate: number;
  readonly frameSamples: number;
  private started = false;
  private lastTs = 0;
  private lastExt = 0;
  private playPos = 0;
  private playing = false;
  private newestEnd = 0;
  private bufMin = Infinity;
  /** When the oldest audio waiting for playout to start arrived (ms). */
  private bufMinAt = 0;
  private concealRun = 0;
  private transit = NaN;
  /** Extended position of the frame the last pop() returned. */
  lastPopPos = 0;

  /** The RTP timestamp of the frame the last pop() returned. */
  get lastPopTimestamp(): number {
    return (this.lastTs + (this.lastPopPos - this.lastExt) * this.tsPerSample) >>> 0;
  }

  constructor(o: JitterBufferOptions = {}) {
    this.rate = o.clockRate ?? 8000;
    this.frameSamples = o.frameSamples ?? 160;
    this.tsPerSample = (o.rtpClockRate ?? this.rate) / this.rate;
    const whole = this.tsPerSample >= 1 ? this.tsPerSample : 1 / this.tsPerSample;
    if (!Number.isInteger(whole) || this.rate % 100 !== 0) throw new RangeError('jitter buffer clock rates out of range');
    this.sub = this.rate / 100;
    this.ringLen = this.sub * SUBS;
    this.ring = new Int16Array(this.ringLen);
    this.filler = o.filler;
    const perMs = this.rate / 1000;
    this.min = Math.round((o.minDelayMs ?? 40) * perMs);
    this.max = Math.round((o.maxDelayMs ?? 60) * perMs);
    this.slack = Math.round((o.slackMs ?? 60) * perMs);
    if (this.min < this.frameSamples || this.max < this.min || this.max + this.slack > this.ringLen - 4 * this.sub) throw new RangeError('jitter buffer delays out of range');
    this.prev = new Int16Array(this.frameSamples);
  }

  /** A new stream (new SSRC): forget everything but the stats. */
  reset(): void {
    this.started = false;
    this.playing = false;
    this.slotPos.fill(-1);
    this.bufMin = Infinity;
    this.concealRun = 0;
    this.transit = NaN;
    this.jitter = 0;
  }

  /** The current target delay in samples. */
  get target(): number {
    const t = this.min + 2 * this.jitter;
    return t > this.max ? this.max : Math.round(t);
  }

  /** Samples buffered ahead of the playout point. */
  get depth(): number {
    return this.started ? this.newestEnd - (this.playing || this.bufMin === Infinity ? this.playPos : Math.min(this.playPos, this.bufMin)) : 0;
  }

  /** Whether playout is under way (not waiting for a talkspurt to fill up to the target). */
  get isPlaying(): boolean {
    return this.playing;
  }

  /** Extended (unwrapped) sample position of an RTP timestamp. */
  private ext(ts: number): number {
    return this.lastExt + Math.floor(((ts - this.lastTs) | 0) / this.tsPerSample);
  }

  private filled(pos: number): boolean {
    return this.slotPos[Math.floor(pos / this.sub) % SUBS] === pos;
  }

  /**
   * Decodes `len` G.711 bytes at `off` in `payload` (`table`: byte → linear) into the ring at RTP time
   * `ts`; `arrivalMs` feeds the jitter estimate. Returns false when the packet was late or a duplicate.
   */
  push(ts: number, payload: Uint8Array, off: number, len: number, table: Int16Array, arrivalMs: number): boolean {
    const start = this.admit(ts, len, arrivalMs);
    if (start < 0) return false;
    const ring = this.ring;
    const rl = this.ringLen;
    for (let i = 0, pos = start; i < len; i++, pos++) ring[pos % rl] = table[payload[off + i]];
    this.mark(start, len);
    return true;
  }

  /**
   * Takes `len` samples of audio at RTP time `ts` arriving at `arrivalMs` into account (jitter, bounds)
   * without writing them: returns the position to write() them at (now, or at playout through the
   * filler), or LATE / DUPLICATE.
   */
  admit(ts: number, len: number, arrivalMs: number): number {
    const SUB = this.sub;
    const RING = this.ringLen;
    if (!this.started) {
      this.started = true;
      this.lastTs = ts >>> 0;
      this.lastExt = RING * 4; // positive, with room for packets from before the first
      this.playPos = this.lastExt;
      this.newestEnd = this.lastExt;
      this.playing = false;
      this.bufMin = Infinity;
    }
    const e = this.ext(ts);
    // Jitter (RFC 3550 A.8), in samples: the spread of transit times.
    const transit = arrivalMs * (this.rate / 1000) - e;
    if (!Number.isNaN(this.transit)) {
      const d = Math.abs(transit - this.transit);
      this.jitter += (d - this.jitter) / 16;
    }
    this.transit = transit;
    if (e > this.lastExt) {
      this.lastExt = e;
      this.lastTs = ts >>> 0;
    }
    const n = len - (len % SUB) || len; // whole 10 ms pieces (a stray tail is dropped with its slot)
    // Behind the playout point once playout has begun (even between talkspurts: time only moves on).
    if (e + n <= this.playPos && (this.playing || this.played + this.concealed > 0)) {
      this.late++;
      return LATE;
    }
    if (!this.playing && e < this.playPos && this.playPos - e >= RING - SUB) {
      this.late++;
      return LATE;
    }
    if (this.filled(e - (e % SUB))) {
      this.duplicates++;
      return DUPLICATE;
    }
    // Far ahead of the playout point: more than the ring can hold without overwriting what is to play.
    if (e + n - this.playPos > RING - 2 * SUB) this.skipTo(e + n - this.target);
    const start = e - (e % SUB);
    if (start + n > this.newestEnd) this.newestEnd = start + n;
    if (!this.playing && start < this.bufMin) {
      if (this.bufMin === Infinity) this.bufMinAt = arrivalMs;
      this.bufMin = start;
    }
    return start;
  }

  /** Writes `len` samples of `pcm` at position `pos` (from admit(), or one a filler is asked for). */
  write(pos: number, pcm: Int16Array, len: number): void {
    const ring = this.ring;
    const rl = this.ringLen;
    for (let i = 0, p = pos; i < len; i++, p++) ring[p % rl] = pcm[i];
    this.mark(pos, len);
    if (pos + len > this.newestEnd) this.newestEnd = pos + len;
  }

  /** Marks the whole 10 ms slots of `len` samples from `start` as holding audio. */
  private mark(start: number, len: number): void {
    const SUB = this.sub;
    const n = len - (len % SUB) || len; // whole 10 ms pieces (a stray tail is dropped with its slot)
    for (let s = start; s < start + n; s += SUB) this.slotPos[Math.floor(s / SUB) % SUBS] = s;
  }

  /** How many 10 ms slots of the frame at `pos` hold audio. */
  private slotsAt(pos: number): number {
    let have = 0;
    for (let s = 0; s < this.frameSamples; s += this.sub) if (this.filled(pos + s)) have++;
    return have;
  }

  /** Moves the playout point forward by whole frames (keeping it on the packets' grid) to about `pos`. */
  private skipTo(pos: number): void {
    const p = this.playPos + Math.floor((pos - this.playPos) / this.frameSamples) * this.frameSamples;
    if (p <= this.playPos) return;
    this.discarded += Math.floor((p - this.playPos) / this.frameSamples);
    this.playPos = p;
  }

  /**
   * Plays one frame into `out` (frameSamples long) at time `nowMs`: audio, a concealment, or nothing
   * ('idle'). `backlog`: frames the caller will pop right after this one (catching up after its clock
   * stalled) — audio that piled up meanwhile is owed to them, not skipped as a burst.
   */
  pop(out: Int16Array, nowMs: number, backlog = 0): JitterPop {
    if (!this.started) return 'idle';
    const fs = this.frameSamples;
    if (!this.playing) {
      if (this.bufMin === Infinity) return 'idle';
      // Re-anchor at the new audio unless the old playout point still has some.
      if (!this.filled(this.playPos)) this.playPos = this.bufMin;
      if (this.newestEnd - this.playPos < this.target && (nowMs - this.bufMinAt) * (this.rate / 1000) < this.target) return 'idle';
      this.playing = true;
      this.bufMin = Infinity;
    }
    // Bounded delay: too much buffered (a burst, or a sender's clock running fast) is skipped.
    const owed = backlog * this.frameSamples;
    if (this.newestEnd - this.playPos - owed > this.target + this.slack) this.skipTo(this.newestEnd - this.target - owed);
    const pos = this.playPos;
    const SUB = this.sub;
    let have = this.slotsAt(pos);
    // A frame not (wholly) here with audio at or after it: the filler may make it (decode, conceal).
    if (this.filler !== undefined && have < fs / SUB && this.newestEnd > pos) {
      this.filler.fill(pos, pos + fs);
      have = this.slotsAt(pos);
    }
    if (have === 0 && this.newestEnd <= pos + fs) {
      // Nothing here and nothing after: the talkspurt ended, or the sender stalled. Wait for more.
      this.playing = false;
      this.bufMin = Infinity;
      return 'idle';
    }
    this.lastPopPos = pos;
    this.playPos = pos + fs;
    if (have === 0) {
      const gain = this.concealRun < FADE.length ? FADE[this.concealRun] : 0;
      this.concealRun++;
      for (let i = 0; i < fs; i++) out[i] = this.prev[i] * gain;
      this.concealed++;
      return 'concealed';
    }
    for (let s = 0; s < fs; s += SUB) {
      if (this.filled(pos + s)) {
        for (let i = 0; i < SUB; i++) out[s + i] = this.ring[(pos + s + i) % this.ringLen];
        this.slotPos[Math.floor((pos + s) / SUB) % SUBS] = -1;
      } else {
        // Half a frame missing: the previous frame's matching half, faded.
        for (let i = 0; i < SUB; i++) out[s + i] = this.prev[s + i] * 0.5;
      }
    }
    for (let i = 0; i < fs; i++) this.prev[i] = out[i]; // (no subarray view: nothing allocated per frame)
    this.concealRun = 0;
    this.played++;
    return 'audio';
  }
}
