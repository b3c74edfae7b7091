// Arbitrary-ratio resampling for whole utterances (TTS output such as espeak-ng's 22050 Hz to our
// 16 kHz). Not for the per-frame path: it works on a whole buffer and allocates its output.
const HALF_TAPS = 16;

/**
 * @param {Int16Array} src
 * @param {number} inRate
 * @param {number} outRate
 * @returns {Int16Array}
 */
export function resampleBuffer(src, inRate, outRate) {
  if (inRate === outRate) return src.slice();
  const ratio = outRate / inRate;
  const outLen = Math.floor(src.length * ratio);
  const out = new Int16Array(outLen);
  // Low-pass at the lower Nyquist (with a little margin) to avoid aliasing when going down.
  const cutoff = Math.min(1, ratio) * 0.92;
  const width = HALF_TAPS / cutoff;
  for (let i = 0; i < outLen; i++) {
    const center = i / ratio;
    const first = Math.max(0, Math.ceil(center - width));
    const last = Math.min(src.length - 1, Math.floor(center + width));
    let acc = 0;
    let norm = 0;
    for (let j = first; j <= last; j++) {
      const x = (j - center) * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = 0.42 + 0.5 * Math.cos((Math.PI * (j - center)) / width) + 0.08 * Math.cos((2 * Math.PI * (j - center)) / width); // Blackman
      const k = sinc * w;
      acc += src[j] * k;
      norm += k;
    }
    const v = norm !== 0 ? acc / norm : 0;
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : Math.round(v);
  }
  return out;
}
