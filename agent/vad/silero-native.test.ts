// The native Silero engine (our WASM kernels) against onnxruntime running the same ONNX file: real
// synthesized speech with noise, windows in batches of different sizes, state carried across windows.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SileroModel, SILERO_WINDOW, SILERO_STATE, sileroEngineFromEnv } from './silero-model.ts';
import { onnxFloatTensors } from './onnx-tensors.ts';
import { EspeakTts } from '../tts/espeak.ts';
import { resampleBuffer } from '../tts/resample-any.js';
import { ConfigError } from '../../lib/errors.ts';

const tts = new EspeakTts(16000);
after(() => tts.close());
const modelFile = () => new Uint8Array(readFileSync(createRequire(import.meta.url).resolve('@ricky0123/vad-web/dist/silero_vad_v5.onnx')));

/** `rows` streams of the speech at different gains and offsets with a little noise, as float windows. */
function windows(speech: Int16Array, rate: number, rows: number): Float32Array[] {
  const { window, context } = SILERO_WINDOW[rate];
  const count = Math.floor(speech.length / window) + 10;
  const out: Float32Array[] = [];
  let seed = 99;
  for (let w = 0; w < count; w++) {
    const batch = new Float32Array(rows * (window + context));
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < window + context; k++) {
        const at = w * window + k - context - r * 97; // each row a little later
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const s = at >= 0 && at < speech.length ? (speech[at] / 32768) * (1 - 0.1 * r) : 0;
        batch[r * (window + context) + k] = s + ((seed / 0x7fffffff) * 2 - 1) * 0.003;
      }
    }
    out.push(batch);
  }
  return out;
}

for (const rate of [8000, 16000]) {
  test(`${rate} Hz: native and onnxruntime agree on speech in batches of 1, 3, 8 and 11`, async () => {
    const native = await SileroModel.load('native');
    const ort = await SileroModel.load('onnxruntime');
    assert.equal(native.engine, 'native');
    assert.equal(ort.engine, 'onnxruntime');
    const speech16 = await tts.synthesize('Hello, I would like to change my delivery address, please.');
    const speech = rate === 16000 ? speech16 : resampleBuffer(speech16, 16000, 8000);
    for (const rows of [1, 3, 8, 11]) {
      const a = new Float32Array(2 * rows * SILERO_STATE);
      const b = new Float32Array(2 * rows * SILERO_STATE);
      const pa = new Float32Array(rows);
      const pb = new Float32Array(rows);
      let maxProb = 0;
      let maxState = 0;
      let peak = 0;
      for (const input of windows(speech, rate, rows)) {
        await native.runBatch(rate, input, a, rows, pa);
        await ort.runBatch(rate, input, b, rows, pb);
        for (let r = 0; r < rows; r++) maxProb = Math.max(maxProb, Math.abs(pa[r] - pb[r]));
        for (let i = 0; i < a.length; i++) maxState = Math.max(maxState, Math.abs(a[i] - b[i]));
        peak = Math.max(peak, ...pa);
      }
      assert.ok(maxProb < 1e-4, `rows ${rows}: probabilities differ by ${maxProb}`);
      assert.ok(maxState < 1e-3, `rows ${rows}: states differ by ${maxState}`);
      assert.ok(peak > 0.8, `rows ${rows}: speech found (peak ${peak})`);
    }
  });
}

test('a window gets the same probability whatever else shares its batch (bit for bit)', async () => {
  const model = await SileroModel.load('native');
  const speech = await tts.synthesize('Is anybody there?');
  const rate = 16000;
  const batches = windows(speech, rate, 8);
  const width = SILERO_WINDOW[rate].window + SILERO_WINDOW[rate].context;
  const all = new Float32Array(2 * 8 * SILERO_STATE);
  const alone = new Float32Array(2 * SILERO_STATE);
  const pAll = new Float32Array(8);
  for (const input of batches) {
    await model.runBatch(rate, input, all, 8, pAll);
    const p = await model.runOne(rate, input.subarray(5 * width, 6 * width), alone); // row 5 on its own
    assert.equal(p, pAll[5]);
  }
  assert.deepEqual(Array.from(alone.subarray(0, SILERO_STATE)), Array.from(all.subarray(5 * SILERO_STATE, 6 * SILERO_STATE)));
});

test('the ONNX reader finds both rates\' weights and refuses a truncated file', () => {
  const file = modelFile();
  const t = onnxFloatTensors(file);
  assert.deepEqual(t.get('If_0_else_branch__Inline_0__encoder.0.reparam_conv.weight')?.dims, [128, 65, 3]);
  assert.deepEqual(t.get('If_0_then_branch__Inline_0__stft.forward_basis_buffer')?.dims, [258, 1, 256]);
  assert.equal(t.get('If_0_then_branch__Inline_0__decoder.rnn.weight_hh')?.data.length, 512 * 128);
  assert.throws(() => onnxFloatTensors(file.subarray(0, file.length - 1000)), RangeError);
  assert.throws(() => onnxFloatTensors(Uint8Array.of(0x3a, 0xff, 0xff, 0xff, 0xff, 0x0f)), RangeError);
});

test('VAD_ENGINE: native by default, onnxruntime on request, anything else a config error', () => {
  assert.equal(sileroEngineFromEnv({}), 'native');
  assert.equal(sileroEngineFromEnv({ VAD_ENGINE: 'onnxruntime' }), 'onnxruntime');
  assert.equal(sileroEngineFromEnv({ VAD_ENGINE: ' ONNXRuntime ' }), 'onnxruntime');
  assert.throws(() => sileroEngineFromEnv({ VAD_ENGINE: 'gpu' }), (e: unknown) => e instanceof ConfigError && /VAD_ENGINE/.test(e.message));
});

/** Protocol buffer pieces, to build small ONNX files by hand. */
const varint = (n: number): number[] => {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
};
const field = (no: number, bytes: number[]): number[] => [...varint((no << 3) | 2), ...varint(bytes.length), ...bytes];

test('the ONNX reader takes dims written packed as well as one by one', () => {
  const data = new Float32Array([1, 2, 3, 4, 5, 6]);
  const raw = Array.from(new Uint8Array(data.buffer));
  const name = Array.from(Buffer.from('w'));
  const packed = field(1, [...varint(3), ...varint(300)]); // dims [3, 300] packed — 300 takes two bytes
  const unpacked = [...varint((1 << 3) | 0), ...varint(3), ...varint((1 << 3) | 0), ...varint(2)];
  const tensor = (dims: number[], floats: number[]) => [...dims, ...varint((2 << 3) | 0), 1, ...field(8, name), ...field(9, floats)];
  const model = (t: number[]) => Uint8Array.from(field(7, field(5, t)));
  assert.deepEqual(onnxFloatTensors(model(tensor(unpacked, raw))).get('w')?.dims, [3, 2]);
  const big = Array.from(new Uint8Array(new Float32Array(900).buffer));
  assert.deepEqual(onnxFloatTensors(model(tensor(packed, big))).get('w')?.dims, [3, 300]);
  assert.throws(() => onnxFloatTensors(model(tensor(packed, raw))), /holds 24 bytes for 900 floats/);
});

test('the native engine refuses a batch whose buffers do not match its size', async () => {
  const model = await SileroModel.load('native');
  const width = SILERO_WINDOW[8000].window + SILERO_WINDOW[8000].context;
  const probs = new Float32Array(2);
  assert.throws(() => model.runBatch(8000, new Float32Array(width), new Float32Array(2 * 2 * SILERO_STATE), 2, probs), RangeError);
  assert.throws(() => model.runBatch(8000, new Float32Array(2 * width), new Float32Array(SILERO_STATE), 2, probs), RangeError);
});

test('wasm/silero.wat is what wasm/silero-gen.js writes (the embedded binary is checked against the .wat by the WASM build check)', async () => {
  // @ts-expect-error: a plain JS build script, without types
  const gen = (await import('./wasm/silero-gen.js')) as { generateSileroWat(): string; SILERO_WAT_PATH: string };
  assert.ok(readFileSync(gen.SILERO_WAT_PATH, 'utf8') === gen.generateSileroWat(), 'silero.wat is stale: run node agent/vad/wasm/silero-gen.js && node media/codecs/wasm/build.js');
});
