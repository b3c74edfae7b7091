// The cascaded kind as the worker creates it, against the local fakes: every provider's usage reaches
// the call's usage sink under its service, provider and model, and the end-of-call summary is asked of
// the agent config's LLM (or `summary.model`), with its own usage, or not at all with `summary: false`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from '../../../lib/metrics.ts';
import { createLogger } from '../../../lib/logger.ts';
import { newAudioFrameView } from '../../../proto/index.ts';
import { cascadedKind } from './cascaded-kind.ts';
import { energyVad, RecordingOutput } from './testing.ts';
import { startFakeOpenAI, FAKE_STT_AUDIO_TOKENS_PER_S, type FakeOpenAI } from '../../../test/fakes/openai/server.ts';
import { startFakeAnthropic, type FakeAnthropic } from '../../../test/fakes/anthropic/server.ts';
import { fakeTokens } from '../../../test/fakes/http-fake.ts';
import type { AgentCall, AgentCallContext } from '../types.ts';
import type { UsageDelta } from '../../usage/call-usage.ts';

let oa: FakeOpenAI;
let an: FakeAnthropic;
before(async () => {
  [oa, an] = await Promise.all([startFakeOpenAI(), startFakeAnthropic()]);
});
after(async () => {
  await Promise.all([oa.stop(), an.stop()]);
});

const kind = () => cascadedKind({ registry: new Registry(), openai: { apiKey: 'sk', baseUrl: oa.baseUrl }, anthropic: { apiKey: 'ak', baseUrl: an.baseUrl }, vad: energyVad() });

type Report = { service: string; provider: string; model: string } & UsageDelta;

function ctx(settings: Record<string, unknown>, out: RecordingOutput, reports: Report[]): AgentCallContext {
  return { callId: 'u1', tenantId: 't', from: '+1', to: '+2', inputRate: 16000, settings, log: createLogger('silent'), out, usage: (service, provider, model, d) => void reports.push({ service, provider, model, ...d }) };
}

/** 500 ms of caller speech, then silence until the answer has been spoken. */
async function ask(call: AgentCall, out: RecordingOutput): Promise<void> {
  const view = newAudioFrameView();
  view.sampleRate = 16000;
  const loud = new Int16Array(320).map((_, i) => Math.round(6000 * Math.sin(i / 5)));
  view.pcm = new Uint8Array(loud.buffer);
  for (let i = 0; i < 25; i++) call.onAudio(view);
  view.pcm = new Uint8Array(640);
  for (let i = 0; i < 30; i++) call.onAudio(view);
  const end = Date.now() + 5000;
  while (out.marks.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

const of = (reports: Report[], service: string) => reports.filter((r) => r.service === service);

test('usage: STT audio and tokens, LLM tokens, TTS characters and audio, each under its model', async () => {
  const reports: Report[] = [];
  const out = new RecordingOutput();
  oa.transcripts.push('What time do you open?');
  oa.chat.push({ text: 'We open at nine.' });
  const call = await kind().create(ctx({}, out, reports));
  await ask(call, out);
  call.onEnd('test');
  const stt = of(reports, 'stt');
  const heardMs = oa.transcriptions.at(-1)!.ms;
  const audioTokens = Math.ceil((heardMs / 1000) * FAKE_STT_AUDIO_TOKENS_PER_S);
  assert.deepEqual(stt, [{ service: 'stt', provider: 'openai', model: 'gpt-4o-mini-transcribe', requests: 1, audioInMs: heardMs, inputTokens: audioTokens, outputTokens: fakeTokens('What time do you open?'), inputAudioTokens: audioTokens }]);
  const chat = oa.chatRequests.at(-1)!;
  assert.deepEqual(of(reports, 'llm'), [{ service: 'llm', provider: 'openai', model: 'gpt-4o-mini', requests: 1, inputTokens: fakeTokens(JSON.stringify(chat.messages) + JSON.stringify(chat.tools ?? [])), outputTokens: fakeTokens('We open at nine.'), cachedInputTokens: 0, inputAudioTokens: 0, outputAudioTokens: 0 }]);
  assert.deepEqual(of(reports, 'tts'), [{ service: 'tts', provider: 'openai', model: 'gpt-4o-mini-tts', requests: 1, characters: 16, audioOutMs: 16 * oa.speech.msPerChar }]);
});

test('summary: the transcript goes to the config\'s LLM with a short budget; its usage counts as summary', async () => {
  const reports: Report[] = [];
  const call = await kind().create(ctx({ llm: { model: 'gpt-4.1-mini', maxTokens: 400 } }, new RecordingOutput(), reports));
  call.onEnd('test');
  assert.ok(call.summarize, 'an LLM is configured');
  oa.chat.push({ text: '  The caller asked when the shop opens.\n The agent said nine.  ' });
  const turns = [
    { role: 'agent' as const, text: 'Hello, how can I help?' },
    { role: 'user' as const, text: 'What time do you open?' },
    { role: 'agent' as const, text: 'We open at', interrupted: true },
  ];
  const s = await call.summarize(turns, AbortSignal.timeout(5000));
  assert.deepEqual(s, { text: 'The caller asked when the shop opens. The agent said nine.', provider: 'openai', model: 'gpt-4.1-mini' });
  const body = oa.chatRequests.at(-1)! as unknown as { model: string; max_completion_tokens: number; tools?: unknown; messages: Array<{ role: string; content: string }> };
  assert.equal(body.model, 'gpt-4.1-mini');
  assert.equal(body.max_completion_tokens, 200);
  assert.equal(body.tools, undefined, 'no tools for a summary');
  assert.match(body.messages[0].content, /summarize phone calls/i);
  assert.match(body.messages[1].content, /Agent: Hello, how can I help\?\nCaller: What time do you open\?\nAgent: We open at \[cut off by the caller\]/);
  assert.deepEqual(of(reports, 'summary').map((r) => [r.provider, r.model, r.requests, r.outputTokens]), [['openai', 'gpt-4.1-mini', 1, fakeTokens('  The caller asked when the shop opens.\n The agent said nine.  ')]]);
});

test('summary: with Anthropic as the LLM, summary.model chosen; summary: false turns it off; a bad value refuses the call', async () => {
  const reports: Report[] = [];
  const call = await kind().create(ctx({ llm: { provider: 'anthropic' }, summary: { model: 'claude-sonnet-4-5' } }, new RecordingOutput(), reports));
  call.onEnd('test');
  an.replies.push({ text: 'A caller asked about opening hours.', usage: { input_tokens: 90, output_tokens: 9 } });
  const s = await call.summarize!([{ role: 'user', text: 'When do you open?' }], AbortSignal.timeout(5000));
  assert.deepEqual(s, { text: 'A caller asked about opening hours.', provider: 'anthropic', model: 'claude-sonnet-4-5' });
  assert.equal(an.bodies.at(-1)!.model, 'claude-sonnet-4-5');
  assert.deepEqual(of(reports, 'summary'), [{ service: 'summary', provider: 'anthropic', model: 'claude-sonnet-4-5', requests: 1, inputTokens: 90, outputTokens: 9, cachedInputTokens: 0 }]);

  const off = await kind().create(ctx({ summary: false }, new RecordingOutput(), []));
  off.onEnd('test');
  assert.equal(off.summarize, undefined);
  await assert.rejects(Promise.resolve(kind().create(ctx({ summary: { model: 'bad model!' } }, new RecordingOutput(), []))), /summary: model/);
});
