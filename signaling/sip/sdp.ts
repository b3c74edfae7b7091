// SDP (RFC 4566) offer parsing and the offer/answer rules (RFC 3264) for a G.722 / G.711 audio endpoint:
// pick one audio stream, answer the first codec of our preference order (SIP_CODECS, by default G722,
// PCMU, PCMA) that the offer has, plus telephone-event (the offer's payload number), ptime 20, the
// offer's direction mirrored; reject every other stream with port 0. No common codec → 488 Not
// Acceptable Here. G.722 is "G722/8000" (static type 9): its RTP clock is 8 kHz although it carries
// 16 kHz audio (RFC 3551 §4.5.2).
import { UapError } from '../../lib/errors.ts';

export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface RtpMap {
  pt: number;
  encoding: string;
  clockRate: number;
  channels: number;
}

export interface MediaDescription {
  media: string;
  port: number;
  proto: string;
  /** Format list as written (payload type numbers for RTP). */
  formats: string[];
  connection: string | undefined;
  rtpmaps: Map<number, RtpMap>;
  fmtp: Map<number, string>;
  ptime: number | undefined;
  direction: Direction | undefined;
  /** Every a= line of the section, as written. */
  attributes: string[];
}

export interface SessionDescription {
  origin: { username: string; sessionId: string; version: string; netType: string; addrType: string; address: string };
  sessionName: string;
  connection: string | undefined;
  direction: Direction | undefined;
  media: MediaDescription[];
}

export class SdpError extends UapError {
  constructor(message: string) {
    super('SDP_INVALID', message);
  }
}

export type G711 = 'PCMU' | 'PCMA';
export type AudioCodec = G711 | 'G722';
/** What we accept, most preferred first, unless told otherwise. */
export const DEFAULT_CODECS: readonly AudioCodec[] = ['G722', 'PCMU', 'PCMA'];

/** What both sides agreed on for the audio stream. */
export interface NegotiatedAudio {
  /** Index of the chosen m= line in the offer. */
  index: number;
  codec: AudioCodec;
  payloadType: number;
  /** The offer's telephone-event payload type (8 kHz), if it offered one. */
  telephoneEventPt: number | undefined;
  /** Where the offerer wants RTP (its c= address, m= port). 0.0.0.0 means "on hold". */
  remoteAddress: string;
  remotePort: number;
  /** The offerer's direction; the answer mirrors it. */
  offerDirection: Direction;
  ptime: number | undefined;
}

const STATIC: Record<number, { encoding: string; clockRate: number }> = {
  0: { encoding: 'PCMU', clockRate: 8000 },
  8: { encoding: 'PCMA', clockRate: 8000 },
  9: { encoding: 'G722', clockRate: 8000 },
};
const DIRECTIONS = new Set(['sendrecv', 'sendonly', 'recvonly', 'inactive']);
const MAX_SDP_BYTES = 16 * 1024;

function parseConnection(v: string): string {
  const m = /^IN IP([46]) (\S+)$/.exec(v.trim());
  if (!m) throw new SdpError(`malformed c= line "${v.slice(0, 60)}"`);
  const addr = m[2].split('/')[0]; // multicast TTL suffix
  if (m[1] === '4' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(addr)) throw new SdpError(`c= address "${addr.slice(0, 60)}" is not IPv4`);
  return addr;
}

/** Parses an SDP body. Throws SdpError on anything malformed. */
export function parseSdp(text: string | Uint8Array): SessionDescription {
  const s = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
  if (s.length > MAX_SDP_BYTES) throw new SdpError('SDP too large');
  const lines = s.split(/\r?\n/).filter((l) => l !== '');
  if (lines[0] !== 'v=0') throw new SdpError('SDP must start with v=0');
  const sd: SessionDescription = {
    origin: { username: '', sessionId: '', version: '', netType: '', addrType: '', address: '' },
    sessionName: '',
    connection: undefined,
    direction: undefined,
    media: [],
  };
  let haveOrigin = false;
  let cur: MediaDescription | undefined;
  for (const line of lines.slice(1)) {
    if (line.length < 2 || line[1] !== '=' || !/^[a-z]$/.test(line[0])) throw new SdpError(`malformed line "${line.slice(0, 60)}"`);
    const type = line[0];
    const v = line.slice(2);
    switch (type) {
      case 'o': {
        const p = v.split(' ');
        if (p.length !== 6) throw new SdpError('malformed o= line');
        sd.origin = { username: p[0], sessionId: p[1], version: p[2], netType: p[3], addrType: p[4], address: p[5] };
        haveOrigin = true;
        break;
      }
      case 's':
        if (!cur) sd.sessionName = v;
        break;
      case 'c':
        if (cur) cur.connection = parseConnection(v);
        else sd.connection = parseConnection(v);
        break;
      case 'm': {
        const p = v.split(' ');
        if (p.length < 4) throw new SdpError('malformed m= line');
        const port = /^\d{1,5}(\/\d+)?$/.test(p[1]) ? Number(p[1].split('/')[0]) : NaN;
        if (!(port >= 0 && port <= 65535)) throw new SdpError(`bad m= port "${p[1].slice(0, 20)}"`);
        cur = { media: p[0], port, proto: p[2], formats: p.slice(3).filter((f) => f !== ''), connection: undefined, rtpmaps: new Map(), fmtp: new Map(), ptime: undefined, direction: undefined, attributes: [] };
        sd.media.push(cur);
        break;
      }
      case 'a': {
        if (DIRECTIONS.has(v)) {
          if (cur) cur.direction = v as Direction;
          else sd.direction = v as Direction;
        }
        if (!cur) break;
        cur.attributes.push(v);
        let m: RegExpExecArray | null;
        if ((m = /^rtpmap:(\d{1,3}) ([^/\s]+)\/(\d+)(?:\/(\d+))?$/.exec(v))) {
          const pt = Number(m[1]);
          if (pt <= 127) cur.rtpmaps.set(pt, { pt, encoding: m[2], clockRate: Number(m[3]), channels: m[4] ? Number(m[4]) : 1 });
        } else if ((m = /^fmtp:(\d{1,3}) (.*)$/.exec(v))) {
          cur.fmtp.set(Number(m[1]), m[2]);
        } else if ((m = /^ptime:(\d{1,4})$/.exec(v))) {
          cur.ptime = Number(m[1]);
        }
        break;
      }
      default:
        break; // i, u, e, p, b, t, r, z, k: not needed here
    }
  }
  if (!haveOrigin) throw new SdpError('no o= line');
  return sd;
}

function rtpmapOf(m: MediaDescription, pt: number): { encoding: string; clockRate: number; channels: number } | undefined {
  const r = m.rtpmaps.get(pt);
  if (r) return r;
  const s = STATIC[pt];
  return s ? { ...s, channels: 1 } : undefined;
}

export interface NegotiateOptions {
  /** Codecs we accept, most preferred first (default DEFAULT_CODECS). */
  codecs?: readonly AudioCodec[];
  /**
   * The codec in use (a re-offer in a dialog): kept when the new offer still has it, so a re-INVITE
   * that only moves or holds the media does not switch codecs (RFC 3264 §8.3.2 asks for continuity).
   */
  current?: AudioCodec;
  /** Reading an answer to our offer: take its first codec we accept (the answerer's choice), not ours. */
  answer?: boolean;
}

/** Picks the audio stream and codec; undefined when nothing is acceptable (answer 488). */
export function negotiate(offer: SessionDescription, opts: NegotiateOptions = {}): NegotiatedAudio | undefined {
  const prefs = opts.codecs ?? DEFAULT_CODECS;
  for (let i = 0; i < offer.media.length; i++) {
    const m = offer.media[i];
    if (m.media !== 'audio' || m.port === 0 || (m.proto !== 'RTP/AVP' && m.proto !== 'RTP/AVPF')) continue;
    const address = m.connection ?? offer.connection;
    if (!address) continue;
    const pts = m.formats.filter((f) => /^\d{1,3}$/.test(f)).map(Number).filter((pt) => pt <= 127);
    const codecOf = (pt: number): AudioCodec | undefined => {
      const r = rtpmapOf(m, pt);
      if (r === undefined || r.clockRate !== 8000 || r.channels !== 1) return undefined;
      const name = r.encoding.toUpperCase();
      return prefs.find((c) => c === name);
    };
    let chosen: { codec: AudioCodec; pt: number } | undefined;
    const keep = opts.current !== undefined && prefs.includes(opts.current) ? pts.find((p) => codecOf(p) === opts.current) : undefined;
    if (keep !== undefined) chosen = { codec: opts.current!, pt: keep };
    else if (opts.answer) {
      const pt = pts.find((p) => codecOf(p) !== undefined);
      if (pt !== undefined) chosen = { codec: codecOf(pt)!, pt };
    } else {
      for (const codec of prefs) {
        const pt = pts.find((p) => codecOf(p) === codec);
        if (pt !== undefined) {
          chosen = { codec, pt };
          break;
        }
      }
    }
    if (!chosen) continue;
    const te = pts.find((p) => {
      const r = m.rtpmaps.get(p);
      return r !== undefined && r.encoding.toLowerCase() === 'telephone-event' && r.clockRate === 8000;
    });
    return {
      index: i,
      codec: chosen.codec,
      payloadType: chosen.pt,
      telephoneEventPt: te,
      remoteAddress: address,
      remotePort: m.port,
      offerDirection: m.direction ?? offer.direction ?? 'sendrecv',
      ptime: m.ptime,
    };
  }
  return undefined;
}

const ANSWER_DIRECTION: Record<Direction, Direction> = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' };

export interface AnswerOptions {
  /** Our media address (c= and o=) and RTP port. */
  address: string;
  port: number;
  /** o= session id and version (version goes up on every new answer in the dialog). */
  sessionId: string;
  version?: number;
  username?: string;
}

/** The SDP answer for `offer` given what `negotiate` chose. */
export function buildAnswer(offer: SessionDescription, n: NegotiatedAudio, o: AnswerOptions): string {
  const ipv = o.address.includes(':') ? 'IP6' : 'IP4';
  const lines = [
    'v=0',
    `o=${o.username ?? '-'} ${o.sessionId} ${o.version ?? 1} IN ${ipv} ${o.address}`,
    's=-',
    `c=IN ${ipv} ${o.address}`,
    't=0 0',
  ];
  offer.media.forEach((m, i) => {
    if (i !== n.index) {
      // Rejected streams keep their place with port 0 (RFC 3264 §6).
      lines.push(`m=${m.media} 0 ${m.proto} ${m.formats.join(' ') || '0'}`);
      return;
    }
    const fmts = [n.payloadType, ...(n.telephoneEventPt !== undefined ? [n.telephoneEventPt] : [])];
    lines.push(`m=audio ${o.port} ${m.proto} ${fmts.join(' ')}`);
    lines.push(`a=rtpmap:${n.payloadType} ${n.codec}/8000`);
    if (n.telephoneEventPt !== undefined) {
      lines.push(`a=rtpmap:${n.telephoneEventPt} telephone-event/8000`);
      lines.push(`a=fmtp:${n.telephoneEventPt} 0-15`);
    }
    lines.push('a=ptime:20');
    lines.push(`a=${ANSWER_DIRECTION[n.offerDirection]}`);
  });
  return lines.join('\r\n') + '\r\n';
}

/** Where our own SDP (an answer we sent) has its audio: for answering a later re-offer alike. */
export function localMediaOf(ours: string): { address: string; port: number; sessionId: string; username: string } | undefined {
  try {
    const sd = parseSdp(ours);
    const m = sd.media.find((x) => x.media === 'audio' && x.port !== 0);
    const address = m?.connection ?? sd.connection;
    return m && address ? { address, port: m.port, sessionId: sd.origin.sessionId, username: sd.origin.username } : undefined;
  } catch {
    return undefined;
  }
}

export interface OfferOptions {
  address: string;
  port: number;
  sessionId: string;
  /** Offered in this order (most preferred first; default DEFAULT_CODECS). */
  codecs?: readonly AudioCodec[];
  /** telephone-event payload type (RFC 4733). */
  telephoneEventPt?: number;
}

const STATIC_PT: Record<AudioCodec, number> = { PCMU: 0, PCMA: 8, G722: 9 };

/** Our offer for an outbound call: our codecs (static payload types), telephone-event, ptime 20, sendrecv. */
export function buildOffer(o: OfferOptions): string {
  const ipv = o.address.includes(':') ? 'IP6' : 'IP4';
  const codecs = o.codecs ?? DEFAULT_CODECS;
  const te = o.telephoneEventPt ?? 101;
  const pts = [...codecs.map((c) => STATIC_PT[c]), te];
  return [
    'v=0',
    `o=- ${o.sessionId} 1 IN ${ipv} ${o.address}`,
    's=-',
    `c=IN ${ipv} ${o.address}`,
    't=0 0',
    `m=audio ${o.port} RTP/AVP ${pts.join(' ')}`,
    ...codecs.map((c) => `a=rtpmap:${STATIC_PT[c]} ${c}/8000`),
    `a=rtpmap:${te} telephone-event/8000`,
    `a=fmtp:${te} 0-15`,
    'a=ptime:20',
    'a=sendrecv',
    '',
  ].join('\r\n');
}
