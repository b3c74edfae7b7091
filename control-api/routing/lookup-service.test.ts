// routing.lookup from the database: exact numbers beat the catch-all, unknown numbers are refused, and
// admission checks the tenant's concurrent-call quota (uncached) — end to end through signaling's
// BusRouter and the Twilio voice webhook, which refuses politely and records the refusal.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import webhooks from 'twilio/lib/webhooks/webhooks.js';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { streamTokenKey } from '../../lib/stream-token.ts';
import { openDatabase, seedDefaults, type Database } from '../db/index.ts';
import { RoutingLookupService } from './lookup-service.ts';
import { BusRouter, RouteRefusedError } from '../../signaling/routing.ts';
import { twilioWebhooks } from '../../signaling/twilio/webhooks.ts';
import { createTestDatabase } from '../../test/support/pg-database.ts';
import { uap } from '../../proto/index.ts';

const log = pino({ level: 'silent' });
let db: Database;
let drop: () => Promise<void>;
const bus = new InProcBus();
after(async () => {
  await db?.close();
  await drop?.();
  await bus.close();
});

test('routing from the database, with quotas checked at admission', async () => {
  const pg = await createTestDatabase();
  drop = pg.drop;
  db = await openDatabase({ databaseUrl: pg.url, dataDir: '', log });
  await db.migrate();
  const seed = await seedDefaults(db);
  const svc = new RoutingLookupService(db, bus, log);
  svc.start();
  const router = new BusRouter(bus);

  // The seeded catch-all answers any number with the offline agent of the default tenant.
  const any = await router.lookup('+15550000001');
  assert.equal(any?.tenantId, seed.tenantId);
  assert.equal(any?.agentKind, 'offline');

  // An exact number of another tenant wins over the catch-all.
  const [t] = await pg.sql`insert into tenants (name, slug, quotas) values ('Acme', 'acme', '{"max_concurrent_calls": 1}') returning id`;
  const [a] = await pg.sql`insert into agent_configs (tenant_id, name, kind, settings) values (${t.id}, 'main', 'echo', '{"greeting": "hi"}') returning id`;
  await pg.sql`insert into phone_numbers (tenant_id, e164, agent_config_id) values (${t.id}, '+15551230000', ${a.id})`;
  svc.invalidate();
  const acme = await router.lookup('+15551230000');
  assert.deepEqual([acme?.tenantId, acme?.agentKind, acme?.agentConfigId, acme?.agent.greeting], [t.id, 'echo', a.id, 'hi']);

  // Without the catch-all, an unknown number has no route.
  await pg.sql`delete from phone_numbers where e164 = '*'`;
  svc.invalidate();
  assert.equal(await router.lookup('+15550000001'), undefined);

  // Quota: one live call of Acme → the next is refused; when it ends, calls are admitted again.
  await pg.sql`insert into calls (id, tenant_id, direction, status) values ('CA1', ${t.id}, 'inbound', 'in-progress')`;
  await assert.rejects(router.lookup('+15551230000'), (e: unknown) => e instanceof RouteRefusedError && e.reason === 'OVER_QUOTA' && e.tenantId === t.id);
  // The agent's settings lookup (no admission) still works while the tenant is full.
  const settings = uap.RoutingReply.decode(await svc.lookup('+15551230000', false));
  assert.equal(settings.found, true);

  // Through the Twilio voice webhook: a spoken refusal and a REFUSED call event for the tenant.
  const events: uap.CallEvent[] = [];
  await bus.consumeDurable({ durable: 'test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  const app = Fastify();
  await app.register(formbody);
  const token = 'tok-0123456789abcdef';
  const publicUrl = new URL('http://127.0.0.1:8080');
  await app.register(twilioWebhooks, { publicUrl, streamUrl: 'ws://127.0.0.1:8081/twilio/stream', authToken: token, tokenKey: streamTokenKey(undefined, token), tokenTtlS: 30, router, bus, log, registry: new Registry() });
  const params = { CallSid: 'CA' + 'b'.repeat(32), From: '+15559990000', To: '+15551230000', AccountSid: 'AC' + '0'.repeat(32) };
  const res = await app.inject({
    method: 'POST',
    url: '/twilio/voice',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': webhooks.getExpectedTwilioSignature(token, 'http://127.0.0.1:8080/twilio/voice', params) },
    payload: new URLSearchParams(params).toString(),
  });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<Say>Sorry, all our lines are busy/);
  assert.match(res.body, /<Hangup\/>/);
  await bus.flush();
  for (let i = 0; i < 50 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(events.length, 1);
  assert.equal(events[0].tenantId, t.id);
  assert.equal(events[0].ended?.reason, uap.EndReason.REFUSED);
  await app.close();

  await pg.sql`update calls set ended_at = now() where id = 'CA1'`;
  assert.equal((await router.lookup('+15551230000'))?.tenantId, t.id);
  svc.stop();
});
