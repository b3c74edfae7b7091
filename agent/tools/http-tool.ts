// The `http` tool: POSTs the model's arguments to a tenant's URL and hands the answer back to the model.
// Guarded because the URL comes from tenant configuration and the call from a model:
//  - private, loopback and link-local addresses are refused (checked on the address actually connected
//    to, so DNS tricks cannot reach the platform's own network) unless the operator allows them;
//  - no redirects, a timeout, and a cap on the response size;
//  - the body is signed so the tenant can tell the request is ours and fresh:
//      X-UAP-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { UapError } from '../../lib/errors.ts';

export class HttpToolError extends UapError {}

export interface HttpToolCall {
  url: URL;
  body: string;
  /** HMAC key; unsigned when absent. */
  secret?: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Let the tool reach private/loopback addresses (tests, on-prem tenants). */
  allowPrivate: boolean;
  now?: () => number;
}

export interface HttpToolResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Only ordinary public unicast addresses (IPv4-mapped IPv6 judged by its IPv4). */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let a = ipaddr.parse(ip);
  if (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress()) a = (a as ipaddr.IPv6).toIPv4Address();
  return a.range() === 'unicast';
}

export function signBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** dns.lookup that refuses non-public answers: the check sits on the address the socket will use. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return (callback as (e: Error | null, a: string | LookupAddress[], f?: number) => void)(err, '', 0);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => !isPublicAddress(a.address));
    if (bad) {
      const e = new HttpToolError('TOOL_PRIVATE_ADDRESS', `${hostname} resolves to a non-public address (${bad.address})`);
      return (callback as (e: Error | null, a: string | LookupAddress[], f?: number) => void)(e, '', 0);
    }
    if (options.all) return (callback as (e: Error | null, a: LookupAddress[]) => void)(null, list);
    return (callback as (e: Error | null, a: string, f: number) => void)(null, list[0]!.address, list[0]!.family);
  });
};

export function callHttpTool(c: HttpToolCall): Promise<HttpToolResponse> {
  const host = c.url.hostname.replace(/^\[|\]$/g, '');
  if (!c.allowPrivate && isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(new HttpToolError('TOOL_PRIVATE_ADDRESS', `${host} is not a public address`));
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(c.body)),
    'user-agent': 'uap-agent-tools/1',
    accept: 'application/json, text/plain;q=0.9',
  };
  if (c.secret) headers['x-uap-signature'] = signBody(c.secret, c.body, Math.floor((c.now ?? Date.now)() / 1000));
  const send = c.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(c.url, { method: 'POST', headers, timeout: c.timeoutMs, ...(c.allowPrivate ? {} : { lookup: guardedLookup }) }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size > c.maxResponseBytes) {
          req.destroy(new HttpToolError('TOOL_RESPONSE_TOO_LARGE', `the response exceeds ${c.maxResponseBytes} bytes`));
          return;
        }
        chunks.push(d);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // `timeout` is socket inactivity; the deadline below bounds the whole exchange.
    const deadline = setTimeout(() => req.destroy(new HttpToolError('TOOL_TIMEOUT', `no complete answer within ${c.timeoutMs} ms`, { retryable: true })), c.timeoutMs);
    req.on('timeout', () => req.destroy(new HttpToolError('TOOL_TIMEOUT', `no answer within ${c.timeoutMs} ms`, { retryable: true })));
    req.on('error', (err) => {
      clearTimeout(deadline);
      reject(err instanceof HttpToolError ? err : new HttpToolError('TOOL_UNREACHABLE', err.message, { retryable: true, cause: err }));
    });
    req.on('close', () => clearTimeout(deadline));
    req.end(c.body);
  });
}
