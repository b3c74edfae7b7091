// What every WebRTC peer connection of the media core is built with: one Opus audio codec plus RFC 4733
// telephone-events, ICE servers only from configuration (host candidates alone by default: a public
// STUN server is never contacted unless configured), IPv4, an optional UDP port range.
import { RTCRtpCodecParameters, type PeerConfig } from 'werift';
import type { IceServerConfig } from '../../lib/webrtc-config.ts';

export type { IceServerConfig };

export interface WebRtcNetConfig {
  /** STUN/TURN servers (WEBRTC_ICE_SERVERS); empty: host candidates only. */
  iceServers: IceServerConfig[];
  /** UDP ports for ICE (WEBRTC_PORT_MIN/MAX), or any free port. */
  portRange?: [number, number];
}

export const OPUS_PT = 111;
/** telephone-event at Opus's 48 kHz clock (what browsers send with Opus), and the classic 8 kHz one. */
export const TELEPHONE_EVENT_PTS = [110, 126] as const;

export function audioCodecs(): RTCRtpCodecParameters[] {
  return [
    // No useinbandfec: the decoder (@evan/opus) cannot use in-band FEC, so asking browsers for it would only
    // spend their bitrate; lost frames are concealed by Opus PLC in the jitter buffer instead.
    new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2, payloadType: OPUS_PT, parameters: 'minptime=10' }),
    new RTCRtpCodecParameters({ mimeType: 'audio/telephone-event', clockRate: 48000, channels: 1, payloadType: TELEPHONE_EVENT_PTS[0] }),
    new RTCRtpCodecParameters({ mimeType: 'audio/telephone-event', clockRate: 8000, channels: 1, payloadType: TELEPHONE_EVENT_PTS[1] }),
  ];
}

export function peerConfig(net: WebRtcNetConfig): Partial<PeerConfig> {
  return {
    codecs: { audio: audioCodecs(), video: [] },
    headerExtensions: { audio: [], video: [] },
    // werift's default is a public STUN server: replaced by ours (none unless configured).
    iceServers: net.iceServers.map((s) => ({ urls: s.urls.length === 1 ? s.urls[0] : s.urls, username: s.username, credential: s.credential })),
    iceUseIpv6: false,
    // Loopback too: a browser on this host (development, the e2e test) reaches us there.
    iceAdditionalHostAddresses: ['127.0.0.1'],
    icePortRange: net.portRange,
    bundlePolicy: 'max-bundle',
  };
}
