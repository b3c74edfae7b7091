// The control-API role. For now: the durable consumer of call events (JetStream in production, the
// in-process log when embedded) that call history is built from; REST, database and tenancy build on it.
import { uap } from '../proto/index.ts';
import type { Bus, DurableConsumer } from '../lib/bus/types.ts';
import type { Logger } from '../lib/logger.ts';
import { Counter, type Registry } from '../lib/metrics.ts';
import { eventKind, type CallEventBody } from '../lib/call-events.ts';

export interface ApiRole {
  close(): Promise<void>;
}

export async function startApiRole(bus: Bus, registry: Registry, log: Logger): Promise<ApiRole> {
  const events = new Counter({ name: 'uap_api_call_events_total', help: 'Call events consumed from the durable event stream', labelNames: ['kind'], registers: [registry] });
  const bad = new Counter({ name: 'uap_api_bad_events_total', help: 'Undecodable events acknowledged and skipped', registers: [registry] });
  const seen = new Set<string>(); // idempotency until the database's unique event id takes over
  const consumer: DurableConsumer = await bus.consumeDurable({ durable: 'control-api', filter: 'events.>', ackWaitMs: 30_000 }, (msg) => {
    let ev: uap.CallEvent;
    try {
      ev = uap.CallEvent.decode(msg.data);
    } catch {
      bad.inc();
      log.warn({ subject: msg.subject, seq: msg.seq }, 'undecodable call event skipped');
      msg.ack();
      return;
    }
    if (!seen.has(ev.eventId)) {
      if (seen.size > 100_000) seen.clear();
      seen.add(ev.eventId);
      const kind = ev.body ? eventKind({ [ev.body]: ev[ev.body] } as CallEventBody) : 'unknown';
      events.labels(kind).inc();
      log.debug({ callId: ev.callId, tenantId: ev.tenantId, eventId: ev.eventId, kind }, 'call event');
    }
    msg.ack();
  });
  log.info('control API consuming call events');
  return { close: () => consumer.stop() };
}
