// `offline` (the default, needs no API key): espeak-ng speech, Silero VAD turn-taking and a key/voice
// menu from the agent config — transfer, voicemail (stored where the control API serves it), handing the
// call to another agent config (an LLM agent), say, hang up — with echo as a line-test mode. The call
// itself is offline/offline-call.ts; settings in offline/settings.ts, the menu in menu.ts.
import type { AgentKind } from './types.ts';
import type { EspeakTts } from '../tts/espeak.ts';
import type { Logger } from '../../lib/logger.ts';
import type { VadEngine } from '../../lib/config.ts';
import { errorMessage } from '../../lib/errors.ts';
import { SileroModel } from '../vad/silero-model.ts';
import { sileroDetectors, type VoiceDetectorFactory } from '../vad/detector.ts';
import { OfflineCall, DEFAULT_GREETING, DIGIT_WORDS } from './offline/offline-call.ts';

export { DEFAULT_GREETING } from './offline/offline-call.ts';

export interface OfflineKindOptions {
  /** Replaces Silero (tests). */
  vad?: VoiceDetectorFactory;
  /** VAD_BATCH_WAIT_MS: how long a Silero window waits for other calls' windows. */
  vadBatchWaitMs?: number;
  /** VAD_ENGINE (default: the environment's). */
  vadEngine?: VadEngine;
  /**
   * Load Silero at start rather than on the first call that needs it (native engine ~0.2 s and ~15 MB of
   * RSS; onnxruntime ~2.3 s and ~340 MB): for processes whose configured routes need it (agent/index.ts
   * decides). Logged when loaded.
   */
  preload?: { log: Logger };
}

export function offlineKind(tts: EspeakTts, o: OfflineKindOptions = {}): AgentKind {
  const beep = beepTone(tts.outputRate);
  const pre = o.preload;
  if (pre && !o.vad) {
    // After start-up has settled, so it does not compete with it.
    setTimeout(() => void SileroModel.load(o.vadEngine).then(
      () => pre.log.info('offline agent: voice activity detection loaded'),
      (err: unknown) => pre.log.error({ err: errorMessage(err) }, 'offline agent: voice activity detection failed to load'),
    ), 500).unref();
  }
  return {
    name: 'offline',
    outputRate: tts.outputRate,
    create: (ctx) =>
      new OfflineCall(ctx, {
        tts,
        beep,
        // Loaded on the first call that needs it (see preload): that call greets meanwhile.
        vad: () => o.vad ?? sileroDetectors(ctx.log, o.vadBatchWaitMs, undefined, o.vadEngine),
      }),
  };
}

/** The tone before a voicemail message: 1 kHz for 400 ms, faded in and out over 10 ms. */
export function beepTone(rate: number): Int16Array {
  const n = Math.round(rate * 0.4);
  const fade = Math.round(rate * 0.01);
  const pcm = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const env = Math.min(1, i / fade, (n - 1 - i) / fade);
    pcm[i] = Math.round(0.3 * 32767 * env * Math.sin((2 * Math.PI * 1000 * i) / rate));
  }
  return pcm;
}

/** Synthesizes the greeting and the key read-outs ahead of the first call. */
/** One at a time, so a live call's own speech waits behind at most one of these. */
export async function prewarmOffline(tts: EspeakTts): Promise<void> {
  const texts = [DEFAULT_GREETING, ...'0123456789*#'.split('').map((d) => `You pressed ${DIGIT_WORDS[d] ?? d}.`)];
  for (const t of texts) await tts.synthesize(t).catch(() => undefined);
}
