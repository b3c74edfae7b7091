// Where finished call recordings (the offline agent's voicemail) go, so the control API can serve them
// even when the agent that made one runs on another host. Two stores behind one interface:
//  - NATS: the agent puts the WAV into a JetStream Object Store bucket (durable, replicated like the
//    event stream) and publishes a `recording` call event naming it; the control API's event writer
//    copies it into RECORDINGS_DIR (`materialize`) before pointing the call's recording_url at it.
//  - in-process bus: every role is in one process, so the agent writes straight into RECORDINGS_DIR and
//    the event carries no bucket; materialize only checks the file is there.
// Names are paths relative to RECORDINGS_DIR (`<tenant>/<callId>-voicemail-1.wav`), checked on both
// sides with the rule GET /voice/calls/{id}/recording serves by, so a name can never leave the directory.
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, resolve, sep } from 'node:path';
import { StorageType, nanos, type NatsConnection, type ObjectStore } from 'nats';
import type { Bus } from './bus/types.ts';
import { NatsBus } from './bus/nats.ts';
import { UapError } from './errors.ts';

export const RECORDINGS_BUCKET = 'RECORDINGS';
/** Objects expire from the bucket after this long: by then the control API has long copied them. */
const OBJECT_TTL_MS = 7 * 24 * 3600 * 1000;

const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9._-]*';
const NAME = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*\\.wav$`);
const BUCKET = /^[A-Za-z0-9_-]{1,64}$/;

/** A relative recording path that stays inside RECORDINGS_DIR (same rule the API serves by). */
export function isRecordingName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && NAME.test(name);
}

/** `<tenant>/<callId>-<kind>-<n>.wav`, each part reduced to safe characters. */
export function recordingFileName(tenantId: string, callId: string, kind: string, n: number): string {
  const seg = (s: string) => (s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80) || '_').replace(/^-/, '_');
  return `${seg(tenantId)}/${seg(callId)}-${seg(kind)}-${n}.wav`;
}

export interface RecordingStore {
  readonly kind: 'file' | 'object-store';
  /** Stores a finished recording durably; `bucket` is where it is ('' = already a file in RECORDINGS_DIR). */
  put(name: string, data: Uint8Array): Promise<{ bucket: string }>;
  /**
   * Makes `name` a file in RECORDINGS_DIR, copying it out of `bucket` unless a file of `bytes` bytes is
   * already there. Resolves false when the recording no longer exists anywhere; rejects when the store
   * cannot be reached (try again later).
   */
  materialize(name: string, bucket: string, bytes: number): Promise<boolean>;
}

function checkName(name: string): void {
  if (!isRecordingName(name)) throw new UapError('BAD_RECORDING_NAME', `not a recording name: ${JSON.stringify(name.slice(0, 80))}`);
}

/** Writes via a temporary name and a rename, so a half-written file is never served. */
async function writeAtomically(dir: string, name: string, data: Uint8Array): Promise<void> {
  const root = resolve(dir);
  const path = resolve(root, name);
  if (!path.startsWith(root + sep)) throw new UapError('BAD_RECORDING_NAME', 'recording path leaves RECORDINGS_DIR');
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

async function fileSize(dir: string, name: string): Promise<number | undefined> {
  try {
    const st = await stat(resolve(dir, name));
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/** In-process bus: one process, one RECORDINGS_DIR. */
export class FileRecordingStore implements RecordingStore {
  readonly kind = 'file' as const;
  constructor(private readonly dir: string) {}

  async put(name: string, data: Uint8Array): Promise<{ bucket: string }> {
    checkName(name);
    await writeAtomically(this.dir, name, data);
    return { bucket: '' };
  }

  async materialize(name: string, bucket: string, _bytes?: number): Promise<boolean> {
    checkName(name);
    if (bucket) throw new UapError('RECORDING_STORE_UNAVAILABLE', `recording ${name} is in bucket ${bucket}, but this process has no NATS connection`);
    return (await fileSize(this.dir, name)) !== undefined;
  }
}

/** NATS: JetStream Object Store, copied into RECORDINGS_DIR by whoever serves recordings. */
export class ObjectStoreRecordings implements RecordingStore {
  readonly kind = 'object-store' as const;
  private readonly stores = new Map<string, Promise<ObjectStore>>();

  constructor(private readonly nc: NatsConnection, private readonly dir: string, private readonly bucket = RECORDINGS_BUCKET) {}

  private store(bucket: string): Promise<ObjectStore> {
    let s = this.stores.get(bucket);
    if (!s) {
      // Creates the bucket on first use (idempotent); a failure is forgotten so the next call retries.
      s = this.nc.jetstream().views.os(bucket, { storage: StorageType.File, ttl: nanos(OBJECT_TTL_MS), description: 'Call recordings (voicemail) until the control API copies them' });
      s.catch(() => this.stores.delete(bucket));
      this.stores.set(bucket, s);
    }
    return s;
  }

  async put(name: string, data: Uint8Array): Promise<{ bucket: string }> {
    checkName(name);
    const os = await this.store(this.bucket);
    await os.putBlob({ name }, data);
    return { bucket: this.bucket };
  }

  async materialize(name: string, bucket: string, bytes: number): Promise<boolean> {
    checkName(name);
    const have = await fileSize(this.dir, name);
    if (!bucket) return have !== undefined;
    if (!BUCKET.test(bucket)) throw new UapError('BAD_RECORDING_NAME', `not a bucket name: ${JSON.stringify(bucket.slice(0, 80))}`);
    if (have !== undefined && (bytes === 0 || have === bytes)) return true; // a redelivered event
    const data = await (await this.store(bucket)).getBlob(name);
    if (!data) return false;
    await writeAtomically(this.dir, name, data);
    return true;
  }
}

/** The store for this process's bus: the object store with NATS, files in `dir` in-process. */
export function recordingStore(bus: Bus, dir: string): RecordingStore {
  if (bus instanceof NatsBus) return new ObjectStoreRecordings(bus.nc, dir);
  if (bus.kind === 'nats') throw new UapError('RECORDING_STORE_UNAVAILABLE', 'a NATS bus without its connection: cannot store recordings');
  return new FileRecordingStore(dir);
}
