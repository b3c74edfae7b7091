// Twilio's HTTP webhooks: POST /twilio/voice answers TwiML that connects the call to our media stream
// (with a signed, short-lived token as a <Parameter>); POST /twilio/status records status callbacks.
// Both refuse requests without a valid X-Twilio-Signature.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, type Registry } from '../../lib/metrics.ts';
import type { Bus } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { CallEventPublisher } from '../../lib/call-events.ts';
import { signStreamToken } from '../../lib/stream-token.ts';
import { validTwilioSignature } from '../../lib/twilio-signature.ts';
import { isSubjectToken, uap, TWILIO_STATUS_PATH, TWILIO_VOICE_PATH } from '../../proto/index.ts';
import { RouteRefusedError, type Router } from '../routing.ts';
import { connectStreamTwiml, sayAndHangupTwiml } from './twiml.ts';

export interface TwilioWebhookOptions {
  publicUrl: URL;
  /** Full ws(s):// URL of the media stream endpoint. */
  streamUrl: string;
  authToken: string | undefined;
  tokenKey: Buffer | undefined;
  tokenTtlS: number;
  router: Router;
  bus: Bus;
  log: Logger;
  registry: Registry;
}

const CALL_STATUSES = new Set(['queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'failed', 'no-answer', 'canceled']);
const E164ish = /^[+0-9A-Za-z:@._-]{1,64}$/; // Twilio sends E.164, client:name or sip: URIs

export async function twilioWebhooks(app: FastifyInstance, o: TwilioWebhookOptions): Promise<void> {
  const webhooks = new Counter({ name: 'uap_signaling_webhooks_total', help: 'Twilio webhooks by endpoint and outcome', labelNames: ['endpoint', 'outcome'], registers: [o.registry] });
  const base = o.publicUrl.toString().replace(/\/$/, '');

  /** Checks configuration and signature; answers the refusal itself and returns false when refused. */
  function authorized(req: FastifyRequest, reply: FastifyReply, endpoint: string): boolean {
    if (!o.authToken || !o.tokenKey) {
      webhooks.labels(endpoint, 'not_configured').inc();
      req.log.warn('Twilio webhook refused: TWILIO_AUTH_TOKEN is not set');
      void reply.code(403).type('application/problem+json').send({ type: 'about:blank', title: 'Twilio webhooks are disabled until TWILIO_AUTH_TOKEN is set', status: 403, code: 'TWILIO_NOT_CONFIGURED' });
      return false;
    }
    const url = base + req.url;
    const params = (req.body ?? {}) as Record<string, unknown>;
    if (!validTwilioSignature(o.authToken, req.headers['x-twilio-signature'] as string | undefined, url, params)) {
      webhooks.labels(endpoint, 'bad_signature').inc();
      const given = req.headers['x-twilio-signature'];
      req.log.warn({ url }, given ? 'Twilio webhook refused: X-Twilio-Signature does not match (wrong auth token, or PUBLIC_URL differs from the URL Twilio called)' : 'Twilio webhook refused: no X-Twilio-Signature header');
      void reply.code(403).type('application/problem+json').send({ type: 'about:blank', title: 'invalid X-Twilio-Signature', status: 403, code: 'BAD_SIGNATURE' });
      return false;
    }
    return true;
  }

  function field(body: Record<string, unknown>, name: string): string | undefined {
    const v = body[name];
    return typeof v === 'string' && v.length > 0 && v.length <= 256 ? v : undefined;
  }

  function badRequest(reply: FastifyReply, endpoint: string, detail: string) {
    webhooks.labels(endpoint, 'bad_request').inc();
    return reply.code(400).type('application/problem+json').send({ type: 'about:blank', title: 'bad webhook request', status: 400, code: 'BAD_REQUEST', detail });
  }

  app.post(TWILIO_VOICE_PATH, async (req, reply) => {
    if (!authorized(req, reply, 'voice')) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const callSid = field(body, 'CallSid');
    const from = field(body, 'From') ?? '';
    const to = field(body, 'To') ?? field(body, 'Called') ?? '';
    if (!callSid || !isSubjectToken(callSid)) return badRequest(reply, 'voice', 'CallSid is missing or malformed');
    if ((from && !E164ish.test(from)) || (to && !E164ish.test(to))) return badRequest(reply, 'voice', 'From or To is malformed');
    const log = req.log.child({ callId: callSid });
    // An outbound call (placed through the API) belongs to the tenant of the number it is placed from,
    // and was admitted (quota checked) when it was placed.
    const outbound = (field(body, 'Direction') ?? 'inbound').startsWith('outbound');
    const ourNumber = outbound ? from : to;
    let route;
    try {
      route = await o.router.lookup(ourNumber, { admit: !outbound });
    } catch (err) {
      if (err instanceof RouteRefusedError) {
        // Known number, but the tenant may not take the call now: refuse politely and record it.
        webhooks.labels('voice', err.reason.toLowerCase()).inc();
        log.warn({ tenantId: err.tenantId, to, reason: err.reason }, 'call refused');
        await new CallEventPublisher(o.bus, callSid, err.tenantId, log, 'signaling').emit(
          { ended: { reason: uap.EndReason.REFUSED, detail: `${err.reason} from=${from} to=${to}` } },
          false,
          `${callSid}.refused`,
        );
        return reply.type('text/xml').send(sayAndHangupTwiml(err.reason === 'OVER_QUOTA' ? 'Sorry, all our lines are busy. Please call again later.' : 'Sorry, this service is not available. Goodbye.'));
      }
      webhooks.labels('voice', 'routing_unavailable').inc();
      log.error({ err, to }, 'call refused: routing is unavailable');
      return reply.type('text/xml').send(sayAndHangupTwiml('Sorry, we cannot take your call right now. Please try again later.'));
    }
    if (!route) {
      webhooks.labels('voice', 'unknown_number').inc();
      log.warn({ to, from, outbound }, 'call for a number with no route refused');
      return reply.type('text/xml').send(sayAndHangupTwiml('Sorry, this number is not in service. Goodbye.'));
    }
    const token = signStreamToken(
      o.tokenKey!,
      { callId: callSid, providerCallId: callSid, tenantId: route.tenantId, agentKind: route.agentKind, agentConfigId: route.agentConfigId, from, to, direction: outbound ? 'outbound' : 'inbound' },
      o.tokenTtlS,
    );
    webhooks.labels('voice', 'connected').inc();
    log.info({ tenantId: route.tenantId, from, to, agentKind: route.agentKind }, 'incoming call: connecting media stream');
    return reply.type('text/xml').send(connectStreamTwiml(o.streamUrl, { token, callId: callSid }));
  });

  app.post(TWILIO_STATUS_PATH, async (req, reply) => {
    if (!authorized(req, reply, 'status')) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const callSid = field(body, 'CallSid');
    const status = field(body, 'CallStatus');
    if (!callSid || !isSubjectToken(callSid)) return badRequest(reply, 'status', 'CallSid is missing or malformed');
    if (!status || !CALL_STATUSES.has(status)) return badRequest(reply, 'status', 'CallStatus is missing or unknown');
    const direction = field(body, 'Direction') ?? 'inbound';
    const ourNumber = direction === 'inbound' ? field(body, 'To') : field(body, 'From');
    const route = await o.router.lookup(ourNumber ?? '', { admit: false }).catch(() => undefined);
    const tenantId = route?.tenantId ?? 'default';
    const seq = field(body, 'SequenceNumber') ?? '';
    const log = req.log.child({ callId: callSid, tenantId });
    const events = new CallEventPublisher(o.bus, callSid, tenantId, log, 'status');
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k.length < 64) raw[k] = v.slice(0, 512);
    // Wait for the stream's acknowledgement: a 2xx tells Twilio the callback is safely recorded.
    await events.emit({ providerStatus: { status, providerCallId: callSid, rawJson: JSON.stringify(raw) } }, true, `${callSid}.status.${/^\d+$/.test(seq) ? seq : status}`);
    webhooks.labels('status', status).inc();
    log.info({ status, duration: raw.CallDuration }, 'call status callback');
    return reply.code(204).send();
  });
}
