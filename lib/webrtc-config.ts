// WebRTC and softphone settings (read with the rest of the config, see config.ts): ICE servers, the UDP
// port range, timeouts, where browsers reach the signalling WebSocket, the call-token key, and the
// jitter buffer's delay bounds (apart from SIP's: browsers on Wi-Fi and mobile networks see more
// jitter than carrier trunks, and Opus's concealment makes a lost frame cheaper than a long delay).
import { ConfigError } from './errors.ts';
import { envStr, envInt, type Env } from './env.ts';
import { WEBRTC_SIGNALING_PATH } from '../proto/paths.ts';

export interface IceServerConfig {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface WebRtcConfig {
  /** STUN/TURN servers for the media core and the browser; empty (the default): host candidates only. */
  iceServers: IceServerConfig[];
  /** UDP ports ICE binds to, or any free port. */
  portRange: [number, number] | undefined;
  /** From the answer to ICE + DTLS connected, and how long a lost connection may take to come back. */
  iceTimeoutMs: number;
  /** How long a call outlives its signalling WebSocket, waiting for the browser to reconnect. */
  reconnectGraceMs: number;
  /** ws(s):// URL browsers open for signalling (the control API hands it out with call tokens). */
  signalingUrl: string;
  /** Key material of softphone call tokens (≥ 16 chars); unset: a key generated once in DATA_DIR. */
  tokenSecret: string | undefined;
  tokenTtlS: number;
  /** Bounds of the jitter buffer's adaptive target delay for browser audio (ms). */
  jitterMinMs: number;
  jitterMaxMs: number;
}




const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/;

/** A JSON array of {urls, username?, credential?}, or a comma-separated list of stun:/turn: URLs. */
export function parseIceServers(raw: string | undefined): IceServerConfig[] {
  if (raw === undefined) return [];
  const name = 'WEBRTC_ICE_SERVERS';
  let list: unknown;
  if (raw.startsWith('[')) {
    try {
      list = JSON.parse(raw);
    } catch {
      throw new ConfigError(name, 'not valid JSON (expected [{"urls": "turn:turn.example.com:3478", "username": "u", "credential": "p"}] or stun:/turn: URLs separated by commas)');
    }
  } else list = raw.split(',').map((u) => ({ urls: u.trim() }));
  if (!Array.isArray(list) || list.length > 10) throw new ConfigError(name, 'expected a list of at most 10 ICE servers');
  return list.map((s: unknown, i) => {
    if (typeof s !== 'object' || s === null) throw new ConfigError(name, `server ${i + 1} must be an object with "urls"`);
    const o = s as Record<string, unknown>;
    const urls = typeof o.urls === 'string' ? [o.urls] : o.urls;
    if (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u === 'string' && ICE_URL.test(u))) {
      throw new ConfigError(name, `server ${i + 1}: "urls" must be stun:, stuns:, turn: or turns: URLs`);
    }
    const isTurn = urls.some((u: string) => u.startsWith('turn'));
    if (o.username !== undefined && typeof o.username !== 'string') throw new ConfigError(name, `server ${i + 1}: "username" must be a string`);
    if (o.credential !== undefined && typeof o.credential !== 'string') throw new ConfigError(name, `server ${i + 1}: "credential" must be a string`);
    if (isTurn && (!o.username || !o.credential)) throw new ConfigError(name, `server ${i + 1}: a TURN server needs "username" and "credential"`);
    return { urls: urls as string[], ...(o.username ? { username: o.username as string } : {}), ...(o.credential ? { credential: o.credential as string } : {}) };
  });
}

export function loadWebRtcConfig(env: Env, publicUrl: URL): WebRtcConfig {
  const min = envStr(env, 'WEBRTC_PORT_MIN');
  const max = envStr(env, 'WEBRTC_PORT_MAX');
  let portRange: [number, number] | undefined;
  if (min !== undefined || max !== undefined) {
    if (min === undefined || max === undefined) throw new ConfigError(min === undefined ? 'WEBRTC_PORT_MIN' : 'WEBRTC_PORT_MAX', 'set both WEBRTC_PORT_MIN and WEBRTC_PORT_MAX, or neither');
    portRange = [envInt(env, 'WEBRTC_PORT_MIN', 0, 1024, 65534), envInt(env, 'WEBRTC_PORT_MAX', 0, 1025, 65535)];
    if (portRange[1] <= portRange[0]) throw new ConfigError('WEBRTC_PORT_MAX', `must be above WEBRTC_PORT_MIN (${portRange[0]})`);
  }
  let signalingUrl = envStr(env, 'WEBRTC_SIGNALING_URL');
  if (signalingUrl !== undefined) {
    let u: URL;
    try {
      u = new URL(signalingUrl);
    } catch {
      throw new ConfigError('WEBRTC_SIGNALING_URL', `not a valid URL: "${signalingUrl}"`);
    }
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new ConfigError('WEBRTC_SIGNALING_URL', `expected a ws or wss URL, got "${u.protocol.replace(':', '')}"`);
    signalingUrl = u.toString();
  } else {
    signalingUrl = `${publicUrl.protocol === 'https:' ? 'wss' : 'ws'}://${publicUrl.host}${publicUrl.pathname.replace(/\/+$/, '')}${WEBRTC_SIGNALING_PATH}`;
  }
  const jitterMinMs = envInt(env, 'WEBRTC_JITTER_MIN_MS', 40, 20, 200);
  const jitterMaxMs = envInt(env, 'WEBRTC_JITTER_MAX_MS', 100, 20, 300);
  if (jitterMaxMs < jitterMinMs) throw new ConfigError('WEBRTC_JITTER_MAX_MS', `must be at least WEBRTC_JITTER_MIN_MS (${jitterMinMs})`);
  const tokenSecret = envStr(env, 'SOFTPHONE_TOKEN_SECRET');
  if (tokenSecret !== undefined && tokenSecret.length < 16) throw new ConfigError('SOFTPHONE_TOKEN_SECRET', 'must be at least 16 characters');
  return {
    iceServers: parseIceServers(envStr(env, 'WEBRTC_ICE_SERVERS')),
    portRange,
    iceTimeoutMs: envInt(env, 'WEBRTC_ICE_TIMEOUT_S', 15, 2, 300) * 1000,
    reconnectGraceMs: envInt(env, 'WEBRTC_RECONNECT_GRACE_S', 20, 0, 600) * 1000,
    signalingUrl,
    tokenSecret,
    tokenTtlS: envInt(env, 'SOFTPHONE_TOKEN_TTL_S', 60, 5, 3600),
    jitterMinMs,
    jitterMaxMs,
  };
}
