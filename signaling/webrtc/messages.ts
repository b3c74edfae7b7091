// The softphone signalling protocol: JSON text frames over a WebSocket. Client messages are parsed and
// checked against schemas (compiled once) at the boundary; anything else is a typed SignalingError with
// a stable code and a message meant for the person at the browser.
//
// client → server                                   server → client
//   hello   {token}            first message          ready    {callId, resumeToken, iceServers}
//   resume  {callId, resumeToken} instead of hello    answer   {sdp}
//   offer   {sdp}              once, after ready      ice      {candidate | null}   (trickled)
//   ice     {candidate | null} trickled               state    {state: connected | reconnected}
//   dtmf    {digits}           when RFC 4733 is out   dtmf     {digit}   (a key press reached the call)
//   mute    {muted}                                   transcript {role, text, final}
//   hangup  {}                                        ended    {reason, detail}
//                                                     error    {code, message, fatal}
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

export const MAX_MESSAGE_BYTES = 64 * 1024;

const Candidate = Type.Object(
  {
    candidate: Type.String({ maxLength: 1024 }),
    sdpMid: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    sdpMLineIndex: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 64 }), Type.Null()])),
    usernameFragment: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const Hello = Type.Object({ type: Type.Literal('hello'), token: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false });
const Resume = Type.Object(
  { type: Type.Literal('resume'), callId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), resumeToken: Type.String({ minLength: 16, maxLength: 128 }) },
  { additionalProperties: false },
);
const Offer = Type.Object({ type: Type.Literal('offer'), sdp: Type.String({ minLength: 1, maxLength: 32 * 1024 }) }, { additionalProperties: false });
const Ice = Type.Object({ type: Type.Literal('ice'), candidate: Type.Union([Candidate, Type.Null()]) }, { additionalProperties: false });
const Dtmf = Type.Object({ type: Type.Literal('dtmf'), digits: Type.String({ pattern: '^[0-9*#A-Da-d]{1,32}$' }) }, { additionalProperties: false });
const Mute = Type.Object({ type: Type.Literal('mute'), muted: Type.Boolean() }, { additionalProperties: false });
const Hangup = Type.Object({ type: Type.Literal('hangup') }, { additionalProperties: false });

const SCHEMAS = { hello: Hello, resume: Resume, offer: Offer, ice: Ice, dtmf: Dtmf, mute: Mute, hangup: Hangup } as const;
const CHECKS = Object.fromEntries(Object.entries(SCHEMAS).map(([k, s]) => [k, TypeCompiler.Compile(s)])) as { [K in keyof typeof SCHEMAS]: ReturnType<typeof TypeCompiler.Compile<(typeof SCHEMAS)[K]>> };

export type HelloMsg = Static<typeof Hello>;
export type ResumeMsg = Static<typeof Resume>;
export type OfferMsg = Static<typeof Offer>;
export type IceMsg = Static<typeof Ice>;
export type DtmfMsg = Static<typeof Dtmf>;
export type MuteMsg = Static<typeof Mute>;
export type HangupMsg = Static<typeof Hangup>;
export type ClientMessage = HelloMsg | ResumeMsg | OfferMsg | IceMsg | DtmfMsg | MuteMsg | HangupMsg;

export const SIGNALING_ERROR_CODES = [
  'BAD_JSON', 'BAD_MESSAGE', 'UNKNOWN_TYPE', 'BINARY', 'TOO_LARGE', 'OUT_OF_ORDER', 'SECOND_OFFER', 'HELLO_TIMEOUT',
  'TOKEN_MISSING', 'TOKEN_MALFORMED', 'TOKEN_BAD_SIGNATURE', 'TOKEN_EXPIRED', 'TOKEN_REUSED', 'RESUME_FAILED',
  'NO_ROUTE', 'OVER_QUOTA', 'TENANT_SUSPENDED', 'UNAVAILABLE', 'DRAINING',
  'BAD_SDP', 'NO_AUDIO', 'NO_CODEC', 'BAD_CANDIDATE', 'ICE_TIMEOUT', 'INTERNAL',
] as const;
export type SignalingErrorCode = (typeof SIGNALING_ERROR_CODES)[number];

/** A refusal the client is told about: `fatal` ones end the socket (and the call, if any). */
export class SignalingError extends Error {
  constructor(readonly code: SignalingErrorCode, message: string, readonly fatal = false) {
    super(message);
  }
}

/** A text frame → a checked client message, or a SignalingError saying what is wrong with it. */
export function parseClientMessage(text: string): ClientMessage {
  if (text.length > MAX_MESSAGE_BYTES) throw new SignalingError('TOO_LARGE', `message larger than ${MAX_MESSAGE_BYTES} bytes`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new SignalingError('BAD_JSON', 'message is not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SignalingError('BAD_MESSAGE', 'message must be a JSON object with a "type"');
  const type = (v as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(CHECKS, type)) {
    throw new SignalingError('UNKNOWN_TYPE', `unknown message type ${JSON.stringify(typeof type === 'string' ? type.slice(0, 32) : type ?? null)} (expected one of ${Object.keys(SCHEMAS).join(', ')})`);
  }
  const check = CHECKS[type as keyof typeof CHECKS];
  if (!check.Check(v)) {
    const e = check.Errors(v).First();
    throw new SignalingError('BAD_MESSAGE', `bad "${type}" message: ${e ? `${e.path || '/'} ${e.message}` : 'does not match the schema'}`);
  }
  return v as ClientMessage;
}

/** Checks an offer's SDP before any media work: it must have audio, and Opus in it. */
export function checkOfferSdp(sdp: string): void {
  if (!/^v=0\r?$/m.test(sdp)) throw new SignalingError('BAD_SDP', 'the offer is not SDP (no "v=0" line)');
  const sections = sdp.split(/\r?\n(?=m=)/);
  const audio = sections.filter((s) => s.startsWith('m=audio '));
  if (audio.length === 0) throw new SignalingError('NO_AUDIO', 'the offer has no audio section (m=audio): a call needs one audio track');
  if (!audio.some((s) => /^a=rtpmap:\d+ opus\/48000(\/2)?\r?$/im.test(s))) {
    throw new SignalingError('NO_CODEC', 'the offer\'s audio has no codec we speak: Opus/48000 is required');
  }
}

export type ServerMessage =
  | { type: 'ready'; callId: string; resumeToken: string; iceServers: { urls: string[]; username?: string; credential?: string }[] }
  | { type: 'answer'; sdp: string }
  | { type: 'ice'; candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null } | null }
  | { type: 'state'; state: 'connected' | 'reconnected' }
  | { type: 'dtmf'; digit: string }
  | { type: 'transcript'; role: string; text: string; final: boolean }
  | { type: 'ended'; reason: string; detail: string }
  | { type: 'error'; code: SignalingErrorCode; message: string; fatal: boolean };
