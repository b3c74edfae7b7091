// Publishes a call's events: durably on events.<tenantId>.call.<kind> (JetStream, acked, retried until
// stored) for history, and live on call.<callId>.event for the agent handling the call.
import { uap, subjects } from '../proto/index.ts';
import type { Bus } from './bus/types.ts';
import type { Logger } from './logger.ts';

export type CallEventBody =
  | { started: uap.ICallStarted }
  | { dtmf: uap.IDtmf }
  | { mark: uap.IMarkPlayed }
  | { transcript: uap.ITranscript }
  | { ended: uap.ICallEnded }
  | { providerStatus: uap.IProviderStatus }
  | { transfer: uap.ITransferOutcome }
  | { usage: uap.IUsage }
  | { summary: uap.ICallSummary }
  | { recording: uap.IRecording }
  | { handoff: uap.IAgentHandoff };

export function eventKind(body: CallEventBody): string {
  if ('started' in body) return 'started';
  if ('dtmf' in body) return 'dtmf';
  if ('mark' in body) return 'mark';
  if ('transcript' in body) return 'transcript';
  if ('ended' in body) return 'ended';
  if ('transfer' in body) return 'transfer';
  if ('usage' in body) return 'usage';
  if ('summary' in body) return 'summary';
  if ('recording' in body) return 'recording';
  if ('handoff' in body) return 'handoff';
  return 'status';
}

export class CallEventPublisher {
  private seq = 0;
  constructor(
    private readonly bus: Bus,
    private readonly callId: string,
    private readonly tenantId: string,
    private readonly log: Pick<Logger, 'error'> | { error(obj: object, msg: string): void },
    /** Prefix that keeps event ids unique when several components publish for one call. */
    private readonly source = 'media',
  ) {}

  /** Publishes one event; the returned promise settles when the stream has stored it. Never rejects. */
  emit(body: CallEventBody, live = true, eventIdOverride?: string): Promise<void> {
    const seq = ++this.seq;
    // Deterministic ids: a retried publish is de-duplicated by the stream, and consumers by event id.
    const eventId = eventIdOverride ?? `${this.callId}.${this.source}.${seq}`;
    const kind = eventKind(body);
    const bytes = uap.CallEvent.encode({ eventId, callId: this.callId, tenantId: this.tenantId, ts: Date.now(), seq, ...body }).finish();
    if (live) this.bus.publish(subjects.callEvent(this.callId), bytes);
    return this.bus.publishDurable(subjects.event(this.tenantId, kind), bytes, eventId).catch((err: unknown) => {
      this.log.error({ err, eventId, kind }, 'call event not stored (bus closed before the stream acknowledged it)');
    });
  }
}
