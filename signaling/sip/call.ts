// One incoming INVITE and the dialog it creates, UAS side: the INVITE server transaction (provisional
// responses, a final response retransmitted until ACK), the 2xx retransmission of the UAS core (RFC 3261
// §13.3.1.4: T1 doubling to T2 until ACK, BYE after 64·T1 without one), CANCEL, BYE in both directions.
import type { Logger } from '../../lib/logger.ts';
import type { NameAddr } from './fields.ts';
import type { ParsedRequest, SipHeader } from './message.ts';
import { buildAnswer, localMediaOf, type NegotiatedAudio, type SessionDescription } from './sdp.ts';
import { Retransmitter, type SipTimers } from './transactions.ts';
import type { SipMetrics } from './metrics.ts';
import { ALLOW, ReinviteAnswerer, dialogKey, withSdpVersion, type DialogRoute, type SipDialog } from './dialog.ts';
import { dialogTarget } from './addressing.ts';
import { getHeader } from './message.ts';
import type { ReferableDialog } from './refer.ts';

export { ALLOW, dialogKey };

export type SipEndReason =
  /** The caller sent BYE. */
  | 'remote-bye'
  /** We hung up (hangup()): BYE sent, or sent once the 200 is acknowledged. */
  | 'local-bye'
  /** The call never got established although the handler accepted it (CANCEL or timeout won the race). */
  | 'cancelled'
  /** The caller never acknowledged our 200 within 64·T1: BYE sent. */
  | 'no-ack'
  /** The server is closing. */
  | 'shutdown';

/** What the INVITE handler sees of a new call. */
export interface IncomingCall {
  readonly sipCallId: string;
  readonly requestUri: string;
  /** User part of the Request-URI (decoded): the number called. */
  readonly toUser: string;
  /** User part of the From URI. */
  readonly fromUser: string;
  readonly from: NameAddr;
  readonly to: NameAddr;
  readonly offer: SessionDescription;
  /** The audio stream and codec chosen from the offer. */
  readonly media: NegotiatedAudio;
  /** Where the INVITE came from. */
  readonly source: { address: string; port: number; transport?: 'UDP' | 'TCP' };
  readonly request: ParsedRequest;
  /** Aborted when the caller cancels, the handler times out, or the server shuts down before an answer. */
  readonly signal: AbortSignal;
  /** Sends 180 Ringing (once). */
  ringing(): void;
  /** Ends the call: BYE once answered (after the ACK), 480 before. No-op once ended. */
  hangup(reason?: string): void;
  /** Fires once, when a call the handler accepted ends, whatever the cause. */
  onEnded: ((reason: SipEndReason) => void) | undefined;
  /** The ACK for our 200 arrived. */
  onConfirmed: (() => void) | undefined;
  /** A re-INVITE moved the caller's media (e.g. new address or hold). */
  onReoffer: ((media: NegotiatedAudio) => void) | undefined;
  /** The dialog, for in-dialog requests of ours (REFER). */
  readonly dialog: ReferableDialog;
}

export type InviteDecision =
  | { accept: { sdp: string } }
  | { reject: { status: number; reason?: string; headers?: SipHeader[] } };

export type InviteHandler = (call: IncomingCall) => Promise<InviteDecision>;

/** What a call needs from the server that owns the socket. */
export interface CallHost {
  readonly timers: SipTimers;
  readonly metrics: SipMetrics;
  /** Builds, sends and returns a response to `req`. */
  respond(req: ParsedRequest, source: { address: string; port: number }, status: number, opts?: { reason?: string; toTag?: string; headers?: SipHeader[]; body?: Buffer }): Buffer;
  resend(bytes: Buffer, req: ParsedRequest, source: { address: string; port: number }): void;
  /** Sends a BYE in the dialog; `done` when it is answered or given up on. */
  sendBye(dialog: SipDialog, reason: string, done: () => void): void;
  dialogOpened(call: UasCall): void;
  /** The INVITE transaction is over (the call object may live on in its dialog). */
  transactionDone(call: UasCall): void;
  dialogClosed(call: UasCall): void;
  readonly contactHeader: string;
}

type State = 'proceeding' | 'accepted' | 'confirmed' | 'rejected' | 'terminated';

export class UasCall implements IncomingCall, ReferableDialog {
  readonly sipCallId: string;
  readonly requestUri: string;
  readonly from: NameAddr;
  readonly to: NameAddr;
  readonly localTag: string;
  readonly remoteTag: string;
  state: State = 'proceeding';
  onEnded: ((reason: SipEndReason) => void) | undefined;
  onConfirmed: (() => void) | undefined;
  onReoffer: ((media: NegotiatedAudio) => void) | undefined;
  /** NOTIFYs of a transfer in progress (refer.ts). */
  notifyHandler: ((req: ParsedRequest) => number) | undefined;
  /** Remote target (Contact URI) and route set (Record-Route), for our BYE. */
  remoteTarget = '';
  routeSet: string[] = [];
  localCseq = 0;
  answerSdp = '';
  private readonly reinvites: ReinviteAnswerer;
  private readonly abort = new AbortController();
  private lastResponse: Buffer | undefined;
  private retrans: Retransmitter | undefined;
  private ringingSent = false;
  /** The application was told the call is up (handler accepted): it must hear onEnded exactly once. */
  private appOwned = false;
  private ended = false;
  private pendingBye: string | undefined;
  /** The handler's deadline (set by the server). */
  deadline: NodeJS.Timeout | undefined;

  constructor(
    readonly request: ParsedRequest,
    readonly source: { address: string; port: number; transport?: 'UDP' | 'TCP' },
    readonly txKey: string,
    localTag: string,
    readonly toUser: string,
    readonly fromUser: string,
    readonly offer: SessionDescription,
    public media: NegotiatedAudio,
    private readonly host: CallHost,
    readonly log: Logger,
  ) {
    this.sipCallId = request.callId;
    this.requestUri = request.uri;
    this.from = request.from;
    this.to = request.to;
    this.localTag = localTag;
    this.remoteTag = request.from.tag ?? '';
    this.reinvites = new ReinviteAnswerer(host);
  }

  get isTerminated(): boolean {
    return this.state === 'terminated';
  }

  get dialog(): ReferableDialog {
    return this;
  }

  /** NOTIFY for our REFER; a NOTIFY with no transfer in progress has no subscription (481). */
  onOtherRequest(req: ParsedRequest): number | undefined {
    if (req.method !== 'NOTIFY') return undefined;
    return this.notifyHandler ? this.notifyHandler(req) : 481;
  }

  /** Our requests in this dialog: From is the INVITE's To with our tag, To the caller's From. */
  route(): DialogRoute {
    const inviteTo = getHeader(this.request, 'To')!;
    return {
      callId: this.sipCallId,
      from: this.to.tag ? inviteTo : `${inviteTo};tag=${this.localTag}`,
      to: getHeader(this.request, 'From')!,
      remoteTarget: this.remoteTarget,
      routeSet: this.routeSet,
      // Over TCP our requests reuse the caller's connection (its far end is an ephemeral port, not a listener).
      nextHop: this.source.transport === 'TCP' ? [this.source.address, this.source.port] : dialogTarget(this.routeSet, this.remoteTarget, this.request.via[0], this.source),
      transport: this.source.transport ?? 'UDP',
    };
  }

  nextCseq(): number {
    return ++this.localCseq;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get dialogKey(): string {
    return dialogKey(this.sipCallId, this.localTag, this.remoteTag);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** 100 Trying, at once: the handler may take a while (routing, media). */
  trying(): void {
    this.lastResponse = this.host.respond(this.request, this.source, 100);
  }

  ringing(): void {
    if (this.state !== 'proceeding' || this.ringingSent) return;
    this.ringingSent = true;
    this.lastResponse = this.host.respond(this.request, this.source, 180, { toTag: this.localTag, headers: [{ name: 'Contact', value: this.host.contactHeader }] });
  }

  /** The handler's answer (or a failure mapped to a status by the server). */
  decide(d: InviteDecision): void {
    if (this.state !== 'proceeding') {
      // CANCEL, timeout or shutdown got there first; the handler's resources must still be released.
      if ('accept' in d) {
        this.appOwned = true;
        this.endApp('cancelled');
      }
      return;
    }
    if ('reject' in d) {
      this.reject(d.reject.status, d.reject.reason, d.reject.headers);
      return;
    }
    this.appOwned = true;
    this.answerSdp = d.accept.sdp;
    this.state = 'accepted';
    this.lastResponse = this.host.respond(this.request, this.source, 200, {
      toTag: this.localTag,
      headers: [...this.request.headers.filter((h) => h.name === 'Record-Route'), { name: 'Contact', value: this.host.contactHeader }, { name: 'Allow', value: ALLOW }],
      body: Buffer.from(this.answerSdp),
    });
    this.host.metrics.call('answered');
    this.host.dialogOpened(this);
    this.retrans = new Retransmitter(this.host.timers, () => this.resendLast(), () => this.onAckTimeout());
    this.retrans.start();
  }

  /** A final non-2xx: retransmitted until ACK (Timer G), given up after 64·T1 (Timer H). */
  reject(status: number, reason?: string, headers?: SipHeader[]): void {
    if (this.state !== 'proceeding') return;
    this.state = 'rejected';
    this.abort.abort();
    this.lastResponse = this.host.respond(this.request, this.source, status, { reason, toTag: this.localTag, headers });
    this.host.metrics.call(status === 487 ? 'cancelled' : `rejected_${status}`);
    this.retrans = new Retransmitter(this.host.timers, () => this.resendLast(), () => this.host.transactionDone(this));
    // Timer G only on UDP; Timer H bounds the wait for the ACK either way.
    if (this.source.transport === 'TCP') this.retrans.startTimeoutOnly();
    else this.retrans.start();
  }

  private resendLast(): void {
    if (!this.lastResponse) return;
    this.host.metrics.retransmission('response');
    this.host.resend(this.lastResponse, this.request, this.source);
  }

  /** The same INVITE again: answer with the last response (nothing once the ACK came). */
  onInviteRetransmit(): void {
    this.host.metrics.retransmission('request');
    if (this.state === 'proceeding' || this.state === 'accepted' || this.state === 'rejected') {
      if (this.lastResponse) this.host.resend(this.lastResponse, this.request, this.source);
    }
  }

  /** CANCEL matched this INVITE. Returns whether it still had an effect. */
  onCancel(): boolean {
    if (this.state !== 'proceeding') return false;
    this.log.info('caller cancelled before answer');
    this.reject(487);
    return true;
  }

  onAck(cseq: number): void {
    if (this.state === 'rejected') {
      // ACK for our non-2xx: stop retransmitting; absorb further ACKs for T4 (Timer I).
      this.retrans?.stop();
      this.state = 'terminated';
      setTimeout(() => this.host.transactionDone(this), this.host.timers.t4).unref();
      return;
    }
    if (this.state === 'accepted' && cseq === this.request.cseq.seq) {
      this.retrans?.stop();
      this.state = 'confirmed';
      this.host.transactionDone(this);
      if (this.pendingBye !== undefined) this.bye(this.pendingBye);
      else this.safe(() => this.onConfirmed?.());
      return;
    }
    this.reinvites.onAck(cseq);
    // anything else: a retransmitted ACK, absorbed
  }

  private onAckTimeout(): void {
    if (this.state !== 'accepted') return;
    this.log.warn('no ACK for our 200 within 64*T1: ending the call');
    this.host.metrics.call('no_ack');
    this.host.transactionDone(this);
    this.state = 'confirmed'; // so bye() goes out (RFC 3261 §13.3.1.4: BYE after the 2xx timeout)
    this.endApp('no-ack');
    this.bye('no ACK received');
  }

  /** The caller's BYE (already answered 200 by the server). */
  onBye(): void {
    this.stopTimers();
    const wasOpen = this.state !== 'terminated';
    this.state = 'terminated';
    this.host.transactionDone(this);
    if (wasOpen) this.host.dialogClosed(this);
    this.endApp('remote-bye');
  }

  /**
   * An in-dialog INVITE: answered 200, retransmitted until its ACK. With an offer the answer is made anew
   * (the codec may have changed, the direction is mirrored) at the address and port of our first one;
   * without one our last SDP is the offer.
   */
  onReinvite(req: ParsedRequest, source: { address: string; port: number }, offer: SessionDescription | undefined, media: NegotiatedAudio | undefined): void {
    if (offer && media) {
      this.media = media;
      this.safe(() => this.onReoffer?.(media));
      const ours = localMediaOf(this.answerSdp);
      if (ours) {
        this.reinvites.answer(req, source, (v) => (this.answerSdp = buildAnswer(offer, media, { ...ours, version: v })));
        return;
      }
    }
    this.reinvites.answer(req, source, (v) => withSdpVersion(this.answerSdp, v));
  }

  hangup(reason = 'normal clearing'): void {
    switch (this.state) {
      case 'proceeding':
        this.reject(480);
        return;
      case 'accepted':
        // A BYE may not go before the ACK (RFC 3261 §15): it goes when the ACK (or the 2xx timeout) comes.
        this.pendingBye = reason;
        this.endApp('local-bye');
        return;
      case 'confirmed':
        this.endApp('local-bye');
        this.bye(reason);
        return;
      default:
        return;
    }
  }

  private bye(reason: string): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.stopTimers();
    this.host.sendBye(this, reason, () => this.host.dialogClosed(this));
  }

  /** Server shutdown. */
  shutdown(): void {
    if (this.state === 'proceeding') {
      this.reject(503, 'Shutting Down');
      return;
    }
    if (this.state === 'accepted' || this.state === 'confirmed') {
      this.endApp('shutdown');
      this.state = 'confirmed';
      this.bye('server shutting down');
    }
  }

  private endApp(reason: SipEndReason): void {
    if (this.ended) return;
    this.ended = true;
    if (this.appOwned) this.safe(() => this.onEnded?.(reason));
  }

  stopTimers(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = undefined;
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
