// The same media listener on the `ws` library, for Node versions the uWebSockets.js build has no native
// binary for (it ships Node 16/18/20 ABIs; its own fallback does not complete WebSocket upgrades). Same
// contract as server.ts: signature-checked upgrades on /twilio/stream, /healthz, 426/404 otherwise.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { validTwilioSignature } from '../../lib/twilio-signature.ts';
import { TWILIO_STREAM_PATH } from '../../proto/index.ts';
import { TwilioStreamConnection } from './stream-connection.ts';
import type { MediaServer, MediaServerOptions } from './server.ts';

const MAX_PAYLOAD = 1024 * 1024; // frames above 64 KB are refused by the connection with 1009

function refuseUpgrade(socket: Duplex, status: string, msg: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(msg)}\r\nConnection: close\r\n\r\n${msg}`);
}

export async function startWsMediaServer(o: MediaServerOptions): Promise<MediaServer> {
  const conns = new Set<TwilioStreamConnection>();
  const sockets = new Set<WebSocket>();
  const base = o.publicUrl.toString().replace(/\/$/, '');
  let accepting = true;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/healthz') {
      const h = o.health();
      res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(h.body);
    } else if (path === TWILIO_STREAM_PATH) {
      res.writeHead(426, { upgrade: 'websocket', 'content-type': 'text/plain' }).end('this is the Twilio Media Streams WebSocket endpoint: connect with a WebSocket upgrade');
    } else res.writeHead(404).end('not found');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD, perMessageDeflate: false });

  server.on('upgrade', (req, socket, head) => {
    const remote = req.socket.remoteAddress ?? '';
    const refuse = (status: string, code: string, msg: string) => {
      o.ctx.metrics.socketError(code);
      o.log.warn({ remote, code }, msg);
      refuseUpgrade(socket, status, msg);
    };
    if ((req.url ?? '').split('?')[0] !== TWILIO_STREAM_PATH) return refuseUpgrade(socket, '404 Not Found', 'not found');
    if (!accepting) return refuse('503 Service Unavailable', 'DRAINING', 'media server is draining; stream refused');
    if (!o.twilioAuthToken) return refuse('403 Forbidden', 'NOT_CONFIGURED', 'TWILIO_AUTH_TOKEN is not set: media streams are refused');
    const sig = req.headers['x-twilio-signature'];
    const url = base + req.url;
    if (!validTwilioSignature(o.twilioAuthToken, typeof sig === 'string' ? sig : undefined, url, {})) {
      return refuse('403 Forbidden', 'BAD_SIGNATURE', sig ? `media stream refused: X-Twilio-Signature does not match ${url} (check MEDIA_PUBLIC_URL and TWILIO_AUTH_TOKEN)` : 'media stream refused: no X-Twilio-Signature header');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new TwilioStreamConnection(
        {
          send: (text) => ws.send(text),
          // ws may hold the buffer until the socket writes it; the caller reuses its scratch: copy.
          sendText: (bytes) => ws.send(Buffer.from(bytes), { binary: false }),
          bufferedAmount: () => ws.bufferedAmount,
          end: (code, reason) => ws.close(code, reason),
        },
        o.ctx,
        remote,
      );
      conns.add(conn);
      sockets.add(ws);
      ws.on('message', (data: Buffer, isBinary) => conn.onMessage(data, isBinary));
      ws.on('close', (code) => {
        conns.delete(conn);
        sockets.delete(ws);
        conn.onClose(code);
      });
      ws.on('error', () => o.ctx.metrics.socketError('SOCKET_ERROR'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`media server could not listen on ${o.host}:${o.port}: ${e.message}`)));
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    stopAccepting() {
      accepting = false;
      server.close();
    },
    closeAll() {
      for (const c of [...conns]) c.shutdown();
    },
    connections: () => conns.size,
    close() {
      accepting = false;
      for (const c of [...conns]) c.shutdown();
      for (const s of sockets) s.terminate();
      server.close();
      wss.close();
    },
  };
}
