// A bare UDP SIP peer for tests: sends raw text, collects and parses everything that comes back, and
// builds the requests a UAC sends (INVITE, ACK, CANCEL, BYE, OPTIONS) with correct transaction ids.
import { createSocket, type Socket } from 'node:dgram';
import { parseMessage, type ParsedMessage, type ParsedRequest, type ParsedResponse, getHeader } from '../../signaling/sip/message.ts';

let uniq = 0;

export interface Received {
  raw: Buffer;
  msg: ParsedMessage | undefined;
  at: number;
}

export class UdpSipClient {
  readonly got: Received[] = [];
  private constructor(private readonly sock: Socket, readonly port: number, readonly server: { address: string; port: number }) {
    sock.on('message', (raw) => {
      let msg: ParsedMessage | undefined;
      try {
        msg = parseMessage(raw);
      } catch {
        msg = undefined;
      }
      this.got.push({ raw, msg, at: Date.now() });
    });
  }

  /** `local`: the loopback address to send from (another one looks like another trunk). */
  static async open(server: { address: string; port: number }, local = '127.0.0.1'): Promise<UdpSipClient> {
    const sock = createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, local, () => r()));
    return new UdpSipClient(sock, sock.address().port, server);
  }

  send(data: string | Buffer): void {
    this.sock.send(typeof data === 'string' ? Buffer.from(data) : data, this.server.port, this.server.address);
  }

  responses(filter: (r: ParsedResponse) => boolean = () => true): ParsedResponse[] {
    return this.got.map((g) => g.msg).filter((m): m is ParsedResponse => m?.kind === 'response' && filter(m));
  }

  requests(method?: string): ParsedRequest[] {
    return this.got.map((g) => g.msg).filter((m): m is ParsedRequest => m?.kind === 'request' && (!method || m.method === method));
  }

  async waitFor<T>(fn: () => T | undefined | false, what: string, ms = 2000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = fn();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got: ${this.got.map((g) => g.raw.toString().split("\r\n").filter((l) => /^(SIP|Call-ID|[A-Z]+ sip)/.test(l)).join(" ")).join(" | ")}`);
      await new Promise((r) => setTimeout(r, 3));
    }
  }

  /** Waits for a response with `status` to the request with this CSeq method (and Call-ID). */
  response(status: number, method: string, callId?: string, ms?: number): Promise<ParsedResponse> {
    return this.waitFor(() => this.responses((r) => r.status === status && r.cseq.method === method && (!callId || r.callId === callId))[0], `${status} to ${method}`, ms);
  }

  close(): void {
    this.sock.close();
  }
}

export const sdpOffer = (rtpPort: number, codecs = '0 8 101', extra: string[] = []) =>
  [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio ${rtpPort} RTP/AVP ${codecs}`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-15',
    ...extra,
    '',
  ].join('\r\n');

/** One UAC dialog's worth of request builders. */
export class Uac {
  readonly callId = `c${++uniq}-${Date.now()}@127.0.0.1`;
  readonly fromTag = `f${uniq}`;
  inviteBranch = `z9hG4bK-inv-${uniq}`;
  cseq = 1;
  toTag: string | undefined;

  constructor(readonly c: UdpSipClient, readonly user = '+15550002222') {}

  private via(branch: string): string {
    return `Via: SIP/2.0/UDP 127.0.0.1:${this.c.port};branch=${branch};rport`;
  }

  private common(method: string, cseq: number, branch: string, toTag?: string): string[] {
    return [
      this.via(branch),
      'Max-Forwards: 70',
      `From: "Test" <sip:+15550001111@127.0.0.1:${this.c.port}>;tag=${this.fromTag}`,
      `To: <sip:${this.user}@${this.c.server.address}:${this.c.server.port}>${toTag ? `;tag=${toTag}` : ''}`,
      `Call-ID: ${this.callId}`,
      `CSeq: ${cseq} ${method}`,
    ];
  }

  invite(body: string = sdpOffer(40000), extra: string[] = [], contentType = 'application/sdp'): string {
    const b = body;
    return [
      `INVITE sip:${this.user}@${this.c.server.address}:${this.c.server.port} SIP/2.0`,
      ...this.common('INVITE', this.cseq, this.inviteBranch),
      `Contact: <sip:test@127.0.0.1:${this.c.port}>`,
      ...extra,
      ...(b ? [`Content-Type: ${contentType}`] : []),
      `Content-Length: ${Buffer.byteLength(b)}`,
      '',
      b,
    ].join('\r\n');
  }

  /** ACK: for a 2xx a new transaction (new branch); for a non-2xx the INVITE's branch. */
  ack(forStatus: number, toTag = this.toTag): string {
    const branch = forStatus >= 300 ? this.inviteBranch : `z9hG4bK-ack-${++uniq}`;
    return [`ACK sip:${this.user}@${this.c.server.address}:${this.c.server.port} SIP/2.0`, ...this.common('ACK', this.cseq, branch, toTag), 'Content-Length: 0', '', ''].join('\r\n');
  }

  cancel(): string {
    return [`CANCEL sip:${this.user}@${this.c.server.address}:${this.c.server.port} SIP/2.0`, ...this.common('CANCEL', this.cseq, this.inviteBranch), 'Content-Length: 0', '', ''].join('\r\n');
  }

  bye(branch = `z9hG4bK-bye-${++uniq}`, cseq = ++this.cseq): string {
    return [`BYE sip:uap@${this.c.server.address}:${this.c.server.port} SIP/2.0`, ...this.common('BYE', cseq, branch, this.toTag), 'Content-Length: 0', '', ''].join('\r\n');
  }

  request(method: string, toTag?: string, extra: string[] = []): string {
    return [`${method} sip:${this.user}@${this.c.server.address}:${this.c.server.port} SIP/2.0`, ...this.common(method, ++this.cseq, `z9hG4bK-${method.toLowerCase()}-${++uniq}`, toTag), ...extra, 'Content-Length: 0', '', ''].join('\r\n');
  }

  /** A 200 OK answering a request the server sent us (e.g. its BYE). */
  static ok(req: ParsedRequest): string {
    return [
      'SIP/2.0 200 OK',
      ...req.headers.filter((h) => h.name === 'Via').map((h) => `Via: ${h.value}`),
      `From: ${getHeader(req, 'From')}`,
      `To: ${getHeader(req, 'To')}`,
      `Call-ID: ${req.callId}`,
      `CSeq: ${req.cseq.seq} ${req.cseq.method}`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  }
}
