// A Twilio call to an `ultravox` agent, end to end through real processes: the platform creates the
// Ultravox call over REST, streams the caller's audio over the join WebSocket, plays the agent's audio to
// the caller, turns `playback_clear_buffer` into Twilio's `clear`, passes keys on, and hangs up.
// Ultravox itself is a local fake speaking its wire protocol.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startUap, type UapProcess, TEST_AUTH_TOKEN } from '../support/uap-process.ts';
import { startFakeUltravox, type FakeUltravox } from '../fakes/ultravox/server.ts';
import { SimulatedCall, tone, pcmToUlaw } from '../twilio-sim/index.ts';

let uap: UapProcess | undefined;
let fake: FakeUltravox | undefined;
after(async () => {
  await uap?.stop('SIGKILL');
  await fake?.stop();
});

test('a call to an Ultravox agent: audio both ways, interruption, keys, hang-up', { timeout: 60_000 }, async () => {
  fake = await startFakeUltravox();
  uap = await startUap({
    env: {
      ROUTES: JSON.stringify({ '*': { agent: 'ultravox', configId: 'uv', settings: { prompt: 'You are a helpful test agent.', voice: 'Mark' } } }),
      ULTRAVOX_API_KEY: 'uv-test-key',
      ULTRAVOX_BASE_URL: fake.baseUrl,
    },
  });
  const call = await SimulatedCall.place({ webhookUrl: uap.webhookUrl, authToken: TEST_AUTH_TOKEN });
  await fake.waitFor(() => fake!.lastCall?.ws !== undefined, 10_000);
  const uv = fake.lastCall!;
  assert.equal(uv.apiKey, 'uv-test-key');
  assert.equal(uv.body.systemPrompt, 'You are a helpful test agent.');
  assert.deepEqual((uv.body.medium as { serverWebSocket: { inputSampleRate: number } }).serverWebSocket.inputSampleRate, 16000);

  // Caller → Ultravox: 1 s of speech-band audio arrives as 16 kHz PCM.
  await call.sendAudio(pcmToUlaw(tone(440, 1000, 8000, 0.3)));
  await fake.waitFor(() => fake!.receivedAudio(uv.callId).length >= 16000 * 2 * 0.9, 5000);

  // Ultravox → caller: 3 s of agent speech, paced to the caller.
  const before = call.bytesReceived;
  fake.speak(uv.callId, tone(300, 3000, 16000, 0.3));
  await call.waitFor((c) => c.bytesReceived - before >= 8000 * 0.5, 5000, 'agent audio');
  // Barge-in: Ultravox asks to drop unplayed audio → Twilio gets `clear` and the rest never plays.
  fake.interrupt(uv.callId);
  await call.waitFor((c) => c.clears >= 1, 3000, 'clear');
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(call.bytesReceived - before < 8000 * 2.5, `playback stopped early (${((call.bytesReceived - before) / 8000).toFixed(2)} s of 3 s)`);

  // Keys reach the model as text.
  call.sendDtmf('7');
  await fake.waitFor(() => uv.messages.some((m) => m.type === 'user_text_message' && String(m.text).includes('7')), 5000);

  // Hanging up ends the Ultravox call too.
  assert.equal((await call.stop()).code, 1000);
  await fake.waitFor(() => uv.messages.some((m) => m.type === 'hang_up') || uv.closed, 5000);
});
