// Model audio → the caller, and how much of it the caller has actually heard. On barge-in the model
// must be told where its answer was cut (`conversation.item.truncate` audio_end_ms), and that is what
// was played, not what was sent: audio runs ahead of the caller by a queue.
//
// Played time comes from marks: the media core returns a mark once the audio sent before it has
// played. Every played mark is also a durable call event (a database row), so marks are sparse: one
// at the start of each assistant audio item, one every `markEveryMs` of its audio, one at its end.
// Between marks, played time is interpolated from the last returned mark at real-time speed, never
// past the next mark that has not come back (so a stall in the audio cannot make it overshoot).
import type { AgentOutput } from '../types.ts';
import { FrameAccumulator } from '../frames.ts';

interface Item {
  id: string;
  /** Bytes of model audio received (the real length; the last frame is padded). */
  bytes: number;
  /** Samples handed to the output in whole frames (includes the padding of the last one). */
  sent: number;
  /** `sent` at the last mark placed. */
  markedAt: number;
  /** Audio complete (response.output_audio.done) and its end mark placed. */
  done: boolean;
  /** ms position of the last returned mark, and when it came back. */
  anchorMs: number | undefined;
  anchorAt: number;
  /** ms positions of marks placed and not yet returned, in order. */
  pending: number[];
}

interface MarkRef {
  item: Item;
  ms: number;
  end: boolean;
}

export interface Truncation {
  itemId: string;
  /** Whole ms of the item's audio the caller heard. */
  audioEndMs: number;
  /** ms of the item's audio received so far. */
  receivedMs: number;
}

export class Playout {
  private readonly frames: FrameAccumulator;
  private readonly frameSamples: number;
  private readonly samplesPerMs: number;
  /** Items sent and not yet fully played, in order. */
  private items: Item[] = [];
  private current: Item | undefined;
  private readonly marks = new Map<string, MarkRef>();
  private markSeq = 0;

  constructor(
    private readonly out: AgentOutput,
    private readonly opts: {
      markEveryMs?: number;
      markPrefix?: string;
      now?: () => number;
      /** An item's audio has all played (its end mark came back). */
      onPlayed?: (itemId: string) => void;
    } = {},
  ) {
    this.frameSamples = out.outputRate / 50;
    this.samplesPerMs = out.outputRate / 1000;
    this.frames = new FrameAccumulator(this.frameSamples, (f) => {
      this.out.sendAudio(f);
      if (this.current) this.current.sent += f.length;
    });
  }

  private get now(): number {
    return this.opts.now ? this.opts.now() : performance.now();
  }

  /** A chunk of one assistant item's audio (s16le bytes at the output rate). */
  push(itemId: string, bytes: Uint8Array): void {
    if (this.current?.id !== itemId) {
      if (this.current) this.endItem(this.current.id);
      this.current = { id: itemId, bytes: 0, sent: 0, markedAt: 0, done: false, anchorMs: undefined, anchorAt: 0, pending: [] };
      this.items.push(this.current);
      this.placeMark(this.current, 0, false); // plays when the item starts playing
    }
    const item = this.current;
    item.bytes += bytes.length;
    this.frames.push(bytes);
    if (item.sent - item.markedAt >= (this.opts.markEveryMs ?? 250) * this.samplesPerMs) {
      item.markedAt = item.sent;
      this.placeMark(item, item.sent / this.samplesPerMs, false);
    }
  }

  /** The item's audio is complete: send the partial last frame and its end mark. */
  endItem(itemId: string): void {
    const item = this.current;
    if (!item || item.id !== itemId) return;
    this.frames.flush();
    item.done = true;
    this.current = undefined;
    this.placeMark(item, this.realMs(item), true);
  }

  /** Ends whichever item is receiving audio (its response is over). */
  endCurrent(): void {
    if (this.current) this.endItem(this.current.id);
  }

  private realMs(item: Item): number {
    return (item.bytes >> 1) / this.samplesPerMs;
  }

  private placeMark(item: Item, ms: number, end: boolean): void {
    const name = `${this.opts.markPrefix ?? 'oai'}:${++this.markSeq}`;
    this.marks.set(name, { item, ms, end });
    item.pending.push(ms);
    this.out.mark(name);
  }

  /** A mark came back. Returns false when it is not one of ours (or no longer tracked). */
  onMark(name: string, cleared: boolean): boolean {
    const m = this.marks.get(name);
    if (!m) return false;
    this.marks.delete(name);
    const item = m.item;
    while (item.pending.length > 0 && item.pending[0] <= m.ms) item.pending.shift();
    if (cleared) return true;
    item.anchorMs = m.ms;
    item.anchorAt = this.now;
    if (m.end) {
      this.items = this.items.filter((i) => i !== item);
      this.opts.onPlayed?.(item.id);
    }
    return true;
  }

  /** ms of the item the caller has heard (from marks, interpolated in between). */
  private playedMs(item: Item, now: number): number {
    if (item.anchorMs === undefined) return 0;
    const cap = Math.min(item.pending[0] ?? Infinity, item.sent / this.samplesPerMs, this.realMs(item));
    return Math.max(0, Math.min(cap, item.anchorMs + (now - item.anchorAt)));
  }

  /** Whether all audio sent so far has played (its end marks came back). */
  get idle(): boolean {
    return this.items.length === 0;
  }

  /** ms of audio sent and not yet reported played (a bound for how long the queue can take). */
  get unplayedMs(): number {
    const now = this.now;
    let ms = 0;
    for (const i of this.items) ms += i.sent / this.samplesPerMs - this.playedMs(i, now);
    return ms;
  }

  /** Where each unplayed item would be cut now (the playing one at its played time, the rest at 0). */
  cuts(): Truncation[] {
    const now = this.now;
    return this.items.filter((i) => i.sent > 0).map((i) => ({ itemId: i.id, audioEndMs: Math.floor(this.playedMs(i, now)), receivedMs: this.realMs(i) }));
  }

  /**
   * Barge-in: forgets everything unplayed and returns where each item was cut: the one playing at its
   * played position, items queued behind it at 0. The caller clears the output.
   */
  interrupt(): Truncation[] {
    const cuts = this.cuts();
    this.frames.reset();
    this.items = [];
    this.current = undefined;
    this.marks.clear();
    return cuts;
  }
}
