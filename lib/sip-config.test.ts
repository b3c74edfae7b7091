// SIP_CODECS: the default preference order (G.722 first), a configured order, and one ConfigError
// naming the variable for an unknown, repeated or empty codec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSipConfig } from './sip-config.ts';
import { ConfigError } from './errors.ts';

test('SIP_CODECS: G722, PCMU, PCMA by default; any order or subset, case and spaces forgiven', () => {
  assert.deepEqual(loadSipConfig({}).codecs, ['G722', 'PCMU', 'PCMA']);
  assert.deepEqual(loadSipConfig({ SIP_CODECS: 'pcma, PCMU' }).codecs, ['PCMA', 'PCMU']);
  assert.deepEqual(loadSipConfig({ SIP_CODECS: 'PCMU,G722' }).codecs, ['PCMU', 'G722']);
});

test('SIP_CODECS: unknown, repeated or empty entries stop the start, naming the variable', () => {
  for (const bad of ['G729', 'PCMU,PCMU', 'PCMU,,PCMA', ',', 'opus']) {
    assert.throws(() => loadSipConfig({ SIP_CODECS: bad }), (e: unknown) => e instanceof ConfigError && e.variable === 'SIP_CODECS', bad);
  }
});
