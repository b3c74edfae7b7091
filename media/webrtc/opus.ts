// Opus for WebRTC calls, one encoder and one decoder per call, 20 ms frames at the PCM rate the call
// uses (16 kHz: Opus resamples internally, measured 2.4× cheaper than decoding at 48 kHz and running
// our resampler). The RTP clock stays 48 kHz whatever the PCM rate (RFC 7587).
//
// @evan/opus copies every result into a fresh array; where its native binding is loaded we call the
// binding's own encode/decode, which write into one process-wide buffer, and hand out views of it
// (calls are synchronous, so one buffer serves every call). Elsewhere (WASM fallback) we take the copy.
//
// Loss concealment is Opus's own: conceal() decodes a TOC-only packet (opus-toc.ts). In-band FEC is not
// available: @evan/opus always decodes with decode_fec = 0 (a second argument is ignored).
import { createRequire } from 'node:module';
import { Decoder, Encoder } from '@evan/opus';
import { concealmentToc } from './opus-toc.ts';

export const OPUS_CLOCK = 48_000;
export const OPUS_FRAME_MS = 20;
/** RTP timestamp step of one 20 ms frame. */
export const OPUS_TS_STEP = (OPUS_CLOCK * OPUS_FRAME_MS) / 1000;
/** Longest Opus packet (120 ms) in samples at 48 kHz; decode output never exceeds it. */
const MAX_PACKET_SAMPLES_48K = 5760;

type NativeCall = (this: unknown, data: ArrayBufferView) => number;
interface NativeZeroCopy {
  encode: NativeCall;
  decode: NativeCall;
  encodeOut: Buffer;
  decodeOut: Uint8Array;
}

function loadNative(): NativeZeroCopy | undefined {
  if (process.env.OPUS_FORCE_WASM) return undefined;
  try {
    const native = createRequire(import.meta.url)('@evan/opus/node/index.js') as {
      Encoder: abstract new (...a: never[]) => unknown;
      Decoder: abstract new (...a: never[]) => unknown;
      buffers: { encoder(): Uint8Array; decoder(): Uint8Array };
    };
    const baseEnc = Object.getPrototypeOf(native.Encoder) as { prototype: { encode: NativeCall } };
    const baseDec = Object.getPrototypeOf(native.Decoder) as { prototype: { decode: NativeCall } };
    if (typeof baseEnc.prototype?.encode !== 'function' || typeof baseDec.prototype?.decode !== 'function') return undefined;
    const eo = native.buffers.encoder();
    return { encode: baseEnc.prototype.encode, decode: baseDec.prototype.decode, encodeOut: Buffer.from(eo.buffer, eo.byteOffset, eo.byteLength), decodeOut: native.buffers.decoder() };
  } catch {
    return undefined;
  }
}

const native = loadNative();
/** Which Opus build runs: the package's native binary, or its WASM fallback. */
export const opusBackend: 'native' | 'wasm' = native ? 'native' : 'wasm';

export class OpusError extends Error {
  constructor(readonly op: 'encode' | 'decode', cause: unknown) {
    super(`opus ${op} failed`, { cause });
  }
}

export class OpusCodec {
  private readonly enc: Encoder;
  private readonly dec: Decoder;
  /** PCM of the last decode. */
  readonly pcm: Int16Array;
  /** Samples of one 20 ms frame at the PCM rate. */
  readonly frameSamples: number;
  private readonly tocOnly = new Uint8Array(1);

  constructor(readonly pcmRate: 8000 | 12000 | 16000 | 24000 | 48000, bitrate = 32_000) {
    this.enc = new Encoder({ channels: 1, sample_rate: pcmRate, application: 'voip' });
    this.enc.bitrate = bitrate;
    this.dec = new Decoder({ channels: 1, sample_rate: pcmRate });
    this.frameSamples = (pcmRate * OPUS_FRAME_MS) / 1000;
    this.pcm = new Int16Array((MAX_PACKET_SAMPLES_48K * pcmRate) / OPUS_CLOCK);
  }

  /** One 20 ms PCM frame → an Opus packet (a view: use it before the next encode in the process). */
  encode(pcm: Int16Array): Buffer {
    try {
      if (native) return native.encodeOut.subarray(0, native.encode.call(this.enc, pcm));
      const out = this.enc.encode(pcm);
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    } catch (err) {
      throw new OpusError('encode', err);
    }
  }

  /**
   * `ms` (10 or 20) of Opus's concealment of lost audio into `pcm`, continuing from what was decoded
   * last (`lastToc`: that packet's TOC byte, for its mode); returns the sample count.
   */
  conceal(lastToc: number, ms: 10 | 20): number {
    this.tocOnly[0] = concealmentToc(lastToc, ms);
    return this.decode(this.tocOnly);
  }

  /** A new stream: forget the decoder's state. */
  resetDecoder(): void {
    this.dec.reset();
  }

  /**
   * An Opus packet → PCM at pcmRate in `pcm` (scratch of this call, valid until its next decode);
   * returns the sample count.
   */
  decode(packet: Uint8Array): number {
    let bytes: Uint8Array;
    let len: number;
    try {
      if (native) {
        bytes = native.decodeOut;
        len = native.decode.call(this.dec, packet);
      } else {
        bytes = this.dec.decode(packet);
        len = bytes.length;
      }
    } catch (err) {
      throw new OpusError('decode', err);
    }
    const n = len >> 1;
    if (n > this.pcm.length) throw new OpusError('decode', new RangeError(`decoded ${n} samples`));
    // Little-endian s16 into our own aligned scratch (the binding's buffer may sit at any byte offset).
    const out = this.pcm;
    for (let i = 0, b = 0; i < n; i++, b += 2) out[i] = (bytes[b] | (bytes[b + 1] << 8)) << 16 >> 16;
    return n;
  }
}
