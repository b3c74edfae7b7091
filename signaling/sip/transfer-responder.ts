// Transfers of SIP calls: the media session asks on calls.transfer.sip; the gateway that holds the
// call's dialog (any other stays silent: the request is not in a queue group) sends the REFER and answers
// with the outcome. A completed transfer ends our leg as TRANSFERRED and leaves the call with a BYE.
import type { Bus, BusMsg, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { callLogger } from '../../lib/logger.ts';
import { isTransferTarget } from '../../lib/transfer-target.ts';
import { uap, subjects } from '../../proto/index.ts';
import type { SipMediaLegHandle } from './gateway.ts';
import { referTransfer, type ReferHost, type ReferableDialog } from './refer.ts';

/** An answered SIP call this gateway holds. */
export interface ActiveSipCall {
  callId: string;
  tenantId: string;
  dialog: ReferableDialog;
  leg: SipMediaLegHandle;
  hangup(reason: string): void;
}

/** Answered calls by SIP Call-ID (the media session knows that as the provider call id). */
export class SipCallRegistry {
  private readonly calls = new Map<string, ActiveSipCall>();

  add(sipCallId: string, c: ActiveSipCall): void {
    this.calls.set(sipCallId, c);
  }

  remove(sipCallId: string): void {
    this.calls.delete(sipCallId);
  }

  get(sipCallId: string): ActiveSipCall | undefined {
    return this.calls.get(sipCallId);
  }

  get size(): number {
    return this.calls.size;
  }
}

export interface SipTransferResponderOptions {
  bus: Bus;
  host: ReferHost;
  calls: SipCallRegistry;
  /** Our URI for Referred-By. */
  ourUri: string;
  log: Logger;
  answerWithinMs?: number;
}

export class SipTransferResponder {
  private sub: Subscription | undefined;

  constructor(private readonly o: SipTransferResponderOptions) {}

  start(): void {
    this.sub = this.o.bus.subscribe(subjects.transfer('sip'), (m) => this.onRequest(m));
  }

  stop(): void {
    this.sub?.unsubscribe();
  }

  private onRequest(m: BusMsg): void {
    let req: uap.TransferRequest;
    try {
      req = uap.TransferRequest.decode(m.data);
    } catch {
      return; // not answerable; the asker times out
    }
    const call = this.o.calls.get(req.providerCallId);
    if (!call || call.callId !== req.callId) return; // another gateway's call
    const reply = (r: uap.ITransferReply): void => void m.respond(uap.TransferReply.encode(r).finish());
    const log = callLogger(this.o.log, call.callId, call.tenantId, { sipCallId: req.providerCallId });
    if (!isTransferTarget(req.target)) return reply({ ok: false, errorCode: 'BAD_TARGET', errorMessage: 'the target is not an E.164 number or a sip: URI' });
    if (call.dialog.isTerminated) return reply({ ok: false, errorCode: 'CALL_ENDED', errorMessage: 'the call has ended' });
    void referTransfer(this.o.host, call.dialog, {
      target: req.target,
      referredBy: this.o.ourUri,
      log,
      answerWithinMs: this.o.answerWithinMs,
      onTransferred: () => {
        log.info({ target: req.target }, 'transfer completed: leaving the call');
        call.leg.close('transferred');
        call.hangup('transferred');
      },
    }).then((outcome) => reply(outcome));
  }
}
