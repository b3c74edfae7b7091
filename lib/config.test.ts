// loadConfig with an explicit env object: defaults, derived URLs, and one ConfigError naming the
// variable for each bad value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';
import { ConfigError, UapError } from './errors.ts';

function expectConfigError(env: Record<string, string | undefined>, variable: string): ConfigError {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ConfigError, `expected a ConfigError for ${JSON.stringify(env)}, got ${String(caught)}`);
  assert.equal(caught.variable, variable, `variable for ${JSON.stringify(env)}`);
  assert.equal(caught.code, 'CONFIG_INVALID');
  assert.ok(caught.message.startsWith(`${variable}: `), caught.message);
  assert.ok(caught instanceof UapError);
  return caught;
}

test('defaults from an empty environment', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.mediaPort, 8081);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.publicUrl.toString(), 'http://127.0.0.1:8080/');
  assert.equal(c.mediaPublicUrl.toString(), 'ws://127.0.0.1:8081/');
  assert.equal(c.twilioAuthToken, undefined);
  assert.equal(c.streamTokenSecret, undefined);
  assert.equal(c.streamTokenTtlS, 30);
  assert.equal(c.natsUrl, undefined);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.redisUrl, undefined);
  assert.equal(c.logLevel, 'info');
  assert.equal(c.mediaLeadMs, 100);
  assert.equal(c.mediaQueueMaxMs, 120_000);
  assert.equal(c.wsMaxBackpressureBytes, 256 * 1024);
  assert.equal(c.drainTimeoutMs, 30_000);
  assert.equal(c.dispatchTimeoutMs, 3000);
  assert.equal(c.agentCapacity, 1000);
  assert.equal(c.heartbeatIntervalMs, 500);
  assert.equal(c.dataDir, './data');
  assert.deepEqual([...c.routes.entries()], [['*', { tenantId: 'default', agentKind: 'offline', agentConfigId: 'offline', agent: {} }]]);
  assert.ok(Object.isFrozen(c));
});

test('does not read process.env when an env object is given', () => {
  const saved = process.env.PORT;
  process.env.PORT = 'not-a-port';
  try {
    assert.equal(loadConfig({}).port, 8080);
  } finally {
    if (saved === undefined) delete process.env.PORT;
    else process.env.PORT = saved;
  }
});

test('blank values count as unset; values are trimmed', () => {
  const c = loadConfig({ PORT: '  ', HOST: ' 127.0.0.1 ', LOG_LEVEL: ' DEBUG ', TWILIO_AUTH_TOKEN: '' });
  assert.equal(c.port, 8080);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.logLevel, 'debug');
  assert.equal(c.twilioAuthToken, undefined);
});

test('PORT / MEDIA_PORT: valid values, media port defaults to PORT+1, port 0 is refused', () => {
  const c = loadConfig({ PORT: '3000' });
  assert.equal(c.port, 3000);
  assert.equal(c.mediaPort, 3001);
  assert.equal(loadConfig({ PORT: '3000', MEDIA_PORT: '4000' }).mediaPort, 4000);
  // An ephemeral port would put ":0" into the TwiML stream URL.
  expectConfigError({ PORT: '0' }, 'PORT');
  expectConfigError({ MEDIA_PORT: '0' }, 'MEDIA_PORT');
  assert.equal(loadConfig({ PORT: '65535', MEDIA_PORT: '1' }).port, 65535);
});

test('PORT=abc → ConfigError(PORT)', () => {
  for (const v of ['abc', '80a', '-1', '1.5', '0x50', '1e3']) expectConfigError({ PORT: v }, 'PORT');
});

test('PORT=70000 → ConfigError(PORT)', () => {
  const err = expectConfigError({ PORT: '70000' }, 'PORT');
  assert.match(err.message, /70000/);
  expectConfigError({ PORT: '65536' }, 'PORT');
});

test('MEDIA_PORT equal to PORT → ConfigError(MEDIA_PORT)', () => {
  expectConfigError({ PORT: '9000', MEDIA_PORT: '9000' }, 'MEDIA_PORT');
  expectConfigError({ MEDIA_PORT: '8080' }, 'MEDIA_PORT');
  expectConfigError({ MEDIA_PORT: 'x' }, 'MEDIA_PORT');
  expectConfigError({ MEDIA_PORT: '99999' }, 'MEDIA_PORT');
});

test(
  'PORT=65535 with no MEDIA_PORT → a ConfigError naming MEDIA_PORT (65536 is out of range)',
  () => {
    expectConfigError({ PORT: '65535' }, 'MEDIA_PORT');
  },
);

test('PUBLIC_URL=ftp://x → ConfigError(PUBLIC_URL); not a URL too', () => {
  const err = expectConfigError({ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL');
  assert.match(err.message, /ftp/);
  expectConfigError({ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL');
  expectConfigError({ PUBLIC_URL: 'ws://x' }, 'PUBLIC_URL');
});

test('MEDIA_PUBLIC_URL derived from an https PUBLIC_URL is wss on the media port; from http is ws', () => {
  const c = loadConfig({ PUBLIC_URL: 'https://voice.example.com', PORT: '8443', MEDIA_PORT: '9443' });
  assert.equal(c.publicUrl.toString(), 'https://voice.example.com/');
  assert.equal(c.mediaPublicUrl.protocol, 'wss:');
  assert.equal(c.mediaPublicUrl.hostname, 'voice.example.com');
  assert.equal(c.mediaPublicUrl.port, '9443');
  const h = loadConfig({ PUBLIC_URL: 'http://10.0.0.5:8080' });
  assert.equal(h.mediaPublicUrl.toString(), 'ws://10.0.0.5:8081/');
});

test('an explicit MEDIA_PUBLIC_URL is used as is and must be ws/wss', () => {
  const c = loadConfig({ PUBLIC_URL: 'https://voice.example.com', MEDIA_PUBLIC_URL: 'wss://media.example.com/' });
  assert.equal(c.mediaPublicUrl.toString(), 'wss://media.example.com/');
  expectConfigError({ MEDIA_PUBLIC_URL: 'https://media.example.com' }, 'MEDIA_PUBLIC_URL');
});

test('NATS_URL=http://x → ConfigError(NATS_URL); nats/tls/ws URLs accepted', () => {
  expectConfigError({ NATS_URL: 'http://x' }, 'NATS_URL');
  expectConfigError({ NATS_URL: 'localhost:4222' }, 'NATS_URL');
  assert.equal(loadConfig({ NATS_URL: 'nats://127.0.0.1:4222' }).natsUrl, 'nats://127.0.0.1:4222');
  assert.ok(loadConfig({ NATS_URL: 'tls://nats.example.com:4222' }).natsUrl);
});

test('DATABASE_URL and REDIS_URL schemes are checked', () => {
  expectConfigError({ DATABASE_URL: 'mysql://x/db' }, 'DATABASE_URL');
  expectConfigError({ REDIS_URL: 'http://x' }, 'REDIS_URL');
  assert.ok(loadConfig({ DATABASE_URL: 'postgres://u:p@h:5432/db', REDIS_URL: 'redis://h:6379' }).databaseUrl);
});

test('LOG_LEVEL=loud → ConfigError(LOG_LEVEL); known levels in any case accepted', () => {
  const err = expectConfigError({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL');
  assert.match(err.message, /loud/);
  for (const l of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'WARN']) assert.equal(loadConfig({ LOG_LEVEL: l }).logLevel, l.toLowerCase());
});

test('ROUTES not JSON → ConfigError(ROUTES)', () => {
  expectConfigError({ ROUTES: '{not json' }, 'ROUTES');
  expectConfigError({ ROUTES: '[]' }, 'ROUTES');
  expectConfigError({ ROUTES: '"x"' }, 'ROUTES');
  expectConfigError({ ROUTES: 'null' }, 'ROUTES');
});

test('ROUTES with a non-E.164 key → ConfigError(ROUTES) naming the key', () => {
  for (const k of ['15551234567', '+0123', '+1555-123-4567', '+1234567890123456', 'default', '']) {
    const err = expectConfigError({ ROUTES: JSON.stringify({ [k]: { tenant: 'acme' } }) }, 'ROUTES');
    assert.ok(err.message.includes(`"${k}"`), err.message);
  }
});

test('ROUTES with bad route values → ConfigError(ROUTES)', () => {
  expectConfigError({ ROUTES: '{"+15551234567": "acme"}' }, 'ROUTES');
  expectConfigError({ ROUTES: '{"+15551234567": null}' }, 'ROUTES');
  expectConfigError({ ROUTES: '{"+15551234567": {"tenant": "a.b"}}' }, 'ROUTES');
  expectConfigError({ ROUTES: '{"+15551234567": {"agent": "Bad Kind"}}' }, 'ROUTES');
  expectConfigError({ ROUTES: '{"+15551234567": {"settings": "x"}}' }, 'ROUTES');
});

test('ROUTES: valid routes, the catch-all and DEFAULT_AGENT', () => {
  const c = loadConfig({
    DEFAULT_AGENT: 'echo',
    ROUTES: JSON.stringify({ '+15551234567': { tenant: 'acme', agent: 'offline', configId: 'cfg-1', settings: { greeting: 'hi' } }, '+442071234567': {}, '*': { tenant: 'fallback' } }),
  });
  assert.deepEqual(c.routes.get('+15551234567'), { tenantId: 'acme', agentKind: 'offline', agentConfigId: 'cfg-1', agent: { greeting: 'hi' } });
  assert.deepEqual(c.routes.get('+442071234567'), { tenantId: 'default', agentKind: 'echo', agentConfigId: 'echo', agent: {} });
  assert.deepEqual(c.routes.get('*'), { tenantId: 'fallback', agentKind: 'echo', agentConfigId: 'echo', agent: {} });
  expectConfigError({ DEFAULT_AGENT: 'Not-A-Kind' }, 'DEFAULT_AGENT');
  expectConfigError({ DEFAULT_AGENT: 'llm' }, 'DEFAULT_AGENT');
  expectConfigError({ ROUTES: JSON.stringify({ '*': { agent: 'llm' } }) }, 'ROUTES');
  expectConfigError({ HOST: '999.1.1.1' }, 'HOST');
  assert.equal(loadConfig({ HOST: '127.0.0.1' }).host, '127.0.0.1');
});

test('openai-realtime: a routable kind; OPENAI_* settings with defaults, URL and model checked', () => {
  const d = loadConfig({ DEFAULT_AGENT: 'openai-realtime' });
  assert.equal(d.routes.get('*')!.agentKind, 'openai-realtime');
  assert.equal(d.openaiApiKey, undefined);
  assert.equal(d.openaiRealtimeUrl, undefined);
  assert.equal(d.openaiRealtimeModel, 'gpt-realtime');
  const c = loadConfig({ OPENAI_API_KEY: ' sk-x ', OPENAI_REALTIME_URL: 'ws://127.0.0.1:9000/v1/realtime', OPENAI_REALTIME_MODEL: 'gpt-realtime-mini' });
  assert.equal(c.openaiApiKey, 'sk-x');
  assert.equal(c.openaiRealtimeUrl, 'ws://127.0.0.1:9000/v1/realtime');
  assert.equal(c.openaiRealtimeModel, 'gpt-realtime-mini');
  expectConfigError({ OPENAI_REALTIME_URL: 'https://api.openai.com/v1/realtime' }, 'OPENAI_REALTIME_URL');
  expectConfigError({ OPENAI_REALTIME_URL: 'wss://api.openai.com/v1/realtime?model=x' }, 'OPENAI_REALTIME_URL');
  expectConfigError({ OPENAI_REALTIME_MODEL: 'gpt realtime' }, 'OPENAI_REALTIME_MODEL');
});

test('STREAM_TOKEN_SECRET too short → ConfigError(STREAM_TOKEN_SECRET); 16 characters is enough', () => {
  expectConfigError({ STREAM_TOKEN_SECRET: 'short' }, 'STREAM_TOKEN_SECRET');
  expectConfigError({ STREAM_TOKEN_SECRET: 'x'.repeat(15) }, 'STREAM_TOKEN_SECRET');
  assert.equal(loadConfig({ STREAM_TOKEN_SECRET: 'x'.repeat(16) }).streamTokenSecret, 'x'.repeat(16));
});

test('numeric settings are range-checked and name their variable', () => {
  const cases: [string, string][] = [
    ['STREAM_TOKEN_TTL_S', '4'],
    ['STREAM_TOKEN_TTL_S', '3601'],
    ['MEDIA_LEAD_MS', '19'],
    ['MEDIA_QUEUE_MAX_MS', '999'],
    ['WS_MAX_BACKPRESSURE_BYTES', '1024'],
    ['DRAIN_TIMEOUT_MS', 'soon'],
    ['DISPATCH_TIMEOUT_MS', '99'],
    ['AGENT_CAPACITY', '0'],
    ['HEARTBEAT_INTERVAL_MS', '49'],
  ];
  for (const [name, v] of cases) expectConfigError({ [name]: v }, name);
  const c = loadConfig({ MEDIA_LEAD_MS: '60', STREAM_TOKEN_TTL_S: '5', AGENT_CAPACITY: '1' });
  assert.equal(c.mediaLeadMs, 60);
  assert.equal(c.streamTokenTtlS, 5);
  assert.equal(c.agentCapacity, 1);
});

test('TOOL_HTTP_ALLOW_PRIVATE is a checked boolean, off by default', () => {
  assert.equal(loadConfig({}).toolHttpAllowPrivate, false);
  assert.equal(loadConfig({ TOOL_HTTP_ALLOW_PRIVATE: 'true' }).toolHttpAllowPrivate, true);
  assert.equal(loadConfig({}).vadBatchWaitMs, 4);
  assert.equal(loadConfig({ VAD_BATCH_WAIT_MS: '0' }).vadBatchWaitMs, 0);
  assert.throws(() => loadConfig({ VAD_BATCH_WAIT_MS: '50' }), /VAD_BATCH_WAIT_MS/);
  assert.throws(() => loadConfig({ TOOL_HTTP_ALLOW_PRIVATE: 'yes' }), /TOOL_HTTP_ALLOW_PRIVATE/);
});

test('VAD_ENGINE: native by default, onnxruntime on request, anything else stops the start', () => {
  assert.equal(loadConfig({}).vadEngine, 'native');
  assert.equal(loadConfig({ VAD_ENGINE: 'onnxruntime' }).vadEngine, 'onnxruntime');
  assert.throws(() => loadConfig({ VAD_ENGINE: 'gpu' }), /VAD_ENGINE: expected one of native, onnxruntime/);
});

test('ELEVENLABS_BASE_URL: ws(s) or http(s), trailing slash dropped; other schemes refused', () => {
  assert.equal(loadConfig({ ELEVENLABS_BASE_URL: 'wss://api.elevenlabs.io/', ELEVENLABS_API_KEY: ' xi ' }).elevenlabsBaseUrl, 'wss://api.elevenlabs.io');
  assert.equal(loadConfig({ ELEVENLABS_API_KEY: ' xi ' }).elevenlabsApiKey, 'xi');
  assert.equal(loadConfig({ ELEVENLABS_BASE_URL: 'http://127.0.0.1:9000' }).elevenlabsBaseUrl, 'http://127.0.0.1:9000');
  expectConfigError({ ELEVENLABS_BASE_URL: 'ftp://x' }, 'ELEVENLABS_BASE_URL');
});
