// Our signer vs the official SDK, both directions, including the WebSocket (empty params) case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { twilioSignature } from './signature.ts';

const TOKEN = '12345';
// Fixture from the SDK's own validation tests / Twilio's security docs.
const DOC_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOC_PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };

test('matches getExpectedTwilioSignature on the documented example', () => {
  const ours = twilioSignature(TOKEN, DOC_URL, DOC_PARAMS);
  assert.equal(ours, 'RSOYDt4T1cUTdK1PDd93/VVr8B8='); // the SDK spec's pinned value
  assert.equal(ours, twilio.getExpectedTwilioSignature(TOKEN, DOC_URL, DOC_PARAMS));
  assert.ok(twilio.validateRequest(TOKEN, ours, DOC_URL, DOC_PARAMS));
});

test('sorts names by code unit, handles empty values and unicode like the SDK', () => {
  const params = { b: '2', B: 'upper', a: '', Zeta: 'ü ñ €', 'a.b': 'x&y=z', _x: '+1 415' };
  const url = 'http://127.0.0.1:8080/twilio/voice';
  const ours = twilioSignature('tok', url, params);
  assert.equal(ours, twilio.getExpectedTwilioSignature('tok', url, params));
  assert.ok(twilio.validateRequest('tok', ours, url, params));
});

test('WebSocket upgrade: wss URL with empty params', () => {
  const url = 'wss://voice.example.com/twilio/media';
  const ours = twilioSignature('secret', url, {});
  assert.equal(ours, twilio.getExpectedTwilioSignature('secret', url, {}));
  assert.ok(twilio.validateRequest('secret', ours, url, {}));
  // Signed over wss, so an https rendering of the same URL must not validate.
  assert.ok(!twilio.validateRequest('secret', ours, 'https://voice.example.com/twilio/media', {}));
});

test('SDK tolerates an explicit :443 on the URL we signed without it', () => {
  const url = 'https://voice.example.com/twilio/voice';
  const ours = twilioSignature(TOKEN, url, DOC_PARAMS);
  assert.ok(twilio.validateRequest(TOKEN, ours, 'https://voice.example.com:443/twilio/voice', DOC_PARAMS));
});

test('any change to token, URL or params breaks validation', () => {
  const sig = twilioSignature(TOKEN, DOC_URL, DOC_PARAMS);
  assert.ok(!twilio.validateRequest('54321', sig, DOC_URL, DOC_PARAMS));
  assert.ok(!twilio.validateRequest(TOKEN, sig, DOC_URL + '&x=1', DOC_PARAMS));
  assert.ok(!twilio.validateRequest(TOKEN, sig, DOC_URL, { ...DOC_PARAMS, Digits: '1235' }));
});
