// The offline agent's voice: espeak-ng speech and raw audio (a beep, the caller's own words played back),
// each followed by a mark, so we know when it has played — and can then act (transfer, hang up, start
// recording) — or was cut off by a key press or the caller's speech (then the action is dropped).
import type { AgentOutput, AgentTurn } from '../types.ts';
import type { Logger } from '../../../lib/logger.ts';
import { errorMessage } from '../../../lib/errors.ts';

/** What the speaker needs of a speech synthesizer (EspeakTts; a fake in tests). */
export interface SpeechSynth {
  readonly outputRate: number;
  synthesize(text: string, opts?: { voice?: string }): Promise<Int16Array>;
}

/** How long after an utterance should have finished playing we stop waiting for its mark. */
const MARK_GRACE_MS = 3000;

export class Speaker {
  /** Mark name of the utterance now playing; undefined while silent. */
  playing: string | undefined;
  private utterances = 0;
  private closed = false;
  private markTimer: NodeJS.Timeout | undefined;
  /** Text of spoken utterances whose mark has not come back yet (transcript turns once played). */
  private readonly said = new Map<string, string>();
  /** What to do once the named utterance has played. */
  private then: { mark: string; run: () => void } | undefined;

  constructor(
    private readonly out: AgentOutput,
    private readonly tts: SpeechSynth,
    private readonly log: Logger,
    private readonly voice: string | undefined,
    private readonly transcript?: (turn: AgentTurn) => void,
  ) {}

  /** Something is playing that has an action waiting on it (a transfer, a hang-up): do not talk over it. */
  get committed(): boolean {
    return this.then !== undefined;
  }

  /** Speaks `text`; resolves with the utterance's mark once sent (undefined if it was not: cut off, or failed). */
  async say(text: string, label: string): Promise<string | undefined> {
    const name = this.next(label);
    let pcm: Int16Array;
    try {
      pcm = await this.tts.synthesize(text, { voice: this.voice });
    } catch (err) {
      this.log.error({ err: errorMessage(err) }, 'speech synthesis failed; listening instead');
      if (this.playing === name) this.playing = undefined;
      return undefined;
    }
    if (this.closed || this.playing !== name) return undefined; // interrupted while synthesizing
    this.said.set(name, text);
    this.send(pcm, name);
    return name;
  }

  /** Plays raw audio at the output rate (the caller's words, a beep), chunk after chunk; returns its mark. */
  play(pcm: Int16Array | readonly Int16Array[], label: string): string {
    const name = this.next(label);
    this.send(pcm, name);
    return name;
  }

  /** Says `text`, then runs `then` once it has played (not if it was cut off); resolves with the mark, if sent. */
  async sayThen(text: string, label: string, then: () => void): Promise<string | undefined> {
    const mark = await this.say(text, label);
    this.after(mark, then);
    return mark;
  }

  /** Plays `pcm`, then runs `then` once it has played. */
  playThen(pcm: Int16Array, label: string, then: () => void): void {
    this.after(this.play(pcm, label), then);
  }

  /** Drops whatever is playing (the media core clears the caller's queue) and any action waiting on it. */
  interrupt(): void {
    this.out.clear();
    this.then = undefined;
    this.playing = undefined;
  }

  onMarkPlayed(name: string, cleared: boolean): void {
    if (name === this.playing) this.playing = undefined;
    if (this.then?.mark === name) {
      const { run } = this.then;
      this.then = undefined;
      if (!cleared && !this.closed) run();
    }
    // The turn is final once its audio has played, or was cut off (cleared).
    const text = this.said.get(name);
    if (text === undefined) return;
    this.said.delete(name);
    this.transcript?.({ role: 'agent', text, interrupted: cleared });
  }

  close(): void {
    this.closed = true;
    this.then = undefined;
    clearTimeout(this.markTimer);
  }

  private next(label: string): string {
    const name = `${label}-${++this.utterances}`;
    this.playing = name;
    this.then = undefined;
    return name;
  }

  private after(mark: string | undefined, then: () => void): void {
    if (!mark || this.closed) return;
    if (this.playing === mark) this.then = { mark, run: then };
    else if (this.playing === undefined) then(); // already played (the mark raced us)
  }

  private send(pcm: Int16Array | readonly Int16Array[], name: string): void {
    let samples = 0;
    // Chunks of whole 20 ms frames (1 s blocks) but the last: only the end is padded.
    for (const c of pcm instanceof Int16Array ? [pcm] : pcm) {
      this.out.sendAudio(c);
      samples += c.length;
    }
    this.out.mark(name);
    const ms = Math.round((samples / this.out.outputRate) * 1000);
    // Marks travel over core NATS and can be lost in a bus outage: never wait for one forever.
    clearTimeout(this.markTimer);
    this.markTimer = setTimeout(() => {
      if (this.playing !== name || this.closed) return;
      this.log.warn({ utterance: name }, 'mark for the utterance never came back; carrying on');
      this.onMarkPlayed(name, false);
    }, ms + MARK_GRACE_MS);
    this.markTimer.unref();
  }
}
