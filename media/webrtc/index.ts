// WebRTC calls into the media core: werift peer connections, Opus, the media half of a browser call.
export { WebRtcMedia, type WebRtcMediaOptions, type WebRtcMediaLeg, type WebRtcCallInfo, type WebRtcCallEvents, type WebRtcLegEnd } from './webrtc-media.ts';
// Types only from the modules that load werift and Opus: WebRtcMedia imports them on the first call, so a
// process that never takes a browser call never pays for loading them.
export type { WebRtcPeer, OfferError, IceCandidateMessage, OfferErrorCode, PeerLoss } from './webrtc-peer.ts';
export { createWebRtcMetrics, type WebRtcMetrics } from './metrics.ts';
export type { IceServerConfig, WebRtcNetConfig } from './peer-config.ts';
