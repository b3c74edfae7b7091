// HTTP/WebSocket paths that two roles must agree on (signaling writes them into TwiML, media serves them).
export const TWILIO_STREAM_PATH = '/twilio/stream';
