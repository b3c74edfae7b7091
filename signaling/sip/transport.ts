// Where SIP bytes come and go: one UDP socket and, on the same port, a TCP listener (RFC 3261 §18).
// Over TCP each connection is framed (stream-framer.ts) and kept by its remote address and port, so
// responses go back on the connection their request came on and our own requests to a peer reuse an
// open connection before a new one is made. Connections are bounded in number and in buffered bytes.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Logger } from '../../lib/logger.ts';
import { errorMessage } from '../../lib/errors.ts';
import { SipStreamFramer, type FramingError } from './stream-framer.ts';

export type SipTransportName = 'UDP' | 'TCP';

export interface Peer {
  address: string;
  port: number;
  transport: SipTransportName;
}

export interface SipTransportOptions {
  host: string;
  port: number;
  tcp: boolean;
  maxMessageBytes: number;
  /** TCP connections at once (accepted and opened); more are refused. */
  maxConnections?: number;
  log: Logger;
  /** A stream that could not be framed (closed after this). */
  onStreamError?: (code: FramingError, head: Buffer | undefined, peer: Peer) => void;
}

const unbracket = (h: string) => h.replace(/^\[|\]$/g, '');

export class SipTransport {
  /** Every complete message: a datagram, or one framed off a stream. */
  onMessage: (buf: Buffer, from: Peer) => void = () => {};
  private readonly conns = new Map<string, Socket>();
  private closed = false;

  private constructor(private readonly udp: UdpSocket, private readonly tcp: Server | undefined, readonly port: number, private readonly o: SipTransportOptions) {
    udp.on('message', (buf, r) => this.onMessage(buf, { address: r.address, port: r.port, transport: 'UDP' }));
    udp.on('error', (err) => o.log.error({ err }, 'SIP UDP socket error'));
    tcp?.on('connection', (s) => this.adopt(s));
    tcp?.on('error', (err) => o.log.error({ err }, 'SIP TCP listener error'));
  }

  /** Binds UDP (and TCP on the same port). With port 0 the port UDP gets is tried for TCP, a few times. */
  static async listen(o: SipTransportOptions): Promise<SipTransport> {
    for (let attempt = 0; ; attempt++) {
      const udp = createSocket({ type: o.host.includes(':') ? 'udp6' : 'udp4' });
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(o.port, o.host, () => {
          udp.off('error', reject);
          resolve();
        });
      });
      const port = udp.address().port;
      if (!o.tcp) return new SipTransport(udp, undefined, port, o);
      const server = createServer({ noDelay: true });
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, o.host, () => {
            server.off('error', reject);
            resolve();
          });
        });
        return new SipTransport(udp, server, port, o);
      } catch (err) {
        udp.close();
        if (o.port !== 0 || attempt >= 5) throw err;
      }
    }
  }

  get supportsTcp(): boolean {
    return this.tcp !== undefined;
  }

  get tcpConnections(): number {
    return this.conns.size;
  }

  private key(address: string, port: number): string {
    return `${unbracket(address)}|${port}`;
  }

  /** Takes a connection (accepted, or opened by us): frames what it reads, forgets it when it closes. */
  private adopt(s: Socket, known?: { address: string; port: number }): void {
    const address = (known?.address ?? s.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.)/, '');
    const port = known?.port ?? s.remotePort ?? 0;
    if (this.closed || (!known && this.conns.size >= (this.o.maxConnections ?? 1000))) {
      this.o.log.warn({ peer: `${address}:${port}`, connections: this.conns.size }, 'SIP TCP connection refused: too many');
      s.destroy();
      return;
    }
    const key = this.key(address, port);
    const peer: Peer = { address, port, transport: 'TCP' };
    this.conns.set(key, s);
    s.setNoDelay(true);
    s.setKeepAlive(true, 30_000);
    const framer = new SipStreamFramer(this.o.maxMessageBytes, {
      onMessage: (msg) => this.onMessage(msg, peer),
      onKeepAlive: () => s.write('\r\n'),
      onError: (code, head) => {
        this.o.onStreamError?.(code, head, peer);
        s.end();
      },
    });
    s.on('data', (chunk: Buffer) => framer.push(chunk));
    s.on('error', (err) => this.o.log.debug({ err: errorMessage(err), peer: `${address}:${port}` }, 'SIP TCP connection error'));
    s.on('close', () => {
      if (this.conns.get(key) === s) this.conns.delete(key);
    });
  }

  send(bytes: Buffer, address: string, port: number, transport: SipTransportName = 'UDP'): void {
    if (this.closed) return;
    if (transport === 'TCP' && this.tcp) return this.sendTcp(bytes, address, port);
    try {
      this.udp.send(bytes, port, unbracket(address), (err) => {
        if (err) this.o.log.debug({ err: errorMessage(err), address, port }, 'SIP send failed');
      });
    } catch (err) {
      this.o.log.debug({ err: errorMessage(err), address, port }, 'SIP send failed');
    }
  }

  /** On the open connection to the peer if there is one (connection reuse), else on a new one. */
  private sendTcp(bytes: Buffer, address: string, port: number): void {
    const open = this.conns.get(this.key(address, port));
    if (open && !open.destroyed) {
      open.write(bytes);
      return;
    }
    if (this.conns.size >= (this.o.maxConnections ?? 1000)) {
      this.o.log.warn({ peer: `${address}:${port}` }, 'SIP over TCP not sent: too many connections');
      return;
    }
    const s = connect({ host: unbracket(address), port, noDelay: true });
    this.adopt(s, { address: unbracket(address), port });
    s.once('connect', () => this.o.log.debug({ peer: `${address}:${port}` }, 'SIP TCP connection opened'));
    s.write(bytes);
  }

  /** Stops reading new messages from now on (except through `onMessage`'s replacement) and closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.conns.values()) s.destroy();
    this.conns.clear();
    await Promise.all([
      new Promise<void>((r) => this.udp.close(() => r())),
      this.tcp ? new Promise<void>((r) => this.tcp!.close(() => r())) : Promise.resolve(),
    ]);
  }
}
