// G.722: encode → decode sounds right (tones and espeak-ng speech, after the codec delay is aligned),
// the wideband half survives, the embedded decoder of the encoder stays in lockstep with the decoder,
// frames stream like one signal, and (when the ITU-T G.191 vectors are at hand) the output is bit-exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { G722Decoder, G722Encoder, G722EncoderJs, G722DecoderJs, G722_FRAME_BYTES, G722_FRAME_SAMPLES, G722_STATE_WORDS, G722_DELAY_SAMPLES } from './g722.ts';
import { EspeakTts } from '../../agent/tts/espeak.ts';

/** Encodes and decodes `pcm` in 20 ms frames, as a call does (the build in use, or the given one). */
function roundTrip(pcm: Int16Array, Enc: new () => G722Encoder = G722Encoder, Dec: new () => G722Decoder = G722Decoder): { coded: Uint8Array; out: Int16Array } {
  const enc = new Enc();
  const dec = new Dec();
  const n = pcm.length - (pcm.length % G722_FRAME_SAMPLES);
  const coded = new Uint8Array(n / 2);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i += G722_FRAME_SAMPLES) {
    assert.equal(enc.encode(pcm, i, G722_FRAME_SAMPLES, coded, i / 2), G722_FRAME_BYTES);
    assert.equal(dec.decode(coded, i / 2, G722_FRAME_BYTES, out, i), G722_FRAME_SAMPLES);
  }
  return { coded, out };
}

/** SNR (dB) of `out` against `ref` delayed by the lag (0–40 samples) that fits best, and that lag. */
function alignedSnr(ref: Int16Array, out: Int16Array, from = 0): { snr: number; lag: number } {
  let best = { snr: -Infinity, lag: 0 };
  for (let lag = 0; lag <= 40; lag++) {
    let sig = 0;
    let err = 0;
    for (let i = from + lag; i < out.length; i++) {
      const s = ref[i - lag];
      sig += s * s;
      err += (out[i] - s) ** 2;
    }
    const snr = 10 * Math.log10(sig / Math.max(err, 1));
    if (snr > best.snr) best = { snr, lag };
  }
  return best;
}

const tone = (hz: number, amp: number, n: number, rate = 16000) => Int16Array.from({ length: n }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * hz * i) / rate)));

test('a 1 kHz tone comes back with SNR > 40 dB once the codec delay is aligned', () => {
  const pcm = tone(1000, 10000, 16000);
  const { out } = roundTrip(pcm);
  const { snr } = alignedSnr(pcm, out, 1600); // after 100 ms of adaptation
  assert.ok(snr > 40, `SNR ${snr.toFixed(1)} dB`);
});

test('an impulse comes back G722_DELAY_SAMPLES later (the two QMFs)', () => {
  const pcm = new Int16Array(640);
  pcm[100] = 16000;
  const { out } = roundTrip(pcm);
  let peak = 0;
  for (let i = 0; i < out.length; i++) if (Math.abs(out[i]) > Math.abs(out[peak])) peak = i;
  assert.equal(peak - 100, G722_DELAY_SAMPLES);
});

test('tones across the band, loud and quiet: lower band well, the 2-bit higher band still recognisably', () => {
  for (const [hz, amp, min] of [[300, 3000, 45], [1000, 300, 30], [3000, 16000, 35], [5000, 8000, 15], [6500, 4000, 18]] as const) {
    const pcm = tone(hz, amp, 8000);
    const { snr } = alignedSnr(pcm, roundTrip(pcm).out, 1600);
    assert.ok(snr > min, `${hz} Hz at ${amp}: SNR ${snr.toFixed(1)} dB (want > ${min})`);
  }
});

/** Energy above 4 kHz: a first difference twice over (a crude high-pass, +12 dB/octave) is enough to compare two signals. */
function highEnergy(x: Int16Array, from: number): number {
  let e = 0;
  for (let i = from + 2; i < x.length; i++) e += (x[i] - 2 * x[i - 1] + x[i - 2]) ** 2;
  return e;
}

test('espeak-ng speech: SNR > 20 dB, and the wideband part (above 4 kHz) survives', async (t) => {
  const tts = new EspeakTts(16000);
  t.after(() => tts.close()); // its worker thread would keep the process alive
  const speech = await tts.synthesize('Thank you for calling. Please say the name of the person you would like to reach, or press zero.');
  assert.ok(speech.length > 16000 * 2, 'at least two seconds of speech');
  const { out } = roundTrip(speech);
  const { snr, lag } = alignedSnr(speech, out);
  assert.equal(lag, G722_DELAY_SAMPLES);
  assert.ok(snr > 20, `speech SNR ${snr.toFixed(1)} dB`);
  // Same energy in the upper band within 3 dB: 8 kHz G.711 would have none there.
  const ref = speech.subarray(0, out.length - lag);
  const ratio = 10 * Math.log10(highEnergy(out.subarray(lag), 0) / highEnergy(ref, 0));
  assert.ok(Math.abs(ratio) < 3, `upper-band energy ratio ${ratio.toFixed(1)} dB`);
});

test('the decoder tracks the encoder\'s own predictor exactly (both sub-bands), whatever the input', () => {
  const enc = new G722Encoder();
  const dec = new G722Decoder();
  const pcm = new Int16Array(G722_FRAME_SAMPLES);
  const coded = new Uint8Array(G722_FRAME_BYTES);
  const out = new Int16Array(G722_FRAME_SAMPLES);
  const se = new Int32Array(G722_STATE_WORDS);
  const sd = new Int32Array(G722_STATE_WORDS);
  let seed = 7;
  for (let f = 0; f < 200; f++) {
    // Noise at changing levels, full-scale bursts and silence: every quantizer and limiter path.
    const level = f % 50 < 5 ? 32767 : f % 50 < 10 ? 0 : 200 * (f % 37);
    for (let i = 0; i < pcm.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      pcm[i] = Math.max(-32768, Math.min(32767, Math.round(((seed / 2 ** 32) * 2 - 1) * level)));
    }
    enc.encode(pcm, 0, pcm.length, coded, 0);
    dec.decode(coded, 0, coded.length, out, 0);
    // The sub-band states (the first 42 words) match; the QMF histories differ by design.
    enc.saveState(se);
    dec.saveState(sd);
    assert.deepEqual(sd.subarray(0, 42), se.subarray(0, 42), `frame ${f}`);
  }
});

test('frames stream as one signal: odd offsets and one-pair calls give the same octets as one call', () => {
  const pcm = tone(1234, 9000, 1600);
  const whole = new Uint8Array(800);
  new G722Encoder().encode(pcm, 0, 1600, whole, 0);
  const enc = new G722Encoder();
  const pieces = new Uint8Array(800);
  for (let i = 0; i < 1600; i += 2) enc.encode(pcm, i, 2, pieces, i / 2);
  assert.deepEqual(pieces, whole);
  // A snapshot restores the state (the RTP sender rewinds its encoder over unsent frames on barge-in).
  const snap = new Int32Array(G722_STATE_WORDS);
  enc.saveState(snap);
  const a = new Uint8Array(160);
  const b = new Uint8Array(160);
  enc.encode(pcm, 0, 320, a, 0);
  enc.loadState(snap);
  enc.encode(pcm, 0, 320, b, 0);
  assert.deepEqual(a, b);
  // Silence stays silence (within a few LSB: the predictor hunts around zero).
  const { out } = roundTrip(new Int16Array(16000));
  assert.ok(out.every((s) => Math.abs(s) <= 4), `max ${Math.max(...out.map(Math.abs))}`);
});

test('a fixed synthetic input keeps encoding to the same octets (regression fingerprint)', () => {
  const pcm = new Int16Array(16000);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(6000 * Math.sin(i * 0.05 + 0.00002 * i * i) + 3000 * Math.sin(i * 2.3));
  const { coded, out } = roundTrip(pcm);
  const h = createHash('sha256').update(coded).update(new Uint8Array(out.buffer)).digest('hex').slice(0, 16);
  assert.equal(h, FINGERPRINT);
});
const FINGERPRINT = '0012d01197f1b8a4';

// ITU-T G.191 (STL) G.722 vectors: inpsp.bin (16 kHz speech) → codspw.cod (one octet per 16-bit word)
// → outsp1.bin (mode 1). Not kept here (ITU material); point G722_VECTORS_DIR at a folder holding them,
// whole or as prefixes of equal length (inpsp.pcm / codspw.g722 / outsp1.pcm also accepted, octets packed).
const VECTORS = process.env.G722_VECTORS_DIR;
test('bit-exact against the ITU-T G.191 G.722 vectors (the WebAssembly build and the TypeScript reference)', { skip: !VECTORS && 'G722_VECTORS_DIR not set' }, () => {
  const find = (...names: string[]) => names.map((n) => join(VECTORS!, n)).find((p) => existsSync(p));
  const inPath = find('inpsp.bin', 'inpsp-prefix.pcm', 'inpsp.pcm');
  const codPath = find('codspw.cod', 'codspw-prefix.g722', 'codspw.g722');
  const outPath = find('outsp1.bin', 'outsp1-prefix.pcm', 'outsp1.pcm');
  assert.ok(inPath && codPath && outPath, 'inpsp, codspw and outsp1 in G722_VECTORS_DIR');
  const le16 = (b: Buffer) => Int16Array.from({ length: b.length >> 1 }, (_, i) => b.readInt16LE(2 * i));
  const input = le16(readFileSync(inPath));
  const codRaw = readFileSync(codPath);
  const octets = codPath.endsWith('.cod') ? Uint8Array.from(le16(codRaw)) : new Uint8Array(codRaw);
  const expected = le16(readFileSync(outPath));
  const n = Math.min(input.length, octets.length * 2, expected.length) - (Math.min(input.length, octets.length * 2, expected.length) % G722_FRAME_SAMPLES);
  assert.ok(n >= 8000, 'at least half a second of vectors');
  for (const [Enc, Dec] of [[G722Encoder, G722Decoder], [G722EncoderJs, G722DecoderJs]] as const) {
    const { coded } = roundTrip(input.subarray(0, n), Enc, Dec);
    assert.deepEqual(coded, octets.subarray(0, n / 2), `${Enc.name}: encoder octets`);
    const out = new Int16Array(n);
    new Dec().decode(octets, 0, n / 2, out, 0);
    assert.deepEqual(out, expected.subarray(0, n), `${Dec.name}: decoder samples`);
  }
});
