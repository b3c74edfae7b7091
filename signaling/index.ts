// The signaling role: call set-up. Twilio webhooks now; SIP and WebRTC signalling join later.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../lib/config.ts';
import type { Bus } from '../lib/bus/types.ts';
import type { Logger } from '../lib/logger.ts';
import type { Registry } from '../lib/metrics.ts';
import { streamTokenKey } from '../lib/stream-token.ts';
import { BusRouter, ConfigRouter } from './routing.ts';
import { twilioWebhooks } from './twilio/webhooks.ts';


export async function registerSignalingRole(app: FastifyInstance, config: Config, bus: Bus, registry: Registry, log: Logger): Promise<void> {
  await app.register(twilioWebhooks, {
    publicUrl: config.publicUrl,
    streamUrl: config.twilioStreamUrl,
    authToken: config.twilioAuthToken,
    tokenKey: streamTokenKey(config.streamTokenSecret, config.twilioAuthToken),
    tokenTtlS: config.streamTokenTtlS,
    router: config.routingSource === 'config' ? new ConfigRouter(config.routes) : new BusRouter(bus),
    bus,
    log,
    registry,
  });
  if (!config.twilioAuthToken) log.warn('TWILIO_AUTH_TOKEN is not set: Twilio webhooks are refused (403) until it is');
  log.debug({ voiceWebhook: config.twilioVoiceUrl, streamUrl: config.twilioStreamUrl }, 'signaling ready');
}
