// One contract suite run against both bus implementations; the NATS run uses a real nats-server it starts
// itself (and restarts, for the fault test).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BusClosedError, BusNoRespondersError, BusTimeoutError } from '../errors.ts';
import { InProcBus } from './inproc.ts';
import { connectNatsBus } from './nats.ts';
import { startNatsServer, type TestNatsServer } from './testing/nats-server.ts';
import type { Bus, BusStatus, DurableMsg } from './types.ts';
import type { ErrorSink } from './util.ts';

type MakeBus = (opts?: { onError?: ErrorSink }) => Promise<Bus>;

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let counter = 0;
/** A fresh subject token per test: the NATS server and its stream are shared by all tests. */
const uniq = (): string => `t${++counter}x${Math.random().toString(36).slice(2, 8)}`;

async function waitFor(cond: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** For negative checks: let anything in flight arrive. */
async function settle(bus: Bus): Promise<void> {
  await bus.flush();
  await sleep(30);
}

function contract(name: string, makeBus: MakeBus): void {
  describe(`bus contract: ${name}`, () => {
    const open: Bus[] = [];
    const make: MakeBus = async (opts) => {
      const bus = await makeBus(opts);
      open.push(bus);
      return bus;
    };
    after(async () => {
      await Promise.all(open.map((b) => b.close()));
    });

    test('exact subjects, * and > wildcards, non-matching subjects', async () => {
      const bus = await make();
      const p = uniq();
      const got: Record<string, string[]> = { exact: [], star: [], gt: [] };
      bus.subscribe(`${p}.a.b`, (m) => got.exact.push(m.subject));
      bus.subscribe(`${p}.*.c`, (m) => got.star.push(m.subject));
      bus.subscribe(`${p}.>`, (m) => got.gt.push(m.subject));
      for (const s of [`${p}.a.b`, `${p}.a.c`, `${p}.x.c`, `${p}.x.y.c`, `${p}.c`, p, `${p}x.a.b`]) bus.publish(s, enc(s));
      await waitFor(() => got.gt.length === 5, '> deliveries');
      await settle(bus);
      assert.deepEqual(got.exact, [`${p}.a.b`]);
      assert.deepEqual(got.star, [`${p}.a.c`, `${p}.x.c`]);
      assert.deepEqual(got.gt, [`${p}.a.b`, `${p}.a.c`, `${p}.x.c`, `${p}.x.y.c`, `${p}.c`]);
    });

    test('queue groups: one member per group, plain subscribers get everything', async () => {
      const bus = await make();
      const s = `${uniq()}.work`;
      const got = { a1: [] as string[], a2: [] as string[], b1: [] as string[], b2: [] as string[], plain: [] as string[] };
      for (const k of ['a1', 'a2', 'b1', 'b2'] as const) {
        bus.subscribe(s, (m) => got[k].push(dec(m.data)), { queue: k[0] });
      }
      bus.subscribe(s, (m) => got.plain.push(dec(m.data)));
      const all = Array.from({ length: 40 }, (_, i) => String(i));
      for (const d of all) bus.publish(s, enc(d));
      await waitFor(() => got.plain.length === 40 && got.a1.length + got.a2.length === 40 && got.b1.length + got.b2.length === 40, 'deliveries');
      await settle(bus);
      assert.deepEqual([...got.a1, ...got.a2].sort(), [...all].sort());
      assert.deepEqual([...got.b1, ...got.b2].sort(), [...all].sort());
      assert.ok(got.a1.length > 0 && got.a2.length > 0 && got.b1.length > 0 && got.b2.length > 0, 'load is spread');
      assert.deepEqual(got.plain, all);
    });

    test('max auto-unsubscribes; unsubscribe stops delivery', async () => {
      const bus = await make();
      const s = `${uniq()}.m`;
      const capped: string[] = [];
      const manual: string[] = [];
      bus.subscribe(s, (m) => capped.push(dec(m.data)), { max: 3 });
      const sub = bus.subscribe(s, (m) => {
        manual.push(dec(m.data));
        sub.unsubscribe();
      });
      assert.equal(sub.subject, s);
      for (let i = 0; i < 6; i++) bus.publish(s, enc(String(i)));
      await waitFor(() => capped.length === 3, 'max deliveries');
      await settle(bus);
      assert.deepEqual(capped, ['0', '1', '2']);
      // NATS may already have had a few more in flight when unsubscribe ran; then none.
      assert.equal(manual[0], '0');
      const seen = manual.length;
      bus.publish(s, enc('late'));
      await settle(bus);
      assert.equal(manual.length, seen);
    });

    test('request/reply', async () => {
      const bus = await make();
      const s = `${uniq()}.echo`;
      bus.subscribe(s, (m) => {
        assert.ok(m.reply);
        m.respond(enc(dec(m.data).toUpperCase()));
      });
      await bus.flush();
      const reply = await bus.request(s, enc('hello'), { timeoutMs: 2000 });
      assert.equal(dec(reply), 'HELLO');
      // respond() on a plain publish is a no-op.
      let responded: boolean | undefined;
      bus.subscribe(`${s}.plain`, (m) => { responded = m.respond(enc('x')); });
      bus.publish(`${s}.plain`, enc('x'));
      await waitFor(() => responded !== undefined, 'plain delivery');
      assert.equal(responded, false);
    });

    test('request timeout, no responders, abort', async () => {
      const bus = await make();
      const s = `${uniq()}.silent`;
      bus.subscribe(s, () => {});
      await bus.flush();
      const t0 = Date.now();
      await assert.rejects(bus.request(s, enc('x'), { timeoutMs: 100 }), BusTimeoutError);
      assert.ok(Date.now() - t0 >= 90);

      const t1 = Date.now();
      await assert.rejects(bus.request(`${s}.nobody`, enc('x'), { timeoutMs: 2000 }), BusNoRespondersError);
      assert.ok(Date.now() - t1 < 1000, 'no-responders is immediate');

      const ac = new AbortController();
      const p = bus.request(s, enc('x'), { timeoutMs: 2000, signal: ac.signal });
      setTimeout(() => ac.abort(), 20);
      await assert.rejects(p, { name: 'AbortError' });
      await assert.rejects(bus.request(s, enc('x'), { timeoutMs: 2000, signal: ac.signal }), { name: 'AbortError' });
    });

    test('a throwing handler does not break delivery', async () => {
      const errors: unknown[] = [];
      const bus = await make({ onError: (e) => errors.push(e) });
      const s = `${uniq()}.boom`;
      let thrower = 0;
      const good: string[] = [];
      bus.subscribe(s, () => {
        thrower++;
        throw new Error('boom');
      });
      bus.subscribe(s, (m) => good.push(dec(m.data)));
      bus.publish(s, enc('1'));
      bus.publish(s, enc('2'));
      await waitFor(() => good.length === 2 && thrower === 2, 'deliveries');
      assert.deepEqual(good, ['1', '2']);
      assert.equal(errors.length, 2);
      assert.equal((errors[0] as Error).message, 'boom');
    });

    test('publish order is preserved per subscription', async () => {
      const bus = await make();
      const s = `${uniq()}.seq`;
      const got: number[] = [];
      bus.subscribe(s, (m) => got.push(Number(dec(m.data))));
      const n = 2000;
      for (let i = 0; i < n; i++) bus.publish(s, enc(String(i)));
      await waitFor(() => got.length === n, 'all messages');
      assert.deepEqual(got, Array.from({ length: n }, (_, i) => i));
    });

    test('durable: publish, consume, ack; nak and ack-wait redeliver', async () => {
      const bus = await make();
      const id = uniq();
      const seen: { id?: string; redelivered: boolean; seq: number }[] = [];
      const consumer = await bus.consumeDurable({ durable: `d_${id}`, filter: `events.${id}.>`, ackWaitMs: 300 }, (m) => {
        seen.push({ id: m.msgId, redelivered: m.redelivered, seq: m.seq });
        const firstTime = seen.filter((x) => x.id === m.msgId).length === 1;
        if (m.msgId === 'nak' && firstTime) m.nak();
        else if (m.msgId === 'ignore' && firstTime) { /* neither ack nor nak: ack wait expires */ }
        else m.ack();
      });
      await bus.publishDurable(`events.${id}.a`, enc('1'), 'nak');
      await bus.publishDurable(`events.${id}.b`, enc('2'), 'ignore');
      await bus.publishDurable(`events.${id}x.c`, enc('x'), `${id}-elsewhere`); // not in the filter
      await waitFor(() => seen.length === 4, 'redeliveries');
      const nak = seen.filter((x) => x.id === 'nak');
      const ign = seen.filter((x) => x.id === 'ignore');
      assert.deepEqual(nak.map((x) => x.redelivered), [false, true]);
      assert.deepEqual(ign.map((x) => x.redelivered), [false, true]);
      assert.equal(nak[0].seq, nak[1].seq);
      assert.ok(nak[0].seq < ign[0].seq);
      await sleep(400); // longer than ackWait: everything acked, so nothing comes back
      assert.equal(seen.length, 4);
      await consumer.stop();
    });

    test('durable: position kept across consumer stop/restart; msgId de-dup', async () => {
      const bus = await make();
      const id = uniq();
      const opts = { durable: `d_${id}`, filter: `events.${id}.>` };
      const got: string[] = [];
      const handler = (m: DurableMsg): void => {
        got.push(dec(m.data));
        m.ack();
      };
      let c = await bus.consumeDurable(opts, handler);
      for (const d of ['1', '2', '3']) await bus.publishDurable(`events.${id}.x`, enc(d), `m${d}`);
      await bus.publishDurable(`events.${id}.x`, enc('dup'), 'm2'); // de-duplicated
      await waitFor(() => got.length === 3, 'first batch');
      await bus.flush(); // acks out
      await c.stop();
      for (const d of ['4', '5']) await bus.publishDurable(`events.${id}.x`, enc(d), `m${d}`);
      await bus.publishDurable(`events.${id}.x`, enc('dup'), 'm5');
      await settle(bus);
      assert.equal(got.length, 3, 'nothing delivered while stopped');
      c = await bus.consumeDurable(opts, handler);
      await waitFor(() => got.length === 5, 'second batch');
      await sleep(100);
      assert.deepEqual(got, ['1', '2', '3', '4', '5']);
      await c.stop();
      assert.equal(bus.pendingDurable(), 0);
    });

    test('close rejects pending requests; publish is a no-op afterwards', async () => {
      const bus = await make();
      const s = `${uniq()}.slow`;
      bus.subscribe(s, () => {});
      await bus.flush();
      const p = bus.request(s, enc('x'), { timeoutMs: 5000 });
      await bus.flush();
      await bus.close();
      await assert.rejects(p, BusClosedError);
      bus.publish(s, enc('ignored'));
      await assert.rejects(bus.request(s, enc('x'), { timeoutMs: 100 }), BusClosedError);
      await assert.rejects(bus.publishDurable(`events.${uniq()}`, enc('x'), 'x'), BusClosedError);
      await bus.close(); // idempotent
      await bus.drain();
    });

    test('drain delivers what is queued, then closes', async () => {
      const bus = await make();
      const s = `${uniq()}.d`;
      const got: string[] = [];
      bus.subscribe(s, (m) => got.push(dec(m.data)));
      await bus.flush();
      await bus.publishDurable(`events.${uniq()}`, enc('x'), `x${uniq()}`);
      bus.publish(s, enc('last'));
      await bus.drain(2000);
      assert.deepEqual(got, ['last']);
      assert.equal(bus.pendingDurable(), 0);
      await assert.rejects(bus.publishDurable(`events.${uniq()}`, enc('x'), 'y'), BusClosedError);
    });
  });
}

contract('inproc', async (opts) => new InProcBus({ onError: opts?.onError }));

describe('nats', () => {
  let server: TestNatsServer;
  before(async () => {
    server = await startNatsServer();
  });
  after(async () => {
    await server?.stop();
  });
  const natsBus: MakeBus = (opts) =>
    connectNatsBus({ url: server.url, name: 'contract-test', onError: opts?.onError, publishTimeoutMs: 1000 });

  contract('nats', natsBus);

  test('first connect fails fast with the URL in the message', async () => {
    const t0 = Date.now();
    await assert.rejects(connectNatsBus({ url: 'nats://127.0.0.1:1' }), /nats:\/\/127\.0\.0\.1:1/);
    assert.ok(Date.now() - t0 < 3000);
  });

  // SIGTERM: graceful restart, the server persists consumer state, so each event is delivered once (plus,
  // rarely, a redelivery flagged `redelivered` for an ack lost in the outage).
  // SIGKILL: a crash; the stream still stores each msgId exactly once, but the consumer's on-disk position
  // may roll back a little, so some already-acked events come again (even unflagged) and the consumer
  // must de-duplicate by msgId to process each exactly once.
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    test(`server restart (${signal}) during durable publishes: every event processed exactly once by msgId; core subscriptions resume`, async () => {
      const pub = await natsBus();
      const errors: unknown[] = [];
      const sub = await natsBus({ onError: (e) => errors.push(e) });
      const statuses: BusStatus['type'][] = [];
      sub.onStatus((s) => statuses.push(s.type));
      try {
        const id = uniq();
        const deliveries: { id: string; seq: number; redelivered: boolean }[] = [];
        const processed: string[] = [];
        const done = new Set<string>();
        const consumer = await sub.consumeDurable({ durable: `d_${id}`, filter: `events.${id}.>`, ackWaitMs: 2000 }, (m) => {
          deliveries.push({ id: m.msgId!, seq: m.seq, redelivered: m.redelivered });
          if (!done.has(m.msgId!)) {
            done.add(m.msgId!);
            processed.push(m.msgId!);
          }
          m.ack();
        });
        const pings: string[] = [];
        sub.subscribe(`${id}.ping`, (m) => pings.push(dec(m.data)));
        await sub.flush();

        const published: Promise<void>[] = [];
        let n = 0;
        const publishSome = async (count: number): Promise<void> => {
          for (let k = 0; k < count; k++, n++) {
            published.push(pub.publishDurable(`events.${id}.e`, enc(String(n)), `${id}-${n}`));
            await sleep(2);
          }
        };
        await publishSome(100); // before
        const restart = server.restart({ downMs: 600, signal });
        await publishSome(100); // during the outage
        await restart;
        await publishSome(100); // after
        await Promise.all(published);
        assert.equal(pub.pendingDurable(), 0);

        const expected = Array.from({ length: n }, (_, i) => `${id}-${i}`);
        await waitFor(() => processed.length === n, 'all durable events', 12_000);
        await sleep(200);
        assert.deepEqual([...processed].sort(), [...expected].sort());
        const seqById = new Map<string, Set<number>>();
        for (const d of deliveries) seqById.set(d.id, (seqById.get(d.id) ?? new Set()).add(d.seq));
        for (const [msgId, seqs] of seqById) assert.equal(seqs.size, 1, `${msgId} stored once`);
        if (signal === 'SIGTERM') assert.equal(deliveries.filter((d) => !d.redelivered).length, n);
        assert.ok(statuses.includes('disconnected') && statuses.includes('reconnected'), statuses.join(','));

        // Core: the publisher may reconnect a little after the subscriber, and core publishes are lossy.
        const deadline = Date.now() + 5000;
        while (pings.length === 0 && Date.now() < deadline) {
          pub.publish(`${id}.ping`, enc('ping'));
          await sleep(50);
        }
        assert.ok(pings.length > 0, 'core subscription resumed');
        await consumer.stop();
        assert.deepEqual(errors, []);
      } finally {
        await Promise.all([pub.close(), sub.close()]);
      }
    });
  }
});
