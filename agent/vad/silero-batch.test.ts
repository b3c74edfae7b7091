// Batched Silero inference gives every call exactly the probabilities it gets alone: several calls'
// speech (different voices' worth of gain, offsets and noise, with silent stretches the gate skips) through
// SileroVad and the shared batcher, against the same audio window by window through unbatched model runs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { SileroModel, SILERO_WINDOW } from './silero-model.ts';
import { SileroVad } from './silero-vad.ts';
import { EspeakTts } from '../tts/espeak.ts';
import { resampleBuffer } from '../tts/resample-any.js';

const tts = new EspeakTts(16000);
after(() => tts.close());

/** Stream k: the speech at its own gain and offset, a noise floor (or none), silence around it. */
function streamAudio(speech: Int16Array, rate: number, k: number): Int16Array {
  const pre = Math.round(rate * (0.2 + 0.13 * k));
  const pcm = new Int16Array(pre + speech.length + Math.round(rate * 0.6));
  const gain = 1 - 0.15 * k;
  let seed = 7 + k;
  for (let i = 0; i < pcm.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = k % 2 === 0 ? 0 : ((seed / 0x7fffffff) * 2 - 1) * 120; // odd streams never gate
    const s = i >= pre && i - pre < speech.length ? speech[i - pre] * gain : 0;
    pcm[i] = Math.max(-32768, Math.min(32767, Math.round(s + noise)));
  }
  return pcm;
}

/** What SileroVad computes from the whole 20 ms frames of `all`, a window at a time through unbatched runs. */
async function unbatched(model: SileroModel, all: Int16Array, rate: number, gateRms = 0.002): Promise<number[]> {
  const pcm = all.subarray(0, all.length - (all.length % (rate / 50)));
  const { window, context } = SILERO_WINDOW[rate];
  const gate = gateRms * gateRms * window;
  const data = new Float32Array(context + window);
  const state = SileroModel.newState();
  const probs: number[] = [];
  for (let at = 0; at + window <= pcm.length; at += window) {
    let e = 0;
    for (let k = 0; k < window; k++) {
      const v = pcm[at + k] / 32768;
      data[context + k] = v;
      e += v * v;
    }
    if (e < gate) probs.push(0);
    else {
      probs.push(await model.runOne(rate, data, state));
    }
    data.copyWithin(0, window, window + context);
  }
  return probs;
}

/** All streams through SileroVad at once, 20 ms frames in lock-step, each starting `k` frames late. */
async function batched(model: SileroModel, streams: Int16Array[], rate: number, waitMs: number): Promise<number[][]> {
  const frame = rate / 50;
  const window = SILERO_WINDOW[rate].window;
  const probs = streams.map(() => [] as number[]);
  const expected = streams.map((s) => Math.floor((s.length - (s.length % frame)) / window));
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  const vads = streams.map((_, k) => new SileroVad(model, { rate, batchWaitMs: waitMs, onProbability: (p) => probs[k].push(p) === expected[k] && probs.every((x, j) => x.length === expected[j]) && done() }));
  const buf = new Int16Array(frame); // reused, as the worker reuses its frame view
  const frames = Math.max(...streams.map((s, k) => k + Math.floor(s.length / frame)));
  for (let f = 0; f < frames; f++) {
    streams.forEach((s, k) => {
      const i = (f - k) * frame;
      if (i < 0 || i + frame > s.length) return;
      buf.set(s.subarray(i, i + frame));
      vads[k].push(buf);
    });
    await new Promise((r) => setTimeout(r, 4)); // faster than real time, slow enough that no window is dropped
  }
  await all;
  for (const v of vads) {
    assert.equal(v.overruns, 0, 'the model kept up: every window was inferred');
    v.close();
  }
  return probs;
}

test('16 kHz: five calls batched get exactly their unbatched probabilities; batches really formed', async () => {
  const model = await SileroModel.load();
  const speech = await tts.synthesize('Hello, I would like to book a table for two people tonight, please.');
  const streams = Array.from({ length: 5 }, (_, k) => streamAudio(speech, 16000, k));
  const b = model.batcher(16000);
  const runs0 = b.runs;
  const windows0 = b.windows;
  const got = await batched(model, streams, 16000, 3);
  for (let k = 0; k < streams.length; k++) {
    const want = await unbatched(model, streams[k], 16000);
    assert.equal(got[k].length, want.length);
    assert.deepEqual(got[k], want, `call ${k}: batched and unbatched probabilities differ`);
    assert.ok(want.some((p) => p > 0.8), `call ${k} has speech`);
  }
  const runs = b.runs - runs0;
  const windows = b.windows - windows0;
  assert.ok(windows / runs > 2, `${windows} windows in ${runs} runs`);
});

test('8 kHz, and a wait of 0 (batches of the same turn): still exactly the unbatched probabilities', async () => {
  const model = await SileroModel.load();
  const speech = resampleBuffer(await tts.synthesize('Can you hear me now?'), 16000, 8000);
  const streams = Array.from({ length: 3 }, (_, k) => streamAudio(speech, 8000, k));
  const got = await batched(model, streams, 8000, 0);
  for (let k = 0; k < streams.length; k++) assert.deepEqual(got[k], await unbatched(model, streams[k], 8000), `call ${k}`);
});
