// The kind as the worker creates it: providers chosen from the agent config, real SDKs against the
// local fakes (Anthropic or Gemini for the LLM, Deepgram or OpenAI for STT, OpenAI or ElevenLabs
// speech), an energy VAD standing in for Silero so the frames are deterministic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from '../../../lib/metrics.ts';
import { createLogger } from '../../../lib/logger.ts';
import { newAudioFrameView } from '../../../proto/index.ts';
import { cascadedKind } from './cascaded-kind.ts';
import { energyVad, RecordingOutput } from './testing.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../../../test/fakes/openai/server.ts';
import { startFakeAnthropic, type FakeAnthropic } from '../../../test/fakes/anthropic/server.ts';
import { startFakeGemini, type FakeGemini } from '../../../test/fakes/gemini/server.ts';
import { startFakeDeepgram, type FakeDeepgram } from '../../../test/fakes/deepgram/server.ts';
import { startFakeElevenLabs, type FakeElevenLabs } from '../../../test/fakes/elevenlabs/server.ts';
import type { AgentCall } from '../types.ts';

let oa: FakeOpenAI;
let an: FakeAnthropic;
let ge: FakeGemini;
let dg: FakeDeepgram;
let el: FakeElevenLabs;
before(async () => {
  [oa, an, ge, dg, el] = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startFakeGemini(), startFakeDeepgram(), startFakeElevenLabs()]);
});
after(async () => {
  await Promise.all([oa.stop(), an.stop(), ge.stop(), dg.stop(), el.stop()]);
});

function kind() {
  return cascadedKind({
    registry: new Registry(),
    openai: { apiKey: 'sk-platform', baseUrl: oa.baseUrl },
    anthropic: { apiKey: 'ant-platform', baseUrl: an.baseUrl },
    gemini: { apiKey: 'gem-platform', baseUrl: ge.baseUrl },
    deepgram: { apiKey: 'dg-platform', baseUrl: dg.baseUrl },
    elevenlabs: { apiKey: 'xi-platform', baseUrl: el.baseUrl },
    vad: energyVad(),
  });
}

async function ask(call: AgentCall, out: RecordingOutput): Promise<void> {
  const view = newAudioFrameView();
  view.sampleRate = 16000;
  const loud = new Int16Array(320).map((_, i) => Math.round(6000 * Math.sin(i / 5)));
  const quiet = new Int16Array(320);
  view.pcm = new Uint8Array(loud.buffer);
  for (let i = 0; i < 25; i++) call.onAudio(view);
  view.pcm = new Uint8Array(quiet.buffer);
  for (let i = 0; i < 30; i++) call.onAudio(view);
  const end = Date.now() + 5000;
  while (out.marks.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

const ctx = (settings: Record<string, unknown>, out: RecordingOutput) => ({ callId: 'k1', tenantId: 't', from: '+1', to: '+2', inputRate: 16000, settings, log: createLogger('silent'), out });

test('Anthropic LLM with Deepgram STT: the caller is heard, Anthropic answers, OpenAI speech speaks it', async () => {
  dg.transcripts.push('Do you have a table for two?');
  an.replies.push({ text: 'Yes, we do.' });
  const out = new RecordingOutput();
  const call = await kind().create(ctx({ llm: { provider: 'anthropic' }, stt: { provider: 'deepgram' }, tools: [{ type: 'end_call' }] }, out));
  await ask(call, out);
  assert.ok(out.frames > 0, 'audio out');
  const body = an.bodies.at(-1)!;
  assert.deepEqual(body.messages, [{ role: 'user', content: [{ type: 'text', text: 'Do you have a table for two?' }] }]);
  assert.equal(body.model, 'claude-haiku-4-5');
  assert.deepEqual(body.tools?.map((t) => t.name), ['end_call']);
  assert.equal(oa.speeches.at(-1)?.input, 'Yes, we do.');
  assert.ok(dg.sessions.at(-1)!.audioBytes >= 25 * 640, 'the utterance was streamed to Deepgram');
  call.onEnd('test');
});

test('Gemini LLM with OpenAI STT; the config\'s own key wins over the platform\'s', async () => {
  oa.transcripts.push('What is the weather?');
  ge.replies.push({ text: 'Sunny all day.' });
  const out = new RecordingOutput();
  const call = await kind().create(ctx({ llm: { provider: 'gemini', model: 'gemini-2.5-pro' }, secrets: { GEMINI_API_KEY: 'gem-tenant' } }, out));
  await ask(call, out);
  assert.ok(out.frames > 0);
  assert.equal(ge.bodies.at(-1)!.model, 'gemini-2.5-pro');
  assert.equal(ge.requests.at(-1)!.headers['x-goog-api-key'], 'gem-tenant');
  assert.equal(oa.speeches.at(-1)?.input, 'Sunny all day.');
  call.onEnd('test');
});

test('ElevenLabs speech: the greeting and the answer stream as 16 kHz PCM over stream-input with the config\'s voice, model, settings and key; the call\'s end closes the socket held ahead', async () => {
  oa.transcripts.push('Are you open on Sunday?');
  oa.chat.push({ text: 'Yes, from ten.' });
  const out = new RecordingOutput();
  const n0 = el.sessions.length;
  const tts = { provider: 'elevenlabs', voice: 'EXAVITQu4vr4xnSDxMaL', model: 'eleven_turbo_v2_5', voiceSettings: { stability: 0.6 } };
  const call = await kind().create(ctx({ greeting: 'Hello.', tts, secrets: { ELEVENLABS_API_KEY: 'xi-tenant' } }, out));
  await el.waitFor(() => out.marks.length === 1);
  for (const m of out.takeMarks()) call.onMarkPlayed?.(m, false); // the greeting played
  await new Promise((r) => setTimeout(r, 20));
  await ask(call, out);
  assert.ok(out.frames >= 2 * 20, `${out.frames} frames out`);
  const spoken = el.sessions.slice(n0).filter((s) => s.messages.length > 1);
  assert.deepEqual(spoken.map((s) => s.generations), [['Hello. '], ['Yes, from ten. ']]);
  const s = spoken[0];
  assert.deepEqual([s.voiceId, s.apiKey, s.query.get('model_id'), s.query.get('output_format')], ['EXAVITQu4vr4xnSDxMaL', 'xi-tenant', 'eleven_turbo_v2_5', 'pcm_16000']);
  assert.deepEqual(s.voiceSettings, { stability: 0.6 });
  call.onEnd('test');
  await el.waitFor(() => el.sessions.slice(n0).every((x) => x.closed));
});

test('a config without a usable key or with a bad field is refused at start, naming the problem', async () => {
  const k = cascadedKind({ registry: new Registry(), vad: energyVad() });
  await assert.rejects(Promise.resolve(k.create(ctx({}, new RecordingOutput()))), /OPENAI_API_KEY/);
  await assert.rejects(Promise.resolve(kind().create(ctx({ llm: { provider: 'nope' } }, new RecordingOutput()))), /llm\.provider/);
  await assert.rejects(Promise.resolve(cascadedKind({ registry: new Registry(), vad: energyVad(), openai: { apiKey: 'sk' } }).create(ctx({ tts: { provider: 'elevenlabs' } }, new RecordingOutput()))), /ELEVENLABS_API_KEY/);
});
