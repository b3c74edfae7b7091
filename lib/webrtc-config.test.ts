// WebRTC settings: defaults (no ICE servers: host candidates only), ICE server lists, the signalling URL
// derived from PUBLIC_URL, and one ConfigError naming the variable for each bad value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';
import { ConfigError } from './errors.ts';

test('defaults: no ICE servers, any port, 15 s ICE timeout, 20 s grace, signalling on PUBLIC_URL, jitter 40–100 ms', () => {
  const w = loadConfig({}).webrtc;
  assert.deepEqual(w.iceServers, []);
  assert.equal(w.portRange, undefined);
  assert.equal(w.iceTimeoutMs, 15_000);
  assert.equal(w.reconnectGraceMs, 20_000);
  assert.equal(w.signalingUrl, 'ws://127.0.0.1:8080/webrtc/ws');
  assert.equal(w.tokenSecret, undefined);
  assert.equal(w.tokenTtlS, 60);
  assert.deepEqual([w.jitterMinMs, w.jitterMaxMs], [40, 100]);
  const j = loadConfig({ WEBRTC_JITTER_MIN_MS: '60', WEBRTC_JITTER_MAX_MS: '200' }).webrtc;
  assert.deepEqual([j.jitterMinMs, j.jitterMaxMs], [60, 200]);
  assert.equal(loadConfig({ PUBLIC_URL: 'https://uap.example.com/base/' }).webrtc.signalingUrl, 'wss://uap.example.com/base/webrtc/ws');
});

test('ICE servers as URLs or JSON; ports; explicit signalling URL', () => {
  const w = loadConfig({
    WEBRTC_ICE_SERVERS: '[{"urls":"stun:stun.example.com:3478"},{"urls":["turn:t.example.com:3478?transport=udp"],"username":"u","credential":"p"}]',
    WEBRTC_PORT_MIN: '40000',
    WEBRTC_PORT_MAX: '40100',
    WEBRTC_SIGNALING_URL: 'wss://media.example.com/webrtc/ws',
  }).webrtc;
  assert.deepEqual(w.iceServers, [{ urls: ['stun:stun.example.com:3478'] }, { urls: ['turn:t.example.com:3478?transport=udp'], username: 'u', credential: 'p' }]);
  assert.deepEqual(w.portRange, [40000, 40100]);
  assert.equal(w.signalingUrl, 'wss://media.example.com/webrtc/ws');
  assert.deepEqual(loadConfig({ WEBRTC_ICE_SERVERS: 'stun:a.example:3478, stun:b.example:3478' }).webrtc.iceServers, [{ urls: ['stun:a.example:3478'] }, { urls: ['stun:b.example:3478'] }]);
});

test('bad values name their variable', () => {
  const bad: [Record<string, string>, string][] = [
    [{ WEBRTC_ICE_SERVERS: 'http://stun.example.com' }, 'WEBRTC_ICE_SERVERS'],
    [{ WEBRTC_ICE_SERVERS: '[{"urls":"turn:t.example.com"}]' }, 'WEBRTC_ICE_SERVERS'],
    [{ WEBRTC_ICE_SERVERS: '[nope' }, 'WEBRTC_ICE_SERVERS'],
    [{ WEBRTC_PORT_MIN: '40000' }, 'WEBRTC_PORT_MAX'],
    [{ WEBRTC_PORT_MIN: '40000', WEBRTC_PORT_MAX: '39000' }, 'WEBRTC_PORT_MAX'],
    [{ WEBRTC_ICE_TIMEOUT_S: '1' }, 'WEBRTC_ICE_TIMEOUT_S'],
    [{ WEBRTC_SIGNALING_URL: 'https://x.example/ws' }, 'WEBRTC_SIGNALING_URL'],
    [{ SOFTPHONE_TOKEN_SECRET: 'short' }, 'SOFTPHONE_TOKEN_SECRET'],
    [{ WEBRTC_JITTER_MIN_MS: '10' }, 'WEBRTC_JITTER_MIN_MS'],
    [{ WEBRTC_JITTER_MIN_MS: '80', WEBRTC_JITTER_MAX_MS: '60' }, 'WEBRTC_JITTER_MAX_MS'],
  ];
  for (const [env, variable] of bad) {
    assert.throws(() => loadConfig(env), (e: unknown) => e instanceof ConfigError && e.variable === variable, JSON.stringify(env));
  }
});
