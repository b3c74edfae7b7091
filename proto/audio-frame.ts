// Hot-path codec for AudioFrame: the same wire format as the generated protobufjs code (uap.proto;
// tests check both directions), without its per-message Writer, op list and object churn. 50 frames a
// second per call each way make this the busiest message on the bus.

export interface AudioFrameView {
  callId: string;
  seq: number;
  mediaTsMs: number;
  sampleRate: number;
  /** s16le PCM; a view into the message, valid while the handler runs. */
  pcm: Uint8Array;
  originTs: number;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

function varintLen(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

function writeVarint(buf: Uint8Array, pos: number, v: number): number {
  while (v > 0x7f) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

/** Encodes frames of one call: the call id's bytes are prepared once. */
export class AudioFrameEncoder {
  private readonly idBytes: Uint8Array;
  private readonly f64 = new Float64Array(1);
  private readonly f64b = new Uint8Array(this.f64.buffer);

  constructor(callId: string) {
    this.idBytes = utf8.encode(callId);
  }

  /**
   * A new buffer holding the encoded frame (the bus may keep it until it is flushed). Field order:
   * origin_ts (always written, 9 bytes) then pcm, so the PCM starts 12 bytes in — 2-byte aligned in a
   * pooled Buffer (8-byte aligned) for frames of 128..16383 bytes, and readable as Int16Array in place.
   */
  encode(seq: number, mediaTsMs: number, sampleRate: number, pcm: Uint8Array, originTs: number): Uint8Array {
    const id = this.idBytes;
    const len =
      9 +
      (pcm.length ? 1 + varintLen(pcm.length) + pcm.length : 0) +
      (id.length ? 1 + varintLen(id.length) + id.length : 0) +
      (seq ? 1 + varintLen(seq) : 0) +
      (mediaTsMs ? 1 + varintLen(mediaTsMs) : 0) +
      (sampleRate ? 1 + varintLen(sampleRate) : 0);
    // Buffer's pool makes small allocations far cheaper than a fresh ArrayBuffer per frame.
    const out = Buffer.allocUnsafe(len);
    out[0] = 0x31;
    this.f64[0] = originTs;
    out.set(this.f64b, 1); // little-endian host, as protobuf's double
    let p = 9;
    if (pcm.length) {
      out[p++] = 0x2a;
      p = writeVarint(out, p, pcm.length);
      out.set(pcm, p);
      p += pcm.length;
    }
    if (id.length) {
      out[p++] = 0x0a;
      p = writeVarint(out, p, id.length);
      out.set(id, p);
      p += id.length;
    }
    if (seq) {
      out[p++] = 0x10;
      p = writeVarint(out, p, seq >>> 0);
    }
    if (mediaTsMs) {
      out[p++] = 0x18;
      p = writeVarint(out, p, mediaTsMs >>> 0);
    }
    if (sampleRate) {
      out[p++] = 0x20;
      p = writeVarint(out, p, sampleRate >>> 0);
    }
    return out;
  }
}

export class AudioFrameDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudioFrameDecodeError';
  }
}

const f64 = new Float64Array(1);
const f64b = new Uint8Array(f64.buffer);
let lastIdBytes = new Uint8Array(0);
let lastId = '';
// Decoder position, module-level so the varint reader is a plain function (no closure per frame).
let pos = 0;

function readVarint(buf: Uint8Array, end: number): number {
  let v = 0;
  let shift = 0;
  for (;;) {
    if (pos >= end) throw new AudioFrameDecodeError('truncated varint');
    const b = buf[pos++];
    if (shift < 28) v |= (b & 0x7f) << shift;
    else if (shift < 35) v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return v >>> 0;
    shift += 7;
    if (shift > 63) throw new AudioFrameDecodeError('varint too long');
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array, off: number, n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[off + i]) return false;
  return true;
}

/** Decodes into `into` (reused by the caller); unknown fields are skipped. Throws AudioFrameDecodeError. */
export function decodeAudioFrame(buf: Uint8Array, into: AudioFrameView): AudioFrameView {
  into.callId = '';
  into.seq = 0;
  into.mediaTsMs = 0;
  into.sampleRate = 0;
  into.pcm = buf.subarray(0, 0);
  into.originTs = 0;
  pos = 0;
  const end = buf.length;
  while (pos < end) {
    const tag = readVarint(buf, end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 2) {
      const n = readVarint(buf, end);
      if (pos + n > end) throw new AudioFrameDecodeError('truncated field');
      if (field === 1) {
        // Frames of one call repeat the same id: skip the UTF-8 decode when it matches the last one.
        if (sameBytes(lastIdBytes, buf, pos, n)) into.callId = lastId;
        else {
          lastIdBytes = buf.slice(pos, pos + n);
          lastId = into.callId = utf8d.decode(lastIdBytes);
        }
      } else if (field === 5) into.pcm = buf.subarray(pos, pos + n);
      pos += n;
    } else if (wire === 0) {
      const v = readVarint(buf, end);
      if (field === 2) into.seq = v;
      else if (field === 3) into.mediaTsMs = v;
      else if (field === 4) into.sampleRate = v;
    } else if (wire === 1) {
      if (pos + 8 > end) throw new AudioFrameDecodeError('truncated fixed64');
      if (field === 6) {
        for (let i = 0; i < 8; i++) f64b[i] = buf[pos + i];
        into.originTs = f64[0];
      }
      pos += 8;
    } else if (wire === 5) {
      pos += 4;
      if (pos > end) throw new AudioFrameDecodeError('truncated fixed32');
    } else throw new AudioFrameDecodeError(`unsupported wire type ${wire}`);
  }
  return into;
}

export function newAudioFrameView(): AudioFrameView {
  return { callId: '', seq: 0, mediaTsMs: 0, sampleRate: 0, pcm: new Uint8Array(0), originTs: 0 };
}
