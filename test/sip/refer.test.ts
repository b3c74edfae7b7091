// Blind transfer of SIP calls by REFER, asked for by the agent (MediaControl transfer) and carried out by
// the gateway that holds the dialog:
//  - sipp as the caller accepts the REFER (202), NOTIFYs 100 then 200: the transfer is reported ok, we
//    leave the call with BYE and it ends as TRANSFERRED;
//  - a raw caller: the REFER names the target at the caller's host (Referred-By, Contact); a failed
//    transfer (sipfrag 486) and a refused REFER (403) are reported and the call goes on; a bad target is
//    refused without a REFER; a stray NOTIFY gets 481.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { uap, subjects, DISPATCH_QUEUE } from '../../proto/index.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { SipMedia, RtpClock } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics, buildResponse, serializeMessage, getHeader, type SipGateway } from '../../signaling/sip/index.ts';
import type { Router } from '../../signaling/routing.ts';
import { requireSipp, runSipp, explain } from './sipp.ts';
import { loopbackSipMedia, randomPortPool, writeToneUlaw, TEST_SIP_TIMERS } from './harness.ts';
import { UdpSipClient, Uac } from './udp-sip-client.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NUMBER = '+15550002222';
const TARGET = '+15559990000';
let bus: InProcBus;
let ticker: SharedTicker;
let clock: RtpClock;
let sipMedia: SipMedia;
let gateway: SipGateway;
let dir: string;
const events: uap.CallEvent[] = [];
const dispatched: uap.DispatchRequest[] = [];
let stopConsumer: () => Promise<void>;

before(async () => {
  requireSipp();
  bus = new InProcBus();
  const registry = new Registry();
  const log = createLogger(process.env.LOG_LEVEL ?? 'silent');
  ticker = new SharedTicker(5);
  clock = new RtpClock();
  sipMedia = loopbackSipMedia({ bus, registry, log, ticker, clock, pool: randomPortPool(54000) });
  const router: Router = { lookup: async (n) => (n === NUMBER ? { tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: {} } : undefined) };
  gateway = await startSipGateway({ host: '127.0.0.1', port: 0, publicAddress: '127.0.0.1', log, metrics: createSipMetrics(registry), router, media: sipMedia, bus, timers: TEST_SIP_TIMERS });
  bus.subscribe(subjects.dispatch, (m) => {
    dispatched.push(uap.DispatchRequest.decode(m.data));
    m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'w', sampleRate: 16000 }).finish());
  }, { queue: DISPATCH_QUEUE });
  const consumer = await bus.consumeDurable({ durable: 'refer-test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  stopConsumer = () => consumer.stop();
  dir = mkdtempSync(join(tmpdir(), 'uap-sipp-refer-'));
  writeToneUlaw(dir);
});

after(async () => {
  await gateway?.close(300);
  sipMedia?.closeAll();
  clock?.stop();
  ticker?.stop();
  await stopConsumer?.();
  await bus?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function waitFor<T>(fn: () => T | undefined | false | null, what: string, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The agent of the call dispatched after `seen` asks for a transfer. */
async function agentTransfers(seen: number, target: string): Promise<string> {
  const d = await waitFor(() => dispatched[seen], 'dispatch');
  bus.publish(subjects.control(d.callId), uap.MediaControl.encode({ callId: d.callId, transfer: { target } }).finish());
  return d.callId;
}

const outcomes = (callId: string) => events.filter((e) => e.callId === callId && e.transfer).map((e) => e.transfer!);

test('sipp accepts the REFER and reports 100 then 200: transferred, we leave with BYE', async () => {
  const seen = dispatched.length;
  const sipp = runSipp({ scenario: 'uac-refer.xml', target: { address: '127.0.0.1', port: gateway.port }, service: NUMBER, cwd: dir });
  const callId = await agentTransfers(seen, TARGET);
  const run = await sipp;
  assert.equal(run.code, 0, explain(run));
  const o = await waitFor(() => outcomes(callId)[0], 'transfer outcome');
  assert.deepEqual([o.ok, o.target], [true, TARGET]);
  const ended = await waitFor(() => events.find((e) => e.callId === callId && e.ended)?.ended, 'ended');
  assert.equal(ended.reason, uap.EndReason.TRANSFERRED);
});

test('a raw caller: REFER headers; a failed transfer and a refused REFER leave the call up; bad targets; stray NOTIFY', async (t) => {
  const c = await UdpSipClient.open({ address: '127.0.0.1', port: gateway.port });
  t.after(() => c.close());
  const a = new Uac(c, NUMBER);
  const seen = dispatched.length;
  c.send(a.invite());
  const ok = await c.response(200, 'INVITE', a.callId);
  a.toTag = ok.to.tag;
  c.send(a.ack(200));
  const respond = (req: Parameters<typeof buildResponse>[0], status: number) => c.send(serializeMessage(buildResponse(req, status)));
  const notify = (frag: string, cseq: number) =>
    c.send([`NOTIFY sip:uap@127.0.0.1:${gateway.port} SIP/2.0`, `Via: SIP/2.0/UDP 127.0.0.1:${c.port};branch=z9hG4bK-n${cseq}-${Date.now()};rport`, `From: <sip:+15550001111@127.0.0.1:${c.port}>;tag=${a.fromTag}`,
      `To: <sip:${NUMBER}@127.0.0.1>;tag=${a.toTag}`, `Call-ID: ${a.callId}`, `CSeq: ${cseq} NOTIFY`, 'Event: refer', 'Subscription-State: terminated', 'Content-Type: message/sipfrag', `Content-Length: ${frag.length}`, '', frag].join('\r\n'));

  // A NOTIFY with no transfer under way has no subscription.
  notify('SIP/2.0 200 OK', 10);
  await c.response(481, 'NOTIFY', a.callId);

  // Transfer 1: accepted, then the target is busy.
  const callId = await agentTransfers(seen, TARGET);
  const refer = await c.waitFor(() => c.requests('REFER')[0], 'REFER');
  assert.equal(getHeader(refer, 'Refer-To'), `<sip:${TARGET}@127.0.0.1:${c.port}>`);
  assert.equal(getHeader(refer, 'Referred-By'), `<sip:127.0.0.1:${gateway.port}>`);
  assert.ok(getHeader(refer, 'Contact'));
  assert.equal(refer.to.tag, a.fromTag);
  respond(refer, 202);
  notify('SIP/2.0 100 Trying', 11);
  await c.response(200, 'NOTIFY', a.callId);
  notify('SIP/2.0 486 Busy Here', 12);
  const first = await waitFor(() => outcomes(callId)[0], 'first outcome');
  assert.deepEqual([first.ok, first.errorCode], [false, 'TRANSFER_FAILED']);

  // Transfer 2: the caller refuses the REFER.
  bus.publish(subjects.control(callId), uap.MediaControl.encode({ callId, transfer: { target: 'sip:desk@example.com' } }).finish());
  const refer2 = await c.waitFor(() => c.requests('REFER')[1], 'second REFER');
  assert.equal(getHeader(refer2, 'Refer-To'), '<sip:desk@example.com>');
  respond(refer2, 403);
  const second = await waitFor(() => outcomes(callId)[1], 'second outcome');
  assert.deepEqual([second.ok, second.errorCode], [false, 'TRANSFER_REJECTED']);

  // A target that is neither E.164 nor a SIP URI: no REFER at all.
  bus.publish(subjects.control(callId), uap.MediaControl.encode({ callId, transfer: { target: 'javascript:alert(1)' } }).finish());
  const third = await waitFor(() => outcomes(callId)[2], 'third outcome');
  assert.equal(third.ok, false);
  assert.equal(c.requests('REFER').length, 2);

  // The call is still up; the caller hangs up.
  assert.equal(events.some((e) => e.callId === callId && e.ended), false);
  c.send(a.bye());
  await c.response(200, 'BYE', a.callId);
  assert.equal((await waitFor(() => events.find((e) => e.callId === callId && e.ended)?.ended, 'ended')).reason, uap.EndReason.CALLER_HANGUP);
});
