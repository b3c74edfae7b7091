// A small interface over the official `twilio` SDK for what the control API does with Twilio's REST API:
// place an outbound call and end one. Errors come back as TwilioRequestError with Twilio's own error
// code, the HTTP status, and whether a retry may help (429, 5xx, network failures).
//
// The SDK is loaded on first use (it costs ~100 ms at start-up, and most processes never call Twilio).
// `baseUrl` sends requests to another server (a local fake in tests): the SDK's `edge`/`region` options
// only rewrite the host name, so we pass an `httpClient` that wraps the SDK's own RequestClient and
// rewrites the `https://api[.edge][.region].twilio.com` prefix of each request URI.
import type { Twilio } from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { UapError } from '../../lib/errors.ts';
import { isE164, isTransferTarget } from '../../lib/transfer-target.ts';

export type CallProgressEvent = 'initiated' | 'ringing' | 'answered' | 'completed';
export type MachineDetection = 'Enable' | 'DetectMessageEnd';

export interface CreateCallRequest {
  to: string;
  from: string;
  /** Voice webhook Twilio fetches TwiML from when the call connects. */
  url: string;
  statusCallback?: string;
  statusCallbackEvent?: CallProgressEvent[];
  machineDetection?: MachineDetection;
  /** Seconds Twilio lets it ring (Twilio's default 60). */
  timeout?: number;
}

/** The fields of Twilio's call resource we use. */
export interface TwilioCall {
  sid: string;
  status: string;
  to: string;
  from: string;
  direction: string;
  /** Seconds, once the call ended. */
  duration: number | null;
  answeredBy: string | null;
}

export interface TwilioCalls {
  createCall(req: CreateCallRequest): Promise<TwilioCall>;
  /** Hangs up (Status=completed): queued, ringing and in-progress calls alike. */
  endCall(sid: string): Promise<TwilioCall>;
  /**
   * Moves a live call to `target` (E.164 number or sip: URI): the call is redirected to TwiML that
   * <Dial>s it, which also ends its media stream.
   */
  transferCall(sid: string, target: string): Promise<TwilioCall>;
}

const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const notACallSid = (sid: string) => Promise.reject(new TwilioRequestError({ status: 404, twilioCode: 20404, message: `not a Twilio call SID: ${sid.slice(0, 40)}` }));

/** Twilio credentials from the platform config, or null when outbound/live call control is not configured. */
export function twilioFromConfig(config: { twilioAccountSid?: string; twilioAuthToken?: string; twilioApiBaseUrl?: URL }): TwilioCalls | null {
  return config.twilioAccountSid && config.twilioAuthToken
    ? createTwilioClient({ accountSid: config.twilioAccountSid, authToken: config.twilioAuthToken, baseUrl: config.twilioApiBaseUrl })
    : null;
}

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /** e.g. http://127.0.0.1:4010; default https://api.twilio.com. */
  baseUrl?: string | URL;
  /** Per-request timeout (ms); default 10 s: an API client is waiting. */
  timeoutMs?: number;
}

/**
 * A Twilio REST request that failed. `status` is Twilio's HTTP status (0: no response — network error or
 * timeout); `twilioCode` is Twilio's error code (e.g. 21211 invalid To, 20003 authentication, 20404 not
 * found, 21220 call not in progress) when Twilio sent one.
 */
export class TwilioRequestError extends UapError {
  readonly status: number;
  readonly twilioCode: number | undefined;
  readonly moreInfo: string | undefined;
  constructor(opts: { status: number; twilioCode?: number; message: string; moreInfo?: string; cause?: unknown }) {
    const retryable = opts.status === 0 || opts.status === 429 || opts.status >= 500;
    super(opts.status === 0 ? 'TWILIO_UNREACHABLE' : 'TWILIO_REJECTED', opts.message, { retryable, cause: opts.cause });
    this.status = opts.status;
    this.twilioCode = opts.twilioCode;
    this.moreInfo = opts.moreInfo;
  }
}

const TWILIO_API = /^https:\/\/api(?:\.[a-z0-9-]+)*\.twilio\.com(?::443)?(?=[/?]|$)/i;

/** The SDK's `httpClient` contract: `request(opts)` resolves `{ statusCode, body, headers }`. */
export function rebasedHttpClient(inner: Pick<RequestClient, 'request'>, baseUrl: string | URL): Pick<RequestClient, 'request'> {
  const base = String(baseUrl).replace(/\/+$/, '');
  return {
    request(opts) {
      return inner.request({ ...opts, uri: opts.uri.replace(TWILIO_API, base) });
    },
  };
}

/** SDK errors (RestException, TwilioServiceException, axios network errors) → TwilioRequestError. */
export function toTwilioError(err: unknown): TwilioRequestError {
  if (err instanceof TwilioRequestError) return err;
  const e = (err ?? {}) as { status?: unknown; code?: unknown; message?: unknown; moreInfo?: unknown; detail?: unknown };
  if (typeof e.status === 'number' && e.status >= 400) {
    // RestException: {status, code, message, moreInfo}; TwilioServiceException (RFC 9457): {status, code, title, detail}.
    const message = typeof e.detail === 'string' && e.detail ? e.detail : typeof e.message === 'string' && e.message ? e.message : `HTTP ${e.status}`;
    return new TwilioRequestError({
      status: e.status,
      twilioCode: typeof e.code === 'number' ? e.code : undefined,
      message,
      moreInfo: typeof e.moreInfo === 'string' ? e.moreInfo : undefined,
      cause: err,
    });
  }
  // No HTTP answer: connection refused, DNS, TLS, timeout (axios error codes).
  const code = typeof e.code === 'string' ? e.code : undefined;
  return new TwilioRequestError({ status: 0, message: `Twilio unreachable${code ? ` (${code})` : ''}`, cause: err });
}

const TERMINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
export const isTerminalCallStatus = (s: string): boolean => TERMINAL.has(s);

function toCall(c: { sid: string; status: string; to: string; from: string; direction: string; duration?: string | null; answeredBy?: string | null }): TwilioCall {
  return {
    sid: c.sid,
    status: String(c.status),
    to: c.to,
    from: c.from,
    direction: c.direction,
    duration: c.duration != null && /^\d+$/.test(String(c.duration)) ? Number(c.duration) : null,
    answeredBy: c.answeredBy ?? null,
  };
}

export function createTwilioClient(o: TwilioClientOptions): TwilioCalls {
  if (!/^AC[0-9a-fA-F]{32}$/.test(o.accountSid)) throw new Error('accountSid must be AC followed by 32 hex digits');
  if (!o.authToken) throw new Error('authToken is required');
  let sdk: Promise<Twilio> | undefined;
  const client = (): Promise<Twilio> =>
    (sdk ??= (async () => {
      const { default: twilio } = await import('twilio');
      const timeout = o.timeoutMs ?? 10_000;
      const httpClient = o.baseUrl ? rebasedHttpClient(new twilio.RequestClient({ timeout }), o.baseUrl) : undefined;
      // TWILIO_EDGE/TWILIO_REGION in the environment make the SDK write api.<edge>.<region>.twilio.com: the
      // rebasing pattern covers those host names too, so a configured base URL always wins.
      return twilio(o.accountSid, o.authToken, { timeout, autoRetry: false, ...(httpClient ? { httpClient: httpClient as RequestClient } : {}) });
    })());

  async function run<T>(f: (c: Twilio) => Promise<T>): Promise<T> {
    const c = await client();
    try {
      return await f(c);
    } catch (err) {
      throw toTwilioError(err);
    }
  }

  return {
    createCall(req) {
      return run(async (c) =>
        toCall(
          await c.calls.create({
            to: req.to,
            from: req.from,
            url: req.url,
            method: 'POST',
            ...(req.statusCallback ? { statusCallback: req.statusCallback, statusCallbackMethod: 'POST' as const } : {}),
            ...(req.statusCallbackEvent?.length ? { statusCallbackEvent: req.statusCallbackEvent } : {}),
            ...(req.machineDetection ? { machineDetection: req.machineDetection } : {}),
            ...(req.timeout ? { timeout: req.timeout } : {}),
          }),
        ),
      );
    },
    endCall(sid) {
      if (!CALL_SID.test(sid)) return notACallSid(sid);
      return run(async (c) => toCall(await c.calls(sid).update({ status: 'completed' })));
    },
    transferCall(sid, target) {
      if (!CALL_SID.test(sid)) return notACallSid(sid);
      if (!isTransferTarget(target)) return Promise.reject(new TwilioRequestError({ status: 400, twilioCode: 21211, message: `not a number or SIP URI to transfer to: ${target.slice(0, 60)}` }));
      return run(async (c) => {
        const { default: twilio } = await import('twilio');
        const twiml = new twilio.twiml.VoiceResponse();
        const dial = twiml.dial();
        if (isE164(target)) dial.number(target);
        else dial.sip(target);
        return toCall(await c.calls(sid).update({ twiml: twiml.toString() }));
      });
    },
  };
}
