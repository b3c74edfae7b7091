// Structured header values: URIs, name-addr, Via, CSeq, parameters and list splitting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUri, parseNameAddr, parseVia, parseCSeq, splitOutside, parseParams } from './fields.ts';

test('SIP and tel URIs: user (unescaped), host, port, params', () => {
  assert.deepEqual(parseUri('sip:%2B15550002222@Example.COM:5080;transport=udp;lr'), {
    scheme: 'sip', user: '+15550002222', host: 'example.com', port: 5080, params: { transport: 'udp', lr: true },
  });
  assert.deepEqual(parseUri('sips:[2001:db8::1]'), { scheme: 'sips', user: '', host: '[2001:db8::1]', port: undefined, params: {} });
  assert.equal(parseUri('sip:alice:secret@host?subject=x')!.user, 'alice');
  assert.equal(parseUri('tel:+1-555-000;phone-context=x')!.user, '+1-555-000');
  for (const bad of ['http://x', 'sip:', 'sip:@host', 'sip:user@', 'sip:host:0', 'sip:host:99999', 'sip:ho st', 'sip:a%zz@h', 'sip:h;=x']) {
    assert.equal(parseUri(bad), undefined, bad);
  }
});

test('name-addr: quoted display names with commas and escapes, bare addr-spec params belong to the header', () => {
  assert.deepEqual(parseNameAddr('"Smith, \\"J\\"" <sip:j@h;transport=tcp>;tag=1;x'), { display: 'Smith, "J"', uri: 'sip:j@h;transport=tcp', params: { tag: '1', x: true }, tag: '1' });
  assert.deepEqual(parseNameAddr('Bob <sip:b@h>'), { display: 'Bob', uri: 'sip:b@h', params: {}, tag: undefined });
  assert.deepEqual(parseNameAddr('sip:b@h;tag=9'), { display: undefined, uri: 'sip:b@h', params: { tag: '9' }, tag: '9' });
  for (const bad of ['<sip:b@h', '"x <sip:b@h>', 'sip:b@h;tag', 'x y z', '<>', '<sip:b@h>;=1']) assert.equal(parseNameAddr(bad), undefined, bad);
});

test('Via: transport, sent-by, params; spaces around slashes allowed', () => {
  assert.deepEqual(parseVia('SIP / 2.0 / udp 10.0.0.1:5060 ;branch=z9hG4bK1;rport;received=1.2.3.4'), {
    transport: 'UDP', host: '10.0.0.1', port: 5060, params: { branch: 'z9hG4bK1', rport: true, received: '1.2.3.4' }, branch: 'z9hG4bK1',
  });
  for (const bad of ['SIP/2.0/UDP', 'SIP/1.0/UDP h', 'SIP/2.0/UDP h:x', 'SIP/2.0/UDP h;branch']) assert.equal(parseVia(bad), undefined, bad);
});

test('CSeq, params, list splitting', () => {
  assert.deepEqual(parseCSeq('314159 INVITE'), { seq: 314159, method: 'INVITE' });
  assert.equal(parseCSeq('2147483648 INVITE'), undefined);
  assert.equal(parseCSeq('1'), undefined);
  assert.deepEqual(splitOutside('"a,b" <sip:x,y>, c', ','), ['"a,b" <sip:x,y>', ' c']);
  assert.deepEqual(parseParams(';a="q;uoted";B=2'), { a: '"q;uoted"', b: '2' });
  assert.equal(parseParams('x;a=1'), undefined);
});
