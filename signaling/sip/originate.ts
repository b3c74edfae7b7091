// Outbound calls through a tenant's trunk, asked for by the control API on `sip.originate`: check the
// request, resolve the trunk's host, open an RTP port for our offer, send the INVITE and reply at once.
// Progress goes out as call events (ringing; busy / no-answer / failed / canceled with the SIP status);
// once answered the call joins a media session and is dispatched to an agent exactly like an inbound one.
// Before the answer, a Hangup on call.<callId>.control (the API's "end call") or the ring timeout cancels.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Bus, BusMsg, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { callLogger } from '../../lib/logger.ts';
import { CallEventPublisher } from '../../lib/call-events.ts';
import { errorMessage } from '../../lib/errors.ts';
import { uap, subjects, isSubjectToken } from '../../proto/index.ts';
import type { SipUas } from './uas.ts';
import type { SipMediaLegHandle, SipMediaProvider } from './gateway.ts';
import { buildOffer, DEFAULT_CODECS, type AudioCodec } from './sdp.ts';
import { applyMediaChange, peerReceives } from './media-change.ts';
import type { UacFailure } from './uac.ts';
import type { SipCallRegistry } from './transfer-responder.ts';

export const ORIGINATE_QUEUE = 'sip-gateways';

export interface SipOriginatorOptions {
  bus: Bus;
  uas: SipUas;
  media: SipMediaProvider;
  log: Logger;
  /** Cancel when not answered within this (ms), unless the request says otherwise. */
  ringTimeoutMs: number;
  /** True while draining: new calls are refused. */
  draining: () => boolean;
  /** Answered calls, for transfers. */
  calls?: SipCallRegistry;
  /** Resolves a trunk host name (default: the system resolver, IPv4, 3 s). */
  resolve?: (host: string) => Promise<string>;
  /** Codecs offered, in order (SIP_CODECS; default G722, PCMU, PCMA). */
  codecs?: readonly AudioCodec[];
}

type Reply = uap.ISipOriginateReply;

const NUMBER = /^\+?[0-9*#]{1,32}$/;
const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

async function systemResolve(host: string): Promise<string> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('DNS lookup timed out')), 3000).unref());
  return (await Promise.race([lookup(host, { family: 4 }), timeout])).address;
}

/** The request's problems, or undefined when it is fine. */
function invalid(r: uap.SipOriginate): string | undefined {
  if (!isSubjectToken(r.callId)) return 'callId is not a valid call id';
  if (!r.tenantId) return 'tenantId is missing';
  if (!NUMBER.test(r.to)) return 'to is not a number';
  if (!NUMBER.test(r.from)) return 'from is not a number';
  const host = r.host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 0 && !HOST.test(host)) return 'host is not a host name or IP address';
  if (!(r.port >= 1 && r.port <= 65535)) return 'port is out of range';
  if (r.transport !== 'udp' && r.transport !== 'tcp') return 'transport must be udp or tcp';
  if (!r.agentKind) return 'agentKind is missing';
  return undefined;
}

export class SipOriginator {
  private sub: Subscription | undefined;
  private readonly resolve: (host: string) => Promise<string>;

  constructor(private readonly o: SipOriginatorOptions) {
    this.resolve = o.resolve ?? systemResolve;
  }

  start(): void {
    this.sub = this.o.bus.subscribe(subjects.sipOriginate, (m) => this.onRequest(m), { queue: ORIGINATE_QUEUE });
  }

  stop(): void {
    this.sub?.unsubscribe();
  }

  private onRequest(m: BusMsg): void {
    let req: uap.SipOriginate;
    try {
      req = uap.SipOriginate.decode(m.data);
    } catch {
      m.respond(uap.SipOriginateReply.encode({ accepted: false, errorCode: 'BAD_REQUEST', errorMessage: 'undecodable SipOriginate' }).finish());
      return;
    }
    this.originate(req).then(
      (reply) => m.respond(uap.SipOriginateReply.encode(reply).finish()),
      (err: unknown) => {
        this.o.log.error({ err, callId: req.callId }, 'outbound SIP call failed to start');
        m.respond(uap.SipOriginateReply.encode({ accepted: false, errorCode: 'INTERNAL', errorMessage: errorMessage(err) }).finish());
      },
    );
  }

  async originate(req: uap.SipOriginate): Promise<Reply> {
    const problem = invalid(req);
    if (problem) return { accepted: false, errorCode: 'BAD_TARGET', errorMessage: problem };
    if (this.o.draining()) return { accepted: false, errorCode: 'DRAINING', errorMessage: 'this SIP gateway is shutting down' };
    if (req.transport === 'tcp' && !this.o.uas.supportsTcp) return { accepted: false, errorCode: 'TRANSPORT_UNSUPPORTED', errorMessage: 'SIP over TCP is not enabled on this gateway' };
    const log = callLogger(this.o.log, req.callId, req.tenantId, { trunkId: req.trunkId, direction: 'outbound' });
    const hostName = req.host.replace(/^\[(.*)\]$/, '$1');
    let address: string;
    try {
      address = isIP(hostName) ? hostName : await this.resolve(hostName);
    } catch (err) {
      log.warn({ host: hostName, err: errorMessage(err) }, 'outbound call refused: the trunk host does not resolve');
      return { accepted: false, errorCode: 'UNRESOLVABLE_HOST', errorMessage: `${hostName} does not resolve` };
    }
    let leg: SipMediaLegHandle;
    try {
      // The port goes into our offer; the codec is settled by the answer (negotiated()).
      leg = await this.o.media.open({ sipCallId: req.callId, codec: 'PCMU', payloadType: 0, telephoneEventPt: 101, remoteAddress: '0.0.0.0', remotePort: 0 });
    } catch (err) {
      log.error({ err }, 'outbound call refused: no RTP port');
      return { accepted: false, errorCode: 'NO_MEDIA_PORT', errorMessage: 'no RTP port free' };
    }
    const events = new CallEventPublisher(this.o.bus, req.callId, req.tenantId, log, 'signaling');
    const hostPart = isIP(hostName) === 6 ? `[${hostName}]` : hostName;
    const requestUri = `sip:${req.to}@${hostPart}${req.port === 5060 ? '' : `:${req.port}`}`;
    const codecs = this.o.codecs ?? DEFAULT_CODECS;
    const sdp = buildOffer({ address: leg.address, port: leg.port, sessionId: String(Date.now()), codecs });
    let call;
    try {
      call = this.o.uas.invite({
        target: { address, port: req.port },
        transport: req.transport === 'tcp' ? 'TCP' : 'UDP',
        requestUri,
        fromUser: req.from,
        sdp,
        localMedia: { address: leg.address, port: leg.port },
        negotiate: { codecs },
        credentials: req.authUsername ? { username: req.authUsername, password: req.authPassword } : undefined,
        log,
      });
    } catch (err) {
      leg.close('shutdown');
      return { accepted: false, errorCode: 'DRAINING', errorMessage: errorMessage(err) };
    }
    const status = (s: string, raw: Record<string, string | number> = {}) =>
      void events.emit({ providerStatus: { status: s, providerCallId: call.sipCallId, rawJson: JSON.stringify({ ...raw, CallStatus: s }) } }, false);
    // Before the answer the call is ours to cancel: the API's hangup, or nobody picking up in time.
    let control: Subscription | undefined = this.o.bus.subscribe(subjects.control(req.callId), (msg) => {
      try {
        if (uap.MediaControl.decode(msg.data).hangup) call.cancel();
      } catch {
        // not ours to judge: the media session will see it too once answered
      }
    });
    const ringMs = req.ringTimeoutS > 0 ? req.ringTimeoutS * 1000 : this.o.ringTimeoutMs;
    let ringTimedOut = false;
    const ringTimer = setTimeout(() => {
      log.info({ ringMs }, 'outbound call not answered in time: cancelling');
      ringTimedOut = true;
      call.cancel();
    }, ringMs);
    const settle = () => {
      clearTimeout(ringTimer);
      control?.unsubscribe();
      control = undefined;
    };
    let ringing = false;
    call.onProgress = () => {
      if (ringing) return;
      ringing = true;
      status('ringing');
    };
    call.onFailed = (outcome: UacFailure, code: number, reason: string) => {
      settle();
      leg.close('cancelled');
      status(ringTimedOut && outcome === 'canceled' ? 'no-answer' : outcome, { SipResponseCode: code, SipReason: reason.slice(0, 200) });
    };
    call.onAnswered = ({ media }) => {
      settle();
      this.o.calls?.add(call.sipCallId, { callId: req.callId, tenantId: req.tenantId, dialog: call, leg, hangup: (r) => call.hangup(r) });
      leg.negotiated(media);
      if (!peerReceives(media)) leg.setSending(false);
      leg.start(
        { callId: req.callId, tenantId: req.tenantId, from: req.from, to: req.to, sipCallId: call.sipCallId, agentKind: req.agentKind, agentConfigId: req.agentConfigId, agentConfigJson: req.agentConfigJson || undefined, direction: 'outbound' },
        (reason) => call.hangup(reason),
      );
    };
    call.onReoffer = (m) => applyMediaChange(leg, m);
    call.onEnded = (reason) => {
      this.o.calls?.remove(call.sipCallId);
      leg.close(reason === 'remote-bye' ? 'caller-hangup' : reason === 'shutdown' ? 'shutdown' : 'local');
    };
    log.info({ to: req.to, from: req.from, target: `${address}:${req.port}`, transport: req.transport, rtpPort: leg.port }, 'outbound SIP call: INVITE sent');
    return { accepted: true, sipCallId: call.sipCallId };
  }
}
