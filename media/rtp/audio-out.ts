// The send side of a SIP call's audio per codec: one 20 ms frame of PCM encoded into a send-queue slot
// (160 octets for every codec here), and silence. Encoding happens when the frame is queued, off the
// clock's time-critical send phase. G.722 is ADPCM, so the far end's decoder follows our encoder only
// if it gets every frame we encoded: the encoder's state is kept per slot before each frame, and when
// queued frames are dropped unsent (barge-in) the encoder goes back to the state before the first of them.
import { LINEAR13_TO_ALAW, LINEAR14_TO_ULAW, alawSilence, ulawSilence } from '../codecs/index.ts';
import { G722Encoder, G722_STATE_WORDS } from '../codecs/g722.ts';
import { FRAME_BYTES, frameSamplesOf, pcmRateOf, type RtpAudioCodec } from './audio-codec.ts';

export interface AudioOut {
  readonly codec: RtpAudioCodec;
  /** PCM rate of the frames encode() takes. */
  readonly rate: number;
  readonly frameSamples: number;
  /**
   * Encodes `n` samples of `pcm` (at most frameSamples; a short frame is padded with silence) into
   * FRAME_BYTES octets of `dst` at `off`, the payload of send slot `slot`.
   */
  encode(pcm: Int16Array, n: number, dst: Uint8Array, off: number, slot: number): void;
  /** The frames queued from send slot `slot` on will never be sent. */
  unsent(slot: number): void;
  /** FRAME_BYTES of silence at `off` in `dst`, to send at once. */
  silence(dst: Uint8Array, off: number): void;
  /** The call is over (or the codec changed): frees the encoder's memory. */
  dispose(): void;
}

/** `slots`: how many frames the send queue holds. */
export function createAudioOut(codec: RtpAudioCodec, slots: number): AudioOut {
  return codec === 'G722' ? new G722Out(slots) : new G711Out(codec);
}

class G711Out implements AudioOut {
  readonly rate = 8000;
  readonly frameSamples = 160;
  private readonly fillByte: number;

  constructor(readonly codec: 'PCMU' | 'PCMA') {
    this.fillByte = codec === 'PCMU' ? ulawSilence : alawSilence;
  }

  encode(pcm: Int16Array, n: number, dst: Uint8Array, off: number): void {
    if (n > 160) n = 160;
    // The codec tables straight into the slot (no views).
    if (this.codec === 'PCMU') for (let i = 0; i < n; i++) dst[off + i] = LINEAR14_TO_ULAW[(pcm[i] >> 2) & 0x3fff];
    else for (let i = 0; i < n; i++) dst[off + i] = LINEAR13_TO_ALAW[(pcm[i] >> 3) & 0x1fff];
    if (n < 160) dst.fill(this.fillByte, off + n, off + 160);
  }

  unsent(): void {
    // Stateless: nothing to undo.
  }

  silence(dst: Uint8Array, off: number): void {
    dst.fill(this.fillByte, off, off + FRAME_BYTES);
  }

  dispose(): void {
    // Nothing to free.
  }
}

class G722Out implements AudioOut {
  readonly codec = 'G722' as const;
  readonly rate = pcmRateOf('G722');
  readonly frameSamples = frameSamplesOf('G722');
  private readonly enc = new G722Encoder();
  /** The encoder's state before each slot's frame was encoded. */
  private readonly before: Int32Array;
  private readonly pad = new Int16Array(this.frameSamples);

  constructor(slots: number) {
    this.before = new Int32Array(slots * G722_STATE_WORDS);
  }

  encode(pcm: Int16Array, n: number, dst: Uint8Array, off: number, slot: number): void {
    this.enc.saveState(this.before, slot * G722_STATE_WORDS);
    const fs = this.frameSamples;
    if (n >= fs) {
      this.enc.encode(pcm, 0, fs, dst, off);
      return;
    }
    // A short frame: padded with silence through a scratch frame (rare: the pacer sends whole chunks).
    const pad = this.pad;
    for (let i = 0; i < n; i++) pad[i] = pcm[i];
    pad.fill(0, n);
    this.enc.encode(pad, 0, fs, dst, off);
  }

  unsent(slot: number): void {
    this.enc.loadState(this.before, slot * G722_STATE_WORDS);
  }

  silence(dst: Uint8Array, off: number): void {
    // Encoded, not a fixed octet: the decoder's state must follow ours (a repeated code word drifts).
    this.pad.fill(0);
    this.enc.encode(this.pad, 0, this.frameSamples, dst, off);
  }

  dispose(): void {
    this.enc.dispose();
  }
}
