// SDP offer parsing and the answer: codec choice (G.722, then PCMU before PCMA, or the configured
// order; the current codec kept on a re-offer; the answerer's choice in an answer), telephone-event
// payload kept, rejected streams kept with port 0, direction mirrored, 488 (undefined) when nothing is
// common; our offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSdp, negotiate, buildAnswer, buildOffer, localMediaOf, SdpError } from './sdp.ts';
import { SDP_OFFER } from './fixtures.ts';

const sdp = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const head = ['v=0', 'o=- 1 1 IN IP4 192.0.2.1', 's=-', 'c=IN IP4 192.0.2.1', 't=0 0'];

test('parses the offer sipp sends and prefers PCMU over PCMA whatever the offer order', () => {
  const offer = parseSdp(SDP_OFFER);
  assert.equal(offer.media.length, 1);
  assert.deepEqual(offer.media[0].formats, ['8', '0', '101']);
  const n = negotiate(offer)!;
  assert.deepEqual(n, { index: 0, codec: 'PCMU', payloadType: 0, telephoneEventPt: 101, remoteAddress: '127.0.0.1', remotePort: 6000, offerDirection: 'sendrecv', ptime: 20 });
  const answer = buildAnswer(offer, n, { address: '198.51.100.7', port: 40000, sessionId: '42' });
  assert.equal(
    answer,
    sdp('v=0', 'o=- 42 1 IN IP4 198.51.100.7', 's=-', 'c=IN IP4 198.51.100.7', 't=0 0', 'm=audio 40000 RTP/AVP 0 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-15', 'a=ptime:20', 'a=sendrecv'),
  );
  // The answer is itself valid SDP.
  assert.equal(negotiate(parseSdp(answer))!.codec, 'PCMU');
});

test('PCMA when it is the only G.711; static types need no rtpmap; the offer\'s telephone-event number is kept', () => {
  const offer = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 18 8 96', 'a=rtpmap:96 telephone-event/8000'));
  const n = negotiate(offer)!;
  assert.equal(n.codec, 'PCMA');
  assert.equal(n.payloadType, 8);
  assert.equal(n.telephoneEventPt, 96);
  assert.match(buildAnswer(offer, n, { address: '10.0.0.1', port: 5, sessionId: '1' }), /m=audio 5 RTP\/AVP 8 96\r\na=rtpmap:8 PCMA\/8000\r\na=rtpmap:96 telephone-event\/8000\r\na=fmtp:96 0-15/);
  // Without telephone-event the answer has none.
  const plain = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 0'));
  assert.doesNotMatch(buildAnswer(plain, negotiate(plain)!, { address: '10.0.0.1', port: 5, sessionId: '1' }), /telephone-event/);
});

test('no common codec → undefined (the UAS answers 488)', () => {
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 18 4', 'a=rtpmap:18 G729/8000'))), undefined);
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 96', 'a=rtpmap:96 PCMU/16000'))), undefined);
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=audio 7000 RTP/SAVP 0'))), undefined);
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=audio 0 RTP/AVP 0'))), undefined);
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=video 7000 RTP/AVP 0'))), undefined);
  assert.equal(negotiate(parseSdp(sdp(head[0], head[1], head[2], head[4], 'm=audio 7000 RTP/AVP 0'))), undefined, 'no c= anywhere');
});

test('other streams are refused with port 0 in their place; media-level c= and direction are used', () => {
  const offer = parseSdp(sdp(head[0], head[1], head[2], head[4], 'm=video 9000 RTP/AVP 31', 'm=audio 7000 RTP/AVP 0', 'c=IN IP4 203.0.113.9', 'a=sendonly'));
  const n = negotiate(offer)!;
  assert.equal(n.index, 1);
  assert.equal(n.remoteAddress, '203.0.113.9');
  const a = buildAnswer(offer, n, { address: '10.0.0.1', port: 6000, sessionId: '1', version: 3 });
  assert.match(a, /o=- 1 3 IN IP4/);
  assert.match(a, /m=video 0 RTP\/AVP 31\r\nm=audio 6000 RTP\/AVP 0\r\n/);
  assert.match(a, /a=recvonly/);
});

test('malformed SDP throws SdpError', () => {
  for (const bad of ['', 'v=1\r\n', sdp('v=0', 's=-'), sdp(...head, 'm=audio x RTP/AVP 0'), sdp(...head, 'garbage'), sdp('v=0', 'o=- 1 1 IN IP4 h', 'c=IN IP4 not-an-ip'), sdp('v=0', 'o=short')]) {
    assert.throws(() => parseSdp(bad), SdpError, JSON.stringify(bad));
  }
});

test('G.722 is preferred when offered: static type 9 (G722/8000 in the answer, RFC 3551 clock), or the offer\'s dynamic number', () => {
  const offer = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 0 8 9 101', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', 'a=ptime:20', 'a=sendrecv'));
  const n = negotiate(offer)!;
  assert.deepEqual([n.codec, n.payloadType, n.telephoneEventPt], ['G722', 9, 101]);
  assert.match(buildAnswer(offer, n, { address: '10.0.0.1', port: 5000, sessionId: '1' }), /m=audio 5000 RTP\/AVP 9 101\r\na=rtpmap:9 G722\/8000\r\na=rtpmap:101 telephone-event\/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n$/);
  const dynamic = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 0 97', 'a=rtpmap:97 g722/8000'));
  assert.deepEqual([negotiate(dynamic)!.codec, negotiate(dynamic)!.payloadType], ['G722', 97]);
  // 16000 in the rtpmap is not G.722 as RFC 3551 registers it: not taken.
  const wrongClock = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 96 0', 'a=rtpmap:96 G722/16000'));
  assert.equal(negotiate(wrongClock)!.codec, 'PCMU');
});

test('the configured order wins over the offer\'s order; a codec left out of it is refused', () => {
  const offer = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 9 8 0'));
  assert.equal(negotiate(offer, { codecs: ['PCMU', 'PCMA'] })!.codec, 'PCMU');
  assert.equal(negotiate(offer, { codecs: ['PCMA', 'G722'] })!.codec, 'PCMA');
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 9')), { codecs: ['PCMU', 'PCMA'] }), undefined);
});

test('a re-offer keeps the codec in use while it has it, and switches when it has not', () => {
  const both = parseSdp(sdp(...head, 'm=audio 7002 RTP/AVP 9 0'));
  assert.equal(negotiate(both, { current: 'PCMU' })!.codec, 'PCMU');
  assert.equal(negotiate(both, { current: 'G722' })!.codec, 'G722');
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=audio 7002 RTP/AVP 0')), { current: 'G722' })!.codec, 'PCMU');
  // A current codec no longer configured is not kept.
  assert.equal(negotiate(both, { current: 'PCMU', codecs: ['G722'] })!.codec, 'G722');
});

test('reading an answer: the answerer\'s first codec we accept', () => {
  const answer = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 0 9 101', 'a=rtpmap:101 telephone-event/8000'));
  assert.equal(negotiate(answer, { answer: true })!.codec, 'PCMU');
  assert.equal(negotiate(answer, { answer: true, codecs: ['G722', 'PCMA'] })!.codec, 'G722');
});

test('directions: sendonly is answered recvonly, recvonly sendonly, inactive inactive; session-level too', () => {
  for (const [offered, answered] of [['sendonly', 'recvonly'], ['recvonly', 'sendonly'], ['inactive', 'inactive'], ['sendrecv', 'sendrecv']]) {
    const media = parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 9', `a=${offered}`));
    assert.match(buildAnswer(media, negotiate(media)!, { address: '10.0.0.1', port: 5, sessionId: '1' }), new RegExp(`a=${answered}\\r\\n$`));
    const session = parseSdp(sdp(...head, `a=${offered}`, 'm=audio 7000 RTP/AVP 9'));
    assert.equal(negotiate(session)!.offerDirection, offered);
  }
});

test('our offer lists the configured codecs by their static types, then telephone-event; localMediaOf reads our SDP back', () => {
  const offer = buildOffer({ address: '192.0.2.5', port: 40002, sessionId: '9', codecs: ['G722', 'PCMU', 'PCMA'] });
  assert.match(offer, /m=audio 40002 RTP\/AVP 9 0 8 101\r\na=rtpmap:9 G722\/8000\r\na=rtpmap:0 PCMU\/8000\r\na=rtpmap:8 PCMA\/8000\r\na=rtpmap:101 telephone-event\/8000\r\n/);
  assert.match(buildOffer({ address: '192.0.2.5', port: 1, sessionId: '9', codecs: ['PCMA'] }), /m=audio 1 RTP\/AVP 8 101\r\n/);
  assert.deepEqual(localMediaOf(offer), { address: '192.0.2.5', port: 40002, sessionId: '9', username: '-' });
  assert.equal(localMediaOf('garbage'), undefined);
});
