// AgentOutput over the bus: audio as protobuf AudioFrames on media.<callId>.out, control on
// call.<callId>.control. Marks carry the last frame sequence so media pins them after that audio.
import { uap, subjects, AudioFrameEncoder } from '../proto/index.ts';
import type { Bus } from '../lib/bus/types.ts';
import type { AgentOutput } from './kinds/types.ts';
import { pcmBytes } from '../lib/pcm.ts';

const FRAME_MS = 20;

export class BusAgentOutput implements AgentOutput {
  private seq = 0;
  private mediaTsMs = 0;
  private readonly frameSamples: number;
  private readonly encoder: AudioFrameEncoder;
  private readonly pad: Int16Array;
  private readonly outSubject: string;
  private readonly controlSubject: string;
  framesOut = 0;

  /** `afterSeq`: the last frame sequence of the call's previous output (a handoff continues it, so media keeps ordering). */
  constructor(private readonly bus: Bus, readonly callId: string, readonly outputRate: number, afterSeq = 0) {
    this.seq = afterSeq;
    this.frameSamples = (outputRate * FRAME_MS) / 1000;
    this.pad = new Int16Array(this.frameSamples);
    this.encoder = new AudioFrameEncoder(callId);
    this.outSubject = subjects.mediaOut(callId);
    this.controlSubject = subjects.control(callId);
  }

  sendAudio(pcm: Int16Array, originTs = 0): void {
    const fs = this.frameSamples;
    let i = 0;
    for (; i + fs <= pcm.length; i += fs) this.publish(pcm.subarray(i, i + fs), originTs);
    if (i < pcm.length) {
      // Tail of an utterance: pad to a whole frame so every frame on the bus is 20 ms.
      this.pad.fill(0);
      this.pad.set(pcm.subarray(i));
      this.publish(this.pad, originTs);
    }
  }

  /** Sequence of the last frame published. */
  get lastSeq(): number {
    return this.seq;
  }

  private publish(samples: Int16Array, originTs: number): void {
    const bytes = this.encoder.encode(++this.seq, this.mediaTsMs, this.outputRate, pcmBytes(samples), originTs);
    this.mediaTsMs += FRAME_MS;
    this.framesOut++;
    this.bus.publish(this.outSubject, bytes);
  }

  private control(c: uap.IMediaControl): void {
    this.bus.publish(this.controlSubject, uap.MediaControl.encode({ callId: this.callId, ...c }).finish());
  }

  mark(name: string): void {
    this.control({ mark: { name, afterOutSeq: this.seq } });
  }

  clear(): void {
    this.control({ clear: {} });
  }

  hangup(reason: string): void {
    this.control({ hangup: { reason } });
  }

  transfer(target: string): void {
    this.control({ transfer: { target } });
  }
}
