// Raw SIP messages for parser tests: what sipp and common trunks send, with compact forms, several Vias
// and bodies. Lines end in CRLF as on the wire.

const crlf = (lines: string[]): string => lines.join('\r\n');

export const SDP_OFFER = crlf([
  'v=0',
  'o=user1 53655765 2353687637 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 6000 RTP/AVP 8 0 101',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-15',
  'a=ptime:20',
  'a=sendrecv',
  '',
]);

export function invite(opts: { branch?: string; callId?: string; user?: string; body?: string; cseq?: number; fromTag?: string; extra?: string[] } = {}): string {
  const body = opts.body ?? SDP_OFFER;
  return crlf([
    `INVITE sip:${opts.user ?? '+15550002222'}@127.0.0.1:5060 SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5061;branch=${opts.branch ?? 'z9hG4bK-1-0'}`,
    `From: "Alice" <sip:+15550001111@127.0.0.1:5061>;tag=${opts.fromTag ?? 'ft1'}`,
    'To: <sip:+15550002222@127.0.0.1:5060>',
    `Call-ID: ${opts.callId ?? '1-123@127.0.0.1'}`,
    `CSeq: ${opts.cseq ?? 1} INVITE`,
    'Contact: <sip:alice@127.0.0.1:5061>',
    'Max-Forwards: 70',
    'Subject: Performance Test',
    ...(opts.extra ?? []),
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ]);
}

export const FIXTURES: Record<string, string> = {
  invite: invite(),
  compactInvite: crlf([
    'INVITE sip:bob@example.com SIP/2.0',
    'v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKaaa;rport, SIP/2.0/TCP proxy.example.com;branch=z9hG4bKbbb;received=192.0.2.7',
    'v: SIP/2.0/UDP [2001:db8::1]:5062;branch=z9hG4bKccc',
    'f: Alice <sip:alice@example.com>;tag=88sja8x',
    't: "Bob, the builder" <sip:bob@example.com>',
    'i: f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com',
    'CSeq: 4711 INVITE',
    'm: <sip:alice@10.0.0.1:5060;transport=udp>;expires=60',
    'Max-Forwards: 69',
    'c: application/sdp',
    'k: timer, 100rel',
    `l: ${Buffer.byteLength(SDP_OFFER)}`,
    '',
    SDP_OFFER,
  ]),
  bye: crlf([
    'BYE sip:uap@127.0.0.1:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-3-7',
    'From: <sip:+15550001111@127.0.0.1>;tag=ft1',
    'To: <sip:+15550002222@127.0.0.1>;tag=abc123',
    'Call-ID: 1-123@127.0.0.1',
    'CSeq: 2 BYE',
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ]),
  options: crlf([
    'OPTIONS sip:127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKopt;rport',
    'From: sip:ping@127.0.0.1;tag=p1',
    'To: sip:127.0.0.1',
    'Call-ID: opt-1',
    'CSeq: 1 OPTIONS',
    'Accept: application/sdp',
    '',
    '',
  ]),
  ok: crlf([
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK123;received=127.0.0.1',
    'Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>',
    'From: <sip:uap@127.0.0.1>;tag=a',
    'To: <sip:bob@127.0.0.1>;tag=b',
    'Call-ID: xyz',
    'CSeq: 3 BYE',
    'Server: test',
    'Content-Length: 0',
    '',
    '',
  ]),
  ringing: crlf([
    'SIP/2.0 180 Ringing',
    'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK9',
    'From: <sip:uap@127.0.0.1>;tag=a',
    'To: <sip:bob@127.0.0.1>;tag=b',
    'Call-ID: xyz',
    'CSeq: 1 INVITE',
    'Contact: *',
    'Content-Length: 0',
    '',
    '',
  ]),
};
