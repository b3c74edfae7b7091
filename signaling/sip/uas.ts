// The SIP user agent server over UDP: parses every datagram (bad ones get a clean error response when
// they carry enough to answer, else are dropped; both counted), runs the server transactions for INVITE,
// ACK, BYE, CANCEL and OPTIONS, keeps dialogs, and hands each new INVITE to a pluggable handler that
// decides to answer (with an SDP answer) or reject. Never throws out of the socket handler.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../lib/logger.ts';
import { errorMessage } from '../../lib/errors.ts';
import { parseNameAddr, parseUri, parseTokenList } from './fields.ts';
import {
  buildResponse, canRespond, getHeader, parseMessage, serializeMessage, SipParseError, MAX_MESSAGE_BYTES,
  type ParsedRequest, type ParsedResponse, type SipHeader, type SipRequest,
} from './message.ts';
import { negotiate, parseSdp, SdpError, type NegotiateOptions, type NegotiatedAudio, type SessionDescription } from './sdp.ts';
import { DEFAULT_TIMERS, ResponseCache, Retransmitter, transactionKey, type SipTimers } from './transactions.ts';
import { noopSipMetrics, type SipMetrics } from './metrics.ts';
import { UasCall, type CallHost, type InviteHandler } from './call.ts';
import { ALLOW, dialogKey, type SipDialog } from './dialog.ts';
import { responseTarget, withReceived } from './addressing.ts';
import { UacCall, type OutboundCallOptions } from './uac.ts';
import { UapError } from '../../lib/errors.ts';
import { SipTransport, type Peer, type SipTransportName } from './transport.ts';
import type { FramingError } from './stream-framer.ts';

export interface SipUasOptions {
  /** Address to bind (e.g. 0.0.0.0). */
  host: string;
  /** UDP (and TCP) port (0: any free port). */
  port: number;
  /** SIP over TCP on the same port too (default true). */
  tcp?: boolean;
  /** TCP connections at once (default 1000). */
  maxTcpConnections?: number;
  /** Our address as the callers reach it: Contact and the Via of our requests. */
  publicAddress: string;
  handler: InviteHandler;
  log: Logger;
  metrics?: SipMetrics;
  timers?: Partial<SipTimers>;
  maxMessageBytes?: number;
  /** Handler deadline (ms) before the INVITE is answered 503 (default 10 s). */
  inviteTimeoutMs?: number;
  /** Calls at once (answered or ringing) before new INVITEs get 503 (default unlimited). */
  maxCalls?: number;
  negotiate?: NegotiateOptions;
  userAgent?: string;
}

/** Where a message came from: address, port and transport (a TCP source is its connection). */
type Source = Peer;

/** A client transaction of ours waiting for responses (matched by top-Via branch and CSeq method). */
export interface ClientTransaction {
  onResponse(res: ParsedResponse): void;
  /** Stops its timers (server closing). */
  stop(): void;
}

export function newBranch(): string {
  return `z9hG4bK${randomBytes(8).toString('hex')}`;
}

function newTag(): string {
  return randomBytes(6).toString('hex');
}

function isCrlfOnly(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i] !== 0x0d && buf[i] !== 0x0a) return false;
  return true;
}

export class SipUas implements CallHost {
  readonly timers: SipTimers;
  readonly metrics: SipMetrics;
  readonly contactHeader: string;
  private readonly log: Logger;
  private readonly invites = new Map<string, UasCall>(); // INVITE server transactions by key
  private readonly dialogs = new Map<string, SipDialog>();
  private readonly responses: ResponseCache;
  private readonly clients = new Map<string, ClientTransaction>(); // ours, by `${branch}|${method}`
  private readonly outgoing = new Set<UacCall>(); // our INVITEs (ringing ones are in no dialog yet)
  private closing = false;
  private closed = false;
  private draining = false;
  private readonly userAgent: string;

  readonly port: number;

  private constructor(private readonly transport: SipTransport, private readonly o: SipUasOptions) {
    this.port = transport.port;
    this.timers = { ...DEFAULT_TIMERS, ...o.timers };
    this.metrics = o.metrics ?? noopSipMetrics;
    this.log = o.log;
    this.userAgent = o.userAgent ?? 'uap';
    this.contactHeader = `<sip:${o.publicAddress.includes(':') ? `[${o.publicAddress}]` : o.publicAddress}:${this.port}>`;
    this.responses = new ResponseCache(64 * this.timers.t1);
    transport.onMessage = (buf, from) => this.onDatagram(buf, from);
  }

  static async listen(o: SipUasOptions): Promise<SipUas> {
    let uas: SipUas | undefined;
    const transport = await SipTransport.listen({
      host: o.host,
      port: o.port,
      tcp: o.tcp ?? true,
      maxMessageBytes: o.maxMessageBytes ?? MAX_MESSAGE_BYTES,
      maxConnections: o.maxTcpConnections,
      log: o.log,
      onStreamError: (code, head, peer) => uas?.onStreamError(code, head, peer),
    });
    uas = new SipUas(transport, o);
    return uas;
  }

  /** New INVITEs get 503 (Retry-After) from now on; calls in progress go on. */
  stopAccepting(): void {
    this.draining = true;
  }

  /** Calls answered and not yet ended. */
  get activeCalls(): number {
    return this.dialogs.size;
  }

  /** SIP over TCP on the same port. */
  get supportsTcp(): boolean {
    return this.transport.supportsTcp;
  }

  get tcpConnections(): number {
    return this.transport.tcpConnections;
  }

  get publicAddress(): string {
    return this.o.publicAddress;
  }

  /** Places an outgoing call: sends the INVITE now; the call reports through its callbacks. */
  invite(o: OutboundCallOptions): UacCall {
    if (this.closing) throw new UapError('SIP_CLOSING', 'the SIP server is closing');
    for (const c of this.outgoing) if (c.isTerminated) this.outgoing.delete(c);
    const call = new UacCall(this, o);
    this.outgoing.add(call);
    call.start();
    return call;
  }

  // --- receiving ---

  private onDatagram(buf: Buffer, src: Source): void {
    if (this.closing) {
      // While closing only the answers to our BYEs matter.
      try {
        const m = parseMessage(buf);
        if (m.kind === 'response') this.onResponse(m);
      } catch {
        // ignored while closing
      }
      return;
    }
    if (isCrlfOnly(buf)) {
      // RFC 5626 keep-alive: a double CRLF ping gets a single CRLF pong.
      if (buf.length >= 4) this.send(Buffer.from('\r\n'), src.address, src.port, src.transport);
      return;
    }
    let msg;
    try {
      msg = parseMessage(buf, { maxBytes: this.o.maxMessageBytes ?? MAX_MESSAGE_BYTES, requireContentLength: src.transport === 'TCP' });
    } catch (err) {
      this.onParseError(err, src);
      return;
    }
    try {
      if (msg.kind === 'request') this.onRequest(msg, src);
      else this.onResponse(msg);
    } catch (err) {
      this.metrics.error('INTERNAL');
      this.log.error({ err, callId: msg.callId }, 'SIP message handling failed');
    }
  }

  private onParseError(err: unknown, src: Source): void {
    if (!(err instanceof SipParseError)) {
      this.metrics.error('INTERNAL');
      this.log.error({ err }, 'SIP parser failed unexpectedly');
      return;
    }
    this.metrics.error(err.code);
    this.log.debug({ code: err.code, source: `${src.address}:${src.port}`, detail: err.message }, 'bad SIP message');
    const p = err.partial;
    if (!p || p.method === 'ACK' || !canRespond(p)) return; // nothing to answer, or not to be answered
    try {
      const res = buildResponse({ headers: withReceived(p.headers, src) }, err.status, { headers: [{ name: 'Warning', value: `399 uap "${err.code}"` }] });
      this.metrics.response(err.status);
      this.send(serializeMessage(res), ...this.target(p.headers, src));
    } catch (e) {
      this.log.debug({ err: errorMessage(e) }, 'could not answer a bad SIP message');
    }
  }

  private onRequest(req: ParsedRequest, src: Source): void {
    this.metrics.request(req.method);
    // Retransmissions of requests already answered.
    if (req.method !== 'ACK') {
      // (INVITEs refused at once are cached here too; the others live in `invites`.)
      const cached = this.responses.get(transactionKey(req));
      if (cached) {
        this.metrics.retransmission('request');
        this.send(cached.bytes, cached.address, cached.port, cached.transport);
        return;
      }
    }
    if (req.method === 'INVITE') {
      const call = this.invites.get(transactionKey(req));
      if (call) return call.onInviteRetransmit();
    }
    switch (req.method) {
      case 'ACK':
        return this.onAck(req);
      case 'CANCEL':
        return this.onCancel(req, src);
      case 'INVITE':
      case 'BYE':
      case 'OPTIONS':
        break;
      default:
        return this.onOtherRequest(req, src);
    }
    const uri = parseUri(req.uri);
    if (!uri) {
      this.respondNonInvite(req, src, 416);
      return;
    }
    const require = getHeader(req, 'Require');
    if (require !== undefined) {
      this.respondNonInvite(req, src, 420, { headers: [{ name: 'Unsupported', value: parseTokenList(require).join(', ') || require }] });
      return;
    }
    if (req.method === 'OPTIONS') {
      if (req.to.tag && !this.dialogs.has(dialogKey(req.callId, req.to.tag, req.from.tag ?? ''))) return this.respondNonInvite(req, src, 481);
      this.respondNonInvite(req, src, 200, { headers: [{ name: 'Allow', value: ALLOW }, { name: 'Accept', value: 'application/sdp' }] });
      return;
    }
    if (req.method === 'BYE') return this.onBye(req, src);
    if (req.to.tag) return this.onReinvite(req, src);
    this.onInvite(req, src, uri.user);
  }

  private onAck(req: ParsedRequest): void {
    const tx = this.invites.get(transactionKey(req, 'INVITE'));
    if (tx && tx.state === 'rejected') return tx.onAck(req.cseq.seq);
    const call = req.to.tag ? this.dialogs.get(dialogKey(req.callId, req.to.tag, req.from.tag ?? '')) : undefined;
    if (call) return call.onAck(req.cseq.seq);
    if (tx) return; // a late ACK absorbed by Timer I
    if (this.responses.get(transactionKey(req, 'INVITE'))) return; // ACK for an INVITE refused at once
    this.metrics.error('ACK_UNMATCHED');
  }

  private onCancel(req: ParsedRequest, src: Source): void {
    const call = this.invites.get(transactionKey(req, 'INVITE'));
    if (!call) {
      this.respondNonInvite(req, src, 481);
      return;
    }
    // The CANCEL's 200 carries the same To tag as the INVITE's responses (RFC 3261 §9.2).
    this.respondNonInvite(req, src, 200, { toTag: call.localTag });
    call.onCancel();
  }

  private onBye(req: ParsedRequest, src: Source): void {
    const call = req.to.tag ? this.dialogs.get(dialogKey(req.callId, req.to.tag, req.from.tag ?? '')) : undefined;
    if (!call) {
      this.metrics.error('UNKNOWN_DIALOG');
      this.respondNonInvite(req, src, 481);
      return;
    }
    this.respondNonInvite(req, src, 200);
    call.log.info('caller hung up (BYE)');
    call.onBye();
  }

  /** NOTIFY, INFO, … : handled by the dialog they belong to, else 481 (in a dialog we lost) or 501. */
  private onOtherRequest(req: ParsedRequest, src: Source): void {
    const d = req.to.tag ? this.dialogs.get(dialogKey(req.callId, req.to.tag, req.from.tag ?? '')) : undefined;
    const status = d && !d.isTerminated ? d.onOtherRequest?.(req, src) : undefined;
    if (status !== undefined) return this.respondNonInvite(req, src, status);
    if (req.to.tag && !d) {
      this.metrics.error('UNKNOWN_DIALOG');
      return this.respondNonInvite(req, src, 481);
    }
    this.respondNonInvite(req, src, 501, { headers: [{ name: 'Allow', value: ALLOW }] });
  }

  private onReinvite(req: ParsedRequest, src: Source): void {
    const call = this.dialogs.get(dialogKey(req.callId, req.to.tag!, req.from.tag ?? ''));
    if (!call || call.isTerminated) {
      this.metrics.error('UNKNOWN_DIALOG');
      this.respond(req, src, 481);
      return;
    }
    let media: NegotiatedAudio | undefined;
    let offer: SessionDescription | undefined;
    if (req.body.length > 0) {
      try {
        offer = parseSdp(req.body);
        // The codec in use is kept while the new offer has it; otherwise the best common one (a switch).
        media = negotiate(offer, { ...this.o.negotiate, current: call.media.codec });
      } catch {
        this.respond(req, src, 400, { reason: 'Bad SDP' });
        return;
      }
      if (!media) {
        this.respond(req, src, 488);
        return;
      }
    }
    call.onReinvite(req, src, offer, media);
  }

  private onInvite(req: ParsedRequest, src: Source, toUser: string): void {
    const key = transactionKey(req);
    const log = this.log.child({ sipCallId: req.callId });
    const refuse = (status: number, opts: { reason?: string; headers?: SipHeader[] } = {}) => {
      this.metrics.call(`rejected_${status}`);
      // Not worth a transaction of its own: the INVITE retransmissions are absorbed by a cached copy.
      const bytes = this.respond(req, src, status, { ...opts, toTag: newTag() });
      this.responses.put(key, bytes, ...this.target(req.headers, src));
    };
    if (this.draining) return refuse(503, { reason: 'Draining', headers: [{ name: 'Retry-After', value: '5' }] });
    if (this.o.maxCalls !== undefined && this.dialogs.size + this.invites.size >= this.o.maxCalls) return refuse(503, { headers: [{ name: 'Retry-After', value: '5' }] });
    const same = this.findCall(req.callId, req.from.tag ?? '');
    if (same) {
      // The INVITE again after its transaction ended (late retransmission): absorbed.
      if (same.request.cseq.seq === req.cseq.seq) return void this.metrics.retransmission('request');
      // The same call arriving by another path while the first is pending (RFC 3261 §8.2.2.2).
      if (same.state === 'proceeding') return refuse(482, { reason: 'Loop Detected' });
    }
    const contact = getHeader(req, 'Contact');
    const contactAddr = contact ? parseNameAddr(contact) : undefined;
    if (!contactAddr) return refuse(400, { reason: 'Missing Contact' });
    if (req.body.length === 0) return refuse(488, { reason: 'No SDP Offer', headers: [{ name: 'Warning', value: '399 uap "offerless INVITE not supported"' }] });
    const ctype = (getHeader(req, 'Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    if (ctype !== 'application/sdp') return refuse(415, { headers: [{ name: 'Accept', value: 'application/sdp' }] });
    let offer;
    try {
      offer = parseSdp(req.body);
    } catch (err) {
      this.metrics.error('BAD_SDP');
      return refuse(400, { reason: 'Bad SDP', headers: [{ name: 'Warning', value: `399 uap "${err instanceof SdpError ? 'malformed SDP' : 'SDP'}"` }] });
    }
    const media = negotiate(offer, this.o.negotiate);
    if (!media) {
      log.info({ from: req.from.uri, to: toUser }, 'INVITE refused: no common codec');
      return refuse(488, { headers: [{ name: 'Warning', value: '305 uap "Incompatible media format"' }] });
    }
    const fromUser = parseUri(req.from.uri)?.user ?? '';
    const call = new UasCall(req, src, key, newTag(), toUser, fromUser, offer, media, this, log);
    call.remoteTarget = contactAddr.uri;
    call.routeSet = req.headers.filter((h) => h.name === 'Record-Route').map((h) => h.value);
    this.invites.set(key, call);
    call.trying();
    log.info({ from: req.from.uri, to: toUser, codec: media.codec }, 'incoming SIP call');
    const timeoutMs = this.o.inviteTimeoutMs ?? 10_000;
    call.deadline = setTimeout(() => {
      log.warn({ timeoutMs }, 'INVITE handler did not decide in time');
      call.reject(503, 'Handler Timeout');
    }, timeoutMs);
    this.o.handler(call).then(
      (d) => {
        clearTimeout(call.deadline);
        call.decide(d);
      },
      (err: unknown) => {
        clearTimeout(call.deadline);
        log.error({ err }, 'INVITE handler failed');
        call.decide({ reject: { status: 500 } });
      },
    );
  }

  private findCall(callId: string, remoteTag: string): UasCall | undefined {
    for (const c of this.invites.values()) if (c.sipCallId === callId && c.remoteTag === remoteTag) return c;
    for (const c of this.dialogs.values()) if (c instanceof UasCall && c.sipCallId === callId && c.remoteTag === remoteTag) return c;
    return undefined;
  }

  private onResponse(res: ParsedResponse): void {
    const branch = res.via[0].branch;
    const tx = branch ? this.clients.get(`${branch}|${res.cseq.method}`) : undefined;
    if (!tx) {
      this.metrics.error('STRAY_RESPONSE');
      return;
    }
    tx.onResponse(res);
  }

  /** Registers a client transaction of ours until `forget`. */
  addClient(branch: string, method: string, tx: ClientTransaction): void {
    this.clients.set(`${branch}|${method}`, tx);
  }

  forgetClient(branch: string, method: string): void {
    this.clients.delete(`${branch}|${method}`);
  }

  // --- sending ---

  private send(bytes: Buffer, address: string, port: number, transport: SipTransportName = 'UDP'): void {
    if (this.closed) return;
    this.transport.send(bytes, address, port, transport);
  }

  /** Where a response to a request from `src` goes: back on its TCP connection, or per Via over UDP. */
  private target(headers: SipHeader[], src: Source): [string, number, SipTransportName] {
    if (src.transport === 'TCP') return [src.address, src.port, 'TCP'];
    return [...responseTarget(headers, src), 'UDP'];
  }

  /** A TCP stream that cannot be framed: answered when the headers allow, then it is closed. */
  private onStreamError(code: FramingError, head: Buffer | undefined, peer: Peer): void {
    this.metrics.error(`TCP_${code}`);
    this.log.info({ code, peer: `${peer.address}:${peer.port}` }, 'SIP over TCP: message cannot be framed; closing the connection');
    if (!head) return;
    try {
      parseMessage(head, { maxBytes: head.length });
    } catch (err) {
      if (!(err instanceof SipParseError) || !err.partial || err.partial.method === 'ACK' || !canRespond(err.partial)) return;
      const status = code === 'TOO_LARGE' ? 513 : 400;
      const res = buildResponse({ headers: withReceived(err.partial.headers, peer) }, status, { headers: [{ name: 'Warning', value: `399 uap "${code}"` }] });
      this.metrics.response(status);
      this.send(serializeMessage(res), peer.address, peer.port, 'TCP');
      return;
    }
    // The headers parse (a Content-Length we could not use, e.g. too large): answer from them.
    const m = parseMessage(head, { maxBytes: head.length });
    if (m.kind !== 'request' || m.method === 'ACK') return;
    const status = code === 'TOO_LARGE' ? 513 : 400;
    this.metrics.response(status);
    this.send(serializeMessage(buildResponse({ headers: withReceived(m.headers, peer) }, status, { headers: [{ name: 'Warning', value: `399 uap "${code}"` }] })), peer.address, peer.port, 'TCP');
  }

  respond(req: ParsedRequest, src: Source, status: number, opts: { reason?: string; toTag?: string; headers?: SipHeader[]; body?: Buffer } = {}): Buffer {
    const extra: SipHeader[] = [...(opts.headers ?? [])];
    if (status >= 200 || status === 180) extra.push({ name: 'Server', value: this.userAgent });
    const res = buildResponse({ headers: withReceived(req.headers, src) }, status, { reason: opts.reason, toTag: opts.toTag, headers: extra, body: opts.body });
    const bytes = serializeMessage(res);
    this.metrics.response(status);
    this.send(bytes, ...this.target(req.headers, src));
    return bytes;
  }

  private respondNonInvite(req: ParsedRequest, src: Source, status: number, opts: { toTag?: string; headers?: SipHeader[] } = {}): void {
    // A tag on every final response outside a dialog keeps the UAC's matching simple.
    const toTag = opts.toTag ?? (req.to.tag ? undefined : newTag());
    const bytes = this.respond(req, src, status, { ...opts, toTag });
    this.responses.put(transactionKey(req), bytes, ...this.target(req.headers, src));
  }

  resend(bytes: Buffer, req: ParsedRequest, src: Source): void {
    this.send(bytes, ...this.target(req.headers, src));
  }

  /** Our Via for a new request: our public address and port, `rport` so answers come back through NAT. */
  viaHeader(branch: string, transport = 'UDP'): SipHeader {
    const host = this.o.publicAddress.includes(':') ? `[${this.o.publicAddress}]` : this.o.publicAddress;
    return { name: 'Via', value: `SIP/2.0/${transport} ${host}:${this.port};branch=${branch};rport` };
  }

  get userAgentName(): string {
    return this.userAgent;
  }

  /**
   * A non-INVITE request inside a dialog (BYE, REFER): Timer E/F retransmission over UDP; `onFinal` gets
   * the final response, or undefined when none came within 64·T1.
   */
  sendInDialog(d: SipDialog, method: string, extra: SipHeader[], body: Buffer, onFinal: (res: ParsedResponse | undefined) => void, contentType?: string): void {
    const branch = newBranch();
    const r = d.route();
    const headers: SipHeader[] = [
      this.viaHeader(branch, r.transport),
      { name: 'Max-Forwards', value: '70' },
      ...r.routeSet.map((value) => ({ name: 'Route', value })),
      { name: 'From', value: r.from },
      { name: 'To', value: r.to },
      { name: 'Call-ID', value: r.callId },
      { name: 'CSeq', value: `${d.nextCseq()} ${method}` },
      ...extra,
      { name: 'User-Agent', value: this.userAgent },
    ];
    if (body.length > 0) headers.push({ name: 'Content-Type', value: contentType ?? 'application/sdp' });
    const bytes = serializeMessage({ kind: 'request', method, uri: r.remoteTarget, headers, body } satisfies SipRequest);
    const [address, port] = r.nextHop;
    const via = r.transport === 'TCP' ? 'TCP' : 'UDP';
    let done = false;
    const finish = (res: ParsedResponse | undefined) => {
      if (done) return;
      done = true;
      retrans.stop();
      this.forgetClient(branch, method);
      onFinal(res);
    };
    const retrans = new Retransmitter(
      this.timers,
      () => {
        this.metrics.retransmission(method === 'BYE' ? 'bye' : 'request_out');
        this.send(bytes, address, port, via);
      },
      () => {
        this.metrics.error(`${method}_TIMEOUT`);
        d.log.warn({ method }, 'in-dialog request not answered within 64*T1');
        finish(undefined);
      },
    );
    this.addClient(branch, method, { onResponse: (res) => res.status >= 200 && finish(res), stop: () => retrans.stop() });
    this.send(bytes, address, port, via);
    // Over TCP nothing is retransmitted; Timer F still bounds the wait.
    if (via === 'UDP') retrans.start();
    else retrans.startTimeoutOnly();
  }

  sendBye(d: SipDialog, reason: string, done: () => void): void {
    d.log.info({ reason, target: d.route().nextHop.join(':') }, 'hanging up (BYE)');
    const why = { name: 'Reason', value: `Q.850;cause=16;text="${reason.replace(/["\\\r\n]/g, '').slice(0, 100)}"` };
    this.sendInDialog(d, 'BYE', [why], Buffer.alloc(0), () => done());
  }

  /** Sends raw bytes (a request of a client transaction, an ACK). */
  sendTo(bytes: Buffer, address: string, port: number, transport: SipTransportName = 'UDP'): void {
    this.send(bytes, address, port, transport);
  }

  dialogOpened(call: SipDialog): void {
    this.dialogs.set(call.dialogKey, call);
    this.metrics.activeCalls(this.dialogs.size);
  }

  dialogClosed(call: SipDialog): void {
    if (this.dialogs.get(call.dialogKey) === call) this.dialogs.delete(call.dialogKey);
    this.metrics.activeCalls(this.dialogs.size);
  }

  transactionDone(call: UasCall): void {
    if (this.invites.get(call.txKey) === call) this.invites.delete(call.txKey);
  }

  /**
   * Stops taking calls, answers ringing ones 503, sends BYE on answered ones and waits (up to
   * `timeoutMs`) for those BYEs to be answered, then closes the socket. Idempotent.
   */
  async close(timeoutMs = 2000): Promise<void> {
    if (this.closing) return;
    for (const c of [...this.invites.values(), ...this.dialogs.values(), ...this.outgoing]) if (!c.isTerminated) c.shutdown();
    this.closing = true;
    const deadline = Date.now() + timeoutMs;
    // The transport stays open (for the BYE responses) while `closing` drops everything else.
    while (this.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const c of this.clients.values()) c.stop();
    this.clients.clear();
    for (const c of [...this.invites.values(), ...this.dialogs.values(), ...this.outgoing]) c.stopTimers();
    this.outgoing.clear();
    this.invites.clear();
    this.dialogs.clear();
    this.responses.clear();
    this.closed = true;
    await this.transport.close();
  }
}
