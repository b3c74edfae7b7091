// Parses and validates one Twilio Media Streams message (JSON text frame) into a typed message.
// Everything from the socket is untrusted: shape errors become a TwilioProtocolError with a close code.
import { ProtocolError } from '../../lib/errors.ts';

export const MAX_MESSAGE_BYTES = 64 * 1024;

/** WebSocket close codes we use for protocol violations (RFC 6455 §7.4.1). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
} as const;

export class TwilioProtocolError extends ProtocolError {
  constructor(code: string, message: string, readonly closeCode: number) {
    super(code, message);
  }
}

export type TwilioInbound =
  | { event: 'connected' }
  | { event: 'start'; streamSid: string; callSid: string; accountSid: string; customParameters: Record<string, string>; encoding: string; sampleRate: number; channels: number }
  | { event: 'media'; streamSid: string; track: string; timestampMs: number; payload: string }
  | { event: 'dtmf'; streamSid: string; digit: string }
  | { event: 'mark'; streamSid: string; name: string }
  | { event: 'stop'; streamSid: string }
  | { event: 'unknown'; name: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SID = /^[A-Za-z]{2}[A-Za-z0-9]{1,62}$/;
const DIGIT = /^[0-9*#A-D]$/;

function fail(code: string, message: string, closeCode: number): never {
  throw new TwilioProtocolError(code, message, closeCode);
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('BAD_MESSAGE', `${what} must be an object`, CloseCode.invalidPayload);
  return v as Record<string, unknown>;
}

function sid(v: unknown, what: string): string {
  if (typeof v !== 'string' || !SID.test(v)) fail('BAD_MESSAGE', `${what} is missing or malformed`, CloseCode.invalidPayload);
  return v;
}

export function parseTwilioMessage(text: string): TwilioInbound {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail('MALFORMED_JSON', 'message is not valid JSON', CloseCode.invalidPayload);
  }
  const m = obj(raw, 'message');
  switch (m.event) {
    case 'media': {
      const media = obj(m.media, 'media');
      const payload = media.payload;
      if (typeof payload !== 'string' || payload.length === 0) fail('EMPTY_PAYLOAD', 'media.payload is missing or empty', CloseCode.invalidPayload);
      if (payload.length % 4 !== 0 || !BASE64.test(payload)) fail('BAD_PAYLOAD', 'media.payload is not base64', CloseCode.invalidPayload);
      const ts = Number(media.timestamp ?? 0);
      return { event: 'media', streamSid: sid(m.streamSid, 'streamSid'), track: typeof media.track === 'string' ? media.track : 'inbound', timestampMs: Number.isFinite(ts) && ts >= 0 ? ts : 0, payload };
    }
    case 'connected':
      return { event: 'connected' };
    case 'start': {
      const s = obj(m.start, 'start');
      const fmt = obj(s.mediaFormat ?? {}, 'start.mediaFormat');
      const params = obj(s.customParameters ?? {}, 'start.customParameters');
      const customParameters: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string') customParameters[k] = v;
      const streamSid = sid(m.streamSid ?? s.streamSid, 'streamSid');
      if (s.streamSid !== undefined && s.streamSid !== streamSid) fail('BAD_MESSAGE', 'start.streamSid differs from streamSid', CloseCode.invalidPayload);
      return {
        event: 'start',
        streamSid,
        callSid: sid(s.callSid, 'start.callSid'),
        accountSid: typeof s.accountSid === 'string' ? s.accountSid : '',
        customParameters,
        encoding: typeof fmt.encoding === 'string' ? fmt.encoding : 'audio/x-mulaw',
        sampleRate: typeof fmt.sampleRate === 'number' ? fmt.sampleRate : 8000,
        channels: typeof fmt.channels === 'number' ? fmt.channels : 1,
      };
    }
    case 'dtmf': {
      const d = obj(m.dtmf, 'dtmf');
      if (typeof d.digit !== 'string' || !DIGIT.test(d.digit)) fail('BAD_DTMF', 'dtmf.digit must be one of 0-9 * # A-D', CloseCode.invalidPayload);
      return { event: 'dtmf', streamSid: sid(m.streamSid, 'streamSid'), digit: d.digit };
    }
    case 'mark': {
      const mk = obj(m.mark, 'mark');
      if (typeof mk.name !== 'string' || mk.name.length === 0 || mk.name.length > 256) fail('BAD_MARK', 'mark.name must be a non-empty string', CloseCode.invalidPayload);
      return { event: 'mark', streamSid: sid(m.streamSid, 'streamSid'), name: mk.name };
    }
    case 'stop':
      return { event: 'stop', streamSid: sid(m.streamSid, 'streamSid') };
    default:
      if (typeof m.event !== 'string') fail('BAD_MESSAGE', 'event is missing', CloseCode.invalidPayload);
      return { event: 'unknown', name: String(m.event).slice(0, 64) };
  }
}
