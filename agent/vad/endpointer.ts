// Turns speech probabilities (one per VAD window) into turn-taking events, on caller-audio time so
// it is deterministic: a speech onset; the onset *confirmed* once it has lasted `minSpeechMs` (what
// barge-in waits for, so a cough or a click does not cut the agent off); an onset that died before
// that (abandoned); and the endpoint, `silenceMs` of silence after confirmed speech (end of turn).
// Hysteresis: speech starts at `activation` and continues while the probability stays ≥ `deactivation`.

export interface EndpointerOptions {
  activation?: number; // default 0.5
  deactivation?: number; // default 0.35
  /** Speech must last this long to count (barge-in, a user turn). Default 200 ms. */
  minSpeechMs?: number;
  /** Silence after speech that ends the turn. Default 500 ms. */
  silenceMs?: number;
  /** Silence that kills an unconfirmed onset. Default 100 ms. */
  onsetGapMs?: number;
}

export interface EndpointerEvents {
  onOnset?(atMs: number): void;
  onConfirmed?(atMs: number, startMs: number): void;
  onAbandoned?(atMs: number): void;
  /** `speechEndMs`: end of the last voiced window; `atMs - speechEndMs` is the endpointing wait. */
  onEndpoint?(atMs: number, speechStartMs: number, speechEndMs: number): void;
}

const IDLE = 0;
const ONSET = 1;
const SPEAKING = 2;

export class Endpointer {
  readonly activation: number;
  readonly deactivation: number;
  readonly minSpeechMs: number;
  silenceMs: number;
  readonly onsetGapMs: number;
  private state = IDLE;
  private startMs = 0;
  private lastVoicedMs = 0;
  private voicedMs = 0;
  private prevMs = 0;

  constructor(private readonly ev: EndpointerEvents, o: EndpointerOptions = {}) {
    this.activation = o.activation ?? 0.5;
    this.deactivation = o.deactivation ?? 0.35;
    this.minSpeechMs = o.minSpeechMs ?? 200;
    this.silenceMs = o.silenceMs ?? 500;
    this.onsetGapMs = o.onsetGapMs ?? 100;
  }

  /** True between a confirmed onset and its endpoint. */
  get speaking(): boolean {
    return this.state === SPEAKING;
  }

  /** True from an onset until its endpoint or abandonment. */
  get active(): boolean {
    return this.state !== IDLE;
  }

  /** One window's probability; `atMs` is the caller-audio time at the window's end. */
  update(prob: number, atMs: number): void {
    const dt = atMs - this.prevMs;
    this.prevMs = atMs;
    switch (this.state) {
      case IDLE:
        if (prob >= this.activation) {
          this.state = ONSET;
          this.startMs = atMs - dt;
          this.lastVoicedMs = atMs;
          this.voicedMs = dt;
          this.ev.onOnset?.(this.startMs);
          this.maybeConfirm(atMs);
        }
        break;
      case ONSET:
        if (prob >= this.deactivation) {
          this.lastVoicedMs = atMs;
          this.voicedMs += dt;
          this.maybeConfirm(atMs);
        } else if (atMs - this.lastVoicedMs >= this.onsetGapMs) {
          this.state = IDLE;
          this.ev.onAbandoned?.(atMs);
        }
        break;
      case SPEAKING:
        if (prob >= this.deactivation) this.lastVoicedMs = atMs;
        else if (atMs - this.lastVoicedMs >= this.silenceMs) {
          this.state = IDLE;
          this.ev.onEndpoint?.(atMs, this.startMs, this.lastVoicedMs);
        }
        break;
    }
  }

  private maybeConfirm(atMs: number): void {
    if (this.voicedMs < this.minSpeechMs) return;
    this.state = SPEAKING;
    this.ev.onConfirmed?.(atMs, this.startMs);
  }

  reset(): void {
    this.state = IDLE;
  }
}
