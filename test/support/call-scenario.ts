// The end-to-end call every deployment shape must pass: greeting arrives, the caller's audio is echoed,
// marks round-trip, a key press is read back, and `stop` closes the stream cleanly.
import assert from 'node:assert/strict';
import { SimulatedCall, tone, pcmToUlaw, ulawToPcm, goertzelPower, rms } from '../twilio-sim/index.ts';
import { TEST_AUTH_TOKEN } from './uap-process.ts';

/**
 * Route config with a short greeting so the tests do not sit through the long default one, in the
 * offline agent's echo (line test) mode: the caller's tone comes straight back, frame by frame.
 */
export const SHORT_GREETING_ROUTES = JSON.stringify({ '*': { agent: 'offline', configId: 'e2e', settings: { greeting: 'Hello there.', mode: 'echo' } } });

export interface ScenarioResult {
  callSid: string;
  greetingMs: number;
  echoSeconds: number;
}

export async function runCallScenario(webhookUrl: string, opts: { to?: string; digits?: string } = {}): Promise<ScenarioResult> {
  const call = await SimulatedCall.place({ webhookUrl, authToken: TEST_AUTH_TOKEN, to: opts.to ?? '+15550002222' });
  try {
    const t0 = Date.now();
    // 1. The greeting: speech (not silence) arrives, then its mark comes back once it has played.
    await call.waitFor((c) => c.bytesReceived >= 4000, 10_000, 'greeting audio');
    const greetingMs = Date.now() - t0;
    await call.waitFor((c) => c.marksReturned >= 1, 15_000, 'greeting mark to round-trip');
    const greeting = ulawToPcm(call.receivedAudio());
    assert.ok(rms(greeting) > 500, `greeting should be speech, rms=${rms(greeting)}`);
    assert.ok(call.marksSentBack[0].name.startsWith('greeting'), `first mark is the greeting's: ${call.marksSentBack[0]?.name}`);

    // 2. Echo: 3 s of a 440 Hz tone comes back.
    const before = call.receivedAudio().length;
    await call.sendAudio(pcmToUlaw(tone(440, 3000, 8000, 0.3)));
    await call.waitFor((c) => c.receivedAudio().length - before >= 8000 * 2.8, 3000, 'the echo of 3 s of audio');
    const echoed = ulawToPcm(call.receivedAudio().subarray(before));
    const echoSeconds = echoed.length / 8000;
    const p440 = goertzelPower(echoed, 8000, 440);
    const p1000 = goertzelPower(echoed, 8000, 1000);
    assert.ok(p440 > 100 * p1000, `echo carries the 440 Hz tone (p440=${p440.toExponential(2)}, p1000=${p1000.toExponential(2)})`);

    // 3. A key press is read back, with its own mark.
    for (const d of opts.digits ?? '7') {
      const marks = call.marksReturned;
      const bytes = call.bytesReceived;
      call.sendDtmf(d);
      await call.waitFor((c) => c.marksReturned > marks && c.bytesReceived > bytes + 4000, 10_000, `read-out of key ${d}`);
      assert.ok(call.marksSentBack.at(-1)!.name.startsWith('dtmf-'), `mark after the key read-out: ${call.marksSentBack.at(-1)?.name}`);
    }

    // 4. stop → the server closes the socket normally.
    const closed = await call.stop(3000);
    assert.equal(closed.serverClosed, true, 'server closed the stream after stop');
    assert.equal(closed.code, 1000);
    assert.deepEqual(call.errors.map((e) => e.message), [], 'no protocol errors seen by the caller');
    return { callSid: call.callSid, greetingMs, echoSeconds };
  } finally {
    if (call.isOpen) call.close();
  }
}
