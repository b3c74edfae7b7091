// bench/agents: the cascaded agent's own cost. N calls run the real pipeline in this process — Silero
// VAD (WASM), endpointer, replies, sentence chunking, TTS resampling into frames, marks, barge-in —
// against zero-latency in-process providers, fed real espeak-ng speech in 20 ms frames on one ticker.
// Each call loops: the caller asks (2 s of speech), the agent answers (~3 s), and every other answer the
// caller talks over it. A simulated phone plays the agent's frames in real time and returns marks.
// Reports: calls per core (call count ÷ CPU cores used), platform overhead from endpoint detected to
// first audio frame out (p50/p95), barge-in reaction from the confirming frame to `clear` (p50/p95), and
// how Silero's windows were batched across calls (--vad-batch-wait: VAD_BATCH_WAIT_MS, default 4).
// --source-rate 8000 (default) simulates phone legs (Twilio, G.711): speech synthesized at 8 kHz and
// upsampled to the bus's 16 kHz by the media core's own half-band filter, so the VAD runs at 8 kHz as it
// does for such calls; 16000 simulates wideband legs (WebRTC, G.722) with the VAD at 16 kHz.
// VAD_ENGINE=onnxruntime measures the onnxruntime-web engine instead of the native kernels.
// Usage: node --import tsx bench/agents/run.ts [--calls 60] [--seconds 15] [--vad-batch-wait 4] [--source-rate 8000]
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { CascadedCall } from '../../agent/kinds/cascaded/cascaded-call.ts';
import { vadRate, type VoiceDetectorFactory } from '../../agent/vad/detector.ts';
import { HalfbandUp2 } from '../../media/codecs/halfband.ts';
import { parseCascadedSettings } from '../../agent/kinds/cascaded/settings.ts';
import { noMetrics, type CascadedMetrics } from '../../agent/kinds/cascaded/metrics.ts';
import { ScriptedStt, ScriptedLlm, ScriptedTts, RecordingTools, says } from '../../agent/kinds/cascaded/testing.ts';
import { SileroModel } from '../../agent/vad/silero-model.ts';
import { SileroVad } from '../../agent/vad/silero-vad.ts';
import { DEFAULT_BATCH_WAIT_MS } from '../../agent/vad/silero-batch.ts';
import { EspeakTts } from '../../agent/tts/espeak.ts';
import type { AgentOutput } from '../../agent/kinds/types.ts';
import { newAudioFrameView } from '../../proto/index.ts';
import { createLogger } from '../../lib/logger.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '60' }, seconds: { type: 'string', default: '15' }, 'vad-batch-wait': { type: 'string', default: String(DEFAULT_BATCH_WAIT_MS) }, 'source-rate': { type: 'string', default: '8000' } } });
const CALLS = Number(values.calls);
const SECONDS = Number(values.seconds);
const BATCH_WAIT_MS = Number(values['vad-batch-wait']);
const RATE = 16000;
const SOURCE_RATE = Number(values['source-rate']);
if (SOURCE_RATE !== 8000 && SOURCE_RATE !== 16000) throw new Error('--source-rate must be 8000 or 16000');
const VAD_RATE = vadRate(RATE, SOURCE_RATE);
const FRAME = RATE / 50;
const CYCLE_FRAMES = 300; // 6 s per question/answer cycle

/** The caller's phone: plays queued agent frames in real time and returns marks (cleared on clear). */
class PhoneOutput implements AgentOutput {
  readonly outputRate = RATE;
  queued = 0;
  private sent = 0;
  private played = 0;
  private marks: Array<{ name: string; at: number }> = [];
  call: CascadedCall | undefined;
  sendAudio(): void {
    this.sent++;
    this.queued++;
  }
  mark(name: string): void {
    this.marks.push({ name, at: this.sent });
  }
  clear(): void {
    this.queued = 0;
    this.played = this.sent;
    const cleared = this.marks;
    this.marks = [];
    queueMicrotask(() => cleared.forEach((m) => this.call?.onMarkPlayed(m.name, true)));
  }
  hangup(): void {}
  tick(): void {
    if (this.queued > 0) {
      this.queued--;
      this.played++;
    }
    while (this.marks.length && this.marks[0].at <= this.played) this.call?.onMarkPlayed(this.marks.shift()!.name, false);
  }
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function main(): Promise<void> {
  const espeak = new EspeakTts(SOURCE_RATE);
  let question = await espeak.synthesize('Hello, could you tell me what your opening hours are today?');
  await espeak.close();
  if (SOURCE_RATE === 8000) {
    // As the media core does for a phone leg: 8 kHz up to the bus rate with its half-band filter.
    const up = new HalfbandUp2();
    const wide = new Int16Array(up.outputLength(question.length));
    up.process(question, wide, question.length);
    question = wide;
  }
  const model = await SileroModel.load();
  const vad: VoiceDetectorFactory = (rates, onProbability) => new SileroVad(model, { rate: rates.model, inputRate: rates.input, onProbability, batchWaitMs: BATCH_WAIT_MS });
  const batcher = model.batcher(VAD_RATE);
  const runs0 = batcher.runs;
  const windows0 = batcher.windows;
  const firstAudio: number[] = [];
  const reaction: number[] = [];
  const metrics: CascadedMetrics = {
    ...noMetrics,
    latency: (stage, ms) => {
      if (stage === 'first_audio') firstAudio.push(ms);
    },
    bargeInReaction: (ms) => reaction.push(ms),
  };
  const settings = parseCascadedSettings({ prompt: 'bench', endpointing: { silenceMs: 500, minSpeechMs: 200 } });
  const log = createLogger('silent');
  const calls = Array.from({ length: CALLS }, (_, i) => {
    const out = new PhoneOutput();
    const stt = new ScriptedStt();
    const llm = new ScriptedLlm();
    // Every answer: about 3 s of speech in three sentences; transcripts never run out.
    for (let k = 0; k < 1000; k++) {
      stt.script.push('What are your opening hours today?');
      llm.script.push(says('We open at nine. We close at six in the evening. On Sundays we are closed all day.'));
    }
    const call = new CascadedCall(
      { callId: `bench-${i}`, tenantId: 'bench', from: '+1', to: '+2', inputRate: RATE, sourceRate: SOURCE_RATE, settings: {}, log, out },
      { vad, stt, llm, tts: new ScriptedTts('bench-tts', 180), fallbackTts: undefined, tools: new RecordingTools(), metrics, settings },
    );
    out.call = call;
    return { call, out, offset: Math.floor((i * CYCLE_FRAMES) / CALLS), view: Object.assign(newAudioFrameView(), { sampleRate: RATE }) };
  });
  // The caller's frames as byte views, made once (the harness allocating per frame would be measured too).
  const silence = new Uint8Array(FRAME * 2);
  const qFrames = Math.floor(question.length / FRAME);
  const questionFrames = Array.from({ length: qFrames }, (_, k) => new Uint8Array(question.buffer, question.byteOffset + k * FRAME * 2, FRAME * 2));
  let tick = 0;
  const frameOf = (pos: number, cycle: number): Uint8Array => {
    // 0..qFrames: the question; on odd cycles a 0.6 s interruption 1.5 s into the answer.
    if (pos < qFrames) return questionFrames[pos];
    const cut = qFrames + 25 + 75; // endpoint (~0.5 s) + 1.5 s of answer
    if (cycle % 2 === 1 && pos >= cut && pos < cut + 30) return questionFrames[pos - cut];
    return silence;
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let late = 0;
  await new Promise<void>((resolve) => {
    const start = performance.now();
    // Calls' frames arrive spread over the 20 ms (as independent phone legs do): 10 slots of 2 ms.
    let slot = 0;
    const step = () => {
      const target = start + tick * 20 + slot * 2;
      if (performance.now() - target > 20) late++;
      for (let i = slot; i < calls.length; i += 10) {
        const c = calls[i];
        const n = tick + c.offset;
        c.view.pcm = frameOf(n % CYCLE_FRAMES, Math.floor(n / CYCLE_FRAMES));
        c.call.onAudio(c.view);
        c.out.tick();
      }
      if (++slot === 10) {
        slot = 0;
        tick++;
      }
      if (tick >= SECONDS * 50) return resolve();
      setTimeout(step, Math.max(0, start + tick * 20 + slot * 2 - performance.now()));
    };
    step();
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cores = (cpu.user + cpu.system) / 1e6 / wall;
  for (const c of calls) c.call.onEnd('bench over');
  const vadWindows = calls.length * SECONDS * (VAD_RATE / (VAD_RATE === 8000 ? 256 : 512));
  const result = {
    calls: CALLS,
    seconds: SECONDS,
    sourceRate: SOURCE_RATE,
    vadRate: VAD_RATE,
    cpuCoresUsed: Number(cores.toFixed(3)),
    callsPerCore: Math.round(CALLS / cores),
    ticksLate: late,
    turns: firstAudio.length,
    endpointToFirstAudioMs: { p50: Number(quantile(firstAudio, 0.5).toFixed(2)), p95: Number(quantile(firstAudio, 0.95).toFixed(2)) },
    bargeIns: reaction.length,
    bargeInReactionMs: { p50: Number(quantile(reaction, 0.5).toFixed(3)), p95: Number(quantile(reaction, 0.95).toFixed(3)) },
    vadWindowsPerSecondPerCall: Number((vadWindows / calls.length / SECONDS).toFixed(2)),
    vadInferencesPerSecondPerCall: Number(((batcher.windows - windows0) / calls.length / SECONDS).toFixed(2)),
    vadEngine: model.engine,
    vadBatchWaitMs: BATCH_WAIT_MS,
    vadWindowsPerRun: Number(((batcher.windows - windows0) / Math.max(1, batcher.runs - runs0)).toFixed(2)),
    node: process.version,
  };
  console.log('\ncascaded agent, zero-latency providers, real Silero VAD and espeak-ng speech');
  console.table({
    'calls': result.calls,
    'caller leg / VAD rate (Hz)': `${SOURCE_RATE} / ${VAD_RATE}`,
    'CPU cores used': result.cpuCoresUsed,
    'calls per core': result.callsPerCore,
    'answers measured': result.turns,
    'endpoint → first audio p50 (ms)': result.endpointToFirstAudioMs.p50,
    'endpoint → first audio p95 (ms)': result.endpointToFirstAudioMs.p95,
    'barge-ins': result.bargeIns,
    'barge-in reaction p50 (ms)': result.bargeInReactionMs.p50,
    'barge-in reaction p95 (ms)': result.bargeInReactionMs.p95,
    'frame slots late (>20 ms)': result.ticksLate,
    'VAD inferences /s per call': result.vadInferencesPerSecondPerCall,
    'VAD engine (VAD_ENGINE)': result.vadEngine,
    'VAD batch wait (ms)': result.vadBatchWaitMs,
    'VAD windows per run': result.vadWindowsPerRun,
  });
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/agents.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log('wrote bench/results/agents.json');
}

await main();
