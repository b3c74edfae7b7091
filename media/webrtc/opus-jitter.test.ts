// The WebRTC jitter buffer with real Opus, frames in / frames out: reordered packets come out exactly as
// an in-order decode; a lost packet with audio behind it is Opus's own concealment (bit-exact with a
// decoder concealing it, and closer to the lost audio than the last frame repeated); late and duplicate
// packets are dropped; a burst is skipped down to the target, but not what piled up while our clock
// stalled; the target stays within its bounds; a new talkspurt is not concealed; 48 kHz timestamps wrap;
// 40 ms packets play as two frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpusCodec } from './opus.ts';
import { OpusJitter } from './opus-jitter.ts';

const RATE = 16000;
const FS = 320;
const T0 = 123_456_789; // browsers start at a random timestamp (not a multiple of 3)

/** A tone whose pitch drifts: Opus packets, and its PCM for comparisons. */
function packets(count: number, frameMs = 20): { pkts: Uint8Array[]; pcm: Int16Array[] } {
  const enc = new OpusCodec(RATE);
  const n = (RATE * frameMs) / 1000;
  const pkts: Uint8Array[] = [];
  const pcm: Int16Array[] = [];
  let phase = 0;
  for (let k = 0; k < count; k++) {
    const f = new Int16Array(n);
    for (let i = 0; i < n; i++) {
      f[i] = Math.round(8000 * Math.sin(phase));
      phase += (2 * Math.PI * (440 + ((k * n + i) / n) * 3)) / RATE;
    }
    pkts.push(Uint8Array.from(enc.encode(f)));
    pcm.push(f);
  }
  return { pkts, pcm };
}

/** What a decoder makes of the packets in this order (null: Opus's concealment of a lost one). */
function reference(pkts: Uint8Array[], order: (number | null)[]): Int16Array[] {
  const dec = new OpusCodec(RATE);
  let toc = pkts[0][0];
  return order.map((k) => {
    const n = k === null ? dec.conceal(toc, 20) : dec.decode(pkts[k]);
    if (k !== null) toc = pkts[k][0];
    return dec.pcm.slice(0, n);
  });
}

type Out = Int16Array | '-';

/** Tick by tick: at tick t the packets arrivals[t] come in (k: frame number, at T0 + 960k), then one frame plays. */
function sim(oj: OpusJitter, pkts: Uint8Array[], arrivals: Record<number, number[]>, ticks: number, ts = (k: number) => T0 + 960 * k): { out: Out[]; results: string[] } {
  const out: Out[] = [];
  const results: string[] = [];
  const frame = new Int16Array(FS);
  for (let t = 0; t < ticks; t++) {
    for (const k of arrivals[t] ?? []) results.push(oj.push(ts(k) >>> 0, pkts[k], t * 20));
    out.push(oj.jb.pop(frame, t * 20) === 'idle' ? '-' : frame.slice());
  }
  return { out, results };
}

const inOrder = (count: number, from = 0): Record<number, number[]> => Object.fromEntries(Array.from({ length: count }, (_, k) => [k, [from + k]]));
const played = (out: Out[]) => out.filter((f): f is Int16Array => f !== '-');

function snrDb(got: Int16Array, want: Int16Array): number {
  let e = 0;
  let s = 0;
  for (let i = 0; i < want.length; i++) {
    e += (got[i] - want[i]) ** 2;
    s += want[i] ** 2;
  }
  return 10 * Math.log10(s / Math.max(1, e));
}

test('reordered packets are decoded in order: the same audio as an in-order decode, nothing concealed', () => {
  const { pkts } = packets(12);
  const oj = new OpusJitter(new OpusCodec(RATE));
  // 2 before 1, 5 and 4 together in the wrong order, 8 a tick late behind 9.
  const { out, results } = sim(oj, pkts, { 0: [0], 1: [2], 2: [1, 3], 4: [5, 4], 5: [6], 6: [7], 7: [9], 8: [8, 10], 9: [11] }, 16);
  assert.ok(results.every((r) => r === 'ok'), results.join());
  assert.deepEqual(played(out), reference(pkts, [...pkts.keys()]));
  assert.equal(oj.concealedSamples, 0);
  assert.equal(oj.jb.concealed + oj.jb.late + oj.jb.duplicates, 0);
  assert.equal(oj.holding, 0);
});

test('a lost packet with audio behind it is concealed by Opus, not by repeating the last frame', () => {
  const { pkts } = packets(12);
  const oj = new OpusJitter(new OpusCodec(RATE));
  const arrivals = inOrder(12);
  delete arrivals[5];
  const got = played(sim(oj, pkts, arrivals, 16).out);
  const want = reference(pkts, [0, 1, 2, 3, 4, null, 6, 7, 8, 9, 10, 11]);
  assert.deepEqual(got, want, "Opus's concealment, and the decoder carries on from it");
  assert.equal(oj.concealedSamples, FS);
  assert.equal(oj.jb.concealed, 0, 'no fading');
  // Closer to what was lost than the last frame again (the buffer's fallback) would be.
  const lost = reference(pkts, [...pkts.keys()]);
  const plc = snrDb(got[5], lost[5]);
  const repeat = snrDb(lost[4], lost[5]);
  assert.ok(plc > repeat + 3, `concealment ${plc.toFixed(1)} dB, repeated frame ${repeat.toFixed(1)} dB`);
  // Two in a row, with the buffer holding more than them: 20 ms at a time, then the audio behind them.
  const two = new OpusJitter(new OpusCodec(RATE), { minDelayMs: 80 });
  const a2 = inOrder(12);
  delete a2[4];
  delete a2[5];
  assert.deepEqual(played(sim(two, pkts, a2, 16).out), reference(pkts, [0, 1, 2, 3, null, null, 6, 7, 8, 9, 10, 11]));
  assert.equal(two.concealedSamples, 2 * FS);
  // Holding less than the loss, the buffer runs dry: playout waits and starts again at the next audio.
  const dry = new OpusJitter(new OpusCodec(RATE));
  const out = sim(dry, pkts, a2, 16).out;
  assert.deepEqual(played(out), reference(pkts, [0, 1, 2, 3, 6, 7, 8, 9, 10, 11]));
  assert.ok(out.includes('-', 2) && dry.concealedSamples === 0);
});

test('late and duplicate packets are dropped and counted', () => {
  const { pkts } = packets(12);
  const oj = new OpusJitter(new OpusCodec(RATE));
  // 3 twice (decoded, then again), 6 twice while held ahead of the gap at 5; 5 comes after it was concealed.
  const { out, results } = sim(oj, pkts, { 0: [0], 1: [1], 2: [2], 3: [3, 3], 4: [4], 6: [6, 6], 7: [7], 8: [8], 9: [5, 9], 10: [10], 11: [11] }, 16);
  assert.deepEqual(results, ['ok', 'ok', 'ok', 'ok', 'duplicate', 'ok', 'ok', 'duplicate', 'ok', 'ok', 'late', 'ok', 'ok', 'ok']);
  assert.equal(oj.jb.duplicates, 2);
  assert.equal(oj.jb.late, 1);
  assert.deepEqual(played(out), reference(pkts, [0, 1, 2, 3, 4, null, 6, 7, 8, 9, 10, 11]));
  // A packet older than anything still to play is late too.
  assert.equal(oj.push(T0, pkts[0], 400), 'late');
});

test('bounded delay: a burst is skipped down to the target', () => {
  const { pkts } = packets(40);
  const oj = new OpusJitter(new OpusCodec(RATE));
  const { out } = sim(oj, pkts, { 0: [...pkts.keys()] }, 1);
  assert.notEqual(out[0], '-');
  assert.ok(oj.jb.discarded >= 30, `skipped ${oj.jb.discarded} frames`);
  assert.ok(oj.jb.depth <= oj.jb.target + 60 * 16, `delay ${oj.jb.depth / 16} ms`);
});

test('a stalled clock catching up plays every frame that piled up meanwhile (the backlog is not a burst)', () => {
  const { pkts } = packets(16);
  const run = (backlog: boolean) => {
    const oj = new OpusJitter(new OpusCodec(RATE));
    const frame = new Int16Array(FS);
    const got: Int16Array[] = [];
    const pop = (now: number, owed: number) => oj.jb.pop(frame, now, owed) !== 'idle' && got.push(frame.slice());
    for (let t = 0; t < 4; t++) {
      oj.push(T0 + 960 * t, pkts[t], t * 20);
      pop(t * 20, 0);
    }
    // 200 ms without a tick while packets keep arriving; then the 10 owed frames at once.
    for (let t = 4; t < 14; t++) oj.push(T0 + 960 * t, pkts[t], t * 20);
    for (let k = 9; k >= 0; k--) pop(280, backlog ? k : 0);
    return { got, oj };
  };
  const caught = run(true);
  assert.equal(caught.oj.jb.discarded, 0);
  assert.deepEqual(caught.got, reference(pkts, [...pkts.keys()]).slice(0, caught.got.length));
  assert.ok(caught.got.length >= 12, `${caught.got.length} frames played`);
  assert.ok(run(false).oj.jb.discarded >= 5, 'without the backlog the pile-up would be skipped');
});

test('the target follows jitter between the bounds (40–100 ms by default)', () => {
  const { pkts } = packets(100);
  const calm = new OpusJitter(new OpusCodec(RATE));
  for (let k = 0; k < 100; k++) calm.push(T0 + 960 * k, pkts[k], k * 20);
  assert.equal(calm.jb.target, 40 * 16);
  const rough = new OpusJitter(new OpusCodec(RATE));
  for (let k = 0; k < 100; k++) rough.push(T0 + 960 * k, pkts[k], k * 20 + (k % 2) * 40);
  assert.equal(rough.jb.target, 100 * 16, `jitter ${(rough.jb.jitter / 16).toFixed(1)} ms`);
  const bounded = new OpusJitter(new OpusCodec(RATE), { minDelayMs: 60, maxDelayMs: 80 });
  for (let k = 0; k < 100; k++) bounded.push(T0 + 960 * k, pkts[k], k * 20 + (k % 2) * 40);
  assert.equal(bounded.jb.target, 80 * 16);
});

test('a new talkspurt after silence (DTX) re-anchors: the gap is neither played nor concealed', () => {
  const { pkts } = packets(12);
  const oj = new OpusJitter(new OpusCodec(RATE));
  // Frames 0–4, then 3 s of nothing sent, then frames 5–11 carrying timestamps 3 s later.
  const arrivals: Record<number, number[]> = { ...inOrder(5) };
  for (let k = 5; k < 12; k++) arrivals[150 + k] = [k];
  const { out } = sim(oj, pkts, arrivals, 170, (k) => T0 + 960 * (k < 5 ? k : k + 150));
  assert.deepEqual(played(out), reference(pkts, [...pkts.keys()]));
  assert.equal(oj.concealedSamples, 0);
  assert.equal(oj.jb.concealed, 0);
  assert.ok(out.slice(8, 150).every((f) => f === '-'), 'nothing played in the silence');
});

test('48 kHz timestamps wrap around 2^32; 40 ms packets play as two 20 ms frames', () => {
  const { pkts } = packets(8);
  const oj = new OpusJitter(new OpusCodec(RATE));
  const got = played(sim(oj, pkts, inOrder(8), 12, (k) => 2 ** 32 - 960 * 3 + 960 * k).out);
  assert.deepEqual(got, reference(pkts, [...pkts.keys()]));
  assert.equal(oj.jb.lastPopTimestamp, (960 * 4) >>> 0, 'the last frame played: timestamp 960·7 past the start');

  const forty = packets(4, 40).pkts;
  const oj40 = new OpusJitter(new OpusCodec(RATE));
  const out = sim(oj40, forty, { 0: [0], 2: [1], 4: [2], 6: [3] }, 10, (k) => T0 + 1920 * k).out;
  const whole = reference(forty, [0, 1, 2, 3]);
  const frames = whole.flatMap((p) => [p.slice(0, FS), p.slice(FS)]);
  assert.deepEqual(played(out), frames);
});
