// In-process stand-ins for the harness test and the bench: a scripted STT, LLM and TTS, an energy
// VAD (speech = loud frames, deterministic), and an AgentOutput that records frames, marks and clears
// and lets the test decide when marks "play". No sockets: the pipeline's own logic, frames in and out.
import type { AgentOutput } from '../types.ts';
import type { LlmEvent, LlmProvider, LlmRequest, SttProvider, SttUtterance, ToolExecutor, TtsProvider, ChatMessage } from './types.ts';
import type { VoiceDetector, VoiceDetectorFactory } from '../../vad/detector.ts';
import { ProviderError } from './provider-error.ts';

/** Speech probability 0.9 for 20 ms frames louder than `rms`, else 0 (one "window" per push). */
export const energyVad =
  (rms = 1000): VoiceDetectorFactory =>
  (_rates, onProbability): VoiceDetector => {
    let samples = 0;
    const d = {
      inferences: 0,
      gatedWindows: 0,
      push(pcm: Int16Array) {
        let e = 0;
        for (let i = 0; i < pcm.length; i++) e += pcm[i] * pcm[i];
        samples += pcm.length;
        d.inferences++;
        onProbability(Math.sqrt(e / Math.max(1, pcm.length)) > rms ? 0.9 : 0, samples);
      },
      close() {},
    };
    return d;
  };

type Step<T> = T | Error | ((req: LlmRequest) => T | Error);

/** STT: each utterance is answered with the next scripted text (or error). */
export class ScriptedStt implements SttProvider {
  readonly name = 'fake-stt';
  readonly script: Array<string | Error> = [];
  /** Samples heard per utterance. */
  readonly heard: number[] = [];
  delayMs = 0;
  begin(): SttUtterance {
    let n = 0;
    const idx = this.heard.push(0) - 1;
    return {
      push: (pcm) => {
        n += pcm.length;
        this.heard[idx] = n;
      },
      finish: async () => {
        if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
        const next = this.script.shift() ?? '';
        if (next instanceof Error) throw next;
        return next;
      },
      cancel: () => {},
    };
  }
  close(): void {}
}

/** LLM: each request is answered with the next scripted list of events; requests are recorded. */
export class ScriptedLlm implements LlmProvider {
  readonly name = 'fake-llm';
  readonly model = 'scripted';
  readonly script: Array<Step<LlmEvent[]>> = [];
  readonly requests: Array<{ messages: ChatMessage[]; tools: string[]; signal: AbortSignal }> = [];
  /** Delay before each event (ms); 0 = none. */
  delayMs = 0;
  async *stream(req: LlmRequest): AsyncIterable<LlmEvent> {
    this.requests.push({ messages: structuredClone([...req.messages]) as ChatMessage[], tools: req.tools.map((t) => t.name), signal: req.signal });
    let step = this.script.shift() ?? [{ type: 'text', text: 'OK.' }];
    if (typeof step === 'function') step = step(req);
    if (step instanceof Error) throw step;
    for (const ev of step) {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (req.signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      yield ev;
    }
  }
}

/** A text reply as LLM events, one word per delta. */
export const says = (text: string): LlmEvent[] => text.split(/(?<= )/).map((t) => ({ type: 'text', text: t }));

/** A 200 Hz tone of `n` samples at `rate`, as bytes; made once per length (the bench synthesizes a lot). */
const tones = new Map<string, Uint8Array>();
function tone(n: number, rate: number): Uint8Array {
  const key = `${rate}:${n}`;
  let bytes = tones.get(key);
  if (!bytes) {
    const pcm = new Int16Array(n);
    for (let i = 0; i < n; i++) pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 200 * i) / rate));
    tones.set(key, (bytes = new Uint8Array(pcm.buffer)));
  }
  return bytes;
}

/** TTS: `msPerWord` of a 200 Hz tone per word at 24 kHz, in two chunks split mid-sample. */
export class ScriptedTts implements TtsProvider {
  readonly sampleRate: number;
  readonly texts: string[] = [];
  readonly failures: Error[] = [];
  constructor(readonly name = 'fake-tts', private readonly msPerWord = 100, rate = 24000) {
    this.sampleRate = rate;
  }
  async *synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array> {
    this.texts.push(text);
    const f = this.failures.shift();
    if (f) throw f;
    const words = text.split(/\s+/).filter(Boolean).length;
    const bytes = tone(Math.round((this.sampleRate * this.msPerWord * Math.max(1, words)) / 1000), this.sampleRate);
    const half = (bytes.length >> 1) | 1; // odd: a sample split across chunks
    yield bytes.subarray(0, half);
    await Promise.resolve();
    if (signal.aborted) return;
    yield bytes.subarray(half);
  }
}

export const httpError = (status: number, provider = 'fake') => new ProviderError(provider, 'llm', `HTTP_${status}`, `HTTP ${status}`, { status, retryable: status === 429 || status >= 500 });

/** Tools: end_call and send_dtmf declared; runs are recorded. */
export class RecordingTools implements ToolExecutor {
  readonly declarations = [
    { name: 'end_call', description: 'Hang up after saying goodbye.', parameters: { type: 'object', properties: {} } },
    { name: 'send_dtmf', description: 'Press keys on the phone keypad.', parameters: { type: 'object', properties: { digits: { type: 'string' } }, required: ['digits'] } },
  ];
  readonly runs: Array<{ name: string; args: unknown }> = [];
  isSendDtmf(name: string): boolean {
    return name === 'send_dtmf';
  }
  async run(name: string, args: unknown) {
    this.runs.push({ name, args });
    if (name === 'end_call') return { ok: true, output: '{"ended":true}', endCall: true };
    return { ok: false, output: JSON.stringify({ error: `unknown tool ${name}` }) };
  }
}

/** AgentOutput that records everything; marks "play" when the test says so. */
export class RecordingOutput implements AgentOutput {
  readonly outputRate: number;
  frames = 0;
  /** Frames sent since the last clear (what would be queued at the caller). */
  framesSinceClear = 0;
  readonly marks: Array<{ name: string; afterFrame: number }> = [];
  clears = 0;
  hangups: string[] = [];
  /** performance.now() of each clear. */
  readonly clearTimes: number[] = [];
  firstFrameAt = 0;
  constructor(rate = 16000) {
    this.outputRate = rate;
  }
  sendAudio(pcm: Int16Array): void {
    if (pcm.length !== this.outputRate / 50) throw new Error(`frame of ${pcm.length} samples`);
    if (this.frames === 0) this.firstFrameAt = performance.now();
    this.frames++;
    this.framesSinceClear++;
  }
  mark(name: string): void {
    this.marks.push({ name, afterFrame: this.frames });
  }
  clear(): void {
    this.clears++;
    this.framesSinceClear = 0;
    this.clearTimes.push(performance.now());
  }
  hangup(reason: string): void {
    this.hangups.push(reason);
  }
  /** Marks placed and not yet handed back, oldest first. */
  takeMarks(): string[] {
    return this.marks.splice(0).map((m) => m.name);
  }
}
