// AgentWatch decides when a call's worker is gone; driven here with a fake clock and real heartbeats on
// the in-process bus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { InProcBus } from '../lib/bus/inproc.ts';
import { uap, subjects } from '../proto/index.ts';
import { AgentWatch, type WatchedCall } from './agent-watch.ts';

class FakeCall implements WatchedCall {
  redispatched: string[] = [];
  isClosed = false;
  constructor(readonly callId: string, public workerId: string, public dispatchedAt: number) {}
  async redispatch(reason: string): Promise<boolean> {
    this.redispatched.push(reason);
    return true;
  }
}

function setup(calls: FakeCall[]) {
  let now = 1_000_000;
  const link = { up: true };
  const bus = new InProcBus();
  const watch = new AgentWatch({ bus, log: pino({ level: 'silent' }), deadAfterMs: 1500, calls: () => calls, checkEveryMs: 60_000, now: () => now, linkUp: () => link.up });
  const beat = (workerId: string, callIds: string[]) => watch.onHeartbeat(uap.Heartbeat.encode({ workerId, callIds, activeCalls: callIds.length, capacity: 10, ts: now }).finish());
  return { bus, watch, beat, link, advance: (ms: number) => (now += ms), now: () => now };
}

test('a worker that stops heart-beating has its calls re-dispatched after deadAfterMs, not before', () => {
  const c = new FakeCall('c1', 'w1', 1_000_000);
  const { watch, beat, advance } = setup([c]);
  beat('w1', ['c1']);
  advance(1400);
  watch.check();
  assert.deepEqual(c.redispatched, [], 'still within the dead-after window');
  advance(200);
  watch.check();
  assert.deepEqual(c.redispatched, ['heartbeat_lost']);
  watch.close();
});

test('heartbeats keep a call where it is', () => {
  const c = new FakeCall('c1', 'w1', 1_000_000);
  const { watch, beat, advance } = setup([c]);
  for (let i = 0; i < 20; i++) {
    advance(500);
    beat('w1', ['c1']);
    watch.check();
  }
  assert.deepEqual(c.redispatched, []);
  assert.equal(watch.anyAlive(), true);
  watch.close();
});

test('a live worker that no longer lists the call (it dropped it) loses the call; a fresh dispatch gets grace', () => {
  const fresh = new FakeCall('fresh', 'w1', 1_000_000);
  const dropped = new FakeCall('dropped', 'w1', 1_000_000);
  const { watch, beat, advance } = setup([fresh, dropped]);
  // Right after dispatch the worker's heartbeat may predate the call: no verdict yet.
  beat('w1', []);
  watch.check();
  assert.deepEqual(fresh.redispatched, []);
  advance(1600);
  beat('w1', ['fresh']);
  watch.check();
  assert.deepEqual(fresh.redispatched, []);
  assert.deepEqual(dropped.redispatched, ['call_dropped']);
  watch.close();
});

test('a worker never heard from counts from the dispatch; closed and undispatched calls are left alone', () => {
  const never = new FakeCall('c1', 'w-never', 1_000_000);
  const closed = new FakeCall('c2', 'w-never', 1_000_000);
  closed.isClosed = true;
  const pending = new FakeCall('c3', '', 1_000_000);
  const { watch, advance } = setup([never, closed, pending]);
  assert.equal(watch.anyAlive(), false);
  advance(1501);
  watch.check();
  assert.deepEqual(never.redispatched, ['heartbeat_lost']);
  assert.deepEqual(closed.redispatched, []);
  assert.deepEqual(pending.redispatched, []);
  watch.close();
});

test('heartbeats arrive over the bus; garbage is counted, not fatal', async () => {
  const c = new FakeCall('c1', 'w1', 1_000_000);
  const { bus, watch, advance } = setup([c]);
  bus.publish(subjects.heartbeat('w1'), new Uint8Array([0xff, 0xff, 0xff]));
  bus.publish(subjects.heartbeat('w1'), uap.Heartbeat.encode({ workerId: 'w1', callIds: ['c1'] }).finish());
  await new Promise((r) => setImmediate(r));
  assert.equal(watch.badHeartbeats, 1);
  assert.equal(watch.anyAlive(), true);
  advance(1000);
  watch.check();
  assert.deepEqual(c.redispatched, []);
  watch.close();
  await bus.close();
});

test('silence while our own bus link is down is not held against the workers', () => {
  const c = new FakeCall('c1', 'w1', 1_000_000);
  const { watch, beat, advance, link } = setup([c]);
  beat('w1', ['c1']);
  link.up = false;
  advance(3000);
  watch.check();
  assert.deepEqual(c.redispatched, [], 'no verdict during the outage');
  link.up = true;
  advance(100);
  watch.check();
  assert.deepEqual(c.redispatched, [], 'the workers get a full window after the link is back');
  advance(1000);
  beat('w1', ['c1']);
  watch.check();
  assert.deepEqual(c.redispatched, []);
  // A worker that stays silent after the link is back is dead after all.
  advance(1600);
  watch.check();
  assert.deepEqual(c.redispatched, ['heartbeat_lost']);
  watch.close();
});
