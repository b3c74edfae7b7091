// Outbound RTP jitter as the wire sees it: tcpdump captures, on the loopback device, every packet the
// server sends from its RTP port range, and the kernel's capture timestamps (taken as the packet is sent,
// in the sender's syscall) time our pacing without any receiver's event-loop delay in the figure — which
// is what a capture at the carrier's edge would see. Per stream (our source port and the SSRC: sipp sends
// and receives many calls' RTP on a few ports, so the destination port does not tell calls apart):
// |Δt − 20 ms| between consecutive packets of a talkspurt (sequence +1, timestamp +160, no marker), in ms.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface WireCapture {
  /** Stops the capture and returns the deviations per stream (our RTP port). */
  stop(): Promise<Map<number, number[]>>;
}

/** Whether tcpdump can run here (root, or capture capabilities); the bench skips the capture otherwise. */
export function canCapture(): boolean {
  const r = spawnSync('tcpdump', ['--version'], { stdio: 'ignore' });
  return r.status === 0 && (process.getuid?.() ?? 1) === 0;
}

export async function startWireCapture(file: string, rtpMin: number, rtpMax: number): Promise<WireCapture> {
  // -s 64: Ethernet + IPv4 + UDP + the 12-byte RTP header is all we read; -U: write packets as they come.
  const child: ChildProcess = spawn('tcpdump', ['-i', 'lo', '-n', '-s', '64', '-U', '-w', file, `udp and src portrange ${rtpMin}-${rtpMax}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  // tcpdump says "listening on lo" once the capture is armed.
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`tcpdump did not start: ${err}`)), 5000);
    child.stderr!.on('data', () => {
      if (err.includes('listening on')) {
        clearTimeout(t);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`tcpdump exited (${code}): ${err}`)));
  });
  return {
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
      return deviationsByPort(readFileSync(file));
    },
  };
}

/** Parses a classic pcap file (Ethernet link type, as Linux's lo is) into per-stream deviations, keyed by our source port. */
export function deviationsByPort(pcap: Buffer): Map<number, number[]> {
  const magic = pcap.readUInt32LE(0);
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!le && pcap.readUInt32BE(0) !== 0xa1b2c3d4 && pcap.readUInt32BE(0) !== 0xa1b23c4d) throw new Error('not a pcap file');
  const nanos = (le ? magic : pcap.readUInt32BE(0)) === 0xa1b23c4d;
  const u32 = (o: number) => (le ? pcap.readUInt32LE(o) : pcap.readUInt32BE(o));
  const linkType = u32(20);
  if (linkType !== 1) throw new Error(`pcap link type ${linkType}: expected Ethernet (1)`);
  const last = new Map<number, { at: number; seq: number; ts: number; ssrc: number }>();
  const out = new Map<number, number[]>();
  for (let o = 24; o + 16 <= pcap.length; ) {
    const at = u32(o) * 1000 + u32(o + 4) / (nanos ? 1e6 : 1e3); // ms
    const caplen = u32(o + 8);
    const p = o + 16;
    o = p + caplen;
    if (caplen < 14 + 20 + 8 + 12 || pcap.readUInt16BE(p + 12) !== 0x0800) continue;
    const ihl = (pcap[p + 14] & 0x0f) * 4;
    const udp = p + 14 + ihl;
    if (pcap[p + 14 + 9] !== 17 || udp + 8 + 12 > p + caplen) continue;
    const sport = pcap.readUInt16BE(udp);
    const rtp = udp + 8;
    if (pcap[rtp] >> 6 !== 2) continue; // RTCP shares the range: version 2 too, but payload types 200-204
    const pt = pcap[rtp + 1] & 0x7f;
    if (pcap[rtp + 1] >= 200 && pcap[rtp + 1] <= 204) continue;
    const marker = (pcap[rtp + 1] & 0x80) !== 0;
    const seq = pcap.readUInt16BE(rtp + 2);
    const ts = pcap.readUInt32BE(rtp + 4);
    const ssrc = pcap.readUInt32BE(rtp + 8);
    if (pt >= 96) continue; // telephone-event packets follow their own schedule
    const prev = last.get(sport);
    last.set(sport, { at, seq, ts, ssrc });
    if (!prev || prev.ssrc !== ssrc || marker || ((seq - prev.seq) & 0xffff) !== 1 || ((ts - prev.ts) >>> 0) !== 160) continue;
    let list = out.get(sport);
    if (!list) out.set(sport, (list = []));
    list.push(Math.abs(at - prev.at - 20));
  }
  return out;
}
