// The ElevenLabs provider against the local fake of the stream-input WebSocket: the wire messages, audio
// streaming before the sentence is done, a socket per sentence opened ahead of time, barge-in closing
// the socket at once, failures as typed (retryable or not) errors, and usage.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeElevenLabs, type FakeElevenLabs } from '../../../../test/fakes/elevenlabs/server.ts';
import { ElevenLabsTts, type ElevenLabsTtsOptions } from './elevenlabs-tts.ts';
import { closeError, parseServerMessage, streamInputUrl } from './elevenlabs-wire.ts';
import { retryStream } from '../retry.ts';
import { ProviderError } from '../provider-error.ts';
import type { UsageDelta } from '../../../usage/call-usage.ts';

let el: FakeElevenLabs;
before(async () => {
  el = await startFakeElevenLabs();
});
after(async () => {
  await el.stop();
});
beforeEach(() => {
  el.speech = { msPerChar: 40, firstByteMs: 0, chunkMs: 100, chunkDelayMs: 0 };
  el.faults.length = 0;
  el.inactivityTimeoutMs = undefined;
});

const VOICE = 'JBFqnCBsd6RMkjVDRZzb';
const tts = (o: Partial<ElevenLabsTtsOptions> = {}) => new ElevenLabsTts({ apiKey: 'xi-test', baseUrl: el.baseUrl, voiceId: VOICE, model: 'eleven_flash_v2_5', sampleRate: 16000, stallTimeoutMs: 2000, ...o });
const pcmBytes = (text: string, rate = 16000) => Math.round((rate * text.length * 40) / 1000) * 2;
/** Sessions that carried a sentence (not spares). */
const used = (from = 0) => el.sessions.slice(from).filter((s) => s.messages.length > 1);

async function speak(t: ElevenLabsTts, text: string, signal = new AbortController().signal): Promise<{ bytes: number; chunks: number; firstMs: number; totalMs: number }> {
  const t0 = performance.now();
  let bytes = 0;
  let chunks = 0;
  let firstMs = 0;
  for await (const c of t.synthesize(text, signal)) {
    if (chunks++ === 0) firstMs = performance.now() - t0;
    bytes += c.length;
  }
  return { bytes, chunks, firstMs, totalMs: performance.now() - t0 };
}

test('a sentence: BOS with the voice settings, the text flushed, end of stream; PCM at the call rate streams before the sentence is done', async () => {
  el.speech.chunkDelayMs = 15;
  const t = tts({ voiceSettings: { stability: 0.4, similarityBoost: 0.8, speed: 1.1, useSpeakerBoost: false } });
  const text = 'This sentence takes a while to say out loud.';
  const r = await speak(t, text);
  assert.equal(r.bytes, pcmBytes(text));
  assert.ok(r.chunks > 5, `${r.chunks} chunks`);
  assert.ok(r.firstMs < r.totalMs / 2, `first byte at ${r.firstMs.toFixed(0)} of ${r.totalMs.toFixed(0)} ms`);
  const s = used().at(-1)!;
  assert.equal(s.voiceId, VOICE);
  assert.equal(s.apiKey, 'xi-test');
  assert.deepEqual(Object.fromEntries(s.query), { model_id: 'eleven_flash_v2_5', output_format: 'pcm_16000', auto_mode: 'true', inactivity_timeout: '180' });
  assert.deepEqual(s.messages, [{ text: ' ', voice_settings: { stability: 0.4, similarity_boost: 0.8, use_speaker_boost: false, speed: 1.1 } }, { text: `${text} `, flush: true }, { text: '' }]);
  assert.deepEqual(s.generations, [`${text} `]);
  await el.waitFor(() => s.closed);
  assert.equal(s.closedBy, 'server', 'the server closed it after isFinal');
  t.close();
});

test('sentence after sentence: each on its own socket, the next one opened while the current one streams (no connect wait)', async () => {
  el.speech.chunkDelayMs = 10;
  const t = tts();
  const n0 = el.sessions.length;
  // Every upgrade takes 150 ms: only the first sentence should wait for one.
  for (let i = 0; i < 4; i++) el.faults.push({ latencyMs: 150 });
  const sentences = ['Hello there.', 'We are open from nine to five.', 'Anything else?'];
  const firsts: number[] = [];
  for (const s of sentences) {
    const r = await speak(t, s);
    assert.equal(r.bytes, pcmBytes(s));
    firsts.push(r.firstMs);
  }
  const carried = used(n0);
  assert.deepEqual(carried.map((s) => s.generations), sentences.map((s) => [`${s} `]));
  assert.ok(firsts[0] >= 140, `first sentence waited for its socket: ${firsts[0].toFixed(0)} ms`);
  assert.ok(firsts[1] < 100 && firsts[2] < 100, `later sentences started on an open socket: ${firsts.map((f) => f.toFixed(0)).join(', ')} ms`);
  for (const s of carried.slice(1)) assert.ok(s.openedAt < s.firstTextAt, 'open before its text came');
  await el.waitFor(() => el.sessions.length - n0 === 4 && el.sessions.slice(n0).every((s) => s.messages.length > 0));
  const spare = el.sessions.slice(n0).find((s) => !carried.includes(s))!;
  assert.deepEqual(spare.messages, [{ text: ' ' }], 'three sentences and one spare (BOS sent) for the next reply');
  t.close();
  await el.waitFor(() => spare.closed);
  assert.equal(spare.closedBy, 'client', 'close() drops the spare');
  await assert.rejects(speak(t, 'After the call.'), (e: unknown) => e instanceof ProviderError && e.code === 'TTS_CLOSED');
});

test('barge-in: aborting mid-sentence stops the audio at once and closes the socket', async () => {
  el.speech.chunkDelayMs = 30;
  const got: UsageDelta[] = [];
  const t = tts({ prewarm: false, usage: (u) => got.push(u) });
  const ac = new AbortController();
  const text = 'A long answer that the caller is going to interrupt halfway through it.';
  let chunks = 0;
  let afterAbort = 0;
  const run = (async () => {
    for await (const _ of t.synthesize(text, ac.signal)) {
      void _;
      if (ac.signal.aborted) afterAbort++;
      if (++chunks === 2) ac.abort();
    }
  })();
  await assert.rejects(run, (e: unknown) => (e as Error).name === 'AbortError');
  assert.equal(afterAbort, 0, 'nothing yielded after the abort');
  const s = used().at(-1)!;
  await el.waitFor(() => s.closed, 500);
  assert.equal(s.closedBy, 'client');
  assert.ok(s.audioMessages < pcmBytes(text) / 3200, 'the server did not get to send it all');
  assert.equal(got.length, 1);
  assert.equal(got[0].characters, text.length, 'the characters sent are billed even when cut');
  assert.ok((got[0].audioOutMs ?? 0) >= 200 && (got[0].audioOutMs ?? 0) < text.length * 40, `${got[0].audioOutMs} ms received`);
  // Aborted while the socket is still connecting: no request, no usage.
  el.faults.push({ latencyMs: 200 });
  const ac2 = new AbortController();
  setTimeout(() => ac2.abort(), 20);
  await assert.rejects(speak(t, 'Never sent.', ac2.signal), (e: unknown) => (e as Error).name === 'AbortError');
  assert.equal(got.length, 1);
  t.close();
});

test('usage: the characters sent and the audio received, once per sentence', async () => {
  const got: UsageDelta[] = [];
  const t = tts({ usage: (u) => got.push(u) });
  await speak(t, 'We open at nine.');
  await speak(t, 'Bye.');
  assert.deepEqual(got, [
    { requests: 1, characters: 16, audioOutMs: 16 * 40 },
    { requests: 1, characters: 4, audioOutMs: 4 * 40 },
  ]);
  t.close();
});

test('errors are typed: a refused key or quota is final, a server hiccup or a cut before any audio is retried, a cut mid-sentence is not', async () => {
  const t = tts({ prewarm: false });
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof ProviderError, String(e));
      return { code: e.code, retryable: e.retryable, status: e.status, message: e.message };
    }
    assert.fail('expected an error');
  };
  el.faults.push({ status: 401 });
  const e401 = await codeOf(speak(t, 'Hello.'));
  assert.deepEqual([e401.code, e401.retryable, e401.status], ['TTS_HTTP_401', false, 401]);
  assert.match(e401.message, /invalid_api_key: Invalid API key/);
  el.faults.push({ status: 503 });
  assert.equal((await codeOf(speak(t, 'Hello.'))).retryable, true);
  el.faults.push({ close: { code: 1008, reason: 'This request exceeds your quota limit.' } });
  assert.deepEqual((await codeOf(speak(t, 'Hello.'))).code, 'TTS_QUOTA');
  el.faults.push({ close: { code: 1008, reason: 'A voice with the voice_id nope was not found.' } });
  assert.deepEqual(await codeOf(speak(t, 'Hello.')).then((e) => [e.code, e.retryable]), ['TTS_REFUSED', false]);
  el.faults.push({ errorMessage: 'We are sorry, something went wrong. You are not charged for this request.' });
  assert.deepEqual(await codeOf(speak(t, 'Hello.')).then((e) => [e.code, e.retryable]), ['TTS_SERVER_CLOSED', true]);
  el.faults.push({ stall: true });
  assert.deepEqual(await codeOf(speak(tts({ prewarm: false, stallTimeoutMs: 100 }), 'Hello.')).then((e) => [e.code, e.retryable]), ['TTS_TIMEOUT', true]);

  // The retry loop: a cut before any audio is tried again and succeeds; a cut after audio surfaces.
  const signal = new AbortController().signal;
  const retries: string[] = [];
  el.faults.push({ disconnectAfter: 0 });
  let bytes = 0;
  for await (const c of retryStream(() => t.synthesize('Second time lucky.', signal), { provider: t.name, stage: 'tts', backoffMs: 1, signal, onRetry: (e) => retries.push(e.code) })) bytes += c.length;
  assert.equal(bytes, pcmBytes('Second time lucky.'));
  assert.deepEqual(retries, ['TTS_CONNECTION']);
  el.faults.push({ disconnectAfter: 2 });
  let got = 0;
  await assert.rejects(
    (async () => {
      for await (const c of retryStream(() => t.synthesize('This one is cut off in the middle of the sentence.', signal), { provider: t.name, stage: 'tts', backoffMs: 1, signal })) got += c.length;
    })(),
    (e: unknown) => e instanceof ProviderError && e.code === 'TTS_CONNECTION' && e.retryable,
  );
  assert.equal(got, 2 * 3200, 'the audio before the cut was delivered, not repeated');
  // Nothing listening: connection refused is a retryable connection error.
  const dead = new ElevenLabsTts({ apiKey: 'k', baseUrl: 'ws://127.0.0.1:1', voiceId: VOICE, model: 'm', sampleRate: 16000 });
  assert.deepEqual(await codeOf(speak(dead, 'Hello.')).then((e) => [e.code, e.retryable]), ['TTS_CONNECTION', true]);
  t.close();
});

test('a spare the server dropped for idleness is replaced transparently', async () => {
  el.inactivityTimeoutMs = 100;
  const t = tts();
  const n0 = el.sessions.length;
  await speak(t, 'First.');
  await el.waitFor(() => el.sessions.length - n0 === 2);
  const spare = el.sessions.slice(n0).find((s) => s.messages.length <= 1)!;
  await el.waitFor(() => spare.closed);
  assert.equal(spare.closedBy, 'server');
  el.inactivityTimeoutMs = undefined;
  const r = await speak(t, 'Second.');
  assert.equal(r.bytes, pcmBytes('Second.'));
  assert.deepEqual(spare.generations, []);
  t.close();
});

test('wire: URL from the base (https or a trailing /v1 tolerated); server messages checked at the boundary; close reasons classified', () => {
  const u = streamInputUrl({ baseUrl: 'https://api.elevenlabs.io/v1/', voiceId: VOICE, model: 'eleven_flash_v2_5', rate: 24000, inactivityTimeoutS: 180 });
  assert.equal(u, `wss://api.elevenlabs.io/v1/text-to-speech/${VOICE}/stream-input?model_id=eleven_flash_v2_5&output_format=pcm_24000&auto_mode=true&inactivity_timeout=180`);
  const audio = Buffer.from([1, 2, 3, 4]);
  assert.deepEqual(parseServerMessage(JSON.stringify({ audio: audio.toString('base64'), isFinal: false, alignment: null }), false), { kind: 'audio', audio, final: false });
  assert.deepEqual(parseServerMessage('{"audio":null,"isFinal":true}', false), { kind: 'audio', audio: undefined, final: true });
  assert.deepEqual(parseServerMessage('{"isFinal":true}', false), { kind: 'audio', audio: undefined, final: true });
  assert.deepEqual(parseServerMessage('{"error":"quota"}', false), { kind: 'error', message: 'quota' });
  assert.deepEqual(parseServerMessage('{"audio":"%%%"}', false), { kind: 'bad', reason: 'base64' });
  assert.deepEqual(parseServerMessage('{"audio":42}', false), { kind: 'bad', reason: 'shape' });
  assert.deepEqual(parseServerMessage('[1]', false), { kind: 'bad', reason: 'shape' });
  assert.deepEqual(parseServerMessage('nope', false), { kind: 'bad', reason: 'json' });
  assert.deepEqual(parseServerMessage(Buffer.from([0]), true), { kind: 'bad', reason: 'binary' });
  const c = (code: number, reason: string) => [closeError(code, reason).code, closeError(code, reason).retryable];
  assert.deepEqual(c(1008, 'Invalid API key'), ['TTS_AUTH', false]);
  assert.deepEqual(c(1008, 'too many concurrent requests'), ['TTS_RATE_LIMITED', true]);
  assert.deepEqual(c(1011, ''), ['TTS_SERVER_CLOSED', true]);
  assert.deepEqual(c(1006, ''), ['TTS_CONNECTION', true]);
  assert.deepEqual(c(1009, ''), ['TTS_REFUSED', false]);
  assert.deepEqual(c(1008, 'Have not received a new text input within the timeout of 20 seconds. Streaming input terminated. Please make sure to eit'), ['TTS_IDLE_TIMEOUT', true]);
});
