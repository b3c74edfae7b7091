// A frames-in/frames-out harness for the offline agent: caller frames in (loud = speech, via the energy
// VAD of the cascaded harness), and the audio, marks, clears, hang-ups, transfers, stored recordings and
// handoffs that come out. The test decides when marks "play". No sockets, no espeak, no Silero.
import type { AgentOutput, AgentTurn, HandoffResult, RecordingInput } from '../types.ts';
import type { SpeechSynth } from './speaker.ts';
import { OfflineCall } from './offline-call.ts';
import { energyVad } from '../cascaded/testing.ts';
import { beepTone } from '../offline.ts';
import { newAudioFrameView } from '../../../proto/index.ts';
import { createLogger } from '../../../lib/logger.ts';

export const RATE = 16000;
const FRAME = RATE / 50;

/** 100 ms of a 200 Hz tone per word (quieter than the caller's speech, so it is told apart). */
export class FakeTts implements SpeechSynth {
  readonly outputRate = RATE;
  readonly texts: string[] = [];
  fail = false;
  async synthesize(text: string): Promise<Int16Array> {
    this.texts.push(text);
    if (this.fail) throw new Error('synthesis failed');
    const n = (RATE / 10) * Math.max(1, text.split(/\s+/).filter(Boolean).length);
    const pcm = new Int16Array(n);
    for (let i = 0; i < n; i++) pcm[i] = Math.round(3000 * Math.sin((2 * Math.PI * 200 * i) / RATE));
    return pcm;
  }
}

/** What went to the caller, in order: audio (copied) and marks. */
export class OfflineOutput implements AgentOutput {
  readonly outputRate = RATE;
  readonly sent: Array<{ audio: Int16Array } | { mark: string }> = [];
  /** Marks sent and not yet played, oldest first. */
  readonly pending: string[] = [];
  clears = 0;
  readonly hangups: string[] = [];
  readonly transfers: string[] = [];
  /** Frames echoed straight back (sendAudio with an origin time). */
  echoed = 0;
  sendAudio(pcm: Int16Array, originTs?: number): void {
    if (originTs !== undefined) this.echoed++;
    this.sent.push({ audio: pcm.slice() });
  }
  mark(name: string): void {
    this.sent.push({ mark: name });
    this.pending.push(name);
  }
  clear(): void {
    this.clears++;
  }
  hangup(reason: string): void {
    this.hangups.push(reason);
  }
  transfer(target: string): void {
    this.transfers.push(target);
  }
  /** The audio sent just before mark `name`, joined. */
  audioBefore(name: string): Int16Array {
    const i = this.sent.findIndex((s) => 'mark' in s && s.mark === name);
    const parts: Int16Array[] = [];
    for (let j = i - 1; j >= 0 && 'audio' in this.sent[j]; j--) parts.unshift((this.sent[j] as { audio: Int16Array }).audio);
    const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

export interface HarnessOptions {
  /** How a handoff answers (default: ok). */
  handoff?: (configId: string) => HandoffResult;
  /** How storing a recording answers (default: stored). */
  saveFails?: boolean;
  noRecordings?: boolean;
  noVad?: boolean;
}

export function offlineHarness(settings: Record<string, unknown>, o: HarnessOptions = {}) {
  const out = new OfflineOutput();
  const tts = new FakeTts();
  const turns: AgentTurn[] = [];
  const recordings: RecordingInput[] = [];
  const handoffs: string[] = [];
  let call: OfflineCall;
  call = new OfflineCall(
    {
      callId: 'c1', tenantId: 't1', from: '+1', to: '+2', inputRate: RATE, settings, log: createLogger('silent'), out,
      transcript: (t) => turns.push(t),
      saveRecording: o.noRecordings ? undefined : async (r) => {
        if (o.saveFails) throw new Error('store down');
        recordings.push(r);
        const samples = r.chunks.reduce((n, c) => n + c.length, 0);
        return { name: 't1/c1-voicemail-1.wav', durationMs: (samples * 1000) / r.sampleRate, bytes: 44 + samples * 2 };
      },
      handoff: async (id) => {
        handoffs.push(id);
        const r = o.handoff?.(id) ?? { ok: true, agentKind: 'cascaded' };
        if (r.ok) call.onEnd(); // the worker ends the previous agent once the next one has started
        return r;
      },
    },
    { tts, beep: beepTone(RATE), vad: o.noVad ? undefined : () => energyVad() },
  );
  const view = newAudioFrameView();
  view.sampleRate = RATE;
  const loud = new Int16Array(FRAME);
  for (let i = 0; i < FRAME; i++) loud[i] = Math.round(8000 * Math.sin((2 * Math.PI * 300 * i) / RATE));
  const quiet = new Int16Array(FRAME);
  const feed = (pcm: Int16Array, ms: number) => {
    view.pcm = new Uint8Array(pcm.buffer);
    for (let t = 0; t < ms; t += 20) {
      view.originTs = 1; // echo keeps it, so the output can tell echoed frames apart
      call.onAudio(view);
    }
  };
  return {
    call,
    out,
    tts,
    turns,
    recordings,
    handoffs,
    speech: (ms: number) => feed(loud, ms),
    silence: (ms: number) => feed(quiet, ms),
    /** The caller's side has played everything sent: marks come back. */
    playAll: () => {
      for (const m of out.pending.splice(0)) call.onMarkPlayed(m, false);
    },
    /** Media reports the marks a clear discarded. */
    returnCleared: () => {
      for (const m of out.pending.splice(0)) call.onMarkPlayed(m, true);
    },
    marks: () => out.sent.filter((s): s is { mark: string } => 'mark' in s).map((s) => s.mark),
  };
}

export async function until(cond: () => boolean, what: string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** Samples louder than the fake TTS (the caller's own audio played back). */
export function loudSamples(pcm: Int16Array): number {
  let n = 0;
  for (const v of pcm) if (Math.abs(v) > 4000) n++;
  return n;
}
