// One signalling WebSocket: hello (token) or resume → ready, one offer → answer, trickled ICE both ways,
// mute, DTMF, hang-up. Messages are handled strictly in arrival order (one promise chain). Before a call
// exists every refusal is fatal (error, log line, metric, close); inside a call a bad message gets an
// error reply and the call goes on, since the caller is talking.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../lib/logger.ts';
import { callLogger } from '../../lib/logger.ts';
import { errorMessage, UapError } from '../../lib/errors.ts';
import { verifySoftphoneToken, type SoftphoneClaims } from '../../lib/softphone-token.ts';
import type { TokenReplayGuard } from '../../lib/stream-token.ts';
import type { Bus } from '../../lib/bus/types.ts';
import { RouteRefusedError, type Router } from '../routing.ts';
import { checkOfferSdp, parseClientMessage, SignalingError, type ClientMessage, type ServerMessage } from './messages.ts';
import { offerErrorCode, type SoftphoneCallInfo, type WebRtcMediaPort } from './media-port.ts';
import { SoftphoneCall, type CallSocket } from './softphone-call.ts';
import type { WebRtcSignalingMetrics } from './metrics.ts';

export interface SignalingContext {
  media: WebRtcMediaPort;
  router: Router;
  tokenKey: Buffer;
  replay: TokenReplayGuard;
  iceServers: { urls: string[]; username?: string; credential?: string }[];
  reconnectGraceMs: number;
  bus: Bus;
  log: Logger;
  metrics: WebRtcSignalingMetrics;
  calls: Map<string, SoftphoneCall>;
  accepting(): boolean;
}

export interface RawSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export function newWebRtcCallId(): string {
  return `web_${randomBytes(12).toString('base64url')}`;
}

export class SignalingConnection implements CallSocket {
  private call: SoftphoneCall | undefined;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private log: Logger;

  constructor(private readonly ws: RawSocket, private readonly ctx: SignalingContext, readonly remote: string) {
    this.log = ctx.log.child({ remote });
  }

  // --- CallSocket ---

  send(msg: ServerMessage): void {
    if (this.closed) return;
    try {
      this.ws.send(JSON.stringify(msg));
    } catch {
      // the socket is closing; its close handler runs next
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
  }

  // --- socket events ---

  onText(text: string): void {
    this.chain = this.chain.then(() => this.handle(text)).catch((err: unknown) => this.fail(err));
  }

  onBinary(): void {
    this.fail(new SignalingError('BINARY', 'binary frames are not part of this protocol: send JSON text', this.call === undefined));
  }

  onClose(): void {
    this.closed = true;
    this.call?.detach(this);
  }

  /** No hello within the allowed time. */
  helloTimeout(): void {
    if (!this.call && !this.closed) this.fail(new SignalingError('HELLO_TIMEOUT', 'no hello (call token) received in time', true));
  }

  // --- messages ---

  private async handle(text: string): Promise<void> {
    if (this.closed) return;
    let msg: ClientMessage;
    try {
      msg = parseClientMessage(text);
    } catch (err) {
      if (err instanceof SignalingError && this.call === undefined) throw new SignalingError(err.code, err.message, true);
      throw err;
    }
    if (!this.call) {
      if (msg.type === 'hello') return this.hello(msg.token);
      if (msg.type === 'resume') return this.resume(msg.callId, msg.resumeToken);
      throw new SignalingError('OUT_OF_ORDER', `"${msg.type}" before "hello": send {"type":"hello","token":…} first`, true);
    }
    const call = this.call;
    if (call.ended) return;
    switch (msg.type) {
      case 'hello':
      case 'resume':
        throw new SignalingError('OUT_OF_ORDER', `"${msg.type}" again: this connection already carries call ${call.callId}`);
      case 'offer':
        return this.offer(call, msg.sdp);
      case 'ice':
        if (!call.leg) throw new SignalingError('OUT_OF_ORDER', 'ICE candidate before the offer: send the offer first');
        try {
          await call.leg.addRemoteCandidate(msg.candidate);
        } catch (err) {
          throw new SignalingError('BAD_CANDIDATE', `ICE candidate refused: ${errorMessage(err)}`);
        }
        return;
      case 'dtmf':
        if (!call.leg?.connected) throw new SignalingError('OUT_OF_ORDER', 'DTMF before the call is connected');
        for (const d of msg.digits.toUpperCase()) call.leg.signalDtmf(d);
        return;
      case 'mute':
        call.muted = msg.muted;
        call.leg?.setMuted(msg.muted);
        call.log.info({ muted: msg.muted }, msg.muted ? 'caller muted' : 'caller unmuted');
        return;
      case 'hangup':
        call.end('caller-hangup', 'the caller hung up');
        return;
    }
  }

  private async hello(token: string): Promise<void> {
    const { ctx } = this;
    if (!ctx.accepting()) throw new SignalingError('DRAINING', 'this server is shutting down: try again', true);
    const check = verifySoftphoneToken(ctx.tokenKey, token);
    if (!check.ok) throw new SignalingError(check.code, TOKEN_MESSAGES[check.code], true);
    const claims = check.claims;
    if (!ctx.replay.use(claims.jti, claims.exp)) throw new SignalingError('TOKEN_REUSED', 'this call token was already used: ask for a new one', true);
    const info = await this.route(claims);
    const log = callLogger(ctx.log, info.callId, info.tenantId, { transport: 'webrtc', userId: claims.sub });
    const call = new SoftphoneCall(info, { bus: ctx.bus, log, reconnectGraceMs: ctx.reconnectGraceMs, onGone: (c) => this.gone(c), onResumed: () => ctx.metrics.resumed() });
    ctx.calls.set(info.callId, call);
    ctx.metrics.calls(ctx.calls.size);
    if (this.closed) {
      call.end('signaling-lost', 'the signalling connection closed during hello');
      return;
    }
    this.call = call;
    this.log = log;
    call.attach(this);
    log.info({ to: info.to, agentKind: info.agentKind, agentConfigId: info.agentConfigId }, 'softphone call accepted; waiting for the offer');
    this.send({ type: 'ready', callId: info.callId, resumeToken: call.resumeToken, iceServers: ctx.iceServers });
  }

  private gone(c: SoftphoneCall): void {
    this.ctx.calls.delete(c.callId);
    this.ctx.metrics.calls(this.ctx.calls.size);
  }

  /** Token claims → the call: an agent config directly, or a number through routing (with admission). */
  private async route(claims: SoftphoneClaims): Promise<SoftphoneCallInfo> {
    const callId = newWebRtcCallId();
    // A signed-in user, or a visitor through a public widget key (sub "widget:<keyId>").
    const from = claims.sub.startsWith('widget:') ? claims.sub : `user:${claims.sub}`;
    const t = claims.target;
    if (t.kind === 'agent') return { callId, tenantId: claims.tenantId, from, to: `agent:${t.agentConfigId}`, agentKind: t.agentKind, agentConfigId: t.agentConfigId };
    let route;
    try {
      route = await this.ctx.router.lookup(t.number, { admit: true });
    } catch (err) {
      if (err instanceof RouteRefusedError) {
        throw new SignalingError(err.reason === 'OVER_QUOTA' ? 'OVER_QUOTA' : 'TENANT_SUSPENDED', err.reason === 'OVER_QUOTA' ? 'all lines are busy: the tenant is at its concurrent-call limit' : 'this tenant is suspended', true);
      }
      this.log.error({ err: errorMessage(err) }, 'softphone call refused: routing is unavailable');
      throw new SignalingError('UNAVAILABLE', 'routing is unavailable right now: try again shortly', true);
    }
    if (!route) throw new SignalingError('NO_ROUTE', `no agent answers ${t.number}`, true);
    return {
      callId,
      tenantId: route.tenantId,
      from,
      to: t.number,
      agentKind: route.agentKind,
      agentConfigId: route.agentConfigId,
      agentConfigJson: Object.keys(route.agent).length > 0 ? JSON.stringify(route.agent) : undefined,
    };
  }

  private resume(callId: string, resumeToken: string): void {
    const call = this.ctx.calls.get(callId);
    if (!call || call.ended || !call.matchesResumeToken(resumeToken)) {
      throw new SignalingError('RESUME_FAILED', 'that call cannot be resumed (unknown, ended, or the grace period is over)', true);
    }
    this.call = call;
    this.log = call.log;
    call.attach(this);
    this.send({ type: 'ready', callId, resumeToken: call.resumeToken, iceServers: this.ctx.iceServers });
    if (call.leg?.connected) this.send({ type: 'state', state: 'reconnected' });
  }

  private async offer(call: SoftphoneCall, sdp: string): Promise<void> {
    if (call.offered) throw new SignalingError('SECOND_OFFER', 'this call already has an offer: renegotiation is not supported (hang up and call again)');
    checkOfferSdp(sdp);
    call.offered = true;
    let leg;
    try {
      leg = await this.ctx.media.open(sdp, { callId: call.callId, tenantId: call.info.tenantId });
    } catch (err) {
      call.offered = false; // a fixed offer may follow
      const code = offerErrorCode(err);
      if (code) throw new SignalingError(code, errorMessage(err));
      throw new SignalingError('INTERNAL', 'the offer could not be answered', false);
    }
    if (call.ended) {
      leg.close('signaling-lost');
      return;
    }
    call.leg = leg;
    if (call.muted) leg.setMuted(true);
    leg.onLocalCandidate = (c) => call.send({ type: 'ice', candidate: c });
    leg.start(call.info, {
      onConnected: () => call.send({ type: 'state', state: 'connected' }),
      onEnded: (reason, detail) => {
        if (reason === 'ice-timeout') {
          this.ctx.metrics.error('ICE_TIMEOUT');
          call.send({ type: 'error', code: 'ICE_TIMEOUT', message: `the media connection could not be set up: ${detail}`, fatal: true });
        }
        call.end('media', `${reason}: ${detail}`);
      },
    });
    this.send({ type: 'answer', sdp: leg.answerSdp });
  }

  private fail(err: unknown): void {
    const e = err instanceof SignalingError ? err : new SignalingError('INTERNAL', 'internal error', this.call === undefined);
    if (!(err instanceof SignalingError)) this.log.error({ err: err instanceof UapError ? err.message : err }, 'signalling message failed');
    else this.log.warn({ code: e.code, detail: e.message, fatal: e.fatal, callId: this.call?.callId }, 'softphone signalling error');
    this.ctx.metrics.error(e.code);
    this.send({ type: 'error', code: e.code, message: e.message, fatal: e.fatal });
    if (e.fatal) {
      this.call?.end('signaling-lost', `fatal signalling error ${e.code}`);
      this.close(e.code.startsWith('TOKEN') || e.code === 'RESUME_FAILED' ? 1008 : e.code === 'DRAINING' ? 1013 : 1007, e.code);
    }
  }
}

const TOKEN_MESSAGES: Record<'TOKEN_MISSING' | 'TOKEN_MALFORMED' | 'TOKEN_BAD_SIGNATURE' | 'TOKEN_EXPIRED', string> = {
  TOKEN_MISSING: 'no call token: ask the API for one (POST /api/v1/softphone/token)',
  TOKEN_MALFORMED: 'the call token is malformed',
  TOKEN_BAD_SIGNATURE: 'the call token was not issued by this platform',
  TOKEN_EXPIRED: 'the call token has expired: ask for a new one',
};
