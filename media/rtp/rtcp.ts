// Minimal RTCP (RFC 3550 §6): our compound reports — an SR when we have sent RTP since the last report,
// else an RR, with one report block for the source we receive, then SDES with our CNAME — an RR+BYE when
// a call ends, and a parser that takes what we use from the peer's compound packets: its SR time (for our
// LSR/DLSR) and the report block about us (its view of our stream: loss, jitter, round trip). Written
// into and read from caller-owned buffers; the parser refuses anything malformed.

export const RTCP_SR = 200;
export const RTCP_RR = 201;
export const RTCP_SDES = 202;
export const RTCP_BYE = 203;

/** NTP time (seconds since 1900) of a Unix time in ms, as two 32-bit words. */
export function ntpTime(unixMs: number): { msw: number; lsw: number } {
  const secs = unixMs / 1000 + 2_208_988_800;
  const msw = Math.floor(secs);
  return { msw: msw >>> 0, lsw: Math.floor((secs - msw) * 2 ** 32) >>> 0 };
}

export interface ReportBlock {
  ssrc: number;
  fractionLost: number;
  cumulativeLost: number;
  extendedMax: number;
  jitter: number;
  lsr: number;
  dlsr: number;
}

export interface ReportOptions {
  ssrc: number;
  /** Present when we sent RTP since the last report: an SR. */
  sender?: { ntpMsw: number; ntpLsw: number; rtpTs: number; packets: number; octets: number };
  block?: ReportBlock;
  cname: string;
  /** Append a BYE for our SSRC. */
  bye?: boolean;
}

function u32(b: Buffer, off: number, v: number): number {
  b.writeUInt32BE(v >>> 0, off);
  return off + 4;
}

/** Writes a compound packet into `buf`; returns its length. */
export function writeReport(buf: Buffer, o: ReportOptions): number {
  let off = 0;
  const rc = o.block ? 1 : 0;
  const words = (o.sender ? 6 : 1) + rc * 6; // after the first header word
  buf[off] = 0x80 | rc;
  buf[off + 1] = o.sender ? RTCP_SR : RTCP_RR;
  buf.writeUInt16BE(words, off + 2);
  off = u32(buf, off + 4, o.ssrc);
  if (o.sender) {
    off = u32(buf, off, o.sender.ntpMsw);
    off = u32(buf, off, o.sender.ntpLsw);
    off = u32(buf, off, o.sender.rtpTs);
    off = u32(buf, off, o.sender.packets);
    off = u32(buf, off, o.sender.octets);
  }
  if (o.block) {
    const b = o.block;
    off = u32(buf, off, b.ssrc);
    const lost = Math.max(-0x800000, Math.min(0x7fffff, b.cumulativeLost)) & 0xffffff;
    off = u32(buf, off, ((b.fractionLost & 0xff) << 24) | lost);
    off = u32(buf, off, b.extendedMax);
    off = u32(buf, off, Math.round(b.jitter));
    off = u32(buf, off, b.lsr);
    off = u32(buf, off, b.dlsr);
  }
  // SDES: one chunk, CNAME, end, padded to 32 bits.
  const cname = Buffer.from(o.cname.slice(0, 255), 'utf8');
  const chunk = 4 + 2 + cname.length + 1;
  const padded = Math.ceil(chunk / 4) * 4;
  buf[off] = 0x81;
  buf[off + 1] = RTCP_SDES;
  buf.writeUInt16BE(padded / 4, off + 2);
  let p = u32(buf, off + 4, o.ssrc);
  buf[p++] = 1;
  buf[p++] = cname.length;
  p += cname.copy(buf, p);
  buf.fill(0, p, off + 4 + padded);
  off += 4 + padded;
  if (o.bye) {
    buf[off] = 0x81;
    buf[off + 1] = RTCP_BYE;
    buf.writeUInt16BE(1, off + 2);
    off = u32(buf, off + 4, o.ssrc);
  }
  return off;
}

/** What we take from a peer's compound packet. */
export interface RtcpInfo {
  /** The sender's SSRC (of its SR/RR), and whether an SR came (with its NTP middle 32 bits). */
  senderSsrc: number;
  hasSr: boolean;
  srNtpMiddle: number;
  /** The block about `ours`, when there is one. */
  hasBlock: boolean;
  fractionLost: number;
  cumulativeLost: number;
  jitter: number;
  lsr: number;
  dlsr: number;
  bye: boolean;
}

export function newRtcpInfo(): RtcpInfo {
  return { senderSsrc: 0, hasSr: false, srNtpMiddle: 0, hasBlock: false, fractionLost: 0, cumulativeLost: 0, jitter: 0, lsr: 0, dlsr: 0, bye: false };
}

/** Parses a compound packet; fills `out` with what concerns `ours`. False when malformed. */
export function parseRtcp(buf: Uint8Array, len: number, ours: number, out: RtcpInfo): boolean {
  out.hasSr = false;
  out.hasBlock = false;
  out.bye = false;
  if (len < 8) return false;
  const v = new DataView(buf.buffer, buf.byteOffset, len);
  let off = 0;
  let first = true;
  while (off < len) {
    if (off + 4 > len) return false;
    const b0 = buf[off];
    if (b0 >> 6 !== 2) return false;
    const pt = buf[off + 1];
    const size = (v.getUint16(off + 2) + 1) * 4;
    if (off + size > len) return false;
    // A compound packet starts with SR or RR; padding only on the last packet.
    if (first && pt !== RTCP_SR && pt !== RTCP_RR) return false;
    if (b0 & 0x20 && off + size !== len) return false;
    first = false;
    const count = b0 & 0x1f;
    if (pt === RTCP_SR || pt === RTCP_RR) {
      let p = off + 4;
      if (p + 4 > off + size) return false;
      out.senderSsrc = v.getUint32(p);
      p += 4;
      if (pt === RTCP_SR) {
        if (p + 20 > off + size) return false;
        out.hasSr = true;
        out.srNtpMiddle = ((v.getUint32(p) & 0xffff) * 0x10000 + (v.getUint32(p + 4) >>> 16)) >>> 0;
        p += 20;
      }
      if (p + count * 24 > off + size) return false;
      for (let i = 0; i < count; i++, p += 24) {
        if (v.getUint32(p) !== ours >>> 0) continue;
        out.hasBlock = true;
        out.fractionLost = buf[p + 4];
        const cl = v.getUint32(p + 4) & 0xffffff;
        out.cumulativeLost = cl & 0x800000 ? cl - 0x1000000 : cl;
        out.jitter = v.getUint32(p + 12);
        out.lsr = v.getUint32(p + 16);
        out.dlsr = v.getUint32(p + 20);
      }
    } else if (pt === RTCP_BYE) {
      out.bye = true;
    }
    off += size;
  }
  return true;
}
