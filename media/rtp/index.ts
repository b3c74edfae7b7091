// Public surface of the SIP media transport: RTP packets, RFC 4733 DTMF, the port pool, the shared
// 20 ms clock, the per-call RTP session (a SessionTransport) and the SIP media provider.
export * from './packet.ts';
export * from './dtmf.ts';
export { PortPool, PortPoolExhaustedError, bindFromPool } from './port-pool.ts';
export { RtpClock, type TickListener } from './clock.ts';
export { RtpSession, FRAME_SAMPLES, type RtpSessionOptions, type RtpSink, type RtpStats, type G711 } from './rtp-session.ts';
export { createRtpMetrics, type RtpMetrics, type RtpDropReason } from './metrics.ts';
export { RTP_AUDIO_CODECS, RTP_CLOCK_RATE, pcmRateOf, type RtpAudioCodec } from './audio-codec.ts';
export { SipMedia, type SipMediaOptions, type SipMediaRequest, type SipMediaLeg, type SipCallInfo, type SipLegEnd } from './sip-media.ts';
