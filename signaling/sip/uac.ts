// One outgoing call, UAC side (RFC 3261 §17.1.1, §13.2): the INVITE client transaction (Timer A
// retransmission over UDP, Timer B timeout), provisional responses, the ACK for a final response (same
// branch for non-2xx; a new transaction, re-sent for every 2xx retransmission, for 2xx), one more INVITE
// with credentials after a 401/407 digest challenge, CANCEL before the answer, and the dialog afterwards
// (BYE either way, re-INVITEs answered).
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../lib/logger.ts';
import { getHeader, getHeaders, serializeMessage, type ParsedRequest, type ParsedResponse, type SipHeader, type SipRequest } from './message.ts';
import { parseNameAddr } from './fields.ts';
import { buildAnswer, negotiate, parseSdp, type NegotiateOptions, type NegotiatedAudio, type SessionDescription } from './sdp.ts';
import { Retransmitter, type SipTimers } from './transactions.ts';
import type { SipMetrics } from './metrics.ts';
import { ALLOW, ReinviteAnswerer, dialogKey, withSdpVersion, type DialogRoute, type SipDialog, type Source } from './dialog.ts';
import { dialogTarget } from './addressing.ts';
import { answerChallenge, pickChallenge } from './digest.ts';
import type { ReferableDialog } from './refer.ts';

export interface UacHost {
  readonly timers: SipTimers;
  readonly metrics: SipMetrics;
  readonly contactHeader: string;
  readonly publicAddress: string;
  readonly userAgentName: string;
  viaHeader(branch: string, transport?: string): SipHeader;
  sendTo(bytes: Buffer, address: string, port: number, transport?: 'UDP' | 'TCP'): void;
  addClient(branch: string, method: string, tx: { onResponse(res: ParsedResponse): void; stop(): void }): void;
  forgetClient(branch: string, method: string): void;
  dialogOpened(d: SipDialog): void;
  dialogClosed(d: SipDialog): void;
  sendBye(d: SipDialog, reason: string, done: () => void): void;
  respond(req: ParsedRequest, source: Source, status: number, opts?: { headers?: SipHeader[]; body?: Buffer }): Buffer;
  resend(bytes: Buffer, req: ParsedRequest, source: Source): void;
}

export interface OutboundCallOptions {
  /** Next hop of the INVITE (the trunk, resolved to an address). */
  target: { address: string; port: number };
  transport?: 'UDP' | 'TCP';
  /** sip:<number>@<trunk host>[:port] */
  requestUri: string;
  /** Caller id: the user part of our From. */
  fromUser: string;
  /** Our SDP offer, and where its RTP goes (for answers to re-INVITEs). */
  sdp: string;
  localMedia: { address: string; port: number };
  credentials?: { username: string; password: string };
  negotiate?: NegotiateOptions;
  log: Logger;
}

/** How a call that never got answered ended (the words of Twilio's call statuses). */
export type UacFailure = 'busy' | 'no-answer' | 'failed' | 'canceled';
export type UacEnd = 'remote-bye' | 'local-bye' | 'shutdown';

type State = 'calling' | 'proceeding' | 'confirmed' | 'terminated';

const MAX_AUTH_ATTEMPTS = 2;

export function failureOf(status: number): UacFailure {
  if (status === 486 || status === 600 || status === 603) return 'busy';
  if (status === 408 || status === 480 || status === 487) return 'no-answer';
  return 'failed';
}

export class UacCall implements ReferableDialog {
  readonly sipCallId: string;
  readonly localTag = randomBytes(6).toString('hex');
  readonly log: Logger;
  remoteTag = '';
  state: State = 'calling';
  media!: NegotiatedAudio;
  /** 180/183. */
  onProgress: ((status: number) => void) | undefined;
  /** 2xx with a usable answer: the dialog is up and acknowledged. */
  onAnswered: ((answer: { sdp: SessionDescription; media: NegotiatedAudio }) => void) | undefined;
  /** Never answered: busy, no answer, cancelled, failed (with the final status; 408 for no response). */
  onFailed: ((outcome: UacFailure, status: number, reason: string) => void) | undefined;
  /** An answered call ended. */
  onEnded: ((reason: UacEnd) => void) | undefined;
  onReoffer: ((media: NegotiatedAudio) => void) | undefined;
  /** NOTIFYs of a transfer in progress (refer.ts). */
  notifyHandler: ((req: ParsedRequest) => number) | undefined;

  private cseq = 1;
  private branch = '';
  private inviteBytes: Buffer = Buffer.alloc(0);
  private retrans: Retransmitter | undefined;
  private readonly fromHeader: string;
  private readonly toHeader: string;
  private remoteToHeader = '';
  private remoteTarget = '';
  private routeSet: string[] = [];
  private ackBytes: Buffer | undefined;
  private authAttempts = 0;
  private cancelWanted = false;
  private cancelSent = false;
  private finished = false; // onFailed or onEnded has fired
  private localCseq = 0;
  private readonly branches: string[] = [];
  private readonly reinvites: ReinviteAnswerer;

  constructor(private readonly host: UacHost, private readonly o: OutboundCallOptions) {
    this.sipCallId = `${randomBytes(12).toString('hex')}@${host.publicAddress}`;
    this.log = o.log.child({ sipCallId: this.sipCallId });
    const addr = host.publicAddress.includes(':') ? `[${host.publicAddress}]` : host.publicAddress;
    this.fromHeader = `<sip:${o.fromUser}@${addr}>;tag=${this.localTag}`;
    this.toHeader = `<${o.requestUri}>`;
    this.reinvites = new ReinviteAnswerer(host);
  }

  get dialogKey(): string {
    return dialogKey(this.sipCallId, this.localTag, this.remoteTag);
  }

  get isTerminated(): boolean {
    return this.state === 'terminated';
  }

  private get transport(): 'UDP' | 'TCP' {
    return this.o.transport ?? 'UDP';
  }

  /** Sends the INVITE. */
  start(): void {
    this.sendInvite(undefined);
  }

  private sendInvite(authorization: SipHeader | undefined): void {
    this.branch = `z9hG4bK${randomBytes(8).toString('hex')}`;
    this.branches.push(this.branch);
    const headers: SipHeader[] = [
      this.host.viaHeader(this.branch, this.transport),
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: this.fromHeader },
      { name: 'To', value: this.toHeader },
      { name: 'Call-ID', value: this.sipCallId },
      { name: 'CSeq', value: `${this.cseq} INVITE` },
      { name: 'Contact', value: this.host.contactHeader },
      { name: 'Allow', value: ALLOW },
      { name: 'User-Agent', value: this.host.userAgentName },
      ...(authorization ? [authorization] : []),
      { name: 'Content-Type', value: 'application/sdp' },
    ];
    this.inviteBytes = serializeMessage({ kind: 'request', method: 'INVITE', uri: this.o.requestUri, headers, body: Buffer.from(this.o.sdp) } satisfies SipRequest);
    const branch = this.branch;
    this.host.addClient(branch, 'INVITE', { onResponse: (res) => this.onInviteResponse(res, branch), stop: () => this.retrans?.stop() });
    this.send(this.inviteBytes);
    // Timer A (retransmit until a response) and Timer B (give up after 64·T1 without one).
    this.retrans?.stop();
    this.retrans = new Retransmitter(this.host.timers, () => {
      this.host.metrics.retransmission('request_out');
      this.send(this.inviteBytes);
    }, () => this.onInviteTimeout());
    if (this.transport === 'UDP') this.retrans.start();
    else this.retrans.startTimeoutOnly();
  }

  private send(bytes: Buffer): void {
    this.host.sendTo(bytes, this.o.target.address, this.o.target.port, this.transport);
  }

  private onInviteTimeout(): void {
    if (this.state !== 'calling' && this.state !== 'proceeding') return;
    this.log.warn({ target: `${this.o.target.address}:${this.o.target.port}`, cancelled: this.cancelWanted }, 'no final answer to our INVITE within 64*T1');
    this.fail(this.cancelWanted ? 'canceled' : 'no-answer', 408, 'no response');
  }

  private onInviteResponse(res: ParsedResponse, branch: string): void {
    if (res.status < 200) {
      if (branch !== this.branch || this.state !== 'calling' && this.state !== 'proceeding') return;
      this.retrans?.stop(); // Timer A and B end with a provisional response; the ring timeout takes over
      const first = this.state === 'calling';
      this.state = 'proceeding';
      if (this.cancelWanted && first) this.sendCancel();
      if (res.status === 180 || res.status === 183) this.safe(() => this.onProgress?.(res.status));
      return;
    }
    if (res.status < 300) return this.on2xx(res);
    // A final non-2xx is acknowledged on its own transaction's branch (hop by hop), retransmissions too.
    this.sendAckFor(res, branch);
    if (branch !== this.branch || (this.state !== 'calling' && this.state !== 'proceeding')) return;
    this.retrans?.stop();
    if ((res.status === 401 || res.status === 407) && this.o.credentials && !this.cancelWanted && this.authAttempts < MAX_AUTH_ATTEMPTS) {
      const challenge = pickChallenge(getHeaders(res, res.status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate'));
      if (challenge) {
        this.authAttempts++;
        this.cseq++;
        const value = answerChallenge(challenge, this.o.credentials, 'INVITE', this.o.requestUri);
        this.log.info({ status: res.status, algorithm: challenge.algorithm, attempt: this.authAttempts }, 'INVITE challenged: sending it again with credentials');
        this.state = 'calling';
        this.sendInvite({ name: res.status === 401 ? 'Authorization' : 'Proxy-Authorization', value });
        return;
      }
      this.host.metrics.error('UAC_UNANSWERABLE_CHALLENGE');
    }
    const outcome = this.cancelWanted && res.status === 487 ? 'canceled' : failureOf(res.status);
    this.log.info({ status: res.status, reason: res.reason, outcome }, 'outbound call not answered');
    this.fail(outcome, res.status, res.reason);
  }

  private sendAckFor(res: ParsedResponse, branch: string): void {
    const ack: SipRequest = {
      kind: 'request',
      method: 'ACK',
      uri: this.o.requestUri,
      headers: [
        this.host.viaHeader(branch, this.transport),
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: this.fromHeader },
        { name: 'To', value: getHeader(res, 'To') ?? this.toHeader },
        { name: 'Call-ID', value: this.sipCallId },
        { name: 'CSeq', value: `${res.cseq.seq} ACK` },
      ],
      body: Buffer.alloc(0),
    };
    this.send(serializeMessage(ack));
  }

  private on2xx(res: ParsedResponse): void {
    if (this.state === 'confirmed' || this.state === 'terminated') {
      // A retransmitted 2xx: our ACK got lost (RFC 3261 §13.2.2.4). Another tag would be a fork: not taken.
      if (this.ackBytes && res.to.tag === this.remoteTag) this.resendAck();
      return;
    }
    this.retrans?.stop();
    this.remoteTag = res.to.tag ?? '';
    this.remoteToHeader = getHeader(res, 'To') ?? this.toHeader;
    const contact = parseNameAddr(getHeader(res, 'Contact') ?? '');
    this.remoteTarget = contact?.uri ?? this.o.requestUri;
    this.routeSet = getHeaders(res, 'Record-Route').reverse();
    this.state = 'confirmed';
    this.sendAck2xx(res.cseq.seq);
    this.host.dialogOpened(this);
    if (this.cancelWanted) {
      // CANCEL crossed the answer: the call is up, so it is ended with a BYE.
      this.log.info('answered while being cancelled: hanging up');
      this.fail('canceled', 487, 'cancelled');
      this.bye('cancelled');
      return;
    }
    let answer: { sdp: SessionDescription; media: NegotiatedAudio } | undefined;
    try {
      const sdp = parseSdp(res.body);
      const media = negotiate(sdp, { ...this.o.negotiate, answer: true });
      if (media) answer = { sdp, media };
    } catch {
      // handled below
    }
    if (!answer) {
      this.host.metrics.error('UAC_BAD_ANSWER');
      this.log.warn({ bytes: res.body.length }, 'answer without a usable SDP: hanging up');
      this.fail('failed', 488, 'no usable SDP answer');
      this.bye('no usable SDP answer');
      return;
    }
    this.media = answer.media;
    this.host.metrics.call('outbound_answered');
    this.log.info({ codec: answer.media.codec, remote: `${answer.media.remoteAddress}:${answer.media.remotePort}` }, 'outbound call answered');
    this.safe(() => this.onAnswered?.(answer));
  }

  private sendAck2xx(cseq: number): void {
    const branch = `z9hG4bK${randomBytes(8).toString('hex')}`;
    const ack: SipRequest = {
      kind: 'request',
      method: 'ACK',
      uri: this.remoteTarget,
      headers: [
        this.host.viaHeader(branch, this.transport),
        { name: 'Max-Forwards', value: '70' },
        ...this.routeSet.map((value) => ({ name: 'Route', value })),
        { name: 'From', value: this.fromHeader },
        { name: 'To', value: this.remoteToHeader },
        { name: 'Call-ID', value: this.sipCallId },
        { name: 'CSeq', value: `${cseq} ACK` },
      ],
      body: Buffer.alloc(0),
    };
    this.ackBytes = serializeMessage(ack);
    this.resendAck();
  }

  private resendAck(): void {
    const [address, port] = this.route().nextHop;
    if (this.ackBytes) this.host.sendTo(this.ackBytes, address, port, this.transport);
  }

  /** Gives up before the answer (CANCEL once a provisional response came; before that, as soon as one does). */
  cancel(): void {
    if (this.state !== 'calling' && this.state !== 'proceeding') return;
    this.cancelWanted = true;
    if (this.state === 'proceeding') this.sendCancel();
  }

  private sendCancel(): void {
    if (this.cancelSent) return;
    this.cancelSent = true;
    const branch = this.branch;
    const bytes = serializeMessage({
      kind: 'request',
      method: 'CANCEL',
      uri: this.o.requestUri,
      headers: [
        this.host.viaHeader(branch, this.transport),
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: this.fromHeader },
        { name: 'To', value: this.toHeader },
        { name: 'Call-ID', value: this.sipCallId },
        { name: 'CSeq', value: `${this.cseq} CANCEL` },
        { name: 'User-Agent', value: this.host.userAgentName },
      ],
      body: Buffer.alloc(0),
    });
    const retrans = new Retransmitter(this.host.timers, () => this.send(bytes), () => {
      this.host.forgetClient(branch, 'CANCEL');
      // Neither the CANCEL nor the INVITE got a final answer: the call is over all the same.
      if (this.state === 'calling' || this.state === 'proceeding') this.fail('canceled', 408, 'no answer to CANCEL');
    });
    this.host.addClient(branch, 'CANCEL', {
      onResponse: (res) => {
        if (res.status < 200) return;
        retrans.stop();
        this.host.forgetClient(branch, 'CANCEL');
      },
      stop: () => retrans.stop(),
    });
    this.log.info('cancelling the outbound call (CANCEL)');
    this.send(bytes);
    if (this.transport === 'UDP') retrans.start();
    else retrans.startTimeoutOnly();
  }

  /** Ends the call: CANCEL before the answer, BYE after. */
  hangup(reason = 'normal clearing'): void {
    if (this.state === 'calling' || this.state === 'proceeding') return this.cancel();
    if (this.state !== 'confirmed') return;
    this.end('local-bye');
    this.bye(reason);
  }

  private bye(reason: string): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.reinvites.stop();
    this.host.sendBye(this, reason, () => this.closeDialog());
  }

  private closeDialog(): void {
    this.host.dialogClosed(this);
    this.forgetTransactions();
  }

  /** The INVITE transactions stay a while to absorb retransmitted finals (Timer D), then go. */
  private forgetTransactions(): void {
    const branches = this.branches.splice(0);
    setTimeout(() => {
      for (const b of branches) this.host.forgetClient(b, 'INVITE');
    }, 64 * this.host.timers.t1).unref();
  }

  private fail(outcome: UacFailure, status: number, reason: string): void {
    this.retrans?.stop();
    if (this.state !== 'confirmed') {
      this.state = 'terminated';
      this.forgetTransactions();
    }
    if (this.finished) return;
    this.finished = true;
    this.host.metrics.call(`outbound_${outcome}`);
    this.safe(() => this.onFailed?.(outcome, status, reason));
  }

  private end(reason: UacEnd): void {
    if (this.finished) return;
    this.finished = true;
    this.safe(() => this.onEnded?.(reason));
  }

  // --- SipDialog ---

  route(): DialogRoute {
    return {
      callId: this.sipCallId,
      from: this.fromHeader,
      to: this.remoteToHeader,
      remoteTarget: this.remoteTarget,
      routeSet: this.routeSet,
      // Over TCP: the connection to the trunk. Over UDP the NAT check's "Via" is the trunk itself.
      nextHop: this.transport === 'TCP' && this.routeSet.length === 0 ? [this.o.target.address, this.o.target.port] : dialogTarget(this.routeSet, this.remoteTarget, { transport: this.transport, host: this.o.target.address, port: this.o.target.port, params: {}, branch: undefined }, this.o.target),
      transport: this.transport,
    };
  }

  nextCseq(): number {
    // Our in-dialog requests continue after the INVITE's CSeq.
    this.localCseq = Math.max(this.localCseq, this.cseq) + 1;
    return this.localCseq;
  }

  onAck(cseq: number): void {
    this.reinvites.onAck(cseq);
  }

  onOtherRequest(req: ParsedRequest): number | undefined {
    if (req.method !== 'NOTIFY') return undefined;
    return this.notifyHandler ? this.notifyHandler(req) : 481;
  }

  onBye(): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.reinvites.stop();
    this.closeDialog();
    this.end('remote-bye');
  }

  onReinvite(req: ParsedRequest, source: Source, offer: SessionDescription | undefined, media: NegotiatedAudio | undefined): void {
    if (media) {
      this.media = media;
      this.safe(() => this.onReoffer?.(media));
    }
    const { address, port } = this.o.localMedia;
    this.reinvites.answer(req, source, (version) =>
      offer && media ? buildAnswer(offer, media, { address, port, sessionId: this.localTag, version }) : withSdpVersion(this.o.sdp, version));
  }

  shutdown(): void {
    if (this.state === 'calling' || this.state === 'proceeding') return this.cancel();
    if (this.state === 'confirmed') {
      this.end('shutdown');
      this.bye('server shutting down');
    }
  }

  stopTimers(): void {
    this.retrans?.stop();
    this.reinvites.stop();
  }

  private safe(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.log.error({ err }, 'SIP call callback threw');
    }
  }
}
