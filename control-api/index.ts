// The control-API role: owns the database (PGlite embedded, or DATABASE_URL), answers routing.lookup,
// and builds call history from the durable call-event stream (JetStream in production, the in-process
// log when embedded): every event is written once, so a restart mid-call loses nothing.
import { join } from 'node:path';
import { uap } from '../proto/index.ts';
import type { Config } from '../lib/config.ts';
import type { Bus, DurableConsumer } from '../lib/bus/types.ts';
import type { Logger } from '../lib/logger.ts';
import { Counter, type Registry } from '../lib/metrics.ts';
import { errorMessage } from '../lib/errors.ts';
import { openDatabase, seedDefaults, type Database } from './db/index.ts';
import { CallEventWriter } from './history/event-writer.ts';
import { recordingStore } from '../lib/recordings.ts';
import { RoutingLookupService } from './routing/lookup-service.ts';
import { mountApi } from './http-api.ts';
import { AgentConfigService } from './routing/agent-config-service.ts';
import { KbSearchService } from './knowledge/kb-search-service.ts';
import { SqlQueryService } from './text-to-sql/sql-query-service.ts';
import { loadSecretsKey } from './crypto/secrets.ts';
import { TwilioTransferService } from './twilio/transfer-service.ts';
import { twilioFromConfig, type TwilioCalls } from './twilio/client.ts';
import type { FastifyInstance } from 'fastify';

export interface ApiRole {
  db: Database;
  routing: RoutingLookupService;
  close(): Promise<void>;
}

export async function startApiRole(config: Config, bus: Bus, registry: Registry, log: Logger, http: FastifyInstance): Promise<ApiRole> {
  const events = new Counter({ name: 'uap_api_call_events_total', help: 'Call events stored from the durable event stream (duplicates not counted)', labelNames: ['kind'], registers: [registry] });
  const bad = new Counter({ name: 'uap_api_bad_events_total', help: 'Call events skipped: undecodable or for an unknown tenant', registers: [registry] });
  const retries = new Counter({ name: 'uap_api_event_write_retries_total', help: 'Call events handed back for redelivery after a database error', registers: [registry] });

  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pg'), log });
  const migrated = await db.migrate();
  const seed = await seedDefaults(db);
  log.info({ db: db.kind, url: db.safeUrl, applied: migrated.applied.length, vector: migrated.capabilities.vector, defaultTenantCreated: seed.created }, 'database ready');

  const secretsKey = loadSecretsKey({ value: process.env.UAP_SECRETS_KEY, dataDir: config.dataDir, log });
  const routing = new RoutingLookupService(db, bus, log, { secretsKey });
  routing.start();
  const agentConfigs = new AgentConfigService(db, bus, secretsKey, log);
  agentConfigs.start();
  // The tenant's data for agents' tools: knowledge search and read-only SQL.
  const kbSearch = new KbSearchService(db, bus, log, registry);
  kbSearch.start();
  const sqlQuery = new SqlQueryService(db, bus, log, registry);
  sqlQuery.start();
  let twilio: TwilioCalls | null | undefined;
  const transfers = new TwilioTransferService(bus, () => (twilio === undefined ? (twilio = twilioFromConfig(config)) : twilio), log, registry);
  transfers.start();
  const api = await mountApi(http, db, config, log, () => routing.invalidate(), secretsKey, bus);

  // Agents' recordings (voicemail) arrive in the NATS object store (or RECORDINGS_DIR in-process).
  const writer = new CallEventWriter(db, recordingStore(bus, config.recordingsDir));
  // A short ack wait: events a crashed instance had in hand come back within seconds.
  const consumer: DurableConsumer = await bus.consumeDurable({ durable: 'control-api', filter: 'events.>', ackWaitMs: 5000 }, async (msg) => {
    let ev: uap.CallEvent;
    try {
      ev = uap.CallEvent.decode(msg.data);
    } catch {
      bad.inc();
      log.warn({ subject: msg.subject, seq: msg.seq }, 'undecodable call event skipped');
      msg.ack();
      return;
    }
    try {
      const r = await writer.write(ev);
      if (r.stored) events.labels(r.kind).inc();
      msg.ack();
    } catch (err) {
      if (errorMessage(err).startsWith('unknown tenant')) {
        bad.inc();
        log.warn({ callId: ev.callId, tenantId: ev.tenantId, eventId: ev.eventId }, 'call event for an unknown tenant skipped');
        msg.ack();
        return;
      }
      // The database is unavailable or refused: try again later, nothing is lost.
      retries.inc();
      log.error({ err, callId: ev.callId, tenantId: ev.tenantId, eventId: ev.eventId }, 'call event not stored; will retry');
      msg.nak(2000);
    }
  });
  log.info('control API consuming call events');
  return {
    db,
    routing,
    async close() {
      routing.stop();
      agentConfigs.stop();
      kbSearch.stop();
      sqlQuery.stop();
      transfers.stop();
      await api.close();
      await consumer.stop();
      await db.close();
    },
  };
}
