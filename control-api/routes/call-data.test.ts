// Recording references, file resolution inside RECORDINGS_DIR, Range parsing; and the new settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecording, parseRange, recordingName } from './call-data-routes.ts';
import { loadConfig } from '../../lib/config.ts';

test('recordingName: file:<name> or a bare relative name; nothing that could leave the directory', () => {
  assert.equal(recordingName('file:CA1.wav'), 'CA1.wav');
  assert.equal(recordingName('acme/2024/CA1.MP3'), 'acme/2024/CA1.MP3');
  assert.equal(recordingName('file:a_b-c.d.wav'), 'a_b-c.d.wav');
  for (const bad of [null, '', 'file:', '../x.wav', 'file:../x.wav', 'a/../x.wav', 'a/./x.wav', '/etc/x.wav', 'file:/etc/x.wav', 'file:///etc/x.wav', 'file://host/x.wav',
    '.x.wav', 'a/.x.wav', 'a//x.wav', 'a\\x.wav', 'x.wav\0', 'x%2e.wav', 'x.txt', 'x', 'https://api.twilio.com/x.wav', 'C:/x.wav', `file:${'a'.repeat(300)}.wav`]) {
    assert.equal(recordingName(bad), null, String(bad));
  }
});

test('openRecording: regular files inside the directory only, symlinks resolved', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'uap-rec-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'recordings');
  mkdirSync(join(dir, 'acme'), { recursive: true });
  writeFileSync(join(dir, 'acme', 'a.wav'), 'RIFF....');
  writeFileSync(join(root, 'outside.wav'), 'secret');
  symlinkSync(join(root, 'outside.wav'), join(dir, 'out.wav'));
  symlinkSync(join(dir, 'acme', 'a.wav'), join(dir, 'in.wav'));
  mkdirSync(join(dir, 'd.wav'));
  const ok = await openRecording(dir, 'file:acme/a.wav');
  assert.ok(ok);
  assert.deepEqual([ok.size, ok.contentType, ok.fileName], [8, 'audio/wav', 'a.wav']);
  await ok.fh.close();
  const viaLink = await openRecording(dir, 'in.wav');
  assert.ok(viaLink, 'a symlink that stays inside is fine');
  await viaLink.fh.close();
  assert.equal(await openRecording(dir, 'out.wav'), null, 'a symlink out of the directory');
  assert.equal(await openRecording(dir, 'd.wav'), null, 'a directory');
  assert.equal(await openRecording(dir, 'missing.wav'), null);
  assert.equal(await openRecording(join(root, 'nope'), 'a.wav'), null, 'no recordings directory');
});

test('parseRange (RFC 9110 §14)', () => {
  const r = (h: string | undefined, size = 1000) => parseRange(h, size);
  assert.deepEqual(r(undefined), { kind: 'none' });
  assert.deepEqual(r('bytes=0-99'), { kind: 'range', start: 0, end: 99 });
  assert.deepEqual(r('bytes=0-0'), { kind: 'range', start: 0, end: 0 });
  assert.deepEqual(r('bytes=999-'), { kind: 'range', start: 999, end: 999 });
  assert.deepEqual(r('bytes=990-5000'), { kind: 'range', start: 990, end: 999 });
  assert.deepEqual(r('bytes=-100'), { kind: 'range', start: 900, end: 999 });
  assert.deepEqual(r('bytes=-5000'), { kind: 'range', start: 0, end: 999 });
  assert.deepEqual(r('Bytes = 1-2'), { kind: 'range', start: 1, end: 2 });
  assert.deepEqual(r('bytes=0-99999999999999999999'), { kind: 'range', start: 0, end: 999 });
  for (const h of ['bytes=1000-', 'bytes=1000-1001', 'bytes=-0', 'bytes=5-4', 'bytes=99999999999999999999-']) assert.deepEqual(r(h), { kind: 'unsatisfiable' }, h);
  assert.deepEqual(r('bytes=0-', 0), { kind: 'unsatisfiable' }, 'nothing to select in an empty file');
  assert.deepEqual(r('bytes=-1', 0), { kind: 'unsatisfiable' });
  for (const h of ['items=0-1', 'bytes=', 'bytes=-', 'bytes=a-b', 'bytes=0-1,3-4', 'bytes 0-1', 'bytes=1.5-2']) assert.deepEqual(r(h), { kind: 'none' }, h);
});

test('settings: TWILIO_ACCOUNT_SID, TWILIO_API_BASE_URL, RECORDINGS_DIR', () => {
  const c = loadConfig({ DATA_DIR: '/srv/uap' });
  assert.equal(c.twilioAccountSid, undefined);
  assert.equal(c.twilioApiBaseUrl, undefined);
  assert.equal(c.recordingsDir, '/srv/uap/recordings');
  assert.equal(loadConfig({}).recordingsDir, join('./data', 'recordings'));
  const sid = `AC${'ab'.repeat(16)}`;
  const d = loadConfig({ TWILIO_ACCOUNT_SID: ` ${sid} `, TWILIO_API_BASE_URL: 'http://127.0.0.1:4010', RECORDINGS_DIR: '/mnt/rec' });
  assert.equal(d.twilioAccountSid, sid);
  assert.equal(d.twilioApiBaseUrl?.toString(), 'http://127.0.0.1:4010/');
  assert.equal(d.recordingsDir, '/mnt/rec');
  assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: 'SK0123' }), /TWILIO_ACCOUNT_SID/);
  assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: `AC${'z'.repeat(32)}` }), /TWILIO_ACCOUNT_SID/);
  assert.throws(() => loadConfig({ TWILIO_API_BASE_URL: 'ftp://x' }), /TWILIO_API_BASE_URL/);
  assert.throws(() => loadConfig({ TWILIO_API_BASE_URL: 'http://x/?a=1' }), /TWILIO_API_BASE_URL/);
});
