// What an agent's turn-taking needs from voice activity detection, and the Silero-backed implementation
// every agent kind uses (cascaded, offline): caller PCM in, one speech probability per window out.
import { errorMessage } from '../../lib/errors.ts';
import { SileroModel, sileroEngineFromEnv } from './silero-model.ts';
import type { VadEngine } from '../../lib/config.ts';
import { SileroVad } from './silero-vad.ts';

/** A per-call voice activity detector. */
export interface VoiceDetector {
  push(pcm: Int16Array): void;
  close(): void;
  inferences: number;
  gatedWindows: number;
}

/**
 * `input`: rate of the audio pushed; `model`: rate the detector runs at (half of `input` when the caller's
 * leg is narrowband: the top half of the band is empty, and Silero at 8 kHz costs ~35% less per window).
 * `endSample` counts pushed samples.
 */
export type VoiceDetectorFactory = (rates: { input: number; model: number }, onProbability: (prob: number, endSample: number) => void) => VoiceDetector;

/** The rate the VAD runs at for caller audio at `input` Hz from a leg whose own rate is `source`. */
export function vadRate(input: number, source: number | undefined): number {
  return input === 16000 && source !== undefined && source <= 8000 ? 8000 : input;
}

/**
 * Silero detectors for one call, once the shared model has loaded (the first call of a process waits for
 * it). An inference failure is logged once per call and passed to `onError` each time.
 */
export function sileroDetectors(log: { error(o: object, m: string): void }, batchWaitMs: number | undefined, onError?: (err: unknown) => void, engine?: VadEngine): Promise<VoiceDetectorFactory> {
  let errors = 0;
  return SileroModel.load(engine).then(
    (model): VoiceDetectorFactory => {
      if (model.engine !== (engine ?? sileroEngineFromEnv()) && !fallbackLogged) {
        fallbackLogged = true;
        log.error({ engine: model.engine }, 'VAD_ENGINE=native needs WebAssembly SIMD, which this runtime lacks: Silero runs on onnxruntime (several times the CPU per call)');
      }
      return (rates, onProbability) =>
        new SileroVad(model, {
          batchWaitMs,
          rate: rates.model,
          inputRate: rates.input,
          onProbability,
          onError: (err) => {
            if (errors++ === 0) log.error({ err: errorMessage(err) }, 'VAD inference failed (logged once per call)');
            onError?.(err);
          },
        });
    },
  );
}

let fallbackLogged = false;
