// Public surface of the media codecs (G.711, G.722 and the streaming resampler).
export {
  ULAW_TO_LINEAR,
  ALAW_TO_LINEAR,
  LINEAR14_TO_ULAW,
  LINEAR13_TO_ALAW,
  ulawDecode,
  ulawEncode,
  alawDecode,
  alawEncode,
  ulawSilence,
  alawSilence,
} from './g711.ts';
export { G722Encoder, G722Decoder, G722_FRAME_SAMPLES, G722_FRAME_BYTES, G722_STATE_WORDS, G722_DELAY_SAMPLES } from './g722.ts';
export { Resampler, createResampler, bytesToInt16, int16ToBytes, SUPPORTED_RATES } from './resampler.ts';
