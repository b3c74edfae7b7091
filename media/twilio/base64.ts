// Base64 straight into a byte buffer: the outbound `media` message is assembled as bytes (prefix,
// base64 payload, suffix) and sent as a text frame, with no intermediate JS strings per frame.
const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 61; // '='

/** Writes base64 of src[0..n) into dst at offset; returns the offset after the last character. */
export function base64Into(src: Uint8Array, n: number, dst: Uint8Array, offset: number): number {
  let o = offset;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (src[i] << 16) | (src[i + 1] << 8) | src[i + 2];
    dst[o++] = ALPHABET[v >>> 18];
    dst[o++] = ALPHABET[(v >>> 12) & 63];
    dst[o++] = ALPHABET[(v >>> 6) & 63];
    dst[o++] = ALPHABET[v & 63];
  }
  if (i < n) {
    const v = (src[i] << 16) | (i + 1 < n ? src[i + 1] << 8 : 0);
    dst[o++] = ALPHABET[v >>> 18];
    dst[o++] = ALPHABET[(v >>> 12) & 63];
    dst[o++] = i + 1 < n ? ALPHABET[(v >>> 6) & 63] : PAD;
    dst[o++] = PAD;
  }
  return o;
}

export const base64Length = (n: number): number => Math.ceil(n / 3) * 4;
