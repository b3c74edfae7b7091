// Where SIP messages go over UDP: responses back along the top Via (RFC 3261 §18.2.2, with RFC 3581
// rport for callers behind NAT), the received=/rport= stamps a response carries, and the next hop for
// requests we send inside a dialog (our BYE).
import { isIP } from 'node:net';
import { parseNameAddr, parseUri, type Via } from './fields.ts';
import type { SipHeader } from './message.ts';

export type Source = { address: string; port: number };

const unbracket = (h: string) => h.replace(/^\[|\]$/g, '');

/** Response destination: the source address and port with rport, else the source address at the sent-by port. */
export function responseTarget(headers: SipHeader[], src: Source): [string, number] {
  const top = headers.find((h) => h.name === 'Via')?.value ?? '';
  if (/;\s*rport\b/i.test(top)) return [src.address, src.port];
  const m = /^SIP\s*\/\s*2\.0\s*\/\s*\S+\s+(\[[^\]]+\]|[^;:\s]+)(?::(\d+))?/i.exec(top);
  return [src.address, m?.[2] ? Number(m[2]) : 5060];
}

/** The headers with the top Via stamped received= (when the sent-by host is not the source) and rport=. */
export function withReceived(headers: SipHeader[], src: Source): SipHeader[] {
  const i = headers.findIndex((h) => h.name === 'Via');
  if (i < 0) return headers;
  let v = headers[i].value;
  const hostMatch = /^SIP\s*\/\s*2\.0\s*\/\s*\S+\s+(\[[^\]]+\]|[^;:\s]+)/i.exec(v);
  if (/;\s*rport(?=;|$)/i.test(v)) v = v.replace(/;\s*rport(?=;|$)/i, `;rport=${src.port}`);
  if (hostMatch && unbracket(hostMatch[1]) !== src.address && !/;\s*received=/i.test(v)) v += `;received=${src.address}`;
  if (v === headers[i].value) return headers;
  const out = headers.slice();
  out[i] = { name: 'Via', value: v };
  return out;
}

/**
 * Next hop of an in-dialog request: the first Route (loose routing), else the remote target (Contact).
 * The INVITE's source instead when that is no IP literal (no DNS here) or the caller is behind NAT
 * (its Via names another address than the one its packets come from).
 */
export function dialogTarget(routeSet: string[], remoteTarget: string, inviteVia: Via, source: Source): [string, number] {
  const first = routeSet[0] ? parseNameAddr(routeSet[0])?.uri : remoteTarget;
  const uri = first ? parseUri(first) : undefined;
  const natted = unbracket(inviteVia.host) !== source.address;
  if (!uri || natted || isIP(unbracket(uri.host)) === 0) return [source.address, source.port];
  return [unbracket(uri.host), uri.port ?? 5060];
}
