// RTCP: our SR/RR + SDES (+ BYE) parse back to what was written; malformed compounds are refused; the
// receiver statistics count loss (cumulative and fractional, across the sequence wrap) and jitter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newRtcpInfo, ntpTime, parseRtcp, writeReport } from './rtcp.ts';
import { ReceiverStats } from './receiver-stats.ts';

test('SR with a report block and SDES, then RR + BYE, parse back', () => {
  const buf = Buffer.alloc(1500);
  const ntp = ntpTime(Date.UTC(2026, 0, 1));
  const n = writeReport(buf, {
    ssrc: 0x11111111,
    sender: { ntpMsw: ntp.msw, ntpLsw: ntp.lsw, rtpTs: 12345, packets: 50, octets: 8000 },
    block: { ssrc: 0x22222222, fractionLost: 64, cumulativeLost: -3, extendedMax: 70000, jitter: 12.6, lsr: 0xabcd1234, dlsr: 65536 },
    cname: 'uap@test',
  });
  assert.equal(n % 4, 0);
  const info = newRtcpInfo();
  assert.equal(parseRtcp(buf, n, 0x22222222, info), true);
  assert.deepEqual({ ...info }, {
    senderSsrc: 0x11111111, hasSr: true, srNtpMiddle: (((ntp.msw & 0xffff) << 16) | (ntp.lsw >>> 16)) >>> 0,
    hasBlock: true, fractionLost: 64, cumulativeLost: -3, jitter: 13, lsr: 0xabcd1234, dlsr: 65536, bye: false,
  });
  const m = writeReport(buf, { ssrc: 0x11111111, cname: 'x', bye: true });
  assert.equal(parseRtcp(buf, m, 0x22222222, info), true);
  assert.deepEqual([info.hasSr, info.hasBlock, info.bye], [false, false, true]);
});

test('malformed compounds are refused', () => {
  const buf = Buffer.alloc(200);
  const n = writeReport(buf, { ssrc: 1, cname: 'c', block: { ssrc: 2, fractionLost: 0, cumulativeLost: 0, extendedMax: 1, jitter: 0, lsr: 0, dlsr: 0 } });
  const info = newRtcpInfo();
  assert.equal(parseRtcp(buf, n - 4, 2, info), false, 'truncated');
  assert.equal(parseRtcp(buf.subarray(n - 12), 12, 2, info), false, 'starts with SDES');
  const bad = Buffer.from(buf.subarray(0, n));
  bad[0] = 0x40;
  assert.equal(parseRtcp(bad, n, 2, info), false, 'version 1');
  assert.equal(parseRtcp(Buffer.from([0x80, 200, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]), 12, 2, info), false, 'SR too short');
  let seed = 3;
  const r = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 5000; i++) {
    const b = Buffer.from(Array.from({ length: Math.floor(r() * 100) }, () => Math.floor(r() * 256)));
    if (b.length > 1 && r() < 0.5) b[0] = 0x80 | (b[0] & 0x1f);
    parseRtcp(b, b.length, 2, info);
  }
});

test('receiver statistics: loss across the sequence wrap, fraction per interval, jitter', () => {
  const s = new ReceiverStats();
  let arrival = 0;
  for (let i = 0; i < 100; i++) {
    const seq = (65500 + i) & 0xffff;
    if (i % 10 === 3) continue; // 10 lost
    s.onPacket(7, seq, i * 160, (arrival = i * 160));
  }
  assert.deepEqual([s.expected, s.received, s.cumulativeLost, s.extendedMax], [100, 90, 10, 65536 + 63]);
  assert.equal(s.takeFractionLost(), Math.floor((10 * 256) / 100));
  assert.equal(s.takeFractionLost(), 0, 'nothing new since');
  assert.equal(s.jitter, 0, 'perfectly regular');
  for (let i = 100; i < 200; i++) s.onPacket(7, (65500 + i) & 0xffff, i * 160, (arrival = i * 160 + (i % 2) * 80));
  assert.ok(s.jitter > 60 && s.jitter <= 80, `jitter ${s.jitter}`);
  // A new SSRC starts over.
  s.onPacket(8, 10, 0, arrival);
  assert.deepEqual([s.expected, s.received], [1, 1]);
});
