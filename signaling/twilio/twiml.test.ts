// TwiML builders: structure, and escaping of hostile values (checked with the strict TwiML parser
// of the Twilio simulator, which refuses anything but well-formed XML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xmlEscape, connectStreamTwiml, sayAndHangupTwiml } from './twiml.ts';
import { parseTwiml, parseXml } from '../../test/twilio-sim/twiml.ts';

const HOSTILE = [
  '"/><Hangup/><Parameter name="x" value="',
  "'/><Redirect>https://evil.example/</Redirect><x a='",
  '</Stream></Connect><Dial>+15550000000</Dial><Connect><Stream url="wss://evil">',
  '&amp; already escaped &lt;',
  '& < > " \'',
  '&#60;Hangup/&#62;',
  ']]><!-- <![CDATA[ x',
  'ünïcødé ☎ 😀',
  '',
];

test('xmlEscape escapes exactly the five XML specials', () => {
  assert.equal(xmlEscape(`&<>"'`), '&amp;&lt;&gt;&quot;&apos;');
  assert.equal(xmlEscape('plain text 123 +1 (555)'), 'plain text 123 +1 (555)');
  assert.equal(xmlEscape('&amp;'), '&amp;amp;', 'no double-unescaping: & is always escaped');
  assert.equal(xmlEscape('a&b&c'), 'a&amp;b&amp;c', 'every occurrence');
});

test('connectStreamTwiml: a bidirectional <Connect><Stream> with parameters', () => {
  const xml = connectStreamTwiml('wss://media.example.com/twilio/stream', { token: 'abc.def', callId: 'CA123' });
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://media.example.com/twilio/stream">'));
  assert.deepEqual(parseTwiml(xml), { kind: 'stream', streamUrl: 'wss://media.example.com/twilio/stream', parameters: { token: 'abc.def', callId: 'CA123' } });
  assert.deepEqual(parseTwiml(connectStreamTwiml('wss://h/p', {})), { kind: 'stream', streamUrl: 'wss://h/p', parameters: {} });
});

test('connectStreamTwiml: hostile parameter values and names stay inside their attribute', () => {
  for (const v of HOSTILE) {
    const xml = connectStreamTwiml('wss://media.example.com/twilio/stream', { token: v, [v || 'empty']: 'x' });
    const parsed = parseTwiml(xml); // throws on any injected element or broken attribute
    assert.equal(parsed.kind, 'stream', v);
    if (parsed.kind !== 'stream') continue;
    assert.equal(parsed.streamUrl, 'wss://media.example.com/twilio/stream', v);
    assert.deepEqual(parsed.parameters, { token: v, [v || 'empty']: 'x' }, `round trip of ${v}`);
    // The tree has exactly Response > Connect > Stream > Parameter* and nothing else.
    const root = parseXml(xml);
    assert.deepEqual(root.children.map((c) => c.name), ['Connect']);
    assert.deepEqual(root.children[0].children.map((c) => c.name), ['Stream']);
    assert.ok(root.children[0].children[0].children.every((c) => c.name === 'Parameter'));
  }
});

test('connectStreamTwiml: a hostile stream URL is escaped too', () => {
  const url = 'wss://media.example.com/s?a=1&b="2"><Hangup/>';
  const parsed = parseTwiml(connectStreamTwiml(url, { token: 't' }));
  assert.equal(parsed.kind === 'stream' && parsed.streamUrl, url);
});

test('sayAndHangupTwiml: hostile text is spoken, not executed', () => {
  for (const text of HOSTILE.filter((t) => t.trim() !== '')) {
    const parsed = parseTwiml(sayAndHangupTwiml(text));
    assert.equal(parsed.kind, 'other');
    if (parsed.kind !== 'other') continue;
    assert.deepEqual(parsed.verbs, ['Say', 'Hangup'], text);
    assert.equal(parsed.say, text.trim());
    assert.equal(parsed.hangup, true);
  }
  assert.equal(sayAndHangupTwiml('Goodbye.'), '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Goodbye.</Say><Hangup/></Response>');
});
