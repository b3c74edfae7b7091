// The SIP message parser and serializer on raw wire fixtures: fields, compact forms, Vias, Content-Length,
// every typed error, and a seeded fuzz run (mutated fixtures only ever parse or throw SipParseError, and
// whatever parses survives serialize → parse unchanged).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMessage, serializeMessage, buildResponse, getHeader, getHeaders, canRespond, SipParseError, type ParsedMessage } from './message.ts';
import { FIXTURES, invite, SDP_OFFER } from './fixtures.ts';

const buf = (s: string) => Buffer.from(s, 'utf8');

function expectError(input: string | Buffer, code: string, status?: number): SipParseError {
  try {
    parseMessage(typeof input === 'string' ? buf(input) : input);
  } catch (err) {
    assert.ok(err instanceof SipParseError, `expected SipParseError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (status !== undefined) assert.equal(err.status, status);
    return err;
  }
  assert.fail(`expected ${code}`);
}

test('parses an INVITE: start line, core headers, body by Content-Length', () => {
  const m = parseMessage(buf(FIXTURES.invite));
  assert.equal(m.kind, 'request');
  if (m.kind !== 'request') return;
  assert.equal(m.method, 'INVITE');
  assert.equal(m.uri, 'sip:+15550002222@127.0.0.1:5060');
  assert.equal(m.callId, '1-123@127.0.0.1');
  assert.deepEqual(m.cseq, { seq: 1, method: 'INVITE' });
  assert.equal(m.from.display, 'Alice');
  assert.equal(m.from.tag, 'ft1');
  assert.equal(m.to.tag, undefined);
  assert.equal(m.via.length, 1);
  assert.equal(m.via[0].branch, 'z9hG4bK-1-0');
  assert.equal(m.via[0].port, 5061);
  assert.equal(m.maxForwards, 70);
  assert.equal(m.body.toString(), SDP_OFFER);
});

test('compact forms expand; several Vias from one line and from several lines keep their order', () => {
  const m = parseMessage(buf(FIXTURES.compactInvite));
  assert.deepEqual(getHeaders(m, 'Via').length, 3);
  assert.deepEqual(m.via.map((v) => [v.transport, v.host, v.port, v.branch]), [
    ['UDP', '10.0.0.1', 5060, 'z9hG4bKaaa'],
    ['TCP', 'proxy.example.com', undefined, 'z9hG4bKbbb'],
    ['UDP', '[2001:db8::1]', 5062, 'z9hG4bKccc'],
  ]);
  assert.equal(m.via[0].params.rport, true);
  assert.equal(m.to.display, 'Bob, the builder');
  assert.equal(getHeader(m, 'Content-Type'), 'application/sdp');
  assert.equal(getHeader(m, 'c'), 'application/sdp');
  assert.equal(getHeader(m, 'Supported'), 'timer, 100rel');
  assert.equal(getHeader(m, 'contact'), '<sip:alice@10.0.0.1:5060;transport=udp>;expires=60');
  assert.equal(m.callId, 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com');
  // Serialized with long names, one Via per line.
  const out = serializeMessage(m).toString();
  assert.match(out, /^Via: SIP\/2\.0\/UDP 10\.0\.0\.1:5060;branch=z9hG4bKaaa;rport\r\nVia: SIP\/2\.0\/TCP/m);
  assert.match(out, /\r\nCall-ID: f81d4fae/);
  assert.doesNotMatch(out, /\r\n[vftimlck]: /);
});

test('responses parse, Record-Route lists split, Contact * stays whole', () => {
  const ok = parseMessage(buf(FIXTURES.ok));
  assert.equal(ok.kind, 'response');
  if (ok.kind !== 'response') return;
  assert.equal(ok.status, 200);
  assert.equal(ok.reason, 'OK');
  assert.deepEqual(getHeaders(ok, 'Record-Route'), ['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
  const r = parseMessage(buf(FIXTURES.ringing));
  assert.equal(getHeader(r, 'Contact'), '*');
});

test('Content-Length: body cut at the length (UDP), absent means the rest, too long is an error', () => {
  const base = FIXTURES.bye.replace('Content-Length: 0', 'Content-Length: 3');
  assert.equal(parseMessage(buf(base + 'abcdef')).body.toString(), 'abc');
  const noLen = FIXTURES.bye.replace('Content-Length: 0\r\n', '');
  assert.equal(parseMessage(buf(noLen + 'xyz')).body.toString(), 'xyz');
  expectError(FIXTURES.bye.replace('Content-Length: 0', 'Content-Length: 10') + 'short', 'TRUNCATED_BODY', 400);
  expectError(FIXTURES.bye.replace('Content-Length: 0', 'Content-Length: -1'), 'BAD_CONTENT_LENGTH', 400);
  expectError(FIXTURES.bye.replace('Content-Length: 0', 'Content-Length: 0\r\nl: 2') + 'ab', 'BAD_CONTENT_LENGTH');
  // Content-Length is only required on stream transports:
  assert.throws(() => parseMessage(buf(noLen), { requireContentLength: true }), (e: unknown) => e instanceof SipParseError && e.code === 'MISSING_HEADER');
});

test('every malformed input gets its typed error and the status a server answers', () => {
  expectError('', 'EMPTY');
  expectError('\r\n\r\n', 'EMPTY');
  expectError(Buffer.alloc(70_000, 0x41), 'TOO_LARGE', 513);
  expectError('INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1', 'NO_HEADER_END');
  expectError('HELLO WORLD\r\n\r\n', 'BAD_START_LINE');
  expectError('INVITE  sip:a@b SIP/2.0\r\n\r\n', 'BAD_START_LINE');
  expectError('SIP/2.0 99 Low\r\n\r\n', 'BAD_START_LINE');
  expectError('SIP/3.0 200 OK\r\n\r\n', 'BAD_VERSION', 505);
  const v3 = expectError(FIXTURES.options.replace('SIP/2.0\r\n', 'SIP/3.0\r\n'), 'BAD_VERSION', 505);
  assert.ok(v3.partial && canRespond(v3.partial), 'a version error still carries what a 505 needs');
  expectError(Buffer.concat([buf('OPTIONS sip:a@b SIP/2.0\r\nVia: '), Buffer.from([0xff, 0xfe]), buf('\r\n\r\n')]), 'BAD_ENCODING');
  expectError('OPTIONS sip:a@b SIP/2.0\r\nVia: x\0y\r\n\r\n', 'BAD_CHARACTER');
  expectError('OPTIONS sip:a@b SIP/2.0\r\nVia: x\ry\r\n\r\n', 'BAD_CHARACTER');
  expectError(FIXTURES.options.replace('Call-ID: opt-1', 'Call-ID: opt-1\r\n continued'), 'FOLDED_HEADER');
  expectError(FIXTURES.options.replace('Call-ID: opt-1', 'no colon here'), 'BAD_HEADER');
  expectError(FIXTURES.options.replace('Call-ID: opt-1', 'Bad Name: x'), 'BAD_HEADER');
  expectError(FIXTURES.options.replace('Call-ID: opt-1\r\n', ''), 'MISSING_HEADER');
  expectError(FIXTURES.options.replace(/Via: [^\r]*\r\n/, ''), 'MISSING_HEADER');
  expectError(FIXTURES.options.replace('To: sip:127.0.0.1', 'To: sip:127.0.0.1\r\nTo: sip:x@y'), 'DUPLICATE_HEADER');
  expectError(FIXTURES.options.replace('CSeq: 1 OPTIONS', 'CSeq: 1 INVITE'), 'BAD_CSEQ');
  expectError(FIXTURES.options.replace('CSeq: 1 OPTIONS', 'CSeq: x OPTIONS'), 'BAD_CSEQ');
  expectError(FIXTURES.options.replace('CSeq: 1 OPTIONS', 'CSeq: 99999999999 OPTIONS'), 'BAD_CSEQ');
  expectError(FIXTURES.options.replace(/Via: [^\r]*/, 'Via: HTTP/1.1 host'), 'BAD_HEADER');
  expectError(FIXTURES.options.replace('From: sip:ping@127.0.0.1;tag=p1', 'From: <sip:ping@127.0.0.1'), 'BAD_HEADER');
  expectError(FIXTURES.options.replace('Accept: application/sdp', 'Max-Forwards: 300'), 'BAD_HEADER');
  expectError(FIXTURES.options.replace('Accept: application/sdp', Array.from({ length: 250 }, (_, i) => `X-H${i}: v`).join('\r\n')), 'TOO_MANY_HEADERS', 513);
});

test('bare LF line ends and leading CRLFs are tolerated', () => {
  const m = parseMessage(buf('\r\n' + FIXTURES.options.replace(/\r\n/g, '\n')));
  assert.equal(m.callId, 'opt-1');
});

test('buildResponse copies Vias in order, From, To (+ tag), Call-ID, CSeq; 100 gets no tag', () => {
  const req = parseMessage(buf(FIXTURES.compactInvite));
  const r = buildResponse(req, 180, { toTag: 'xyz' });
  const back = parseMessage(serializeMessage(r));
  assert.equal(back.kind, 'response');
  assert.deepEqual(back.via, req.via);
  assert.equal(back.to.tag, 'xyz');
  assert.equal(back.from.tag, '88sja8x');
  assert.equal(back.callId, req.callId);
  assert.deepEqual(back.cseq, req.cseq);
  assert.equal(parseMessage(serializeMessage(buildResponse(req, 100, { toTag: 'xyz' }))).to.tag, undefined);
  const ok = buildResponse(req, 200, { toTag: 't', body: Buffer.from('v=0\r\n'), headers: [{ name: 'Contact', value: '<sip:a@b>' }] });
  const okBack = parseMessage(serializeMessage(ok));
  assert.equal(getHeader(okBack, 'Content-Type'), 'application/sdp');
  assert.equal(getHeader(okBack, 'Content-Length'), '5');
  assert.throws(() => serializeMessage({ ...ok, headers: [{ name: 'X', value: 'a\r\nInjected: 1' }] }), /line break/);
});

// --- round trip and fuzz ---

function comparable(m: ParsedMessage) {
  return {
    start: m.kind === 'request' ? [m.method, m.uri] : [m.status, m.reason],
    headers: m.headers.filter((h) => h.name !== 'Content-Length'),
    body: m.body.toString('hex'),
    via: m.via,
    from: m.from,
    to: m.to,
    callId: m.callId,
    cseq: m.cseq,
  };
}

test('valid fixtures round-trip: parse → serialize → parse gives the same message', () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    const a = parseMessage(buf(text));
    const b = parseMessage(serializeMessage(a));
    assert.deepEqual(comparable(b), comparable(a), name);
  }
});

/** Small deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = Buffer.from('\r\n:;,<>"= \t@/\\\x00\xff0123456789zZ', 'latin1');

function mutate(src: Buffer, r: () => number): Buffer {
  let b = Buffer.from(src);
  const ops = 1 + Math.floor(r() * 4);
  for (let k = 0; k < ops; k++) {
    const pos = Math.floor(r() * (b.length + 1));
    switch (Math.floor(r() * 8)) {
      case 0: // flip a byte
        if (b.length) b[Math.min(pos, b.length - 1)] = Math.floor(r() * 256);
        break;
      case 1: // insert a special byte
        b = Buffer.concat([b.subarray(0, pos), SPECIAL.subarray(Math.floor(r() * SPECIAL.length)).subarray(0, 1), b.subarray(pos)]);
        break;
      case 2: // delete a range
        b = Buffer.concat([b.subarray(0, pos), b.subarray(pos + 1 + Math.floor(r() * 20))]);
        break;
      case 3: // truncate
        b = b.subarray(0, pos);
        break;
      case 4: { // duplicate a line
        const lines = b.toString('latin1').split('\r\n');
        const i = Math.floor(r() * lines.length);
        lines.splice(i, 0, lines[i]);
        b = Buffer.from(lines.join('\r\n'), 'latin1');
        break;
      }
      case 5: { // swap two lines
        const lines = b.toString('latin1').split('\r\n');
        const i = Math.floor(r() * lines.length);
        const j = Math.floor(r() * lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        b = Buffer.from(lines.join('\r\n'), 'latin1');
        break;
      }
      case 6: // rewrite Content-Length
        b = Buffer.from(b.toString('latin1').replace(/Content-Length: \d+|l: \d+/, `Content-Length: ${Math.floor(r() * 2000) - 5}`), 'latin1');
        break;
      default: // blow up a piece
        b = Buffer.concat([b.subarray(0, pos), Buffer.alloc(Math.floor(r() * 3000), SPECIAL[Math.floor(r() * SPECIAL.length)]), b.subarray(pos)]);
    }
  }
  return b;
}

test('fuzz: mutated fixtures and random bytes only ever parse or throw SipParseError; parsed ones round-trip', () => {
  const r = rng(20240611);
  const sources = Object.values(FIXTURES).map(buf);
  let parsed = 0;
  let refused = 0;
  for (let i = 0; i < 30_000; i++) {
    const input = i % 10 === 9 ? Buffer.from(Array.from({ length: Math.floor(r() * 400) }, () => Math.floor(r() * 256))) : mutate(sources[i % sources.length], r);
    let m: ParsedMessage;
    try {
      m = parseMessage(input);
    } catch (err) {
      if (!(err instanceof SipParseError)) assert.fail(`iteration ${i}: ${String(err)} for ${JSON.stringify(input.toString('latin1').slice(0, 600))}`);
      refused++;
      continue;
    }
    parsed++;
    let again: ParsedMessage;
    try {
      again = parseMessage(serializeMessage(m));
    } catch (err) {
      assert.fail(`iteration ${i}: re-parse failed (${String(err)}) for ${JSON.stringify(input.toString('latin1').slice(0, 600))}`);
    }
    assert.deepEqual(comparable(again), comparable(m), `iteration ${i}`);
  }
  assert.ok(parsed > 1000 && refused > 1000, `both outcomes exercised (parsed ${parsed}, refused ${refused})`);
});

test('an INVITE built by the fixture helper with extra headers parses', () => {
  const m = parseMessage(buf(invite({ extra: ['Record-Route: <sip:p.example.com;lr>', 'Require: 100rel'] })));
  assert.deepEqual(getHeaders(m, 'Record-Route'), ['<sip:p.example.com;lr>']);
});
