// Provider secrets at rest (agent configs' API keys): AES-256-GCM with a key the database never sees.
//
// Sealed format (stored in agent_configs.secrets_encrypted, bytea):
//   [0]       version byte (1)
//   [1..13)   12-byte random IV (a fresh one per seal)
//   [13..-16) ciphertext of the JSON object {name: value}
//   [-16..]   16-byte GCM authentication tag
// Optional additional authenticated data binds a blob to its row (agentSecretsAad): a blob copied to
// another row or tenant does not open there.
//
// The key: UAP_SECRETS_KEY (32 bytes, as 64 hex digits or base64/base64url). Unset (embedded installs): a
// random key is generated once and kept in <dataDir>/secrets-key (mode 0600) — lose that file and the
// stored secrets are gone, so set UAP_SECRETS_KEY in production (and the same one on every API process).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UapError } from '../../lib/errors.ts';

export const SECRETS_VERSION = 1;
export const SECRETS_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRETS_KEY_ENV = 'UAP_SECRETS_KEY';
export const SECRETS_KEY_FILE = 'secrets-key';

export type Secrets = Record<string, string>;

export class SecretsError extends UapError {
  constructor(code: 'SECRETS_KEY_INVALID' | 'SECRETS_UNREADABLE', message: string, cause?: unknown) {
    super(code, message, { cause });
  }
}

/** The AAD of an agent config's secrets: the blob only opens for that row of that tenant. */
export function agentSecretsAad(tenantId: string, agentConfigId: string): string {
  return `uap:agent_config:${tenantId}:${agentConfigId}`;
}

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== SECRETS_KEY_BYTES) throw new SecretsError('SECRETS_KEY_INVALID', `the secrets key must be ${SECRETS_KEY_BYTES} bytes`);
}

/** Encrypts `obj` (JSON) under `key`: version byte + IV + ciphertext + tag. */
export function sealSecrets(obj: Secrets, key: Buffer, aad?: string | Buffer): Buffer {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(JSON.stringify(obj), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([SECRETS_VERSION]), iv, body, cipher.getAuthTag()]);
}

/** Decrypts and authenticates a sealed blob; anything tampered with, truncated or under another key/AAD throws. */
export function openSecrets(buf: Uint8Array, key: Buffer, aad?: string | Buffer): Secrets {
  checkKey(key);
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 1 + IV_BYTES + TAG_BYTES) throw new SecretsError('SECRETS_UNREADABLE', 'sealed secrets are truncated');
  if (b[0] !== SECRETS_VERSION) throw new SecretsError('SECRETS_UNREADABLE', `unknown sealed-secrets version ${b[0]}`);
  const iv = b.subarray(1, 1 + IV_BYTES);
  const tag = b.subarray(b.length - TAG_BYTES);
  const body = b.subarray(1 + IV_BYTES, b.length - TAG_BYTES);
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (aad !== undefined) decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(tag);
    text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch (err) {
    throw new SecretsError('SECRETS_UNREADABLE', 'sealed secrets do not authenticate (tampered, or another key)', err);
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new SecretsError('SECRETS_UNREADABLE', 'sealed secrets are not JSON', err);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) {
    throw new SecretsError('SECRETS_UNREADABLE', 'sealed secrets are not an object of strings');
  }
  return v as Secrets;
}

/** 64 hex digits, or base64 / base64url of 32 bytes. Never echoes the value in errors. */
export function parseSecretsKey(text: string, source = SECRETS_KEY_ENV): Buffer {
  const s = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(s)) key = Buffer.from(s, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) key = Buffer.from(s, 'base64');
  if (!key || key.length !== SECRETS_KEY_BYTES) {
    throw new SecretsError('SECRETS_KEY_INVALID', `${source} must be ${SECRETS_KEY_BYTES} bytes as 64 hex digits or base64`);
  }
  return key;
}

export interface SecretsKeyLogger {
  warn(obj: object, msg?: string): void;
}

/**
 * UAP_SECRETS_KEY when set; otherwise a key generated once and kept in `<dataDir>/secrets-key` (0600),
 * with a warning — as http-api.ts does for JWT_SECRET.
 */
export function loadSecretsKey(opts: { value: string | undefined; dataDir: string; log: SecretsKeyLogger }): Buffer {
  if (opts.value !== undefined && opts.value !== '') return parseSecretsKey(opts.value);
  const file = join(opts.dataDir, SECRETS_KEY_FILE);
  if (existsSync(file)) return parseSecretsKey(readFileSync(file, 'utf8'), file);
  mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(SECRETS_KEY_BYTES);
  try {
    writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process of this install created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return parseSecretsKey(readFileSync(file, 'utf8'), file);
    throw err;
  }
  opts.log.warn({ file }, `${SECRETS_KEY_ENV} is not set: generated one in the data dir (back it up; set ${SECRETS_KEY_ENV} when several API processes share the database)`);
  return key;
}
