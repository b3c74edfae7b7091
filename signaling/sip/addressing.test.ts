// Response and in-dialog request destinations, and the Via stamps of RFC 3261 §18.2.1 / RFC 3581.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { responseTarget, withReceived, dialogTarget } from './addressing.ts';
import { parseVia } from './fields.ts';

const src = { address: '203.0.113.5', port: 40123 };
const via = (v: string) => [{ name: 'Via', value: v }, { name: 'Via', value: 'SIP/2.0/UDP proxy;branch=z9hG4bKp' }];

test('responses go to the source with rport, else the source address at the sent-by port', () => {
  assert.deepEqual(responseTarget(via('SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bK1;rport'), src), ['203.0.113.5', 40123]);
  assert.deepEqual(responseTarget(via('SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bK1'), src), ['203.0.113.5', 5070]);
  assert.deepEqual(responseTarget(via('SIP/2.0/UDP host.example;branch=z9hG4bK1'), src), ['203.0.113.5', 5060]);
});

test('the top Via gets received= when the sent-by host differs, and the rport value', () => {
  const out = withReceived(via('SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bK1;rport'), src);
  assert.equal(out[0].value, 'SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bK1;rport=40123;received=203.0.113.5');
  assert.equal(out[1].value, 'SIP/2.0/UDP proxy;branch=z9hG4bKp');
  const same = via('SIP/2.0/UDP 203.0.113.5:40123;branch=z9hG4bK1');
  assert.equal(withReceived(same, src), same, 'nothing to stamp');
});

test('in-dialog requests: first route, else the Contact; the source for NAT or host names', () => {
  const direct = parseVia('SIP/2.0/UDP 203.0.113.5:40123;branch=z9hG4bK1')!;
  assert.deepEqual(dialogTarget([], 'sip:a@203.0.113.5:5080', direct, src), ['203.0.113.5', 5080]);
  assert.deepEqual(dialogTarget(['<sip:198.51.100.1;lr>'], 'sip:a@203.0.113.5:5080', direct, src), ['198.51.100.1', 5060]);
  assert.deepEqual(dialogTarget([], 'sip:a@pbx.example.com', direct, src), ['203.0.113.5', 40123]);
  const natted = parseVia('SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK1;rport')!;
  assert.deepEqual(dialogTarget([], 'sip:a@192.168.1.10:5060', natted, src), ['203.0.113.5', 40123]);
});
