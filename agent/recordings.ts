// A call's finished recordings (voicemail) → the recording store (NATS Object Store, or RECORDINGS_DIR
// in-process), then a durable `recording` call event naming it, in that order: the control API acts on
// the event only once the bytes are stored. A store that cannot be reached is retried a few times (the
// WAV stays in memory meanwhile), each attempt bounded, so a message is not lost to a NATS blip.
import type { Logger } from '../lib/logger.ts';
import type { CallEventPublisher } from '../lib/call-events.ts';
import { recordingFileName, type RecordingStore } from '../lib/recordings.ts';
import { wavFile } from '../lib/wav.ts';
import { errorMessage, UapError } from '../lib/errors.ts';
import type { RecordingInput, SavedRecording } from './kinds/types.ts';

const ATTEMPTS = 4;
const ATTEMPT_TIMEOUT_MS = 15_000;
const BACKOFF_MS = 1000;

export class CallRecordings {
  private n = 0;

  constructor(
    private readonly store: RecordingStore,
    private readonly events: CallEventPublisher,
    private readonly callId: string,
    private readonly tenantId: string,
    private readonly log: Logger,
    private readonly backoffMs = BACKOFF_MS,
  ) {}

  async save(r: RecordingInput): Promise<SavedRecording> {
    const wav = wavFile(r.chunks, r.sampleRate);
    const samples = (wav.length - 44) / 2;
    const durationMs = Math.round((samples * 1000) / r.sampleRate);
    const name = recordingFileName(this.tenantId, this.callId, r.kind, ++this.n);
    let bucket: string | undefined;
    for (let attempt = 1; bucket === undefined; attempt++) {
      try {
        bucket = (await withTimeout(this.store.put(name, wav), ATTEMPT_TIMEOUT_MS)).bucket;
      } catch (err) {
        if (attempt >= ATTEMPTS) throw err;
        this.log.warn({ err: errorMessage(err), attempt, name }, 'recording not stored yet; retrying');
        await new Promise((res) => setTimeout(res, this.backoffMs * attempt));
      }
    }
    // Durable: the stream keeps it until the control API has copied the file and noted it on the call.
    await this.events.emit({ recording: { name, kind: r.kind, durationMs, bytes: wav.length, bucket, sampleRate: r.sampleRate } }, false);
    this.log.info({ name, kind: r.kind, durationMs, bytes: wav.length, store: this.store.kind }, 'recording saved');
    return { name, durationMs, bytes: wav.length };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UapError('RECORDING_STORE_TIMEOUT', `recording store did not answer within ${ms} ms`, { retryable: true })), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
