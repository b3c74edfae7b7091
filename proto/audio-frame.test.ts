import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uap } from './gen/uap.js';
import { AudioFrameEncoder, decodeAudioFrame, newAudioFrameView, AudioFrameDecodeError } from './audio-frame.ts';

const pcm = new Uint8Array(640).map((_, i) => (i * 37) & 0xff);

test('fast encoder output decodes with the generated protobufjs code', () => {
  const bytes = new AudioFrameEncoder('CAabc-123').encode(42, 840, 16000, pcm, 1764000000123.456);
  const f = uap.AudioFrame.decode(bytes);
  assert.equal(f.callId, 'CAabc-123');
  assert.equal(f.seq, 42);
  assert.equal(f.mediaTsMs, 840);
  assert.equal(f.sampleRate, 16000);
  assert.deepEqual(Array.from(f.pcm), Array.from(pcm));
  assert.equal(f.originTs, 1764000000123.456);
});

test('generated encoder output decodes with the fast decoder, including large values and unknown fields', () => {
  const w = uap.AudioFrame.encode({ callId: 'é-call', seq: 4_000_000_000, mediaTsMs: 3_000_000_000, sampleRate: 48000, pcm, originTs: 7.25 });
  // An unknown varint field (15) and an unknown bytes field (16) appended: must be skipped.
  w.uint32((15 << 3) | 0).uint32(99).uint32((16 << 3) | 2).bytes(new Uint8Array([1, 2, 3]));
  const f = decodeAudioFrame(w.finish(), newAudioFrameView());
  assert.equal(f.callId, 'é-call');
  assert.equal(f.seq, 4_000_000_000);
  assert.equal(f.mediaTsMs, 3_000_000_000);
  assert.equal(f.sampleRate, 48000);
  assert.deepEqual(Array.from(f.pcm), Array.from(pcm));
  assert.equal(f.originTs, 7.25);
});

test('defaults are omitted and decode back to defaults; the view object is reset between frames', () => {
  const view = newAudioFrameView();
  decodeAudioFrame(new AudioFrameEncoder('a').encode(1, 20, 8000, pcm, 3), view);
  const empty = new AudioFrameEncoder('').encode(0, 0, 0, new Uint8Array(0), 0);
  assert.equal(empty.length, 9, 'only origin_ts, which is always written first');
  decodeAudioFrame(empty, view);
  assert.deepEqual({ ...view, pcm: view.pcm.length }, { callId: '', seq: 0, mediaTsMs: 0, sampleRate: 0, pcm: 0, originTs: 0 });
});

test('truncated or malformed input throws AudioFrameDecodeError', () => {
  const good = new AudioFrameEncoder('call').encode(1, 20, 16000, pcm, 1);
  for (const cut of [1, 5, 11, good.length - 1]) {
    assert.throws(() => decodeAudioFrame(good.subarray(0, cut), newAudioFrameView()), AudioFrameDecodeError, `cut at ${cut}`);
  }
  assert.throws(() => decodeAudioFrame(new Uint8Array([0x0b]), newAudioFrameView()), AudioFrameDecodeError, 'wire type 3');
  assert.throws(() => decodeAudioFrame(new Uint8Array([0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), newAudioFrameView()), AudioFrameDecodeError);
});

test('PCM lands 2-byte aligned for normal frame sizes, so it can be read in place', () => {
  for (const n of [320, 640, 960, 1920]) {
    const bytes = new AudioFrameEncoder('CA0123456789abcdef0123456789abcdef').encode(7, 140, 16000, new Uint8Array(n), 1.5);
    const f = decodeAudioFrame(bytes, newAudioFrameView());
    assert.equal(f.pcm.byteOffset % 2, 0, `${n}-byte frame`);
    assert.equal(f.pcm.length, n);
  }
});
