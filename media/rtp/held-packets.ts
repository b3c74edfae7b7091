// Packets that arrived after a gap, held (references, no copies) until the decoder reaches them. Stateful
// decoders (Opus, G.722) must see packets in timestamp order; the jitter buffer reorders PCM, so the
// transports keep this small set ahead of the decoder's frontier (webrtc/opus-jitter.ts, audio-in.ts).
/** Packets held ahead of gaps at most (320 ms of 20 ms packets); beyond, the oldest gap is given up. */
export const HOLD = 16;

import type { JitterBuffer } from './jitter-buffer.ts';

/** Decodes a held packet at `pos`; returns the decoder's new frontier. */
export type DecodeHeld = (pos: number, pkt: Uint8Array, off: number, len: number) => number;

export type HoldResult = 'held' | 'late' | 'duplicate';

export class HeldPackets {
  private readonly pkt: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(HOLD).fill(undefined);
  private readonly off = new Int32Array(HOLD);
  private readonly len = new Int32Array(HOLD);
  private readonly pos = new Float64Array(HOLD).fill(-1);
  /** Packets held now. */
  count = 0;

  get full(): boolean {
    return this.count === HOLD;
  }

  has(pos: number): boolean {
    for (let i = 0; i < HOLD; i++) if (this.pos[i] === pos) return true;
    return false;
  }

  /**
   * A packet at `pos` that is not where the decoder stands (`frontier`, ≥ 0): behind it, too late to
   * decode in order; at a position already held, a duplicate (both counted on `jb`); else held — when
   * full, after `giveUpGap` (the decoder moves past its oldest gap) makes room.
   */
  hold(jb: JitterBuffer, frontier: number, pos: number, pkt: Uint8Array, off: number, len: number, giveUpGap: () => void): HoldResult {
    if (pos < frontier) {
      // The decoder has moved past its place (concealed, or given up on): too late to decode in order.
      jb.late++;
      return 'late';
    }
    if (this.has(pos)) {
      jb.duplicates++;
      return 'duplicate';
    }
    if (this.full) giveUpGap();
    this.add(pkt, off, len, pos);
    return 'held';
  }

  /** Holds `pkt` (bytes [off, off + len)) for position `pos`; the caller makes room first (full). */
  add(pkt: Uint8Array, off: number, len: number, pos: number): void {
    for (let i = 0; i < HOLD; i++) {
      if (this.pkt[i] !== undefined) continue;
      this.pkt[i] = pkt;
      this.off[i] = off;
      this.len[i] = len;
      this.pos[i] = pos;
      this.count++;
      return;
    }
  }

  /** The lowest held position (Infinity when none). */
  next(): number {
    let next = Infinity;
    for (let i = 0; i < HOLD; i++) if (this.pos[i] >= 0 && this.pos[i] < next) next = this.pos[i];
    return next;
  }

  /** Decodes the held packets that continue the stream from `frontier`, in order; forgets those it has passed. */
  drain(frontier: number, decode: DecodeHeld): number {
    for (let found = true; found && this.count > 0; ) {
      found = false;
      for (let i = 0; i < HOLD; i++) {
        const p = this.pos[i];
        if (p < 0 || p > frontier) continue;
        const pkt = this.pkt[i]!;
        this.pkt[i] = undefined;
        this.pos[i] = -1;
        this.count--;
        if (p === frontier) {
          frontier = decode(p, pkt, this.off[i], this.len[i]);
          found = true;
        }
      }
    }
    return frontier;
  }

  clear(): void {
    this.pkt.fill(undefined);
    this.pos.fill(-1);
    this.count = 0;
  }
}
