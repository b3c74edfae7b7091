// The RTP port pool: even ports, round-robin, exhaustion, and binding that skips ports busy on the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { PortPool, bindFromPool, PortPoolExhaustedError } from './port-pool.ts';

test('hands out even ports round-robin and refuses when all are taken', () => {
  const pool = new PortPool(20001, 20007);
  assert.equal(pool.capacity, 3);
  assert.deepEqual([pool.acquire(), pool.acquire(), pool.acquire(), pool.acquire()], [20002, 20004, 20006, undefined]);
  pool.release(20004);
  assert.equal(pool.acquire(), 20004);
  pool.release(20002);
  pool.release(20006);
  assert.equal(pool.acquire(), 20006, 'round-robin: not the port released first');
  assert.throws(() => new PortPool(100, 200), RangeError);
});

test('binding skips a port another process holds, and gives up when the range is exhausted', async () => {
  // Hold an even port ourselves, then ask a two-port pool starting there.
  let blocker;
  let busy = 0;
  for (let i = 0; i < 50 && !blocker; i++) {
    const candidate = 40000 + 2 * Math.floor(Math.random() * 10000);
    const s = createSocket('udp4');
    try {
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.bind(candidate, '127.0.0.1', () => resolve());
      });
      blocker = s;
      busy = candidate;
    } catch {
      s.close();
    }
  }
  assert.ok(blocker, 'found a free even port');
  const pool = new PortPool(busy, busy + 2);
  const { socket, port } = await bindFromPool(pool, '127.0.0.1');
  assert.equal(port, busy + 2);
  await assert.rejects(bindFromPool(pool, '127.0.0.1'), PortPoolExhaustedError);
  socket.close();
  blocker.close();
});
