// A Twilio call to a `cascaded` agent, end to end through real processes: the simulated caller speaks
// real synthesized speech (espeak-ng), Silero VAD and the endpointer find the turns, OpenAI
// transcription / chat / speech are a local fake speaking their wire protocol. The caller interrupts
// the answer: `clear` reaches the caller, the model's history keeps only what was heard, the transcript
// marks the turn interrupted. Then a tool round-trip: send_dtmf plays keys, end_call hangs up.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai/server.ts';
import { SimulatedCall, pcmToUlaw, ulawToPcm, goertzelPower } from '../twilio-sim/index.ts';
import { EspeakTts } from '../../agent/tts/espeak.ts';

let uap: UapProcess | undefined;
let fake: FakeOpenAI | undefined;
const voice = new EspeakTts(8000);
after(async () => {
  await uap?.stop('SIGKILL');
  await fake?.stop();
  await voice.close();
});

const ANSWER =
  'We are open every day from nine in the morning until nine in the evening. On public holidays we close at five. ' +
  'The kitchen takes the last orders half an hour before closing. Breakfast is served until eleven on weekends.';

/** Caller speech (µ-law 8 kHz) followed by `silenceMs` of line silence, as a phone sends it. */
async function utterance(text: string, silenceMs = 900): Promise<Uint8Array> {
  const speech = pcmToUlaw(await voice.synthesize(text));
  const out = new Uint8Array(speech.length + 8 * silenceMs).fill(0xff);
  out.set(speech);
  return out;
}

test('a call to a cascaded agent: spoken question answered, barge-in clears and truncates, a tool round-trips, end_call hangs up', { timeout: 90_000 }, async () => {
  fake = await startFakeOpenAI();
  fake.apiKeys.add('sk-e2e');
  fake.speech = { msPerChar: 45, firstByteMs: 0, chunkDelayMs: 0 };
  uap = await startUap({
    env: {
      ROUTES: JSON.stringify({
        '*': {
          agent: 'cascaded',
          configId: 'cascade',
          settings: { prompt: 'You are the front desk of a small hotel.', greeting: 'Hello, thanks for calling.', tools: [{ type: 'end_call' }, { type: 'send_dtmf' }], endpointing: { silenceMs: 500, minSpeechMs: 200 } },
        },
      }),
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_BASE_URL: fake.baseUrl,
    },
  });
  const question = await utterance('Hello, what are your opening hours?');
  const interruption = await utterance('Wait, stop please, press one for me.');

  const call = await SimulatedCall.place({ webhookUrl: uap.webhookUrl, authToken: TEST_AUTH_TOKEN });
  // 1. The greeting is synthesized by the OpenAI speech fake and played; its mark comes back.
  await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting played');
  assert.equal(fake.speeches[0]?.input, 'Hello, thanks for calling.');

  // 2. The caller asks; VAD + endpointing send the utterance to transcription, the answer streams back.
  fake.transcripts.push('What are your opening hours?');
  fake.chat.push({ text: ANSWER });
  const beforeAnswer = call.bytesReceived;
  await call.sendAudio(question);
  await fake.waitFor(() => fake!.transcriptions.length === 1, 10_000);
  const heardMs = fake.transcriptions[0].ms;
  assert.ok(heardMs > 1200 && heardMs < 4000, `the utterance sent to STT is the question (${heardMs.toFixed(0)} ms)`);
  await fake.waitFor(() => fake!.chatRequests.length === 1, 5000);
  assert.deepEqual(fake.chatRequests[0].messages.slice(1), [
    { role: 'assistant', content: 'Hello, thanks for calling.' },
    { role: 'user', content: 'What are your opening hours?' },
  ]);
  assert.deepEqual(fake.chatRequests[0].tools?.map((t) => t.function.name), ['end_call', 'send_dtmf']);
  // 3. The answer plays (about 9 s of audio); 1.5 s into it the caller talks over it.
  await call.waitFor((c) => c.bytesReceived - beforeAnswer >= 8000 * 1.5, 10_000, 'the answer playing');
  fake.transcripts.push('Wait, stop please, press one for me.');
  fake.chat.push({ text: 'Sure, pressing one now.', toolCalls: [{ name: 'send_dtmf', arguments: '{"digits":"1"}' }] });
  fake.chat.push({ text: 'Done. Goodbye!', toolCalls: [{ name: 'end_call', arguments: '{"reason":"caller asked"}' }] });
  const clearsBefore = call.clears;
  const sending = call.sendAudio(interruption);
  await call.waitFor((c) => c.clears > clearsBefore, 5000, 'clear after the barge-in');
  const answerBytes = call.bytesReceived - beforeAnswer;
  assert.ok(answerBytes < 8000 * 6, `the rest of the answer was dropped (${(answerBytes / 8000).toFixed(1)} s played)`);
  await sending;

  // 4. The model's next request holds the answer cut to what the caller heard, then the interruption.
  await fake.waitFor(() => fake!.chatRequests.length >= 2, 10_000);
  const msgs = fake.chatRequests[1].messages;
  const cut = msgs.at(-2)!;
  assert.equal(cut.role, 'assistant');
  assert.ok(typeof cut.content === 'string' && cut.content.length > 0 && cut.content.length < ANSWER.length && ANSWER.startsWith(cut.content.replace(/ [^ ]*$/, '')), `truncated answer: "${String(cut.content)}"`);
  assert.deepEqual(msgs.at(-1), { role: 'user', content: 'Wait, stop please, press one for me.' });

  // 5. Tool round-trip: send_dtmf's result goes back to the model; end_call hangs up after the goodbye.
  await fake.waitFor(() => fake!.chatRequests.length >= 3, 10_000);
  const third = fake.chatRequests[2].messages;
  assert.equal(third.at(-1)!.role, 'tool');
  assert.equal(third.at(-1)!.content, '{"sent":"1"}');
  const closed = await call.closed;
  assert.equal(closed.code, 1000, 'the server ended the call');
  assert.ok(fake.speeches.some((s) => s.input === 'Done.') && fake.speeches.some((s) => s.input === 'Goodbye!'), 'the goodbye was spoken');

  // The key was played into the call: 697 Hz + 1209 Hz somewhere in what the caller heard.
  const heard = ulawToPcm(call.receivedAudio());
  let dtmfSeen = false;
  for (let i = 0; i + 800 <= heard.length && !dtmfSeen; i += 400) {
    const w = heard.subarray(i, i + 800);
    const lo = goertzelPower(w, 8000, 697);
    const hi = goertzelPower(w, 8000, 1209);
    const other = goertzelPower(w, 8000, 1000) + goertzelPower(w, 8000, 180);
    dtmfSeen = lo > 1e5 && hi > 1e5 && lo > 20 * other && hi > 20 * other;
  }
  assert.ok(dtmfSeen, 'DTMF 1 heard in the call audio');

  // 6. Transcript turns: the cut answer is marked interrupted; the first answer carries its latency.
  if (process.env.E2E_VERBOSE) console.log(uap.logs.filter((l) => l.msg === 'transcript turn' || l.msg?.toString().includes('barge')));
  const turns = uap.logs.filter((l) => l.msg === 'transcript turn') as Array<{ role: string; interrupted: boolean; latency?: Record<string, number> }>;
  assert.ok(turns.some((t) => t.role === 'agent' && t.interrupted === true), 'an interrupted agent turn');
  assert.ok(turns.filter((t) => t.role === 'user').length >= 2, 'both caller turns');
  const withLatency = turns.find((t) => t.latency?.firstAudioMs !== undefined);
  assert.ok(withLatency, 'a turn with its latency breakdown');
  for (const k of ['endpointingMs', 'sttMs', 'llmFirstTokenMs', 'ttsFirstByteMs', 'firstAudioMs']) assert.equal(typeof withLatency!.latency![k], 'number', k);
  assert.ok((await uap.metric('uap_cascaded_barge_ins_total', { cause: 'speech' })) >= 1);
  assert.ok((await uap.metric('uap_cascaded_turn_latency_seconds_count', { stage: 'first_audio' })) >= 1);
});
