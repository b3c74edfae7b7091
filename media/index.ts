// The media role: Twilio Media Streams (SIP/RTP and WebRTC join later) terminated into media sessions.
import type { Config } from '../lib/config.ts';
import type { Bus } from '../lib/bus/types.ts';
import type { Logger } from '../lib/logger.ts';
import type { Registry } from '../lib/metrics.ts';
import { streamTokenKey, TokenReplayGuard } from '../lib/stream-token.ts';
import { createMediaMetrics } from './metrics.ts';
import { AgentWatch } from './agent-watch.ts';
import { SharedTicker } from './session/ticker.ts';
import type { MediaSession } from './session/media-session.ts';
import type { MediaServer } from './twilio/server.ts';
import { startMediaListener } from './twilio/listener.ts';
import { SipMedia, PortPool, createRtpMetrics } from './rtp/index.ts';
import { WebRtcMedia, createWebRtcMetrics } from './webrtc/index.ts';
import { applyMediaNice } from './priority.ts';

export { MediaSession } from './session/media-session.ts';

export const INTERNAL_RATE = 16000;

export interface MediaRole {
  readonly port: number;
  activeCalls(): number;
  /** Whether an agent worker has heart-beaten recently (calls would fail to dispatch otherwise). */
  agentsAlive(): boolean;
  /** The media half of the SIP gateway (RTP + media sessions), when SIP_ENABLED. */
  readonly sipMedia: SipMedia | undefined;
  /** The media half of softphone calls (werift peer connections + media sessions); signalling drives it. */
  readonly webrtcMedia: WebRtcMedia;
  /** Stop taking new streams; resolves when calls have ended or after timeoutMs (then ends them). */
  drain(timeoutMs: number): Promise<void>;
  close(): void;
}

export async function startMediaRole(config: Config, bus: Bus, registry: Registry, log: Logger): Promise<MediaRole> {
  if (config.mediaNice !== undefined) applyMediaNice(config.mediaNice, log);
  const metrics = createMediaMetrics(registry, 'twilio');
  const ticker = new SharedTicker(5);
  ticker.onLateTick = () => metrics.lateTicks.inc();
  const sessions = new Set<MediaSession>();
  let linkUp = true;
  bus.onStatus((s) => {
    if (s.type === 'disconnected' || s.type === 'reconnecting') linkUp = false;
    else if (s.type === 'connected' || s.type === 'reconnected') linkUp = true;
  });
  // Agent heartbeats: readiness (can calls be served at all?) and re-dispatch of a dead worker's calls.
  const watch = new AgentWatch({ bus, log, deadAfterMs: config.workerDeadAfterMs, calls: () => sessions, linkUp: () => linkUp });
  const pendingTimer = setInterval(() => metrics.eventsPending.set(bus.pendingDurable()), 1000);
  pendingTimer.unref();
  const server: MediaServer & { kind: string } = await startMediaListener({
    host: config.host,
    port: config.mediaPort,
    publicUrl: config.mediaPublicUrl,
    twilioAuthToken: config.twilioAuthToken,
    log,
    health: () => ({ ok: true, body: JSON.stringify({ status: 'ok', calls: sessions.size }) }),
    ctx: {
      log,
      metrics,
      tokenKey: streamTokenKey(config.streamTokenSecret, config.twilioAuthToken),
      replay: new TokenReplayGuard(),
      sessionDeps: { bus, metrics, ticker, linkUp: () => linkUp },
      internalRate: INTERNAL_RATE,
      leadMs: config.mediaLeadMs,
      queueMaxMs: config.mediaQueueMaxMs,
      dispatchTimeoutMs: config.dispatchTimeoutMs,
      maxBackpressureBytes: config.wsMaxBackpressureBytes,
      onSession: (s, open) => (open ? sessions.add(s) : sessions.delete(s)),
    },
  });
  const sipMedia = config.sipEnabled
    ? new SipMedia({
        bindHost: config.sipHost,
        publicAddress: config.sipPublicIp,
        pool: new PortPool(config.rtpPortMin, config.rtpPortMax),
        rtpMetrics: createRtpMetrics(registry),
        inactivityTimeoutMs: config.rtpTimeoutMs,
        jitterMinMs: config.sip.jitterMinMs,
        jitterMaxMs: config.sip.jitterMaxMs,
        clockPrecisionMs: config.sip.clockPrecisionMs,
        clockPhases: config.sip.clockPhases,
        sessionDeps: { bus, metrics: createMediaMetrics(registry, 'sip'), ticker, linkUp: () => linkUp },
        internalRate: INTERNAL_RATE,
        leadMs: config.mediaLeadMs,
        queueMaxMs: config.mediaQueueMaxMs,
        dispatchTimeoutMs: config.dispatchTimeoutMs,
        log: log.child({ component: 'rtp' }),
        onSession: (s, open) => (open ? sessions.add(s) : sessions.delete(s)),
      })
    : undefined;
  const webrtcMedia = new WebRtcMedia({
    net: { iceServers: config.webrtc.iceServers, portRange: config.webrtc.portRange },
    iceTimeoutMs: config.webrtc.iceTimeoutMs,
    mediaTimeoutMs: config.rtpTimeoutMs,
    jitterMinMs: config.webrtc.jitterMinMs,
    jitterMaxMs: config.webrtc.jitterMaxMs,
    clock: sipMedia?.clock, // one 20 ms clock for all paced RTP in the process
    webrtcMetrics: createWebRtcMetrics(registry),
    sessionDeps: { bus, metrics: createMediaMetrics(registry, 'webrtc'), ticker, linkUp: () => linkUp },
    internalRate: INTERNAL_RATE,
    leadMs: config.mediaLeadMs,
    queueMaxMs: config.mediaQueueMaxMs,
    dispatchTimeoutMs: config.dispatchTimeoutMs,
    log: log.child({ component: 'webrtc' }),
    onSession: (s, open) => (open ? sessions.add(s) : sessions.delete(s)),
  });
  if (!config.twilioAuthToken) log.warn('TWILIO_AUTH_TOKEN is not set: Twilio media streams will be refused until it is');
  log.info({ port: server.port, listener: server.kind, url: config.twilioStreamUrl }, 'media listening');

  return {
    port: server.port,
    sipMedia,
    webrtcMedia,
    activeCalls: () => sessions.size,
    agentsAlive: () => watch.anyAlive(),
    async drain(timeoutMs) {
      server.stopAccepting();
      const deadline = Date.now() + timeoutMs;
      while (sessions.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (sessions.size > 0) {
        log.warn({ calls: sessions.size }, 'drain timeout: ending remaining calls');
        server.closeAll();
        sipMedia?.closeAll();
        webrtcMedia.closeAll();
      }
    },
    close() {
      watch.close();
      clearInterval(pendingTimer);
      server.close();
      sipMedia?.closeAll();
      sipMedia?.clock.stop();
      webrtcMedia.closeAll();
      webrtcMedia.clock.stop();
      ticker.stop();
    },
  };
}
