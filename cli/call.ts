// `uap call`: places a simulated Twilio call against a running server (signed webhook → TwiML →
// Media Streams WebSocket), listens to the agent, presses keys, and writes what it heard to a WAV file.
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { SimulatedCall, ulawToPcm, tone, pcmToUlaw } from '../test/twilio-sim/index.ts';

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

export async function runCall(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { url: { type: 'string' }, token: { type: 'string' }, seconds: { type: 'string' }, dtmf: { type: 'string' }, out: { type: 'string' }, to: { type: 'string' }, from: { type: 'string' } },
    strict: true,
  });
  const url = values.url ?? `http://127.0.0.1:${process.env.PORT ?? 8080}/twilio/voice`;
  const token = values.token ?? process.env.TWILIO_AUTH_TOKEN;
  if (!token) throw new Error('no auth token: pass --token or set TWILIO_AUTH_TOKEN to the one the server uses');
  const seconds = Number(values.seconds ?? 8);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) throw new Error('--seconds must be between 0 and 600');
  const digits = values.dtmf ?? '';
  if (!/^[0-9*#A-D]*$/.test(digits)) throw new Error('--dtmf takes digits 0-9, *, #, A-D');

  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`calling ${url} …`);
  const call = await SimulatedCall.place({ webhookUrl: url, authToken: token, from: values.from ?? '+15550001111', to: values.to ?? '+15550002222' });
  log(`connected: CallSid ${call.callSid}, stream ${call.streamUrl}`);
  const t0 = Date.now();
  // Keep a quiet line open (as a phone does) so the agent hears the caller.
  const silence = new Uint8Array(160).fill(0xff);
  const feeder = setInterval(() => call.isOpen && call.sendMediaChunk(silence, Date.now() - t0), 20);
  try {
    await call.waitFor((c) => c.bytesReceived > 0, 10_000, 'the agent to speak');
    log(`agent audio after ${Date.now() - t0} ms`);
    await call.waitFor((c) => c.marksReturned > 0, 30_000, 'the greeting to finish').catch(() => {});
    log(`greeting played (${(call.bytesReceived / 8000).toFixed(1)} s of audio)`);
    for (const d of digits) {
      call.sendDtmf(d);
      log(`pressed ${d}`);
      const marks = call.marksReturned;
      await call.waitFor((c) => c.marksReturned > marks, 10_000, 'the key read-out').catch(() => {});
    }
    // Say something (a tone) and hear it echoed.
    clearInterval(feeder);
    const before = call.bytesReceived;
    await call.sendAudio(pcmToUlaw(tone(440, 1000, 8000, 0.3)));
    await new Promise((r) => setTimeout(r, 300));
    log(`echo: ${((call.bytesReceived - before) / 8000).toFixed(2)} s of audio came back for 1.0 s sent`);
    const left = seconds * 1000 - (Date.now() - t0);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  } finally {
    clearInterval(feeder);
    const res = await call.stop();
    log(`hung up (close ${res.code}); received ${(call.bytesReceived / 8000).toFixed(1)} s of audio, ${call.marksReturned} marks`);
    if (values.out) {
      writeFileSync(values.out, wav8k(ulawToPcm(call.receivedAudio())));
      log(`wrote ${values.out}`);
    }
  }
}
