// Public surface of SIP signalling: the message parser, SDP offer/answer, the UDP UAS and the gateway
// call flow (routing + a media provider).
export * from './message.ts';
export * from './fields.ts';
export * from './sdp.ts';
export { SipUas, type SipUasOptions } from './uas.ts';
export type { IncomingCall, InviteDecision, InviteHandler, SipEndReason } from './call.ts';
export { DEFAULT_TIMERS, type SipTimers } from './transactions.ts';
export { createSipMetrics, noopSipMetrics, type SipMetrics } from './metrics.ts';
export { startSipGateway, newSipCallId, type SipGateway, type SipGatewayOptions, type SipMediaProvider, type SipMediaLegHandle } from './gateway.ts';
export { UacCall, type OutboundCallOptions, type UacFailure, type UacEnd } from './uac.ts';
export { SipOriginator, ORIGINATE_QUEUE, type SipOriginatorOptions } from './originate.ts';
