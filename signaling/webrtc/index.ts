// Public surface of WebRTC (softphone) signalling: the WebSocket endpoint, its protocol, and the media
// interface it drives.
export { startWebRtcSignaling, type WebRtcSignaling, type WebRtcSignalingOptions } from './server.ts';
export { createWebRtcSignalingMetrics, type WebRtcSignalingMetrics } from './metrics.ts';
export { parseClientMessage, checkOfferSdp, SignalingError, SIGNALING_ERROR_CODES, type ClientMessage, type ServerMessage, type SignalingErrorCode } from './messages.ts';
export type { WebRtcMediaPort, WebRtcLegPort, CandidateInit, SoftphoneCallInfo } from './media-port.ts';
