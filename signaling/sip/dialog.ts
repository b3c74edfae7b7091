// What every dialog has, whichever side started it (UasCall: the caller's INVITE; UacCall: ours): how the
// server routes in-dialog requests to it, how our own in-dialog requests (BYE, REFER) are addressed, and
// the answer to a re-INVITE (200 with our SDP, retransmitted until its ACK).
import type { Logger } from '../../lib/logger.ts';
import type { ParsedRequest, SipHeader } from './message.ts';
import type { NegotiatedAudio, SessionDescription } from './sdp.ts';
import { Retransmitter, type SipTimers } from './transactions.ts';

export type Source = { address: string; port: number };

/** How our requests inside the dialog are addressed (RFC 3261 §12.2.1.1). */
export interface DialogRoute {
  callId: string;
  /** Our From (our URI with our tag) and the peer's To (its URI with its tag). */
  from: string;
  to: string;
  remoteTarget: string;
  routeSet: string[];
  /** Where the request goes (first route, else the remote target, else where the peer's packets come from). */
  nextHop: [string, number];
  /** Transport of the dialog ('UDP' | 'TCP'). */
  transport: string;
}

/** The server's view of a dialog: in-dialog requests are handed to it. */
export interface SipDialog {
  readonly dialogKey: string;
  readonly log: Logger;
  /** The negotiated audio (a re-offer keeps its codec when it still has it). */
  readonly media: NegotiatedAudio;
  readonly isTerminated: boolean;
  onAck(cseq: number): void;
  /** The peer's BYE (already answered 200 by the server). */
  onBye(): void;
  onReinvite(req: ParsedRequest, source: Source, offer: SessionDescription | undefined, media: NegotiatedAudio | undefined): void;
  /** Another in-dialog request (NOTIFY, INFO…): the status to answer, or undefined when not handled (501). */
  onOtherRequest?(req: ParsedRequest, source: Source): number | undefined;
  route(): DialogRoute;
  /** CSeq of our next in-dialog request. */
  nextCseq(): number;
  /** The server is closing: end the call (BYE). */
  shutdown(): void;
  stopTimers(): void;
}

export const ALLOW = 'INVITE, ACK, BYE, CANCEL, OPTIONS, NOTIFY';

export function dialogKey(callId: string, localTag: string, remoteTag: string): string {
  return `${callId}\n${localTag}\n${remoteTag}`;
}

export interface ReinviteHost {
  readonly timers: SipTimers;
  readonly contactHeader: string;
  respond(req: ParsedRequest, source: Source, status: number, opts?: { headers?: SipHeader[]; body?: Buffer }): Buffer;
  resend(bytes: Buffer, req: ParsedRequest, source: Source): void;
}

/** Answers re-INVITEs in one dialog: one at a time (491 otherwise), our SDP with the o= version raised. */
export class ReinviteAnswerer {
  private version = 1;
  private pending: { cseq: number; retrans: Retransmitter } | undefined;

  constructor(private readonly host: ReinviteHost) {}

  /** `sdp(version)` is our session description for this answer. */
  answer(req: ParsedRequest, source: Source, sdp: (version: number) => string): void {
    if (this.pending) {
      this.host.respond(req, source, 491);
      return;
    }
    this.version++;
    const bytes = this.host.respond(req, source, 200, { headers: [{ name: 'Contact', value: this.host.contactHeader }, { name: 'Allow', value: ALLOW }], body: Buffer.from(sdp(this.version)) });
    const retrans = new Retransmitter(this.host.timers, () => this.host.resend(bytes, req, source), () => (this.pending = undefined));
    this.pending = { cseq: req.cseq.seq, retrans };
    retrans.start();
  }

  /** An ACK: true when it acknowledged our re-INVITE answer. */
  onAck(cseq: number): boolean {
    if (!this.pending || cseq !== this.pending.cseq) return false;
    this.pending.retrans.stop();
    this.pending = undefined;
    return true;
  }

  stop(): void {
    this.pending?.retrans.stop();
    this.pending = undefined;
  }
}

/** Our SDP with the o= line's version replaced. */
export function withSdpVersion(sdp: string, version: number): string {
  return sdp.replace(/^(o=\S+ \S+ )\d+/m, `$1${version}`);
}
