// Number → tenant → agent routing: from the control API's database over `routing.lookup` (the default),
// or from config (ROUTES / DEFAULT_AGENT) for static deployments and tests.
import type { Route } from '../lib/config.ts';
import type { Bus } from '../lib/bus/types.ts';
import { uap, subjects } from '../proto/index.ts';
import { UapError } from '../lib/errors.ts';

export interface Router {
  /** `number` is ours: the called number of an inbound call, the caller id of an outbound one. admit: a new call asks to be admitted (quotas). */
  lookup(number: string, opts?: { admit?: boolean }): Promise<Route | undefined>;
}

export class ConfigRouter implements Router {
  constructor(private readonly routes: Map<string, Route>) {}
  async lookup(to: string, _opts?: { admit?: boolean }): Promise<Route | undefined> {
    return this.routes.get(to) ?? this.routes.get('*');
  }
}

/** The number is known but the call may not be taken (over quota, tenant suspended). */
export class RouteRefusedError extends UapError {
  constructor(readonly reason: string, readonly tenantId: string) {
    super('ROUTE_REFUSED', `call refused: ${reason}`);
  }
}

/** Asks the control API. Unknown numbers resolve to undefined; an unreachable API throws (retryable). */
export class BusRouter implements Router {
  constructor(private readonly bus: Bus, private readonly timeoutMs = 2000) {}
  async lookup(to: string, opts: { admit?: boolean } = { admit: true }): Promise<Route | undefined> {
    let reply: uap.RoutingReply;
    try {
      reply = uap.RoutingReply.decode(await this.bus.request(subjects.routingLookup, uap.RoutingLookup.encode({ to, transport: 'twilio', admit: opts.admit ?? true }).finish(), { timeoutMs: this.timeoutMs }));
    } catch (err) {
      throw new UapError('ROUTING_UNAVAILABLE', 'routing lookup failed: is a control API (api role) running?', { retryable: true, cause: err });
    }
    if (!reply.found) {
      if (reply.errorCode === 'LOOKUP_FAILED') throw new UapError('ROUTING_UNAVAILABLE', 'routing lookup failed in the control API', { retryable: true });
      if (reply.errorCode === 'OVER_QUOTA' || reply.errorCode === 'TENANT_SUSPENDED') throw new RouteRefusedError(reply.errorCode, reply.tenantId);
      return undefined;
    }
    let agent: Record<string, unknown> = {};
    try {
      agent = reply.agentConfigJson ? JSON.parse(reply.agentConfigJson) : {};
    } catch {
      // settings stay empty; the agent falls back to its defaults
    }
    return { tenantId: reply.tenantId, agentKind: reply.agentKind, agentConfigId: reply.agentConfigId, agent };
  }
}
