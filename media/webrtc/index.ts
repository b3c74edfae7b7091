// WebRTC calls into the media core: werift peer connections, Opus, the media half of a browser call.
export { WebRtcMedia, type WebRtcMediaOptions, type WebRtcMediaLeg, type WebRtcCallInfo, type WebRtcCallEvents, type WebRtcLegEnd } from './webrtc-media.ts';
export { WebRtcPeer, OfferError, type IceCandidateMessage, type OfferErrorCode, type PeerLoss } from './webrtc-peer.ts';
export { createWebRtcMetrics, type WebRtcMetrics } from './metrics.ts';
export { peerConfig, audioCodecs, type IceServerConfig, type WebRtcNetConfig } from './peer-config.ts';
export { OpusCodec, opusBackend } from './opus.ts';
