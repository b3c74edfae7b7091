// The softphone signalling endpoint: WebSocket upgrades on WEBRTC_SIGNALING_PATH of the process's HTTP
// server (the `ws` library), one SignalingConnection per socket. It runs where the media role runs: the
// SDP answer names this process's ICE ports.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Bus } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { TokenReplayGuard } from '../../lib/stream-token.ts';
import { WEBRTC_SIGNALING_PATH } from '../../proto/paths.ts';
import type { Router } from '../routing.ts';
import { MAX_MESSAGE_BYTES } from './messages.ts';
import type { WebRtcMediaPort } from './media-port.ts';
import { SignalingConnection, type SignalingContext } from './connection.ts';
import type { SoftphoneCall } from './softphone-call.ts';
import type { WebRtcSignalingMetrics } from './metrics.ts';

export interface WebRtcSignalingOptions {
  server: HttpServer;
  media: WebRtcMediaPort;
  router: Router;
  tokenKey: Buffer;
  iceServers: { urls: string[]; username?: string; credential?: string }[];
  reconnectGraceMs: number;
  /** Time a new socket has to send hello (default 10 s). */
  helloTimeoutMs?: number;
  bus: Bus;
  log: Logger;
  metrics: WebRtcSignalingMetrics;
  path?: string;
}

export interface WebRtcSignaling {
  activeCalls(): number;
  connections(): number;
  /** Drain: new hellos are refused (DRAINING); calls in progress go on. */
  stopAccepting(): void;
  /** Ends every call and closes every socket. */
  close(): void;
}

export function startWebRtcSignaling(o: WebRtcSignalingOptions): WebRtcSignaling {
  const path = o.path ?? WEBRTC_SIGNALING_PATH;
  const calls = new Map<string, SoftphoneCall>();
  const sockets = new Set<WebSocket>();
  let accepting = true;
  const ctx: SignalingContext = {
    media: o.media,
    router: o.router,
    tokenKey: o.tokenKey,
    replay: new TokenReplayGuard(),
    iceServers: o.iceServers,
    reconnectGraceMs: o.reconnectGraceMs,
    bus: o.bus,
    log: o.log,
    metrics: o.metrics,
    calls,
    accepting: () => accepting,
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if ((req.url ?? '').split('?')[0] !== path) {
      // Another endpoint's upgrade, if anything else listens; otherwise nobody would answer it.
      if (o.server.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const remote = req.socket.remoteAddress ?? '';
      const conn = new SignalingConnection(
        { send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) },
        ctx,
        remote,
      );
      sockets.add(ws);
      o.metrics.connections(sockets.size);
      const helloTimer = setTimeout(() => conn.helloTimeout(), o.helloTimeoutMs ?? 10_000);
      helloTimer.unref();
      ws.on('message', (data: Buffer, isBinary) => (isBinary ? conn.onBinary() : conn.onText(data.toString('utf8'))));
      ws.on('close', () => {
        clearTimeout(helloTimer);
        sockets.delete(ws);
        o.metrics.connections(sockets.size);
        conn.onClose();
      });
      ws.on('error', (err) => o.log.debug({ err: err.message, remote }, 'softphone signalling socket error'));
    });
  };
  o.server.on('upgrade', onUpgrade);

  return {
    activeCalls: () => calls.size,
    connections: () => sockets.size,
    stopAccepting() {
      accepting = false;
    },
    close() {
      accepting = false;
      o.server.off('upgrade', onUpgrade);
      for (const c of [...calls.values()]) c.end('shutdown', 'the server is shutting down');
      for (const s of sockets) s.terminate();
      wss.close();
    },
  };
}
