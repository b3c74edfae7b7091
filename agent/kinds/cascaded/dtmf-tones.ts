// In-band DTMF (ITU-T Q.23 tone pairs) for the send_dtmf tool: the keys are played into the call's
// audio, which every telephony leg carries (the media core has no out-of-band DTMF towards the caller).
const LOW = [697, 770, 852, 941];
const HIGH = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];

export const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/;

/** PCM for `digits`: `toneMs` of each key, `gapMs` of silence after it. */
export function dtmfTones(digits: string, rate: number, toneMs = 120, gapMs = 80): Int16Array {
  const tone = Math.round((rate * toneMs) / 1000);
  const step = tone + Math.round((rate * gapMs) / 1000);
  const out = new Int16Array(step * digits.length);
  for (let d = 0; d < digits.length; d++) {
    const row = KEYS.findIndex((r) => r.includes(digits[d]));
    if (row < 0) continue;
    const lo = LOW[row];
    const hi = HIGH[KEYS[row].indexOf(digits[d])];
    for (let i = 0; i < tone; i++) {
      const t = i / rate;
      // -9 dBFS per tone; a 5 ms ramp at both ends avoids clicks.
      const ramp = Math.min(1, i / (rate * 0.005), (tone - i) / (rate * 0.005));
      out[d * step + i] = Math.round(ramp * 11000 * (Math.sin(2 * Math.PI * lo * t) + Math.sin(2 * Math.PI * hi * t)));
    }
  }
  return out;
}
