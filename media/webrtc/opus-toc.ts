// Reading an Opus packet's TOC byte (RFC 6716 §3.1) without decoding it: how much audio a packet holds
// (the jitter buffer places it before it is decoded), and the TOC of a packet that asks the decoder for
// its own loss concealment — a TOC-only packet (no frame data) is decoded as exactly that much concealment,
// in the mode of the last real packet. (An empty packet would conceal the decoder's whole 120 ms
// output buffer with @evan/opus, or be refused.)

/** Frame length per TOC config in 48 kHz samples: SILK 10/20/40/60, Hybrid 10/20, CELT 2.5/5/10/20 ms. */
function frameSamples48(config: number): number {
  if (config < 12) return config % 4 === 0 ? 480 : config % 4 === 1 ? 960 : config % 4 === 2 ? 1920 : 2880;
  if (config < 16) return config % 2 === 0 ? 480 : 960;
  return 120 << (config % 4);
}

/** Samples (at 48 kHz) in an Opus packet, or -1 when it cannot be one (empty, bad frame count, > 120 ms). */
export function opusPacketSamples48(packet: Uint8Array): number {
  if (packet.length < 1) return -1;
  const toc = packet[0];
  const code = toc & 3;
  let frames: number;
  if (code === 0) frames = 1;
  else if (code !== 3) frames = 2;
  else {
    if (packet.length < 2) return -1;
    frames = packet[1] & 0x3f;
  }
  const n = frames * frameSamples48(toc >> 3);
  return n === 0 || n > 5760 ? -1 : n;
}

/** A single-frame (code 0) TOC for `ms` (10 or 20) of concealment, same mode, bandwidth and channels as `toc`. */
export function concealmentToc(toc: number, ms: 10 | 20): number {
  const config = toc >> 3;
  let c: number;
  if (config < 12) c = (config & ~3) | (ms === 20 ? 1 : 0);
  else if (config < 16) c = (config & ~1) | (ms === 20 ? 1 : 0);
  else c = (config & ~3) | (ms === 20 ? 3 : 2);
  return (c << 3) | (toc & 4);
}
