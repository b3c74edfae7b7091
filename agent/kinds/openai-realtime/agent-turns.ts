// The model's turns as the caller heard them. The model's transcript of an answer arrives as soon as
// the answer is generated, well before it has played, and the caller may cut it short. A turn is
// therefore published only once its fate is known: played to the end (the whole text), or cut by
// barge-in (interrupted, with the share of the words that fits the share of the audio heard — an
// estimate; the model keeps no timing per word). History and re-dispatch then hold what was said.
import type { AgentTurn } from '../types.ts';

interface Pending {
  text?: string;
  /** Share of the audio heard: 1 when it played to the end. */
  heard?: number;
}

const MAX_PENDING = 32;

/** The first `share` of the words of `text`. */
export function heardText(text: string, share: number): string {
  if (share >= 1) return text;
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.slice(0, Math.round(words.length * Math.max(0, share))).join(' ');
}

export class AgentTurns {
  private readonly pending = new Map<string, Pending>();
  /** Items already published (a transcript can come twice: its own event and in response.done). */
  private readonly settled = new Set<string>();

  constructor(private readonly publish: (turn: AgentTurn, itemId: string) => void) {}

  /** The model's transcript of an item (the first one given counts). */
  text(itemId: string, text: string): void {
    if (this.settled.has(itemId)) return;
    const p = this.entry(itemId);
    if (p.text !== undefined) return;
    p.text = text;
    this.settle(itemId);
  }

  /** The item's audio played to the end. */
  played(itemId: string): void {
    if (this.settled.has(itemId)) return;
    this.entry(itemId).heard = 1;
    this.settle(itemId);
  }

  /** The caller cut the item at `audioEndMs` of `receivedMs`. */
  cut(itemId: string, audioEndMs: number, receivedMs: number): void {
    if (this.settled.has(itemId)) return;
    this.entry(itemId).heard = receivedMs > 0 ? Math.min(1, audioEndMs / receivedMs) : 0;
    this.settle(itemId);
  }

  private entry(itemId: string): Pending {
    let p = this.pending.get(itemId);
    if (!p) {
      // An item that never gets its transcript (or never plays) must not pile up.
      if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
      p = {};
      this.pending.set(itemId, p);
    }
    return p;
  }

  private settle(itemId: string): void {
    const p = this.pending.get(itemId);
    if (!p || p.text === undefined || p.heard === undefined) return;
    this.pending.delete(itemId);
    this.settled.add(itemId);
    if (this.settled.size > MAX_PENDING) this.settled.delete(this.settled.values().next().value!);
    const interrupted = p.heard < 1;
    const text = heardText(p.text, p.heard);
    if (text !== '') this.publish(interrupted ? { role: 'agent', text, interrupted } : { role: 'agent', text }, itemId);
  }
}
