// The media role's WebSocket listener (uWebSockets.js): Twilio Media Streams on /twilio/stream.
// The upgrade is refused (403) unless X-Twilio-Signature is valid for our public media URL.
import uWS from 'uWebSockets.js';
import type { Logger } from '../../lib/logger.ts';
import { validTwilioSignature } from '../../lib/twilio-signature.ts';
import { TWILIO_STREAM_PATH } from '../../proto/index.ts';
import { TwilioStreamConnection, type StreamContext } from './stream-connection.ts';
import { CloseCode } from './messages.ts';

const MAX_PAYLOAD = 1024 * 1024; // frames above 64 KB are refused by the connection with 1009; above this uWS cuts the socket

interface UserData {
  conn: TwilioStreamConnection;
}

export interface MediaServerOptions {
  host: string;
  port: number;
  /** Public base URL Twilio connects to (ws:// or wss://), used for the signature check. */
  publicUrl: URL;
  twilioAuthToken: string | undefined;
  log: Logger;
  ctx: StreamContext;
  /** Extra plain-HTTP routes (health) on the media port. */
  health(): { ok: boolean; body: string };
}

export interface MediaServer {
  readonly port: number;
  stopAccepting(): void;
  /** Ends every open stream (shutdown timeout). */
  closeAll(): void;
  connections(): number;
  close(): void;
}

export async function startMediaServer(o: MediaServerOptions): Promise<MediaServer> {
  const conns = new Set<TwilioStreamConnection>();
  const base = o.publicUrl.toString().replace(/\/$/, '');
  let accepting = true;
  const app = uWS.App();

  app.ws<UserData>(TWILIO_STREAM_PATH, {
    compression: 0, // uWS.DISABLED
    maxPayloadLength: MAX_PAYLOAD,
    idleTimeout: 60,
    maxBackpressure: 64 * 1024 * 1024, // we watch backpressure ourselves and drop/close earlier
    closeOnBackpressureLimit: 0,
    upgrade: (res, req, context) => {
      const sig = req.getHeader('x-twilio-signature');
      const query = req.getQuery();
      const url = base + req.getUrl() + (query ? `?${query}` : '');
      const key = req.getHeader('sec-websocket-key');
      const proto = req.getHeader('sec-websocket-protocol');
      const ext = req.getHeader('sec-websocket-extensions');
      const remote = Buffer.from(res.getRemoteAddressAsText()).toString();
      const refuse = (status: string, code: string, msg: string) => {
        o.ctx.metrics.socketError(code);
        o.log.warn({ remote, code }, msg);
        res.cork(() => res.writeStatus(status).writeHeader('content-type', 'text/plain').end(msg));
      };
      if (!accepting) return refuse('503 Service Unavailable', 'DRAINING', 'media server is draining; stream refused');
      if (!o.twilioAuthToken) return refuse('403 Forbidden', 'NOT_CONFIGURED', 'TWILIO_AUTH_TOKEN is not set: media streams are refused');
      if (!validTwilioSignature(o.twilioAuthToken, sig, url, {})) {
        return refuse('403 Forbidden', 'BAD_SIGNATURE', sig ? `media stream refused: X-Twilio-Signature does not match ${url} (check MEDIA_PUBLIC_URL and TWILIO_AUTH_TOKEN)` : 'media stream refused: no X-Twilio-Signature header');
      }
      let ws: uWS.WebSocket<UserData> | undefined;
      const socket = {
        send: (text: string) => void ws?.send(text, false),
        sendText: (bytes: Uint8Array) => void ws?.send(bytes, false),
        bufferedAmount: () => (ws ? ws.getBufferedAmount() : 0),
        end: (code: number, reason: string) => ws?.end(code, reason),
      };
      const conn = new TwilioStreamConnection(socket, o.ctx, remote);
      const ud: UserData & { bind?: (w: uWS.WebSocket<UserData>) => void } = { conn, bind: (w) => (ws = w) };
      res.upgrade(ud, key, proto, ext, context);
    },
    open: (ws) => {
      const ud = ws.getUserData() as UserData & { bind?: (w: uWS.WebSocket<UserData>) => void };
      ud.bind?.(ws);
      conns.add(ud.conn);
    },
    message: (ws, message, isBinary) => ws.getUserData().conn.onMessage(message, isBinary),
    close: (ws, code) => {
      const { conn } = ws.getUserData();
      conns.delete(conn);
      conn.onClose(code);
    },
  });

  app.get('/healthz', (res) => {
    const h = o.health();
    res.writeStatus(h.ok ? '200 OK' : '503 Service Unavailable').writeHeader('content-type', 'application/json').end(h.body);
  });
  app.get(TWILIO_STREAM_PATH, (res) => {
    res.writeStatus('426 Upgrade Required').writeHeader('upgrade', 'websocket').writeHeader('content-type', 'text/plain').end('this is the Twilio Media Streams WebSocket endpoint: connect with a WebSocket upgrade');
  });
  app.any('/*', (res) => {
    res.writeStatus('404 Not Found').end('not found');
  });

  const listenSocket = await new Promise<uWS.us_listen_socket>((resolve, reject) => {
    app.listen(o.host, o.port, (s) => (s ? resolve(s) : reject(new Error(`media server could not listen on ${o.host}:${o.port} (port in use?)`))));
  });
  let listening: uWS.us_listen_socket | undefined = listenSocket;
  const port = uWS.us_socket_local_port(listenSocket);

  return {
    port,
    stopAccepting() {
      accepting = false;
      if (listening) uWS.us_listen_socket_close(listening);
      listening = undefined;
    },
    closeAll() {
      for (const c of [...conns]) c.shutdown();
    },
    connections: () => conns.size,
    close() {
      accepting = false;
      if (listening) uWS.us_listen_socket_close(listening);
      listening = undefined;
      for (const c of [...conns]) c.shutdown();
      (app as unknown as { close?: () => void }).close?.();
    },
  };
}

