// A browser stand-in for tests and the benchmark: a werift peer that offers one Opus audio track (plus
// telephone-events, as Chrome does), sends a tone (or silence) as Opus every 20 ms, decodes what comes
// back and measures it, and sends RFC 4733 key presses. `netem` plays a bad network for the audio:
// frames dropped, duplicated, or sent after the next one.
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, type RTCRtpTransceiver } from 'werift';
import { audioCodecs } from '../../media/webrtc/peer-config.ts';
import { OpusCodec } from '../../media/webrtc/opus.ts';
import { writeDtmfPayload } from '../../media/rtp/dtmf.ts';

const RATE = 16000;
const FRAME = 320;

export interface CallerStats {
  sent: number;
  received: number;
  /** Received frames whose RMS is above the silence threshold. */
  loud: number;
  /** Largest gap between two received packets after the first (ms). */
  maxGapMs: number;
  /** Received packets whose sequence number skipped ahead (lost) or went back. */
  seqGaps: number;
}

export interface Netem {
  drop?(n: number): boolean;
  duplicate?(n: number): boolean;
  /** Frame n goes out after frame n + 1. */
  swap?(n: number): boolean;
}

export class WeriftCaller {
  readonly pc: RTCPeerConnection;
  readonly track = new MediaStreamTrack({ kind: 'audio' });
  readonly transceiver: RTCRtpTransceiver;
  readonly stats: CallerStats = { sent: 0, received: 0, loud: 0, maxGapMs: 0, seqGaps: 0 };
  private readonly codec = new OpusCodec(RATE);
  private timer: NodeJS.Timeout | undefined;
  private seq = 1;
  private ts = 0;
  private phase = 0;
  private lastRx = 0;
  private lastSeq = -1;
  private tone = 440;
  /** Called for each decoded 20 ms frame of received audio (tests). */
  onAudio: ((pcm: Int16Array) => void) | undefined;
  netem: Netem | undefined;
  private swapped: { payload: Buffer; seq: number; ts: number } | undefined;

  constructor(opts: { iceServers?: { urls: string }[] } = {}) {
    this.pc = new RTCPeerConnection({
      codecs: { audio: audioCodecs(), video: [] },
      iceServers: opts.iceServers ?? [],
      iceUseIpv6: false,
      iceAdditionalHostAddresses: ['127.0.0.1'],
    });
    this.transceiver = this.pc.addTransceiver(this.track, { direction: 'sendrecv' });
    this.pc.onTrack.subscribe((t) => t.onReceiveRtp.subscribe((p) => this.onRtp(p)));
  }

  /** The offer, with all host candidates in it. */
  async offer(): Promise<string> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    if (this.pc.iceGatheringState !== 'complete') {
      await new Promise<void>((r) => this.pc.iceGatheringStateChange.subscribe((s) => s === 'complete' && r()));
    }
    return this.pc.localDescription!.sdp;
  }

  async answer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  connected(timeoutMs = 10_000): Promise<void> {
    if (this.pc.connectionState === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`werift caller not connected within ${timeoutMs} ms (${this.pc.connectionState})`)), timeoutMs);
      this.pc.connectionStateChange.subscribe((s) => {
        if (s === 'connected') {
          clearTimeout(t);
          resolve();
        }
      });
    });
  }

  /** Starts sending 20 ms Opus frames: a tone at `hz` (0: silence). */
  startAudio(hz = 440): void {
    this.tone = hz;
    if (this.timer) return;
    const pcm = new Int16Array(FRAME);
    const t0 = performance.now();
    let n = 0;
    const tick = (): void => {
      // Catch up on timer lateness so the stream stays real time.
      while (performance.now() - t0 >= n * 20) {
        for (let i = 0; i < FRAME; i++) {
          pcm[i] = this.tone ? Math.round(8000 * Math.sin(this.phase)) : 0;
          this.phase += (2 * Math.PI * this.tone) / RATE;
        }
        this.sendAudioPacket(Buffer.from(this.codec.encode(pcm)), n);
        this.ts += 960;
        n++;
      }
      this.timer = setTimeout(tick, Math.max(1, t0 + n * 20 - performance.now()));
    };
    tick();
  }

  stopAudio(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private sendAudioPacket(payload: Buffer, n: number): void {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xffff;
    const ne = this.netem;
    if (ne?.drop?.(n)) return;
    if (ne?.swap?.(n) && !this.swapped) {
      this.swapped = { payload, seq, ts: this.ts };
      return;
    }
    this.sendPacket(111, payload, n === 0, this.ts, seq);
    if (ne?.duplicate?.(n)) this.sendPacket(111, payload, false, this.ts, seq);
    const s = this.swapped;
    this.swapped = undefined;
    if (s) this.sendPacket(111, s.payload, false, s.ts, s.seq);
  }

  private sendPacket(pt: number, payload: Buffer, marker: boolean, ts = this.ts, seq = -1): void {
    if (seq < 0) {
      seq = this.seq;
      this.seq = (this.seq + 1) & 0xffff;
    }
    const h = new RtpHeader({ payloadType: pt, sequenceNumber: seq, timestamp: ts, marker });
    // The sender rewrites the payload type to its codec's: telephone-events go straight to the transport.
    const sender = this.transceiver.sender as unknown as { ssrc: number; dtlsTransport: { sendRtp(p: Buffer, h: RtpHeader): Promise<number> }; sendRtp(p: RtpPacket): Promise<void> };
    if (pt === 111) void sender.sendRtp(new RtpPacket(h, Buffer.from(payload))).catch(() => {});
    else {
      h.ssrc = sender.ssrc;
      void sender.dtlsTransport.sendRtp(Buffer.from(payload), h).catch(() => {});
    }
    this.stats.sent++;
  }

  /** One RFC 4733 key press (telephone-event/48000, pt 110): start, update, 3× end, as browsers send it. */
  async sendDtmf(digit: string): Promise<void> {
    const event = '0123456789*#ABCD'.indexOf(digit);
    const ts = this.ts;
    const buf = Buffer.alloc(4);
    for (let i = 1; i <= 5; i++) {
      writeDtmfPayload(buf, 0, event, i === 5, 10, i * 960);
      for (let k = 0; k < (i === 5 ? 3 : 1); k++) this.sendPacket(110, buf, i === 1, ts);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private onRtp(p: RtpPacket): void {
    const now = performance.now();
    if (this.lastRx > 0 && now - this.lastRx > this.stats.maxGapMs) this.stats.maxGapMs = now - this.lastRx;
    this.lastRx = now;
    if (this.lastSeq >= 0 && p.header.sequenceNumber !== ((this.lastSeq + 1) & 0xffff)) this.stats.seqGaps++;
    this.lastSeq = p.header.sequenceNumber;
    this.stats.received++;
    if (p.header.payloadType !== 111) return;
    const n = this.codec.decode(p.payload);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.codec.pcm[i] * this.codec.pcm[i];
    if (Math.sqrt(sum / Math.max(1, n)) > 300) this.stats.loud++;
    this.onAudio?.(this.codec.pcm.subarray(0, n));
  }

  /** Resets the gap measurement (e.g. after the call settled). */
  resetGaps(): void {
    this.stats.maxGapMs = 0;
    this.lastRx = 0;
  }

  async close(): Promise<void> {
    this.stopAudio();
    await this.pc.close().catch(() => {});
  }
}
