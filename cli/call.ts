// `uap call`: places a simulated Twilio call against a running server (signed webhook → TwiML →
// Media Streams WebSocket), listens to the agent, presses keys, and writes what it heard to a WAV file.
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { SimulatedCall, ulawToPcm, pcmToUlaw } from '../test/twilio-sim/index.ts';
import { EspeakTts } from '../agent/tts/espeak.ts';

function wav8k(pcm: Int16Array): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + pcm.byteLength, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(16000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([h, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]);
}

class CallEnded extends Error {}

export async function runCall(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { url: { type: 'string' }, token: { type: 'string' }, seconds: { type: 'string' }, dtmf: { type: 'string' }, out: { type: 'string' }, to: { type: 'string' }, from: { type: 'string' } },
    strict: true,
  });
  const url = values.url ?? `http://127.0.0.1:${process.env.PORT ?? 8080}/twilio/voice`;
  const token = values.token ?? process.env.TWILIO_AUTH_TOKEN;
  if (!token) throw new Error('no auth token: pass --token or set TWILIO_AUTH_TOKEN to the one the server uses');
  const seconds = Number(values.seconds ?? 15);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) throw new Error('--seconds must be between 0 and 600');
  const digits = values.dtmf ?? '';
  if (!/^[0-9*#A-D]*$/.test(digits)) throw new Error('--dtmf takes digits 0-9, *, #, A-D');

  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`calling ${url} …`);
  const call = await SimulatedCall.place({ webhookUrl: url, authToken: token, from: values.from ?? '+15550001111', to: values.to ?? '+15550002222' });
  log(`connected: CallSid ${call.callSid}, stream ${call.streamUrl}`);
  const t0 = Date.now();
  const deadline = t0 + seconds * 1000;
  const left = () => Math.max(0, deadline - Date.now());
  let serverEnded = false;
  void call.closed.then(() => (serverEnded = true));
  // Waits end early (without an error) when the call is over or the time is up.
  const until = async (pred: (c: SimulatedCall) => boolean, what: string): Promise<boolean> => {
    try {
      await call.waitFor((c) => pred(c) || !c.isOpen, left(), what);
    } catch {
      return false;
    }
    if (!call.isOpen) throw new CallEnded();
    return true;
  };
  // Keep the line open with silence (as a phone does) except while we speak.
  const silence = new Uint8Array(160).fill(0xff);
  let speaking = false;
  const feeder = setInterval(() => !speaking && call.isOpen && call.sendMediaChunk(silence, Date.now() - t0), 20);
  try {
    if (!(await until((c) => c.bytesReceived > 0, 'the agent to speak'))) throw new Error(`the agent said nothing within ${seconds} s`);
    log(`agent audio after ${Date.now() - t0} ms`);
    const [first, ...rest] = digits;
    if (first) {
      // Press the first key while the greeting plays: the agent stops talking and answers the key.
      await new Promise((r) => setTimeout(r, Math.min(1500, left())));
      const clears = call.clears;
      call.sendDtmf(first);
      log(`pressed ${first} during the greeting`);
      if (await until((c) => c.clears > clears, 'the greeting to be cut off')) log('  the agent stopped talking (clear received)');
    }
    if (await until((c) => c.marksReturned > 0, 'the agent to finish speaking')) log(`agent finished speaking (${(call.bytesReceived / 8000).toFixed(1)} s of audio so far)`);
    for (const d of rest) {
      const marks = call.marksReturned;
      call.sendDtmf(d);
      log(`pressed ${d}`);
      await until((c) => c.marksReturned > marks, 'the key read-out');
    }
    // Say something (synthesized speech) and hear it back: the offline agent plays an utterance back
    // once the caller stops (its echo mode, frame by frame, at once).
    if (left() > 5000) {
      const voice = new EspeakTts(8000);
      const speech = await voice.synthesize('Testing, one, two, three.').finally(() => voice.close());
      const before = call.bytesReceived;
      speaking = true;
      await call.sendAudio(pcmToUlaw(speech));
      speaking = false;
      const sent = speech.length / 8000;
      let words = speech.length - 1;
      while (words > 0 && Math.abs(speech[words]) < 300) words--; // espeak pads its output with quiet
      await until((c) => c.bytesReceived - before >= words * 0.9, 'the speech played back');
      log(`played back: ${((call.bytesReceived - before) / 8000).toFixed(2)} s of audio came back for ${sent.toFixed(2)} s said`);
    }
    await until(() => false, 'the end of the call');
  } catch (err) {
    if (!(err instanceof CallEnded)) throw err;
  } finally {
    clearInterval(feeder);
    const summary = `received ${(call.bytesReceived / 8000).toFixed(1)} s of audio, ${call.marksReturned} marks`;
    if (serverEnded || !call.isOpen) {
      const c = call.closeInfo;
      log(`the server ended the call after ${((Date.now() - t0) / 1000).toFixed(1)} s (close ${c?.code}${c?.reason ? ` ${c.reason}` : ''}); ${summary}`);
      if (c && c.code !== 1000) process.exitCode = 1;
    } else {
      const res = await call.stop();
      log(`hung up (close ${res.code}${res.serverClosed ? '' : ', the server did not close the stream'}); ${summary}`);
    }
    if (values.out) {
      writeFileSync(values.out, wav8k(ulawToPcm(call.receivedAudio())));
      log(`wrote ${values.out}`);
    }
  }
}
