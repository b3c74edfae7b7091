// agent.config.get: an agent worker gets its call's configuration with the provider secrets opened,
// and nothing of another tenant's.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { AgentConfigService } from './agent-config-service.ts';
import { agentSecretsAad, sealSecrets } from '../crypto/secrets.ts';
import { createTestDatabase } from '../../test/support/pg-database.ts';
import { uap, subjects } from '../../proto/index.ts';

const log = pino({ level: 'silent' });
const bus = new InProcBus();
let db: Database;
let drop: () => Promise<void>;
after(async () => {
  await db?.close();
  await drop?.();
  await bus.close();
});

test('agent.config.get returns the config with secrets, tenant-scoped', async () => {
  const pg = await createTestDatabase();
  drop = pg.drop;
  db = await openDatabase({ databaseUrl: pg.url, dataDir: '', log });
  await db.migrate();
  const key = randomBytes(32);
  const [a] = await pg.sql`insert into tenants (name, slug) values ('A', 'a') returning id`;
  const [b] = await pg.sql`insert into tenants (name, slug) values ('B', 'b') returning id`;
  const [cfg] = await pg.sql`insert into agent_configs (tenant_id, name, kind, prompt, voice, settings) values (${a.id}, 'main', 'ultravox', 'Be brief.', 'Mark', '{"greeting": "Hi"}') returning id`;
  await pg.sql`update agent_configs set secrets_encrypted = ${sealSecrets({ ULTRAVOX_API_KEY: 'uv-secret' }, key, agentSecretsAad(a.id, cfg.id))} where id = ${cfg.id}`;
  const svc = new AgentConfigService(db, bus, key, log);
  svc.start();
  const ask = async (tenantId: string, agentConfigId: string) =>
    uap.AgentConfigReply.decode(await bus.request(subjects.agentConfigGet, uap.AgentConfigRequest.encode({ tenantId, agentConfigId }).finish(), { timeoutMs: 2000 }));

  const ok = await ask(a.id, cfg.id);
  assert.equal(ok.found, true);
  const conf = JSON.parse(ok.configJson);
  assert.deepEqual([conf.kind, conf.prompt, conf.voice, conf.greeting, conf.secrets.ULTRAVOX_API_KEY], ['ultravox', 'Be brief.', 'Mark', 'Hi', 'uv-secret']);
  // Another tenant asking for this id sees nothing (RLS), and malformed ids are refused.
  assert.deepEqual([(await ask(b.id, cfg.id)).found, (await ask(b.id, cfg.id)).errorCode], [false, 'NOT_FOUND']);
  assert.equal((await ask('default', cfg.id)).found, false);
  // A config sealed under another key fails to open: reported, not leaked.
  const svc2 = new AgentConfigService(db, bus, randomBytes(32), log);
  const failed = await svc2.get(a.id, cfg.id).catch((e: Error) => e);
  assert.ok(failed instanceof Error);
  svc.stop();
});
