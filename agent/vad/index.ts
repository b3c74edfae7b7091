// Voice activity detection and turn-taking for agents: Silero VAD (WASM) and the endpointer.
export { SileroModel, SILERO_WINDOW } from './silero-model.ts';
export { SileroVad, type SileroVadOptions } from './silero-vad.ts';
export { sileroDetectors, vadRate, type VoiceDetector, type VoiceDetectorFactory } from './detector.ts';
export { Endpointer, type EndpointerOptions, type EndpointerEvents } from './endpointer.ts';
