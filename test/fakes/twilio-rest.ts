// A local fake of Twilio's REST API (Calls resource) speaking the real wire protocol, for tests of code that
// uses the official SDK (see control-api/twilio/client.ts, TWILIO_API_BASE_URL):
//
//   POST /2010-04-01/Accounts/{AccountSid}/Calls.json             create (HTTP Basic SID:token, form-encoded)
//   POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json   update: Status=completed|canceled, Twiml=…, Url=…
//   GET  /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json   fetch
//
// Replies are JSON like Twilio's call resource; errors are Twilio's JSON error shape
// `{code, message, more_info, status}`. It then plays the call's progress on demand —
// `fake.progress(sid, ['initiated', 'ringing', 'in-progress', 'completed'])` — posting status callbacks to the
// recorded StatusCallback (only for the events asked for in StatusCallbackEvent, as Twilio does), signed with
// X-Twilio-Signature. `fake.voiceWebhook(sid)` fetches the call's TwiML from its Url like Twilio on answer.
//
// Twilio error codes used (from Twilio's error dictionary; the ones marked * are best guesses, unverified):
// 20003 authentication, 20404 not found, 21201 no To*, 21205 Url invalid or missing*, 21211 invalid To,
// 21212 invalid From*, 21213 no From*, 21215 geo permission (To +15005550003 as with test credentials),
// 21220 call not in progress (updating an ended call*), 20001 invalid parameter value*.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import webhooks from 'twilio/lib/webhooks/webhooks.js';

export type FakeCallStatus = 'queued' | 'initiated' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Basic credentials as sent (null: none or malformed). */
  auth: { username: string; password: string } | null;
  contentType: string | undefined;
  /** Form fields; a repeated field (StatusCallbackEvent) keeps every value in `all`. */
  form: URLSearchParams;
  status: number;
}

export interface FakeCall {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  url: string | undefined;
  twiml: string | undefined;
  applicationSid: string | undefined;
  method: string;
  statusCallback: string | undefined;
  statusCallbackMethod: string;
  statusCallbackEvent: string[];
  machineDetection: string | undefined;
  /** Every create parameter as sent. */
  params: URLSearchParams;
  status: FakeCallStatus;
  answeredBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  durationS: number | null;
  /** Update requests received (Status, Twiml, Url …), in order. */
  updates: URLSearchParams[];
  /** SequenceNumber of the next status callback. */
  nextSequence: number;
}

export interface CallbackDelivery {
  status: FakeCallStatus;
  /** false when the call did not ask for this event (StatusCallbackEvent) or has no StatusCallback. */
  sent: boolean;
  url?: string;
  params?: Record<string, string>;
  /** HTTP status of our server's answer (0: unreachable). */
  httpStatus?: number;
  body?: string;
}

export interface FakeError {
  status: number;
  code: number;
  message: string;
}

export interface FakeTwilioOptions {
  accountSid?: string;
  authToken?: string;
}

const TERMINAL = new Set<FakeCallStatus>(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
const EVENT_OF: Record<FakeCallStatus, string | null> = {
  queued: null,
  initiated: 'initiated',
  ringing: 'ringing',
  'in-progress': 'answered',
  completed: 'completed',
  busy: 'completed',
  failed: 'completed',
  'no-answer': 'completed',
  canceled: 'completed',
};
const EVENTS = new Set(['initiated', 'ringing', 'answered', 'completed']);
const PHONE = /^\+[1-9]\d{1,14}$/;
const ADDRESS = /^(?:\+[1-9]\d{1,14}|client:[A-Za-z0-9_.-]{1,121}|sip:[^\s]{1,250})$/;
const PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls(?:\/([^/]+))?\.json$/;

/** RFC 2822 as Twilio writes it: `Mon, 16 Aug 2010 03:45:01 +0000`. */
export function rfc2822(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

const hex = (n: number) => randomBytes(n).toString('hex');

export class FakeTwilioRest {
  readonly accountSid: string;
  readonly authToken: string;
  readonly requests: RecordedRequest[] = [];
  readonly calls = new Map<string, FakeCall>();
  private readonly failures: FakeError[] = [];
  private readonly tunnels: { from: string; to: string }[] = [];
  private constructor(private readonly server: Server, opts: FakeTwilioOptions) {
    this.accountSid = opts.accountSid ?? `AC${hex(16)}`;
    this.authToken = opts.authToken ?? hex(16);
  }

  static async start(opts: FakeTwilioOptions = {}): Promise<FakeTwilioRest> {
    let fake: FakeTwilioRest | undefined;
    const server = createServer((req, res) => {
      fake!.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 20500, message: `fake Twilio failed: ${String(err)}`, more_info: 'https://www.twilio.com/docs/errors/20500', status: 500 }));
      });
    });
    fake = new FakeTwilioRest(server, opts);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** Base URL to use instead of https://api.twilio.com. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next request (any endpoint, after authentication) is answered with this error. */
  failNext(err: FakeError): void {
    this.failures.push(err);
  }

  /**
   * Callbacks to URLs under `publicBase` are delivered to `localBase` instead (as a tunnel would), still
   * signed over the public URL — the one our server was told, and checks signatures against.
   */
  tunnel(publicBase: string, localBase: string): void {
    this.tunnels.push({ from: publicBase.replace(/\/+$/, ''), to: localBase.replace(/\/+$/, '') });
  }

  /** Create requests received, newest last. */
  get createRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && /\/Calls\.json$/.test(r.path));
  }

  /**
   * An inbound call already in progress (as when Twilio rang our voice webhook), so its live-call
   * updates (redirect with Twiml, hang-up) can be exercised.
   */
  addInboundCall(sid: string, o: { from: string; to: string; accountSid?: string }): FakeCall {
    const now = new Date();
    const call: FakeCall = {
      sid, accountSid: o.accountSid ?? 'AC' + '0'.repeat(32), to: o.to, from: o.from, url: undefined, twiml: undefined, applicationSid: undefined,
      method: 'POST', statusCallback: undefined, statusCallbackMethod: 'POST', statusCallbackEvent: [], machineDetection: undefined,
      params: new URLSearchParams(), status: 'in-progress', answeredBy: null, createdAt: now, updatedAt: now, startedAt: now, endedAt: null,
      durationS: null, updates: [], nextSequence: 0,
    };
    this.calls.set(sid, call);
    return call;
  }

  call(sid: string): FakeCall {
    const c = this.calls.get(sid);
    if (!c) throw new Error(`fake Twilio: no call ${sid}`);
    return c;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- call progress and callbacks ----

  /**
   * Moves the call through `statuses` in order, posting one status callback per status the call asked for.
   * `durationS` is reported as CallDuration on the terminal callback (default: seconds since in-progress);
   * `answeredBy` is sent with machine detection (default 'human').
   */
  async progress(sid: string, statuses: FakeCallStatus[], opts: { durationS?: number; answeredBy?: string } = {}): Promise<CallbackDelivery[]> {
    const call = this.call(sid);
    const out: CallbackDelivery[] = [];
    for (const status of statuses) {
      const now = new Date();
      call.status = status;
      call.updatedAt = now;
      if (status === 'in-progress') {
        call.startedAt ??= now;
        if (call.machineDetection) call.answeredBy = opts.answeredBy ?? 'human';
      }
      if (TERMINAL.has(status)) {
        call.endedAt ??= now;
        call.durationS = opts.durationS ?? (call.startedAt ? Math.round((call.endedAt.getTime() - call.startedAt.getTime()) / 1000) : 0);
      }
      out.push(await this.sendStatusCallback(call, status));
    }
    return out;
  }

  /** The form fields of a status callback for the call's current state. */
  callbackParams(call: FakeCall, status: FakeCallStatus): Record<string, string> {
    const p: Record<string, string> = {
      AccountSid: call.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: call.sid,
      CallStatus: status,
      Called: call.to,
      Caller: call.from,
      Direction: 'outbound-api',
      From: call.from,
      To: call.to,
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(call.nextSequence),
      Timestamp: rfc2822(call.updatedAt),
    };
    if (TERMINAL.has(status)) p.CallDuration = String(call.durationS ?? 0);
    if (call.machineDetection && call.answeredBy && (status === 'in-progress' || TERMINAL.has(status))) p.AnsweredBy = call.answeredBy;
    return p;
  }

  private async sendStatusCallback(call: FakeCall, status: FakeCallStatus): Promise<CallbackDelivery> {
    const event = EVENT_OF[status];
    // Without StatusCallbackEvent Twilio reports only `completed`.
    const wanted = call.statusCallbackEvent.length > 0 ? call.statusCallbackEvent : ['completed'];
    if (!call.statusCallback || !event || !wanted.includes(event)) return { status, sent: false };
    const params = this.callbackParams(call, status);
    call.nextSequence++;
    const r = await this.signedRequest(call.statusCallback, call.statusCallbackMethod, params);
    return { status, sent: true, url: call.statusCallback, params, ...r };
  }

  /** Fetches the call's TwiML from its Url, as Twilio does when the callee answers. */
  async voiceWebhook(sid: string): Promise<{ httpStatus: number; body: string; params: Record<string, string> }> {
    const call = this.call(sid);
    if (!call.url) throw new Error(`fake Twilio: call ${sid} has no Url`);
    const params: Record<string, string> = {
      AccountSid: call.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: call.sid,
      CallStatus: call.status,
      Called: call.to,
      Caller: call.from,
      Direction: 'outbound-api',
      From: call.from,
      To: call.to,
      ...(call.answeredBy ? { AnsweredBy: call.answeredBy } : {}),
    };
    const r = await this.signedRequest(call.url, call.method, params);
    return { httpStatus: r.httpStatus, body: r.body, params };
  }

  /** A webhook request signed like Twilio: POST form (params in the signature), or GET with a query. */
  private async signedRequest(url: string, method: string, params: Record<string, string>): Promise<{ httpStatus: number; body: string }> {
    let target = url;
    let body: string | undefined;
    let signature: string;
    if (method.toUpperCase() === 'GET') {
      const u = new URL(url);
      for (const [k, v] of Object.entries(params)) u.searchParams.append(k, v);
      target = u.toString();
      signature = webhooks.getExpectedTwilioSignature(this.authToken, target, {});
    } else {
      body = new URLSearchParams(params).toString();
      signature = webhooks.getExpectedTwilioSignature(this.authToken, url, params);
    }
    const t = this.tunnels.find((x) => target === x.from || target.startsWith(`${x.from}/`) || target.startsWith(`${x.from}?`));
    const physical = t ? t.to + target.slice(t.from.length) : target;
    try {
      const res = await fetch(physical, {
        method: method.toUpperCase() === 'GET' ? 'GET' : 'POST',
        headers: { 'x-twilio-signature': signature, 'user-agent': 'TwilioProxy/1.1', ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
      });
      return { httpStatus: res.status, body: await res.text() };
    } catch {
      return { httpStatus: 0, body: '' };
    }
  }

  // ---- the REST API ----

  private resource(c: FakeCall): Record<string, unknown> {
    const uri = `/2010-04-01/Accounts/${c.accountSid}/Calls/${c.sid}.json`;
    return {
      account_sid: c.accountSid,
      annotation: null,
      answered_by: c.answeredBy,
      api_version: '2010-04-01',
      caller_name: null,
      date_created: rfc2822(c.createdAt),
      date_updated: rfc2822(c.updatedAt),
      direction: 'outbound-api',
      duration: c.durationS === null ? null : String(c.durationS),
      end_time: c.endedAt ? rfc2822(c.endedAt) : null,
      forwarded_from: null,
      from: c.from,
      from_formatted: c.from,
      group_sid: null,
      parent_call_sid: null,
      phone_number_sid: null,
      price: null,
      price_unit: 'USD',
      queue_time: '0',
      sid: c.sid,
      start_time: c.startedAt ? rfc2822(c.startedAt) : null,
      status: c.status,
      subresource_uris: {
        notifications: uri.replace('.json', '/Notifications.json'),
        recordings: uri.replace('.json', '/Recordings.json'),
        payments: uri.replace('.json', '/Payments.json'),
        events: uri.replace('.json', '/Events.json'),
        siprec: uri.replace('.json', '/Siprec.json'),
        streams: uri.replace('.json', '/Streams.json'),
        user_defined_message_subscriptions: uri.replace('.json', '/UserDefinedMessageSubscriptions.json'),
        user_defined_messages: uri.replace('.json', '/UserDefinedMessages.json'),
      },
      to: c.to,
      to_formatted: c.to,
      trunk_sid: null,
      uri,
    };
  }

  private send(res: ServerResponse, rec: RecordedRequest | null, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (rec) rec.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private error(res: ServerResponse, rec: RecordedRequest | null, e: FakeError, headers: Record<string, string> = {}): void {
    this.send(res, rec, e.status, { code: e.code, message: e.message, more_info: `https://www.twilio.com/docs/errors/${e.code}`, status: e.status }, headers);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', 'http://fake');
    const contentType = req.headers['content-type'];
    const form = req.method === 'POST' && /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '') ? new URLSearchParams(raw) : new URLSearchParams();
    const rec: RecordedRequest = { method: req.method ?? '', path: u.pathname, auth: basicAuth(req.headers.authorization), contentType, form, status: 0 };
    this.requests.push(rec);

    const m = PATH.exec(u.pathname);
    if (!m) return this.error(res, rec, { status: 404, code: 20404, message: `The requested resource ${u.pathname} was not found` });
    if (!rec.auth || rec.auth.username !== this.accountSid || rec.auth.password !== this.authToken) {
      return this.send(res, rec, 401, { code: 20003, detail: 'Your AccountSid or AuthToken was incorrect.', message: 'Authentication Error - invalid username', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 }, { 'www-authenticate': 'Basic realm="Twilio API"' });
    }
    if (m[1] !== this.accountSid) return this.error(res, rec, { status: 404, code: 20404, message: `The requested resource ${u.pathname} was not found` });
    const injected = this.failures.shift();
    if (injected) return this.error(res, rec, injected);

    const sid = m[2];
    if (req.method === 'GET' && sid) {
      const c = this.calls.get(sid);
      return c ? this.send(res, rec, 200, this.resource(c)) : this.error(res, rec, { status: 404, code: 20404, message: `The requested resource ${u.pathname} was not found` });
    }
    if (req.method !== 'POST') return this.error(res, rec, { status: 405, code: 20004, message: 'Method not allowed' });
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) return this.error(res, rec, { status: 400, code: 20001, message: 'Content-Type must be application/x-www-form-urlencoded' });
    return sid ? this.update(res, rec, sid, form) : this.create(res, rec, m[1], form);
  }

  private create(res: ServerResponse, rec: RecordedRequest, accountSid: string, f: URLSearchParams): void {
    const bad = (code: number, message: string) => this.error(res, rec, { status: 400, code, message });
    const to = f.get('To');
    const from = f.get('From');
    if (!to) return bad(21201, "No 'To' number is specified");
    if (!from) return bad(21213, "No 'From' number is specified");
    if (!ADDRESS.test(to)) return bad(21211, `Invalid 'To' Phone Number: ${to.slice(0, 40)}`);
    if (!PHONE.test(from) && !from.startsWith('client:')) return bad(21212, `Invalid 'From' Phone Number: ${from.slice(0, 40)}`);
    // Magic numbers of Twilio's test credentials.
    if (to === '+15005550001') return bad(21211, `Invalid 'To' Phone Number: ${to}`);
    if (to === '+15005550003') return bad(21215, `Account not authorized to call ${to}. Perhaps you need to enable some international permissions: https://www.twilio.com/console/voice/calls/geo-permissions/low-risk`);
    const url = f.get('Url') ?? undefined;
    const twiml = f.get('Twiml') ?? undefined;
    const applicationSid = f.get('ApplicationSid') ?? undefined;
    if (!url && !twiml && !applicationSid) return bad(21205, "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required");
    if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url)) return bad(21205, `Url is not a valid URL: ${url.slice(0, 80)}`);
    if (twiml !== undefined && twiml.length > 4000) return bad(21205, 'Twiml is longer than 4000 characters');
    const statusCallback = f.get('StatusCallback') ?? undefined;
    if (statusCallback !== undefined && !/^https?:\/\/[^\s]+$/i.test(statusCallback)) return bad(21205, `StatusCallback is not a valid URL: ${statusCallback.slice(0, 80)}`);
    const events = f.getAll('StatusCallbackEvent').flatMap((v) => v.split(' ')).filter(Boolean);
    const unknownEvent = events.find((e) => !EVENTS.has(e));
    if (unknownEvent) return bad(20001, `StatusCallbackEvent "${unknownEvent}" is not one of initiated, ringing, answered, completed`);
    const machineDetection = f.get('MachineDetection') ?? undefined;
    if (machineDetection !== undefined && !['Enable', 'DetectMessageEnd'].includes(machineDetection)) return bad(20001, 'MachineDetection must be Enable or DetectMessageEnd');
    const now = new Date();
    const call: FakeCall = {
      sid: `CA${hex(16)}`,
      accountSid,
      to,
      from,
      url,
      twiml,
      applicationSid,
      method: f.get('Method') ?? 'POST',
      statusCallback,
      statusCallbackMethod: f.get('StatusCallbackMethod') ?? 'POST',
      statusCallbackEvent: events,
      machineDetection,
      params: f,
      status: 'queued',
      answeredBy: null,
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      endedAt: null,
      durationS: null,
      updates: [],
      nextSequence: 0,
    };
    this.calls.set(call.sid, call);
    this.send(res, rec, 201, this.resource(call));
  }

  private update(res: ServerResponse, rec: RecordedRequest, sid: string, f: URLSearchParams): void {
    const call = this.calls.get(sid);
    if (!call) return this.error(res, rec, { status: 404, code: 20404, message: `The requested resource ${rec.path} was not found` });
    call.updates.push(f);
    const status = f.get('Status');
    const twiml = f.get('Twiml');
    const url = f.get('Url');
    if (status === null && twiml === null && url === null) return this.error(res, rec, { status: 400, code: 20001, message: 'Nothing to update: give Status, Twiml or Url' });
    if (status !== null && status !== 'completed' && status !== 'canceled') return this.error(res, rec, { status: 400, code: 20001, message: 'Status must be completed or canceled' });
    if (TERMINAL.has(call.status)) return this.error(res, rec, { status: 400, code: 21220, message: 'Call is not in-progress. Cannot redirect.' });
    const now = new Date();
    call.updatedAt = now;
    if (status === 'completed' || (status === 'canceled' && (call.status === 'queued' || call.status === 'ringing' || call.status === 'initiated'))) {
      call.status = status;
      call.endedAt = now;
      call.durationS = call.startedAt ? Math.round((now.getTime() - call.startedAt.getTime()) / 1000) : 0;
    } else if (twiml !== null) {
      call.twiml = twiml;
    } else if (url !== null) {
      call.url = url;
    }
    this.send(res, rec, 200, this.resource(call));
  }
}

function basicAuth(header: string | undefined): { username: string; password: string } | null {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m) return null;
  const s = Buffer.from(m[1], 'base64').toString('utf8');
  const i = s.indexOf(':');
  return i < 0 ? null : { username: s.slice(0, i), password: s.slice(i + 1) };
}
