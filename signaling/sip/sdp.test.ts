// SDP offer parsing and the answer: codec choice (PCMU before PCMA), telephone-event payload kept,
// rejected streams kept with port 0, direction mirrored, 488 (undefined) when nothing is common.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSdp, negotiate, buildAnswer, SdpError } from './sdp.ts';
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
  assert.equal(negotiate(parseSdp(sdp(...head, 'm=audio 7000 RTP/AVP 18 9', 'a=rtpmap:18 G729/8000'))), undefined);
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
