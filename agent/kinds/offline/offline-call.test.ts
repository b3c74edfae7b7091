// The offline agent's call, frames in and frames out (energy VAD, fake speech): modes, turn-taking,
// the key menu, voicemail and handing the call on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offlineHarness, until, loudSamples, RATE } from './testing.ts';
import { parseOfflineSettings, needsVad } from './settings.ts';

const VOICEMAIL = { '2': { action: 'voicemail', say: 'Leave a message after the tone.', maxSeconds: 30 } };

/** Plays the greeting out so the call is listening. */
async function greeted(h: ReturnType<typeof offlineHarness>): Promise<void> {
  await until(() => h.out.pending.length === 1, 'greeting sent');
  h.playAll();
}

test('settings: mode defaults to repeat, or menu with a menu; bad values are reported and replaced', () => {
  assert.equal(parseOfflineSettings({}).mode, 'repeat');
  assert.equal(parseOfflineSettings({ menu: VOICEMAIL }).mode, 'menu');
  assert.equal(parseOfflineSettings({ menu: VOICEMAIL, mode: 'echo' }).mode, 'echo');
  const bad = parseOfflineSettings({ mode: 'sing', silenceMs: 5, greeting: 42, speechHint: ['x'] });
  assert.equal(bad.mode, 'repeat');
  assert.equal(bad.silenceMs, 700);
  assert.equal(bad.problems.length, 4, bad.problems.join('; '));
  assert.equal(parseOfflineSettings({ greeting: '' }).greeting, '');
  // The VAD is needed to hear speech, or to end a message at silence; a plain key menu or echo needs none.
  assert.equal(needsVad(parseOfflineSettings({ mode: 'echo' })), false);
  assert.equal(needsVad(parseOfflineSettings({ menu: { '9': { action: 'hangup' } } })), false);
  assert.equal(needsVad(parseOfflineSettings({ menu: VOICEMAIL, mode: 'echo' })), true);
  assert.equal(needsVad(parseOfflineSettings({ menu: { '9': { action: 'hangup' } }, speechHint: 'Use the keys.' })), true);
});

test('echo mode: frames go straight back while the agent is silent, never over its speech', async () => {
  const h = offlineHarness({ mode: 'echo', greeting: 'Hi there.' });
  await until(() => h.out.pending.length === 1, 'greeting');
  h.speech(200);
  assert.equal(h.out.echoed, 0, 'no echo over the greeting');
  h.playAll();
  h.speech(200);
  assert.equal(h.out.echoed, 10);
  assert.deepEqual(h.turns, [{ role: 'agent', text: 'Hi there.', interrupted: false }]);
  h.call.onEnd();
});

test('repeat mode: the utterance is played back once the caller stops, from just before its onset to just after its end', async () => {
  const h = offlineHarness({ greeting: 'Hi.' });
  await greeted(h);
  h.silence(400);
  h.speech(600);
  assert.equal(h.out.sent.length, 2, 'nothing while the caller talks');
  h.silence(700);
  const mark = h.marks().at(-1)!;
  assert.match(mark, /^repeat-/);
  const back = h.out.audioBefore(mark);
  assert.equal(h.out.echoed, 0);
  const speech = loudSamples(back);
  // 600 ms of the caller's voice (2/3 of a 300 Hz sine's samples are loud), with ≤ 300 ms before and 400 ms after.
  assert.ok(Math.abs(speech - (0.6 * RATE * 2) / 3) < 400, `loud samples ${speech}`);
  assert.ok(back.length >= 0.6 * RATE && back.length <= 1.35 * RATE, `${back.length / RATE} s played back`);
  h.call.onEnd();
});

test('repeat mode: speech over the greeting cuts it off (barge-in) and is played back itself', async () => {
  const h = offlineHarness({ greeting: 'A long greeting that the caller will not wait for.' });
  await until(() => h.out.pending.length === 1, 'greeting');
  h.speech(300);
  assert.equal(h.out.clears, 1, 'cleared once the speech was confirmed');
  h.returnCleared();
  assert.equal(h.turns[0].interrupted, true);
  h.silence(800);
  assert.match(h.marks().at(-1)!, /^repeat-/);
  h.call.onEnd();
});

test('a short noise is not an utterance', async () => {
  const h = offlineHarness({ greeting: 'Hi.' });
  await greeted(h);
  h.speech(100);
  h.silence(1000);
  assert.deepEqual(h.marks(), ['greeting-1']);
  h.call.onEnd();
});

test('keys: read back when not in the menu; say, transfer and hang-up entries act once their words have played', async () => {
  const h = offlineHarness({ greeting: 'Hi.', menu: { '1': { action: 'transfer', target: '+15551234567' }, '4': { action: 'say', say: 'We are open.' }, '9': { action: 'hangup', say: 'Bye.' } } });
  await greeted(h);
  h.call.onDtmf('7');
  await until(() => h.marks().length === 2, 'read-out');
  assert.equal(h.tts.texts.at(-1), 'You pressed 7.');
  assert.match(h.marks()[1], /^dtmf-7-/);
  h.call.onDtmf('4');
  await until(() => h.marks().length === 3, 'say entry');
  assert.equal(h.tts.texts.at(-1), 'We are open.');
  h.call.onDtmf('1');
  await until(() => h.marks().length === 4, 'transfer announcement');
  assert.deepEqual(h.out.transfers, [], 'not before the announcement played');
  h.playAll();
  assert.deepEqual(h.out.transfers, ['+15551234567']);
  h.call.onTransferOutcome({ target: '+15551234567', ok: false, errorCode: 'X' });
  await until(() => /^transfer-failed/.test(h.marks().at(-1)!), 'failure told');
  h.call.onDtmf('9');
  await until(() => /^menu-9/.test(h.marks().at(-1)!), 'goodbye');
  h.call.onDtmf('4'); // a key cuts the goodbye off: no hang-up
  h.returnCleared();
  assert.deepEqual(h.out.hangups, []);
  const before = h.marks().length;
  h.call.onDtmf('9');
  await until(() => h.marks().length === before + 1, 'goodbye again');
  assert.match(h.marks().at(-1)!, /^menu-9/);
  h.playAll();
  assert.equal(h.out.hangups.length, 1);
  h.call.onEnd();
});

test('voicemail: prompt, beep, the message until 3 s of silence after speech (cut 400 ms after the last word), stored, thanks, hang-up', async () => {
  const h = offlineHarness({ greeting: 'Hi.', menu: VOICEMAIL });
  await greeted(h);
  h.call.onDtmf('2');
  await until(() => h.marks().length === 2, 'prompt');
  assert.equal(h.tts.texts.at(-1), 'Leave a message after the tone.');
  h.speech(200); // talking over the prompt is not recorded
  h.playAll();
  assert.match(h.marks().at(-1)!, /^beep-/);
  assert.equal(h.out.audioBefore(h.marks().at(-1)!).length, 0.4 * RATE, 'a 400 ms beep');
  h.playAll();
  h.silence(500);
  h.speech(1500);
  h.silence(2000);
  assert.equal(h.recordings.length, 0, 'still recording after 2 s of silence');
  h.silence(1100);
  await until(() => h.recordings.length === 1, 'message stored');
  const r = h.recordings[0];
  assert.equal(r.kind, 'voicemail');
  assert.equal(r.sampleRate, RATE);
  const samples = r.chunks.reduce((n, c) => n + c.length, 0);
  assert.equal(samples, (0.5 + 1.5 + 0.4) * RATE, `${samples / RATE} s stored`);
  await until(() => /^voicemail-done/.test(h.marks().at(-1)!), 'thanks');
  assert.equal(h.tts.texts.at(-1), 'Thank you, your message has been recorded. Goodbye.');
  h.call.onDtmf('5'); // the caller cannot cut the goodbye off
  h.playAll();
  assert.deepEqual(h.out.hangups, ['voicemail: message taken']);
  h.call.onEnd();
});

test('voicemail ends with # (other keys are ignored), at its maximum length, or when the caller hangs up', async () => {
  const pound = offlineHarness({ menu: { '2': { action: 'voicemail', then: 'menu', thanks: 'Got it.' } } });
  await greeted(pound);
  pound.call.onDtmf('2');
  await until(() => pound.marks().length === 2, 'prompt');
  pound.playAll();
  pound.playAll(); // beep
  pound.speech(1000);
  pound.call.onDtmf('5');
  pound.silence(200);
  pound.call.onDtmf('#');
  await until(() => pound.recordings.length === 1, 'stored');
  assert.equal(pound.recordings[0].chunks.reduce((n, c) => n + c.length, 0), 1.2 * RATE);
  await until(() => pound.tts.texts.at(-1) === 'Got it.', 'thanks');
  pound.playAll();
  pound.call.onDtmf('7'); // back at the menu
  await until(() => pound.tts.texts.at(-1) === 'You pressed 7.', 'menu again');
  assert.deepEqual(pound.out.hangups, []);
  pound.call.onEnd();

  const max = offlineHarness({ greeting: '', menu: { '2': { action: 'voicemail', maxSeconds: 2 } } });
  max.call.onDtmf('2');
  await until(() => max.marks().length === 1, 'prompt');
  max.playAll();
  max.playAll();
  max.speech(3000);
  await until(() => max.recordings.length === 1, 'stored at the maximum');
  assert.equal(max.recordings[0].chunks.reduce((n, c) => n + c.length, 0), 2 * RATE);
  max.call.onEnd();

  const gone = offlineHarness({ greeting: '', menu: VOICEMAIL });
  gone.call.onDtmf('2');
  await until(() => gone.marks().length === 1, 'prompt');
  gone.playAll();
  gone.playAll();
  gone.speech(800);
  gone.call.onEnd();
  await until(() => gone.recordings.length === 1, 'stored after the hang-up');
  assert.equal(gone.tts.texts.length, 1, 'nothing said after the hang-up');
});

test('voicemail with no speech is not stored; a store that fails is told to the caller', async () => {
  const quiet = offlineHarness({ greeting: '', menu: VOICEMAIL });
  quiet.call.onDtmf('2');
  await until(() => quiet.marks().length === 1, 'prompt');
  quiet.playAll();
  quiet.playAll();
  quiet.silence(10_000);
  await until(() => quiet.tts.texts.at(-1) === 'I did not hear a message.', 'no message');
  assert.equal(quiet.recordings.length, 0);
  quiet.call.onEnd();

  const failing = offlineHarness({ greeting: '', menu: VOICEMAIL }, { saveFails: true });
  failing.call.onDtmf('2');
  await until(() => failing.marks().length === 1, 'prompt');
  failing.playAll();
  failing.playAll();
  failing.speech(600);
  failing.call.onDtmf('#');
  await until(() => failing.tts.texts.at(-1) === 'Sorry, your message could not be saved.', 'failure told');
  failing.playAll();
  assert.equal(failing.out.hangups.length, 1);
  failing.call.onEnd();
});

test('agent entry: announced, then the call is handed to the config; a refused handoff is told and the menu goes on', async () => {
  const ok = offlineHarness({ greeting: '', menu: { '3': { action: 'agent', configId: 'cascade-1' } } });
  ok.call.onDtmf('3');
  await until(() => ok.marks().length === 1, 'announcement');
  assert.equal(ok.tts.texts[0], 'Connecting you to the agent.');
  assert.deepEqual(ok.handoffs, [], 'not before it played');
  ok.playAll();
  await until(() => ok.handoffs.length === 1, 'handoff');
  assert.deepEqual(ok.handoffs, ['cascade-1']);

  const refused = offlineHarness({ greeting: '', menu: { '3': { action: 'agent', configId: 'gone' } } }, { handoff: () => ({ ok: false, errorCode: 'UNKNOWN_AGENT_CONFIG', errorMessage: 'no' }) });
  refused.call.onDtmf('3');
  await until(() => refused.marks().length === 1, 'announcement');
  refused.playAll();
  await until(() => refused.tts.texts.at(-1) === 'Sorry, the agent is not available right now.', 'refusal told');
  refused.call.onDtmf('1');
  await until(() => refused.tts.texts.at(-1) === 'You pressed 1.', 'keys work again');
  refused.call.onEnd();
});

test('speech menu entry: anything the caller says runs it; without one, the hint is said', async () => {
  const h = offlineHarness({ greeting: 'Say anything to talk to the agent.', menu: { speech: { action: 'agent', configId: 'llm', say: 'One moment.' } } });
  await greeted(h);
  h.speech(500);
  h.silence(700);
  await until(() => h.tts.texts.at(-1) === 'One moment.', 'entry run');
  h.playAll();
  await until(() => h.handoffs.length === 1, 'handoff');

  const hint = offlineHarness({ greeting: 'Press 9.', menu: { '9': { action: 'hangup' } }, speechHint: 'Please use your keypad.' });
  await greeted(hint);
  hint.speech(500);
  hint.silence(700);
  await until(() => hint.tts.texts.at(-1) === 'Please use your keypad.', 'hint');
  hint.call.onEnd();

  const keysOnly = offlineHarness({ greeting: 'Press 9.', menu: { '9': { action: 'hangup' } } });
  await greeted(keysOnly);
  keysOnly.speech(500);
  keysOnly.silence(700);
  assert.deepEqual(keysOnly.marks(), ['greeting-1'], 'a key menu ignores speech');
  keysOnly.call.onEnd();
});
