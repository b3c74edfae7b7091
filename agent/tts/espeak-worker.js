// Worker thread: synthesizes text with espeak-ng (WASM). Kept off the main thread because one
// synthesis takes 0.2–0.4 s of CPU, which would stall audio pacing for every call in the process.
import { parentPort } from 'node:worker_threads';
import ESpeakNg from 'espeak-ng';
import { resampleBuffer } from './resample-any.js';

const quiet = () => {};

parentPort.on('message', async (req) => {
  try {
    const args = ['-v', req.voice, '-s', String(req.wpm), '-w', '/out.wav', req.text];
    const es = await ESpeakNg({ arguments: args, print: quiet, printErr: quiet });
    const wav = es.FS.readFile('/out.wav');
    const { rate, pcm: raw } = parseWav(wav);
    // Resampling a whole utterance takes tens of ms: done here, off the main thread, too.
    const pcm = resampleBuffer(raw, rate, req.outputRate);
    parentPort.postMessage({ id: req.id, rate: req.outputRate, pcm }, [pcm.buffer]);
  } catch (err) {
    parentPort.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
});

/** 16-bit mono PCM WAV → { rate, pcm }. espeak-ng may leave the data size unset, so read to the end. */
function parseWav(buf) {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 44 || view.getUint32(0, false) !== 0x52494646) throw new Error('espeak-ng did not produce a WAV file');
  let off = 12;
  let rate = 22050;
  while (off + 8 <= buf.byteLength) {
    const id = view.getUint32(off, false);
    const size = view.getUint32(off + 4, true);
    if (id === 0x666d7420) rate = view.getUint32(off + 12, true); // "fmt "
    if (id === 0x64617461) {
      // "data"
      const start = off + 8;
      const end = Math.min(buf.byteLength, size === 0xffffffff || size === 0 ? buf.byteLength : start + size);
      const pcm = new Int16Array((end - start) >> 1);
      new Uint8Array(pcm.buffer).set(buf.subarray(start, start + pcm.length * 2));
      return { rate, pcm };
    }
    off += 8 + size + (size & 1);
  }
  throw new Error('WAV has no data chunk');
}
