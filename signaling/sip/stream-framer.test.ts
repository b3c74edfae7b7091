// Framing SIP off a TCP stream: split anywhere, several messages per chunk, CRLF keep-alives, and the
// failures that end a stream (no or bad Content-Length, too large) — with a seeded fuzz that never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipStreamFramer, type FramingError } from './stream-framer.ts';

const msg = (body = '', cl = String(Buffer.byteLength(body))) =>
  `OPTIONS sip:x@h SIP/2.0\r\nVia: SIP/2.0/TCP a:5060;branch=z9hG4bK1\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:x@h>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nContent-Length: ${cl}\r\n\r\n${body}`;

function framer(max = 65536) {
  const out = { messages: [] as string[], pings: 0, errors: [] as FramingError[] };
  const f = new SipStreamFramer(max, { onMessage: (m) => out.messages.push(m.toString()), onKeepAlive: () => out.pings++, onError: (c) => out.errors.push(c) });
  return { f, out };
}

test('messages split at every byte, and several in one chunk, come out whole', () => {
  const two = msg('hello') + msg();
  for (let cut = 1; cut < two.length; cut += 7) {
    const { f, out } = framer();
    f.push(Buffer.from(two.slice(0, cut)));
    f.push(Buffer.from(two.slice(cut)));
    assert.deepEqual(out.messages, [msg('hello'), msg()], `cut at ${cut}`);
  }
  const { f, out } = framer();
  for (const ch of Buffer.from(two)) f.push(Buffer.from([ch]));
  assert.equal(out.messages.length, 2);
  assert.equal(f.pending, 0);
});

test('CRLF keep-alives between messages are pings; a lone CRLF is skipped', () => {
  const { f, out } = framer();
  f.push(Buffer.from(`\r\n\r\n${msg()}\r\n${msg()}\r\n\r\n`));
  assert.deepEqual([out.messages.length, out.pings, out.errors], [2, 2, []]);
});

test('no, bad or huge Content-Length, or endless headers, end the stream', () => {
  const cases: [string, FramingError, number?][] = [
    [msg().replace(/Content-Length: 0\r\n/, ''), 'NO_CONTENT_LENGTH'],
    [msg('', 'abc'), 'BAD_CONTENT_LENGTH'],
    [msg('', '-1'), 'BAD_CONTENT_LENGTH'],
    [msg('', '99999'), 'TOO_LARGE', 4096],
    [`OPTIONS sip:x SIP/2.0\r\nX: ${'a'.repeat(5000)}`, 'TOO_LARGE', 4096],
  ];
  for (const [input, code, max] of cases) {
    const { f, out } = framer(max);
    f.push(Buffer.from(input));
    f.push(Buffer.from(msg()));
    assert.deepEqual([out.errors, out.messages.length], [[code], 0], code);
  }
  // The compact form counts.
  const { f, out } = framer();
  f.push(Buffer.from(msg('xy').replace('Content-Length: 2', 'l: 2')));
  assert.equal(out.messages.length, 1);
});

test('fuzz: random chunks of random bytes never throw', () => {
  let seed = 11;
  const r = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 2000; i++) {
    const { f } = framer(2048);
    for (let k = 0; k < 5; k++) {
      const b = Buffer.from(Array.from({ length: Math.floor(r() * 600) }, () => (r() < 0.2 ? 13 : r() < 0.3 ? 10 : Math.floor(r() * 256))));
      if (r() < 0.3) b.write('Content-Length: 5\r\n\r\n', Math.floor(r() * b.length));
      f.push(b);
    }
  }
});
