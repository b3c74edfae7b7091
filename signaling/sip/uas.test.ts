// The UAS over a real UDP socket against a bare UDP peer, with timers scaled down (T1 = 20 ms):
// transactions, retransmissions, dialogs, CANCEL, BYE both ways, error responses and drops for bad input.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { SipUas } from './uas.ts';
import { createSipMetrics } from './metrics.ts';
import { getHeader, type ParsedRequest } from './message.ts';
import { parseNameAddr } from './fields.ts';
import { parseSdp, negotiate, buildAnswer } from './sdp.ts';
import type { IncomingCall, InviteDecision, SipEndReason } from './call.ts';
import { Registry } from '../../lib/metrics.ts';
import { createLogger } from '../../lib/logger.ts';
import { UdpSipClient, Uac, sdpOffer } from '../../test/sip/udp-sip-client.ts';

const T1 = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Harness {
  uas: SipUas;
  client: UdpSipClient;
  calls: IncomingCall[];
  ended: SipEndReason[];
  registry: Registry;
  metric(name: string, labels: Record<string, string>): Promise<number>;
}

type Handler = (call: IncomingCall) => Promise<InviteDecision>;

const acceptAll: Handler = async (call) => {
  call.ringing();
  return { accept: { sdp: buildAnswer(call.offer, call.media, { address: '127.0.0.1', port: 41000, sessionId: '7' }) } };
};

async function setup(t: TestContext, handler: Handler = acceptAll, over: { inviteTimeoutMs?: number; maxMessageBytes?: number } = {}): Promise<Harness> {
  const registry = new Registry();
  const calls: IncomingCall[] = [];
  const ended: SipEndReason[] = [];
  const uas = await SipUas.listen({
    host: '127.0.0.1',
    port: 0,
    publicAddress: '127.0.0.1',
    log: createLogger('silent'),
    metrics: createSipMetrics(registry),
    timers: { t1: T1, t2: 8 * T1, t4: 5 * T1 },
    inviteTimeoutMs: over.inviteTimeoutMs,
    maxMessageBytes: over.maxMessageBytes,
    handler: (call) => {
      calls.push(call);
      call.onEnded = (r) => ended.push(r);
      return handler(call);
    },
  });
  const client = await UdpSipClient.open({ address: '127.0.0.1', port: uas.port });
  t.after(async () => {
    client.close();
    await uas.close(100);
  });
  const metric = async (name: string, labels: Record<string, string>) => {
    const m = registry.getSingleMetric(name);
    if (!m) return 0;
    const { values } = await m.get();
    return values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val))?.value ?? 0;
  };
  return { uas, client, calls, ended, registry, metric };
}

test('OPTIONS → 200 with Allow; unknown methods → 501; requests for unknown dialogs → 481', async (t) => {
  const { client, metric } = await setup(t);
  const uac = new Uac(client);
  client.send(uac.request('OPTIONS'));
  const ok = await client.response(200, 'OPTIONS');
  assert.equal(getHeader(ok, 'Allow'), 'INVITE, ACK, BYE, CANCEL, OPTIONS, NOTIFY');
  assert.ok(ok.to.tag, 'a final response outside a dialog carries a To tag');
  assert.equal(ok.via[0].params.rport, String(client.port), 'rport filled in (RFC 3581)');
  client.send(uac.request('FOO'));
  const nyi = await client.response(501, 'FOO');
  assert.equal(getHeader(nyi, 'Allow'), 'INVITE, ACK, BYE, CANCEL, OPTIONS, NOTIFY');
  client.send(uac.request('REGISTER'));
  await client.response(501, 'REGISTER');
  uac.toTag = 'nosuchtag';
  client.send(uac.bye());
  await client.response(481, 'BYE');
  client.send(uac.cancel());
  await client.response(481, 'CANCEL');
  client.send(uac.request('OPTIONS', 'nosuchtag'));
  await client.response(481, 'OPTIONS');
  client.send(uac.request('INVITE', 'nosuchtag'));
  await client.response(481, 'INVITE');
  client.send(uac.request('OPTIONS', undefined, ['Require: 100rel']));
  const ext = await client.response(420, 'OPTIONS');
  assert.equal(getHeader(ext, 'Unsupported'), '100rel');
  assert.equal(await metric('uap_sip_requests_total', { method: 'other' }), 1);
  assert.equal(await metric('uap_sip_responses_total', { status: '481' }), 4);
});

test('bad input: clean 4xx/5xx where the message can be answered, silent drops where not, all counted; the server keeps serving', async (t) => {
  const { client, metric } = await setup(t, acceptAll, { maxMessageBytes: 4096 });
  const uac = new Uac(client);
  const good = uac.request('OPTIONS');
  client.send('THIS IS NOT SIP\r\n\r\n');
  client.send(good.replace(/Call-ID: [^\r]*\r\n/, '')); // cannot be answered without a Call-ID
  client.send(Buffer.alloc(5000, 0x41));
  client.send(good.replace('Content-Length: 0', 'Content-Length: 50'));
  const truncated = await client.response(400, 'OPTIONS');
  assert.match(getHeader(truncated, 'Warning') ?? '', /TRUNCATED_BODY/);
  client.send(new Uac(client).request('OPTIONS').replace('Max-Forwards: 70', 'Max-Forwards: 70\r\n  folded'));
  await client.waitFor(() => client.responses((r) => r.status === 400).length === 2, 'folded header → 400');
  client.send(new Uac(client).request('OPTIONS').replace(/SIP\/2\.0\r\n/, 'SIP/3.0\r\n'));
  await client.response(505, 'OPTIONS');
  client.send(new Uac(client).request('OPTIONS').replace(/CSeq: (\d+) OPTIONS/, 'CSeq: $1 BYE'));
  await client.waitFor(() => client.responses((r) => r.status === 400).length === 3, 'CSeq mismatch → 400');
  // A burst of garbage: nothing crashes.
  for (let i = 0; i < 300; i++) {
    client.send(Buffer.from(Array.from({ length: 1 + ((i * 37) % 300) }, (_, j) => (i * 31 + j * 7) & 0xff)));
    if (i % 20 === 19) await sleep(2); // paced: loopback UDP drops what a busy receiver has no room for
  }
  client.send(new Uac(client).request('OPTIONS'));
  await client.waitFor(() => client.responses((r) => r.status === 200).length === 1, 'still answering');
  assert.equal(await metric('uap_sip_errors_total', { code: 'BAD_START_LINE' }) >= 1, true);
  assert.equal(await metric('uap_sip_errors_total', { code: 'MISSING_HEADER' }), 1);
  assert.equal(await metric('uap_sip_errors_total', { code: 'TOO_LARGE' }), 1);
  assert.equal(await metric('uap_sip_errors_total', { code: 'TRUNCATED_BODY' }), 1);
  assert.equal(await metric('uap_sip_errors_total', { code: 'INTERNAL' }), 0);
});

test('INVITE → 100, 180, 200 with SDP; the 200 is retransmitted until the ACK; BYE from the caller → 200 and the call ends', async (t) => {
  const { client, calls, ended, metric, uas } = await setup(t);
  const uac = new Uac(client);
  client.send(uac.invite(sdpOffer(40000)));
  const trying = await client.response(100, 'INVITE');
  assert.equal(trying.to.tag, undefined);
  const ringing = await client.response(180, 'INVITE');
  const ok = await client.response(200, 'INVITE');
  assert.ok(ringing.to.tag && ringing.to.tag === ok.to.tag, 'one To tag for the dialog');
  assert.equal(getHeader(ok, 'Content-Type'), 'application/sdp');
  assert.equal(parseNameAddr(getHeader(ok, 'Contact')!)!.uri, `sip:127.0.0.1:${uas.port}`);
  const answer = negotiate(parseSdp(ok.body))!;
  assert.equal(answer.codec, 'PCMU');
  assert.equal(answer.remotePort, 41000);
  assert.equal(calls[0].toUser, '+15550002222');
  assert.equal(calls[0].fromUser, '+15550001111');
  // No ACK yet: retransmissions at T1, 2·T1, 4·T1 …
  await client.waitFor(() => client.responses((r) => r.status === 200).length >= 3, '200 retransmissions', 1000);
  uac.toTag = ok.to.tag;
  let confirmed = false;
  calls[0].onConfirmed = () => (confirmed = true);
  client.send(uac.ack(200));
  await client.waitFor(() => confirmed, 'ACK handled');
  const count = client.responses((r) => r.status === 200).length;
  await sleep(10 * T1);
  assert.equal(client.responses((r) => r.status === 200).length, count, 'no retransmission after the ACK');
  assert.equal(uas.activeCalls, 1);
  const byeBranch = 'z9hG4bK-bye-fixed';
  client.send(uac.bye(byeBranch, 2));
  await client.response(200, 'BYE');
  assert.deepEqual(ended, ['remote-bye']);
  assert.equal(uas.activeCalls, 0);
  client.send(uac.bye(byeBranch, 2)); // a retransmitted BYE gets the same 200 again
  await client.waitFor(() => client.responses((r) => r.cseq.method === 'BYE').length === 2, 'cached BYE response');
  assert.equal(await metric('uap_sip_calls_total', { result: 'answered' }), 1);
  assert.ok((await metric('uap_sip_retransmissions_total', { kind: 'response' })) >= 2);
});

test('no ACK within 64·T1: the call ends (no-ack) and a BYE goes out, retransmitted until answered', async (t) => {
  const { client, ended } = await setup(t);
  const uac = new Uac(client);
  client.send(uac.invite());
  const ok = await client.response(200, 'INVITE');
  const bye = await client.waitFor(() => client.requests('BYE')[0], 'BYE after the 2xx timeout', 64 * T1 + 1000);
  assert.deepEqual(ended, ['no-ack']);
  assert.equal(bye.to.tag, uac.fromTag);
  assert.equal(bye.from.tag, ok.to.tag);
  await client.waitFor(() => client.requests('BYE').length >= 2, 'BYE retransmitted');
  client.send(Uac.ok(bye));
  await sleep(5);
  const n = client.requests('BYE').length;
  await sleep(10 * T1);
  assert.equal(client.requests('BYE').length, n, 'BYE retransmission stops at the 200');
});

test('CANCEL before the answer: 200 for the CANCEL, 487 for the INVITE (retransmitted until ACK); a late accept is released', async (t) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { client, calls, ended } = await setup(t, async (call) => {
    await gate;
    return acceptAll(call);
  });
  const uac = new Uac(client);
  client.send(uac.invite());
  await client.response(100, 'INVITE');
  client.send(uac.cancel());
  const cancelOk = await client.response(200, 'CANCEL');
  const terminated = await client.response(487, 'INVITE');
  assert.equal(cancelOk.to.tag, terminated.to.tag);
  assert.equal(calls[0].signal.aborted, true);
  await client.waitFor(() => client.responses((r) => r.status === 487).length >= 2, '487 retransmitted');
  client.send(uac.ack(487, terminated.to.tag));
  await sleep(5);
  const n = client.responses((r) => r.status === 487).length;
  await sleep(10 * T1);
  assert.equal(client.responses((r) => r.status === 487).length, n, 'the ACK stopped the 487');
  release();
  await client.waitFor(() => ended.length === 1, 'onEnded for the late accept');
  assert.deepEqual(ended, ['cancelled']);
  assert.equal(client.responses((r) => r.status === 200 && r.cseq.method === 'INVITE').length, 0, 'never answered');
  // A CANCEL after the final response still gets a 200, with no effect.
  client.send(uac.cancel());
  await client.waitFor(() => client.responses((r) => r.status === 200 && r.cseq.method === 'CANCEL').length >= 1, 'cancel ok');
});

test('rejections: the handler\'s status (404) with a To tag, the same answer to a retransmitted INVITE; 488, 415, 400 without the handler', async (t) => {
  const { client, calls } = await setup(t, async () => ({ reject: { status: 404 } }));
  const uac = new Uac(client);
  const inv = uac.invite();
  client.send(inv);
  const nf = await client.response(404, 'INVITE');
  assert.ok(nf.to.tag);
  client.send(inv);
  await client.waitFor(() => client.responses((r) => r.status === 404).length >= 2, 'resent 404');
  assert.ok(client.responses((r) => r.status === 404).every((r) => r.to.tag === nf.to.tag));
  client.send(uac.ack(404, nf.to.tag));
  assert.equal(calls.length, 1);

  const g729 = new Uac(client);
  client.send(g729.invite(sdpOffer(40000, '18', ['a=rtpmap:18 G729/8000'])));
  const nac = await client.response(488, 'INVITE', g729.callId);
  assert.match(getHeader(nac, 'Warning') ?? '', /^305 /);
  const noSdp = new Uac(client);
  client.send(noSdp.invite(''));
  await client.response(488, 'INVITE', noSdp.callId);
  const xml = new Uac(client);
  client.send(xml.invite('<xml/>', [], 'application/xml'));
  await client.response(415, 'INVITE', xml.callId);
  const noContact = new Uac(client);
  client.send(noContact.invite().replace(/Contact: [^\r]*\r\n/, ''));
  await client.response(400, 'INVITE', noContact.callId);
  assert.equal(calls.length, 1, 'refused before the handler');
});

test('local hangup: BYE to the Contact with our tag in From, theirs in To, retransmitted until answered; before the ACK it waits for it', async (t) => {
  const { client, calls, ended } = await setup(t);
  const uac = new Uac(client);
  client.send(uac.invite());
  const ok = await client.response(200, 'INVITE');
  uac.toTag = ok.to.tag;
  calls[0].hangup('agent said goodbye');
  assert.deepEqual(ended, ['local-bye']);
  await sleep(5 * T1);
  assert.equal(client.requests('BYE').length, 0, 'no BYE before the ACK');
  client.send(uac.ack(200));
  const bye = await client.waitFor(() => client.requests('BYE')[0], 'BYE');
  assert.equal(bye.uri, `sip:test@127.0.0.1:${client.port}`);
  assert.equal(bye.from.tag, ok.to.tag);
  assert.equal(bye.to.tag, uac.fromTag);
  assert.equal(bye.callId, uac.callId);
  assert.equal(bye.cseq.method, 'BYE');
  assert.ok(bye.via[0].branch?.startsWith('z9hG4bK'));
  assert.match(getHeader(bye, 'Reason') ?? '', /agent said goodbye/);
  await client.waitFor(() => client.requests('BYE').length >= 2, 'BYE retransmitted');
  client.send(Uac.ok(bye));
  calls[0].hangup('again'); // idempotent
  assert.deepEqual(ended, ['local-bye']);
});

test('re-INVITE in the dialog: 200 with the same answer, o= version up, media change reported', async (t) => {
  const { client, calls } = await setup(t);
  const uac = new Uac(client);
  client.send(uac.invite(sdpOffer(40000)));
  const ok = await client.response(200, 'INVITE');
  uac.toTag = ok.to.tag;
  client.send(uac.ack(200));
  const moved: number[] = [];
  calls[0].onReoffer = (m) => moved.push(m.remotePort);
  uac.cseq = 2;
  uac.inviteBranch = 'z9hG4bK-reinvite';
  const reinvite = uac.invite(sdpOffer(40010)).replace(/^To: ([^\r]*)/m, `To: $1;tag=${ok.to.tag}`);
  client.send(reinvite);
  const ok2 = await client.waitFor(() => client.responses((r) => r.status === 200 && r.cseq.seq === 2)[0], 're-INVITE 200');
  assert.match(ok2.body.toString(), /^o=- 7 2 IN IP4/m);
  assert.deepEqual(moved, [40010]);
  client.send(uac.ack(200));
});

test('re-INVITE changing the codec (G.722 → PCMA) and holding (sendonly): a fresh answer each time, same port, codec kept when still offered', async (t) => {
  const { client, calls } = await setup(t);
  const uac = new Uac(client);
  client.send(uac.invite(sdpOffer(40000, '9 0 101', ['a=rtpmap:9 G722/8000'])));
  const ok = await client.response(200, 'INVITE');
  assert.match(ok.body.toString(), /m=audio 41000 RTP\/AVP 9 101\r\na=rtpmap:9 G722\/8000/);
  uac.toTag = ok.to.tag;
  client.send(uac.ack(200));
  const seen: string[] = [];
  calls[0].onReoffer = (m) => seen.push(`${m.codec}/${m.payloadType}/${m.offerDirection}`);
  const reinvite = async (cseq: number, body: string) => {
    uac.cseq = cseq;
    uac.inviteBranch = `z9hG4bK-re${cseq}`;
    client.send(uac.invite(body).replace(/^To: ([^\r]*)/m, `To: $1;tag=${ok.to.tag}`));
    const res = await client.waitFor(() => client.responses((r) => r.cseq.seq === cseq && r.cseq.method === 'INVITE' && r.status >= 200)[0], `re-INVITE ${cseq}`);
    client.send(uac.ack(res.status));
    return res;
  };
  const a = await reinvite(2, sdpOffer(40000, '8 101'));
  assert.equal(a.status, 200);
  assert.match(a.body.toString(), /^o=- 7 2 IN IP4 127\.0\.0\.1\r\n[^]*m=audio 41000 RTP\/AVP 8 101\r\na=rtpmap:8 PCMA\/8000\r\n[^]*a=sendrecv\r\n$/m);
  const b = await reinvite(3, sdpOffer(40000, '9 8 101', ['a=rtpmap:9 G722/8000', 'a=sendonly']));
  assert.match(b.body.toString(), /m=audio 41000 RTP\/AVP 8 101\r\n[^]*a=recvonly\r\n$/, 'PCMA kept while offered; hold answered recvonly');
  const c = await reinvite(4, sdpOffer(40000, '18', ['a=rtpmap:18 G729/8000']));
  assert.equal(c.status, 488, 'nothing common: the call stays as it was');
  assert.deepEqual(seen, ['PCMA/8/sendrecv', 'PCMA/8/sendonly']);
  assert.equal(calls[0].media.codec, 'PCMA');
});

test('the handler failing → 500; too slow → 503', async (t) => {
  const { client } = await setup(t, async (call) => {
    if (call.toUser === 'slow') return new Promise<InviteDecision>(() => {});
    throw new Error('boom');
  }, { inviteTimeoutMs: 100 });
  const a = new Uac(client);
  client.send(a.invite());
  await client.response(500, 'INVITE', a.callId);
  const b = new Uac(client, 'slow');
  client.send(b.invite());
  await client.response(503, 'INVITE', b.callId);
});

test('stopAccepting(): new INVITEs get 503 with Retry-After, OPTIONS still answered', async (t) => {
  const { client, uas, calls } = await setup(t);
  uas.stopAccepting();
  const a = new Uac(client);
  client.send(a.invite());
  const r = await client.response(503, 'INVITE', a.callId);
  assert.equal(getHeader(r, 'Retry-After'), '5');
  client.send(new Uac(client).request('OPTIONS'));
  await client.response(200, 'OPTIONS');
  assert.equal(calls.length, 0);
});

test('close(): ringing calls get 503, answered ones a BYE', async (t) => {
  let hold = true;
  const { client, uas, ended } = await setup(t, async (call) => {
    while (hold && call.toUser === 'wait' && !call.signal.aborted) await sleep(5);
    return acceptAll(call);
  });
  const a = new Uac(client);
  client.send(a.invite());
  const ok = await client.response(200, 'INVITE', a.callId);
  a.toTag = ok.to.tag;
  client.send(a.ack(200));
  const b = new Uac(client, 'wait');
  client.send(b.invite());
  await client.response(100, 'INVITE', b.callId);
  await sleep(10);
  const closing = uas.close(500);
  const bye = await client.waitFor(() => client.requests('BYE')[0], 'shutdown BYE');
  client.send(Uac.ok(bye as ParsedRequest));
  await client.response(503, 'INVITE', b.callId);
  await closing;
  hold = false;
  assert.ok(ended.includes('shutdown'));
});
