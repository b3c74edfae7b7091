// Each provider adapter reports its usage as the provider's API states it (the local fakes speak the
// real wire format: OpenAI's include_usage chunk, Anthropic's message_start + cumulative message_delta,
// Gemini's cumulative usageMetadata, transcription usage by model), once per request — also when the
// stream is cut short.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { startFakeOpenAI, FAKE_STT_AUDIO_TOKENS_PER_S, type FakeOpenAI } from '../../../../test/fakes/openai/server.ts';
import { startFakeAnthropic, type FakeAnthropic } from '../../../../test/fakes/anthropic/server.ts';
import { startFakeGemini, type FakeGemini } from '../../../../test/fakes/gemini/server.ts';
import { startFakeDeepgram, type FakeDeepgram } from '../../../../test/fakes/deepgram/server.ts';
import { fakeTokens } from '../../../../test/fakes/http-fake.ts';
import { OpenAiLlm } from './openai-llm.ts';
import { AnthropicLlm } from './anthropic-llm.ts';
import { GeminiLlm } from './gemini-llm.ts';
import { OpenAiStt } from './openai-stt.ts';
import { OpenAiTts } from './openai-tts.ts';
import { DeepgramStt } from './deepgram-stt.ts';
import type { LlmProvider } from '../types.ts';
import type { UsageDelta } from '../../../usage/call-usage.ts';

let oa: FakeOpenAI;
let an: FakeAnthropic;
let ge: FakeGemini;
let dg: FakeDeepgram;
before(async () => {
  [oa, an, ge, dg] = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startFakeGemini(), startFakeDeepgram()]);
});
after(async () => {
  await Promise.all([oa.stop(), an.stop(), ge.stop(), dg.stop()]);
});

const messages = [{ role: 'user' as const, content: 'What are your opening hours?' }];

async function drain(llm: LlmProvider, stopAfter = Infinity): Promise<void> {
  const ac = new AbortController();
  let n = 0;
  try {
    for await (const e of llm.stream({ system: 'Be brief.', messages, tools: [], signal: ac.signal })) {
      if (e.type === 'text' && ++n >= stopAfter) ac.abort(); // a barge-in mid-answer
    }
  } catch (err) {
    if (!ac.signal.aborted) throw err;
  }
}

test('OpenAI chat: prompt/completion tokens and cached tokens from the include_usage chunk, once per stream', async () => {
  const got: UsageDelta[] = [];
  const llm = new OpenAiLlm({ client: new OpenAI({ apiKey: 'sk', baseURL: oa.baseUrl, maxRetries: 0 }), model: 'gpt-4o-mini', temperature: undefined, maxTokens: 50, usage: (u) => got.push(u) });
  oa.chat.push({ text: 'Nine to five.' });
  await drain(llm);
  const body = oa.chatRequests.at(-1)!;
  assert.deepEqual(body.stream_options, { include_usage: true }, 'usage asked for');
  assert.deepEqual(got, [{ requests: 1, inputTokens: fakeTokens(JSON.stringify(body.messages) + '[]'), outputTokens: fakeTokens('Nine to five.'), cachedInputTokens: 0, inputAudioTokens: 0, outputAudioTokens: 0 }]);
  oa.chat.push({ text: 'Cached.', usage: { prompt_tokens: 1200, completion_tokens: 3, cached_tokens: 1024 } });
  await drain(llm);
  assert.deepEqual(got[1], { requests: 1, inputTokens: 1200, outputTokens: 3, cachedInputTokens: 1024, inputAudioTokens: 0, outputAudioTokens: 0 });
  // Cut before the last chunk: the request is counted, its tokens were never stated.
  oa.chat.push({ text: 'A long answer that the caller interrupts halfway through.' });
  oa.eventDelayMs = 5; // streamed, so the cut comes mid-stream
  await drain(llm, 2);
  oa.eventDelayMs = 0;
  assert.deepEqual(got[2], { requests: 1 });
});

test('Anthropic: input (uncached + cache writes + reads) from message_start, cumulative message_delta; partial when cut', async () => {
  const got: UsageDelta[] = [];
  const llm = new AnthropicLlm({ client: new Anthropic({ apiKey: 'k', baseURL: an.baseUrl, maxRetries: 0 }), model: 'claude-haiku-4-5', temperature: undefined, maxTokens: 50, usage: (u) => got.push(u) });
  an.replies.push({ text: 'Nine to five.', usage: { input_tokens: 100, output_tokens: 42, cache_read_input_tokens: 30, cache_creation_input_tokens: 5 } });
  await drain(llm);
  assert.deepEqual(got, [{ requests: 1, inputTokens: 135, outputTokens: 42, cachedInputTokens: 30 }]);
  an.replies.push({ text: 'A long answer that the caller interrupts halfway through.', usage: { input_tokens: 80, output_tokens: 60 } });
  an.eventDelayMs = 5;
  await drain(llm, 2);
  an.eventDelayMs = 0;
  assert.deepEqual(got[1], { requests: 1, inputTokens: 80, outputTokens: 1, cachedInputTokens: 0 }, 'message_start states the input (and 1 output token) before any text');
});

test('Gemini: the last (cumulative) usageMetadata counts, thinking tokens as output, cached content as cached input', async () => {
  const got: UsageDelta[] = [];
  const llm = new GeminiLlm({ client: new GoogleGenAI({ apiKey: 'g', httpOptions: { baseUrl: ge.baseUrl } }), model: 'gemini-2.5-flash', temperature: undefined, maxTokens: 50, usage: (u) => got.push(u) });
  ge.replies.push({ text: 'We open at nine and close at five.', usage: { promptTokenCount: 57, candidatesTokenCount: 11, thoughtsTokenCount: 20, cachedContentTokenCount: 32 } });
  await drain(llm);
  assert.deepEqual(got, [{ requests: 1, inputTokens: 57, outputTokens: 31, cachedInputTokens: 32 }]);
  ge.replies.push({ text: 'Nine to five.' });
  await drain(llm);
  const body = ge.bodies.at(-1)!;
  assert.equal(got[1].outputTokens, fakeTokens('Nine to five.[]'), 'not the sum of the chunks');
  assert.equal(got[1].inputTokens, fakeTokens(JSON.stringify(body.contents) + JSON.stringify(body.systemInstruction) + '[]'));
});

test('OpenAI transcription: the audio sent, plus the tokens of token-billed models (whisper-1 states only a duration)', async () => {
  const got: UsageDelta[] = [];
  const frame = new Int16Array(320).fill(1000);
  for (const model of ['gpt-4o-mini-transcribe', 'whisper-1']) {
    const stt = new OpenAiStt({ client: new OpenAI({ apiKey: 'sk', baseURL: oa.baseUrl, maxRetries: 0 }), toFile, model, language: undefined, rate: 16000, retries: 0, backoffMs: 1, usage: (u) => got.push(u) });
    oa.transcripts.push('What time do you open?');
    const u = stt.begin();
    for (let i = 0; i < 60; i++) u.push(frame); // 1.2 s
    await u.finish(new AbortController().signal);
  }
  const audioTokens = Math.ceil(1.2 * FAKE_STT_AUDIO_TOKENS_PER_S);
  assert.deepEqual(got, [
    { requests: 1, audioInMs: 1200, inputTokens: audioTokens, outputTokens: fakeTokens('What time do you open?'), inputAudioTokens: audioTokens },
    { requests: 1, audioInMs: 1200, inputTokens: undefined, outputTokens: undefined, inputAudioTokens: undefined },
  ]);
});

test('OpenAI speech: characters sent and audio received per request, also when cut', async () => {
  const got: UsageDelta[] = [];
  const tts = new OpenAiTts({ client: new OpenAI({ apiKey: 'sk', baseURL: oa.baseUrl, maxRetries: 0 }), model: 'gpt-4o-mini-tts', voice: 'alloy', instructions: undefined, usage: (u) => got.push(u) });
  const text = 'We open at nine.';
  for await (const _ of tts.synthesize(text, new AbortController().signal)) void _;
  assert.deepEqual(got, [{ requests: 1, characters: text.length, audioOutMs: text.length * oa.speech.msPerChar }]);
  const long = 'A much longer sentence that gets cut after its first chunk.';
  oa.speech.chunkDelayMs = 20;
  for await (const _ of tts.synthesize(long, new AbortController().signal)) break;
  oa.speech.chunkDelayMs = 0;
  assert.equal(got[1].characters, long.length);
  const ms = got[1].audioOutMs ?? 0;
  assert.ok(ms >= 100 && ms < long.length * oa.speech.msPerChar, `${ms} ms: what arrived before the cut`);
});

test('Deepgram live: a request per socket, the audio streamed per utterance', async () => {
  const got: UsageDelta[] = [];
  const stt = new DeepgramStt({ apiKey: 'dg', baseUrl: dg.baseUrl, model: 'nova-3', language: undefined, rate: 16000, finalizeTimeoutMs: 2000, usage: (u) => got.push(u) });
  await stt.open(new AbortController().signal);
  dg.transcripts.push('hello');
  const frame = new Int16Array(320).fill(500);
  const u = stt.begin();
  for (let i = 0; i < 25; i++) u.push(frame);
  await u.finish(new AbortController().signal);
  stt.close();
  assert.deepEqual(got, [{ requests: 1 }, { audioInMs: 500 }]);
});
