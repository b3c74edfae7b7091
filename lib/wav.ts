// A WAV file (RIFF, PCM s16le mono) around caller audio: batch transcription uploads, voicemail recordings.
export function wavFile(chunks: readonly Int16Array[], rate: number): Buffer {
  let samples = 0;
  for (const c of chunks) samples += c.length;
  const data = samples * 2;
  const buf = Buffer.allocUnsafe(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  let off = 44;
  for (const c of chunks) {
    Buffer.from(c.buffer, c.byteOffset, c.byteLength).copy(buf, off);
    off += c.byteLength;
  }
  return buf;
}
