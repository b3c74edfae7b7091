// Each provider adapter through its official SDK (or raw ws for Deepgram) against the local fake that
// speaks the real wire protocol: streaming, tool calls, errors, retries, cuts, malformed events.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { startFakeOpenAI, type FakeOpenAI } from '../../../../test/fakes/openai/server.ts';
import { startFakeAnthropic, type FakeAnthropic } from '../../../../test/fakes/anthropic/server.ts';
import { startFakeGemini, type FakeGemini } from '../../../../test/fakes/gemini/server.ts';
import { startFakeDeepgram, type FakeDeepgram } from '../../../../test/fakes/deepgram/server.ts';
import { OpenAiLlm } from './openai-llm.ts';
import { AnthropicLlm } from './anthropic-llm.ts';
import { GeminiLlm } from './gemini-llm.ts';
import { OpenAiStt } from './openai-stt.ts';
import { OpenAiTts } from './openai-tts.ts';
import { DeepgramStt } from './deepgram-stt.ts';
import { retryStream } from '../retry.ts';
import { ProviderError } from '../provider-error.ts';
import type { ChatMessage, LlmEvent, LlmProvider, ToolDeclaration } from '../types.ts';

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

const tools: ToolDeclaration[] = [{ name: 'end_call', description: 'Hang up', parameters: { type: 'object', properties: { reason: { type: 'string' } } } }];
const conversation: ChatMessage[] = [
  { role: 'assistant', content: 'Hello, how can I help?' },
  { role: 'user', content: 'Book a table.' },
  { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'call_1', name: 'end_call', arguments: '{"reason":"x"}' }] },
  { role: 'tool', toolCallId: 'call_1', name: 'end_call', content: '{"ok":true}' },
  { role: 'user', content: 'Thanks.' },
];

async function collect(llm: LlmProvider, messages = conversation, signal = new AbortController().signal): Promise<LlmEvent[]> {
  const out: LlmEvent[] = [];
  for await (const e of llm.stream({ system: 'Be brief.', messages, tools, signal })) out.push(e);
  return out;
}
const textOf = (evs: LlmEvent[]) => evs.map((e) => (e.type === 'text' ? e.text : '')).join('');
const callsOf = (evs: LlmEvent[]) => evs.flatMap((e) => (e.type === 'tool_call' ? [{ name: e.call.name, args: JSON.parse(e.call.arguments) }] : []));

const openai = () => new OpenAI({ apiKey: 'sk-test', baseURL: oa.baseUrl, maxRetries: 0 });

test('OpenAI chat: text streams in deltas, tool calls are assembled from fragments, the history maps onto OpenAI messages', async () => {
  oa.chat.push({ text: 'Sure thing. Goodbye!', toolCalls: [{ name: 'end_call', arguments: '{"reason":"done"}' }] });
  const usage: unknown[] = [];
  const evs = await collect(new OpenAiLlm({ client: openai(), model: 'gpt-4o-mini', temperature: 0.3, maxTokens: 100, usage: (u) => usage.push(u) }));
  assert.equal(textOf(evs), 'Sure thing. Goodbye!');
  assert.ok(evs.filter((e) => e.type === 'text').length >= 3, 'several deltas');
  assert.deepEqual(callsOf(evs), [{ name: 'end_call', args: { reason: 'done' } }]);
  assert.equal(usage.length, 1, 'usage reported once (exact figures: usage.test.ts)');
  const body = oa.chatRequests.at(-1)!;
  assert.deepEqual(body.messages.map((m) => m.role), ['system', 'assistant', 'user', 'assistant', 'tool', 'user']);
  assert.deepEqual(body.tools?.map((t) => t.function.name), ['end_call']);
});

test('OpenAI chat errors: 5xx is retryable and retried, 401 is not, a malformed chunk and a cut stream are typed errors', async () => {
  const llm = new OpenAiLlm({ client: openai(), model: 'gpt-4o-mini', temperature: undefined, maxTokens: 100 });
  oa.faults.push({ status: 503 });
  oa.chat.push({ text: 'Back.' });
  const signal = new AbortController().signal;
  const retries: string[] = [];
  let text = '';
  for await (const e of retryStream(() => llm.stream({ system: '', messages: [{ role: 'user', content: 'hi' }], tools: [], signal }), { provider: 'openai', stage: 'llm', backoffMs: 1, signal, onRetry: (e) => retries.push(e.code) })) if (e.type === 'text') text += e.text;
  assert.equal(text, 'Back.');
  assert.deepEqual(retries, ['LLM_HTTP_503']);

  oa.faults.push({ status: 401 });
  await assert.rejects(collect(llm), (e: unknown) => {
    const pe = retryStreamError(e);
    return pe.status === 401 && pe.retryable === false;
  });
  oa.chat.push({ raw: ['{"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":42}}]}'] });
  await assert.rejects(collect(llm), (e: unknown) => e instanceof ProviderError && e.code === 'LLM_BAD_EVENT');
  oa.faults.push({ disconnectAfter: 3 });
  oa.chat.push({ text: 'This answer is cut off in the middle of the stream.' });
  await assert.rejects(collect(llm));
});

/** toProviderError as the retry loop applies it. */
function retryStreamError(e: unknown): ProviderError {
  return e instanceof ProviderError ? e : new ProviderError('x', 'llm', 'X', String(e), { status: (e as { status?: number }).status, retryable: false });
}

test('Anthropic messages: system as a parameter, alternating turns opening with the user, tool_use/tool_result blocks; text and tool calls stream back', async () => {
  an.replies.push({ text: 'You are welcome. Bye!', toolUses: [{ name: 'end_call', input: { reason: 'thanked' } }] });
  const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: an.baseUrl, maxRetries: 0 });
  const evs = await collect(new AnthropicLlm({ client, model: 'claude-haiku-4-5', temperature: undefined, maxTokens: 200 }));
  assert.equal(textOf(evs), 'You are welcome. Bye!');
  assert.deepEqual(callsOf(evs), [{ name: 'end_call', args: { reason: 'thanked' } }]);
  const body = an.bodies.at(-1)!;
  assert.equal(body.system, 'Be brief.');
  assert.deepEqual(body.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant', 'user']);
  const h = an.requests.at(-1)!.headers;
  assert.ok(h['x-api-key'] === 'sk-ant-test' || h.authorization === 'Bearer sk-ant-test', 'the key was sent');
  // An error event mid-stream (overloaded) surfaces as a typed, retryable error.
  an.replies.push({ text: 'Partial answer here.', errorAfter: { events: 4, type: 'overloaded_error', message: 'Overloaded' } });
  const got: LlmEvent[] = [];
  await assert.rejects(
    (async () => {
      for await (const e of new AnthropicLlm({ client, model: 'claude-haiku-4-5', temperature: undefined, maxTokens: 200 }).stream({ system: 's', messages: [{ role: 'user', content: 'x' }], tools: [], signal: new AbortController().signal })) got.push(e);
    })(),
  );
  assert.ok(got.length >= 1, 'text before the error was delivered');
});

test('Gemini: contents with user/model roles, functionCall/functionResponse parts; text and function calls stream back', async () => {
  ge.replies.push({ text: 'Goodbye now.', functionCalls: [{ name: 'end_call', args: { reason: 'bye' } }] });
  const client = new GoogleGenAI({ apiKey: 'g-test', httpOptions: { baseUrl: ge.baseUrl } });
  const evs = await collect(new GeminiLlm({ client, model: 'gemini-2.5-flash', temperature: 0.5, maxTokens: 200 }));
  assert.equal(textOf(evs), 'Goodbye now.');
  assert.deepEqual(callsOf(evs), [{ name: 'end_call', args: { reason: 'bye' } }]);
  const body = ge.bodies.at(-1)!;
  assert.equal(body.model, 'gemini-2.5-flash');
  assert.deepEqual(body.contents.map((c) => c.role), ['user', 'model', 'user', 'model', 'user']);
  assert.ok(JSON.stringify(body.contents).includes('functionResponse'));
  assert.ok(JSON.stringify(body).includes('Be brief.'), 'system instruction sent');
  ge.faults.push({ status: 429 });
  await assert.rejects(collect(new GeminiLlm({ client, model: 'gemini-2.5-flash', temperature: undefined, maxTokens: 50 })), (e: unknown) => (e as { status?: number }).status === 429);
});

test('OpenAI transcription: the utterance goes up as a WAV of the right length; the text comes back', async () => {
  const stt = new OpenAiStt({ client: openai(), toFile, model: 'gpt-4o-mini-transcribe', language: 'en', rate: 16000, retries: 1, backoffMs: 1 });
  oa.transcripts.push('What time do you open?');
  const u = stt.begin();
  const frame = new Int16Array(320).fill(1000);
  for (let i = 0; i < 60; i++) u.push(frame); // 1.2 s
  assert.equal(await u.finish(new AbortController().signal), 'What time do you open?');
  const t = oa.transcriptions.at(-1)!;
  assert.equal(t.rate, 16000);
  assert.equal(Math.round(t.ms), 1200);
  assert.equal(t.model, 'gpt-4o-mini-transcribe');
  // A blip too short to hold words costs no request.
  const blip = stt.begin();
  blip.push(frame);
  assert.equal(await blip.finish(new AbortController().signal), '');
  assert.equal(oa.transcriptions.length, 1);
});

test('OpenAI speech: PCM streams in chunks before the whole sentence is synthesized', async () => {
  oa.speech = { msPerChar: 40, firstByteMs: 0, chunkDelayMs: 20 };
  const tts = new OpenAiTts({ client: openai(), model: 'gpt-4o-mini-tts', voice: 'alloy', instructions: undefined });
  const text = 'This sentence takes a while to say out loud.';
  const t0 = performance.now();
  let first = 0;
  let bytes = 0;
  let chunks = 0;
  for await (const c of tts.synthesize(text, new AbortController().signal)) {
    if (!first) first = performance.now() - t0;
    bytes += c.length;
    chunks++;
  }
  const total = performance.now() - t0;
  assert.equal(bytes, Math.round((24000 * text.length * 40) / 1000) * 2);
  assert.ok(chunks > 5, `${chunks} chunks`);
  assert.ok(first < total / 2, `first byte at ${first.toFixed(0)} ms of ${total.toFixed(0)} ms`);
  assert.deepEqual(oa.speeches.at(-1), { input: text, voice: 'alloy', model: 'gpt-4o-mini-tts' });
  oa.speech.chunkDelayMs = 0;
});

test('Deepgram live: audio streams during the utterance, Finalize returns its words; utterances stay in order; a dropped socket fails the pending one', async () => {
  const stt = new DeepgramStt({ apiKey: 'dg-test', baseUrl: dg.baseUrl, model: 'nova-3', language: 'en', rate: 16000, finalizeTimeoutMs: 2000 });
  await stt.open(new AbortController().signal);
  const s = dg.sessions.at(-1)!;
  assert.equal(s.query.get('sample_rate'), '16000');
  dg.transcripts.push('first words', 'second words');
  const frame = new Int16Array(320).fill(500);
  const u1 = stt.begin();
  for (let i = 0; i < 25; i++) u1.push(frame);
  const p1 = u1.finish(new AbortController().signal);
  const u2 = stt.begin();
  for (let i = 0; i < 25; i++) u2.push(frame);
  const p2 = u2.finish(new AbortController().signal);
  assert.deepEqual(await Promise.all([p1, p2]), ['first words', 'second words']);
  assert.equal(s.audioBytes, 50 * 640);
  // An abandoned onset is finalized and its words never reach a later utterance.
  dg.transcripts.push('noise', 'real words');
  const ab = stt.begin();
  ab.push(frame);
  ab.cancel();
  const u3 = stt.begin();
  u3.push(frame);
  assert.equal(await u3.finish(new AbortController().signal), 'real words');
  // Connection lost with an utterance pending → a typed error.
  dg.finalizeDelayMs = 500;
  const u4 = stt.begin();
  u4.push(frame);
  const p4 = u4.finish(new AbortController().signal);
  setTimeout(() => dg.drop(), 50);
  await assert.rejects(p4, (e: unknown) => e instanceof ProviderError && e.code === 'STT_DISCONNECTED');
  dg.finalizeDelayMs = 0;
  stt.close();
});
