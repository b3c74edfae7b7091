// bench/vad: CPU per Silero window for each engine (native WASM kernels, onnxruntime-web), rate and batch
// size, on windows of real synthesized speech with a little noise (so nothing is gated and the numbers
// are the model's own). Prints a table and writes bench/results/vad.json.
// Usage: node --import tsx bench/vad/run.ts [--seconds 2] (per cell)
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { SileroModel, SILERO_WINDOW, SILERO_STATE, type SileroEngineName } from '../../agent/vad/silero-model.ts';
import { EspeakTts } from '../../agent/tts/espeak.ts';
import { resampleBuffer } from '../../agent/tts/resample-any.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' } } });
const SECONDS = Number(values.seconds);
const tts = new EspeakTts(16000);
const speech16 = await tts.synthesize('Hello, I would like to book a table for two people tonight, at around eight, please.');
tts.close();

/** Consecutive windows of the speech at `rate`, each with its context, `rows` streams offset from each other. */
function batches(rate: number, rows: number): Float32Array[] {
  const speech = rate === 16000 ? speech16 : resampleBuffer(speech16, 16000, 8000);
  const { window, context } = SILERO_WINDOW[rate];
  const out: Float32Array[] = [];
  let seed = 1;
  for (let w = 0; (w + 1) * window + context < speech.length; w++) {
    const b = new Float32Array(rows * (window + context));
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < window + context; k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const at = (w * window + k + r * 131) % speech.length;
        b[r * (window + context) + k] = speech[at] / 32768 + ((seed / 0x7fffffff) * 2 - 1) * 0.003;
      }
    }
    out.push(b);
  }
  return out;
}

interface Cell {
  engine: SileroEngineName;
  rate: number;
  rows: number;
  usPerWindow: number;
  windowsPerCoreSecond: number;
}

const cells: Cell[] = [];
for (const engine of ['native', 'onnxruntime'] as const) {
  const model = await SileroModel.load(engine);
  for (const rate of [8000, 16000]) {
    for (const rows of [1, 4, 8, 16]) {
      const input = batches(rate, rows);
      const state = new Float32Array(2 * rows * SILERO_STATE);
      const probs = new Float32Array(rows);
      for (let i = 0; i < 50; i++) await model.runBatch(rate, input[i % input.length], state, rows, probs); // warm
      let runs = 0;
      const c0 = cpuUsage();
      const t0 = performance.now();
      while (performance.now() - t0 < SECONDS * 1000) {
        await model.runBatch(rate, input[runs % input.length], state, rows, probs);
        runs++;
      }
      const cpu = cpuUsage(c0);
      const us = (cpu.user + cpu.system) / (runs * rows);
      cells.push({ engine, rate, rows, usPerWindow: Number(us.toFixed(1)), windowsPerCoreSecond: Math.round(1e6 / us) });
    }
  }
}
console.log('\nSilero VAD v5: CPU per 32 ms window (speech, nothing gated), by engine, rate and batch size');
console.table(cells.map((c) => ({ engine: c.engine, 'rate Hz': c.rate, 'windows per run': c.rows, 'µs CPU per window': c.usPerWindow, 'windows per core-second': c.windowsPerCoreSecond })));
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../results/vad.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), node: process.version, secondsPerCell: SECONDS, cells }, null, 2) + '\n');
console.log('wrote bench/results/vad.json');
