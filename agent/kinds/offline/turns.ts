// The caller's turns for the offline agent: Silero VAD (the cascaded agent's detector, batched across
// calls) → the shared endpointer, reported on one time base — samples of caller audio since the call
// began — so the call can cut recordings at the caller's last word. The model loads on the first call
// of a process; until it has, nothing is reported (keys still work).
import { Endpointer } from '../../vad/endpointer.ts';
import { vadRate, type VoiceDetector, type VoiceDetectorFactory } from '../../vad/detector.ts';
import type { Logger } from '../../../lib/logger.ts';
import { errorMessage } from '../../../lib/errors.ts';

export interface TurnEvents {
  /** Speech may have begun (not yet confirmed): `atSample` is where. */
  onOnset(atSample: number): void;
  /** The speech lasted minSpeechMs: a real utterance (barge-in point). */
  onConfirmed(): void;
  /** The onset died before it was confirmed (a click, a cough). */
  onAbandoned(): void;
  /** silenceMs of silence after confirmed speech; `speechEndSample` is where the voice stopped. */
  onEndpoint(speechEndSample: number): void;
}

export interface TurnOptions {
  /** Rate of the caller audio pushed, and the caller leg's own rate (narrowband legs: VAD at 8 kHz). */
  rate: number;
  sourceRate?: number;
  silenceMs: number;
  minSpeechMs: number;
}

export class VoiceTurns {
  private readonly endpointer: Endpointer;
  private vad: VoiceDetector | undefined;
  /** Caller samples pushed, and how many came before the detector was ready. */
  private pushed = 0;
  private offset = 0;
  private closed = false;

  constructor(detector: VoiceDetectorFactory | Promise<VoiceDetectorFactory>, private readonly o: TurnOptions, ev: TurnEvents, log: Logger) {
    const toSample = (ms: number) => Math.round((ms * o.rate) / 1000);
    this.endpointer = new Endpointer(
      {
        onOnset: (at) => ev.onOnset(toSample(at)),
        onConfirmed: () => ev.onConfirmed(),
        onAbandoned: () => ev.onAbandoned(),
        onEndpoint: (_at, _start, end) => ev.onEndpoint(toSample(end)),
      },
      { silenceMs: o.silenceMs, minSpeechMs: o.minSpeechMs },
    );
    const rates = { input: o.rate, model: vadRate(o.rate, o.sourceRate) };
    const onProbability = (p: number, endSample: number) => {
      if (!this.closed) this.endpointer.update(p, ((endSample + this.offset) * 1000) / o.rate);
    };
    if (typeof detector === 'function') this.vad = detector(rates, onProbability);
    else {
      detector.then(
        (factory) => {
          if (this.closed) return;
          this.offset = this.pushed;
          this.vad = factory(rates, onProbability);
        },
        (err: unknown) => log.error({ err: errorMessage(err) }, 'voice activity detection unavailable: only keys are heard'),
      );
    }
  }

  /** Whether the detector is running (false while Silero loads, or if it failed to). */
  get ready(): boolean {
    return this.vad !== undefined;
  }

  /** Caller samples pushed so far (the time base of every event). */
  get samples(): number {
    return this.pushed;
  }

  push(pcm: Int16Array): void {
    this.pushed += pcm.length;
    this.vad?.push(pcm);
  }

  /** Starts over (a new phase of the call): silence after speech of `silenceMs` ends the next turn. */
  restart(silenceMs = this.o.silenceMs): void {
    this.endpointer.reset();
    this.endpointer.silenceMs = silenceMs;
  }

  close(): void {
    this.closed = true;
    this.vad?.close();
  }
}
