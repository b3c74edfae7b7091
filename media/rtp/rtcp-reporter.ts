// One call's RTCP (RFC 3550 §6, kept minimal): on the odd port above the RTP port (when it could be
// bound), a compound report every interval — SR while we send, else RR, with the block for the source we
// receive — and RR+BYE when the call ends. Reports from the peer are accepted only from the media peer's
// address (its RTCP port is latched from the first one); they give us the peer's view of our stream —
// loss and jitter — and the round-trip time (LSR/DLSR). RTCP muxed onto the RTP port is read the same way.
import { createSocket, type Socket, type RemoteInfo } from 'node:dgram';
import type { Logger } from '../../lib/logger.ts';
import type { ReceiverStats } from './receiver-stats.ts';
import { newRtcpInfo, ntpTime, parseRtcp, writeReport } from './rtcp.ts';
import type { RtpMetrics } from './metrics.ts';
import { RTP_CLOCK_RATE } from './audio-codec.ts';

/** What the reporter reads from its RTP session. */
export interface RtcpSource {
  readonly ssrc: number;
  readonly packetsSent: number;
  readonly octetsSent: number;
  /** The RTP timestamp of our stream now. */
  rtpTimestampNow(): number;
  readonly remote: { address: string; port: number; latched: boolean };
  readonly rx: ReceiverStats;
}

export interface RtcpReporterOptions {
  intervalMs: number;
  cname: string;
  metrics: RtpMetrics;
  log: Logger;
  /** A packet refused (counted by the session with its other drops). */
  onDrop(reason: 'wrong_source' | 'malformed'): void;
}

/** The peer's view of our stream, from its last report. */
export interface PeerReport {
  fractionLost: number;
  cumulativeLost: number;
  jitterMs: number;
  rttMs: number | undefined;
}

/** Binds the RTCP socket (RTP port + 1); undefined when that port is taken (then RTCP is receive-only, muxed). */
export function bindRtcpSocket(host: string, rtpPort: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const s = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
    s.once('error', () => {
      s.close();
      resolve(undefined);
    });
    s.bind(rtpPort + 1, host, () => {
      s.removeAllListeners('error');
      resolve(s);
    });
  });
}

export class RtcpReporter {
  /** Reports sent and received. */
  sent = 0;
  received = 0;
  peer: PeerReport | undefined;
  private readonly buf = Buffer.alloc(256);
  private readonly info = newRtcpInfo();
  private nextAt: number;
  private sentAtLastReport = 0;
  private remotePort = 0;
  private lostReported = 0;
  private closed = false;

  constructor(private readonly socket: Socket | undefined, private readonly src: RtcpSource, private readonly o: RtcpReporterOptions, now: number) {
    // The first report comes sooner (half an interval), the rest spread by ±25 % (RFC 3550 §6.3.1).
    this.nextAt = now + o.intervalMs * (0.25 + Math.random() * 0.5);
    socket?.on('message', (msg, rinfo) => this.onPacket(msg, rinfo));
    socket?.on('error', (err) => o.log.debug({ err }, 'RTCP socket error'));
  }

  /** Called on the session's ticks: sends a report when one is due; reports loss counted since the last. */
  onTick(now: number, started: boolean): void {
    if (this.closed || now < this.nextAt) return;
    this.nextAt = now + this.o.intervalMs * (0.75 + Math.random() * 0.5);
    this.noteLoss();
    // Jitter is in RTP timestamp units: 8 kHz for every codec here (G.722 too, RFC 3551 §4.5.2).
    if (this.src.rx.ssrc >= 0) this.o.metrics.jitter.observe(this.src.rx.jitter / RTP_CLOCK_RATE);
    if (started) this.send(false);
  }

  /** Adds loss seen since the last report to the loss counter (also at close). */
  private noteLoss(): void {
    const lost = this.src.rx.cumulativeLost;
    if (lost > this.lostReported) {
      this.o.metrics.lost(lost - this.lostReported);
      this.lostReported = lost;
    }
  }

  /** Sends a report; false when there is nowhere to send it. `then` runs once it has gone. */
  private send(bye: boolean, then?: () => void): boolean {
    if (!this.socket) return false;
    const remote = this.src.remote;
    if (remote.port === 0 || remote.address === '0.0.0.0') return false;
    const rx = this.src.rx;
    const sending = this.src.packetsSent > this.sentAtLastReport;
    this.sentAtLastReport = this.src.packetsSent;
    let sender;
    if (sending) {
      const ntp = ntpTime(Date.now());
      sender = { ntpMsw: ntp.msw, ntpLsw: ntp.lsw, rtpTs: this.src.rtpTimestampNow(), packets: this.src.packetsSent, octets: this.src.octetsSent };
    }
    const block = rx.ssrc >= 0
      ? { ssrc: rx.ssrc, fractionLost: rx.takeFractionLost(), cumulativeLost: rx.cumulativeLost, extendedMax: rx.extendedMax, jitter: rx.jitter, lsr: rx.lastSr, dlsr: rx.lastSrAt ? Math.round(((performance.now() - rx.lastSrAt) / 1000) * 65536) : 0 }
      : undefined;
    const n = writeReport(this.buf, { ssrc: this.src.ssrc, sender, block, cname: this.o.cname, bye });
    try {
      this.socket.send(this.buf, 0, n, this.remotePort || remote.port + 1, remote.address, () => then?.());
      this.sent++;
      this.o.metrics.rtcpOut.inc();
      return true;
    } catch (err) {
      this.o.log.debug({ err }, 'RTCP send failed');
      return false;
    }
  }

  /** A compound packet from the peer (on the RTCP port, or muxed on the RTP port). */
  onPacket(msg: Buffer, rinfo: RemoteInfo, muxed = false): void {
    if (this.closed) return;
    const remote = this.src.remote;
    if (remote.latched && rinfo.address !== remote.address) return this.o.onDrop('wrong_source');
    if (!parseRtcp(msg, msg.length, this.src.ssrc, this.info)) return this.o.onDrop('malformed');
    if (!muxed) this.remotePort = rinfo.port; // symmetric RTCP: answer where it comes from
    this.received++;
    this.o.metrics.rtcpIn.inc();
    const now = performance.now();
    if (this.info.hasSr && this.info.senderSsrc === this.src.rx.ssrc) {
      this.src.rx.lastSr = this.info.srNtpMiddle;
      this.src.rx.lastSrAt = now;
    }
    if (this.info.hasBlock) {
      let rttMs: number | undefined;
      if (this.info.lsr !== 0) {
        // RTT = arrival − LSR − DLSR, all in NTP middle-32 units (1/65536 s).
        const ntp = ntpTime(Date.now());
        const arrival = (((ntp.msw & 0xffff) << 16) | (ntp.lsw >>> 16)) >>> 0;
        const rtt = (arrival - this.info.lsr - this.info.dlsr) >>> 0;
        if (rtt < 65536 * 10) rttMs = (rtt / 65536) * 1000;
      }
      this.peer = { fractionLost: this.info.fractionLost / 256, cumulativeLost: this.info.cumulativeLost, jitterMs: (this.info.jitter * 1000) / RTP_CLOCK_RATE, rttMs };
    }
  }

  /** The call ended: a last RR + BYE (when the call was up), the socket closed. */
  close(sayBye: boolean): void {
    if (this.closed) return;
    this.noteLoss();
    this.closed = true;
    const shut = () => {
      try {
        this.socket?.close();
      } catch {
        // already closed
      }
    };
    // The socket closes once the BYE is out (closing at once could drop it).
    if (!(sayBye && this.send(true, shut))) shut();
  }
}
