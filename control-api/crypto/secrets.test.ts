import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadSecretsKey, openSecrets, parseSecretsKey, sealSecrets, SecretsError } from './secrets.ts';

const key = randomBytes(32);
const secrets = { OPENAI_API_KEY: 'sk-abc', 'ÜNICODE': 'wert ✓' };

test('seal/open round-trips; the layout is version + 12-byte IV + ciphertext + 16-byte tag', () => {
  const sealed = sealSecrets(secrets, key);
  assert.equal(sealed[0], 1);
  assert.equal(sealed.length, 1 + 12 + Buffer.byteLength(JSON.stringify(secrets)) + 16);
  assert.ok(!sealed.includes(Buffer.from('sk-abc')));
  assert.deepEqual(openSecrets(sealed, key), secrets);
  assert.notDeepEqual(sealSecrets(secrets, key), sealed, 'a fresh IV every time');
  assert.deepEqual(openSecrets(new Uint8Array(sealed), key), secrets, 'bytea may come back as a plain Uint8Array');
});

test('any flipped bit, truncation, another key or other AAD fails to open', () => {
  const sealed = sealSecrets(secrets, key, 'row-1');
  assert.deepEqual(openSecrets(sealed, key, 'row-1'), secrets);
  for (const i of [0, 1, 12, 13, sealed.length - 17, sealed.length - 1]) {
    const bad = Buffer.from(sealed);
    bad[i] ^= 0x01;
    assert.throws(() => openSecrets(bad, key, 'row-1'), SecretsError, `byte ${i}`);
  }
  assert.throws(() => openSecrets(sealed.subarray(0, 20), key, 'row-1'), SecretsError);
  assert.throws(() => openSecrets(sealed.subarray(0, sealed.length - 1), key, 'row-1'), SecretsError);
  assert.throws(() => openSecrets(sealed, randomBytes(32), 'row-1'), SecretsError);
  assert.throws(() => openSecrets(sealed, key, 'row-2'), SecretsError);
  assert.throws(() => openSecrets(sealed, key), SecretsError);
  assert.throws(() => sealSecrets(secrets, randomBytes(16)), SecretsError, 'AES-256 only');
});

test('keys: 64 hex digits or base64/base64url of 32 bytes; errors never echo the value', () => {
  const k = randomBytes(32);
  assert.deepEqual(parseSecretsKey(k.toString('hex')), k);
  assert.deepEqual(parseSecretsKey(k.toString('base64')), k);
  assert.deepEqual(parseSecretsKey(`${k.toString('base64url')}\n`), k);
  for (const bad of ['', 'short', randomBytes(16).toString('hex'), randomBytes(31).toString('base64'), 'zz'.repeat(32), 'not base64 at all!!']) {
    assert.throws(() => parseSecretsKey(bad), (e: Error) => e instanceof SecretsError && e.code === 'SECRETS_KEY_INVALID' && (bad.length < 3 || !e.message.includes(bad)));
  }
});

test('loadSecretsKey: env first; otherwise generated once in the data dir (0600) with a warning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uap-secrets-'));
  try {
    const warnings: unknown[] = [];
    const log = { warn: (o: object) => void warnings.push(o) };
    const dataDir = join(dir, 'data');
    const first = loadSecretsKey({ value: undefined, dataDir, log });
    assert.equal(first.length, 32);
    assert.equal(warnings.length, 1);
    const file = join(dataDir, 'secrets-key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(parseSecretsKey(readFileSync(file, 'utf8')), first);
    assert.deepEqual(loadSecretsKey({ value: '', dataDir, log }), first, 'kept across restarts');
    assert.equal(warnings.length, 1, 'warned once, when generated');
    const env = randomBytes(32);
    assert.deepEqual(loadSecretsKey({ value: env.toString('hex'), dataDir, log }), env, 'UAP_SECRETS_KEY wins');
    assert.throws(() => loadSecretsKey({ value: 'too-short', dataDir, log }), /UAP_SECRETS_KEY must be 32 bytes/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
