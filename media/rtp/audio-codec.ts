// The RTP audio codecs of SIP calls and the facts the RTP session needs about each: the PCM rate it
// decodes to and encodes from, and the RTP clock. G.722 carries 16 kHz audio on an 8 kHz RTP clock (an
// error in RFC 1890 kept for compatibility, RFC 3551 §4.5.2): 20 ms is 320 samples, 160 octets and 160
// timestamp units, so the timestamp unit is not the sample count.

export type RtpAudioCodec = 'PCMU' | 'PCMA' | 'G722';

export const RTP_AUDIO_CODECS: readonly RtpAudioCodec[] = ['G722', 'PCMU', 'PCMA'];

/** The RTP clock of every codec here. */
export const RTP_CLOCK_RATE = 8000;
/** RTP timestamp units per 20 ms packet (every codec here). */
export const RTP_FRAME_TICKS = 160;
/** Octets of a 20 ms payload: 160 for G.711 (8 bits × 8 kHz) and for G.722 (64 kbit/s). */
export const FRAME_BYTES = 160;

/** The PCM rate a codec decodes to and encodes from. */
export function pcmRateOf(codec: RtpAudioCodec): number {
  return codec === 'G722' ? 16000 : 8000;
}

/** Samples of a 20 ms frame at the codec's PCM rate. */
export function frameSamplesOf(codec: RtpAudioCodec): number {
  return pcmRateOf(codec) / 50;
}
