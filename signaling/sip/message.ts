// Strict SIP message parser and serializer (RFC 3261 §7). Requests and responses, compact header
// forms expanded, header folding refused, multiple Via (several lines or comma-separated), Content-Length
// enforced, a size limit. Every failure is a SipParseError with a stable code and the status a server
// answers with; nothing else is ever thrown for any input.
import { ProtocolError, UapError } from '../../lib/errors.ts';
import { parseCSeq, parseNameAddr, parseVia, splitOutside, TOKEN, type CSeq, type NameAddr, type Via } from './fields.ts';

export const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_HEADERS = 200;

export interface SipHeader {
  /** Canonical name for known headers (`Call-ID`, `Via`…), else as written. */
  name: string;
  value: string;
}

export interface SipRequest {
  kind: 'request';
  method: string;
  uri: string;
  headers: SipHeader[];
  body: Buffer;
}

export interface SipResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: SipHeader[];
  body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

/** The headers every request and response must carry, validated and parsed. */
export interface CoreHeaders {
  via: Via[];
  from: NameAddr;
  to: NameAddr;
  callId: string;
  cseq: CSeq;
  maxForwards: number | undefined;
}

export type ParsedRequest = SipRequest & CoreHeaders;
export type ParsedResponse = SipResponse & CoreHeaders;
export type ParsedMessage = ParsedRequest | ParsedResponse;

export type SipParseErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'BAD_ENCODING'
  | 'BAD_CHARACTER'
  | 'NO_HEADER_END'
  | 'BAD_START_LINE'
  | 'BAD_VERSION'
  | 'BAD_HEADER'
  | 'FOLDED_HEADER'
  | 'TOO_MANY_HEADERS'
  | 'MISSING_HEADER'
  | 'DUPLICATE_HEADER'
  | 'BAD_CSEQ'
  | 'BAD_CONTENT_LENGTH'
  | 'TRUNCATED_BODY';

export class SipParseError extends ProtocolError {
  declare readonly code: SipParseErrorCode;
  constructor(
    code: SipParseErrorCode,
    message: string,
    /** What a server answers a request with (when it can build a response at all). */
    readonly status: number,
    /** The request as far as it was read (start line and headers), to build that response from. */
    readonly partial?: { method: string; uri: string; headers: SipHeader[] },
  ) {
    super(code, message);
  }
}

// Long names by lower-cased long or compact form (RFC 3261 §7.3.3 and later RFCs' compact forms).
const CANONICAL = new Map<string, string>();
for (const [name, compact] of [
  ['Via', 'v'], ['From', 'f'], ['To', 't'], ['Call-ID', 'i'], ['Contact', 'm'], ['Content-Length', 'l'],
  ['Content-Type', 'c'], ['Supported', 'k'], ['Subject', 's'], ['Content-Encoding', 'e'], ['Event', 'o'],
  ['Refer-To', 'r'], ['Allow-Events', 'u'], ['Referred-By', 'b'], ['Session-Expires', 'x'],
] as const) {
  CANONICAL.set(name.toLowerCase(), name);
  CANONICAL.set(compact, name);
}
for (const name of [
  'CSeq', 'Max-Forwards', 'Record-Route', 'Route', 'Allow', 'Require', 'Proxy-Require', 'Unsupported', 'User-Agent',
  'Server', 'Accept', 'Accept-Encoding', 'Accept-Language', 'Expires', 'Warning', 'Retry-After', 'Timestamp', 'Reason',
  'Content-Disposition', 'Content-Language', 'Min-Expires', 'Organization', 'Priority', 'Date', 'MIME-Version',
  'Authorization', 'WWW-Authenticate', 'Proxy-Authenticate', 'Proxy-Authorization', 'P-Asserted-Identity',
  'P-Preferred-Identity', 'Privacy', 'Diversion', 'Min-SE', 'RSeq', 'RAck', 'Call-Info', 'Alert-Info', 'Error-Info',
  'Reply-To', 'In-Reply-To',
]) {
  CANONICAL.set(name.toLowerCase(), name);
}
/** Headers whose comma-separated values are stored as one header per value. */
const LIST_HEADERS = new Set(['Via', 'Route', 'Record-Route', 'Contact']);
const SINGLE_HEADERS = ['From', 'To', 'Call-ID', 'CSeq', 'Max-Forwards', 'Content-Type'];

export function canonicalName(name: string): string {
  return CANONICAL.get(name.toLowerCase()) ?? name;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Index of the LF that ends the header section (the one before the empty line), or -1. */
function headerEnd(buf: Uint8Array, from: number): { end: number; bodyStart: number } | undefined {
  for (let i = from; i < buf.length; i++) {
    if (buf[i] !== 0x0a) continue;
    if (buf[i + 1] === 0x0a) return { end: i, bodyStart: i + 2 };
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return { end: i, bodyStart: i + 3 };
  }
  return undefined;
}

export interface ParseOptions {
  maxBytes?: number;
  /** Stream transports (TCP) need Content-Length; over UDP it may be absent (body = rest of datagram). */
  requireContentLength?: boolean;
}

/** Parses one SIP message. Throws SipParseError (only) on bad input. */
export function parseMessage(buf: Uint8Array, opts: ParseOptions = {}): ParsedMessage {
  const maxBytes = opts.maxBytes ?? MAX_MESSAGE_BYTES;
  if (buf.length > maxBytes) throw new SipParseError('TOO_LARGE', `message of ${buf.length} bytes exceeds ${maxBytes}`, 513);
  // Leading CRLFs (keep-alives on streams) are skipped (RFC 3261 §7.5).
  let start = 0;
  while (start < buf.length && (buf[start] === 0x0d || buf[start] === 0x0a)) start++;
  if (start >= buf.length) throw new SipParseError('EMPTY', 'empty message', 400);
  const he = headerEnd(buf, start);
  if (!he) throw new SipParseError('NO_HEADER_END', 'no empty line after the headers', 400);
  let text: string;
  try {
    text = utf8.decode(buf.subarray(start, buf[he.end - 1] === 0x0d ? he.end - 1 : he.end));
  } catch {
    throw new SipParseError('BAD_ENCODING', 'headers are not valid UTF-8', 400);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      throw new SipParseError('BAD_CHARACTER', `control character 0x${c.toString(16)} in the headers`, 400);
    }
  }
  const lines = text.split(/\r?\n/);
  const startLine = lines[0];
  let msg: SipRequest | SipResponse;
  const req = /^([A-Za-z0-9.!%*_+`'~-]+) ([A-Za-z][A-Za-z0-9+.-]*:[^\s]+) SIP\/(\d+\.\d+)$/.exec(startLine);
  if (req) {
    msg = { kind: 'request', method: req[1], uri: req[2], headers: [], body: Buffer.alloc(0) };
  } else {
    const res = /^SIP\/(\d+\.\d+) ([1-6]\d\d)(?: (.*))?$/.exec(startLine);
    if (!res) throw new SipParseError('BAD_START_LINE', 'malformed start line', 400);
    if (res[1] !== '2.0') throw new SipParseError('BAD_VERSION', `SIP version ${res[1]} is not 2.0`, 505);
    msg = { kind: 'response', status: Number(res[2]), reason: res[3] ?? '', headers: [], body: Buffer.alloc(0) };
  }
  const partial = msg.kind === 'request' ? { method: msg.method, uri: msg.uri, headers: msg.headers } : undefined;
  const fail = (code: SipParseErrorCode, message: string, status = 400): never => {
    throw new SipParseError(code, message, status, partial);
  };
  if (lines.length - 1 > MAX_HEADERS) fail('TOO_MANY_HEADERS', `more than ${MAX_HEADERS} header lines`, 513);
  // A bad line is remembered and the rest still read, so the error response can copy Via, From, To….
  let lineError: { code: SipParseErrorCode; message: string } | undefined;
  const bad = (code: SipParseErrorCode, message: string) => void (lineError ??= { code, message });
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith(' ') || line.startsWith('\t')) {
      bad('FOLDED_HEADER', `folded header line ${i}`);
      continue;
    }
    const colon = line.indexOf(':');
    const rawName = colon <= 0 ? '' : line.slice(0, colon).replace(/[ \t]+$/, '');
    if (!TOKEN.test(rawName)) {
      bad('BAD_HEADER', colon <= 0 ? `header line ${i} has no name` : `header line ${i}: "${rawName.slice(0, 40)}" is not a header name`);
      continue;
    }
    const name = canonicalName(rawName);
    const value = line.slice(colon + 1).trim();
    if (LIST_HEADERS.has(name) && !(name === 'Contact' && value === '*')) {
      const values = splitOutside(value, ',').map((v) => v.trim());
      if (values.some((v) => v === '')) {
        bad('BAD_HEADER', `empty ${name} value`);
        continue;
      }
      for (const v of values) msg.headers.push({ name, value: v });
    } else {
      msg.headers.push({ name, value });
    }
  }
  if (lineError) fail(lineError.code, lineError.message);
  if (msg.kind === 'request' && req![3] !== '2.0') fail('BAD_VERSION', `SIP version ${req![3]} is not 2.0`, 505);

  // Content-Length.
  const available = buf.length - he.bodyStart;
  const cls = msg.headers.filter((h) => h.name === 'Content-Length');
  let length = available;
  if (cls.length > 0) {
    if (cls.some((h) => !/^\d{1,6}$/.test(h.value))) fail('BAD_CONTENT_LENGTH', 'Content-Length is not a number');
    if (cls.some((h) => h.value !== cls[0].value && Number(h.value) !== Number(cls[0].value))) fail('BAD_CONTENT_LENGTH', 'conflicting Content-Length headers');
    length = Number(cls[0].value);
    if (length > available) fail('TRUNCATED_BODY', `Content-Length ${length} but ${available} body bytes`);
    // Over UDP, bytes beyond Content-Length are discarded (RFC 3261 §18.3).
  } else if (opts.requireContentLength) {
    fail('MISSING_HEADER', 'Content-Length is required on stream transports');
  }
  msg.body = Buffer.from(buf.buffer, buf.byteOffset + he.bodyStart, length);

  // The mandatory headers.
  for (const name of SINGLE_HEADERS) {
    if (msg.headers.filter((h) => h.name === name).length > 1) fail('DUPLICATE_HEADER', `more than one ${name}`);
  }
  const vias = msg.headers.filter((h) => h.name === 'Via');
  if (vias.length === 0) fail('MISSING_HEADER', 'no Via');
  const via: Via[] = [];
  for (const h of vias) {
    const v = parseVia(h.value);
    if (!v) fail('BAD_HEADER', 'malformed Via');
    via.push(v!);
  }
  const one = (name: string): string => {
    const h = msg.headers.find((x) => x.name === name);
    if (!h) fail('MISSING_HEADER', `no ${name}`);
    return h!.value;
  };
  const from = parseNameAddr(one('From'));
  if (!from) fail('BAD_HEADER', 'malformed From');
  const to = parseNameAddr(one('To'));
  if (!to) fail('BAD_HEADER', 'malformed To');
  const callId = one('Call-ID');
  if (!/^[^\s]{1,256}$/.test(callId)) fail('BAD_HEADER', 'malformed Call-ID');
  const cseq = parseCSeq(one('CSeq'));
  if (!cseq) fail('BAD_CSEQ', 'malformed CSeq');
  if (msg.kind === 'request' && cseq!.method !== msg.method) fail('BAD_CSEQ', `CSeq method ${cseq!.method} is not ${msg.method}`);
  let maxForwards: number | undefined;
  const mf = msg.headers.find((h) => h.name === 'Max-Forwards');
  if (mf) {
    if (!/^\d{1,3}$/.test(mf.value) || Number(mf.value) > 255) fail('BAD_HEADER', 'malformed Max-Forwards');
    maxForwards = Number(mf.value);
  }
  return Object.assign(msg, { via, from: from!, to: to!, callId, cseq: cseq!, maxForwards });
}

/** First value of a header (case-insensitive, compact forms accepted). */
export function getHeader(msg: { headers: SipHeader[] }, name: string): string | undefined {
  const n = canonicalName(name);
  return msg.headers.find((h) => h.name === n)?.value;
}

export function getHeaders(msg: { headers: SipHeader[] }, name: string): string[] {
  const n = canonicalName(name);
  return msg.headers.filter((h) => h.name === n).map((h) => h.value);
}

const CRLF = '\r\n';

function checkValue(s: string, what: string): void {
  if (/[\r\n\0]/.test(s)) throw new UapError('SIP_BAD_VALUE', `${what} contains a line break`);
}

/** Serializes a message; Content-Length is always written last, from the body. */
export function serializeMessage(msg: SipMessage): Buffer {
  let head: string;
  if (msg.kind === 'request') {
    checkValue(msg.uri, 'Request-URI');
    head = `${msg.method} ${msg.uri} SIP/2.0${CRLF}`;
  } else {
    checkValue(msg.reason, 'reason phrase');
    head = `SIP/2.0 ${msg.status} ${msg.reason}${CRLF}`;
  }
  for (const h of msg.headers) {
    if (h.name === 'Content-Length') continue;
    checkValue(h.value, h.name);
    head += `${h.name}: ${h.value}${CRLF}`;
  }
  head += `Content-Length: ${msg.body.length}${CRLF}${CRLF}`;
  const headBytes = Buffer.from(head, 'utf8');
  return msg.body.length === 0 ? headBytes : Buffer.concat([headBytes, msg.body]);
}

const REASONS: Record<number, string> = {
  100: 'Trying', 180: 'Ringing', 183: 'Session Progress', 200: 'OK', 400: 'Bad Request', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 413: 'Request Entity Too Large',
  415: 'Unsupported Media Type', 416: 'Unsupported URI Scheme', 420: 'Bad Extension', 480: 'Temporarily Unavailable',
  481: 'Call/Transaction Does Not Exist', 482: 'Loop Detected', 483: 'Too Many Hops', 486: 'Busy Here',
  487: 'Request Terminated', 488: 'Not Acceptable Here', 491: 'Request Pending', 500: 'Server Internal Error',
  501: 'Not Implemented', 503: 'Service Unavailable', 504: 'Server Time-out', 505: 'Version Not Supported',
  513: 'Message Too Large', 603: 'Decline',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status < 200 ? 'Progress' : status < 300 ? 'OK' : 'Error');
}

export interface ResponseOptions {
  reason?: string;
  /** Added to To when the request's To has no tag. */
  toTag?: string;
  headers?: SipHeader[];
  body?: Buffer;
  contentType?: string;
}

/**
 * A response to `req` (RFC 3261 §8.2.6): all Vias in order, From, To (plus our tag), Call-ID and CSeq copied.
 * `req` may be a partial request (from a SipParseError): the copied headers are taken as they are.
 */
export function buildResponse(req: { headers: SipHeader[] }, status: number, opts: ResponseOptions = {}): SipResponse {
  const headers: SipHeader[] = [];
  for (const h of req.headers) if (h.name === 'Via') headers.push({ name: 'Via', value: h.value });
  for (const name of ['From', 'To', 'Call-ID', 'CSeq']) {
    const v = getHeader(req, name);
    if (v === undefined) continue;
    if (name === 'To' && opts.toTag && status !== 100) {
      const to = parseNameAddr(v);
      headers.push({ name, value: to && to.tag === undefined ? `${v};tag=${opts.toTag}` : v });
    } else {
      headers.push({ name, value: v });
    }
  }
  if (status === 100) {
    const ts = getHeader(req, 'Timestamp');
    if (ts !== undefined) headers.push({ name: 'Timestamp', value: ts });
  }
  if (opts.headers) headers.push(...opts.headers);
  const body = opts.body ?? Buffer.alloc(0);
  if (body.length > 0) headers.push({ name: 'Content-Type', value: opts.contentType ?? 'application/sdp' });
  return { kind: 'response', status, reason: opts.reason ?? reasonPhrase(status), headers, body };
}

/** Whether a (possibly partial) request carries what a response must copy. */
export function canRespond(req: { headers: SipHeader[] }): boolean {
  const via = getHeader(req, 'Via');
  return via !== undefined && parseVia(via) !== undefined && ['From', 'To', 'Call-ID', 'CSeq'].every((n) => getHeader(req, n) !== undefined);
}
