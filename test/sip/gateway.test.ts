// The gateway's call flow against a bare UDP SIP peer (no sipp needed): routing failures map to SIP
// statuses, no RTP port → 503, and the media side ending the call (RTP inactivity, no agent) sends BYE.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { UapError } from '../../lib/errors.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../../proto/index.ts';
import { createMediaMetrics } from '../../media/metrics.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { SipMedia, PortPool, RtpClock, createRtpMetrics } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics, getHeader } from '../../signaling/sip/index.ts';
import { RouteRefusedError, type Router } from '../../signaling/routing.ts';
import { UdpSipClient, Uac } from './udp-sip-client.ts';

async function setup(t: TestContext, o: { router?: Router; agent?: boolean; ports?: number; rtpTimeoutMs?: number } = {}) {
  const bus = new InProcBus();
  const registry = new Registry();
  const log = createLogger('silent');
  const ticker = new SharedTicker(5);
  const clock = new RtpClock();
  const base = 36000 + 2 * Math.floor(Math.random() * 4000);
  const pool = new PortPool(base, base + 2 * ((o.ports ?? 10) - 1));
  const media = new SipMedia({
    bindHost: '127.0.0.1',
    publicAddress: '127.0.0.1',
    pool,
    clock,
    rtpMetrics: createRtpMetrics(registry),
    inactivityTimeoutMs: o.rtpTimeoutMs ?? 10_000,
    sessionDeps: { bus, metrics: createMediaMetrics(registry, 'sip'), ticker },
    internalRate: 16000,
    leadMs: 100,
    queueMaxMs: 5000,
    dispatchTimeoutMs: 100,
    log,
  });
  const router: Router = o.router ?? { lookup: async () => ({ tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: { greeting: 'hi' } }) };
  const dispatched: uap.DispatchRequest[] = [];
  if (o.agent !== false) {
    bus.subscribe(subjects.dispatch, (m) => {
      dispatched.push(uap.DispatchRequest.decode(m.data));
      m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'w', sampleRate: 16000 }).finish());
    }, { queue: DISPATCH_QUEUE });
  }
  const events: uap.CallEvent[] = [];
  const consumer = await bus.consumeDurable({ durable: 'gw-test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  const gw = await startSipGateway({ host: '127.0.0.1', port: 0, publicAddress: '127.0.0.1', log, metrics: createSipMetrics(registry), router, media, bus, timers: { t1: 50, t2: 400, t4: 200 } });
  const client = await UdpSipClient.open({ address: '127.0.0.1', port: gw.port });
  t.after(async () => {
    client.close();
    await gw.close(200);
    media.closeAll();
    clock.stop();
    ticker.stop();
    await consumer.stop();
    await bus.close();
  });
  return { gw, client, pool, events, dispatched };
}

test('routing unavailable → 503 with Retry-After; a suspended tenant → 403 and a REFUSED event', async (t) => {
  const router: Router = {
    async lookup(n) {
      if (n === 'down') throw new UapError('ROUTING_UNAVAILABLE', 'no api', { retryable: true });
      throw new RouteRefusedError('TENANT_SUSPENDED', 'acme');
    },
  };
  const { client, events } = await setup(t, { router });
  const a = new Uac(client, 'down');
  client.send(a.invite());
  const busy = await client.response(503, 'INVITE', a.callId);
  assert.equal(getHeader(busy, 'Retry-After'), '10');
  client.send(a.ack(503, busy.to.tag));
  const b = new Uac(client, '+15550001234');
  client.send(b.invite());
  await client.response(403, 'INVITE', b.callId);
  await client.waitFor(() => events.some((e) => e.ended?.reason === uap.EndReason.REFUSED), 'REFUSED event');
});

test('no free RTP port → 503', async (t) => {
  const { client, pool } = await setup(t, { ports: 1 });
  assert.notEqual(pool.acquire(), undefined); // the only port is taken
  const a = new Uac(client);
  client.send(a.invite());
  await client.response(180, 'INVITE', a.callId);
  await client.response(503, 'INVITE', a.callId);
});

test('answered call: dispatch carries the route; no RTP for the timeout → BYE and TRANSPORT_LOST; the port is freed', async (t) => {
  const { client, pool, events, dispatched } = await setup(t, { rtpTimeoutMs: 300 });
  const a = new Uac(client);
  client.send(a.invite());
  const ok = await client.response(200, 'INVITE', a.callId);
  a.toTag = ok.to.tag;
  client.send(a.ack(200));
  await client.waitFor(() => dispatched.length === 1, 'dispatch');
  assert.equal(dispatched[0].transport, 'sip');
  assert.equal(dispatched[0].to, '+15550002222');
  assert.equal(dispatched[0].agentConfigJson, '{"greeting":"hi"}');
  const bye = await client.waitFor(() => client.requests('BYE')[0], 'BYE after RTP inactivity', 3000);
  client.send(Uac.ok(bye));
  const ended = await client.waitFor(() => events.find((e) => e.ended)?.ended, 'ended event');
  assert.equal(ended!.reason, uap.EndReason.TRANSPORT_LOST);
  await client.waitFor(() => pool.used === 0, 'port released');
});

test('no agent takes the call → BYE (NO_AGENT)', async (t) => {
  const { client, events } = await setup(t, { agent: false });
  const a = new Uac(client);
  client.send(a.invite());
  const ok = await client.response(200, 'INVITE', a.callId);
  a.toTag = ok.to.tag;
  client.send(a.ack(200));
  const bye = await client.waitFor(() => client.requests('BYE')[0], 'BYE', 5000);
  client.send(Uac.ok(bye));
  const ended = await client.waitFor(() => events.find((e) => e.ended)?.ended, 'ended event');
  assert.equal(ended!.reason, uap.EndReason.NO_AGENT);
});
