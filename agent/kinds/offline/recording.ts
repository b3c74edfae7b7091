// Caller audio kept by the offline agent — one utterance to play back, or a voicemail message — in 1 s
// blocks up to a cap (an allocation per second of audio, none per frame), on the call's sample time
// base so it can be cut where the caller's voice stopped.
import { UtteranceAudio } from '../cascaded/providers/wav.ts';

export class CallerRecording {
  private readonly audio: UtteranceAudio;
  private readonly cap: number;
  /** The VAD confirmed speech in it. */
  heardSpeech = false;

  /** `startSample`: call sample time of the first sample pushed. */
  constructor(readonly rate: number, maxSeconds: number, readonly startSample: number) {
    this.audio = new UtteranceAudio(rate, maxSeconds);
    this.cap = Math.round(rate * maxSeconds);
  }

  /** Appends caller audio; true once the cap is reached (later audio is dropped). */
  push(pcm: Int16Array): boolean {
    this.audio.push(pcm);
    return this.audio.samples >= this.cap;
  }

  get samples(): number {
    return this.audio.samples;
  }

  get durationMs(): number {
    return Math.round((this.audio.samples * 1000) / this.rate);
  }

  /** The audio up to call sample time `endSample` (all of it when absent), as views. */
  chunks(endSample?: number): Int16Array[] {
    const all = this.audio.chunks();
    if (endSample === undefined) return all;
    let left = Math.max(0, endSample - this.startSample);
    const out: Int16Array[] = [];
    for (const c of all) {
      if (left <= 0) break;
      out.push(c.length <= left ? c : c.subarray(0, left));
      left -= c.length;
    }
    return out;
  }
}
