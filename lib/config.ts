// Configuration is read from the environment once, validated, and frozen. A bad or missing setting
// stops the start with one ConfigError naming the variable.
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './errors.ts';
import { envStr, envInt, envBool, envOptionalInt, type Env } from './env.ts';
import { TWILIO_STATUS_PATH, TWILIO_STREAM_PATH, TWILIO_VOICE_PATH } from '../proto/paths.ts';
import { loadWebRtcConfig, type WebRtcConfig } from './webrtc-config.ts';
import { loadSipConfig, type SipConfig } from './sip-config.ts';

export const ROLES = ['media', 'signaling', 'agent', 'api'] as const;
/** What computes Silero VAD (agent/vad/silero-model.ts). */
export const VAD_ENGINES = ['native', 'onnxruntime'] as const;
export type VadEngine = (typeof VAD_ENGINES)[number];

/** VAD_ENGINE: `native` unless set, any case; anything else is a ConfigError. */
export function vadEngineFromEnv(env: Env): VadEngine {
  const v = (envStr(env, 'VAD_ENGINE') ?? 'native').toLowerCase();
  if (!(VAD_ENGINES as readonly string[]).includes(v)) throw new ConfigError('VAD_ENGINE', `expected one of ${VAD_ENGINES.join(', ')}, got "${v}"`);
  return v as VadEngine;
}
/** Agent kinds this build's workers run (the agents issue adds more). */
export const AGENT_KINDS = ['offline', 'echo', 'ultravox', 'openai-realtime', 'cascaded'] as const;
export type Role = (typeof ROLES)[number];

export interface Route {
  tenantId: string;
  agentKind: string;
  agentConfigId: string;
  /** Free-form agent settings handed to the agent worker (greeting, voice, …). */
  agent: Record<string, unknown>;
}

export interface Config {
  port: number;
  host: string;
  mediaPort: number;
  publicUrl: URL;
  mediaPublicUrl: URL;
  twilioAuthToken: string | undefined;
  /** Public URLs of the Twilio voice and status webhooks and of the media stream (derived from the two public URLs). */
  twilioVoiceUrl: string;
  twilioStatusUrl: string;
  twilioStreamUrl: string;
  /** Account SID (AC…) for Twilio REST calls (outbound calls); with TWILIO_AUTH_TOKEN, enables them. */
  twilioAccountSid: string | undefined;
  /** Replaces https://api.twilio.com for REST calls (tests point it at a local fake); unset: Twilio itself. */
  twilioApiBaseUrl: URL | undefined;
  streamTokenSecret: string | undefined;
  streamTokenTtlS: number;
  natsUrl: string | undefined;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: string;
  mediaLeadMs: number;
  mediaQueueMaxMs: number;
  wsMaxBackpressureBytes: number;
  drainTimeoutMs: number;
  dispatchTimeoutMs: number;
  agentCapacity: number;
  heartbeatIntervalMs: number;
  /** A worker silent this long is presumed dead and its calls are re-dispatched. */
  workerDeadAfterMs: number;
  /** E.164 number (or '*' catch-all) → route, when routing comes from config. */
  routes: Map<string, Route>;
  /** 'config' when ROUTES or DEFAULT_AGENT is set; otherwise the control API answers routing.lookup from the database. */
  routingSource: 'config' | 'database';
  dataDir: string;
  /** HS256 key of API access tokens (≥ 32 chars); unset: a random key kept in DATA_DIR. */
  jwtSecret: string | undefined;
  /** API requests per minute per client IP, and per API key or user. */
  apiRateLimitPerIp: number;
  apiRateLimitPerPrincipal: number;
  /** Cache rendered call-list pages under the tenant's call-list version (never served once stale). */
  apiListCache: boolean;
  /** Platform-wide Ultravox key (an agent config's own secret ULTRAVOX_API_KEY wins), and API base URL. */
  ultravoxApiKey: string | undefined;
  ultravoxBaseUrl: string | undefined;
  /** Platform-wide OpenAI key (an agent config's own secret OPENAI_API_KEY wins). */
  openaiApiKey: string | undefined;
  /** Realtime WebSocket URL without the model (default wss://api.openai.com/v1/realtime), and the default model. */
  openaiRealtimeUrl: string | undefined;
  /** Cascaded agent providers: REST base URLs (tests point them at local fakes) and platform-wide keys. */
  openaiBaseUrl: string | undefined;
  anthropicApiKey: string | undefined;
  anthropicBaseUrl: string | undefined;
  geminiApiKey: string | undefined;
  geminiBaseUrl: string | undefined;
  deepgramApiKey: string | undefined;
  deepgramUrl: string | undefined;
  /** ElevenLabs streaming speech: platform-wide key and API base (ws/wss; http/https are taken as such). */
  elevenlabsApiKey: string | undefined;
  elevenlabsBaseUrl: string | undefined;
  openaiRealtimeModel: string;
  /** Where call recordings are kept; calls.recording_url names files relative to it (`file:<name>`). */
  recordingsDir: string;
  /** SIP trunk gateway (SIP over UDP + RTP) in the media role; off unless SIP_ENABLED=true. */
  sipEnabled: boolean;
  /** Agent http tools may call private/loopback addresses (off: tenant URLs cannot reach the platform's network). */
  toolHttpAllowPrivate: boolean;
  /** Cascaded agents: how long a Silero window waits for other calls' windows to share an inference run. */
  vadBatchWaitMs: number;
  /** MEDIA_NICE: nice value for the media role's event-loop thread (unset: left as started). */
  mediaNice: number | undefined;
  /** VAD_ENGINE: native WebAssembly kernels (default) or onnxruntime-web. */
  vadEngine: VadEngine;
  /** Address the SIP and RTP sockets bind to (default HOST). */
  sipHost: string;
  sipPort: number;
  /** Address callers reach us at, written into Contact and the SDP c= line. */
  sipPublicIp: string;
  /** RTP ports for calls (one even port per call). */
  rtpPortMin: number;
  rtpPortMax: number;
  /** Hang up a SIP call after this long without RTP from the caller. */
  rtpTimeoutMs: number;
  /** SIP digest challenges for trunks (sip-config.ts). */
  sip: SipConfig;
  /** WebRTC softphone: ICE servers, ports, timeouts, signalling URL, call tokens (webrtc-config.ts). */
  webrtc: WebRtcConfig;
}

/** HOST when it is one address, else the first non-internal IPv4 address, else loopback. */
function defaultSipPublicIp(host: string): string {
  if (host !== '0.0.0.0' && host !== '::' && isIP(host)) return host;
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}


const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];




function url(env: Env, name: string, protocols: string[]): URL | undefined {
  const v = envStr(env, name);
  if (v === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(name, `not a valid URL: "${v}"`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL, got "${u.protocol.replace(':', '')}"`);
  }
  return u;
}

function parseRoutes(env: Env): Map<string, Route> {
  const routes = new Map<string, Route>();
  const raw = envStr(env, 'ROUTES');
  const defaultKind = envStr(env, 'DEFAULT_AGENT') ?? 'offline';
  if (!(AGENT_KINDS as readonly string[]).includes(defaultKind)) throw new ConfigError('DEFAULT_AGENT', `"${defaultKind}" is not an agent kind (known: ${AGENT_KINDS.join(', ')})`);
  // A fresh install routes every number to the offline agent of the default tenant.
  routes.set('*', { tenantId: 'default', agentKind: defaultKind, agentConfigId: defaultKind, agent: {} });
  if (raw === undefined) return routes;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('ROUTES', 'not valid JSON (expected {"+15551234567": {"tenant": "acme", "agent": "offline"}})');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError('ROUTES', 'expected a JSON object keyed by E.164 number or "*"');
  for (const [number, r] of Object.entries(parsed as Record<string, unknown>)) {
    if (number !== '*' && !/^\+[1-9]\d{1,14}$/.test(number)) throw new ConfigError('ROUTES', `"${number}" is not an E.164 number or "*"`);
    if (typeof r !== 'object' || r === null) throw new ConfigError('ROUTES', `route for ${number} must be an object`);
    const o = r as Record<string, unknown>;
    const tenantId = o.tenant ?? 'default';
    const agentKind = o.agent ?? defaultKind;
    if (typeof tenantId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(tenantId)) throw new ConfigError('ROUTES', `route for ${number}: tenant must be letters, digits, _ or -`);
    if (typeof agentKind !== 'string' || !(AGENT_KINDS as readonly string[]).includes(agentKind)) throw new ConfigError('ROUTES', `route for ${number}: agent must be one of ${AGENT_KINDS.join(', ')}`);
    const settings = o.settings ?? {};
    if (typeof settings !== 'object' || settings === null) throw new ConfigError('ROUTES', `route for ${number}: settings must be an object`);
    routes.set(number, { tenantId, agentKind, agentConfigId: typeof o.configId === 'string' ? o.configId : agentKind, agent: settings as Record<string, unknown> });
  }
  return routes;
}

/** base URL (with or without a trailing slash, possibly with a path prefix) + path. */
const withPath = (base: URL, path: string): string => base.toString().replace(/\/+$/, '') + path;

export function loadConfig(env: Env = process.env): Readonly<Config> {
  // Port 0 (any free port) is refused: the public URLs written into TwiML must name the real port.
  const port = envInt(env, 'PORT', 8080, 1, 65535);
  const mediaPort = envInt(env, 'MEDIA_PORT', port + 1, 1, 65535);
  if (mediaPort > 65535) throw new ConfigError('MEDIA_PORT', `defaults to PORT + 1 = ${mediaPort}, which is not a port: set MEDIA_PORT`);
  if (mediaPort === port) throw new ConfigError('MEDIA_PORT', `must differ from PORT (${port}): media WebSockets have their own listener`);
  const host = envStr(env, 'HOST') ?? '0.0.0.0';
  if (!isIP(host) && host !== 'localhost') throw new ConfigError('HOST', `expected an IP address to listen on (e.g. 0.0.0.0 or 127.0.0.1), got "${host}"`);
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? new URL(`http://127.0.0.1:${port}`);
  let mediaPublicUrl = url(env, 'MEDIA_PUBLIC_URL', ['ws:', 'wss:']);
  if (!mediaPublicUrl) {
    // Same host as PUBLIC_URL, media port, ws for http and wss for https.
    mediaPublicUrl = new URL(`${publicUrl.protocol === 'https:' ? 'wss' : 'ws'}://${publicUrl.hostname}:${mediaPort}/`);
  }
  const vadEngine = vadEngineFromEnv(env);
  const logLevel = (envStr(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const twilioAuthToken = envStr(env, 'TWILIO_AUTH_TOKEN');
  const twilioAccountSid = envStr(env, 'TWILIO_ACCOUNT_SID');
  if (twilioAccountSid !== undefined && !/^AC[0-9a-fA-F]{32}$/.test(twilioAccountSid)) throw new ConfigError('TWILIO_ACCOUNT_SID', 'expected AC followed by 32 hex digits (Account SID, not an API key SID)');
  const twilioApiBaseUrl = url(env, 'TWILIO_API_BASE_URL', ['http:', 'https:']);
  if (twilioApiBaseUrl && (twilioApiBaseUrl.search || twilioApiBaseUrl.hash)) throw new ConfigError('TWILIO_API_BASE_URL', 'must not have a query string or fragment');
  const streamTokenSecret = envStr(env, 'STREAM_TOKEN_SECRET');
  if (streamTokenSecret !== undefined && streamTokenSecret.length < 16) throw new ConfigError('STREAM_TOKEN_SECRET', 'must be at least 16 characters');
  const jwtSecret = envStr(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const natsUrl = url(env, 'NATS_URL', ['nats:', 'tls:', 'ws:', 'wss:'])?.toString();
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'])?.toString();
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'])?.toString();
  const dataDir = envStr(env, 'DATA_DIR') ?? './data';
  const openaiRealtimeUrl = url(env, 'OPENAI_REALTIME_URL', ['ws:', 'wss:']);
  if (openaiRealtimeUrl && (openaiRealtimeUrl.search || openaiRealtimeUrl.hash)) throw new ConfigError('OPENAI_REALTIME_URL', 'must not have a query string or fragment (the model is added as ?model=)');
  const openaiRealtimeModel = envStr(env, 'OPENAI_REALTIME_MODEL') ?? 'gpt-realtime';
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(openaiRealtimeModel)) throw new ConfigError('OPENAI_REALTIME_MODEL', `not a model name: "${openaiRealtimeModel}"`);
  const sipHost = envStr(env, 'SIP_HOST') ?? (host === 'localhost' ? '127.0.0.1' : host);
  if (!isIP(sipHost)) throw new ConfigError('SIP_HOST', `expected an IP address to listen on, got "${sipHost}"`);
  const sipPort = envInt(env, 'SIP_PORT', 5060, 1, 65535);
  const sipPublicIp = envStr(env, 'SIP_PUBLIC_IP') ?? defaultSipPublicIp(sipHost);
  if (!isIP(sipPublicIp) || sipPublicIp === '0.0.0.0') throw new ConfigError('SIP_PUBLIC_IP', `expected the IP address callers reach us at, got "${sipPublicIp}"`);
  const rtpPortMin = envInt(env, 'RTP_PORT_MIN', 10000, 1024, 65534);
  const rtpPortMax = envInt(env, 'RTP_PORT_MAX', 20000, 1025, 65535);
  if (rtpPortMax <= rtpPortMin) throw new ConfigError('RTP_PORT_MAX', `must be above RTP_PORT_MIN (${rtpPortMin})`);
  const heartbeatIntervalMs = envInt(env, 'HEARTBEAT_INTERVAL_MS', 500, 50, 60_000);
  const workerDeadAfterMs = envInt(env, 'WORKER_DEAD_AFTER_MS', 1500, 100, 600_000);
  if (workerDeadAfterMs < 2 * heartbeatIntervalMs) throw new ConfigError('WORKER_DEAD_AFTER_MS', `must be at least two heartbeats (2 × HEARTBEAT_INTERVAL_MS = ${2 * heartbeatIntervalMs})`);
  if (sipPort >= rtpPortMin && sipPort <= rtpPortMax) throw new ConfigError('SIP_PORT', `${sipPort} lies in the RTP port range ${rtpPortMin}-${rtpPortMax}`);
  return Object.freeze({
    port,
    host,
    mediaPort,
    publicUrl,
    mediaPublicUrl,
    twilioAuthToken,
    twilioVoiceUrl: withPath(publicUrl, TWILIO_VOICE_PATH),
    twilioStatusUrl: withPath(publicUrl, TWILIO_STATUS_PATH),
    twilioStreamUrl: withPath(mediaPublicUrl, TWILIO_STREAM_PATH),
    twilioAccountSid,
    twilioApiBaseUrl,
    streamTokenSecret,
    streamTokenTtlS: envInt(env, 'STREAM_TOKEN_TTL_S', 30, 5, 3600),
    natsUrl,
    databaseUrl,
    redisUrl,
    logLevel,
    mediaLeadMs: envInt(env, 'MEDIA_LEAD_MS', 100, 20, 2000),
    mediaQueueMaxMs: envInt(env, 'MEDIA_QUEUE_MAX_MS', 120_000, 1000, 600_000),
    wsMaxBackpressureBytes: envInt(env, 'WS_MAX_BACKPRESSURE_BYTES', 256 * 1024, 16 * 1024, 64 * 1024 * 1024),
    drainTimeoutMs: envInt(env, 'DRAIN_TIMEOUT_MS', 30_000, 0, 3_600_000),
    dispatchTimeoutMs: envInt(env, 'DISPATCH_TIMEOUT_MS', 3000, 100, 60_000),
    agentCapacity: envInt(env, 'AGENT_CAPACITY', 1000, 1, 100_000),
    heartbeatIntervalMs,
    workerDeadAfterMs,
    routes: parseRoutes(env),
    routingSource: envStr(env, 'ROUTES') !== undefined || envStr(env, 'DEFAULT_AGENT') !== undefined ? 'config' : 'database',
    dataDir,
    jwtSecret,
    ultravoxApiKey: envStr(env, 'ULTRAVOX_API_KEY'),
    ultravoxBaseUrl: url(env, 'ULTRAVOX_BASE_URL', ['http:', 'https:'])?.toString().replace(/\/$/, ''),
    openaiApiKey: envStr(env, 'OPENAI_API_KEY'),
    openaiRealtimeUrl: openaiRealtimeUrl?.toString(),
    openaiBaseUrl: url(env, 'OPENAI_BASE_URL', ['http:', 'https:'])?.toString().replace(/\/$/, ''),
    anthropicApiKey: envStr(env, 'ANTHROPIC_API_KEY'),
    anthropicBaseUrl: url(env, 'ANTHROPIC_BASE_URL', ['http:', 'https:'])?.toString().replace(/\/$/, ''),
    geminiApiKey: envStr(env, 'GEMINI_API_KEY'),
    geminiBaseUrl: url(env, 'GEMINI_BASE_URL', ['http:', 'https:'])?.toString().replace(/\/$/, ''),
    deepgramApiKey: envStr(env, 'DEEPGRAM_API_KEY'),
    deepgramUrl: url(env, 'DEEPGRAM_URL', ['ws:', 'wss:'])?.toString().replace(/\/$/, ''),
    elevenlabsApiKey: envStr(env, 'ELEVENLABS_API_KEY'),
    elevenlabsBaseUrl: url(env, 'ELEVENLABS_BASE_URL', ['ws:', 'wss:', 'http:', 'https:'])?.toString().replace(/\/$/, ''),
    openaiRealtimeModel,
    apiRateLimitPerIp: envInt(env, 'API_RATE_LIMIT_PER_IP', 1200, 1, 10_000_000),
    apiRateLimitPerPrincipal: envInt(env, 'API_RATE_LIMIT_PER_KEY', 600, 1, 10_000_000),
    apiListCache: envBool(env, 'API_LIST_CACHE', true),
    recordingsDir: envStr(env, 'RECORDINGS_DIR') ?? join(dataDir, 'recordings'),
    sipEnabled: envBool(env, 'SIP_ENABLED', false),
    toolHttpAllowPrivate: envBool(env, 'TOOL_HTTP_ALLOW_PRIVATE', false),
    vadBatchWaitMs: envInt(env, 'VAD_BATCH_WAIT_MS', 4, 0, 20),
    vadEngine,
    mediaNice: envOptionalInt(env, 'MEDIA_NICE', -20, 19),
    sipHost,
    sipPort,
    sipPublicIp,
    rtpPortMin,
    rtpPortMax,
    rtpTimeoutMs: envInt(env, 'RTP_TIMEOUT_S', 30, 5, 3600) * 1000,
    sip: loadSipConfig(env),
    webrtc: loadWebRtcConfig(env, publicUrl),
  });
}
