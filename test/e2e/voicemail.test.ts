// Voicemail through real processes: a simulated Twilio caller presses 2 on the offline agent's menu,
// hears the prompt and the beep, speaks (espeak-ng speech, as a phone would send it), and goes quiet;
// Silero VAD ends the message 3 s after the last word, the agent stores it, thanks the caller and hangs
// up. Afterwards the recording is fetched through the API with the expected duration:
//  - embedded: one process, the in-process bus, the WAV written straight into RECORDINGS_DIR;
//  - split over NATS: the agent in a process (and data dir) of its own — another host as far as files
//    go — the WAV through the JetStream Object Store into the API process's RECORDINGS_DIR.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { startNatsServer, type TestNatsServer } from '../../lib/bus/testing/nats-server.ts';
import { SimulatedCall, pcmToUlaw, ulawToPcm, goertzelPower } from '../twilio-sim/index.ts';
import { EspeakTts } from '../../agent/tts/espeak.ts';

const procs: UapProcess[] = [];
let nats: TestNatsServer | undefined;
const voice = new EspeakTts(8000);
after(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await nats?.stop();
  await voice.close();
});

const ROUTES = JSON.stringify({
  '*': {
    agent: 'offline',
    configId: 'vm',
    settings: { greeting: 'Hi. Press two to leave a message.', menu: { '2': { action: 'voicemail', say: 'Leave a message after the tone.', maxSeconds: 60 } } },
  },
});

/** Waits for the log line that says Silero has loaded (preloaded: the route's menu records messages). */
async function vadLoaded(p: UapProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!p.logs.some((l) => l.msg === 'offline agent: voice activity detection loaded')) {
    if (Date.now() > deadline) throw new Error('Silero did not load');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function leaveMessage(webhookUrl: string): Promise<{ callSid: string; speechMs: number }> {
  const speech = await voice.synthesize('Hello, this is Sam. Please call me back about the order tomorrow morning.');
  let last = speech.length - 1;
  while (last > 0 && Math.abs(speech[last]) < 300) last--; // espeak pads its output with quiet
  const speechMs = ((last + 1) * 1000) / 8000;
  // The words, then line silence (µ-law 0xFF) as a phone sends it: 3 s of it end the message.
  const ulaw = new Uint8Array(speech.length + 8 * 4000).fill(0xff);
  ulaw.set(pcmToUlaw(speech));

  const call = await SimulatedCall.place({ webhookUrl, authToken: TEST_AUTH_TOKEN });
  await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting played');
  call.sendDtmf('2');
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('menu-2')), 10_000, 'voicemail prompt played');
  const beforeBeep = call.receivedAudio().length;
  await call.waitFor((c) => c.marksSentBack.some((m) => m.name.startsWith('beep')), 5000, 'beep played');
  const beep = ulawToPcm(call.receivedAudio().subarray(beforeBeep));
  assert.ok(goertzelPower(beep, 8000, 1000) > 100 * goertzelPower(beep, 8000, 440), 'the caller heard a 1 kHz beep');

  const marks = call.marksReturned;
  await call.sendAudio(ulaw);
  // Stored, thanked, hung up: the server closes the stream once the goodbye has played.
  await call.waitFor((c) => c.marksReturned > marks, 10_000, 'thanks played');
  assert.ok(call.marksSentBack.at(-1)!.name.startsWith('voicemail-done'), call.marksSentBack.at(-1)!.name);
  const closed = await call.closed;
  assert.equal(closed.code, 1000);
  return { callSid: call.callSid, speechMs };
}

async function fetchRecording(api: UapProcess, callSid: string): Promise<{ wav: Buffer; voicemail: Record<string, unknown>; recordingUrl: string }> {
  const reg = await fetch(`${api.httpUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantName: 'Us', tenantSlug: 'default', email: 'me@example.com', password: 'a long passphrase' }),
  });
  assert.equal(reg.status, 201, await reg.clone().text());
  const { accessToken } = (await reg.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  // The recording event reaches the API through the durable event stream: wait for it.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${api.httpUrl}/api/v1/voice/calls/${callSid}`, { headers: auth });
    const view = (await res.json()) as { recordingUrl: string | null; metadata: Record<string, unknown> };
    if (view.recordingUrl) {
      const audio = await fetch(`${api.httpUrl}/api/v1/voice/calls/${callSid}/recording`, { headers: auth });
      assert.equal(audio.status, 200);
      assert.equal(audio.headers.get('content-type'), 'audio/wav');
      return { wav: Buffer.from(await audio.arrayBuffer()), voicemail: view.metadata.voicemail as Record<string, unknown>, recordingUrl: view.recordingUrl };
    }
    if (Date.now() > deadline) throw new Error(`no recording on the call: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function checkRecording(r: Awaited<ReturnType<typeof fetchRecording>>, speechMs: number): void {
  assert.equal(r.wav.toString('ascii', 0, 4), 'RIFF');
  const rate = r.wav.readUInt32LE(24);
  assert.equal(rate, 16000, 'stored at the agent rate');
  const ms = (r.wav.readUInt32LE(40) / 2 / rate) * 1000;
  // From the beep to the last word plus a short tail: the 3 s of silence that ended it are cut off.
  assert.ok(ms > speechMs + 100 && ms < speechMs + 1300, `recording of ${ms} ms for ${speechMs} ms of speech`);
  assert.equal(r.voicemail.durationMs, Math.round(ms));
  assert.equal(r.voicemail.bytes, r.wav.length);
  assert.equal(r.voicemail.available, true);
  assert.match(r.recordingUrl, /^file:default\/CA[0-9a-f]+-voicemail-1\.wav$/);
  // Speech, not silence, all the way to the end of the words.
  const pcm = new Int16Array(r.wav.buffer, r.wav.byteOffset + 44, (r.wav.length - 44) / 2);
  let loud = 0;
  for (const v of pcm) if (Math.abs(v) > 1000) loud++;
  assert.ok(loud > rate * 0.5, `${loud} loud samples`);
}

test('embedded: press 2, speak, go quiet: the message is stored and served by the API with its duration', { timeout: 120_000 }, async () => {
  const uap = await startUap({ env: { ROUTES } });
  procs.push(uap);
  await vadLoaded(uap);
  const { callSid, speechMs } = await leaveMessage(uap.webhookUrl);
  checkRecording(await fetchRecording(uap, callSid), speechMs);
  assert.ok(uap.logs.some((l) => l.msg === 'recording saved' && l.store === 'file'));
});

test('split over NATS: the agent on its own data dir stores the WAV in the object store; the API copies and serves it', { timeout: 120_000 }, async () => {
  nats = await startNatsServer();
  const env = { NATS_URL: nats.url, ROUTES };
  const agent = await startUap({ roles: 'agent', env });
  procs.push(agent);
  const edge = await startUap({ roles: 'media,signaling,api', env });
  procs.push(edge);
  await vadLoaded(agent);
  const { callSid, speechMs } = await leaveMessage(edge.webhookUrl);
  checkRecording(await fetchRecording(edge, callSid), speechMs);
  assert.ok(agent.logs.some((l) => l.msg === 'recording saved' && l.store === 'object-store'));
});
