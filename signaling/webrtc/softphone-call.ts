// One softphone call as signalling sees it: the routed target, the media leg once an offer was answered,
// and the signalling socket currently attached. The call outlives a dropped socket for the reconnect
// grace period (the browser resumes with the call id and resume token); it forwards the call's live
// events (DTMF heard, transcripts) to whichever socket is attached.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Bus, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { uap, subjects } from '../../proto/index.ts';
import type { ServerMessage } from './messages.ts';
import type { SoftphoneCallInfo, WebRtcLegPort } from './media-port.ts';

export interface CallSocket {
  send(msg: ServerMessage): void;
  close(code: number, reason: string): void;
}

export type CallEnd = 'caller-hangup' | 'signaling-lost' | 'shutdown' | 'media';

export class SoftphoneCall {
  readonly resumeToken = randomBytes(18).toString('base64url');
  leg: WebRtcLegPort | undefined;
  /** An offer is being answered or was answered: a second one is refused. */
  offered = false;
  muted = false;
  ended = false;
  private socket: CallSocket | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly sub: Subscription;

  constructor(
    readonly info: SoftphoneCallInfo,
    private readonly o: { bus: Bus; log: Logger; reconnectGraceMs: number; onGone(c: SoftphoneCall): void; onResumed?(): void },
  ) {
    // Live events of the call (published by the media session and the agent) for the page.
    this.sub = o.bus.subscribe(subjects.callEvent(info.callId), (m) => this.onEvent(m.data));
  }

  get callId(): string {
    return this.info.callId;
  }

  get log(): Logger {
    return this.o.log;
  }

  get attached(): boolean {
    return this.socket !== undefined;
  }

  send(msg: ServerMessage): void {
    this.socket?.send(msg);
  }

  matchesResumeToken(token: string): boolean {
    const a = Buffer.from(token);
    const b = Buffer.from(this.resumeToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  attach(socket: CallSocket): void {
    const resumed = this.graceTimer !== undefined;
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    if (this.socket && this.socket !== socket) this.socket.close(4001, 'replaced by a newer connection');
    this.socket = socket;
    if (resumed) {
      this.o.log.info('softphone signalling reconnected within the grace period');
      this.o.onResumed?.();
    }
  }

  /** The socket went away without a hang-up: keep the call for the grace period. */
  detach(socket: CallSocket): void {
    if (this.socket !== socket || this.ended) return;
    this.socket = undefined;
    if (this.o.reconnectGraceMs <= 0 || !this.leg) {
      this.end('signaling-lost', 'the signalling connection closed');
      return;
    }
    this.o.log.info({ graceMs: this.o.reconnectGraceMs }, 'softphone signalling lost; keeping the call for a reconnect');
    this.graceTimer = setTimeout(() => this.end('signaling-lost', `no reconnect within ${this.o.reconnectGraceMs} ms`), this.o.reconnectGraceMs);
    this.graceTimer.unref();
  }

  /** Ends the call once: the media leg (unless the media side ended it), the page, the bookkeeping. */
  end(by: CallEnd, detail: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.graceTimer);
    this.sub.unsubscribe();
    if (by !== 'media') this.leg?.close(by);
    this.o.log.info({ by, detail }, 'softphone call ended');
    const socket = this.socket;
    this.socket = undefined;
    socket?.send({ type: 'ended', reason: by === 'media' ? detail.split(':')[0] : by, detail });
    socket?.close(1000, 'call ended');
    this.o.onGone(this);
  }

  private onEvent(data: Uint8Array): void {
    if (this.ended || !this.socket) return;
    let ev: uap.CallEvent;
    try {
      ev = uap.CallEvent.decode(data);
    } catch {
      return; // not ours to police
    }
    if (ev.dtmf) this.send({ type: 'dtmf', digit: ev.dtmf.digit ?? '' });
    else if (ev.transcript && ev.transcript.text) this.send({ type: 'transcript', role: ev.transcript.role ?? '', text: ev.transcript.text, final: ev.transcript.final === true });
  }
}
