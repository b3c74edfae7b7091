// Number → tenant → agent routing: from the control API's database over `routing.lookup` (the default),
// or from config (ROUTES / DEFAULT_AGENT) for static deployments and tests.
import type { Route } from '../lib/config.ts';
import type { Bus } from '../lib/bus/types.ts';
import { uap, subjects } from '../proto/index.ts';
import { UapError } from '../lib/errors.ts';

/** An INVITE's trunk admission: its source address, our realm, and its digest credentials (nonce checked). */
export interface SipAdmissionInfo {
  sourceIp: string;
  realm: string;
  digest?: uap.IDigestCredentials;
}

export interface LookupOptions {
  /** A new call asks to be admitted (quotas). */
  admit?: boolean;
  /** A SIP INVITE: admitted by a trunk (source allowlist, digest) when trunks are configured. */
  sip?: SipAdmissionInfo;
}

/** A route, and for SIP the trunk that admitted the call. */
export type RoutedCall = Route & { trunkId?: string };

export interface Router {
  /** `number` is ours: the called number of an inbound call, the caller id of an outbound one. */
  lookup(number: string, opts?: LookupOptions): Promise<RoutedCall | undefined>;
}

export class ConfigRouter implements Router {
  constructor(private readonly routes: Map<string, Route>) {}
  async lookup(to: string, _opts?: LookupOptions): Promise<RoutedCall | undefined> {
    return this.routes.get(to) ?? this.routes.get('*');
  }
}

/**
 * The call may not be taken: over quota or tenant suspended (a known number: tenantId set), or for SIP
 * TRUNK_FORBIDDEN (no trunk takes calls from the source), AUTH_REQUIRED (challenge) or AUTH_FAILED.
 */
export class RouteRefusedError extends UapError {
  constructor(readonly reason: string, readonly tenantId: string) {
    super('ROUTE_REFUSED', `call refused: ${reason}`);
  }
}

const REFUSALS = new Set(['OVER_QUOTA', 'TENANT_SUSPENDED', 'TRUNK_FORBIDDEN', 'AUTH_REQUIRED', 'AUTH_FAILED']);

/** Asks the control API. Unknown numbers resolve to undefined; an unreachable API throws (retryable). */
export class BusRouter implements Router {
  constructor(private readonly bus: Bus, private readonly timeoutMs = 2000) {}
  async lookup(to: string, opts: LookupOptions = { admit: true }): Promise<RoutedCall | undefined> {
    let reply: uap.RoutingReply;
    const req = uap.RoutingLookup.encode({ to, transport: opts.sip ? 'sip' : 'twilio', admit: opts.admit ?? true, sip: opts.sip }).finish();
    try {
      reply = uap.RoutingReply.decode(await this.bus.request(subjects.routingLookup, req, { timeoutMs: this.timeoutMs }));
    } catch (err) {
      throw new UapError('ROUTING_UNAVAILABLE', 'routing lookup failed: is a control API (api role) running?', { retryable: true, cause: err });
    }
    if (!reply.found) {
      if (reply.errorCode === 'LOOKUP_FAILED') throw new UapError('ROUTING_UNAVAILABLE', 'routing lookup failed in the control API', { retryable: true });
      if (REFUSALS.has(reply.errorCode)) throw new RouteRefusedError(reply.errorCode, reply.tenantId);
      return undefined;
    }
    let agent: Record<string, unknown> = {};
    try {
      agent = reply.agentConfigJson ? JSON.parse(reply.agentConfigJson) : {};
    } catch {
      // settings stay empty; the agent falls back to its defaults
    }
    return { tenantId: reply.tenantId, agentKind: reply.agentKind, agentConfigId: reply.agentConfigId, agent, ...(reply.trunkId ? { trunkId: reply.trunkId } : {}) };
  }
}
