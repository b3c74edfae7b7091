import { ulawDecode, ulawEncode, alawEncode, Resampler } from './index.ts';
const N = 200_000;
const ulaw = new Uint8Array(160); for (let i = 0; i < 160; i++) ulaw[i] = (i * 37) & 0xff;
const pcm8 = new Int16Array(160), pcm16 = new Int16Array(320), back8 = new Int16Array(160), out = new Uint8Array(160);
const src16 = Int16Array.from({ length: 320 }, (_, i) => Math.round(9000 * Math.sin(i / 5)));
const up = new Resampler(8000, 16000), down = new Resampler(16000, 8000);
function bench(name: string, fn: () => void) {
  for (let i = 0; i < 20000; i++) fn();
  const h0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn();
  const ns = Number(process.hrtime.bigint() - t0) / N;
  const dh = process.memoryUsage().heapUsed - h0;
  console.log(`${name.padEnd(40)} ${ns.toFixed(0).padStart(7)} ns/frame   heapUsed delta over ${N} frames: ${(dh / 1024).toFixed(0)} KiB`);
}
for (let rep = 0; rep < 2; rep++) {
  bench('ulawDecode(160)', () => ulawDecode(ulaw, pcm8));
  bench('resample 8k->16k (160->320)', () => up.process(pcm8, pcm16));
  bench('ulawDecode(160) + 8k->16k', () => { ulawDecode(ulaw, pcm8); up.process(pcm8, pcm16); });
  bench('resample 16k->8k (320->160)', () => down.process(src16, back8));
  bench('ulawEncode(160)', () => ulawEncode(back8, out));
  bench('16k->8k + ulawEncode(160)', () => { down.process(src16, back8); ulawEncode(back8, out); });
  bench('alawEncode(160)', () => alawEncode(back8, out));
  for (const [a, b] of [[48000, 16000], [16000, 48000], [24000, 16000], [48000, 8000]]) {
    const r = new Resampler(a, b), s = new Int16Array(a / 50).map((_, i) => (i * 131) % 20000 - 10000), d = new Int16Array(b / 50);
    bench(`resample ${a / 1000}k->${b / 1000}k`, () => r.process(s, d));
  }
  console.log('---');
}
