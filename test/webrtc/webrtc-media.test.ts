// The media core's WebRTC side with a werift peer as the browser, through real media sessions, the bus
// and the echo agent: audio both ways, RFC 4733 DTMF, hang-up, mute, offers we refuse, ICE that never
// completes, and nothing left behind after many failed attempts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uap } from '../../proto/index.ts';
import { webrtcRig, until } from './harness.ts';
import { WeriftCaller } from './werift-caller.ts';
import type { WebRtcMediaLeg } from '../../media/webrtc/index.ts';

const CALL = { tenantId: 'acme', from: 'user:u1', to: 'agent:echo', agentKind: 'echo', agentConfigId: 'echo' };

function startCall(leg: WebRtcMediaLeg, callId: string) {
  const ended: { reason: string; detail: string }[] = [];
  let connected = false;
  leg.start({ callId, ...CALL }, { onConnected: () => (connected = true), onEnded: (reason, detail) => ended.push({ reason, detail }) });
  return { ended, isConnected: () => connected };
}

test('a call: Opus both ways through the media session, bus and echo agent; DTMF; hang-up ends everything', async (t) => {
  const rig = await webrtcRig(t);
  const caller = new WeriftCaller();
  t.after(() => caller.close());
  const leg = await rig.media.open(await caller.offer(), { test: 1 });
  assert.match(leg.answerSdp, /a=rtpmap:111 opus\/48000\/2/);
  assert.match(leg.answerSdp, /telephone-event\/48000/);
  assert.match(leg.answerSdp, /a=candidate:.* 127\.0\.0\.1 \d+ typ host/);
  assert.doesNotMatch(leg.answerSdp, /typ srflx|typ relay/, 'no STUN/TURN by default');
  const call = startCall(leg, 'web_test1');
  await caller.answer(leg.answerSdp);
  await caller.connected();
  await until(() => call.isConnected() && rig.sessions.size === 1, 5000, 'the media session');
  caller.startAudio(440);
  // The echo agent sends the caller's audio back: it must come back as loud Opus.
  await until(() => caller.stats.loud >= 50, 8000, 'echoed audio');
  const session = [...rig.sessions][0];
  assert.ok(session.framesIn >= 50, `frames published to the bus: ${session.framesIn}`);
  assert.ok(session.framesOut >= 50, `frames sent to the caller: ${session.framesOut}`);

  await caller.sendDtmf('7');
  await caller.sendDtmf('#');
  await until(() => rig.events.filter((e) => e.dtmf).length >= 2, 3000, 'DTMF events');
  assert.deepEqual(rig.events.filter((e) => e.dtmf).map((e) => e.dtmf!.digit), ['7', '#'], 'each key press once');
  assert.equal(await rig.metric('uap_webrtc_dtmf_total'), 2);

  // Mute: caller audio stops reaching the agent.
  leg.setMuted(true);
  await new Promise((r) => setTimeout(r, 100));
  const before = session.framesIn;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(session.framesIn, before, 'no caller frames published while muted');
  leg.setMuted(false);
  await until(() => session.framesIn > before + 5, 2000, 'frames after unmute');

  leg.close('caller-hangup');
  await until(() => rig.events.some((e) => e.ended), 3000, 'the ended event');
  const ended = rig.events.find((e) => e.ended)!;
  assert.equal(ended.ended!.reason, uap.EndReason.CALLER_HANGUP);
  const started = rig.events.find((e) => e.started)!;
  assert.equal(started.started!.transport, 'webrtc');
  assert.equal(started.started!.sampleRate, 16000);
  assert.equal(rig.sessions.size, 0);
  assert.equal(rig.media.activeLegs, 0);
  assert.equal(await rig.metric('uap_webrtc_peers'), 0);
  assert.equal(await rig.metric('uap_webrtc_peer_outcomes_total', { outcome: 'connected' }), 1);
  assert.ok((await rig.metric('uap_media_frames_in_total', { transport: 'webrtc' })) >= 50);
});

test('offers we cannot take are refused with a code and leave nothing open', async (t) => {
  const rig = await webrtcRig(t);
  const caller = new WeriftCaller();
  t.after(() => caller.close());
  const offer = await caller.offer();
  const noOpus = offer.replace(/a=rtpmap:111 opus\/48000\/2/, 'a=rtpmap:111 SILK/16000').replace(/m=audio (\d+) (\S+) 111/, 'm=audio $1 $2 111');
  await assert.rejects(rig.media.open(noOpus), (err: { code?: string; message: string }) => err.code === 'NO_CODEC' && /Opus/.test(err.message));
  const noAudio = offer.replace(/m=audio[\s\S]*$/, 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sctp-port:5000\r\n');
  await assert.rejects(rig.media.open(noAudio), (err: { code?: string }) => err.code === 'NO_AUDIO');
  await assert.rejects(rig.media.open('this is not sdp'), (err: { code?: string }) => err.code !== undefined);
  assert.equal(rig.media.activeLegs, 0);
  assert.equal(await rig.metric('uap_webrtc_peers'), 0);
  assert.equal(await rig.metric('uap_webrtc_peer_outcomes_total', { outcome: 'bad_offer' }), 3);
});

test('ICE that never completes times out cleanly; many failed attempts leak no session, peer or socket', async (t) => {
  const rig = await webrtcRig(t, { iceTimeoutMs: 400 });
  const udpHandles = () => (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles().filter((h) => h.constructor.name === 'Socket' && 'addMembership' in h).length;
  const caller = new WeriftCaller();
  // An offer whose candidates point nowhere (a closed loopback port): ICE cannot complete.
  const offer = (await caller.offer()).replace(/(a=candidate:\S+ 1 udp \d+ )\S+ \d+/g, '$1127.0.0.1 9');
  await caller.close();
  const baseline = udpHandles();
  const ends: string[] = [];
  const N = 12;
  for (let i = 0; i < N; i++) {
    const leg = await rig.media.open(offer);
    leg.start({ callId: `web_dead${i}`, ...CALL }, { onConnected: () => assert.fail('cannot connect'), onEnded: (reason) => ends.push(reason) });
  }
  assert.equal(rig.media.activeLegs, N);
  assert.ok(udpHandles() > baseline, `ICE sockets are open while connecting (${udpHandles()} vs ${baseline})`);
  await until(() => ends.length === N, 5000, 'ICE timeouts');
  assert.deepEqual(new Set(ends), new Set(['ice-timeout']));
  assert.equal(rig.media.activeLegs, 0);
  assert.equal(rig.sessions.size, 0, 'no media session was ever started');
  assert.equal(rig.events.length, 0, 'no call events for calls that never connected');
  assert.equal(await rig.metric('uap_webrtc_peers'), 0);
  assert.equal(await rig.metric('uap_webrtc_peer_outcomes_total', { outcome: 'ice_timeout' }), N);
  await until(() => udpHandles() <= baseline, 3000, `UDP sockets to close (now ${udpHandles()}, baseline ${baseline})`);
});

test('the agent ending the call (no agent available) tears the peer down and tells signalling', async (t) => {
  const rig = await webrtcRig(t, { agent: false });
  const caller = new WeriftCaller();
  t.after(() => caller.close());
  const leg = await rig.media.open(await caller.offer());
  const call = startCall(leg, 'web_noagent');
  await caller.answer(leg.answerSdp);
  await caller.connected();
  await until(() => call.ended.length === 1, 5000, 'the end after failed dispatch');
  assert.equal(call.ended[0].reason, 'hangup');
  assert.equal(rig.media.activeLegs, 0);
  await until(() => rig.events.some((e) => e.ended), 2000, 'ended event');
  assert.equal(rig.events.find((e) => e.ended)!.ended!.reason, uap.EndReason.NO_AGENT);
});
