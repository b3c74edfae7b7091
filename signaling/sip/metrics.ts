// SIP signalling metrics, created once per registry. Label values come from fixed sets (methods we
// know, status codes we send, error codes we define) so hostile input cannot blow up cardinality.
import { Counter, Gauge, type Registry } from '../../lib/metrics.ts';

export interface SipMetrics {
  /** A request arrived (method label: a known method or "other"). */
  request(method: string): void;
  /** We sent a response (first transmission). */
  response(status: number): void;
  /** Bad input or a message we could not use, by code (parse error codes, STRAY_RESPONSE, …). */
  error(code: string): void;
  /** A retransmission: `request` = a retransmitted request absorbed, `response`/`bye`/`request_out` = one we resent. */
  retransmission(kind: 'request' | 'response' | 'bye' | 'request_out'): void;
  /** How an INVITE ended: answered, rejected_<status>, cancelled, no_ack. */
  call(result: string): void;
  activeCalls(n: number): void;
}

const METHODS = new Set(['INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', 'INFO', 'UPDATE', 'PRACK', 'REFER', 'SUBSCRIBE', 'NOTIFY', 'MESSAGE', 'PUBLISH']);

const cache = new WeakMap<Registry, SipMetrics>();

export function createSipMetrics(registry: Registry): SipMetrics {
  const known = cache.get(registry);
  if (known) return known;
  const requests = new Counter({ name: 'uap_sip_requests_total', help: 'SIP requests received, by method', labelNames: ['method'], registers: [registry] });
  const responses = new Counter({ name: 'uap_sip_responses_total', help: 'SIP responses sent, by status', labelNames: ['status'], registers: [registry] });
  const errors = new Counter({ name: 'uap_sip_errors_total', help: 'SIP messages refused or dropped, by code', labelNames: ['code'], registers: [registry] });
  const retrans = new Counter({ name: 'uap_sip_retransmissions_total', help: 'SIP retransmissions: requests absorbed, responses and BYEs resent', labelNames: ['kind'], registers: [registry] });
  const calls = new Counter({ name: 'uap_sip_calls_total', help: 'INVITEs by outcome', labelNames: ['result'], registers: [registry] });
  const active = new Gauge({ name: 'uap_sip_active_calls', help: 'SIP calls answered and not yet ended', registers: [registry] });
  const m: SipMetrics = {
    request: (method) => requests.labels(METHODS.has(method) ? method : 'other').inc(),
    response: (status) => responses.labels(String(status)).inc(),
    error: (code) => errors.labels(code).inc(),
    retransmission: (kind) => retrans.labels(kind).inc(),
    call: (result) => calls.labels(result).inc(),
    activeCalls: (n) => active.set(n),
  };
  cache.set(registry, m);
  return m;
}

export const noopSipMetrics: SipMetrics = {
  request() {},
  response() {},
  error() {},
  retransmission() {},
  call() {},
  activeCalls() {},
};
