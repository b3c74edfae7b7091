// What a receiver knows of one RTP source for its reports (RFC 3550 §6.4.1, A.1, A.3, A.8): the extended
// highest sequence number (with wrap cycles and resync after a big jump), packets expected and received —
// hence cumulative and fractional loss — interarrival jitter, and when the source's last SR came (for
// LSR/DLSR). Arithmetic only: updated on every packet without allocating.

const MAX_DROPOUT = 3000;
const MAX_MISORDER = 100;
const SEQ_MOD = 0x10000;

export class ReceiverStats {
  ssrc = -1;
  received = 0;
  /** Jitter in timestamp units (RFC 3550 J). */
  jitter = 0;
  /** Middle 32 bits of the NTP time of the source's last SR, and when it arrived (ms), for LSR/DLSR. */
  lastSr = 0;
  lastSrAt = 0;
  private baseSeq = 0;
  private maxSeq = 0;
  private cycles = 0;
  private badSeq = SEQ_MOD + 1;
  private expectedPrior = 0;
  private receivedPrior = 0;
  private transit = NaN;

  /** A packet of `ssrc` (a new SSRC starts over), its RTP timestamp and its arrival in timestamp units. */
  onPacket(ssrc: number, seq: number, ts: number, arrival: number): void {
    if (ssrc !== this.ssrc) this.start(ssrc, seq);
    else if (!this.updateSeq(seq)) return;
    this.received++;
    const transit = arrival - ts;
    if (!Number.isNaN(this.transit)) {
      let d = transit - this.transit;
      // The timestamp is 32-bit: a transit difference is small unless the clocks jumped.
      d = Math.abs(d > 2 ** 31 ? d - 2 ** 32 : d < -(2 ** 31) ? d + 2 ** 32 : d);
      this.jitter += (d - this.jitter) / 16;
    }
    this.transit = transit;
  }

  private start(ssrc: number, seq: number): void {
    this.ssrc = ssrc;
    this.baseSeq = seq;
    this.maxSeq = seq;
    this.cycles = 0;
    this.badSeq = SEQ_MOD + 1;
    this.received = 0;
    this.expectedPrior = 0;
    this.receivedPrior = 0;
    this.transit = NaN;
    this.jitter = 0;
  }

  /** RFC 3550 A.1 update_seq (without probation): false for a packet not to count. */
  private updateSeq(seq: number): boolean {
    const delta = (seq - this.maxSeq + SEQ_MOD) % SEQ_MOD;
    if (delta < MAX_DROPOUT) {
      if (seq < this.maxSeq) this.cycles += SEQ_MOD;
      this.maxSeq = seq;
    } else if (delta <= SEQ_MOD - MAX_MISORDER) {
      // A very large jump: two in a row mean the sender restarted its sequence.
      if (seq === this.badSeq) {
        this.start(this.ssrc, seq);
      } else {
        this.badSeq = (seq + 1) % SEQ_MOD;
        return false;
      }
    }
    // else: a duplicate or reordered packet — counted, sequence unchanged
    return true;
  }

  get extendedMax(): number {
    return this.cycles + this.maxSeq;
  }

  get expected(): number {
    return this.ssrc < 0 ? 0 : this.extendedMax - this.baseSeq + 1;
  }

  /** Cumulative packets lost (negative with duplicates, per RFC 3550). */
  get cumulativeLost(): number {
    return this.expected - this.received;
  }

  /** Fraction lost since the previous call, in 1/256 (RFC 3550 A.3); rolls the interval forward. */
  takeFractionLost(): number {
    const expected = this.expected;
    const expectedInterval = expected - this.expectedPrior;
    const receivedInterval = this.received - this.receivedPrior;
    this.expectedPrior = expected;
    this.receivedPrior = this.received;
    const lost = expectedInterval - receivedInterval;
    return expectedInterval === 0 || lost <= 0 ? 0 : Math.min(255, Math.floor((lost * 256) / expectedInterval));
  }
}
