// Unit tests of the strict TwiML subset parser: accepted shapes and clear failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTwiml, parseXml, TwimlError } from './twiml.ts';

test('Connect/Stream with parameters, entities and both quote styles', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Connect>
    <Stream url="wss://voice.example.com/twilio/media" statusCallback='https://x.example.com/cb?a=1&amp;b=2' name="s1">
      <Parameter name="agent" value="sales &amp; support"/>
      <Parameter name='quote' value='say &quot;hi&quot; &apos;n &lt;b&gt; &#65;&#x42;' />
      <Parameter name="empty" value=""></Parameter>
    </Stream>
  </Connect>
</Response>`;
  assert.deepEqual(parseTwiml(xml), {
    kind: 'stream',
    streamUrl: 'wss://voice.example.com/twilio/media',
    parameters: { agent: 'sales & support', quote: `say "hi" 'n <b> AB`, empty: '' },
    statusCallback: 'https://x.example.com/cb?a=1&b=2',
    name: 's1',
  });
});

test('Say + Hangup reply', () => {
  const r = parseTwiml('<Response><Say voice="alice">Sorry, we are closed &amp; gone.</Say><Hangup/></Response>');
  assert.deepEqual(r, { kind: 'other', say: 'Sorry, we are closed & gone.', hangup: true, verbs: ['Say', 'Hangup'] });
  assert.deepEqual(parseTwiml('<Response><Reject reason="busy"/></Response>'), { kind: 'other', hangup: true, verbs: ['Reject'] });
  assert.deepEqual(parseTwiml('<Response/>'), { kind: 'other', hangup: false, verbs: [] });
});

test('generic tree keeps attributes, children and text', () => {
  const el = parseXml('<a x="1"><b/>t<c y="2">u</c></a>');
  assert.equal(el.name, 'a');
  assert.deepEqual(el.attrs, { x: '1' });
  assert.deepEqual(el.children.map((c) => c.name), ['b', 'c']);
  assert.equal(el.text, 't');
  assert.equal(el.children[1].text, 'u');
});

const malformed: [string, string, RegExp][] = [
  ['empty input', '', /expected '<'/],
  ['unclosed root', '<Response>', /missing <\/Response>/],
  ['mismatched close', '<Response><Say>x</Hangup></Response>', /does not match/],
  ['unquoted attribute', '<Response><Connect><Stream url=wss://x/></Connect></Response>', /must be quoted/],
  ['unterminated attribute', '<Response a="1/>', /unterminated value/],
  ['duplicate attribute', '<Response a="1" a="2"/>', /duplicate attribute/],
  ['no space between attributes', '<Response a="1"b="2"/>', /expected whitespace/],
  ['unknown entity', '<Response><Say>&nbsp;</Say></Response>', /unknown entity/],
  ['bare ampersand', '<Response><Say>a & b</Say></Response>', /unknown entity|bare '&'/],
  ['bare ampersand at end', '<Response><Say>AT&T</Say></Response>', /bare '&'/],
  ['< in attribute', '<Response a="<"/>', /'<' in value/],
  ['comment', '<Response><!-- hi --></Response>', /not supported/],
  ['CDATA', '<Response><Say><![CDATA[x]]></Say></Response>', /not supported/],
  ['trailing content', '<Response/><Response/>', /content after the root/],
  ['wrong root', '<Reply/>', /expected <Response>/],
  ['stream without url', '<Response><Connect><Stream/></Connect></Response>', /has no url/],
  ['http stream url', '<Response><Connect><Stream url="https://x/y"/></Connect></Response>', /ws:\/\/ or wss:\/\//],
  ['unknown stream attribute', '<Response><Connect><Stream url="wss://x" foo="1"/></Connect></Response>', /unknown <Stream> attribute foo/],
  ['parameter without value', '<Response><Connect><Stream url="wss://x"><Parameter name="a"/></Stream></Connect></Response>', /needs name and value/],
  ['other child in stream', '<Response><Connect><Stream url="wss://x"><Say>x</Say></Stream></Connect></Response>', /may only contain <Parameter>/],
  ['two streams', '<Response><Connect><Stream url="wss://x"/><Stream url="wss://y"/></Connect></Response>', /exactly one <Stream>/],
  ['text in connect', '<Response><Connect>hi<Stream url="wss://x"/></Connect></Response>', /unexpected text inside <Connect>/],
];

for (const [what, xml, re] of malformed) {
  test(`rejects ${what}`, () => {
    assert.throws(() => parseTwiml(xml), (err: unknown) => err instanceof TwimlError && re.test(err.message));
  });
}
