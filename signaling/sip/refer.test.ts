// Refer-To for the agent's targets, and sipfrag status lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referToUri, sipfragStatus } from './refer.ts';

test('Refer-To: SIP URIs as given, E.164 at the peer host, anything else refused', () => {
  assert.equal(referToUri('sip:desk@pbx.example.com', 'sip:a@10.0.0.1'), 'sip:desk@pbx.example.com');
  assert.equal(referToUri('+15559990000', 'sip:carrier@10.0.0.1:5080;transport=udp'), 'sip:+15559990000@10.0.0.1:5080');
  assert.equal(referToUri('+15559990000', 'sip:10.0.0.2'), 'sip:+15559990000@10.0.0.2');
  for (const bad of ['5559990000', 'tel:+1555', 'sip:', 'http://x', '+1555<evil>']) assert.equal(referToUri(bad, 'sip:a@10.0.0.1'), undefined, bad);
});

test('sipfrag: the status of its first line', () => {
  assert.equal(sipfragStatus(Buffer.from('SIP/2.0 200 OK\r\n')), 200);
  assert.equal(sipfragStatus(Buffer.from('SIP/2.0 100 Trying')), 100);
  assert.equal(sipfragStatus(Buffer.from('SIP/2.0 603 Declined\r\nX: y\r\n')), 603);
  for (const bad of ['', 'HTTP/1.1 200 OK', 'SIP/2.0 20 OK', 'SIP/2.0 700 x']) assert.equal(sipfragStatus(Buffer.from(bad)), undefined, bad);
});
