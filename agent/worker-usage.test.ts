// The worker publishes what a kind reports of its call: provider usage summed into one Usage event per
// agent turn (and at release), and after the call has ended the kind's summary — only when the caller
// spoke, bounded in time, without holding up the call's release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { InProcBus } from '../lib/bus/index.ts';
import { Registry } from '../lib/metrics.ts';
import { uap, subjects } from '../proto/index.ts';
import { AgentWorker } from './worker.ts';
import type { AgentCallContext, AgentKind } from './kinds/types.ts';
import type { Summarizer } from './summary/summarize.ts';

const usageOf = (e: uap.CallEvent) => uap.Usage.toObject(e.usage as uap.Usage);

async function setup(summarize: Summarizer | undefined, summaryTimeoutMs = 2000) {
  const bus = new InProcBus();
  const events: uap.CallEvent[] = [];
  await bus.consumeDurable({ durable: 'test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  const ctxs: AgentCallContext[] = [];
  const ended: string[] = [];
  const kind: AgentKind = {
    name: 'test',
    outputRate: 16000,
    create: (ctx) => {
      ctxs.push(ctx);
      return { onAudio() {}, onEnd: (r) => void ended.push(r), summarize };
    },
  };
  const registry = new Registry();
  const worker = new AgentWorker({ bus, log: pino({ level: 'silent' }), registry, kinds: [kind], capacity: 10, heartbeatIntervalMs: 60_000, summaryTimeoutMs });
  worker.start();
  const dispatch = async (callId: string) => {
    const reply = uap.DispatchReply.decode(await bus.request(subjects.dispatch, uap.DispatchRequest.encode({ callId, tenantId: 'acme', agentKind: 'test', sampleRate: 16000, agentConfigJson: '{}' }).finish(), { timeoutMs: 1000 }));
    assert.ok(reply.accepted, reply.errorMessage);
    return ctxs.at(-1)!;
  };
  const end = (callId: string) => bus.publish(subjects.callEvent(callId), uap.CallEvent.encode({ eventId: `${callId}.media.9`, callId, tenantId: 'acme', ended: { reason: uap.EndReason.CALLER_HANGUP } }).finish());
  const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));
  const of = (callId: string, body: string) => events.filter((e) => e.callId === callId && e.body === body);
  return { bus, worker, registry, ended, dispatch, end, settle, of, close: async () => (worker.close(), await bus.close()) };
}

test('usage: summed per service/provider/model, one Usage event per agent turn and at release; counters on /metrics', async () => {
  const h = await setup(undefined);
  const ctx = await h.dispatch('c1');
  ctx.usage!('stt', 'openai', 'gpt-4o-mini-transcribe', { requests: 1, audioInMs: 1200.4, inputTokens: 12 });
  ctx.transcript!({ role: 'user', text: 'Hi' });
  ctx.usage!('llm', 'openai', 'gpt-4o-mini', { requests: 1, inputTokens: 100, outputTokens: 20, cachedInputTokens: 64 });
  ctx.usage!('llm', 'openai', 'gpt-4o-mini', { requests: 1, inputTokens: 150, outputTokens: 5 });
  ctx.usage!('tts', 'openai', 'gpt-4o-mini-tts', { requests: 1, characters: 42, audioOutMs: 2500 });
  await h.settle();
  assert.equal(h.of('c1', 'usage').length, 0, 'nothing before the agent turn closes the exchange');
  ctx.transcript!({ role: 'agent', text: 'Hello!' });
  await h.settle();
  const [first] = h.of('c1', 'usage');
  assert.deepEqual(usageOf(first), {
    items: [
      { service: 'stt', provider: 'openai', model: 'gpt-4o-mini-transcribe', requests: 1, inputTokens: 12, audioInMs: 1200 },
      { service: 'llm', provider: 'openai', model: 'gpt-4o-mini', requests: 2, inputTokens: 250, outputTokens: 25, cachedInputTokens: 64 },
      { service: 'tts', provider: 'openai', model: 'gpt-4o-mini-tts', requests: 1, characters: 42, audioOutMs: 2500 },
    ],
  });
  ctx.usage!('tts', 'openai', 'gpt-4o-mini-tts', { requests: 1, characters: 10 });
  h.end('c1');
  await h.settle();
  assert.deepEqual(h.ended, ['CALLER_HANGUP']);
  const usage = h.of('c1', 'usage');
  assert.equal(usage.length, 2, 'the rest at release');
  assert.deepEqual(usageOf(usage[1]).items, [{ service: 'tts', provider: 'openai', model: 'gpt-4o-mini-tts', requests: 1, characters: 10 }]);
  // Reported after the release (a stream cut at the end): published shortly after.
  ctx.usage!('llm', 'openai', 'gpt-4o-mini', { requests: 1, inputTokens: 7 });
  await h.settle(300);
  assert.equal(h.of('c1', 'usage').length, 3);
  const metrics = await h.registry.metrics();
  assert.match(metrics, /uap_agent_usage_tokens_total\{service="llm",provider="openai",type="input"\} 257/);
  assert.match(metrics, /uap_agent_usage_audio_seconds_total\{service="tts",provider="openai",direction="out"\} 2.5/);
  assert.match(metrics, /uap_agent_usage_characters_total\{service="tts",provider="openai"\} 52/);
  await h.close();
});

test('summary: after release, from the final turns, published with its own usage; none without a caller turn', async () => {
  const seen: Array<{ turns: string[]; released: boolean }> = [];
  let h!: Awaited<ReturnType<typeof setup>>;
  let ctx!: AgentCallContext;
  h = await setup(async (turns) => {
    seen.push({ turns: turns.map((t) => `${t.role}: ${t.text}`), released: h.worker.activeCalls === 0 });
    await new Promise((r) => setTimeout(r, 20));
    ctx.usage!('summary', 'openai', 'gpt-4o-mini', { requests: 1, inputTokens: 80, outputTokens: 30 });
    return { text: 'The caller asked for the opening hours.', provider: 'openai', model: 'gpt-4o-mini' };
  });
  ctx = await h.dispatch('c2');
  ctx.transcript!({ role: 'agent', text: 'Hello, how can I help?' });
  ctx.transcript!({ role: 'user', text: 'When are you open?' });
  ctx.transcript!({ role: 'agent', text: 'Nine to five.', interrupted: true });
  h.end('c2');
  await h.settle(100);
  assert.deepEqual(seen, [{ turns: ['agent: Hello, how can I help?', 'user: When are you open?', 'agent: Nine to five.'], released: true }]);
  const [s] = h.of('c2', 'summary');
  assert.deepEqual(uap.CallSummary.toObject(s.summary as uap.CallSummary), { text: 'The caller asked for the opening hours.', provider: 'openai', model: 'gpt-4o-mini' });
  assert.deepEqual(usageOf(h.of('c2', 'usage').at(-1)!).items, [{ service: 'summary', provider: 'openai', model: 'gpt-4o-mini', requests: 1, inputTokens: 80, outputTokens: 30 }]);

  ctx = await h.dispatch('c3');
  ctx.transcript!({ role: 'agent', text: 'Hello, how can I help?' });
  h.end('c3');
  await h.settle(100);
  assert.equal(seen.length, 1, 'no caller turn: no summary asked for');
  assert.equal(h.of('c3', 'summary').length, 0);
  await h.close();
});

test('summary: a summarizer that hangs is dropped at the timeout; the call was released at once; drain waits for it', async () => {
  let signal: AbortSignal | undefined;
  const h = await setup((_turns, s) => {
    signal = s;
    return new Promise(() => {}); // ignores its signal too
  }, 150);
  const ctx = await h.dispatch('c4');
  ctx.transcript!({ role: 'user', text: 'Hello?' });
  h.end('c4');
  await h.settle(10);
  assert.deepEqual(h.ended, ['CALLER_HANGUP']);
  assert.equal(h.worker.activeCalls, 0, 'released without waiting for the summary');
  const t0 = Date.now();
  await h.worker.drain(1000);
  assert.ok(Date.now() - t0 < 400, 'drain waited only for the summary timeout');
  assert.equal(signal?.aborted, true);
  assert.equal(h.of('c4', 'summary').length, 0);
  assert.match(await h.registry.metrics(), /uap_agent_summaries_total\{outcome="timeout"\} 1/);
  await h.close();
});
