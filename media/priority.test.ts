// MEDIA_NICE: the media thread's priority is set when permitted, and a refusal is a warning, not a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { applyMediaNice } from './priority.ts';
import { loadConfig } from '../lib/config.ts';

function recorder() {
  const lines: Array<{ level: string; o: object; m: string }> = [];
  return { lines, info: (o: object, m: string) => lines.push({ level: 'info', o, m }), warn: (o: object, m: string) => lines.push({ level: 'warn', o, m }) };
}

test('sets the calling thread\'s nice value (a lower priority is always permitted) and logs it', () => {
  const before = getPriority(0);
  const target = Math.min(19, before + 1);
  const log = recorder();
  assert.equal(applyMediaNice(target, log), true);
  assert.equal(getPriority(0), target);
  assert.equal(log.lines[0].level, 'info');
  assert.deepEqual(log.lines[0].o, { nice: target, was: before });
});

test('not permitted: a warning that says what is missing, and the start goes on', () => {
  const log = recorder();
  const denied = Object.assign(new Error('A system error occurred: uv_os_setpriority returned EACCES (permission denied)'), { code: 'ERR_SYSTEM_ERROR', info: { code: 'EACCES' } });
  const ok = applyMediaNice(-10, log, () => {
    throw denied;
  }, () => 0);
  assert.equal(ok, false);
  assert.equal(log.lines[0].level, 'warn');
  assert.match(log.lines[0].m, /CAP_SYS_NICE/);
  assert.deepEqual(log.lines[0].o, { nice: -10, current: 0, code: 'EACCES' });
});

test('MEDIA_NICE is a checked whole number from -20 to 19, unset by default', () => {
  assert.equal(loadConfig({}).mediaNice, undefined);
  assert.equal(loadConfig({ MEDIA_NICE: '-10' }).mediaNice, -10);
  assert.equal(loadConfig({ MEDIA_NICE: '5' }).mediaNice, 5);
  assert.throws(() => loadConfig({ MEDIA_NICE: '-21' }), /MEDIA_NICE: expected a number from -20 to 19/);
  assert.throws(() => loadConfig({ MEDIA_NICE: 'high' }), /MEDIA_NICE: expected a whole number/);
  assert.throws(() => loadConfig({ RTP_TIMEOUT_S: '-5' }), /RTP_TIMEOUT_S: expected a whole number/, 'unsigned settings still refuse a sign');
});
