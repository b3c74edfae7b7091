// Inbound trunk admission end to end: the SIP gateway asks the control API's routing.lookup (on
// PostgreSQL) over the bus, which checks the INVITE's source against the trunks' allowlists and its digest
// against the trunk's sealed password.
//  - a source no trunk lists → 403, before the number is even looked up;
//  - an allowlisted trunk without credentials → answered straight away (sipp);
//  - a trunk with credentials → 401 with MD5 and SHA-256 challenges, then answered (sipp [authentication],
//    MD5; our own client for SHA-256); a wrong password → 403; replayed credentials → challenged again;
//  - a number of another tenant through this trunk → 404; a tenant over quota → 486.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { digestResponse } from '../../lib/digest.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../../proto/index.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { SipMedia, RtpClock } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics, getHeaders, type SipGateway } from '../../signaling/sip/index.ts';
import { parseDigest } from '../../signaling/sip/digest.ts';
import { BusRouter } from '../../signaling/routing.ts';
import { openDatabase, seedDefaults, type Database } from '../../control-api/db/index.ts';
import { RoutingLookupService } from '../../control-api/routing/lookup-service.ts';
import { sealTrunkPassword } from '../../control-api/sip/trunk-secrets.ts';
import { createTestDatabase } from '../support/pg-database.ts';
import { requireSipp, runSipp, explain } from './sipp.ts';
import { loopbackSipMedia, randomPortPool, writeToneUlaw, TEST_SIP_TIMERS } from './harness.ts';
import { UdpSipClient, Uac } from './udp-sip-client.ts';

const ACME = '+15550002222';
const BETA = '+15550003333';
const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
const key = randomBytes(32);

let db: Database;
let drop: () => Promise<void>;
let bus: InProcBus;
let registry: Registry;
let ticker: SharedTicker;
let clock: RtpClock;
let sipMedia: SipMedia;
let gateway: SipGateway;
let routing: RoutingLookupService;
let dir: string;
let acmeId = '';

before(async () => {
  requireSipp();
  const pg = await createTestDatabase();
  drop = pg.drop;
  db = await openDatabase({ databaseUrl: pg.url, dataDir: '', log });
  await db.migrate();
  await seedDefaults(db);
  // Only trunks admit calls from now on: the seeded catch-all goes.
  await pg.sql`delete from phone_numbers where e164 = '*'`;
  const tenant = async (slug: string, number: string) => {
    const [t] = await pg.sql`insert into tenants (name, slug, quotas) values (${slug}, ${slug}, '{"max_concurrent_calls": 5}') returning id`;
    const [a] = await pg.sql`insert into agent_configs (tenant_id, name, kind) values (${t.id}, 'main', 'echo') returning id`;
    await pg.sql`insert into phone_numbers (tenant_id, e164, agent_config_id, provider) values (${t.id}, ${number}, ${a.id}, 'sip')`;
    return t.id as string;
  };
  acmeId = await tenant('acme', ACME);
  await tenant('beta', BETA);
  const trunk = async (tenantId: string, name: string, cidrs: string[], creds?: { username: string; password: string }) => {
    const id = crypto.randomUUID();
    await pg.sql`insert into sip_trunks (id, tenant_id, name, inbound_cidrs, inbound_username, inbound_password_encrypted)
      values (${id}, ${tenantId}, ${name}, ${cidrs}::text[]::cidr[], ${creds?.username ?? null}, ${creds ? sealTrunkPassword(creds.password, key, tenantId, id, 'inbound') : null})`;
  };
  // 127.0.0.2: a carrier let in by address alone. 127.0.0.1: one that must also authenticate.
  await trunk(acmeId, 'open', ['127.0.0.2/32']);
  await trunk(acmeId, 'auth', ['127.0.0.1/32'], { username: 'acme', password: 'secret' });

  bus = new InProcBus();
  routing = new RoutingLookupService(db, bus, log, { secretsKey: key });
  routing.start();
  registry = new Registry();
  ticker = new SharedTicker(5);
  clock = new RtpClock();
  sipMedia = loopbackSipMedia({ bus, registry, log, ticker, clock, pool: randomPortPool(42000) });
  bus.subscribe(subjects.dispatch, (m) => {
    const req = uap.DispatchRequest.decode(m.data);
    bus.subscribe(subjects.mediaIn(req.callId), (f) => bus.publish(subjects.mediaOut(req.callId), f.data));
    m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'echo', sampleRate: 16000 }).finish());
  }, { queue: DISPATCH_QUEUE });
  gateway = await startSipGateway({
    host: '0.0.0.0',
    port: 0,
    publicAddress: '127.0.0.1',
    log,
    metrics: createSipMetrics(registry),
    router: new BusRouter(bus),
    media: sipMedia,
    bus,
    timers: TEST_SIP_TIMERS,
    auth: { realm: 'uap.test' },
  });
  dir = mkdtempSync(join(tmpdir(), 'uap-sipp-auth-'));
  writeToneUlaw(dir);
});

after(async () => {
  await gateway?.close(300);
  sipMedia?.closeAll();
  clock?.stop();
  ticker?.stop();
  routing?.stop();
  await bus?.close();
  await db?.close();
  await drop?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const target = () => ({ address: '127.0.0.1', port: gateway.port });

async function client(local: string, t: { after(fn: () => void): void }) {
  const c = await UdpSipClient.open(target(), local);
  t.after(() => c.close());
  return c;
}

test('a source no trunk lists gets 403, whatever the number', async (t) => {
  const c = await client('127.0.0.3', t);
  for (const n of [ACME, '+19999999999']) {
    const a = new Uac(c, n);
    c.send(a.invite());
    const r = await c.response(403, 'INVITE', a.callId);
    c.send(a.ack(403, r.to.tag));
  }
});

test('an allowlisted trunk without credentials: sipp is answered at once', async () => {
  const run = await runSipp({ scenario: 'uac-stream.xml', target: target(), service: ACME, cwd: dir, localIp: '127.0.0.2' });
  assert.equal(run.code, 0, explain(run));
});

test('a trunk with credentials: sipp answers the MD5 challenge and the call goes through', async () => {
  const run = await runSipp({ scenario: 'uac-auth.xml', target: target(), service: ACME, cwd: dir, extraArgs: ['-au', 'acme', '-ap', 'secret'] });
  assert.equal(run.code, 0, explain(run));
});

/** Sends an INVITE and returns the 401's challenges by algorithm. */
async function challenge(c: UdpSipClient, a: Uac): Promise<Map<string, Record<string, string>>> {
  c.send(a.invite());
  const r = await c.response(401, 'INVITE', a.callId);
  c.send(a.ack(401, r.to.tag));
  return new Map(getHeaders(r, 'WWW-Authenticate').map((v) => {
    const p = parseDigest(v)!;
    return [p.algorithm, p];
  }));
}

function authorization(ch: Record<string, string>, user: string, password: string, uri: string, nc = '00000001', cnonce = 'abcdef0123'): string {
  const response = digestResponse({ algorithm: ch.algorithm as 'MD5', username: user, realm: ch.realm, password, method: 'INVITE', uri, nonce: ch.nonce, qop: 'auth', nc, cnonce });
  return `Authorization: Digest username="${user}", realm="${ch.realm}", nonce="${ch.nonce}", uri="${uri}", response="${response}", algorithm=${ch.algorithm}, qop=auth, nc=${nc}, cnonce="${cnonce}"`;
}

test('SHA-256 credentials are accepted; a wrong password is 403; a replay is challenged again', async (t) => {
  const c = await client('127.0.0.1', t);
  const a = new Uac(c, ACME);
  const challenges = await challenge(c, a);
  assert.deepEqual([...challenges.keys()], ['MD5', 'SHA-256'], 'MD5 first: most carriers answer only the first');
  const sha = challenges.get('SHA-256')!;
  assert.deepEqual([sha.realm, sha.qop], ['uap.test', 'auth']);
  const uri = `sip:${ACME}@127.0.0.1:${gateway.port}`;

  // SHA-256: answered.
  a.cseq++;
  a.inviteBranch = `z9hG4bK-auth-${Date.now()}`;
  const creds = authorization(sha, 'acme', 'secret', uri);
  c.send(a.invite(undefined, [creds]));
  const ok = await c.response(200, 'INVITE', a.callId, 5000);
  a.toTag = ok.to.tag;
  c.send(a.ack(200));
  c.send(a.bye());
  await c.response(200, 'BYE', a.callId);

  // The same credentials again (a replay, in a new call): challenged, not answered.
  const b = new Uac(c, ACME);
  b.cseq = 2;
  c.send(b.invite(undefined, [creds]));
  const again = await c.response(401, 'INVITE', b.callId);
  c.send(b.ack(401, again.to.tag));

  // A wrong password: 403.
  const d = new Uac(c, ACME);
  const md5 = (await challenge(c, d)).get('MD5')!;
  d.cseq++;
  d.inviteBranch = `z9hG4bK-bad-${Date.now()}`;
  c.send(d.invite(undefined, [authorization(md5, 'acme', 'wrong', uri)]));
  const refused = await c.response(403, 'INVITE', d.callId);
  c.send(d.ack(403, refused.to.tag));
  // A nonce we never issued: challenged again.
  const e = new Uac(c, ACME);
  c.send(e.invite(undefined, [authorization({ ...md5, nonce: 'A'.repeat(43) }, 'acme', 'secret', uri)]));
  await c.response(401, 'INVITE', e.callId);
});

test('through the trunk, a number of another tenant is 404; over quota is 486', async (t) => {
  const c = await client('127.0.0.2', t);
  const a = new Uac(c, BETA);
  c.send(a.invite());
  const r = await c.response(404, 'INVITE', a.callId);
  c.send(a.ack(404, r.to.tag));

  await db.withPlatform((tx) => tx`update tenants set quotas = '{"max_concurrent_calls": 0}' where id = ${acmeId}`);
  const b = new Uac(c, ACME);
  c.send(b.invite());
  const busy = await c.response(486, 'INVITE', b.callId);
  c.send(b.ack(486, busy.to.tag));
});
