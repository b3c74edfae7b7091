// Serves `calls.transfer.twilio` on the bus: the media core relays an agent's transfer of a Twilio call,
// and the control API — which holds the Twilio credentials — redirects the live call to TwiML that
// <Dial>s the target. Twilio then ends the media stream and connects the caller onwards.
import { uap, subjects } from '../../proto/index.ts';
import type { Bus, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { Counter, type Registry } from '../../lib/metrics.ts';
import { errorMessage } from '../../lib/errors.ts';
import { TwilioRequestError, type TwilioCalls } from './client.ts';
import { isTransferTarget } from '../../lib/transfer-target.ts';

export class TwilioTransferService {
  private sub: Subscription | undefined;
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly bus: Bus,
    /** null: Twilio REST credentials are not configured. */
    private readonly twilio: () => TwilioCalls | null,
    private readonly log: Logger,
    registry: Registry,
  ) {
    this.outcomes = new Counter({ name: 'uap_api_twilio_transfers_total', help: 'Transfers of live Twilio calls, by outcome', labelNames: ['outcome'], registers: [registry] });
  }

  start(): void {
    this.sub = this.bus.subscribe(subjects.transfer('twilio'), (m) => {
      let req: uap.TransferRequest;
      try {
        req = uap.TransferRequest.decode(m.data);
      } catch {
        this.outcomes.labels('BAD_REQUEST').inc();
        m.respond(uap.TransferReply.encode({ ok: false, errorCode: 'BAD_REQUEST', errorMessage: 'undecodable transfer request' }).finish());
        return;
      }
      void this.transfer(req).then((reply) => {
        this.outcomes.labels(reply.ok ? 'ok' : (reply.errorCode ?? 'FAILED')).inc();
        m.respond(uap.TransferReply.encode(reply).finish());
      });
    }, { queue: 'twilio-transfer' });
  }

  async transfer(req: uap.TransferRequest): Promise<uap.ITransferReply> {
    const log = this.log.child({ callId: req.callId, tenantId: req.tenantId });
    if (!isTransferTarget(req.target)) return { ok: false, errorCode: 'BAD_TARGET', errorMessage: 'the target must be an E.164 number or a sip: URI' };
    const twilio = this.twilio();
    if (!twilio) return { ok: false, errorCode: 'UNAVAILABLE', errorMessage: 'Twilio REST credentials are not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)' };
    try {
      await twilio.transferCall(req.providerCallId, req.target);
      log.info({ target: req.target }, 'Twilio call transferred');
      return { ok: true };
    } catch (err) {
      const e = err instanceof TwilioRequestError ? err : undefined;
      log.warn({ err: errorMessage(err), twilioCode: e?.twilioCode, target: req.target }, 'Twilio refused the transfer');
      return { ok: false, errorCode: e?.code ?? 'TRANSFER_FAILED', errorMessage: errorMessage(err).slice(0, 300) };
    }
  }

  stop(): void {
    this.sub?.unsubscribe();
  }
}
