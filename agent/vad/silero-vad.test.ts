// Silero VAD on real synthesized speech (espeak-ng), fed in 20 ms frames as calls deliver it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { SileroModel } from './silero-model.ts';
import { SileroVad } from './silero-vad.ts';
import { Endpointer } from './endpointer.ts';
import { EspeakTts } from '../tts/espeak.ts';
import { resampleBuffer } from '../tts/resample-any.js';

const tts = new EspeakTts(16000);
after(() => tts.close());

function withSilence(speech: Int16Array, rate: number, beforeMs: number, afterMs: number): Int16Array {
  const pcm = new Int16Array(Math.round((rate * beforeMs) / 1000) + speech.length + Math.round((rate * afterMs) / 1000));
  pcm.set(speech, Math.round((rate * beforeMs) / 1000));
  return pcm;
}

// Frames come much faster than real time here (a turn each): with no batching wait, each window is
// inferred at the end of its turn, as a lone call's would be (batching itself: silero-batch.test.ts).
const NO_WAIT = 0;

/** Pushes `pcm` in 20 ms frames and waits for every window's probability. */
async function detect(vad: SileroVad, pcm: Int16Array, rate: number): Promise<Array<[number, number]>> {
  const frame = rate / 50;
  const probs: Array<[number, number]> = [];
  // (the test swaps the listener in after construction)
  const pushed = pcm.length - (pcm.length % frame);
  const expected = Math.floor(pushed / (rate === 16000 ? 512 : 256));
  const done = new Promise<void>((resolve) => {
    (vad as unknown as { o: { onProbability: (p: number, e: number) => void } }).o.onProbability = (p, e) => {
      probs.push([p, (e * 1000) / rate]);
      if (probs.length === expected) resolve();
    };
  });
  const buf = new Int16Array(frame); // reused, as the worker reuses its frame view
  for (let i = 0; i + frame <= pcm.length; i += frame) {
    buf.set(pcm.subarray(i, i + frame));
    vad.push(buf);
    await new Promise((r) => setImmediate(r)); // frames arrive 20 ms apart: let inference keep up
  }
  await done;
  return probs;
}

test('speech between two silences: probabilities high inside, low outside; one turn from the endpointer', async () => {
  const model = await SileroModel.load();
  const speech = await tts.synthesize('Hello, I would like to book a table for two people tonight, please.');
  const pcm = withSilence(speech, 16000, 1000, 1500);
  const vad = new SileroVad(model, { batchWaitMs: NO_WAIT, rate: 16000, onProbability: () => {} });
  const probs = await detect(vad, pcm, 16000);
  let last = speech.length - 1;
  while (last > 0 && Math.abs(speech[last]) < 300) last--; // espeak pads its output with quiet
  const speechEndMs = 1000 + last / 16;
  const inside = probs.filter(([, t]) => t > 1200 && t < speechEndMs - 200);
  const outside = probs.filter(([, t]) => t < 900 || t > speechEndMs + 700);
  const mean = (a: Array<[number, number]>) => a.reduce((s, [p]) => s + p, 0) / a.length;
  assert.ok(mean(inside) > 0.6, `mean probability in speech ${mean(inside).toFixed(2)}`);
  assert.ok(Math.max(...outside.map(([p]) => p)) < 0.2, 'silence is silence');
  assert.ok(vad.gatedWindows >= outside.length - 5, 'digital silence skipped the model');

  const events: string[] = [];
  const ep = new Endpointer({ onConfirmed: (t) => events.push(`confirmed ${t}`), onEndpoint: (t, s, e) => events.push(`endpoint ${t} ${s} ${e}`) });
  for (const [p, t] of probs) ep.update(p, t);
  assert.equal(events.length, 2, events.join('; '));
  const [, at, start, end] = events[1].split(' ').map(Number);
  assert.ok(Math.abs(start - 1000) < 150, `speech starts at ${start}`);
  assert.ok(Math.abs(end - speechEndMs) < 200, `speech ends at ${end} (audio ${speechEndMs.toFixed(0)})`);
  assert.ok(at - end >= 500 && at - end < 540, `endpoint ${at - end} ms after the last voiced window`);
  vad.close();
});

test('8 kHz works too (256-sample windows)', async () => {
  const model = await SileroModel.load();
  const speech = resampleBuffer(await tts.synthesize('Can you hear me now?'), 16000, 8000);
  const vad = new SileroVad(model, { batchWaitMs: NO_WAIT, rate: 8000, onProbability: () => {} });
  const probs = await detect(vad, withSilence(speech, 8000, 500, 800), 8000);
  assert.ok(probs.some(([p]) => p > 0.8), 'speech found');
  assert.ok(probs.filter(([, t]) => t < 400).every(([p]) => p < 0.2));
});

test('steady noise and a tone are not speech', async () => {
  const model = await SileroModel.load();
  const n = 16000 * 2;
  const noise = new Int16Array(n);
  let seed = 1;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = ((seed / 0x7fffffff) * 2 - 1) * 1500;
  }
  const vad = new SileroVad(model, { batchWaitMs: NO_WAIT, rate: 16000, onProbability: () => {} });
  const probs = await detect(vad, noise, 16000);
  const speechy = probs.filter(([p]) => p >= 0.5).length;
  assert.ok(speechy <= 2, `${speechy} of ${probs.length} noise windows look like speech`);
  assert.equal(vad.gatedWindows, 0, 'noise is above the gate: the model decided');
});

test('cost: the model runs well under a millisecond per 32 ms window once warm', async () => {
  const model = await SileroModel.load();
  const speech = await tts.synthesize('The quick brown fox jumps over the lazy dog.');
  const vad = new SileroVad(model, { batchWaitMs: NO_WAIT, rate: 16000, onProbability: () => {}, gateRms: 0 });
  const t0 = process.cpuUsage();
  await detect(vad, speech, 16000);
  const cpu = process.cpuUsage(t0);
  const perWindowMs = (cpu.user + cpu.system) / 1000 / vad.inferences;
  console.log(`# Silero v5: ${perWindowMs.toFixed(3)} ms CPU per 32 ms window over ${vad.inferences} windows`);
  assert.ok(perWindowMs < 3, `${perWindowMs.toFixed(2)} ms per window`);
});

/** Pushes `pcm` in chunks of `chunk` samples; resolves with every window's [probability, end sample]. */
async function detectChunks(vad: SileroVad, pcm: Int16Array, chunk: number, windows: number): Promise<Array<[number, number]>> {
  const probs: Array<[number, number]> = [];
  const done = new Promise<void>((resolve) => {
    (vad as unknown as { o: { onProbability: (p: number, e: number) => void } }).o.onProbability = (p, e) => {
      if (probs.push([p, e]) === windows) resolve();
    };
  });
  const buf = new Int16Array(chunk);
  for (let i = 0; i + chunk <= pcm.length; i += chunk) {
    buf.set(pcm.subarray(i, i + chunk));
    vad.push(buf);
    await new Promise((r) => setImmediate(r));
  }
  await done;
  return probs;
}

test('a phone leg on the 16 kHz bus runs the 8 kHz model on every second sample, whatever the chunking', async () => {
  const model = await SileroModel.load();
  const narrow = withSilence(resampleBuffer(await tts.synthesize('I would like to check my order, please.'), 16000, 8000), 8000, 400, 600);
  const wide = resampleBuffer(narrow, 8000, 16000); // what the bus carries for a Twilio or G.711 call
  const even = new Int16Array(wide.length >> 1);
  for (let i = 0; i < even.length; i++) even[i] = wide[2 * i];
  const windows = Math.floor(even.length / 256) - 1;

  const direct = new SileroVad(model, { batchWaitMs: NO_WAIT, rate: 8000, onProbability: () => {} });
  const expected = await detectChunks(direct, even, 160, windows);
  // Odd chunk sizes: the decimation phase must carry across pushes.
  const decimating = new SileroVad(model, { batchWaitMs: NO_WAIT, rate: 8000, inputRate: 16000, onProbability: () => {} });
  const got = await detectChunks(decimating, wide, 161, windows);
  for (let w = 0; w < windows; w++) {
    assert.ok(Math.abs(got[w][0] - expected[w][0]) < 1e-6, `window ${w}: ${got[w][0]} vs ${expected[w][0]}`);
    // End sample in pushed (16 kHz) samples: twice the 8 kHz count, within the chunk that completed it.
    assert.ok(Math.abs(got[w][1] - 2 * expected[w][1]) <= 1, `window ${w} ends at ${got[w][1]}, expected ${2 * expected[w][1]}`);
  }
  assert.ok(got.some(([p]) => p > 0.8), 'speech found');
  assert.throws(() => new SileroVad(model, { rate: 8000, inputRate: 48000, onProbability: () => {} }), RangeError);
  direct.close();
  decimating.close();
});
