// The cascaded pipeline without sockets: caller frames in (loud = speech, via an energy VAD), scripted
// STT/LLM/TTS, and the frames, marks, clears, hang-ups and transcript turns that come out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CascadedCall, type CascadedTurn } from './cascaded-call.ts';
import { vadRate } from '../../vad/detector.ts';
import { parseCascadedSettings } from './settings.ts';
import { noMetrics, type CascadedMetrics } from './metrics.ts';
import { energyVad, ScriptedStt, ScriptedLlm, ScriptedTts, RecordingOutput, RecordingTools, says, httpError } from './testing.ts';
import { newAudioFrameView } from '../../../proto/index.ts';
import { createLogger } from '../../../lib/logger.ts';
import { ProviderError } from './provider-error.ts';
import { ElevenLabsTts } from './providers/elevenlabs-tts.ts';
import { startFakeElevenLabs } from '../../../test/fakes/elevenlabs/server.ts';
import type { TtsProvider } from './types.ts';

const RATE = 16000;
const FRAME = RATE / 50;

function harness(settings: Record<string, unknown> = {}, metrics: CascadedMetrics = noMetrics, realTts?: TtsProvider) {
  const out = new RecordingOutput(RATE);
  const stt = new ScriptedStt();
  const llm = new ScriptedLlm();
  const tts = new ScriptedTts();
  const fallback = new ScriptedTts('fallback-tts', 100, 16000);
  const tools = new RecordingTools();
  const turns: CascadedTurn[] = [];
  const call = new CascadedCall(
    { callId: 'c1', tenantId: 't1', from: '+1', to: '+2', inputRate: RATE, settings: {}, log: createLogger('silent'), out, transcript: (t) => turns.push(t) },
    { vad: energyVad(), stt, llm, tts: realTts ?? tts, fallbackTts: fallback, tools, metrics, settings: parseCascadedSettings({ providerRetryBackoffMs: 1, dtmfPauseMs: 30, ...settings }) },
  );
  const view = newAudioFrameView();
  view.sampleRate = RATE;
  const loud = new Int16Array(FRAME);
  for (let i = 0; i < FRAME; i++) loud[i] = Math.round(6000 * Math.sin((2 * Math.PI * 300 * i) / RATE));
  const quiet = new Int16Array(FRAME);
  const feed = (pcm: Int16Array, ms: number) => {
    view.pcm = new Uint8Array(pcm.buffer);
    for (let t = 0; t < ms; t += 20) call.onAudio(view);
  };
  return {
    call,
    out,
    stt,
    llm,
    tts,
    fallback,
    tools,
    turns,
    speech: (ms: number) => feed(loud, ms),
    silence: (ms: number) => feed(quiet, ms),
    /** The caller's side plays everything queued: marks come back. */
    playAll: () => {
      for (const m of out.takeMarks()) call.onMarkPlayed(m, false);
    },
    /** The caller's side plays the first `n` marks queued. */
    play: (n: number) => {
      for (const m of out.marks.splice(0, n)) call.onMarkPlayed(m.name, false);
    },
    /** Media returns the marks a clear discarded. */
    returnCleared: () => {
      for (const m of out.takeMarks()) call.onMarkPlayed(m, true);
    },
  };
}

async function until(cond: () => boolean, what: string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

test('greeting: spoken sentence by sentence with a mark each; the agent turn is published once played', async () => {
  const h = harness({ greeting: 'Hello there. How can I help?' });
  await until(() => h.out.marks.length === 2, 'two greeting marks');
  assert.deepEqual(h.tts.texts, ['Hello there.', 'How can I help?']);
  assert.ok(h.out.frames >= 2 * 5, `${h.out.frames} frames`); // 2 + 4 words × 100 ms
  assert.equal(h.turns.length, 0, 'not final before it played');
  h.playAll();
  await until(() => h.turns.length === 1, 'agent turn');
  assert.deepEqual({ ...h.turns[0], startMs: 0, endMs: 0 }, { role: 'agent', text: 'Hello there. How can I help?', startMs: 0, endMs: 0 });
  h.call.onEnd('test');
});

test('a question: endpoint after the silence, STT, LLM, sentences to TTS; latency breakdown on the answer', async () => {
  const h = harness({ endpointing: { silenceMs: 300 } });
  h.stt.script.push('What are your hours?');
  h.llm.script.push(says('We are open from nine to five. On weekends we close at noon.'));
  h.silence(200);
  h.speech(800);
  h.silence(280);
  assert.equal(h.stt.heard.length, 1, 'utterance started');
  assert.equal(h.llm.requests.length, 0, 'no endpoint before 300 ms of silence');
  h.silence(40);
  await until(() => h.out.marks.length === 2, 'the answer in two segments');
  assert.ok(h.stt.heard[0] >= 16 * 800, `STT got the whole utterance with pre-roll (${h.stt.heard[0] / 16} ms)`);
  const req = h.llm.requests[0];
  assert.deepEqual(req.messages, [{ role: 'user', content: 'What are your hours?' }]);
  assert.deepEqual(req.tools, ['end_call', 'send_dtmf']);
  assert.deepEqual(h.tts.texts, ['We are open from nine to five.', 'On weekends we close at noon.']);
  assert.equal(h.turns[0].role, 'user');
  assert.equal(h.turns[0].text, 'What are your hours?');
  assert.ok(Math.abs(h.turns[0].startMs! - 200) <= 20 && Math.abs(h.turns[0].endMs! - 1000) <= 20, JSON.stringify(h.turns[0]));
  h.playAll();
  await until(() => h.turns.length === 2, 'agent turn');
  const a = h.turns[1];
  assert.equal(a.text, 'We are open from nine to five. On weekends we close at noon.');
  assert.equal(a.interrupted, undefined);
  const l = a.latency!;
  assert.ok(l.endpointingMs! >= 300 && l.endpointingMs! <= 340, `endpointing ${l.endpointingMs}`);
  for (const k of ['sttMs', 'llmFirstTokenMs', 'ttsFirstByteMs', 'firstAudioMs'] as const) assert.ok(typeof l[k] === 'number' && l[k]! >= 0 && l[k]! < 500, `${k}=${l[k]}`);
  h.call.onEnd('test');
});

test('barge-in: confirmed speech while the agent talks clears at once, cancels the reply, and the history keeps only what was heard', async () => {
  const h = harness({ endpointing: { silenceMs: 300, minSpeechMs: 200 } });
  h.stt.script.push('Tell me a story.', 'Stop, what time is it?');
  let firstSignal: AbortSignal | undefined;
  h.llm.script.push((req) => {
    firstSignal = req.signal;
    return says('Once upon a time there was a king. He had three daughters. The youngest was the bravest of all. She left the castle one morning.');
  });
  h.llm.script.push(says('It is noon.'));
  h.speech(600);
  h.silence(320);
  await until(() => h.out.marks.length >= 3, 'the story under way');
  h.play(1); // the caller heard the first sentence
  const framesBefore = h.out.frames;
  // The caller talks over the agent: 180 ms is not enough...
  h.speech(180);
  assert.equal(h.out.clears, 0, 'an onset shorter than minSpeechMs does not interrupt');
  // ...the frame that makes it 200 ms clears playback before the next frame arrives.
  h.speech(20);
  assert.equal(h.out.clears, 1, 'clear sent within the confirming frame');
  assert.ok(firstSignal!.aborted, 'the reply (LLM and TTS) was cancelled');
  const framesAtClear = h.out.frames;
  h.returnCleared();
  h.speech(400);
  assert.equal(h.out.frames, framesAtClear, 'nothing more of the story is sent');
  assert.ok(framesAtClear >= framesBefore);
  h.silence(320);
  await until(() => h.llm.requests.length === 2, 'the second question reaches the model');
  assert.deepEqual(h.llm.requests[1].messages, [
    { role: 'user', content: 'Tell me a story.' },
    { role: 'assistant', content: 'Once upon a time there was a king.' },
    { role: 'user', content: 'Stop, what time is it?' },
  ]);
  const cut = h.turns.find((t) => t.role === 'agent');
  assert.deepEqual({ role: cut?.role, text: cut?.text, interrupted: cut?.interrupted }, { role: 'agent', text: 'Once upon a time there was a king.', interrupted: true });
  assert.deepEqual(
    h.turns.map((t) => t.role),
    ['user', 'agent', 'user'],
  );
  h.call.onEnd('test');
});

test('false interruption: a burst with no words re-speaks what was cut, and the turn ends up whole', async () => {
  const h = harness({ endpointing: { silenceMs: 300 } });
  h.stt.script.push('Hi.', '');
  h.llm.script.push(says('First sentence here. Second sentence here. Third sentence here.'));
  h.speech(400);
  h.silence(320);
  await until(() => h.out.marks.length === 3, 'three segments');
  h.play(1);
  h.speech(300); // a cough
  assert.equal(h.out.clears, 1);
  h.returnCleared();
  h.silence(320);
  await until(() => h.out.marks.length === 2, 'the rest re-spoken');
  assert.deepEqual(h.tts.texts.slice(3), ['Second sentence here.', 'Third sentence here.']);
  assert.equal(h.llm.requests.length, 1, 'the model was not asked again');
  h.playAll();
  await until(() => h.turns.length === 2, 'agent turn');
  assert.deepEqual([h.turns[1].text, h.turns[1].interrupted], ['First sentence here. Second sentence here. Third sentence here.', undefined]);
  h.call.onEnd('test');
});

test('tools: send_dtmf plays tones, end_call hangs up once the goodbye has played; results go back to the model', async () => {
  const h = harness({ endpointing: { silenceMs: 300 } });
  h.stt.script.push('Press one two for me, then hang up.');
  h.llm.script.push([...says('Dialing now.'), { type: 'tool_call', call: { id: 'call_1', name: 'send_dtmf', arguments: '{"digits":"12"}' } }]);
  h.llm.script.push([...says('Done. Goodbye!'), { type: 'tool_call', call: { id: 'call_2', name: 'end_call', arguments: '{}' } }]);
  h.speech(400);
  h.silence(320);
  await until(() => h.tools.runs.length === 1, 'end_call ran');
  assert.equal(h.llm.requests.length, 2);
  assert.deepEqual(h.llm.requests[1].messages.slice(1), [
    { role: 'assistant', content: 'Dialing now.', toolCalls: [{ id: 'call_1', name: 'send_dtmf', arguments: '{"digits":"12"}' }] },
    { role: 'tool', toolCallId: 'call_1', name: 'send_dtmf', content: '{"sent":"12"}' },
  ]);
  await until(() => h.out.marks.length === 4, 'speech, tones, speech, speech');
  assert.equal(h.out.hangups.length, 0, 'no hang-up before the goodbye played');
  h.playAll();
  await until(() => h.out.hangups.length === 1, 'hang-up');
  assert.equal(h.turns.at(-1)!.text, 'Dialing now. Done. Goodbye!');
});

test('keys reach the model as text after a pause, and stop the agent talking', async () => {
  const h = harness({ greeting: 'Welcome to the long greeting of this test.' });
  await until(() => h.out.marks.length === 1, 'greeting');
  h.call.onDtmf('4');
  assert.equal(h.out.clears, 1, 'the first key clears playback');
  h.call.onDtmf('2');
  h.call.onDtmf('x'); // not a key: ignored
  await until(() => h.llm.requests.length === 1, 'the keys reach the model');
  assert.deepEqual(h.llm.requests[0].messages.at(-1), { role: 'user', content: '[The caller pressed 4 2 on the keypad]' });
  h.call.onEnd('test');
});

test('a retryable LLM error is retried; a fatal one is apologised for; a TTS failure apologises in the offline voice', async () => {
  const errors: string[] = [];
  const metrics = { ...noMetrics, providerError: (p: string, s: string, c: string) => errors.push(`${p}/${s}/${c}`), retry: (p: string) => errors.push(`retry ${p}`) };
  const h = harness({ endpointing: { silenceMs: 300 } }, metrics);
  h.stt.script.push('One.', 'Two.', 'Three.');
  h.llm.script.push(httpError(503), says('Recovered.'));
  h.speech(300);
  h.silence(320);
  await until(() => h.tts.texts.includes('Recovered.'), 'answer after a retry');
  h.playAll();
  h.llm.script.push(httpError(401));
  h.speech(300);
  h.silence(320);
  await until(() => h.tts.texts.some((t) => t.startsWith("I'm sorry")), 'spoken apology');
  assert.deepEqual(errors, ['retry fake', 'fake/llm/HTTP_401']);
  h.playAll();
  h.tts.failures.push(new ProviderError('fake-tts', 'tts', 'TTS_HTTP_400', 'bad voice', { status: 400 }));
  h.llm.script.push(says('This will not be heard.'));
  h.speech(300);
  h.silence(320);
  await until(() => h.fallback.texts.length === 1, 'offline apology');
  assert.ok(h.fallback.texts[0].startsWith("I'm sorry"));
  assert.equal(errors.at(-1), 'fake-tts/tts/TTS_HTTP_400');
  h.call.onEnd('test');
});

test('an STT failure is apologised for; the call carries on', async () => {
  const h = harness({ endpointing: { silenceMs: 300 } });
  h.stt.script.push(new ProviderError('fake-stt', 'stt', 'STT_HTTP_400', 'bad audio', { status: 400 }), 'Hello?');
  h.speech(300);
  h.silence(320);
  await until(() => h.tts.texts.length >= 1, 'apology');
  assert.ok(h.tts.texts[0].startsWith("I'm sorry"));
  h.playAll();
  h.speech(300);
  h.silence(320);
  await until(() => h.llm.requests.length === 1, 'next turn works');
  h.call.onEnd('test');
});

test('the VAD runs at 8 kHz for a narrowband leg on the 16 kHz bus, at the bus rate otherwise', () => {
  const seen: Array<{ input: number; model: number }> = [];
  const vad = energyVad();
  for (const sourceRate of [8000, 16000, undefined]) {
    const call = new CascadedCall(
      { callId: 'c1', tenantId: 't1', from: '+1', to: '+2', inputRate: RATE, sourceRate, settings: {}, log: createLogger('silent'), out: new RecordingOutput(RATE) },
      { vad: (rates, onProb) => (seen.push(rates), vad(rates, onProb)), stt: new ScriptedStt(), llm: new ScriptedLlm(), tts: new ScriptedTts(), fallbackTts: undefined, tools: new RecordingTools(), metrics: noMetrics, settings: parseCascadedSettings({}) },
    );
    call.onEnd('test over');
  }
  assert.deepEqual(seen, [
    { input: 16000, model: 8000 },
    { input: 16000, model: 16000 },
    { input: 16000, model: 16000 },
  ]);
  assert.equal(vadRate(8000, 8000), 8000, 'an 8 kHz bus keeps its rate');
});

test('ElevenLabs speech: a reply streams from the stream-input fake; a barge-in mid-sentence closes its socket at once and nothing more is sent', async () => {
  const el = await startFakeElevenLabs();
  el.speech.chunkDelayMs = 20; // audio keeps coming while the caller talks over it
  const tts = new ElevenLabsTts({ apiKey: 'xi', baseUrl: el.baseUrl, voiceId: 'JBFqnCBsd6RMkjVDRZzb', model: 'eleven_flash_v2_5', sampleRate: 16000 });
  const h = harness({ endpointing: { silenceMs: 300, minSpeechMs: 200 } }, noMetrics, tts);
  h.stt.script.push('Tell me a story.');
  const first = 'Once upon a time there was a king who lived in a large castle by the sea.';
  h.llm.script.push(says(`${first} He had three daughters.`));
  h.speech(600);
  h.silence(320);
  await until(() => h.out.frames > 10, 'the first sentence playing');
  const live = el.sessions.find((s) => s.generations.length > 0)!;
  assert.deepEqual(live.generations, [`${first} `]);
  h.speech(200);
  assert.equal(h.out.clears, 1, 'cleared within the confirming frame');
  await el.waitFor(() => live.closed, 200);
  assert.equal(live.closedBy, 'client', 'the socket was dropped by us, mid-sentence');
  const frames = h.out.frames;
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(h.out.frames, frames, 'no audio after the barge-in');
  assert.ok(live.audioBytes < first.length * 40 * 32, 'the sentence was cut short');
  assert.ok(!el.texts.includes('He had three daughters. '), 'the next sentence was never sent');
  h.call.onEnd('test');
  await el.waitFor(() => el.sessions.every((s) => s.closed));
  await el.stop();
});
