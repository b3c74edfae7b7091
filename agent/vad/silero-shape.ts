// The Silero VAD v5 network's input and state sizes, shared by both engines and the batcher.

/** Samples of new audio per inference, and of context carried over from the previous window. */
export const SILERO_WINDOW: Readonly<Record<number, { window: number; context: number }>> = {
  16000: { window: 512, context: 64 }, // 32 ms
  8000: { window: 256, context: 32 },
};

/** Width of each of the two recurrent state layers (h, c) per stream. */
export const SILERO_STATE = 128;
