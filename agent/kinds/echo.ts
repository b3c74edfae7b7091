// `echo`: sends every caller frame straight back, with its origin time, so the media core can measure
// relay latency. The zero-delay agent of the load benchmark and a line test for users.
import type { AgentKind, AgentCall, AgentCallContext } from './types.ts';
import type { uap } from '../../proto/index.ts';

export const echoKind: AgentKind = {
  name: 'echo',
  outputRate: 16000,
  create(ctx: AgentCallContext): AgentCall {
    const { out } = ctx;
    return {
      onAudio(frame: uap.AudioFrame) {
        if (frame.sampleRate !== out.outputRate) return; // the worker asked media for our rate
        const pcm = frame.pcm;
        if ((pcm.byteOffset & 1) === 0) out.sendAudio(new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength >> 1), frame.originTs);
        else out.sendAudio(new Int16Array(pcm.slice().buffer), frame.originTs);
      },
      onEnd() {},
    };
  },
};
