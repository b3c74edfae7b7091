// `uap serve`: runs the chosen roles in one process over one bus, and drains them on SIGTERM/SIGINT.
import type { Config, Role } from '../lib/config.ts';
import { createLogger } from '../lib/logger.ts';
import { createRegistry } from '../lib/metrics.ts';
import { createBus } from '../lib/bus/index.ts';
import type { Bus } from '../lib/bus/types.ts';
import { startMediaRole, type MediaRole } from '../media/index.ts';
import { registerSignalingRole } from '../signaling/index.ts';
import { startAgentRole, type AgentRole } from '../agent/index.ts';
import { startApiRole, type ApiRole } from '../control-api/index.ts';
import { createHttpServer } from './http.ts';
import { startSipGateway, createSipMetrics, type SipGateway } from '../signaling/sip/index.ts';
import { BusRouter, ConfigRouter } from '../signaling/routing.ts';
import { startWebRtcSignaling, createWebRtcSignalingMetrics, type WebRtcSignaling } from '../signaling/webrtc/index.ts';
import { softphoneTokenKey } from '../lib/softphone-token.ts';

export interface Running {
  stop(reason?: string): Promise<void>;
}

export async function serve(config: Config, roles: Role[]): Promise<Running> {
  const t0 = Date.now();
  const log = createLogger(config.logLevel, { roles: roles.join(',') });
  const registry = createRegistry({ roles: roles.join(',') });
  const busLog = { info: (m: string) => log.info({ component: 'bus' }, m), warn: (m: string) => log.warn({ component: 'bus' }, m), error: (m: string) => log.error({ component: 'bus' }, m) };
  const bus: Bus = await createBus(config.natsUrl, { name: `uap:${roles.join(',')}`, log: busLog, onError: (err, subject) => log.error({ err, subject }, 'bus handler threw') });
  let busUp = true;
  bus.onStatus((s) => {
    if (s.type === 'disconnected' || s.type === 'reconnecting') busUp = false;
    if (s.type === 'reconnected' || s.type === 'connected') busUp = true;
  });

  let draining = false;
  let media: MediaRole | undefined;
  let agent: AgentRole | undefined;
  let api: ApiRole | undefined;
  const http = await createHttpServer(log, registry, {
    // A media role with no live agent worker would only answer calls to hang them up.
    ready: () => !draining && busUp && (media ? media.agentsAlive() : true),
    info: () => ({ roles, bus: bus.kind, draining, agentsSeen: media ? media.agentsAlive() : undefined, activeCalls: media?.activeCalls() ?? agent?.worker.activeCalls ?? 0 }),
  });
  // Refuse new webhooks while draining: Twilio retries elsewhere or plays its fallback.
  http.addHook('onRequest', async (req, reply) => {
    if (draining && req.method === 'POST') {
      req.log.warn({ url: req.url }, 'request refused: draining for shutdown');
      return reply.code(503).header('retry-after', '5').send({ type: 'about:blank', title: 'server is draining', status: 503, code: 'DRAINING' });
    }
  });

  if (roles.includes('api')) api = await startApiRole(config, bus, registry, log, http);
  // Media first, so it hears the agent worker's first heartbeat.
  if (roles.includes('media')) media = await startMediaRole(config, bus, registry, log);
  if (roles.includes('agent')) agent = await startAgentRole(config, bus, registry, log);
  if (roles.includes('signaling')) await registerSignalingRole(http, config, bus, registry, log);
  // The SIP trunk gateway lives with the media role: the SDP answer names an RTP port of this process.
  let sip: SipGateway | undefined;
  if (config.sipEnabled && media?.sipMedia) {
    sip = await startSipGateway({
      host: config.sipHost,
      port: config.sipPort,
      publicAddress: config.sipPublicIp,
      log: log.child({ component: 'sip' }),
      metrics: createSipMetrics(registry),
      router: config.routingSource === 'config' ? new ConfigRouter(config.routes) : new BusRouter(bus),
      media: media.sipMedia,
      bus,
      auth: { realm: config.sip.realm, algorithms: config.sip.authAlgorithms, nonceTtlMs: config.sip.nonceTtlMs },
      ringTimeoutMs: config.sip.ringTimeoutMs,
      tcp: config.sip.tcp,
      negotiate: { codecs: config.sip.codecs },
    });
  } else if (config.sipEnabled) {
    log.warn('SIP_ENABLED is set but this process runs no media role: SIP is off here');
  }
  // Softphone signalling lives with the media role too: the SDP answer names this process's ICE ports.
  let webrtc: WebRtcSignaling | undefined;
  if (media) {
    webrtc = startWebRtcSignaling({
      server: http.server,
      media: media.webrtcMedia,
      router: config.routingSource === 'config' ? new ConfigRouter(config.routes) : new BusRouter(bus),
      tokenKey: softphoneTokenKey(config.webrtc.tokenSecret, config.dataDir),
      iceServers: config.webrtc.iceServers,
      reconnectGraceMs: config.webrtc.reconnectGraceMs,
      bus,
      log: log.child({ component: 'webrtc-signaling' }),
      metrics: createWebRtcSignalingMetrics(registry),
    });
  }
  await http.listen({ host: config.host, port: config.port, listenTextResolver: (address) => `HTTP listening at ${address}` });

  const httpUrl = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  log.info(
    {
      event: 'ready',
      port: config.port,
      mediaPort: media?.port,
      bus: bus.kind,
      startupMs: Date.now() - t0,
      voiceWebhook: roles.includes('signaling') ? config.twilioVoiceUrl : undefined,
      mediaUrl: media ? config.twilioStreamUrl : undefined,
    },
    'uap ready',
  );
  {
    // For people: a short summary on stderr (stdout carries the JSON log lines).
    process.stderr.write(
      `\nuap ready in ${Date.now() - t0} ms — roles ${roles.join(',')}, bus ${bus.kind}\n` +
        `  HTTP      ${httpUrl}  (metrics /metrics, health /healthz)\n` +
        (roles.includes('signaling') ? `  webhook   POST ${config.twilioVoiceUrl}${config.twilioAuthToken ? '' : '  (disabled: set TWILIO_AUTH_TOKEN)'}\n` : '') +
        (media ? `  media     ${config.twilioStreamUrl}\n` : '') +
        (webrtc ? `  webrtc    ${config.webrtc.signalingUrl}${api ? `  (softphone ${httpUrl}/softphone)` : ''}\n` : '') +
        (sip ? `  sip       ${config.sip.tcp ? 'udp+tcp' : 'udp'} ${config.sipPublicIp}:${sip.port}  (RTP ${config.rtpPortMin}-${config.rtpPortMax})\n` : '') +
        '\n',
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop'): Promise<void> => {
    stopping ??= (async () => {
      draining = true;
      sip?.stopAccepting();
      webrtc?.stopAccepting();
      log.info({ reason, activeCalls: media?.activeCalls() ?? agent?.worker.activeCalls ?? 0, timeoutMs: config.drainTimeoutMs }, 'draining');
      await Promise.all([media?.drain(config.drainTimeoutMs), agent?.drain(config.drainTimeoutMs)]);
      await sip?.close(2000);
      webrtc?.close();
      await http.close();
      media?.close();
      await agent?.close();
      await api?.close();
      await bus.drain(5000);
      log.info('stopped');
    })();
    return stopping;
  };
  return { stop };
}
