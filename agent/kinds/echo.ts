// `echo`: sends every caller frame straight back, with its origin time, so the media core can measure
// relay latency. The zero-delay agent of the load benchmark and a line test for users.
import type { AgentKind, AgentCall, AgentCallContext } from './types.ts';
import type { uap } from '../../proto/index.ts';
import { pcmSamples } from '../../lib/pcm.ts';

export const echoKind: AgentKind = {
  name: 'echo',
  outputRate: 16000,
  create(ctx: AgentCallContext): AgentCall {
    const { out } = ctx;
    return {
      onAudio(frame: uap.AudioFrame) {
        if (frame.sampleRate !== out.outputRate) return; // the worker asked media for our rate
        out.sendAudio(pcmSamples(frame.pcm), frame.originTs);
      },
      onEnd() {},
    };
  },
};
