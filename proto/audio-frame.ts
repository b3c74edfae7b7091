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

  /** A new buffer holding the encoded frame (the bus may keep it until it is flushed). */
  encode(seq: number, mediaTsMs: number, sampleRate: number, pcm: Uint8Array, originTs: number): Uint8Array {
    const id = this.idBytes;
    const len =
      (id.length ? 1 + varintLen(id.length) + id.length : 0) +
      (seq ? 1 + varintLen(seq) : 0) +
      (mediaTsMs ? 1 + varintLen(mediaTsMs) : 0) +
      (sampleRate ? 1 + varintLen(sampleRate) : 0) +
      (pcm.length ? 1 + varintLen(pcm.length) + pcm.length : 0) +
      (originTs ? 9 : 0);
    const out = new Uint8Array(len);
    let p = 0;
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
    if (pcm.length) {
      out[p++] = 0x2a;
      p = writeVarint(out, p, pcm.length);
      out.set(pcm, p);
      p += pcm.length;
    }
    if (originTs) {
      out[p++] = 0x31;
      this.f64[0] = originTs;
      out.set(this.f64b, p); // little-endian host, as protobuf's fixed64/double
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
let lastIdBytes: Uint8Array | undefined;
let lastId = '';

/** Decodes into `into` (reused by the caller); unknown fields are skipped. Throws AudioFrameDecodeError. */
export function decodeAudioFrame(buf: Uint8Array, into: AudioFrameView): AudioFrameView {
  into.callId = '';
  into.seq = 0;
  into.mediaTsMs = 0;
  into.sampleRate = 0;
  into.pcm = buf.subarray(0, 0);
  into.originTs = 0;
  let p = 0;
  const end = buf.length;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (p >= end) throw new AudioFrameDecodeError('truncated varint');
      const b = buf[p++];
      if (shift < 28) v |= (b & 0x7f) << shift;
      else if (shift < 35) v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v >>> 0 === v ? v : v >>> 0;
      shift += 7;
      if (shift > 63) throw new AudioFrameDecodeError('varint too long');
    }
  };
  while (p < end) {
    const tag = varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 2) {
      const n = varint();
      if (p + n > end) throw new AudioFrameDecodeError('truncated field');
      if (field === 1) {
        const bytes = buf.subarray(p, p + n);
        // Frames of one call repeat the same id: skip the UTF-8 decode when it matches the last one.
        if (lastIdBytes && lastIdBytes.length === n && lastIdBytes.every((b, i) => b === bytes[i])) into.callId = lastId;
        else {
          lastId = into.callId = utf8d.decode(bytes);
          lastIdBytes = bytes.slice();
        }
      } else if (field === 5) into.pcm = buf.subarray(p, p + n);
      p += n;
    } else if (wire === 0) {
      const v = varint();
      if (field === 2) into.seq = v;
      else if (field === 3) into.mediaTsMs = v;
      else if (field === 4) into.sampleRate = v;
    } else if (wire === 1) {
      if (p + 8 > end) throw new AudioFrameDecodeError('truncated fixed64');
      if (field === 6) {
        f64b.set(buf.subarray(p, p + 8));
        into.originTs = f64[0];
      }
      p += 8;
    } else if (wire === 5) {
      p += 4;
      if (p > end) throw new AudioFrameDecodeError('truncated fixed32');
    } else throw new AudioFrameDecodeError(`unsupported wire type ${wire}`);
  }
  return into;
}

export function newAudioFrameView(): AudioFrameView {
  return { callId: '', seq: 0, mediaTsMs: 0, sampleRate: 0, pcm: new Uint8Array(0), originTs: 0 };
}
