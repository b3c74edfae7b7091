// HTTP/WebSocket paths that two roles must agree on (signaling writes them into TwiML, media serves them).
export const TWILIO_STREAM_PATH = '/twilio/stream';
/** Twilio's voice and status webhooks (signaling serves them; the control API points outbound calls at them). */
export const TWILIO_VOICE_PATH = '/twilio/voice';
export const TWILIO_STATUS_PATH = '/twilio/status';
