// RTP header parse/build on raw bytes: CSRCs, extension, padding, RTCP, and every refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRtp, writeRtpHeader, newRtpHeader, seqDiff, RTP_HEADER_BYTES } from './packet.ts';

test('write then parse: every field, big-endian, marker bit', () => {
  const b = Buffer.alloc(RTP_HEADER_BYTES + 160);
  writeRtpHeader(b, true, 101, 0xfffe, 0xdeadbeef, 0x01020304);
  assert.deepEqual([...b.subarray(0, 12)], [0x80, 0xe5, 0xff, 0xfe, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4]);
  const h = newRtpHeader();
  assert.equal(parseRtp(b, b.length, h), 'ok');
  assert.deepEqual(h, { marker: true, payloadType: 101, seq: 0xfffe, timestamp: 0xdeadbeef, ssrc: 0x01020304, payloadOffset: 12, payloadLength: 160 });
});

test('CSRCs, header extension and padding are skipped', () => {
  // V=2 P=1 X=1 CC=2
  const b = Buffer.alloc(12 + 8 + 4 + 8 + 10 + 3);
  b[0] = 0x80 | 0x20 | 0x10 | 2;
  b[1] = 0;
  b.writeUInt16BE(1, 2);
  const ext = 12 + 8;
  b.writeUInt16BE(0xbede, ext);
  b.writeUInt16BE(2, ext + 2); // 2 words
  b[b.length - 1] = 3; // 3 bytes of padding
  const h = newRtpHeader();
  assert.equal(parseRtp(b, b.length, h), 'ok');
  assert.equal(h.payloadOffset, 12 + 8 + 4 + 8);
  assert.equal(h.payloadLength, 10);
});

test('refusals: short, version, RTCP, bad extension, bad padding, empty, too large', () => {
  const h = newRtpHeader();
  const pkt = (bytes: number[], len = 172) => {
    const b = Buffer.alloc(len);
    bytes.forEach((v, i) => (b[i] = v));
    return b;
  };
  assert.equal(parseRtp(pkt([0x80], 11), 11, h), 'short');
  assert.equal(parseRtp(pkt([0x40]), 172, h), 'version');
  assert.equal(parseRtp(pkt([0x80, 200]), 172, h), 'rtcp');
  assert.equal(parseRtp(pkt([0x8f]), 40, h), 'short'); // 15 CSRCs do not fit
  const ext = pkt([0x90], 20);
  ext.writeUInt16BE(100, 14);
  assert.equal(parseRtp(ext, 20, h), 'extension');
  const pad = pkt([0xa0], 20);
  pad[19] = 50;
  assert.equal(parseRtp(pad, 20, h), 'padding');
  pad[19] = 0;
  assert.equal(parseRtp(pad, 20, h), 'padding');
  assert.equal(parseRtp(pkt([0x80], 12), 12, h), 'empty');
  assert.equal(parseRtp(pkt([0x80], 1300), 1300, h), 'too_large');
});

test('sequence distance wraps', () => {
  assert.equal(seqDiff(1, 65535), 2);
  assert.equal(seqDiff(65535, 1), -2);
  assert.equal(seqDiff(100, 100), 0);
});
