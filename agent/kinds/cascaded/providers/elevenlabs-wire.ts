// ElevenLabs' text-to-speech WebSocket ("stream-input") on the wire, kept apart from the socket handling
// so it can be checked without a server: the URL, the first message (BOS), a sentence's messages, the
// server's messages checked at the boundary, and the failures (handshake status, close code) as
// ProviderErrors. Facts: /work/shared/PROTOCOLS.md § ElevenLabs.
import { ProviderError, retryableStatus } from '../provider-error.ts';

/** Output rates ElevenLabs streams as raw s16le (`pcm_<rate>`). */
export const ELEVENLABS_PCM_RATES = [8000, 16000, 22050, 24000, 44100] as const;
export type ElevenLabsPcmRate = (typeof ELEVENLABS_PCM_RATES)[number];

/** Voice settings as the agent config spells them (camelCase); sent snake_case in the first message. */
export interface ElevenLabsVoiceSettings {
  stability?: number;
  similarityBoost?: number;
  style?: number;
  useSpeakerBoost?: boolean;
  speed?: number;
}

export interface StreamInputParams {
  /** wss://api.elevenlabs.io (http(s) is turned into ws(s); a trailing /v1 is tolerated). */
  baseUrl: string;
  voiceId: string;
  model: string;
  rate: ElevenLabsPcmRate;
  /** Seconds the server keeps an idle socket (max 180). */
  inactivityTimeoutS: number;
}

export function streamInputUrl(p: StreamInputParams): string {
  const base = p.baseUrl.replace(/^http/, 'ws').replace(/\/+$/, '').replace(/\/v1$/, '');
  // auto_mode: our text arrives as whole sentences, so the server's chunk schedule and buffers only add
  // latency (ElevenLabs recommends it for full sentences).
  const q = new URLSearchParams({ model_id: p.model, output_format: `pcm_${p.rate}`, auto_mode: 'true', inactivity_timeout: String(p.inactivityTimeoutS) });
  return `${base}/v1/text-to-speech/${encodeURIComponent(p.voiceId)}/stream-input?${q}`;
}

/** Beginning of stream: a single space, with the voice settings (allowed only in this message). */
export function bosMessage(v: ElevenLabsVoiceSettings | undefined): string {
  const vs: Record<string, number | boolean> = {};
  if (v?.stability !== undefined) vs.stability = v.stability;
  if (v?.similarityBoost !== undefined) vs.similarity_boost = v.similarityBoost;
  if (v?.style !== undefined) vs.style = v.style;
  if (v?.useSpeakerBoost !== undefined) vs.use_speaker_boost = v.useSpeakerBoost;
  if (v?.speed !== undefined) vs.speed = v.speed;
  return JSON.stringify(Object.keys(vs).length > 0 ? { text: ' ', voice_settings: vs } : { text: ' ' });
}

/** A whole sentence, generated at once (`flush`), then end of stream: the server answers isFinal and closes. */
export function sentenceMessages(text: string): [string, string] {
  // The API wants text chunks to end with a single space.
  return [JSON.stringify({ text: `${text.trimEnd()} `, flush: true }), '{"text":""}'];
}

export type ServerMessage =
  | { kind: 'audio'; audio: Buffer | undefined; final: boolean }
  | { kind: 'error'; message: string }
  | { kind: 'bad'; reason: 'binary' | 'json' | 'shape' | 'base64' };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * One server message. Audio messages carry base64 `audio` (null on the final one) and `isFinal`;
 * alignment fields are not used. An `error`/`message` without audio is the server reporting a failure.
 */
export function parseServerMessage(data: Buffer | string, isBinary: boolean): ServerMessage {
  if (isBinary) return { kind: 'bad', reason: 'binary' };
  let m: unknown;
  try {
    m = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch {
    return { kind: 'bad', reason: 'json' };
  }
  if (!m || typeof m !== 'object' || Array.isArray(m)) return { kind: 'bad', reason: 'shape' };
  const msg = m as { audio?: unknown; isFinal?: unknown; error?: unknown; message?: unknown };
  const final = msg.isFinal === true;
  if (msg.audio === undefined || msg.audio === null || msg.audio === '') {
    if (final) return { kind: 'audio', audio: undefined, final };
    const err = typeof msg.error === 'string' ? msg.error : typeof msg.message === 'string' ? msg.message : undefined;
    if (err !== undefined) return { kind: 'error', message: err.slice(0, 300) };
    return msg.isFinal === undefined || msg.isFinal === null || msg.isFinal === false ? { kind: 'audio', audio: undefined, final } : { kind: 'bad', reason: 'shape' };
  }
  if (typeof msg.audio !== 'string') return { kind: 'bad', reason: 'shape' };
  // The length check is O(1); the character check guards against a server sending something else.
  if ((msg.audio.length & 3) !== 0 || !BASE64.test(msg.audio)) return { kind: 'bad', reason: 'base64' };
  return { kind: 'audio', audio: Buffer.from(msg.audio, 'base64'), final };
}

const PROVIDER = 'elevenlabs';

/** The upgrade was answered with an HTTP error; `body` is ElevenLabs' `{"detail":{"status","message"}}`. */
export function handshakeError(status: number, body: string): ProviderError {
  let detail = body.slice(0, 200);
  try {
    const d = (JSON.parse(body) as { detail?: unknown }).detail;
    if (typeof d === 'string') detail = d;
    else if (d && typeof d === 'object') {
      const { status: st, message } = d as { status?: unknown; message?: unknown };
      detail = [st, message].filter((x) => typeof x === 'string').join(': ') || detail;
    }
  } catch {
    // not JSON: keep the text
  }
  const quota = /quota/i.test(detail);
  return new ProviderError(PROVIDER, 'tts', quota ? 'TTS_QUOTA' : `TTS_HTTP_${status}`, `ElevenLabs: HTTP ${status}${detail ? `: ${detail}` : ''}`, { status, retryable: !quota && retryableStatus(status) });
}

// Close codes a server sends for transient conditions (going away, internal error, restart, try later).
const TRANSIENT_CLOSE = new Set([1001, 1006, 1011, 1012, 1013, 1014]);

/**
 * The socket closed before `isFinal`. ElevenLabs closes with 1008 (policy violation) and a reason (cut
 * at 123 bytes) for refusals (bad key, quota, unknown voice), for the idle timeout and for its own
 * hiccups ("something went wrong … you are not charged"): the reason decides. A cut connection (1006)
 * may pass on a retry.
 */
export function closeError(code: number, reason: string): ProviderError {
  const why = reason.slice(0, 200);
  const msg = `ElevenLabs closed the socket (${code}${why ? `: ${why}` : ''})`;
  if (/quota|credits?/i.test(why)) return new ProviderError(PROVIDER, 'tts', 'TTS_QUOTA', msg, { retryable: false });
  if (/api[ _-]?key|unauthori[sz]ed|authenticat|permission/i.test(why)) return new ProviderError(PROVIDER, 'tts', 'TTS_AUTH', msg, { status: 401, retryable: false });
  if (/concurren|too many|rate limit|busy/i.test(why)) return new ProviderError(PROVIDER, 'tts', 'TTS_RATE_LIMITED', msg, { status: 429, retryable: true });
  // The idle timeout can only bite a socket that waited too long (a spare near its age limit): a new one will do.
  if (/have not received a new text|timeout/i.test(why)) return new ProviderError(PROVIDER, 'tts', 'TTS_IDLE_TIMEOUT', msg, { retryable: true });
  if (/something went wrong|not charged|try again/i.test(why) || TRANSIENT_CLOSE.has(code)) return new ProviderError(PROVIDER, 'tts', code === 1006 ? 'TTS_CONNECTION' : 'TTS_SERVER_CLOSED', msg, { retryable: true });
  if (code === 1000) return new ProviderError(PROVIDER, 'tts', 'TTS_INCOMPLETE', `${msg} before the final message`, { retryable: true });
  // Other refusals (1008 with an unknown voice or model, 1009, 1002, …): the request itself is wrong.
  return new ProviderError(PROVIDER, 'tts', 'TTS_REFUSED', msg, { retryable: false });
}
