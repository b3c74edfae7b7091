// BusAgentOutput: audio cut into 20 ms AudioFrames (last one padded), seq from 1, marks pinned to the
// last seq, control messages on call.<callId>.control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BusAgentOutput } from './call-output.ts';
import { InProcBus } from '../lib/bus/inproc.ts';
import { uap, subjects } from '../proto/index.ts';

const CALL = 'CAoutput';

function setup(t: { after(fn: () => Promise<void>): void }, rate = 16000) {
  const bus = new InProcBus();
  const frames: uap.AudioFrame[] = [];
  const controls: uap.MediaControl[] = [];
  const order: string[] = [];
  bus.subscribe(subjects.mediaOut(CALL), (m) => {
    frames.push(uap.AudioFrame.decode(m.data));
    order.push(`audio:${frames.at(-1)!.seq}`);
  });
  bus.subscribe(subjects.control(CALL), (m) => {
    const c = uap.MediaControl.decode(m.data);
    controls.push(c);
    order.push(`control:${c.action}`);
  });
  t.after(() => bus.close());
  return { bus, out: new BusAgentOutput(bus, CALL, rate), frames, controls, order };
}

/** Copies the frame's bytes (decoded `bytes` may be a Buffer view into a shared pool) into samples. */
function samples(f: uap.AudioFrame): Int16Array {
  const u = new Uint8Array(f.pcm.byteLength);
  u.set(f.pcm);
  return new Int16Array(u.buffer);
}

test('a 50 ms buffer at 16 kHz becomes 3 frames of 20 ms, the last padded with silence, seq 1..3', async (t) => {
  const { bus, out, frames } = setup(t);
  const pcm = new Int16Array(800); // 50 ms
  for (let i = 0; i < pcm.length; i++) pcm[i] = i + 1;
  out.sendAudio(pcm, 1234.5);
  await bus.flush();
  assert.equal(frames.length, 3);
  assert.deepEqual(frames.map((f) => f.seq), [1, 2, 3]);
  assert.deepEqual(frames.map((f) => f.mediaTsMs), [0, 20, 40]);
  for (const f of frames) {
    assert.equal(f.callId, CALL);
    assert.equal(f.sampleRate, 16000);
    assert.equal(f.pcm.byteLength, 640);
    assert.equal(f.originTs, 1234.5);
  }
  assert.deepEqual(Array.from(samples(frames[0])), Array.from(pcm.subarray(0, 320)));
  assert.deepEqual(Array.from(samples(frames[1])), Array.from(pcm.subarray(320, 640)));
  const last = samples(frames[2]);
  assert.deepEqual(Array.from(last.subarray(0, 160)), Array.from(pcm.subarray(640, 800)));
  assert.ok(last.subarray(160).every((s) => s === 0), 'padded with silence');
  assert.equal(out.framesOut, 3);
});

test('mark carries afterOutSeq = the last seq sent, and follows that audio on the bus', async (t) => {
  const { bus, out, controls, order } = setup(t);
  out.sendAudio(new Int16Array(800).fill(7));
  out.mark('greeting-done');
  await bus.flush();
  assert.equal(controls.length, 1);
  assert.equal(controls[0].callId, CALL);
  assert.equal(controls[0].action, 'mark');
  assert.equal(controls[0].mark!.name, 'greeting-done');
  assert.equal(controls[0].mark!.afterOutSeq, 3);
  assert.deepEqual(order, ['audio:1', 'audio:2', 'audio:3', 'control:mark']);
});

test('a mark before any audio has afterOutSeq 0 ("now")', async (t) => {
  const { bus, out, controls } = setup(t);
  out.mark('first');
  await bus.flush();
  assert.equal(controls[0].mark!.afterOutSeq, 0);
});

test('seq and media time keep counting across calls; a short tail does not leak the previous tail', async (t) => {
  const { bus, out, frames } = setup(t);
  out.sendAudio(new Int16Array(100).fill(5)); // 1 padded frame
  out.sendAudio(new Int16Array(10).fill(9)); // another padded frame
  out.sendAudio(new Int16Array(640).fill(3)); // 2 exact frames
  out.sendAudio(new Int16Array(0)); // nothing
  await bus.flush();
  assert.deepEqual(frames.map((f) => f.seq), [1, 2, 3, 4]);
  assert.deepEqual(frames.map((f) => f.mediaTsMs), [0, 20, 40, 60]);
  const second = samples(frames[1]);
  assert.ok(second.subarray(0, 10).every((s) => s === 9));
  assert.ok(second.subarray(10).every((s) => s === 0), 'no samples from the earlier tail');
  out.mark('m');
  await bus.flush();
});

test('frame size follows the output rate (8 kHz → 160 samples, 24 kHz → 480)', async (t) => {
  for (const [rate, n] of [[8000, 160], [24000, 480], [48000, 960]] as const) {
    const { bus, out, frames } = setup(t, rate);
    out.sendAudio(new Int16Array(n * 2));
    await bus.flush();
    assert.equal(frames.length, 2);
    assert.equal(frames[0].pcm.byteLength, n * 2);
    assert.equal(frames[0].sampleRate, rate);
  }
});

test('odd byte offsets in the input view are handled (subarray of a larger buffer)', async (t) => {
  const { bus, out, frames } = setup(t);
  const big = new Int16Array(1000);
  for (let i = 0; i < big.length; i++) big[i] = i;
  out.sendAudio(big.subarray(1, 321));
  await bus.flush();
  assert.deepEqual(Array.from(samples(frames[0])), Array.from(big.subarray(1, 321)));
});

test('clear and hangup publish MediaControl on call.<callId>.control', async (t) => {
  const { bus, out, controls } = setup(t);
  out.clear();
  out.hangup('bye now');
  await bus.flush();
  assert.deepEqual(controls.map((c) => c.action), ['clear', 'hangup']);
  assert.equal(controls[1].hangup!.reason, 'bye now');
  assert.equal(controls[0].callId, CALL);
});
