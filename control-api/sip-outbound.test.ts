// POST /voice/calls/initiate with a trunkId: the call goes through the tenant's SIP trunk via a SIP
// gateway on the bus.
//  - with a scripted gateway (PostgreSQL and PGlite): what the gateway is asked (host, port, transport,
//    opened credentials, caller id, agent config), the call row, 400s on the fields, 503 with no gateway or
//    when it cannot, the gateway's refusals, quotas, ending a SIP call (a Hangup on its control subject);
//  - end to end (PostgreSQL): the real gateway calls sipp, which challenges (MD5) and answers.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcBus } from '../lib/bus/inproc.ts';
import { Registry } from '../lib/metrics.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../proto/index.ts';
import { createMediaMetrics } from '../media/metrics.ts';
import { SharedTicker } from '../media/session/ticker.ts';
import { SipMedia, PortPool, RtpClock, createRtpMetrics } from '../media/rtp/index.ts';
import { startSipGateway, createSipMetrics } from '../signaling/sip/index.ts';
import { requireSipp, startSippUas, explain } from '../test/sip/sipp.ts';
import { setupApi, json, type Backend } from './test-support.ts';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

const PASSWORD = 'correct horse battery';
const CALLEE = '+15557770000';

function problem(r: { statusCode: number; body: string }, status: number, code: string): any {
  assert.equal(r.statusCode, status, r.body);
  const p = json(r);
  assert.equal(p.code, code, r.body);
  return p;
}

async function tenantWithTrunk(call: Awaited<ReturnType<typeof setupApi>>['call'], trunk: Record<string, unknown>) {
  const A = json(await call('POST', '/auth/register', { body: { tenantName: 'Acme', tenantSlug: 'acme', email: 'ann@acme.test', password: PASSWORD } }));
  const agent = json(await call('POST', '/agent-configs', { token: A.accessToken, body: { name: 'main', kind: 'echo', prompt: 'be brief', settings: { greeting: 'hi' } } }));
  const t = await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'carrier', ...trunk } });
  assert.equal(t.statusCode, 201, t.body);
  return { A, agentId: agent.id as string, trunkId: json(t).id as string };
}

for (const kind of ['postgres', 'pglite'] as Backend[]) {
  test(`SIP trunk calls through the API with a scripted gateway, on ${kind}`, { timeout: 60_000 }, async (t) => {
    const bus = new InProcBus();
    closers.push(() => bus.close());
    const h = await setupApi(kind, { bus });
    closers.push(h.close);
    const { call, db } = h;
    const { A, agentId, trunkId } = await tenantWithTrunk(call, { outboundHost: 'sip.carrier.test', outboundPort: 5070, outboundTransport: 'udp', outboundAuth: { username: 'acme-out', password: 'pw-out' }, fromNumber: '+15550001111' });
    const initiate = (body: Record<string, unknown>) => call('POST', '/voice/calls/initiate', { token: A.accessToken, body });

    await t.test('no gateway on the bus: 503, and the call is recorded as failed', async () => {
      const p = problem(await initiate({ trunkId, to: CALLEE, agentConfigId: agentId }), 503, 'UNAVAILABLE');
      assert.match(p.detail, /SIP_ENABLED/);
      const [row] = await db.withPlatform((tx) => tx<{ status: string; end_reason: string }[]>`select status, end_reason from calls where id like 'sip_%' order by started_at desc limit 1`);
      assert.deepEqual({ ...row }, { status: 'failed', end_reason: 'NO_SIP_GATEWAY' });
    });

    const asked: uap.SipOriginate[] = [];
    let script: uap.ISipOriginateReply = { accepted: true, sipCallId: 'abc@127.0.0.1' };
    const sub = bus.subscribe(subjects.sipOriginate, (m) => {
      asked.push(uap.SipOriginate.decode(m.data));
      m.respond(uap.SipOriginateReply.encode(script).finish());
    });
    t.after(() => sub.unsubscribe());

    let callId = '';
    await t.test('placed: the gateway gets the trunk, opened credentials, caller id and agent config; 201 initiated', async () => {
      const r = await initiate({ trunkId, to: CALLEE, agentConfigId: agentId, metadata: { crm: 42 } });
      assert.equal(r.statusCode, 201, r.body);
      const c = json(r);
      callId = c.id;
      assert.match(c.id, /^sip_[A-Za-z0-9_-]{16}$/);
      assert.deepEqual([c.direction, c.from, c.to, c.status, c.providerCallId, c.agentConfigId, c.metadata.crm, c.metadata.transport, c.metadata.outbound.trunkId],
        ['outbound', '+15550001111', CALLEE, 'initiated', 'abc@127.0.0.1', agentId, 42, 'sip', trunkId]);
      const q = asked.at(-1)!;
      assert.deepEqual([q.callId, q.tenantId, q.to, q.from, q.trunkId, q.host, q.port, q.transport, q.authUsername, q.authPassword, q.agentKind, q.agentConfigId],
        [c.id, A.tenantId, CALLEE, '+15550001111', trunkId, 'sip.carrier.test', 5070, 'udp', 'acme-out', 'pw-out', 'echo', agentId]);
      assert.deepEqual(JSON.parse(q.agentConfigJson), { greeting: 'hi', prompt: 'be brief', tools: [] });
      assert.doesNotMatch(r.body, /pw-out/);
    });

    await t.test('ending a SIP call publishes a Hangup on its control subject', async () => {
      const got: uap.MediaControl[] = [];
      const s = bus.subscribe(subjects.control(callId), (m) => got.push(uap.MediaControl.decode(m.data)));
      const r = await call('POST', `/voice/calls/${callId}/end`, { token: A.accessToken });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(json(r).endReason, 'API_HANGUP');
      assert.equal(got.length, 1);
      assert.ok(got[0].hangup);
      s.unsubscribe();
    });

    await t.test('fields: foreign or inbound-only trunk, no caller id, no agent config, machine detection', async () => {
      problem(await initiate({ trunkId: '00000000-0000-4000-8000-000000000000', to: CALLEE }), 400, 'BAD_REQUEST');
      const inOnly = json(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'in-only', inboundSources: ['10.0.0.0/8'] } })).id;
      assert.equal(problem(await initiate({ trunkId: inOnly, to: CALLEE }), 400, 'BAD_REQUEST').errors[0].path, '/trunkId');
      const bare = json(await call('POST', '/sip-trunks', { token: A.accessToken, body: { name: 'bare', outboundHost: '10.0.0.1' } })).id;
      assert.equal(problem(await initiate({ trunkId: bare, to: CALLEE, agentConfigId: agentId }), 400, 'BAD_REQUEST').errors[0].path, '/from');
      assert.equal(problem(await initiate({ trunkId, to: CALLEE }), 400, 'BAD_REQUEST').errors[0].path, '/agentConfigId', "the trunk's fromNumber routes nowhere");
      problem(await initiate({ trunkId, to: CALLEE, agentConfigId: agentId, machineDetection: 'Enable' }), 400, 'VALIDATION_FAILED');
      problem(await initiate({ trunkId: 'nope', to: CALLEE }), 400, 'VALIDATION_FAILED');
      assert.equal(problem(await initiate({ to: CALLEE }), 400, 'VALIDATION_FAILED').errors[0].path, '/from', 'Twilio calls still need from');
    });

    await t.test("the gateway's refusals: bad target → 400 on the trunk, no port → 503 retryable", async () => {
      script = { accepted: false, errorCode: 'UNRESOLVABLE_HOST', errorMessage: 'sip.carrier.test does not resolve' };
      assert.equal(problem(await initiate({ trunkId, to: CALLEE, agentConfigId: agentId }), 400, 'BAD_REQUEST').errors[0].path, '/trunkId');
      script = { accepted: false, errorCode: 'NO_MEDIA_PORT', errorMessage: 'no RTP port free' };
      const r = await initiate({ trunkId, to: CALLEE, agentConfigId: agentId });
      problem(r, 503, 'UNAVAILABLE');
      assert.equal(r.headers['retry-after'], '5');
      script = { accepted: true, sipCallId: 'x@y' };
    });

    await t.test('quota: a tenant at its limit gets 429', async () => {
      await db.withPlatform((tx) => tx`update tenants set quotas = '{"max_concurrent_calls": 0}' where id = ${A.tenantId}`);
      problem(await initiate({ trunkId, to: CALLEE, agentConfigId: agentId }), 429, 'RATE_LIMITED');
    });
  });
}

test('end to end: the API places a call through the real gateway to sipp, which challenges (MD5) and answers', { timeout: 60_000 }, async (t) => {
  requireSipp();
  const bus = new InProcBus();
  closers.push(() => bus.close());
  const h = await setupApi('postgres', { bus });
  closers.push(h.close);
  const registry = new Registry();
  const ticker = new SharedTicker(5);
  const clock = new RtpClock();
  const base = 50000 + 2 * Math.floor(Math.random() * 2000);
  const media = new SipMedia({
    bindHost: '127.0.0.1', publicAddress: '127.0.0.1', pool: new PortPool(base, base + 20), clock, rtpMetrics: createRtpMetrics(registry), inactivityTimeoutMs: 10_000,
    sessionDeps: { bus, metrics: createMediaMetrics(registry, 'sip'), ticker }, internalRate: 16000, leadMs: 100, queueMaxMs: 5000, dispatchTimeoutMs: 1000, log: h.log,
  });
  const gateway = await startSipGateway({ host: '127.0.0.1', port: 0, publicAddress: '127.0.0.1', log: h.log, metrics: createSipMetrics(registry), router: { lookup: async () => undefined }, media, bus });
  closers.push(async () => {
    await gateway.close(300);
    media.closeAll();
    clock.stop();
    ticker.stop();
  });
  // The agent takes the call and hangs up after a moment.
  const dispatched: uap.DispatchRequest[] = [];
  bus.subscribe(subjects.dispatch, (m) => {
    const req = uap.DispatchRequest.decode(m.data);
    dispatched.push(req);
    m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'w', sampleRate: 16000 }).finish());
    setTimeout(() => bus.publish(subjects.control(req.callId), uap.MediaControl.encode({ callId: req.callId, hangup: { reason: 'bye' } }).finish()), 500);
  }, { queue: DISPATCH_QUEUE });
  const dir = mkdtempSync(join(tmpdir(), 'uap-api-sipp-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const uas = await startSippUas({ scenario: 'uas-auth.xml', cwd: dir, timeoutS: 15 });
  const { A, agentId, trunkId } = await tenantWithTrunk(h.call, { outboundHost: '127.0.0.1', outboundPort: uas.port, outboundAuth: { username: 'acme', password: 'secret' }, fromNumber: '+15550001111' });
  const r = await h.call('POST', '/voice/calls/initiate', { token: A.accessToken, body: { trunkId, to: CALLEE, agentConfigId: agentId } });
  assert.equal(r.statusCode, 201, r.body);
  const run = await uas.done;
  assert.equal(run.code, 0, explain(run));
  const d = dispatched.find((x) => x.callId === json(r).id);
  assert.ok(d, 'the answered call was dispatched to an agent');
  assert.deepEqual([d.transport, d.to, d.from, d.agentKind], ['sip', CALLEE, '+15550001111', 'echo']);
});
