// Outbound calls through a trunk (UAC), asked for on `sip.originate` as the control API does:
//  A. sipp -sn uas (-rtp_echo) as the carrier: INVITE with our offer, 180, 200, ACK; the call joins a
//     media session and is dispatched like an inbound one (direction outbound); the agent's audio reaches
//     the carrier and comes back; the agent hangs up → BYE.
//  B. a carrier that challenges (sipp verifyauth, MD5): the INVITE again with credentials is answered.
//  C. nobody answers within the ring timeout: CANCEL, 487 acknowledged, status no-answer.
//  D. a raw carrier: a SHA-256 challenge answered; its BYE ends the call (CALLER_HANGUP); 486 → busy; the
//     API's hangup before the answer cancels (canceled); bad requests are refused without a call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcBus } from '../../lib/bus/inproc.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { digestResponse } from '../../lib/digest.ts';
import { uap, subjects, DISPATCH_QUEUE, decodeAudioFrame, newAudioFrameView } from '../../proto/index.ts';
import { pcmSamples } from '../../lib/pcm.ts';
import { SharedTicker } from '../../media/session/ticker.ts';
import { SipMedia, RtpClock } from '../../media/rtp/index.ts';
import { startSipGateway, createSipMetrics, buildResponse, serializeMessage, getHeader, type SipGateway, type ParsedRequest } from '../../signaling/sip/index.ts';
import { parseCredentials } from '../../signaling/sip/digest.ts';
import type { Router } from '../../signaling/routing.ts';
import { requireSipp, startSippUas, explain } from './sipp.ts';
import { loopbackSipMedia, randomPortPool, TEST_SIP_TIMERS } from './harness.ts';
import { UdpSipClient } from './udp-sip-client.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let bus: InProcBus;
let ticker: SharedTicker;
let clock: RtpClock;
let sipMedia: SipMedia;
let gateway: SipGateway;
let dir: string;
const events: uap.CallEvent[] = [];
const dispatched: uap.DispatchRequest[] = [];
const framesIn = new Map<string, Uint8Array[]>();
/** Calls whose agent hangs up after this long (ms); others wait for the far end. */
const agentHangupAfter = new Map<string, number>();
let stopConsumer: () => Promise<void>;
let n = 0;

before(async () => {
  requireSipp();
  bus = new InProcBus();
  const registry = new Registry();
  const log = createLogger(process.env.LOG_LEVEL ?? 'silent');
  ticker = new SharedTicker(5);
  clock = new RtpClock();
  sipMedia = loopbackSipMedia({ bus, registry, log, ticker, clock, pool: randomPortPool(46000) });
  const router: Router = { lookup: async () => undefined };
  gateway = await startSipGateway({ host: '127.0.0.1', port: 0, publicAddress: '127.0.0.1', log, metrics: createSipMetrics(registry), router, media: sipMedia, bus, timers: TEST_SIP_TIMERS });
  // The agent: takes the call, speaks a tone (1 s of 16 kHz frames), records what it hears.
  bus.subscribe(subjects.dispatch, (m) => {
    const req = uap.DispatchRequest.decode(m.data);
    dispatched.push(req);
    bus.subscribe(subjects.mediaIn(req.callId), (f) => {
      const list = framesIn.get(req.callId) ?? [];
      list.push(Uint8Array.from(f.data));
      framesIn.set(req.callId, list);
    });
    m.respond(uap.DispatchReply.encode({ accepted: true, workerId: 'w', sampleRate: 16000 }).finish());
    void (async () => {
      for (let i = 0; i < 50; i++) {
        const pcm = new Int16Array(320).map((_, k) => Math.round(Math.sin((2 * Math.PI * 440 * (i * 320 + k)) / 16000) * 9000));
        bus.publish(subjects.mediaOut(req.callId), uap.AudioFrame.encode({ callId: req.callId, seq: i + 1, sampleRate: 16000, pcm: new Uint8Array(pcm.buffer) }).finish());
        await sleep(20);
      }
      const after = agentHangupAfter.get(req.callId);
      if (after !== undefined) {
        await sleep(after);
        bus.publish(subjects.control(req.callId), uap.MediaControl.encode({ callId: req.callId, hangup: { reason: 'done' } }).finish());
      }
    })();
  }, { queue: DISPATCH_QUEUE });
  const consumer = await bus.consumeDurable({ durable: 'out-test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  stopConsumer = () => consumer.stop();
  dir = mkdtempSync(join(tmpdir(), 'uap-sipp-out-'));
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

async function waitFor<T>(fn: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function originate(port: number, extra: Partial<uap.ISipOriginate> = {}): Promise<{ callId: string; reply: uap.SipOriginateReply }> {
  const callId = `sip_out_${++n}_${Date.now()}`;
  const req = uap.SipOriginate.encode({
    callId, tenantId: 'acme', to: '+15557770000', from: '+15550001111', trunkId: 't1', host: '127.0.0.1', port, transport: 'udp',
    agentKind: 'echo', agentConfigId: 'cfg', agentConfigJson: '{"greeting":"hi"}', ...extra,
  }).finish();
  const reply = uap.SipOriginateReply.decode(await bus.request(subjects.sipOriginate, req, { timeoutMs: 3000 }));
  return { callId, reply };
}

const statusesOf = (callId: string) => events.filter((e) => e.callId === callId && e.providerStatus).map((e) => e.providerStatus!.status);
const endedOf = (callId: string) => events.find((e) => e.callId === callId && e.ended)?.ended ?? undefined;

function rms(pcm: Int16Array): number {
  let s = 0;
  for (const v of pcm) s += v * v;
  return Math.sqrt(s / Math.max(1, pcm.length));
}

test('A: sipp -sn uas as the carrier: answered, dispatched like inbound, audio both ways, our BYE', async () => {
  const uas = await startSippUas({ scenario: 'uas', builtin: true, cwd: dir, extraArgs: ['-rtp_echo'] });
  const { callId, reply } = await originate(uas.port);
  agentHangupAfter.set(callId, 500);
  assert.equal(reply.accepted, true, reply.errorMessage);
  assert.match(reply.sipCallId, /@127\.0\.0\.1$/);
  const run = await uas.done;
  assert.equal(run.code, 0, explain(run));
  const d = await waitFor(() => dispatched.find((x) => x.callId === callId), 'dispatch');
  assert.deepEqual([d.transport, d.from, d.to, d.tenantId, d.agentKind, d.agentConfigJson], ['sip', '+15550001111', '+15557770000', 'acme', 'echo', '{"greeting":"hi"}']);
  const started = events.find((e) => e.callId === callId && e.started)!.started!;
  assert.deepEqual([started.transport, started.direction, started.providerCallId], ['sip', 'outbound', reply.sipCallId]);
  assert.deepEqual(statusesOf(callId), ['ringing']);
  const ended = await waitFor(() => endedOf(callId), 'ended');
  assert.equal(ended.reason, uap.EndReason.AGENT_HANGUP);
  // The agent's tone went to the carrier, which echoed it back.
  const frames = framesIn.get(callId) ?? [];
  assert.ok(frames.length >= 30, `${frames.length} frames heard`);
  const loudest = Math.max(...frames.map((f) => rms(pcmSamples(decodeAudioFrame(f, newAudioFrameView()).pcm))));
  assert.ok(loudest > 3000, `the echoed tone came back (rms ${loudest.toFixed(0)})`);
});

test('B: a carrier that challenges (MD5, sipp verifyauth): the INVITE again with credentials is answered', async () => {
  const uas = await startSippUas({ scenario: 'uas-auth.xml', cwd: dir, timeoutS: 10 });
  const { callId, reply } = await originate(uas.port, { authUsername: 'acme', authPassword: 'secret' });
  agentHangupAfter.set(callId, 0);
  assert.equal(reply.accepted, true);
  const run = await uas.done;
  assert.equal(run.code, 0, explain(run));
  const started = await waitFor(() => events.find((e) => e.callId === callId && e.started), 'started');
  assert.equal(started.started!.direction, 'outbound');
  assert.equal((await waitFor(() => endedOf(callId), 'ended')).reason, uap.EndReason.AGENT_HANGUP);
});

test('C: nobody answers within the ring timeout: CANCEL, 487 acknowledged, no-answer', async () => {
  const uas = await startSippUas({ scenario: 'uas-ring.xml', cwd: dir, timeoutS: 10 });
  const { callId, reply } = await originate(uas.port, { ringTimeoutS: 1 });
  assert.equal(reply.accepted, true);
  const run = await uas.done;
  assert.equal(run.code, 0, explain(run));
  await waitFor(() => statusesOf(callId).includes('no-answer'), 'no-answer status');
  assert.deepEqual(statusesOf(callId), ['ringing', 'no-answer']);
  assert.equal(events.some((e) => e.callId === callId && e.started), false, 'never started');
});

/** A raw carrier on a UDP socket: answers our requests the way a test wants. */
async function rawCarrier(t: { after(fn: () => void): void }) {
  const c = await UdpSipClient.open({ address: '127.0.0.1', port: gateway.port });
  t.after(() => c.close());
  const respond = (req: ParsedRequest, status: number, o: { toTag?: string; headers?: { name: string; value: string }[]; body?: string } = {}) =>
    c.send(serializeMessage(buildResponse(req, status, { toTag: o.toTag, headers: o.headers, body: o.body ? Buffer.from(o.body) : undefined })));
  const nextRequest = async (method: string, seen: number) => c.waitFor(() => c.requests(method)[seen], `${method} #${seen + 1}`, 5000);
  return { c, respond, nextRequest };
}

const answerSdp = (port: number) => ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port} RTP/AVP 0 101`, 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', ''].join('\r\n');

test('D: a raw carrier: SHA-256 challenge answered, its BYE ends the call; 486 is busy; hangup before answer cancels; bad requests refused', async (t) => {
  const { c, respond, nextRequest } = await rawCarrier(t);
  // SHA-256 challenge.
  const a = await originate(c.port, { authUsername: 'acme', authPassword: 's3cr3t' });
  assert.equal(a.reply.accepted, true);
  const inv1 = await nextRequest('INVITE', 0);
  assert.equal(getHeader(inv1, 'Content-Type'), 'application/sdp');
  assert.match(inv1.body.toString(), /m=audio \d+ RTP\/AVP 9 0 8 101\r\na=rtpmap:9 G722\/8000/);
  assert.match(inv1.uri, /^sip:\+15557770000@127\.0\.0\.1:\d+$/);
  respond(inv1, 401, { toTag: 'c1', headers: [{ name: 'WWW-Authenticate', value: 'Digest realm="carrier", nonce="abc123", algorithm=SHA-256, qop="auth", opaque="op"' }] });
  await nextRequest('ACK', 0);
  const inv2 = await nextRequest('INVITE', 1);
  assert.equal(inv2.cseq.seq, 2);
  assert.equal(inv2.callId, inv1.callId);
  const cred = parseCredentials(getHeader(inv2, 'Authorization')!)!;
  assert.equal(cred.algorithm, 'SHA-256');
  assert.equal(cred.response, digestResponse({ algorithm: 'SHA-256', username: 'acme', realm: 'carrier', password: 's3cr3t', method: 'INVITE', uri: cred.uri, nonce: 'abc123', qop: 'auth', nc: cred.nc, cnonce: cred.cnonce }));
  respond(inv2, 180, { toTag: 'c2' });
  respond(inv2, 200, { toTag: 'c2', headers: [{ name: 'Contact', value: `<sip:carrier@127.0.0.1:${c.port}>` }], body: answerSdp(40002) });
  const ack = await nextRequest('ACK', 1);
  assert.equal(ack.cseq.seq, 2);
  await waitFor(() => events.find((e) => e.callId === a.callId && e.started), 'started');
  // The carrier hangs up.
  const bye = ['BYE sip:x@127.0.0.1 SIP/2.0', `Via: SIP/2.0/UDP 127.0.0.1:${c.port};branch=z9hG4bK-cbye;rport`, `From: ${getHeader(inv2, 'To')};tag=c2`, `To: ${getHeader(inv2, 'From')}`, `Call-ID: ${inv2.callId}`, 'CSeq: 1 BYE', 'Content-Length: 0', '', ''].join('\r\n');
  c.send(bye);
  await c.response(200, 'BYE', inv2.callId);
  assert.equal((await waitFor(() => endedOf(a.callId), 'ended')).reason, uap.EndReason.CALLER_HANGUP);

  // Busy.
  const b = await originate(c.port);
  const inv3 = await nextRequest('INVITE', 2);
  respond(inv3, 486, { toTag: 'c3' });
  await nextRequest('ACK', 2);
  await waitFor(() => statusesOf(b.callId).includes('busy'), 'busy');
  assert.match(events.find((e) => e.callId === b.callId && e.providerStatus?.status === 'busy')!.providerStatus!.rawJson ?? '', /"SipResponseCode":486/);

  // The API hangs up while it rings: CANCEL on the INVITE's branch, then 487 acknowledged.
  const d = await originate(c.port);
  const inv4 = await nextRequest('INVITE', 3);
  respond(inv4, 180, { toTag: 'c4' });
  await waitFor(() => statusesOf(d.callId).includes('ringing'), 'ringing');
  bus.publish(subjects.control(d.callId), uap.MediaControl.encode({ callId: d.callId, hangup: { reason: 'api' } }).finish());
  const cancel = await nextRequest('CANCEL', 0);
  assert.equal(cancel.via[0].branch, inv4.via[0].branch);
  respond(cancel, 200, { toTag: 'c4' });
  respond(inv4, 487, { toTag: 'c4' });
  await nextRequest('ACK', 3);
  await waitFor(() => statusesOf(d.callId).includes('canceled'), 'canceled');

  // Refused without a call.
  for (const bad of [{ host: 'not a host' }, { port: 0 }, { to: 'sip:evil' }, { callId: 'bad id' }, { transport: 'sctp' }]) {
    const r = await originate(c.port, bad);
    assert.deepEqual([r.reply.accepted, r.reply.errorCode], [false, 'BAD_TARGET'], JSON.stringify(bad));
  }
  assert.equal(c.requests('INVITE').length, 4);
});
