// RTP fixed header (RFC 3550 §5.1): parsed into a caller-owned object and written into caller-owned
// buffers, so the per-packet path allocates nothing.

export const RTP_HEADER_BYTES = 12;
/** Larger payloads are refused: 150 ms of G.711 is already more than any sane sender packs. */
export const MAX_PAYLOAD_BYTES = 1200;

export interface RtpHeader {
  marker: boolean;
  payloadType: number;
  seq: number;
  timestamp: number;
  ssrc: number;
  /** Payload position in the packet (after CSRCs, extension; padding excluded). */
  payloadOffset: number;
  payloadLength: number;
}

export function newRtpHeader(): RtpHeader {
  return { marker: false, payloadType: 0, seq: 0, timestamp: 0, ssrc: 0, payloadOffset: 0, payloadLength: 0 };
}

export type RtpParseResult = 'ok' | 'short' | 'version' | 'rtcp' | 'padding' | 'extension' | 'empty' | 'too_large';

/** Fills `out` from `buf`; returns 'ok' or why the packet is unusable. */
export function parseRtp(buf: Uint8Array, len: number, out: RtpHeader): RtpParseResult {
  if (len < RTP_HEADER_BYTES) return 'short';
  const b0 = buf[0];
  if (b0 >> 6 !== 2) return 'version';
  const b1 = buf[1];
  // RTCP multiplexed on the RTP port (RFC 5761): packet types 192..223 land on these PT values.
  if (b1 >= 192 && b1 <= 223) return 'rtcp';
  let off = RTP_HEADER_BYTES + (b0 & 0x0f) * 4;
  if (off > len) return 'short';
  if (b0 & 0x10) {
    if (off + 4 > len) return 'extension';
    off += 4 + ((buf[off + 2] << 8) | buf[off + 3]) * 4;
    if (off > len) return 'extension';
  }
  let end = len;
  if (b0 & 0x20) {
    const pad = buf[len - 1];
    if (pad === 0 || off + pad > len) return 'padding';
    end -= pad;
  }
  if (end <= off) return 'empty';
  if (end - off > MAX_PAYLOAD_BYTES) return 'too_large';
  out.marker = (b1 & 0x80) !== 0;
  out.payloadType = b1 & 0x7f;
  out.seq = (buf[2] << 8) | buf[3];
  out.timestamp = ((buf[4] << 24) | (buf[5] << 16) | (buf[6] << 8) | buf[7]) >>> 0;
  out.ssrc = ((buf[8] << 24) | (buf[9] << 16) | (buf[10] << 8) | buf[11]) >>> 0;
  out.payloadOffset = off;
  out.payloadLength = end - off;
  return 'ok';
}

/** Writes a 12-byte header (no CSRCs, no extension, no padding) at the start of `buf`. */
export function writeRtpHeader(buf: Uint8Array, marker: boolean, payloadType: number, seq: number, timestamp: number, ssrc: number): void {
  buf[0] = 0x80;
  buf[1] = (marker ? 0x80 : 0) | (payloadType & 0x7f);
  buf[2] = (seq >>> 8) & 0xff;
  buf[3] = seq & 0xff;
  buf[4] = (timestamp >>> 24) & 0xff;
  buf[5] = (timestamp >>> 16) & 0xff;
  buf[6] = (timestamp >>> 8) & 0xff;
  buf[7] = timestamp & 0xff;
  buf[8] = (ssrc >>> 24) & 0xff;
  buf[9] = (ssrc >>> 16) & 0xff;
  buf[10] = (ssrc >>> 8) & 0xff;
  buf[11] = ssrc & 0xff;
}

/** Signed distance a − b between two 16-bit sequence numbers (wrap-aware). */
export function seqDiff(a: number, b: number): number {
  return (((a - b) & 0xffff) << 16) >> 16;
}
