// HTTP/WebSocket paths that two roles must agree on (signaling writes them into TwiML, media serves them).
export const TWILIO_STREAM_PATH = '/twilio/stream';
/** Twilio's voice and status webhooks (signaling serves them; the control API points outbound calls at them). */
export const TWILIO_VOICE_PATH = '/twilio/voice';
export const TWILIO_STATUS_PATH = '/twilio/status';
/** The softphone's signalling WebSocket (offer/answer/ICE), on the HTTP port of a process with the media role. */
export const WEBRTC_SIGNALING_PATH = '/webrtc/ws';
/** The softphone page (control API). */
export const SOFTPHONE_PAGE_PATH = '/softphone';
