// The SIP trunk gateway's call flow: an INVITE is routed (number → tenant/agent), rings, gets an RTP
// port from the media side, and is answered with the SDP answer; hang-ups on either side end both.
// The media side is reached through the SipMediaProvider interface (media/rtp/sip-media.ts implements
// it), so signalling never imports media.
import { randomBytes } from 'node:crypto';
import type { Bus } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { CallEventPublisher } from '../../lib/call-events.ts';
import { uap } from '../../proto/index.ts';
import { RouteRefusedError, type RoutedCall, type Router } from '../routing.ts';
import { SipUas, type SipUasOptions } from './uas.ts';
import { buildAnswer, type AudioCodec } from './sdp.ts';
import { applyMediaChange, peerReceives } from './media-change.ts';
import type { IncomingCall, InviteDecision, SipEndReason } from './call.ts';
import { InviteAdmission, type SipAuthOptions } from './admission.ts';
import { noopSipMetrics } from './metrics.ts';
import { SipOriginator } from './originate.ts';
import { SipCallRegistry, SipTransferResponder } from './transfer-responder.ts';

export interface SipMediaProvider {
  open(req: { sipCallId: string; codec: AudioCodec; payloadType: number; telephoneEventPt: number | undefined; remoteAddress: string; remotePort: number }): Promise<SipMediaLegHandle>;
}

export interface SipMediaLegHandle {
  readonly address: string;
  readonly port: number;
  start(
    call: { callId: string; tenantId: string; from: string; to: string; sipCallId: string; agentKind: string; agentConfigId: string; agentConfigJson?: string; direction?: 'inbound' | 'outbound' },
    hangup: (reason: string) => void,
  ): void;
  close(end: 'caller-hangup' | 'cancelled' | 'no-ack' | 'shutdown' | 'local' | 'transferred'): void;
  updateRemote(address: string, port: number): void;
  /** Outbound calls: the answer picked the codec and names the callee's RTP address. */
  negotiated(m: { codec: AudioCodec; payloadType: number; telephoneEventPt: number | undefined; remoteAddress: string; remotePort: number }): void;
  /** A re-INVITE changed the codec or its payload types (a no-op when nothing changed). */
  changeCodec(m: { codec: AudioCodec; payloadType: number; telephoneEventPt: number | undefined }): void;
  /** Whether we send RTP: not while the peer's SDP says it will not receive (sendonly / inactive). */
  setSending(on: boolean): void;
}

export interface SipGatewayOptions extends Omit<SipUasOptions, 'handler'> {
  router: Router;
  media: SipMediaProvider;
  /** For REFUSED call events (as the Twilio webhook records them). */
  bus?: Bus;
  /** The number a call is for, from the INVITE (default: the Request-URI user). */
  numberOf?: (call: IncomingCall) => string;
  /** Digest challenges for trunks that require credentials (realm, algorithms offered, nonce lifetime). */
  auth?: Partial<SipAuthOptions>;
  /** Outbound calls asked for on `sip.originate` (needs `bus`): cancelled when not answered within this (default 60 s). */
  ringTimeoutMs?: number;
}

export interface SipGateway {
  readonly uas: SipUas;
  readonly port: number;
  activeCalls(): number;
  /** Drain: new INVITEs get 503 with Retry-After; calls in progress go on. */
  stopAccepting(): void;
  /** Ends every call (BYE) and closes the socket. */
  close(timeoutMs?: number): Promise<void>;
}

const LEG_END: Record<SipEndReason, 'caller-hangup' | 'cancelled' | 'no-ack' | 'shutdown' | 'local'> = {
  'remote-bye': 'caller-hangup',
  'local-bye': 'local',
  cancelled: 'cancelled',
  'no-ack': 'no-ack',
  shutdown: 'shutdown',
};

export function newSipCallId(): string {
  return `sip_${randomBytes(12).toString('base64url')}`;
}

export async function startSipGateway(o: SipGatewayOptions): Promise<SipGateway> {
  const admission = new InviteAdmission(o.auth, o.metrics ?? noopSipMetrics);
  const calls = new SipCallRegistry();
  const handler = async (call: IncomingCall): Promise<InviteDecision> => {
    const number = o.numberOf ? o.numberOf(call) : call.toUser;
    const log = o.log.child({ sipCallId: call.sipCallId });
    let route: RoutedCall | undefined;
    const sip = admission.inspect(call, log);
    try {
      route = await o.router.lookup(number, { admit: true, sip: sip.info });
    } catch (err) {
      if (err instanceof RouteRefusedError && InviteAdmission.handles(err.reason)) {
        return admission.refusal(err.reason, sip, call, log);
      }
      if (err instanceof RouteRefusedError) {
        log.warn({ tenantId: err.tenantId, to: number, reason: err.reason }, 'SIP call refused');
        if (o.bus) {
          const callId = newSipCallId();
          void new CallEventPublisher(o.bus, callId, err.tenantId, log, 'signaling').emit(
            { ended: { reason: uap.EndReason.REFUSED, detail: `${err.reason} from=${call.fromUser} to=${number}` } },
            false,
            `${callId}.refused`,
          );
        }
        return { reject: err.reason === 'OVER_QUOTA' ? { status: 486 } : { status: 403, reason: 'Service Suspended' } };
      }
      log.error({ err, to: number }, 'SIP call refused: routing is unavailable');
      return { reject: { status: 503, headers: [{ name: 'Retry-After', value: '10' }] } };
    }
    if (!route) {
      log.warn({ to: number, from: call.fromUser }, 'SIP call for a number with no route');
      return { reject: { status: 404 } };
    }
    log.info({ tenantId: route.tenantId, trunkId: route.trunkId, to: number, from: call.fromUser }, 'SIP call admitted');
    if (call.signal.aborted) return { reject: { status: 487 } };
    call.ringing();
    let leg: SipMediaLegHandle;
    try {
      leg = await o.media.open({
        sipCallId: call.sipCallId,
        codec: call.media.codec,
        payloadType: call.media.payloadType,
        telephoneEventPt: call.media.telephoneEventPt,
        remoteAddress: call.media.remoteAddress,
        remotePort: call.media.remotePort,
      });
    } catch (err) {
      log.error({ err }, 'SIP call refused: no media port');
      return { reject: { status: 503, headers: [{ name: 'Retry-After', value: '5' }] } };
    }
    if (call.signal.aborted) {
      leg.close('cancelled');
      return { reject: { status: 487 } };
    }
    const sdp = buildAnswer(call.offer, call.media, { address: leg.address, port: leg.port, sessionId: String(Date.now()) });
    const callId = newSipCallId();
    call.onEnded = (reason) => {
      calls.remove(call.sipCallId);
      leg.close(LEG_END[reason]);
    };
    call.onReoffer = (m) => applyMediaChange(leg, m);
    calls.add(call.sipCallId, { callId, tenantId: route.tenantId, dialog: call.dialog, leg, hangup: (r) => call.hangup(r) });
    leg.start(
      {
        callId,
        tenantId: route.tenantId,
        from: call.fromUser,
        to: number,
        sipCallId: call.sipCallId,
        agentKind: route.agentKind,
        agentConfigId: route.agentConfigId,
        agentConfigJson: Object.keys(route.agent).length > 0 ? JSON.stringify(route.agent) : undefined,
      },
      (reason) => call.hangup(reason),
    );
    if (!peerReceives(call.media)) leg.setSending(false);
    return { accept: { sdp } };
  };
  const uas = await SipUas.listen({ ...o, handler });
  let draining = false;
  const originator = o.bus ? new SipOriginator({ bus: o.bus, uas, media: o.media, log: o.log, ringTimeoutMs: o.ringTimeoutMs ?? 60_000, draining: () => draining, calls, codecs: o.negotiate?.codecs }) : undefined;
  originator?.start();
  const transfers = o.bus ? new SipTransferResponder({ bus: o.bus, host: uas, calls, ourUri: uas.contactHeader.replace(/^<|>$/g, ''), log: o.log }) : undefined;
  transfers?.start();
  o.log.info({ port: uas.port, publicAddress: o.publicAddress, tcp: uas.supportsTcp, outbound: !!originator }, uas.supportsTcp ? 'SIP listening (UDP and TCP)' : 'SIP listening (UDP)');
  return {
    uas,
    port: uas.port,
    activeCalls: () => uas.activeCalls,
    stopAccepting: () => {
      draining = true;
      uas.stopAccepting();
    },
    close: (timeoutMs) => {
      originator?.stop();
      transfers?.stop();
      return uas.close(timeoutMs);
    },
  };
}
