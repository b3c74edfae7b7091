// RFC 4733: one report per event however many packets carry it; the packet plan of one key press.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DtmfReceiver, dtmfPacketPlan, writeDtmfPayload, parseDtmfPayload, dtmfEventCode, dtmfDigit } from './dtmf.ts';

const payload = (event: number, end: boolean, duration: number) => {
  const b = Buffer.alloc(4);
  writeDtmfPayload(b, 0, event, end, 10, duration);
  return b;
};

test('digits ↔ event codes', () => {
  assert.equal(dtmfEventCode('0'), 0);
  assert.equal(dtmfEventCode('*'), 10);
  assert.equal(dtmfEventCode('#'), 11);
  assert.equal(dtmfEventCode('d'), 15);
  assert.throws(() => dtmfEventCode('E'), RangeError);
  assert.equal(dtmfDigit(11), '#');
  assert.equal(dtmfDigit(16), undefined);
  const p = { event: 0, end: false, volume: 0, duration: 0 };
  assert.ok(parseDtmfPayload(payload(5, true, 800), 0, 4, p));
  assert.deepEqual(p, { event: 5, end: true, volume: 10, duration: 800 });
  assert.equal(parseDtmfPayload(Buffer.alloc(3), 0, 3, p), false);
});

test('a key press (start, updates, 3× end with one timestamp) is reported once; the next press again', () => {
  const rx = new DtmfReceiver();
  const got: string[] = [];
  const feed = (event: number, end: boolean, dur: number, ts: number) => {
    const d = rx.onPacket(payload(event, end, dur), 0, 4, ts);
    if (d) got.push(d);
  };
  for (const [end, dur] of [[false, 160], [false, 320], [false, 480], [true, 800], [true, 800], [true, 800]] as const) feed(5, end, dur, 1000);
  for (const [end, dur] of [[false, 160], [true, 800], [true, 800], [true, 800]] as const) feed(5, end, dur, 3000);
  // Only the end packets of '#' arrived: still one report.
  for (let i = 0; i < 3; i++) feed(11, true, 800, 5000);
  assert.deepEqual(got, ['5', '5', '#']);
  assert.equal(rx.duplicates, 5 + 3 + 2);
});

test('the send plan: marker first, duration growing by 160, end ×3 with the final duration', () => {
  const plan = dtmfPacketPlan(100);
  assert.deepEqual(plan, [
    { marker: true, end: false, duration: 160 },
    { marker: false, end: false, duration: 320 },
    { marker: false, end: false, duration: 480 },
    { marker: false, end: false, duration: 640 },
    { marker: false, end: true, duration: 800 },
    { marker: false, end: true, duration: 800 },
    { marker: false, end: true, duration: 800 },
  ]);
  assert.deepEqual(dtmfPacketPlan(10)[0], { marker: true, end: true, duration: 160 });
});
