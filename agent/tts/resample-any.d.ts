/** Arbitrary-ratio resampling of a whole utterance (see resample-any.js). */
export declare function resampleBuffer(src: Int16Array, inRate: number, outRate: number): Int16Array;
