// `echo`: sends every caller frame straight back, with its origin time, so the media core can measure
// relay latency. The zero-delay agent of the load benchmark and a line test for users.
import type { AgentKind, AgentCall, AgentCallContext } from './types.ts';
import type { AudioFrameView } from '../../proto/index.ts';
import { pcmSamples } from '../../lib/pcm.ts';

// Aligned copy target for odd-offset frames; used synchronously, so one per process is enough.
const scratch = new Int16Array(48_000 / 50 * 4);

export const echoKind: AgentKind = {
  name: 'echo',
  outputRate: 16000,
  create(ctx: AgentCallContext): AgentCall {
    const { out } = ctx;
    return {
      onAudio(frame: AudioFrameView) {
        if (frame.sampleRate !== out.outputRate) return; // the worker asked media for our rate
        out.sendAudio(pcmSamples(frame.pcm, scratch), frame.originTs);
      },
      onEnd() {},
    };
  },
};
