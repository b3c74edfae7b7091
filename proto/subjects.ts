// Every bus subject the platform uses, in one place. Builders, so no role hand-formats a subject.
export const subjects = {
  mediaIn: (callId: string) => `media.${callId}.in`,
  mediaOut: (callId: string) => `media.${callId}.out`,
  control: (callId: string) => `call.${callId}.control`,
  /** Live call events (DTMF, marks, end) media → agent, core NATS; the durable copy goes to `event`. */
  callEvent: (callId: string) => `call.${callId}.event`,
  event: (tenantId: string, kind: string) => `events.${tenantId}.call.${kind}`,
  allEvents: 'events.>',
  callEvents: (tenantId = '*') => `events.${tenantId}.call.>`,
  dispatch: 'agent.dispatch',
  heartbeat: (workerId: string) => `agent.heartbeat.${workerId}`,
  allHeartbeats: 'agent.heartbeat.*',
  routingLookup: 'routing.lookup',
  /** Agent workers fetch a call's agent configuration (with its secrets) from the control API. */
  agentConfigGet: 'agent.config.get',
  /** The control API asks a SIP gateway (queue group) to place an outbound call through a trunk. */
  sipOriginate: 'sip.originate',
  /** Agents' knowledge_search tool asks the control API (queue group) for the tenant's best knowledge-base chunks. */
  kbSearch: 'kb.search',
  /** Agents' query_database tool asks the control API (queue group) to run one read-only SELECT for the tenant. */
  sqlQuery: 'sql.query',
  /** Media asks whoever owns the call's provider leg to transfer the caller (twilio: control API, sip: signaling). */
  transfer: (transport: string) => `calls.transfer.${transport}`,
} as const;

/** JetStream stream that holds call events durably. */
export const EVENTS_STREAM = 'CALL_EVENTS';
/** Queue group agent workers join on agent.dispatch. */
export const DISPATCH_QUEUE = 'agents';

/** Call ids and tenant ids become subject tokens: restrict them to characters that are safe there. */
export const SUBJECT_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
export function isSubjectToken(s: string): boolean {
  return SUBJECT_TOKEN.test(s);
}
