// openai-realtime against the local fakes: each response.done's usage (with its token details) and each
// caller transcription's usage reach the call's usage sink, with the audio sent and received; the
// end-of-call summary goes to Chat Completions at OPENAI_BASE_URL with the call's OpenAI key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { newAudioFrameView } from '../../../proto/index.ts';
import { openaiRealtimeKind } from './realtime-kind.ts';
import { startFakeOpenAIRealtime, FAKE_AUDIO_TOKENS_PER_S, type FakeOpenAIRealtime } from '../../../test/fakes/openai-realtime/server.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../../../test/fakes/openai/server.ts';
import type { AgentCallContext, AgentOutput } from '../types.ts';
import type { UsageDelta } from '../../usage/call-usage.ts';

let rt: FakeOpenAIRealtime;
let oa: FakeOpenAI;
before(async () => {
  [rt, oa] = await Promise.all([startFakeOpenAIRealtime(), startFakeOpenAI()]);
});
after(async () => {
  await Promise.all([rt.stop(), oa.stop()]);
});

type Report = { service: string; provider: string; model: string } & UsageDelta;

const out: AgentOutput = { outputRate: 24000, sendAudio() {}, mark() {}, clear() {}, hangup() {} };
function ctx(settings: Record<string, unknown>, reports: Report[]): AgentCallContext {
  return { callId: 'r1', tenantId: 't', from: '+1', to: '+2', inputRate: 24000, settings, log: pino({ level: 'silent' }), out, usage: (service, provider, model, d) => void reports.push({ service, provider, model, ...d }) };
}
const kind = () => openaiRealtimeKind({ url: rt.url, apiKey: 'sk-platform', restBaseUrl: oa.baseUrl, timeoutMs: 2000 });

test('usage: response.done tokens (audio, text, cached) with the audio both ways; caller transcription tokens', async () => {
  const reports: Report[] = [];
  const call = await kind().create(ctx({ firstSpeaker: 'user', model: 'gpt-realtime-mini' }, reports));
  const s = rt.sessions.at(-1)!;
  const frame = newAudioFrameView();
  frame.sampleRate = 24000;
  frame.pcm = new Uint8Array(960); // 20 ms at 24 kHz
  for (let i = 0; i < 60; i++) call.onAudio(frame); // 1.2 s: twenty 60 ms appends
  await rt.waitFor(() => s.receivedAudio().length >= 57_600);
  s.transcribe('What time is it?', undefined, 1000);
  const answer = new Int16Array(24_000 / 2); // 500 ms
  await s.respond({ audio: answer, transcript: 'It is noon.' });
  await rt.waitFor(() => reports.some((r) => r.service === 'realtime'));
  const [stt] = reports.filter((r) => r.service === 'stt');
  assert.deepEqual(stt, { service: 'stt', provider: 'openai', model: 'gpt-4o-mini-transcribe', requests: 1, inputTokens: 10, outputTokens: 4, inputAudioTokens: 10 });
  const [r] = reports.filter((x) => x.service === 'realtime');
  const u = s.usages[0] as { input_tokens: number; output_tokens: number };
  assert.deepEqual(r, {
    service: 'realtime', provider: 'openai', model: 'gpt-realtime-mini', requests: 1,
    inputTokens: u.input_tokens, outputTokens: u.output_tokens, cachedInputTokens: 0,
    inputAudioTokens: 1.2 * FAKE_AUDIO_TOKENS_PER_S.input, outputAudioTokens: FAKE_AUDIO_TOKENS_PER_S.output / 2,
    audioInMs: 1200, audioOutMs: 500,
  });
  // The second response: the first one's tokens come back as cached input.
  await s.respond({ audio: answer, transcript: 'Anything else?', usage: undefined });
  await rt.waitFor(() => reports.filter((x) => x.service === 'realtime').length === 2);
  assert.equal(reports.filter((x) => x.service === 'realtime')[1].cachedInputTokens, Number((s.usages[0] as { total_tokens: number }).total_tokens));
  call.onEnd('test');
});

test('summary: Chat Completions at OPENAI_BASE_URL with the call\'s key; summary.model; summary: false', async () => {
  const reports: Report[] = [];
  const call = await kind().create(ctx({ firstSpeaker: 'user', secrets: { OPENAI_API_KEY: 'sk-tenant' }, summary: { model: 'gpt-4.1-nano' } }, reports));
  call.onEnd('test');
  oa.chat.push({ text: 'The caller asked the time; the agent said noon.' });
  const s = await call.summarize!([{ role: 'user', text: 'What time is it?' }, { role: 'agent', text: 'It is noon.' }], AbortSignal.timeout(5000));
  assert.deepEqual(s, { text: 'The caller asked the time; the agent said noon.', provider: 'openai', model: 'gpt-4.1-nano' });
  const req = oa.requests.at(-1)!;
  assert.equal(req.headers.authorization, 'Bearer sk-tenant');
  assert.equal((req.body as { model: string }).model, 'gpt-4.1-nano');
  assert.deepEqual(reports.filter((r) => r.service === 'summary').map((r) => [r.model, r.requests]), [['gpt-4.1-nano', 1]]);

  const off = await kind().create(ctx({ firstSpeaker: 'user', summary: false }, []));
  off.onEnd('test');
  assert.equal(off.summarize, undefined);
});
