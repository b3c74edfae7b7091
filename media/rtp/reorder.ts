// A small reorder buffer for received RTP: packets are released in sequence order; a gap is waited for
// until `depth` later packets are held (or the holder flushes on a timer), then skipped as lost. Late and
// duplicate packets are dropped. Slots keep references to the received datagrams (no copies). Generic
// over what a packet is (a datagram for SIP/RTP, a parsed packet for WebRTC).
import { seqDiff } from './packet.ts';

/** A sequence jump this large (either way) means a new stream: start over instead of waiting. */
const RESYNC = 100;

export type Release<P = Buffer> = (pkt: P, seq: number) => void;

export class ReorderBuffer<P = Buffer> {
  private readonly size: number;
  private readonly slots: (P | undefined)[];
  private readonly slotSeq: Int32Array;
  private expected = -1;
  private held = 0;
  /** When the oldest held packet arrived (ms), for the timed flush. */
  heldSince = 0;
  late = 0;
  duplicates = 0;
  lost = 0;

  constructor(readonly depth: number, private readonly release: Release<P>) {
    let size = 1;
    while (size <= depth) size <<= 1;
    this.size = size;
    this.slots = new Array<P | undefined>(size).fill(undefined);
    this.slotSeq = new Int32Array(size).fill(-1);
  }

  get holding(): number {
    return this.held;
  }

  reset(): void {
    this.slots.fill(undefined);
    this.slotSeq.fill(-1);
    this.expected = -1;
    this.held = 0;
  }

  push(pkt: P, seq: number, now: number): void {
    if (this.expected < 0) {
      this.expected = (seq + 1) & 0xffff;
      this.release(pkt, seq);
      return;
    }
    const d = seqDiff(seq, this.expected);
    if (d > RESYNC || d < -RESYNC) {
      this.flush();
      this.expected = (seq + 1) & 0xffff;
      this.release(pkt, seq);
      return;
    }
    if (d < 0) {
      this.late++;
      return;
    }
    if (d === 0) {
      this.expected = (seq + 1) & 0xffff;
      this.release(pkt, seq);
      this.drain();
      return;
    }
    if (d >= this.depth) {
      // Too far ahead to wait for the gap: release what is held, count the gap as lost.
      this.flush();
      if (seqDiff(seq, this.expected) > 0) this.lost += seqDiff(seq, this.expected);
      this.expected = (seq + 1) & 0xffff;
      this.release(pkt, seq);
      return;
    }
    const i = seq & (this.size - 1);
    if (this.slotSeq[i] === seq) {
      this.duplicates++;
      return;
    }
    this.slots[i] = pkt;
    this.slotSeq[i] = seq;
    if (this.held++ === 0) this.heldSince = now;
    if (this.held >= this.depth) this.flush();
  }

  /** Releases everything held, in order, skipping the gaps. */
  flush(): void {
    while (this.held > 0) {
      const i = this.expected & (this.size - 1);
      if (this.slotSeq[i] === this.expected) {
        this.drain();
      } else {
        this.lost++;
        this.expected = (this.expected + 1) & 0xffff;
      }
    }
  }

  /** Releases held packets that are next in sequence. */
  private drain(): void {
    for (;;) {
      const i = this.expected & (this.size - 1);
      if (this.slotSeq[i] !== this.expected) return;
      const pkt = this.slots[i]!;
      const seq = this.expected;
      this.slots[i] = undefined;
      this.slotSeq[i] = -1;
      this.held--;
      this.expected = (seq + 1) & 0xffff;
      this.release(pkt, seq);
    }
  }
}
