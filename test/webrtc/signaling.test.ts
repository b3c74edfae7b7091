// Softphone signalling over a real WebSocket with a werift peer as the browser, through real media
// sessions, the bus and the echo agent: a whole call (hello, offer/answer, trickle, DTMF ack, mute,
// hang-up), every kind of bad input (each an error code, a metric, and no leftovers), reconnecting
// within the grace period, and the grace period running out.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import WebSocket from 'ws';
import { uap } from '../../proto/index.ts';
import { createLogger } from '../../lib/logger.ts';
import { signSoftphoneToken, softphoneTokenKey, type SoftphoneTarget } from '../../lib/softphone-token.ts';
import { startWebRtcSignaling, createWebRtcSignalingMetrics, type ServerMessage } from '../../signaling/webrtc/index.ts';
import type { Router } from '../../signaling/routing.ts';
import { webrtcRig, until, type Rig } from './harness.ts';
import { WeriftCaller } from './werift-caller.ts';

const KEY = softphoneTokenKey('test-softphone-secret-0123456789', '/nonexistent');
const AGENT: SoftphoneTarget = { kind: 'agent', agentConfigId: 'echo-config', agentKind: 'echo' };

async function setup(t: TestContext, o: { reconnectGraceMs?: number; iceTimeoutMs?: number; router?: Router } = {}) {
  const rig = await webrtcRig(t, { iceTimeoutMs: o.iceTimeoutMs });
  const server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const router: Router = o.router ?? { lookup: async (n) => (n === '+15550001111' ? { tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: {} } : undefined) };
  const sig = startWebRtcSignaling({
    server,
    media: rig.media,
    router,
    tokenKey: KEY,
    iceServers: [],
    reconnectGraceMs: o.reconnectGraceMs ?? 2000,
    helloTimeoutMs: 1000,
    bus: rig.bus,
    log: createLogger(process.env.TEST_LOG ?? 'silent'),
    metrics: createWebRtcSignalingMetrics(rig.registry),
  });
  t.after(async () => {
    sig.close();
    await new Promise((r) => server.close(r));
  });
  const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}/webrtc/ws`;
  return { rig, sig, url };
}

/** A signalling client that records what the server says. */
class Client {
  readonly ws: WebSocket;
  readonly got: ServerMessage[] = [];
  closeCode: number | undefined;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;
  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.opened = new Promise((r) => this.ws.once('open', () => r()));
    this.closed = new Promise((r) => this.ws.once('close', (code) => r((this.closeCode = code))));
    this.ws.on('message', (d) => this.got.push(JSON.parse(d.toString())));
  }
  async send(m: unknown): Promise<void> {
    await this.opened;
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }
  async next<T extends ServerMessage['type']>(type: T, timeoutMs = 5000): Promise<Extract<ServerMessage, { type: T }>> {
    let i = 0;
    await until(() => this.got.slice(i).some((m) => m.type === type), timeoutMs, `a "${type}" message (got ${JSON.stringify(this.got.map((m) => (m.type === 'error' ? `error:${m.code}` : m.type)))})`);
    return this.got.find((m) => m.type === type) as Extract<ServerMessage, { type: T }>;
  }
  errors(): string[] {
    return this.got.filter((m) => m.type === 'error').map((m) => (m as { code: string }).code);
  }
}

const token = (target: SoftphoneTarget = AGENT, ttlS = 60, nowMs = Date.now()) => signSoftphoneToken(KEY, { sub: 'user-1', tenantId: 'acme', target }, ttlS, nowMs);

async function connectCall(url: string, rig: Rig, target: SoftphoneTarget = AGENT) {
  const c = new Client(url);
  await c.send({ type: 'hello', token: token(target) });
  const ready = await c.next('ready');
  const caller = new WeriftCaller();
  caller.pc.onIceCandidate.subscribe((cand) => void c.send({ type: 'ice', candidate: cand ? { candidate: cand.candidate, sdpMid: cand.sdpMid, sdpMLineIndex: cand.sdpMLineIndex } : null }));
  await c.send({ type: 'offer', sdp: await caller.offer() });
  const answer = await c.next('answer');
  await caller.answer(answer.sdp);
  await caller.connected();
  await c.next('state');
  await until(() => rig.sessions.size === 1, 3000, 'the media session');
  return { c, caller, ready };
}

test('a softphone call over signalling: ready, answer, connected, echoed audio, DTMF ack, mute, hang-up', async (t) => {
  const { rig, url, sig } = await setup(t);
  const { c, caller, ready } = await connectCall(url, rig);
  t.after(() => caller.close());
  assert.match(ready.callId, /^web_[A-Za-z0-9_-]{16}$/);
  assert.ok(ready.resumeToken.length >= 16);
  assert.deepEqual(ready.iceServers, []);
  caller.startAudio(500);
  await until(() => caller.stats.loud >= 25, 8000, 'echoed audio');
  await caller.sendDtmf('5');
  assert.equal((await c.next('dtmf')).digit, '5', 'the page hears that the key reached the call');
  await c.send({ type: 'dtmf', digits: '9' }); // the signalling fallback path
  await until(() => c.got.filter((m) => m.type === 'dtmf').length === 2, 3000, 'second DTMF ack');
  await c.send({ type: 'mute', muted: true });
  await c.send({ type: 'hangup' });
  const ended = await c.next('ended');
  assert.equal(ended.reason, 'caller-hangup');
  assert.equal(await c.closed, 1000);
  await until(() => rig.events.some((e) => e.ended), 2000, 'ended event');
  assert.equal(rig.events.find((e) => e.ended)!.ended!.reason, uap.EndReason.CALLER_HANGUP);
  assert.deepEqual(rig.events.filter((e) => e.dtmf).map((e) => e.dtmf!.digit), ['5', '9']);
  assert.equal(sig.activeCalls(), 0);
  assert.equal(rig.sessions.size, 0);
  assert.equal(rig.media.activeLegs, 0);
});

test('a number is routed (with admission); unknown numbers and routing failures are refused', async (t) => {
  const router: Router = {
    async lookup(n) {
      if (n === '+15550001111') return { tenantId: 'acme', agentKind: 'echo', agentConfigId: 'echo', agent: {} };
      if (n === '+15550002222') throw new Error('api down');
      return undefined;
    },
  };
  const { rig, url } = await setup(t, { router });
  const { c, caller } = await connectCall(url, rig, { kind: 'number', number: '+15550001111' });
  t.after(() => caller.close());
  await c.send({ type: 'hangup' });
  await c.next('ended');
  for (const [number, code] of [['+15550009999', 'NO_ROUTE'], ['+15550002222', 'UNAVAILABLE']] as const) {
    const bad = new Client(url);
    await bad.send({ type: 'hello', token: token({ kind: 'number', number }) });
    assert.equal((await bad.next('error')).code, code);
    assert.equal(await bad.closed, 1007);
  }
});

test('bad input: each refusal is an error code to the client, a metric, and leaves no call, peer or session', async (t) => {
  const { rig, url, sig } = await setup(t);
  const fatal = async (send: (c: Client) => Promise<void>, code: string, closeCode: number) => {
    const c = new Client(url);
    await send(c);
    const err = await c.next('error');
    assert.equal(err.code, code, JSON.stringify(err));
    assert.equal(err.fatal, true);
    assert.ok(err.message.length > 10);
    assert.equal(await c.closed, closeCode, `close code for ${code}`);
  };
  await fatal((c) => c.send('{not json'), 'BAD_JSON', 1007);
  await fatal((c) => c.send({ type: 'offer', sdp: 'v=0' }), 'OUT_OF_ORDER', 1007);
  await fatal((c) => c.send({ type: 'launch' }), 'UNKNOWN_TYPE', 1007);
  await fatal((c) => c.send({ type: 'hello' }), 'BAD_MESSAGE', 1007);
  await fatal((c) => c.send({ type: 'hello', token: 'abc.def' }), 'TOKEN_BAD_SIGNATURE', 1008);
  await fatal((c) => c.send({ type: 'hello', token: 'nodot' }), 'TOKEN_MALFORMED', 1008);
  await fatal((c) => c.send({ type: 'hello', token: token(AGENT, 10, Date.now() - 60_000) }), 'TOKEN_EXPIRED', 1008);
  const once = token();
  const first = new Client(url);
  await first.send({ type: 'hello', token: once });
  await first.next('ready');
  await fatal((c) => c.send({ type: 'hello', token: once }), 'TOKEN_REUSED', 1008);
  first.ws.close();
  await fatal(async (c) => (await c.opened, c.ws.send(Buffer.from([1, 2, 3]))), 'BINARY', 1007);
  await fatal(async () => {}, 'HELLO_TIMEOUT', 1007);
  await fatal((c) => c.send({ type: 'resume', callId: 'web_nope', resumeToken: 'x'.repeat(24) }), 'RESUME_FAILED', 1008);

  // Inside a call, bad messages are answered and the call goes on.
  const c = new Client(url);
  await c.send({ type: 'hello', token: token() });
  await c.next('ready');
  const caller = new WeriftCaller();
  t.after(() => caller.close());
  const offer = await caller.offer();
  await c.send({ type: 'ice', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' } });
  await c.send({ type: 'offer', sdp: offer.replace(/m=audio[\s\S]*$/, 'm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n') });
  await c.send({ type: 'offer', sdp: offer.replace(/a=rtpmap:111 opus\/48000\/2/, 'a=rtpmap:111 PCMU/8000') });
  await c.send({ type: 'offer', sdp: 'hello' });
  await c.send({ type: 'dtmf', digits: 'x' });
  await c.send({ type: 'offer', sdp: offer });
  await c.next('answer');
  await c.send({ type: 'offer', sdp: offer });
  await c.send({ type: 'hello', token: token() });
  await until(() => c.errors().length >= 7, 3000, 'the in-call errors');
  assert.deepEqual(c.errors(), ['OUT_OF_ORDER', 'NO_AUDIO', 'NO_CODEC', 'BAD_SDP', 'BAD_MESSAGE', 'SECOND_OFFER', 'OUT_OF_ORDER']);
  assert.ok(c.got.filter((m) => m.type === 'error').every((m) => (m as { fatal: boolean }).fatal === false));
  assert.equal(c.closeCode, undefined, 'the call goes on');
  await c.send({ type: 'hangup' });
  await c.next('ended');

  for (const code of ['BAD_JSON', 'TOKEN_BAD_SIGNATURE', 'TOKEN_REUSED', 'NO_AUDIO', 'NO_CODEC', 'SECOND_OFFER', 'HELLO_TIMEOUT']) {
    assert.ok((await rig.metric('uap_webrtc_signaling_errors_total', { code })) >= 1, `metric for ${code}`);
  }
  await until(() => sig.activeCalls() === 0 && sig.connections() === 0, 3000, 'all calls and sockets gone');
  assert.equal(rig.media.activeLegs, 0);
  assert.equal(rig.sessions.size, 0);
  assert.equal(await rig.metric('uap_webrtc_peers'), 0);
});

test('signalling that drops mid-call resumes within the grace period; the call and its media carry on', async (t) => {
  const { rig, url, sig } = await setup(t, { reconnectGraceMs: 3000 });
  const { c, caller, ready } = await connectCall(url, rig);
  t.after(() => caller.close());
  caller.startAudio(440);
  c.ws.terminate();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(sig.activeCalls(), 1, 'the call waits for a reconnect');
  const again = new Client(url);
  await again.send({ type: 'resume', callId: ready.callId, resumeToken: ready.resumeToken });
  assert.equal((await again.next('ready')).callId, ready.callId);
  assert.equal((await again.next('state')).state, 'reconnected');
  const loud = caller.stats.loud;
  await until(() => caller.stats.loud > loud + 20, 5000, 'audio still flowing');
  assert.equal(await rig.metric('uap_webrtc_signaling_resumes_total'), 1);
  await again.send({ type: 'hangup' });
  assert.equal((await again.next('ended')).reason, 'caller-hangup');
});

test('no reconnect within the grace period ends the call (transport lost)', async (t) => {
  const { rig, url, sig } = await setup(t, { reconnectGraceMs: 300 });
  const { c, caller } = await connectCall(url, rig);
  t.after(() => caller.close());
  c.ws.terminate();
  await until(() => sig.activeCalls() === 0, 3000, 'the grace period to end the call');
  await until(() => rig.events.some((e) => e.ended), 2000, 'ended event');
  assert.equal(rig.events.find((e) => e.ended)!.ended!.reason, uap.EndReason.TRANSPORT_LOST);
  assert.equal(rig.media.activeLegs, 0);
});

test('ICE that never completes: the page gets ICE_TIMEOUT and the call is gone', async (t) => {
  const { rig, url, sig } = await setup(t, { iceTimeoutMs: 500 });
  const c = new Client(url);
  await c.send({ type: 'hello', token: token() });
  await c.next('ready');
  const caller = new WeriftCaller();
  const offer = (await caller.offer()).replace(/(a=candidate:\S+ 1 udp \d+ )\S+ \d+/g, '$1127.0.0.1 9');
  await caller.close();
  await c.send({ type: 'offer', sdp: offer });
  await c.next('answer');
  const err = await c.next('error', 3000);
  assert.equal(err.code, 'ICE_TIMEOUT');
  assert.equal((await c.next('ended')).reason, 'ice-timeout');
  await c.closed;
  assert.equal(sig.activeCalls(), 0);
  assert.equal(rig.media.activeLegs, 0);
  assert.equal(rig.sessions.size, 0);
});
