// Structured SIP header values (RFC 3261 §25): URIs, name-addr (From/To/Contact/Route), Via, CSeq,
// parameters and comma-separated lists. Parsers return undefined on bad input and never throw: the
// message parser turns that into a typed error.

export type Params = Record<string, string | true>;

export interface SipUri {
  scheme: 'sip' | 'sips' | 'tel';
  /** Decoded user part ('' when absent); for tel: the number. */
  user: string;
  host: string;
  port: number | undefined;
  params: Params;
}

export interface NameAddr {
  display: string | undefined;
  /** The URI text as written (without the angle brackets). */
  uri: string;
  params: Params;
  tag: string | undefined;
}

export interface Via {
  transport: string;
  host: string;
  port: number | undefined;
  params: Params;
  branch: string | undefined;
}

export interface CSeq {
  seq: number;
  method: string;
}

/** RFC 3261 `token`. */
export const TOKEN = /^[A-Za-z0-9.!%*_+`'~-]+$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.?)$/;
const MAX_SEQ = 2 ** 31 - 1;

/** Splits on `sep` outside double quotes and angle brackets. */
export function splitOutside(s: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let angle = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '<') angle++;
    else if (c === '>') angle = Math.max(0, angle - 1);
    else if (c === sep && angle === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** `;a=b;c` → { a: 'b', c: true }. Names are lower-cased. Undefined if a name is not a token. */
export function parseParams(s: string): Params | undefined {
  const params: Params = {};
  if (s.trim() === '') return params;
  const parts = splitOutside(s, ';');
  if (parts[0].trim() !== '') return undefined; // must start with ';'
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i].trim();
    const eq = p.indexOf('=');
    const name = (eq < 0 ? p : p.slice(0, eq)).trim().toLowerCase();
    if (!TOKEN.test(name)) return undefined;
    if (eq < 0) {
      params[name] = true;
      continue;
    }
    const value = p.slice(eq + 1).trim();
    if (value === '') return undefined;
    if (value.startsWith('"')) {
      if (value.length < 2 || !value.endsWith('"')) return undefined;
    } else if (!/^[A-Za-z0-9.!%*_+`'~:\[\]-]+$/.test(value)) return undefined;
    params[name] = value;
  }
  return params;
}

function parsePort(s: string): number | undefined {
  if (!/^\d{1,5}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** `host[:port]` with IPv6 in brackets. */
export function parseHostPort(s: string): { host: string; port: number | undefined } | undefined {
  let host = s;
  let port: number | undefined;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return undefined;
    host = s.slice(0, end + 1);
    const rest = s.slice(end + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return undefined;
      port = parsePort(rest.slice(1));
      if (port === undefined) return undefined;
    }
  } else {
    const colon = s.lastIndexOf(':');
    if (colon >= 0) {
      host = s.slice(0, colon);
      port = parsePort(s.slice(colon + 1));
      if (port === undefined) return undefined;
    }
  }
  if (!HOST.test(host)) return undefined;
  return { host: host.toLowerCase(), port };
}

function unescapeUser(s: string): string | undefined {
  if (!/^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]*$/.test(s)) return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** sip:, sips: or tel: URI. Headers (`?…`) of a SIP URI are ignored. */
export function parseUri(s: string): SipUri | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.+)$/.exec(s);
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  let rest = m[2];
  if (scheme === 'tel') {
    const semi = rest.indexOf(';');
    const number = semi < 0 ? rest : rest.slice(0, semi);
    const params = semi < 0 ? {} : parseParams(rest.slice(semi));
    if (!/^\+?[0-9A-Fa-f*#().-]+$/.test(number) || !params) return undefined;
    return { scheme: 'tel', user: number, host: '', port: undefined, params };
  }
  if (scheme !== 'sip' && scheme !== 'sips') return undefined;
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  let user = '';
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    let userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(':');
    if (colon >= 0) userinfo = userinfo.slice(0, colon); // password: ignored
    const u = unescapeUser(userinfo);
    if (u === undefined || u === '') return undefined;
    user = u;
  }
  const semi = rest.indexOf(';');
  const hp = parseHostPort(semi < 0 ? rest : rest.slice(0, semi));
  const params = semi < 0 ? {} : parseParams(rest.slice(semi));
  if (!hp || !params) return undefined;
  return { scheme, user, host: hp.host, port: hp.port, params };
}

/** From / To / Contact / Route / Record-Route value: `"Name" <uri>;params`, `Name <uri>`, or a bare addr-spec. */
export function parseNameAddr(s: string): NameAddr | undefined {
  s = s.trim();
  let display: string | undefined;
  let uri: string;
  let paramText: string;
  const lt = indexOutsideQuotes(s, '<');
  if (lt >= 0) {
    const gt = s.indexOf('>', lt);
    if (gt < 0) return undefined;
    const d = s.slice(0, lt).trim();
    if (d !== '') {
      if (d.startsWith('"')) {
        if (d.length < 2 || !d.endsWith('"')) return undefined;
        display = d.slice(1, -1).replace(/\\(.)/g, '$1');
      } else {
        if (!/^[A-Za-z0-9.!%*_+`'~\s-]+$/.test(d)) return undefined;
        display = d;
      }
    }
    uri = s.slice(lt + 1, gt).trim();
    paramText = s.slice(gt + 1);
  } else {
    // addr-spec: parameters after the URI belong to the header, not the URI.
    const semi = s.indexOf(';');
    uri = semi < 0 ? s : s.slice(0, semi);
    paramText = semi < 0 ? '' : s.slice(semi);
    if (/[\s,?]/.test(uri)) return undefined;
  }
  if (uri === '' || !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(uri)) return undefined;
  const params = parseParams(paramText);
  if (!params) return undefined;
  const tag = typeof params.tag === 'string' ? params.tag : undefined;
  if (params.tag === true) return undefined;
  return { display, uri, params, tag };
}

function indexOutsideQuotes(s: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ch) return i;
  }
  return -1;
}

/** One Via value: `SIP/2.0/UDP host[:port];branch=…`. */
export function parseVia(s: string): Via | undefined {
  const m = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z0-9.!%*_+`'~-]+)\s+([^;\s]+)\s*(;.*)?$/i.exec(s.trim());
  if (!m) return undefined;
  const hp = parseHostPort(m[2]);
  const params = parseParams(m[3] ?? '');
  if (!hp || !params) return undefined;
  const branch = typeof params.branch === 'string' ? params.branch : undefined;
  if (params.branch === true) return undefined;
  return { transport: m[1].toUpperCase(), host: hp.host, port: hp.port, params, branch };
}

export function parseCSeq(s: string): CSeq | undefined {
  const m = /^(\d{1,10})\s+([A-Za-z0-9.!%*_+`'~-]+)$/.exec(s.trim());
  if (!m) return undefined;
  const seq = Number(m[1]);
  if (seq > MAX_SEQ) return undefined;
  return { seq, method: m[2] };
}

/** A comma-separated token list (Allow, Supported, Require): lower-cased tokens. */
export function parseTokenList(s: string): string[] {
  return s
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
}
