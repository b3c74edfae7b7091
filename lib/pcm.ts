// PCM s16le bytes ↔ Int16Array without surprises. Bus payloads are often views into Node's shared
// Buffer pool at odd offsets; an Int16Array needs an even offset, and Buffer#slice does NOT copy.

/** Samples of `bytes` (s16le, little-endian host): a view when aligned, else a fresh copy. */
export function pcmSamples(bytes: Uint8Array, scratch?: Int16Array): Int16Array {
  const n = bytes.byteLength >> 1;
  if ((bytes.byteOffset & 1) === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, n);
  // Callers on the hot path pass a scratch array (the samples are used before the next frame).
  const copy = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Int16Array(n);
  new Uint8Array(copy.buffer).set(bytes.subarray(0, n * 2));
  return copy;
}

/** Bytes view of samples (no copy). */
export function pcmBytes(samples: Int16Array): Uint8Array {
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
}
