// What WebRTC signalling needs from the media core, as an interface: media/webrtc/webrtc-media.ts
// implements it and cli/serve.ts hands it over, so signalling never imports media.

export interface CandidateInit {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
}

export interface SoftphoneCallInfo {
  callId: string;
  tenantId: string;
  from: string;
  to: string;
  agentKind: string;
  agentConfigId: string;
  agentConfigJson?: string;
}

export interface WebRtcLegPort {
  readonly answerSdp: string;
  readonly connected: boolean;
  onLocalCandidate: ((c: CandidateInit | null) => void) | undefined;
  addRemoteCandidate(c: CandidateInit | null): Promise<void>;
  start(call: SoftphoneCallInfo, events: { onConnected(): void; onEnded(reason: string, detail: string): void }): void;
  setMuted(muted: boolean): void;
  /** A key press sent as a signalling message (browsers without RFC 4733). False before media runs. */
  signalDtmf(digit: string): boolean;
  close(end: 'caller-hangup' | 'signaling-lost' | 'shutdown' | 'refused'): void;
}

export interface WebRtcMediaPort {
  /** Answers an offer. Rejects with an error whose `code` is BAD_SDP, NO_AUDIO or NO_CODEC for offers it cannot take. */
  open(offerSdp: string, bindings?: Record<string, unknown>): Promise<WebRtcLegPort>;
}

/** The media side's refusal of an offer, recognised by its code (the class lives in media/). */
export function offerErrorCode(err: unknown): 'BAD_SDP' | 'NO_AUDIO' | 'NO_CODEC' | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'BAD_SDP' || code === 'NO_AUDIO' || code === 'NO_CODEC' ? code : undefined;
}
