// A Twilio call to an `openai-realtime` agent, end to end through real processes: the platform opens the
// Realtime session and configures it, plays the model's greeting to the caller, turns the caller talking
// over it into Twilio's `clear` plus a `conversation.item.truncate` at what the caller really heard,
// streams the caller's audio as 24 kHz appends, passes keys on as text, and hangs up when the model calls
// `end_call` — after its goodbye has played; a session OpenAI refuses hangs up without a sound, with the
// reason in the logs. OpenAI itself is a local fake speaking the wire protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { startFakeOpenAIRealtime, type FakeOpenAIRealtime } from '../fakes/openai-realtime/server.ts';
import { SimulatedCall, tone, pcmToUlaw, ulawToPcm, goertzelPower, waitFor } from '../twilio-sim/index.ts';

let uap: UapProcess;
let fake: FakeOpenAIRealtime;
before(async () => {
  fake = await startFakeOpenAIRealtime();
  uap = await startUap({
    env: {
      ROUTES: JSON.stringify({ '*': { agent: 'openai-realtime', configId: 'oai', settings: { prompt: 'You are a helpful test agent.', voice: 'marin' } } }),
      OPENAI_API_KEY: 'sk-test-key',
      OPENAI_REALTIME_URL: fake.url,
    },
  });
});
after(async () => {
  await uap?.stop('SIGKILL');
  await fake?.stop();
});

const GREETING = 'Hello and welcome to the test line, how can I help you today with anything at all';

test('a call to an OpenAI Realtime agent: audio both ways, barge-in with truncate, keys, end_call hang-up', { timeout: 60_000 }, async () => {
  let responses = 0;
  fake.onResponseCreate = () => {
    responses++;
    // 1st: the greeting (4 s, generated at ~1.6x real time, so still streaming when the caller cuts in).
    if (responses === 1) return { audio: tone(300, 4000, 24000, 0.3), transcript: GREETING, chunkMs: 40, paceMs: 25 };
    // 2nd (after a key): a goodbye and end_call.
    return { audio: tone(500, 1000, 24000, 0.3), transcript: 'Goodbye!', functionCalls: [{ name: 'end_call', arguments: { reason: 'caller is done' }, callId: 'call_end_1' }] };
  };
  const call = await SimulatedCall.place({ webhookUrl: uap.webhookUrl, authToken: TEST_AUTH_TOKEN });
  await fake.waitFor(() => fake.lastSession?.eventsOf('session.update').length === 1, 10_000, 'session.update');
  const s = fake.lastSession!;
  assert.equal(s.apiKey, 'sk-test-key');
  assert.equal(s.model, 'gpt-realtime');
  const session = s.eventsOf('session.update')[0].session as Record<string, any>;
  assert.equal(session.instructions, 'You are a helpful test agent.');
  assert.equal(session.audio.output.voice, 'marin');
  assert.deepEqual(session.audio.input.format, { type: 'audio/pcm', rate: 24000 });
  assert.equal(session.audio.input.turn_detection.type, 'server_vad');
  assert.ok(session.tools.some((t: { name: string }) => t.name === 'end_call'));

  // Model → caller: the greeting plays (a 300 Hz tone, resampled to the caller's 8 kHz µ-law).
  await call.waitFor((c) => c.bytesReceived >= 8000 * 0.6, 5000, 'greeting audio');
  const heard = ulawToPcm(new Uint8Array(call.receivedAudio()));
  assert.ok(goertzelPower(heard, 8000, 300) > 20 * goertzelPower(heard, 8000, 700), 'the greeting is the model audio');

  // Barge-in: the caller talks over the greeting → Twilio gets `clear`; the model is told what was heard.
  const playedAtBargeIn = call.playedBytes() / 8;
  s.speechStarted();
  const sentAtBargeIn = [...s.assistantItems.values()][0].audioMs;
  await call.waitFor((c) => c.clears >= 1, 3000, 'clear');
  await fake.waitFor(() => s.eventsOf('conversation.item.truncate').length === 1, 3000, 'truncate');
  const tr = s.eventsOf('conversation.item.truncate')[0];
  assert.equal(tr.item_id, [...s.assistantItems.keys()][0]);
  const endMs = tr.audio_end_ms as number;
  // What the caller played: at least what had played when the caller cut in, at most what played until `clear`.
  const playedAtClear = call.playedBytes() / 8;
  assert.ok(endMs > 0 && endMs <= sentAtBargeIn, `audio_end_ms ${endMs} in (0, ${sentAtBargeIn.toFixed(0)}] ms sent`);
  assert.ok(endMs >= playedAtBargeIn - 300 && endMs <= playedAtClear + 100, `audio_end_ms ${endMs} ≈ the ${playedAtBargeIn.toFixed(0)}–${playedAtClear.toFixed(0)} ms the caller played`);
  assert.ok(s.eventsOf('response.cancel').length === 1, 'the streaming answer is cancelled');
  assert.deepEqual(s.errors.filter((e) => e.code !== 'response_cancel_not_active'), [], 'the fake accepted every client event');
  const afterClear = call.bytesReceived;
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(call.bytesReceived - afterClear < 8000 * 0.3, 'playback stopped');
  assert.ok(call.bytesReceived < 8000 * 3.5, `the greeting was cut (${(call.bytesReceived / 8000).toFixed(2)} s of 4 s)`);

  // Caller → model: 1 s of speech-band audio arrives as 24 kHz PCM.
  const audioBefore = s.receivedAudio().length;
  await call.sendAudio(pcmToUlaw(tone(440, 1000, 8000, 0.3)));
  await fake.waitFor(() => s.receivedAudio().length - audioBefore >= 24000 * 2 * 0.9, 5000, 'caller audio');
  const got = new Int16Array(new Uint8Array(s.receivedAudio().subarray(audioBefore)).buffer);
  assert.ok(goertzelPower(got, 24000, 440) > 20 * goertzelPower(got, 24000, 1000), 'the caller tone reaches the model');
  s.speechStopped();
  s.transcribe('I just wanted to say hi');

  // Keys reach the model as a user message and get a response: the goodbye, with end_call.
  const beforeGoodbye = call.bytesReceived;
  call.sendDtmf('7');
  await fake.waitFor(() => s.eventsOf('conversation.item.create').some((e) => JSON.stringify(e.item).includes('The caller pressed DTMF key 7')), 5000, 'DTMF item');
  await fake.waitFor(() => s.functionOutputs.get('call_end_1') !== undefined, 5000, 'end_call output');
  assert.equal(JSON.parse(s.functionOutputs.get('call_end_1')!).ok, true);

  // The agent hangs up once the goodbye has played.
  const closed = await Promise.race([call.closed, new Promise<null>((r) => setTimeout(() => r(null), 8000))]);
  assert.ok(closed, 'the platform hung up');
  assert.equal(closed.code, 1000);
  assert.ok(call.bytesReceived - beforeGoodbye >= 8000 * 0.9, `the goodbye played before the hang-up (${((call.bytesReceived - beforeGoodbye) / 8000).toFixed(2)} s of 1 s)`);
  assert.equal(s.eventsOf('response.create').length, 2, 'no further response after end_call');
  await fake.waitFor(() => s.closed, 5000, 'the session closed');

  // Transcripts are logged with the call's ids: the caller's, the greeting as heard (cut), the goodbye.
  await new Promise((r) => setTimeout(r, 200));
  const turns = uap.logs.filter((l) => l.msg === 'transcript');
  assert.ok(turns.every((l) => typeof l.callId === 'string' && l.tenantId === 'default'), 'transcripts carry callId and tenantId');
  const byRole = turns.map((l) => [l.role, l.interrupted, l.text]);
  assert.deepEqual(byRole.find((t) => t[0] === 'user'), ['user', false, 'I just wanted to say hi']);
  const greeting = byRole.find((t) => t[0] === 'agent' && t[1] === true);
  assert.ok(greeting && GREETING.startsWith(String(greeting[2])) && String(greeting[2]).length < GREETING.length, `the greeting as heard: ${JSON.stringify(greeting)}`);
  assert.deepEqual(byRole.find((t) => t[0] === 'agent' && t[1] === false), ['agent', false, 'Goodbye!']);
  assert.ok(uap.logs.some((l) => l.msg === 'hanging up' && l.reason === 'agent ended the call'));
});

test('OpenAI refusing the key: the caller hears nothing and is hung up; the logs say why', { timeout: 30_000 }, async () => {
  const upgrades = fake.upgrades.length;
  fake.failNext(401, 401, 401); // the media core tries three dispatches
  const call = await SimulatedCall.place({ webhookUrl: uap.webhookUrl, authToken: TEST_AUTH_TOKEN });
  const closed = await Promise.race([call.closed, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
  assert.ok(closed, 'the platform hung up');
  assert.equal(closed.code, 1000);
  assert.equal(call.bytesReceived, 0, 'nothing was played');
  assert.ok(fake.upgrades.slice(upgrades).every((u) => u.status === 401));
  assert.equal(fake.upgrades.length - upgrades, 3, 'a refused key is not retried by the agent (the media core re-dispatches)');
  await waitFor(() => uap.logs.filter((l) => l.msg === 'agent failed to start' && l.callId === call.callSid).length === 3, 3000, 'the agent logs why, each time');
  for (const l of uap.logs.filter((x) => x.msg === 'agent failed to start' && x.callId === call.callSid)) assert.match(String(l.err), /OpenAI rejected the API key \(HTTP 401\)/);
  await waitFor(() => uap.logs.some((l) => l.msg === 'no agent took the call; hanging up' && l.callId === call.callSid && /OpenAI rejected the API key/.test(String(l.error))), 3000, 'the media core logs why');
});
