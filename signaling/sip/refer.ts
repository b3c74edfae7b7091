// Blind transfer by REFER (RFC 3515): in the call's dialog we send REFER with Refer-To (and Referred-By);
// the peer accepts (202) and reports the new call's progress in NOTIFYs whose message/sipfrag body is a
// status line. The agent hears back once the outcome is known: a final sipfrag (2xx: transferred, and
// we leave the call; ≥300: failed, the call goes on), or — when the new call takes long — that the peer
// accepted, after `answerWithinMs`; a later final 2xx still ends our leg.
import type { Logger } from '../../lib/logger.ts';
import { parseUri } from './fields.ts';
import { getHeader, type ParsedRequest, type ParsedResponse, type SipHeader } from './message.ts';
import type { SipDialog } from './dialog.ts';

export interface ReferOutcome {
  ok: boolean;
  errorCode?: string;
  errorMessage?: string;
}

export interface ReferHost {
  sendInDialog(d: SipDialog, method: string, extra: SipHeader[], body: Buffer, onFinal: (res: ParsedResponse | undefined) => void): void;
}

/** A dialog that can hand NOTIFYs to a transfer in progress. */
export interface ReferableDialog extends SipDialog {
  notifyHandler: ((req: ParsedRequest) => number) | undefined;
}

/**
 * The Refer-To URI for `target`: a sip:/sips: URI as given; an E.164 number as a SIP URI at the peer's
 * host (the carrier routes it), since that is where the REFER goes.
 */
export function referToUri(target: string, remoteTarget: string): string | undefined {
  if (/^sips?:/i.test(target)) return parseUri(target) ? target : undefined;
  if (!/^\+[1-9]\d{6,14}$/.test(target)) return undefined;
  const peer = parseUri(remoteTarget);
  if (!peer || !peer.host) return undefined;
  return `sip:${target}@${peer.host}${peer.port ? `:${peer.port}` : ''}`;
}

/** The status of a message/sipfrag body ("SIP/2.0 200 OK"), or undefined. */
export function sipfragStatus(body: Buffer): number | undefined {
  const m = /^SIP\/2\.0 ([1-6]\d\d)\b/.exec(body.subarray(0, 64).toString('latin1'));
  return m ? Number(m[1]) : undefined;
}

export interface ReferOptions {
  target: string;
  /** Our URI for Referred-By. */
  referredBy: string;
  log: Logger;
  /** The agent is answered by then even without a final NOTIFY (default 8 s). */
  answerWithinMs?: number;
  /** Stop listening for NOTIFYs after this (default 60 s). */
  giveUpMs?: number;
  /** The new call was answered (final 2xx sipfrag): our leg is to end. */
  onTransferred(): void;
}

/** Sends the REFER; resolves with what to tell the agent. */
export function referTransfer(host: ReferHost, dialog: ReferableDialog, o: ReferOptions): Promise<ReferOutcome> {
  return new Promise((resolve) => {
    const referTo = referToUri(o.target, dialog.route().remoteTarget);
    if (!referTo) return resolve({ ok: false, errorCode: 'BAD_TARGET', errorMessage: `cannot refer to "${o.target}"` });
    if (dialog.notifyHandler) return resolve({ ok: false, errorCode: 'TRANSFER_PENDING', errorMessage: 'a transfer is already in progress' });
    let answered = false;
    const answer = (r: ReferOutcome) => {
      if (answered) return;
      answered = true;
      clearTimeout(answerTimer);
      resolve(r);
    };
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(giveUpTimer);
      dialog.notifyHandler = undefined;
    };
    const answerTimer = setTimeout(() => answer({ ok: true }), o.answerWithinMs ?? 8000);
    const giveUpTimer = setTimeout(() => {
      o.log.info('no final NOTIFY for our REFER: no longer waiting');
      finish();
      answer({ ok: true });
    }, o.giveUpMs ?? 60_000);
    dialog.notifyHandler = (req) => {
      const event = (getHeader(req, 'Event') ?? '').split(';')[0].trim().toLowerCase();
      if (event !== 'refer') return 489; // Bad Event
      const status = sipfragStatus(req.body);
      if (status === undefined || status < 200) return 200;
      o.log.info({ status }, 'transfer progress: final NOTIFY');
      finish();
      if (status < 300) {
        answer({ ok: true });
        // After this NOTIFY's 200 has gone out: a BYE overtaking it confuses the peer.
        setImmediate(() => o.onTransferred());
      } else {
        answer({ ok: false, errorCode: 'TRANSFER_FAILED', errorMessage: `the transfer target answered ${status}` });
      }
      return 200;
    };
    o.log.info({ referTo }, 'transferring (REFER)');
    // Contact: REFER sets up a subscription (the NOTIFYs), so it names us (RFC 3261 §8.1.1.8).
    const headers = [{ name: 'Refer-To', value: `<${referTo}>` }, { name: 'Referred-By', value: `<${o.referredBy}>` }, { name: 'Contact', value: `<${o.referredBy}>` }];
    host.sendInDialog(dialog, 'REFER', headers, Buffer.alloc(0), (res) => {
      if (!res) {
        finish();
        return answer({ ok: false, errorCode: 'TRANSFER_TIMEOUT', errorMessage: 'the REFER was not answered' });
      }
      if (res.status >= 300) {
        finish();
        return answer({ ok: false, errorCode: 'TRANSFER_REJECTED', errorMessage: `REFER refused: ${res.status} ${res.reason}`.slice(0, 200) });
      }
      // Accepted: the NOTIFYs tell how the new call goes (unless one already did).
      if (done) return;
    });
  });
}
