import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { Registry } from '../../../lib/metrics.ts';
import { newAudioFrameView } from '../../../proto/index.ts';
import type { AgentCall, AgentCallContext, AgentOutput, AgentResume, AgentTurn } from '../types.ts';
import { openaiRealtimeKind, RealtimeError, type OpenAIRealtimeKindOptions, type RealtimeTranscript } from './realtime-kind.ts';
import { normalizeTools } from './session-config.ts';
import { runTool } from './tools.ts';
import { heardText } from './agent-turns.ts';
import { parseServerEvent } from './events.ts';
import { startFakeOpenAIRealtime, type FakeOpenAIRealtime, type FakeRealtimeSession } from '../../../test/fakes/openai-realtime/server.ts';
import { tone, goertzelPower } from '../../../test/twilio-sim/index.ts';

// Log lines at warn and above, kept so tests can check what was (and was not) logged.
const logged: Array<{ level: number; msg: string; [k: string]: unknown }> = [];
const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
let fake: FakeOpenAIRealtime;

before(async () => {
  fake = await startFakeOpenAIRealtime();
});
after(async () => {
  await fake.stop();
});

/**
 * An output that plays like the media core: 20 ms frames in real time, marks returned (onMarkPlayed)
 * once the audio before them has played, `clear` drops what has not played and returns its marks as cleared.
 */
class PlayerOutput implements AgentOutput {
  readonly outputRate = 24000;
  call: AgentCall | undefined;
  frames: Int16Array[] = [];
  marks: string[] = [];
  clears = 0;
  hangups: string[] = [];
  playedFrames = 0;
  private queue: Array<Int16Array | string> = [];
  private due = 0;
  private readonly timer = setInterval(() => this.tick(), 2).unref();

  sendAudio(pcm: Int16Array): void {
    const f = Int16Array.from(pcm); // the kind reuses its frame buffer
    this.frames.push(f);
    this.queue.push(f);
  }
  mark(name: string): void {
    this.marks.push(name);
    this.queue.push(name);
  }
  clear(): void {
    this.clears++;
    const marks = this.queue.filter((x): x is string => typeof x === 'string');
    this.queue = [];
    for (const m of marks) this.call?.onMarkPlayed?.(m, true);
  }
  hangup(reason: string): void {
    this.hangups.push(reason);
  }
  get playedMs(): number {
    return this.playedFrames * 20;
  }
  private tick(): void {
    const now = performance.now();
    while (this.queue.length > 0 && this.call) {
      const head = this.queue[0];
      if (typeof head === 'string') {
        this.queue.shift();
        this.call.onMarkPlayed?.(head, false);
        continue;
      }
      if (this.due === 0 || this.due < now - 20) this.due = now + 20; // (re)starts playing now
      if (now < this.due) break;
      this.queue.shift();
      this.playedFrames++;
      this.due += 20;
    }
    if (this.queue.length === 0) this.due = 0;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

function ctxWith(settings: Record<string, unknown>, inputRate = 16000, resume?: AgentResume): AgentCallContext & { out: PlayerOutput; turns: AgentTurn[] } {
  const turns: AgentTurn[] = [];
  return { callId: 'c1', tenantId: 't1', from: '+1555', to: '+1666', inputRate, settings, log, out: new PlayerOutput(), resume, transcript: (t) => turns.push(t), turns };
}

async function until(pred: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const kindOpts = (extra: OpenAIRealtimeKindOptions = {}): OpenAIRealtimeKindOptions => ({ url: fake.url, apiKey: 'sk-platform', backoffMs: 10, timeoutMs: 2000, ...extra });
const SETTINGS = { prompt: 'Be brief.', voice: 'marin', firstSpeaker: 'user' };

interface Started {
  ctx: AgentCallContext & { out: PlayerOutput; turns: AgentTurn[] };
  call: AgentCall;
  s: FakeRealtimeSession;
  out: PlayerOutput;
  end(): void;
}

async function startCall(settings: Record<string, unknown> = SETTINGS, extra: OpenAIRealtimeKindOptions = {}, inputRate = 16000, resume?: AgentResume): Promise<Started> {
  const ctx = ctxWith(settings, inputRate, resume);
  const n = fake.sessions.length;
  const call = await openaiRealtimeKind(kindOpts(extra)).create(ctx);
  ctx.out.call = call;
  const s = fake.sessions[n];
  assert.ok(s, 'a session was opened');
  return {
    ctx,
    call,
    s,
    out: ctx.out,
    end() {
      call.onEnd('test');
      ctx.out.stop();
      const bugs = logged.filter((l) => l.level >= 50);
      assert.deepEqual(bugs, [], 'no error logged');
    },
  };
}

const pcmFrame = (samples: Int16Array, rate: number) => {
  const f = newAudioFrameView();
  f.sampleRate = rate;
  f.pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  return f;
};

// ---- connecting and the session --------------------------------------------------------------

test('connects with the key and model, and configures the session (GA shape) before the call is accepted', async () => {
  const c = await startCall({
    ...SETTINGS,
    tools: [
      { type: 'function', name: 'lookup_order', description: 'Find an order', parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
      { type: 'function', function: { name: 'check_stock', parameters: { type: 'object', properties: {} } } },
      { type: 'web_search' },
    ],
  });
  assert.equal(c.s.apiKey, 'sk-platform');
  assert.equal(c.s.model, 'gpt-realtime');
  const [update] = c.s.eventsOf('session.update');
  const session = update.session as Record<string, any>;
  assert.equal(session.type, 'realtime');
  assert.equal(session.instructions, 'Be brief.');
  assert.deepEqual(session.output_modalities, ['audio']);
  assert.deepEqual(session.audio.input.format, { type: 'audio/pcm', rate: 24000 });
  assert.deepEqual(session.audio.output.format, { type: 'audio/pcm', rate: 24000 });
  assert.equal(session.audio.output.voice, 'marin');
  assert.equal(session.audio.input.turn_detection.type, 'server_vad');
  assert.equal(session.audio.input.turn_detection.interrupt_response, true);
  assert.equal(session.audio.input.transcription.model, 'gpt-4o-mini-transcribe');
  assert.deepEqual(session.tools.map((t: { name: string }) => t.name), ['lookup_order', 'check_stock', 'end_call']);
  assert.equal(session.tool_choice, 'auto');
  assert.deepEqual(c.s.errors, [], 'the fake accepted every event');
  assert.deepEqual(c.s.eventsOf('response.create'), [], 'firstSpeaker user: the model waits');
  c.end();
});

test('agent config overrides: model, key from the secret, greeting spoken first', async () => {
  const c = await startCall({ model: 'gpt-realtime-mini', secrets: { OPENAI_API_KEY: 'sk-tenant' }, greeting: 'Hello from Acme!' });
  assert.equal(c.s.apiKey, 'sk-tenant');
  assert.equal(c.s.model, 'gpt-realtime-mini');
  await fake.waitFor(() => c.s.eventsOf('response.create').length === 1);
  const rc = c.s.eventsOf('response.create')[0] as { response?: { instructions?: string } };
  assert.match(rc.response?.instructions ?? '', /^You are a helpful voice assistant[^]*Hello from Acme!/, 'the agent instructions, then the greeting');
  c.end();
});

test('missing API key fails clearly without connecting', async () => {
  const n = fake.upgrades.length;
  await assert.rejects(
    async () => openaiRealtimeKind({ url: fake.url }).create(ctxWith({ prompt: 'x' })),
    (err: unknown) => err instanceof RealtimeError && err.code === 'OPENAI_NO_API_KEY' && /OPENAI_API_KEY/.test(err.message),
  );
  assert.equal(fake.upgrades.length, n);
});

test('a rejected key (401) fails at once; a 5xx is retried; an unknown model is not', async () => {
  fake.apiKeys.add('sk-good');
  try {
    let n = fake.upgrades.length;
    await assert.rejects(async () => openaiRealtimeKind(kindOpts({ apiKey: 'sk-bad' })).create(ctxWith(SETTINGS)), (err: unknown) => err instanceof RealtimeError && err.code === 'OPENAI_AUTH' && err.status === 401 && !err.retryable);
    assert.equal(fake.upgrades.length - n, 1);

    fake.failNext(503);
    n = fake.upgrades.length;
    const c = await startCall(SETTINGS, { apiKey: 'sk-good' });
    assert.deepEqual(fake.upgrades.slice(n).map((u) => u.status), [503, 101]);
    c.end();

    fake.models.add('gpt-realtime');
    n = fake.upgrades.length;
    await assert.rejects(async () => openaiRealtimeKind(kindOpts({ apiKey: 'sk-good' })).create(ctxWith({ model: 'gpt-nope' })), (err: unknown) => err instanceof RealtimeError && err.status === 400 && /gpt-nope/.test(err.message));
    assert.equal(fake.upgrades.length - n, 1);
  } finally {
    fake.apiKeys.clear();
    fake.models.clear();
  }
});

test('a session.update the server rejects fails the start with its message; an unreachable server is retryable', async () => {
  fake.voices.add('marin');
  try {
    await assert.rejects(async () => openaiRealtimeKind(kindOpts()).create(ctxWith({ voice: 'nope' })), (err: unknown) => err instanceof RealtimeError && err.code === 'OPENAI_SESSION_REJECTED' && /nope/.test(err.message));
    await fake.waitFor(() => fake.lastSession!.closed, 2000, 'the rejected session closed');
  } finally {
    fake.voices.clear();
  }
  await assert.rejects(
    async () => openaiRealtimeKind({ url: 'ws://127.0.0.1:1/v1/realtime', apiKey: 'k', retries: 1, backoffMs: 1 }).create(ctxWith({})),
    (err: unknown) => err instanceof RealtimeError && err.retryable && err.code === 'OPENAI_UNREACHABLE',
  );
});

// ---- audio ------------------------------------------------------------------------------------

for (const rate of [16000, 8000]) {
  test(`caller audio at ${rate / 1000} kHz reaches the model as 24 kHz PCM in 60 ms appends`, async () => {
    const c = await startCall(SETTINGS, {}, rate);
    const pcm = tone(440, 1000, rate, 0.3);
    const frame = rate / 50;
    for (let i = 0; i < pcm.length; i += frame) c.call.onAudio(pcmFrame(pcm.slice(i, i + frame), rate));
    await fake.waitFor(() => c.s.receivedAudio().length >= 48000 - 2880);
    const appends = c.s.eventsOf('input_audio_buffer.append');
    assert.ok(appends.every((a) => a.audioBytes === 2880), '60 ms at 24 kHz per append');
    assert.equal(appends.length, Math.floor(24000 / 1440));
    const got = new Int16Array(new Uint8Array(c.s.receivedAudio()).buffer).subarray(500);
    assert.ok(goertzelPower(got, 24000, 440) > 50 * goertzelPower(got, 24000, 1000), 'the 440 Hz tone survives resampling');
    assert.deepEqual(c.s.errors, []);
    c.end();
  });
}

test('model audio plays as whole 24 kHz frames, byte for byte, with marks; beta event names too', async () => {
  const c = await startCall();
  const pcm = new Int16Array(24000 / 2 + 100); // 500 ms and a bit
  for (let i = 0; i < pcm.length; i++) pcm[i] = ((i * 37) % 4000) - 2000;
  await c.s.respond({ audio: pcm, chunkMs: 33, transcript: 'hi' });
  await until(() => c.out.frames.length === 26);
  for (const f of c.out.frames) assert.equal(f.length, 480);
  const flat = Int16Array.from(c.out.frames.flatMap((f) => [...f]));
  assert.deepEqual(flat.subarray(0, pcm.length), pcm);
  assert.ok(flat.subarray(pcm.length).every((v) => v === 0), 'the last frame is padded with silence');
  assert.ok(c.out.marks.length >= 3, 'start, periodic and end marks');

  await c.s.respond({ audio: new Int16Array(480).fill(9), beta: true });
  await until(() => c.out.frames.length === 27);
  assert.ok(c.out.frames[26].every((v) => v === 9));
  c.end();
});

// ---- barge-in -----------------------------------------------------------------------------------

test('barge-in: clear at once, truncate at what was played (not sent), cancel the response, drop its late audio', async () => {
  const c = await startCall();
  const audio = tone(300, 3000, 24000, 0.3);
  const done = c.s.respond({ audio, chunkMs: 40, paceMs: 10 }); // 4x real time: still streaming when the caller talks
  await until(() => c.out.playedMs >= 400, 3000, 'some audio played');
  const sentMs = c.out.frames.length * 20;
  const playedMs = c.out.playedMs;
  const itemId = [...c.s.assistantItems.keys()].at(-1)!;
  c.s.speechStarted();
  await fake.waitFor(() => c.s.eventsOf('conversation.item.truncate').length === 1);
  assert.equal(c.out.clears, 1);
  const tr = c.s.eventsOf('conversation.item.truncate')[0];
  assert.equal(tr.item_id, itemId);
  assert.equal(tr.content_index, 0);
  const end = tr.audio_end_ms as number;
  assert.ok(end > 0 && end <= sentMs, `audio_end_ms ${end} within (0, ${sentMs}] sent`);
  assert.ok(Math.abs(end - playedMs) <= 60, `audio_end_ms ${end} ≈ ${playedMs} ms played`);
  assert.ok(sentMs - end > 200, `well short of what was sent (${sentMs} ms): played, not sent`);
  const r = await done;
  assert.equal(r.status, 'cancelled');
  // The server cancelled on its own (interrupt_response); our response.cancel may race it harmlessly.
  await fake.waitFor(() => c.s.eventsOf('response.cancel').length === 1);
  assert.deepEqual(c.s.errors.filter((e) => e.code !== 'response_cancel_not_active'), [], 'the truncate was accepted');
  const frames = c.out.frames.length;
  c.s.send({ type: 'response.output_audio.delta', response_id: r.responseId, item_id: itemId, delta: Buffer.alloc(960).toString('base64') });
  await new Promise((res) => setTimeout(res, 50));
  assert.equal(c.out.frames.length, frames, 'late audio of the cut answer is dropped');
  c.end();
});

test('speech while nothing plays: no clear, no truncate', async () => {
  const c = await startCall();
  await c.s.respond({ audio: new Int16Array(480 * 3) });
  await until(() => c.out.playedFrames === 3 && c.out.marks.length >= 2);
  await new Promise((r) => setTimeout(r, 20)); // end mark back
  c.s.speechStarted();
  c.s.speechStopped();
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(c.out.clears, 0);
  assert.deepEqual(c.s.eventsOf('conversation.item.truncate'), []);
  assert.deepEqual(c.s.eventsOf('response.cancel'), []);
  c.end();
});

// ---- tools, DTMF, transcripts --------------------------------------------------------------------

test('end_call with a goodbye: output returned, no new response, hang up once the goodbye has played', async () => {
  const c = await startCall();
  await c.s.respond({ audio: tone(300, 600, 24000, 0.3), transcript: 'Goodbye!', functionCalls: [{ name: 'end_call', arguments: { reason: 'done' }, callId: 'call_1' }] });
  await fake.waitFor(() => c.s.functionOutputs.get('call_1') !== undefined);
  assert.equal(JSON.parse(c.s.functionOutputs.get('call_1')!).ok, true);
  assert.deepEqual(c.out.hangups, [], 'not before the goodbye has played');
  await until(() => c.out.hangups.length === 1, 3000, 'hang-up');
  assert.ok(c.out.playedMs >= 600, `the goodbye played first (${c.out.playedMs} ms)`);
  assert.deepEqual(c.out.hangups, ['agent ended the call']);
  assert.deepEqual(c.s.eventsOf('response.create'), []);
  await fake.waitFor(() => c.s.closed);
  c.end();
});

test('end_call without audio asks for a goodbye, then hangs up after it', async () => {
  const c = await startCall();
  fake.onResponseCreate = () => ({ audio: tone(300, 200, 24000, 0.3), transcript: 'Bye' });
  try {
    await c.s.respond({ functionCalls: [{ name: 'end_call', callId: 'call_2' }] });
    await fake.waitFor(() => c.s.eventsOf('response.create').length === 1);
    await until(() => c.out.hangups.length === 1, 3000, 'hang-up');
    assert.ok(c.out.playedMs >= 200);
  } finally {
    fake.onResponseCreate = () => undefined;
  }
  c.end();
});

test('send_dtmf and unknown tools answer with an error result and a new response; arguments garbage too', async () => {
  const c = await startCall();
  await c.s.respond({ functionCalls: [{ name: 'send_dtmf', arguments: { digits: '1' }, callId: 'call_3' }, { name: 'teleport', callId: 'call_4' }] });
  await fake.waitFor(() => c.s.eventsOf('response.create').length === 1);
  assert.match(JSON.parse(c.s.functionOutputs.get('call_3')!).error, /send_dtmf/);
  assert.match(JSON.parse(c.s.functionOutputs.get('call_4')!).error, /unknown tool: teleport/);
  const items = c.s.eventsOf('conversation.item.create');
  assert.equal(items.length, 2);
  assert.ok(c.s.events.indexOf(items[1]) < c.s.events.indexOf(c.s.eventsOf('response.create')[0]), 'outputs before response.create');
  assert.match(runTool('end_call', '{not json').output, /not a JSON object/);
  assert.deepEqual(c.out.hangups, []);
  c.end();
});

test('DTMF becomes a user text item and a response, deferred while a response is active', async () => {
  const c = await startCall();
  c.call.onDtmf!('5');
  await fake.waitFor(() => c.s.eventsOf('response.create').length === 1);
  const item = c.s.eventsOf('conversation.item.create')[0].item as { type: string; role: string; content: Array<{ type: string; text: string }> };
  assert.deepEqual(item, { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'The caller pressed DTMF key 5' }] });

  const streaming = c.s.respond({ audio: tone(300, 400, 24000, 0.3), paceMs: 20 });
  await fake.waitFor(() => c.s.active !== undefined);
  await new Promise((r) => setTimeout(r, 30));
  c.call.onDtmf!('#');
  await fake.waitFor(() => c.s.eventsOf('conversation.item.create').length === 2);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(c.s.eventsOf('response.create').length, 1, 'no response.create while one is active');
  await streaming;
  await fake.waitFor(() => c.s.eventsOf('response.create').length === 2);
  assert.deepEqual(c.s.errors, []);
  c.end();
});

test('transcripts: the caller\'s at once, the model\'s once played, published as call events and to the hook', async () => {
  const got: RealtimeTranscript[] = [];
  const c = await startCall(SETTINGS, { onTranscript: (t) => got.push(t) });
  c.s.transcribe('I want a pizza', 'item_u1');
  await until(() => got.length === 1);
  assert.deepEqual(got[0], { callId: 'c1', tenantId: 't1', role: 'user', text: 'I want a pizza', itemId: 'item_u1', interrupted: false });
  await c.s.respond({ audio: tone(300, 300, 24000, 0.3), transcript: 'Sure thing.' });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(got.length, 1, 'not before the answer has played');
  await until(() => got.length === 2, 3000, 'agent turn');
  assert.ok(c.out.playedMs >= 300);
  await c.s.respond({ audio: new Int16Array(480), transcript: 'Beta words.', beta: true });
  await until(() => got.length === 3);
  assert.deepEqual(got.slice(1).map((t) => [t.role, t.text, t.interrupted]), [['agent', 'Sure thing.', false], ['agent', 'Beta words.', false]]);
  assert.deepEqual(c.ctx.turns, [{ role: 'user', text: 'I want a pizza' }, { role: 'agent', text: 'Sure thing.' }, { role: 'agent', text: 'Beta words.' }]);
  c.end();
});

test('an answer cut short is published as interrupted, with the words heard', async () => {
  const c = await startCall();
  const words = 'one two three four five six seven eight nine ten';
  const done = c.s.respond({ audio: tone(300, 2000, 24000, 0.3), transcript: words, paceMs: 2 });
  await until(() => c.out.playedMs >= 600, 3000, 'some audio played');
  c.s.speechStarted();
  await done;
  await until(() => c.ctx.turns.length === 1, 3000, 'interrupted turn');
  const t = c.ctx.turns[0];
  assert.equal(t.interrupted, true);
  assert.ok(/^one two three( four)?$/.test(t.text), `about 30% of the words: "${t.text}"`);
  // Cut while still streaming: no transcript event ever comes; the item in response.done has the text.
  const streaming = c.s.respond({ audio: tone(300, 2000, 24000, 0.3), transcript: words, paceMs: 20 });
  await until(() => c.out.playedMs >= 1000, 3000, 'some of the second answer played');
  c.s.speechStarted();
  assert.equal((await streaming).status, 'cancelled');
  await until(() => c.ctx.turns.length === 2, 3000, 'second interrupted turn');
  assert.equal(c.ctx.turns[1].interrupted, true);
  assert.ok(words.startsWith(c.ctx.turns[1].text) && c.ctx.turns[1].text.length > 0 && c.ctx.turns[1].text.length < words.length, c.ctx.turns[1].text);
  assert.equal(heardText('a b c d', 0.5), 'a b');
  assert.equal(heardText('a b c d', 1), 'a b c d');
  c.end();
});

test('a call taken over from a dead worker replays the conversation so far and the model picks it up', async () => {
  const history: AgentTurn[] = [{ role: 'agent', text: 'How can I help?' }, { role: 'user', text: 'My order is late.' }];
  const c = await startCall({ ...SETTINGS, firstSpeaker: 'agent', greeting: 'Hello again!' }, {}, 16000, { attempt: 1, history });
  await fake.waitFor(() => c.s.eventsOf('response.create').length === 1);
  assert.deepEqual(c.s.eventsOf('conversation.item.create').map((e) => e.item), [
    { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'How can I help?' }] },
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'My order is late.' }] },
  ]);
  assert.equal((c.s.eventsOf('response.create')[0] as { response?: unknown }).response, undefined, 'no greeting on a resumed call');
  assert.deepEqual(c.s.errors, []);
  c.end();
});

// ---- robustness ---------------------------------------------------------------------------------

test('garbled, malformed and unknown events are dropped and counted; provider errors logged and counted; the call goes on', async () => {
  const registry = new Registry();
  const c = await startCall(SETTINGS, { registry });
  c.s.sendRaw('{not json');
  c.s.sendRaw('{"type": 7}');
  c.s.sendRaw(Buffer.from([1, 2, 3]));
  c.s.send({ type: 'response.output_audio.delta', response_id: 'r', item_id: 5 });
  c.s.send({ type: 'response.created' });
  c.s.send({ type: 'response.something_new', x: 1 });
  c.s.error('rate_limit_exceeded', 'Slow down', 'rate_limit_error');
  c.s.error('response_cancel_not_active', 'no active response');
  await c.s.respond({ audio: new Int16Array(480).fill(3) });
  await until(() => c.out.frames.length === 1);
  const dropped = Object.fromEntries((await registry.getSingleMetric('uap_openai_realtime_events_dropped_total')!.get()).values.map((v) => [v.labels.reason, v.value]));
  assert.deepEqual(dropped, { json: 2, binary: 1, shape: 2, unknown: 1 });
  const errors = Object.fromEntries((await registry.getSingleMetric('uap_openai_realtime_errors_total')!.get()).values.map((v) => [v.labels.code, v.value]));
  assert.deepEqual(errors, { rate_limit_exceeded: 1, response_cancel_not_active: 1 });
  const warned = logged.splice(0).map((l) => l.msg);
  assert.equal(warned.filter((m) => m === 'unusable OpenAI Realtime event dropped').length, 5, 'bad events are logged (unknown ones only at debug)');
  assert.equal(warned.filter((m) => m === 'OpenAI Realtime error').length, 1, 'cancel races are not warned about');
  assert.deepEqual(c.out.hangups, []);
  c.end();
});

test('parseServerEvent checks shapes at the boundary', () => {
  assert.deepEqual(parseServerEvent('[]'), { ok: false, reason: 'json', detail: 'not an object with a string type' });
  const r = parseServerEvent('{"type":"response.done","response":{"id":"r1","status":"completed","output":[{"type":"function_call","call_id":"c","name":"end_call","arguments":"{}"},{"type":"function_call"}]}}');
  assert.ok(r.ok && r.event.kind === 'response.done');
  assert.deepEqual(r.ok && r.event.kind === 'response.done' && r.event.functionCalls, [{ callId: 'c', name: 'end_call', arguments: '{}', itemId: undefined }]);
  assert.equal((parseServerEvent('{"type":"conversation.item.input_audio_transcription.completed","item_id":"i"}') as { reason: string }).reason, 'shape');
  assert.deepEqual(parseServerEvent('{"type":"rate_limits.updated","rate_limits":[]}'), { ok: true, event: { kind: 'ignored', type: 'rate_limits.updated' } });
});

test('normalizeTools accepts the Realtime, Chat Completions and bare shapes and reports the rest', () => {
  const { tools, skipped } = normalizeTools([
    { type: 'function', name: 'a', parameters: { type: 'object' } },
    { type: 'function', function: { name: 'b', description: 'B', parameters: { type: 'object' } } },
    { name: 'c', input_schema: { type: 'object', properties: {} } },
    { name: 'bad name!' },
    { type: 'file_search' },
    { name: 'a' },
    'x',
  ]);
  assert.deepEqual(tools.map((t) => t.name), ['a', 'b', 'c']);
  assert.equal(tools[1].description, 'B');
  assert.equal(skipped.length, 4);
});

test('the server dropping the socket hangs up the call; a clean close says the agent ended it', async () => {
  const a = await startCall();
  a.s.drop();
  await until(() => a.out.hangups.length === 1);
  assert.deepEqual(a.out.hangups, ['agent connection lost']);
  a.end();
  const b = await startCall();
  b.s.close(1000);
  await until(() => b.out.hangups.length === 1);
  assert.deepEqual(b.out.hangups, ['agent ended the call']);
  b.end();
});

test('the call ending closes the session without hanging up', async () => {
  const c = await startCall();
  c.call.onEnd('caller hung up');
  await fake.waitFor(() => c.s.closed);
  assert.equal(c.s.closeCode, 1000);
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(c.out.hangups, []);
  c.out.stop();
});

test('declared platform tools (http) are offered as functions and run by the shared runner; the answer goes back before a new response', async () => {
  const { createServer } = await import('node:http');
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ order: JSON.parse(body).arguments.orderId, status: 'shipped' }));
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}/orders`;
    const tools = [{ type: 'http', name: 'lookup_order', description: 'Find an order', url, parameters: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] } }];
    const c = await startCall({ ...SETTINGS, tools }, { allowPrivateHttp: true });
    const offered = (c.s.eventsOf('session.update')[0].session as { tools: { name: string; parameters: unknown }[] }).tools;
    assert.deepEqual(offered.map((t) => t.name).sort(), ['end_call', 'lookup_order']);
    await c.s.respond({ functionCalls: [{ name: 'lookup_order', arguments: { orderId: '42' }, callId: 'call_h' }] });
    await fake.waitFor(() => c.s.eventsOf('response.create').length === 1, 3000);
    assert.deepEqual(JSON.parse(c.s.functionOutputs.get('call_h')!), { result: { order: '42', status: 'shipped' } });
    const out = c.s.eventsOf('conversation.item.create').at(-1)!;
    assert.ok(c.s.events.indexOf(out) < c.s.events.indexOf(c.s.eventsOf('response.create')[0]), 'output before response.create');
    c.end();
  } finally {
    srv.close();
  }
});
