// EspeakTts: espeak-ng (WASM) in a worker thread, resampled to the output rate, cached by text.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { EspeakTts } from './espeak.ts';
import { UapError } from '../../lib/errors.ts';

const tts16 = new EspeakTts(16000);
const tts8 = new EspeakTts(8000);
after(async () => {
  await tts16.close();
  await tts8.close();
});

let hello16: Int16Array | undefined;

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof UapError, `a UapError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

test('"hello world" → at least 0.5 s of non-silent 16 kHz PCM', async () => {
  const pcm = await tts16.synthesize('hello world');
  hello16 = pcm;
  assert.ok(pcm instanceof Int16Array);
  assert.ok(pcm.length >= 8000, `${pcm.length} samples = ${(pcm.length / 16000).toFixed(2)} s`);
  assert.ok(pcm.length < 16000 * 5, 'and not absurdly long');
  let loud = 0;
  let peak = 0;
  let energy = 0;
  for (const s of pcm) {
    const a = Math.abs(s);
    if (a > 500) loud++;
    if (a > peak) peak = a;
    energy += s * s;
  }
  assert.ok(peak > 3000, `peak ${peak}`);
  assert.ok(loud / pcm.length > 0.1, `${((100 * loud) / pcm.length).toFixed(1)} % of samples above 500`);
  assert.ok(Math.sqrt(energy / pcm.length) > 300, 'speech-level RMS');
  // Speech, not noise: zero crossings well below what white noise gives (≈ 50 %).
  let zc = 0;
  for (let i = 1; i < pcm.length; i++) if ((pcm[i] >= 0) !== (pcm[i - 1] >= 0)) zc++;
  assert.ok(zc / pcm.length < 0.3, `zero-crossing rate ${(zc / pcm.length).toFixed(2)}`);
});

test('the same text again is served from the cache: same promise, same samples, fast', async () => {
  const p1 = tts16.synthesize('hello world');
  const p2 = tts16.synthesize('hello world');
  assert.equal(p1, p2, 'one shared promise');
  const t0 = performance.now();
  const again = await p1;
  assert.ok(performance.now() - t0 < 50, 'no new synthesis');
  assert.equal(again, hello16, 'the very same result');
  // Options are part of the key.
  assert.notEqual(tts16.synthesize('hello world', { wpm: 220 }), p1);
  assert.equal(tts16.synthesize('hello world', { voice: 'en-us', wpm: 170 }), p1, 'defaults spelled out hit the same entry');
});

test('an invalid voice name is refused without reaching espeak, and not cached', async () => {
  await rejectsWith(tts16.synthesize('hi', { voice: '--help' }), 'TTS_BAD_VOICE');
  await rejectsWith(tts16.synthesize('hi', { voice: 'en us; rm -rf' }), 'TTS_BAD_VOICE');
  await rejectsWith(tts16.synthesize('hi', { voice: '--help' }), 'TTS_BAD_VOICE');
});

test('close() rejects pending syntheses with TTS_CLOSED; the instance works again afterwards at its own rate', async () => {
  const pending = tts8.synthesize('hello world');
  const closing = tts8.close();
  await rejectsWith(pending, 'TTS_CLOSED');
  await closing;
  await tts8.close(); // idempotent
  // The failed entry left the cache, so this is a fresh synthesis on a new worker.
  const pcm8 = await tts8.synthesize('hello world');
  assert.ok(hello16, 'the 16 kHz test ran first');
  const ratio = pcm8.length / hello16.length;
  assert.ok(Math.abs(ratio - 0.5) < 0.01, `8 kHz output is half as long as 16 kHz (ratio ${ratio.toFixed(3)})`);
});
