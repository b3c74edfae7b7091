// parseTwilioMessage on raw wire fixtures (shapes from /work/shared/PROTOCOLS.md) and on hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTwilioMessage, TwilioProtocolError, CloseCode, MAX_MESSAGE_BYTES } from './messages.ts';
import { ProtocolError, UapError } from '../../lib/errors.ts';

const STREAM = 'MZ18ad3ab5a668481ce02b83e7395059f0';
const CALL = 'CA5b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99';
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const PAYLOAD = Buffer.alloc(160, 0xff).toString('base64'); // 20 ms of µ-law silence

// Raw text frames exactly as Twilio sends them (strings for sequenceNumber/chunk/timestamp).
const FIXTURES = {
  connected: '{"event":"connected","protocol":"Call","version":"1.0.0"}',
  start: `{"event":"start","sequenceNumber":"1","streamSid":"${STREAM}","start":{"accountSid":"${ACCOUNT}","streamSid":"${STREAM}","callSid":"${CALL}","tracks":["inbound"],"customParameters":{"token":"abc.def","callId":"${CALL}"},"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}`,
  media: `{"event":"media","sequenceNumber":"3","streamSid":"${STREAM}","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"${PAYLOAD}"}}`,
  dtmf: `{"event":"dtmf","streamSid":"${STREAM}","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"1"}}`,
  mark: `{"event":"mark","streamSid":"${STREAM}","sequenceNumber":"4","mark":{"name":"greeting-end"}}`,
  stop: `{"event":"stop","streamSid":"${STREAM}","sequenceNumber":"6","stop":{"accountSid":"${ACCOUNT}","callSid":"${CALL}"}}`,
};

function expectError(text: string, code: string, closeCode: number): TwilioProtocolError {
  let caught: unknown;
  try {
    parseTwilioMessage(text);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof TwilioProtocolError, `expected a TwilioProtocolError for ${text.slice(0, 80)}, got ${String(caught)}`);
  assert.equal(caught.code, code, `code for ${text.slice(0, 80)}`);
  assert.equal(caught.closeCode, closeCode, `closeCode for ${text.slice(0, 80)}`);
  return caught;
}

test('connected', () => {
  assert.deepEqual(parseTwilioMessage(FIXTURES.connected), { event: 'connected' });
});

test('start', () => {
  assert.deepEqual(parseTwilioMessage(FIXTURES.start), {
    event: 'start',
    streamSid: STREAM,
    callSid: CALL,
    accountSid: ACCOUNT,
    customParameters: { token: 'abc.def', callId: CALL },
    encoding: 'audio/x-mulaw',
    sampleRate: 8000,
    channels: 1,
  });
});

test('media', () => {
  assert.deepEqual(parseTwilioMessage(FIXTURES.media), { event: 'media', streamSid: STREAM, track: 'inbound', timestampMs: 5, payload: PAYLOAD });
});

test('dtmf', () => {
  assert.deepEqual(parseTwilioMessage(FIXTURES.dtmf), { event: 'dtmf', streamSid: STREAM, digit: '1' });
  for (const digit of ['0', '9', '*', '#', 'A', 'D']) {
    const m = parseTwilioMessage(FIXTURES.dtmf.replace('"digit":"1"', `"digit":"${digit}"`));
    assert.equal(m.event === 'dtmf' && m.digit, digit);
  }
});

test('mark', () => {
  assert.deepEqual(parseTwilioMessage(FIXTURES.mark), { event: 'mark', streamSid: STREAM, name: 'greeting-end' });
});

test('stop', () => {
  assert.deepEqual(parseTwilioMessage(FIXTURES.stop), { event: 'stop', streamSid: STREAM });
});

test('start: defaults for a missing mediaFormat/customParameters, non-string parameters dropped', () => {
  const m = parseTwilioMessage(JSON.stringify({ event: 'start', streamSid: STREAM, start: { callSid: CALL, customParameters: { a: 'x', n: 1, o: {}, z: null } } }));
  assert.equal(m.event, 'start');
  if (m.event !== 'start') return;
  assert.deepEqual(m.customParameters, { a: 'x' });
  assert.equal(m.encoding, 'audio/x-mulaw');
  assert.equal(m.sampleRate, 8000);
  assert.equal(m.channels, 1);
  assert.equal(m.accountSid, '');
});

test('start: streamSid may come only inside start; a mismatch is refused', () => {
  const inner = parseTwilioMessage(JSON.stringify({ event: 'start', start: { streamSid: STREAM, callSid: CALL } }));
  assert.equal(inner.event === 'start' && inner.streamSid, STREAM);
  expectError(JSON.stringify({ event: 'start', streamSid: STREAM, start: { streamSid: 'MZother', callSid: CALL } }), 'BAD_MESSAGE', CloseCode.invalidPayload);
});

test('start: the format is reported as sent (the connection decides what it accepts)', () => {
  const m = parseTwilioMessage(FIXTURES.start.replace('"sampleRate":8000', '"sampleRate":16000').replace('audio/x-mulaw', 'audio/x-alaw'));
  assert.equal(m.event === 'start' && m.sampleRate, 16000);
  assert.equal(m.event === 'start' && m.encoding, 'audio/x-alaw');
});

test('media: a missing, non-numeric or negative timestamp becomes 0; a missing track means inbound', () => {
  const base = { event: 'media', streamSid: STREAM, media: { payload: PAYLOAD } as Record<string, unknown> };
  const ts = (v: unknown) => {
    const m = parseTwilioMessage(JSON.stringify({ ...base, media: { ...base.media, timestamp: v } }));
    return m.event === 'media' ? m.timestampMs : NaN;
  };
  assert.equal(ts(undefined), 0);
  assert.equal(ts('abc'), 0);
  assert.equal(ts('-20'), 0);
  assert.equal(ts('1234'), 1234);
  const m = parseTwilioMessage(JSON.stringify(base));
  assert.equal(m.event === 'media' && m.track, 'inbound');
  const out = parseTwilioMessage(JSON.stringify({ ...base, media: { ...base.media, track: 'outbound' } }));
  assert.equal(out.event === 'media' && out.track, 'outbound');
});

test('malformed JSON → MALFORMED_JSON / 1007', () => {
  for (const text of ['', '{', '{"event":"media",', 'not json', '{event:"start"}']) expectError(text, 'MALFORMED_JSON', 1007);
});

test('non-object JSON → BAD_MESSAGE / 1007', () => {
  for (const text of ['null', '42', '"media"', 'true', '[]', '[{"event":"media"}]']) expectError(text, 'BAD_MESSAGE', 1007);
});

test('missing or non-string event → BAD_MESSAGE / 1007', () => {
  expectError('{}', 'BAD_MESSAGE', 1007);
  expectError(`{"streamSid":"${STREAM}","media":{"payload":"${PAYLOAD}"}}`, 'BAD_MESSAGE', 1007);
  expectError('{"event":null}', 'BAD_MESSAGE', 1007);
  expectError('{"event":5}', 'BAD_MESSAGE', 1007);
});

test('media without a media object → BAD_MESSAGE', () => {
  expectError(`{"event":"media","streamSid":"${STREAM}"}`, 'BAD_MESSAGE', 1007);
  expectError(`{"event":"media","streamSid":"${STREAM}","media":"x"}`, 'BAD_MESSAGE', 1007);
});

test('empty or missing payload → EMPTY_PAYLOAD / 1007', () => {
  expectError(`{"event":"media","streamSid":"${STREAM}","media":{"payload":""}}`, 'EMPTY_PAYLOAD', 1007);
  expectError(`{"event":"media","streamSid":"${STREAM}","media":{}}`, 'EMPTY_PAYLOAD', 1007);
  expectError(`{"event":"media","streamSid":"${STREAM}","media":{"payload":123}}`, 'EMPTY_PAYLOAD', 1007);
});

test('non-base64 payload → BAD_PAYLOAD / 1007', () => {
  for (const p of ['abc', 'ab$d', '////====', 'A=A=', 'AB-_', 'AAAA AAA', '====', 'AAA===']) {
    expectError(JSON.stringify({ event: 'media', streamSid: STREAM, media: { payload: p } }), 'BAD_PAYLOAD', 1007);
  }
  // Valid padded forms are accepted.
  for (const p of ['AA==', 'AAA=', 'AAAA', '+/+/']) {
    assert.equal(parseTwilioMessage(JSON.stringify({ event: 'media', streamSid: STREAM, media: { payload: p } })).event, 'media');
  }
});

test('bad dtmf digit → BAD_DTMF / 1007', () => {
  for (const d of ['', 'E', '12', 'a', ' 1', '10']) {
    expectError(JSON.stringify({ event: 'dtmf', streamSid: STREAM, dtmf: { digit: d } }), 'BAD_DTMF', 1007);
  }
  expectError(JSON.stringify({ event: 'dtmf', streamSid: STREAM, dtmf: { digit: 1 } }), 'BAD_DTMF', 1007);
  expectError(JSON.stringify({ event: 'dtmf', streamSid: STREAM, dtmf: {} }), 'BAD_DTMF', 1007);
  expectError(JSON.stringify({ event: 'dtmf', streamSid: STREAM }), 'BAD_MESSAGE', 1007);
});

test('missing or malformed streamSid → BAD_MESSAGE / 1007 on every stream event', () => {
  const drop = (text: string) => {
    const o = JSON.parse(text);
    delete o.streamSid;
    return JSON.stringify(o);
  };
  expectError(drop(FIXTURES.media), 'BAD_MESSAGE', 1007);
  expectError(drop(FIXTURES.dtmf), 'BAD_MESSAGE', 1007);
  expectError(drop(FIXTURES.mark), 'BAD_MESSAGE', 1007);
  expectError(drop(FIXTURES.stop), 'BAD_MESSAGE', 1007);
  // start: neither top-level nor inner streamSid.
  const start = JSON.parse(FIXTURES.start);
  delete start.streamSid;
  delete start.start.streamSid;
  expectError(JSON.stringify(start), 'BAD_MESSAGE', 1007);
  for (const bad of ['', 'M', '12abc', 'MZ"}', 'MZ../x', 'MZ' + 'a'.repeat(63), 42]) {
    expectError(JSON.stringify({ event: 'stop', streamSid: bad }), 'BAD_MESSAGE', 1007);
  }
});

test('start with a bad callSid → BAD_MESSAGE / 1007', () => {
  for (const callSid of [undefined, '', 'C', '../../etc', 'CA.x', 'CA x', 'CA>', 12345]) {
    const start = JSON.parse(FIXTURES.start);
    start.start.callSid = callSid;
    expectError(JSON.stringify(start), 'BAD_MESSAGE', 1007);
  }
  expectError(`{"event":"start","streamSid":"${STREAM}"}`, 'BAD_MESSAGE', 1007);
  expectError(`{"event":"start","streamSid":"${STREAM}","start":[]}`, 'BAD_MESSAGE', 1007);
});

test('bad mark name → BAD_MARK / 1007', () => {
  for (const name of ['', 'x'.repeat(257), 7]) {
    expectError(JSON.stringify({ event: 'mark', streamSid: STREAM, mark: { name } }), 'BAD_MARK', 1007);
  }
  assert.equal(parseTwilioMessage(JSON.stringify({ event: 'mark', streamSid: STREAM, mark: { name: 'x'.repeat(256) } })).event, 'mark');
});

test('unknown event → {event:"unknown"} with the (truncated) name', () => {
  assert.deepEqual(parseTwilioMessage(`{"event":"someFutureEvent","streamSid":"${STREAM}"}`), { event: 'unknown', name: 'someFutureEvent' });
  const long = parseTwilioMessage(JSON.stringify({ event: 'e'.repeat(500) }));
  assert.deepEqual(long, { event: 'unknown', name: 'e'.repeat(64) });
});

test('errors are part of the one hierarchy', () => {
  const err = expectError('{', 'MALFORMED_JSON', 1007);
  assert.ok(err instanceof ProtocolError);
  assert.ok(err instanceof UapError);
  assert.equal(err.retryable, false);
  assert.equal(err.name, 'TwilioProtocolError');
});

test('close codes and size limit are the RFC 6455 values', () => {
  assert.deepEqual(CloseCode, { normal: 1000, goingAway: 1001, unsupportedData: 1003, invalidPayload: 1007, policy: 1008, tooBig: 1009, internal: 1011 });
  assert.equal(MAX_MESSAGE_BYTES, 65536);
});
