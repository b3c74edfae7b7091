// What an SDP exchange in a dialog means for the call's media leg: where RTP goes, which codec (a
// re-INVITE may switch, e.g. G.722 ↔ PCMU), and whether we send at all — a peer that is sendonly (music
// on hold) or inactive gets no RTP from us (RFC 3264 §6.1), one that is sendrecv or recvonly does.
import type { SipMediaLegHandle } from './gateway.ts';
import type { NegotiatedAudio } from './sdp.ts';

/** Whether the peer whose SDP says `m.offerDirection` receives our audio. */
export const peerReceives = (m: NegotiatedAudio): boolean => m.offerDirection === 'sendrecv' || m.offerDirection === 'recvonly';

/** A new offer (or answer) in the dialog. */
export function applyMediaChange(leg: SipMediaLegHandle, m: NegotiatedAudio): void {
  leg.updateRemote(m.remoteAddress, m.remotePort);
  leg.changeCodec(m);
  leg.setSending(peerReceives(m));
}
