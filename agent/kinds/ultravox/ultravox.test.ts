import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../../lib/logger.ts';
import { newAudioFrameView } from '../../../proto/index.ts';
import type { AgentCall, AgentCallContext, AgentOutput, AgentResume, AgentTurn } from '../types.ts';
import { ultravoxKind, type UltravoxTranscript } from './ultravox-kind.ts';
import { UltravoxError } from './client.ts';
import { FrameAccumulator } from '../frames.ts';
import { startFakeUltravox, type FakeUltravox } from '../../../test/fakes/ultravox/server.ts';

const log = createLogger('silent');
let fake: FakeUltravox;

before(async () => {
  fake = await startFakeUltravox();
});
after(async () => {
  await fake.stop();
});

class RecordingOutput implements AgentOutput {
  readonly outputRate = 16000;
  frames: Int16Array[] = [];
  clears = 0;
  hangups: string[] = [];
  sendAudio(pcm: Int16Array): void {
    this.frames.push(Int16Array.from(pcm)); // the kind reuses its frame buffer
  }
  marks: string[] = [];
  mark(name: string): void {
    this.marks.push(name);
  }
  clear(): void {
    this.clears++;
  }
  hangup(reason: string): void {
    this.hangups.push(reason);
  }
}

const turnsPublished: AgentTurn[] = [];

function ctxWith(settings: Record<string, unknown>, out = new RecordingOutput(), resume?: AgentResume): AgentCallContext & { out: RecordingOutput } {
  return { callId: 'c1', tenantId: 't1', from: '+1555', to: '+1666', inputRate: 16000, settings, log, out, resume, transcript: (t) => turnsPublished.push(t) };
}

async function until(pred: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const kindOpts = () => ({ baseUrl: fake.baseUrl, backoffMs: 10, timeoutMs: 2000 });

async function startCall(settings: Record<string, unknown> = { prompt: 'Be brief.', voice: 'Mark', secrets: { ULTRAVOX_API_KEY: 'uv-key' } }, extra = {}, resume?: AgentResume) {
  const ctx = ctxWith(settings, undefined, resume);
  const call: AgentCall = await ultravoxKind({ ...kindOpts(), ...extra }).create(ctx);
  const uv = fake.lastCall!;
  await fake.waitFor(() => uv.ws !== undefined);
  return { ctx, call, uv, out: ctx.out };
}

test('create-call request carries the key, prompt, voice and medium', async () => {
  const { call, uv } = await startCall();
  assert.equal(uv.apiKey, 'uv-key');
  assert.equal(uv.body.systemPrompt, 'Be brief.');
  assert.equal(uv.body.voice, 'Mark');
  assert.deepEqual(uv.body.medium, { serverWebSocket: { inputSampleRate: 16000, outputSampleRate: 16000, clientBufferSizeMs: 60 } });
  assert.deepEqual(uv.body.firstSpeakerSettings, { agent: {} });
  call.onEnd('test');
});

test('firstSpeaker user and apiKey from settings', async () => {
  const { call, uv } = await startCall({ prompt: 'p', apiKey: 'k2', firstSpeaker: 'user' });
  assert.equal(uv.apiKey, 'k2');
  assert.deepEqual(uv.body.firstSpeakerSettings, { user: {} });
  call.onEnd('test');
});

test('caller audio reaches Ultravox byte for byte', async () => {
  const { call, uv } = await startCall();
  const frame = newAudioFrameView();
  frame.sampleRate = 16000;
  const sent: Buffer[] = [];
  for (let n = 0; n < 5; n++) {
    const bytes = Buffer.alloc(640);
    for (let i = 0; i < 640; i++) bytes[i] = (i * 7 + n) & 0xff;
    sent.push(Buffer.from(bytes));
    frame.pcm = bytes;
    call.onAudio(frame);
    bytes.fill(0); // the view is only valid during onAudio
  }
  const want = Buffer.concat(sent);
  await fake.waitFor(() => fake.receivedAudio(uv.callId).length >= want.length);
  assert.deepEqual(fake.receivedAudio(uv.callId), want);
  call.onEnd('test');
});

test('agent audio comes out as whole 320-sample frames; interrupt clears', async () => {
  const { call, uv, out } = await startCall();
  const pcm = new Int16Array(16000 / 50 * 5 + 100); // 5 frames + a partial
  for (let i = 0; i < pcm.length; i++) pcm[i] = (i % 2000) - 1000;
  fake.speak(uv.callId, pcm, { chunkMs: 7 }); // chunks not aligned to frames
  await until(() => out.frames.length >= 5);
  assert.equal(out.frames.length, 5);
  for (const f of out.frames) assert.equal(f.length, 320);
  assert.deepEqual(Int16Array.from(out.frames.flatMap((f) => [...f])), pcm.subarray(0, 1600));
  fake.interrupt(uv.callId);
  await until(() => out.clears === 1);
  // The partial frame was dropped with the clear: the end of turn flushes nothing.
  fake.send(uv.callId, { type: 'state', state: 'listening' });
  fake.speak(uv.callId, new Int16Array(320).fill(5));
  await until(() => out.frames.length === 6);
  assert.ok(out.frames[5].every((s) => s === 5));
  call.onEnd('test');
});

test('final transcripts reach the hook; DTMF becomes user_text_message', async () => {
  const transcripts: UltravoxTranscript[] = [];
  const { call, uv } = await startCall(undefined, { onTranscript: (t: UltravoxTranscript) => transcripts.push(t) });
  fake.sendTranscript(uv.callId, { role: 'agent', delta: 'Hel', final: false, ordinal: 0 });
  fake.sendTranscript(uv.callId, { role: 'agent', text: 'Hello there', final: true, ordinal: 0 });
  call.onDtmf!('5');
  await fake.waitFor(() => uv.messages.some((m) => m.type === 'user_text_message'));
  const m = uv.messages.find((x) => x.type === 'user_text_message')!;
  assert.equal(m.text, 'The caller pressed 5');
  await until(() => transcripts.length === 1);
  assert.deepEqual(transcripts[0], { callId: 'c1', role: 'agent', text: 'Hello there', ordinal: 0 });
  // Final turns are also published as call events (history, re-dispatch).
  assert.deepEqual(turnsPublished.at(-1), { role: 'agent', text: 'Hello there' });
  call.onEnd('test');
});

test('a call taken over from a dead worker starts Ultravox from the conversation so far, agent first', async () => {
  const history: AgentTurn[] = [{ role: 'agent', text: 'How can I help?' }, { role: 'user', text: 'My order is late.' }];
  const { call, uv } = await startCall(undefined, {}, { attempt: 1, history });
  assert.deepEqual(uv.body.initialMessages, [
    { role: 'MESSAGE_ROLE_AGENT', text: 'How can I help?' },
    { role: 'MESSAGE_ROLE_USER', text: 'My order is late.' },
  ]);
  assert.deepEqual(uv.body.firstSpeakerSettings, { agent: {} });
  call.onEnd('test');
});

test('onEnd sends hang_up and closes the socket, without hanging up the caller', async () => {
  const { call, uv, out } = await startCall();
  call.onEnd('caller hung up');
  await fake.waitFor(() => uv.closed);
  assert.ok(uv.messages.some((m) => m.type === 'hang_up'));
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(out.hangups, []);
});

test('socket dropped by Ultravox hangs up the call', async () => {
  const { uv, out } = await startCall();
  fake.drop(uv.callId);
  await until(() => out.hangups.length === 1);
  assert.deepEqual(out.hangups, ['agent connection lost']);
});

test('Ultravox ending the call cleanly hangs up with its own reason', async () => {
  const { uv, out } = await startCall();
  fake.close(uv.callId);
  await until(() => out.hangups.length === 1);
  assert.deepEqual(out.hangups, ['agent ended the call']);
});

test('missing API key fails clearly without calling Ultravox', async () => {
  const before = fake.requests.length;
  await assert.rejects(async () => ultravoxKind(kindOpts()).create(ctxWith({ prompt: 'x' })), (err: unknown) => {
    assert.ok(err instanceof UltravoxError);
    assert.equal(err.code, 'ULTRAVOX_NO_API_KEY');
    assert.match(err.message, /ULTRAVOX_API_KEY/);
    return true;
  });
  assert.equal(fake.requests.length, before);
});

test('401 is not retried', async () => {
  fake.apiKeys.add('good');
  try {
    const before = fake.requests.length;
    await assert.rejects(async () => ultravoxKind(kindOpts()).create(ctxWith({ apiKey: 'bad' })), (err: unknown) => {
      assert.ok(err instanceof UltravoxError);
      assert.equal(err.status, 401);
      assert.equal(err.retryable, false);
      return true;
    });
    assert.equal(fake.requests.length - before, 1);
  } finally {
    fake.apiKeys.clear();
  }
});

test('a 500 is retried and then succeeds; repeated 5xx gives up after two retries', async () => {
  fake.failNext(500);
  let before = fake.requests.length;
  const { call } = await startCall();
  assert.deepEqual(fake.requests.slice(before).map((r) => r.status), [500, 201]);
  call.onEnd('test');

  fake.failNext(503, 502, 500);
  before = fake.requests.length;
  await assert.rejects(async () => ultravoxKind(kindOpts()).create(ctxWith({ apiKey: 'k' })), (err: unknown) => err instanceof UltravoxError && err.retryable && err.status === 500);
  assert.equal(fake.requests.length - before, 3);
});

test('network failure is retryable', async () => {
  await assert.rejects(
    async () => ultravoxKind({ baseUrl: 'http://127.0.0.1:1', backoffMs: 1, retries: 1 }).create(ctxWith({ apiKey: 'k' })),
    (err: unknown) => err instanceof UltravoxError && err.retryable && err.code === 'ULTRAVOX_UNREACHABLE',
  );
});

test('FrameAccumulator handles odd byte splits and flush pads with silence', () => {
  const got: number[][] = [];
  const acc = new FrameAccumulator(4, (f) => got.push([...f]));
  const src = new Int16Array([1, -2, 3, -4, 5, 6]);
  const bytes = new Uint8Array(src.buffer);
  acc.push(bytes.subarray(0, 3));
  acc.push(bytes.subarray(3, 9));
  acc.push(bytes.subarray(9));
  assert.deepEqual(got, [[1, -2, 3, -4]]);
  acc.flush();
  assert.deepEqual(got[1], [5, 6, 0, 0]);
});

test('declared tools are offered as client tools; an invocation runs the http tool and answers with its result; end_call hangs up after playback', async () => {
  const { createServer } = await import('node:http');
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ echo: JSON.parse(body).arguments }));
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}/tool`;
  try {
    const settings = {
      prompt: 'p',
      secrets: { ULTRAVOX_API_KEY: 'uv-key' },
      selectedTools: [{ toolName: 'hangUp' }],
      tools: [{ type: 'http', name: 'lookup_order', description: 'Find an order', url, parameters: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] } }, { type: 'end_call' }],
    };
    const { call, uv, out } = await startCall(settings, { allowPrivateHttp: true });
    const selected = uv.body.selectedTools as Record<string, unknown>[];
    assert.deepEqual(selected[0], { toolName: 'hangUp' });
    assert.deepEqual(selected.map((t) => (t.temporaryTool as { modelToolName?: string } | undefined)?.modelToolName), [undefined, 'lookup_order', 'end_call']);
    fake.send(uv.callId, { type: 'client_tool_invocation', toolName: 'lookup_order', invocationId: 'inv-1', parameters: { orderId: '42' } });
    await fake.waitFor(() => uv.messages.some((m) => m.type === 'client_tool_result' && m.invocationId === 'inv-1'), 3000);
    const result = uv.messages.find((m) => m.invocationId === 'inv-1')!;
    assert.equal(result.responseType, 'tool-response');
    assert.deepEqual(JSON.parse(String(result.result)), { result: { echo: { orderId: '42' } } });
    fake.send(uv.callId, { type: 'client_tool_invocation', toolName: 'end_call', invocationId: 'inv-2', parameters: {} });
    await fake.waitFor(() => uv.messages.some((m) => m.invocationId === 'inv-2'), 3000);
    assert.deepEqual(out.hangups, [], 'not before what was said has played');
    await until(() => out.marks.length > 0);
    call.onMarkPlayed!(out.marks.at(-1)!, false);
    assert.deepEqual(out.hangups, ['agent ended the call']);
    call.onEnd('test');
  } finally {
    srv.close();
  }
});

test('usage: the call time from joining to the end, once, under the model (Ultravox bills by duration)', async () => {
  const reports: Array<{ service: string; provider: string; model: string; requests?: number; durationMs?: number }> = [];
  const ctx = { ...ctxWith({ model: 'fixie-ai/ultravox-70B', secrets: { ULTRAVOX_API_KEY: 'uv-key' } }), usage: (service: string, provider: string, model: string, d: { requests?: number; durationMs?: number }) => void reports.push({ service, provider, model, ...d }) };
  const call = await ultravoxKind(kindOpts()).create(ctx);
  await new Promise((r) => setTimeout(r, 120));
  call.onEnd('caller hung up');
  call.onEnd('again');
  assert.equal(reports.length, 1);
  const [r] = reports;
  assert.deepEqual([r.service, r.provider, r.model, r.requests], ['call', 'ultravox', 'fixie-ai/ultravox-70B', 1]);
  assert.ok(r.durationMs! >= 110 && r.durationMs! < 1000, `${r.durationMs} ms`);
});
