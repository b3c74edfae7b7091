// Recording stores: files in RECORDINGS_DIR (in-process bus), and a JetStream Object Store on a real
// nats-server, written by one "host" and copied into another's RECORDINGS_DIR.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { FileRecordingStore, ObjectStoreRecordings, isRecordingName, recordingFileName } from './recordings.ts';
import { startNatsServer } from './bus/testing/nats-server.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'uap-rec-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('names: built from tenant, call and kind with safe characters only; nothing outside the directory passes', () => {
  assert.equal(recordingFileName('acme', 'CA0123', 'voicemail', 1), 'acme/CA0123-voicemail-1.wav');
  assert.equal(recordingFileName('../x', 'web_1:2/3', 'voicemail', 2), '___x/web_1_2_3-voicemail-2.wav');
  assert.equal(recordingFileName('-a', 'b', 'voicemail', 1), '_a/b-voicemail-1.wav');
  for (const bad of ['../a.wav', '/etc/a.wav', 'a/../b.wav', '.hidden/a.wav', 'a.mp4', 'a/.wav', '']) assert.equal(isRecordingName(bad), false, bad);
  assert.equal(isRecordingName(recordingFileName('../x', 'web_1:2/3', 'voicemail', 2)), true);
});

test('file store: written whole into RECORDINGS_DIR (no temporary file left); materialize only checks it is there', async () => {
  const dir = tmp();
  const store = new FileRecordingStore(dir);
  const wav = new Uint8Array([1, 2, 3, 4]);
  assert.deepEqual(await store.put('acme/c1-voicemail-1.wav', wav), { bucket: '' });
  assert.deepEqual(readdirSync(join(dir, 'acme')), ['c1-voicemail-1.wav']);
  assert.deepEqual([...readFileSync(join(dir, 'acme/c1-voicemail-1.wav'))], [1, 2, 3, 4]);
  assert.equal(await store.materialize('acme/c1-voicemail-1.wav', '', 4), true);
  assert.equal(await store.materialize('acme/c2-voicemail-1.wav', '', 4), false);
  await assert.rejects(store.put('../escape.wav', wav), /not a recording name/);
  await assert.rejects(store.materialize('acme/c1-voicemail-1.wav', 'RECORDINGS', 4), (e: Error & { retryable?: boolean }) => e.retryable === false);
});

test('object store: the agent host puts, the API host copies it into its own RECORDINGS_DIR; redelivery and missing objects', async (t) => {
  const nats = await startNatsServer();
  t.after(() => nats.stop());
  const agentNc = await connect({ servers: nats.url });
  const apiNc = await connect({ servers: nats.url });
  t.after(() => Promise.all([agentNc.close(), apiNc.close()]));
  const agentHost = new ObjectStoreRecordings(agentNc, tmp());
  const apiDir = tmp();
  const apiHost = new ObjectStoreRecordings(apiNc, apiDir);

  const wav = new Uint8Array(300_000).map((_, i) => i & 0xff); // several object-store chunks
  const { bucket } = await agentHost.put('acme/CA1-voicemail-1.wav', wav);
  assert.equal(bucket, 'RECORDINGS');
  assert.equal(await apiHost.materialize('acme/CA1-voicemail-1.wav', bucket, wav.length), true);
  assert.deepEqual(new Uint8Array(readFileSync(join(apiDir, 'acme/CA1-voicemail-1.wav'))), wav);
  // A redelivered event finds the file already there (same size) and does not fetch again.
  writeFileSync(join(apiDir, 'acme/CA1-voicemail-1.wav'), Buffer.alloc(wav.length, 7));
  assert.equal(await apiHost.materialize('acme/CA1-voicemail-1.wav', bucket, wav.length), true);
  assert.equal(readFileSync(join(apiDir, 'acme/CA1-voicemail-1.wav'))[0], 7);
  // A truncated local copy is replaced.
  mkdirSync(join(apiDir, 'acme'), { recursive: true });
  writeFileSync(join(apiDir, 'acme/CA1-voicemail-1.wav'), Buffer.alloc(10));
  assert.equal(await apiHost.materialize('acme/CA1-voicemail-1.wav', bucket, wav.length), true);
  assert.equal(readFileSync(join(apiDir, 'acme/CA1-voicemail-1.wav')).length, wav.length);
  // Gone from the bucket (expired): false, not an error.
  assert.equal(await apiHost.materialize('acme/CA2-voicemail-1.wav', bucket, 10), false);
  await assert.rejects(apiHost.materialize('acme/CA1-voicemail-1.wav', 'bad bucket!', 10), /not a bucket name/);
});
