// Standalone audio helpers: a reference G.711 µ-law codec (classic Sun g711.c) so tests can
// check the server's codec against an independent implementation, plus tone generation/detection.

const BIAS = 0x84; // 132: added before segment search, per g711.c
const CLIP = 32635; // largest magnitude that still fits after adding BIAS

/** Sine tone as 16-bit PCM. amplitude is a fraction of full scale. */
export function tone(freqHz: number, ms: number, rate = 8000, amplitude = 0.5): Int16Array {
  const n = Math.round((rate * ms) / 1000);
  const out = new Int16Array(n);
  const a = amplitude * 32767;
  for (let i = 0; i < n; i++) out[i] = Math.round(a * Math.sin((2 * Math.PI * freqHz * i) / rate));
  return out;
}

// Straight port of linear2ulaw() from Sun's g711.c (16-bit input variant).
function linearToUlaw(sample: number): number {
  let pcm = sample;
  let mask: number;
  if (pcm < 0) {
    pcm = BIAS - pcm;
    mask = 0x7f; // negative: sign bit ends up 0
  } else {
    pcm += BIAS;
    mask = 0xff;
  }
  if (pcm > CLIP + BIAS) pcm = CLIP + BIAS; // same code as g711.c's seg>=8 overflow case
  // Segment = index of the first seg_end (0xFF, 0x1FF, ... 0x7FFF) that is >= pcm.
  let seg = 0;
  while (seg < 7 && pcm > (0x100 << seg) - 1) seg++;
  const uval = (seg << 4) | ((pcm >> (seg + 3)) & 0x0f);
  return (uval ^ mask) & 0xff;
}

function ulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + BIAS) << ((u & 0x70) >> 4);
  return u & 0x80 ? BIAS - t : t - BIAS;
}

export function pcmToUlaw(pcm: Int16Array): Uint8Array {
  const out = new Uint8Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = linearToUlaw(pcm[i]);
  return out;
}

export function ulawToPcm(ulaw: Uint8Array): Int16Array {
  const out = new Int16Array(ulaw.length);
  for (let i = 0; i < ulaw.length; i++) out[i] = ulawToLinear(ulaw[i]);
  return out;
}

/** Root mean square level (0..32768). 0 for empty input. */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}

/**
 * Signal power at `freq` (Goertzel), divided by N² so results from different lengths compare.
 * A sine of amplitude A at exactly `freq` gives about A²/4; compare against a neighbouring
 * frequency or a fraction of rms² to decide whether the tone is present.
 */
export function goertzelPower(samples: Int16Array, rate: number, freq: number): number {
  const n = samples.length;
  if (n === 0) return 0;
  const coeff = 2 * Math.cos((2 * Math.PI * freq) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = samples[i] + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return power / (n * n);
}
