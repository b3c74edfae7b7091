// Browser audio over a bad network, through the real peer connection: the werift caller drops, swaps and
// duplicates frames; the media core's jitter buffer puts swapped frames back in order, drops the
// duplicates, conceals the lost frames with Opus, keeps the caller's audio flowing to the bus in whole
// frames, and counts it all in the uap_webrtc_* metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webrtcRig, until } from './harness.ts';
import { WeriftCaller } from './werift-caller.ts';

test('lost, reordered and duplicated packets: concealed by Opus, reordered, dropped, counted', async (t) => {
  const rig = await webrtcRig(t);
  const caller = new WeriftCaller();
  t.after(() => caller.close());
  const leg = await rig.media.open(await caller.offer());
  leg.start({ callId: 'web_jitter', tenantId: 'acme', from: 'user:u1', to: 'agent:echo', agentKind: 'echo', agentConfigId: 'echo' }, { onConnected: () => {}, onEnded: () => {} });
  await caller.answer(leg.answerSdp);
  await caller.connected();
  await until(() => rig.sessions.size === 1, 5000, 'the media session');
  // Every 25 frames (from the 10th on): one lost, one sent after its successor, one sent twice.
  caller.netem = { drop: (n) => n >= 10 && n % 25 === 10, swap: (n) => n >= 10 && n % 25 === 15, duplicate: (n) => n >= 10 && n % 25 === 20 };
  caller.startAudio(440);
  const session = [...rig.sessions][0];
  await until(() => caller.stats.sent >= 160, 8000, '160 frames sent');
  caller.stopAudio();
  await new Promise((r) => setTimeout(r, 300));
  const sent = caller.stats.sent;
  leg.close('caller-hangup');
  await until(() => rig.sessions.size === 0, 3000, 'the call to end');

  const lost = Math.floor((sent - 10) / 25);
  const plc = await rig.metric('uap_webrtc_concealed_frames_total', { method: 'opus_plc' });
  assert.ok(await rig.metric('uap_webrtc_lost_total') >= lost - 1, 'losses counted');
  assert.ok(plc >= lost - 2 && plc <= lost + 3, `lost frames concealed by Opus: ${plc} for ${lost}`);
  assert.ok(await rig.metric('uap_webrtc_dropped_total', { reason: 'duplicate' }) >= lost - 1, 'duplicates dropped');
  // The agent got the caller's audio in whole 20 ms frames, the lost ones made up: close to one per frame sent.
  assert.ok(session.framesIn >= sent - 10 && session.framesIn <= sent + 2, `frames published ${session.framesIn} for ${sent} sent`);
  const delay = await rig.metric('uap_webrtc_dropped_total', { reason: 'late' });
  assert.ok(delay <= 3, `swapped frames arrive in time to be put back in order (late: ${delay})`);
});
