// The softphone in a real browser: Debian's chromium (driven by playwright-core, never a downloaded
// browser) with a fake microphone playing espeak-ng speech opens /softphone on a real `uap serve`, signs
// in, calls the default route (the catch-all number → the offline agent), hears the greeting through
// WebAudio, presses a key (RFC 4733 from Chrome's DTMF sender, acknowledged by the server and read back
// by the agent), and hangs up: the call ends on both sides. A screenshot goes to test-results/softphone/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startUap } from '../support/uap-process.ts';
import { EspeakTts } from '../../agent/tts/espeak.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-results/softphone/', import.meta.url));

function wav(pcm: Int16Array, rate: number): Buffer {
  const b = Buffer.alloc(44 + pcm.length * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + pcm.length * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(pcm.length * 2, 40);
  Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).copy(b, 44);
  return b;
}

async function until<T>(f: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('softphone in chromium: sign in, call the offline agent, hear it, DTMF, hang up', { skip: existsSync(CHROMIUM) ? false : `no ${CHROMIUM} (bash ops/services.sh installs it)`, timeout: 120_000 }, async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'uap-softphone-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const tts = new EspeakTts(16000);
  const said = await tts.synthesize('Hello, this is a test call from the browser. Can you hear me?');
  await tts.close();
  // Chrome loops the file from getUserMedia on: 6 s of quiet first, so the offline agent's greeting is
  // not cut off by the caller talking over it (barge-in) before the page can hear it.
  const speech = new Int16Array(16000 * 6 + said.length);
  speech.set(said, 16000 * 6);
  const wavPath = join(tmp, 'speech.wav');
  writeFileSync(wavPath, wav(speech, 16000));

  const uap = await startUap({ env: { WEBRTC_ICE_TIMEOUT_S: '10' } });
  t.after(() => uap.stop());
  // A fresh profile (user data dir) per run.
  const browser = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    viewport: { width: 390, height: 844 },
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wavPath}`,
      '--autoplay-policy=no-user-gesture-required',
      // Host candidates on loopback too, so the call works on a machine with no other interface.
      '--allow-loopback-in-peer-connection',
    ],
  });
  t.after(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

  // Claim the seeded default tenant: its catch-all number routes to the offline agent.
  const reg = await fetch(`${uap.httpUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantName: 'Us', tenantSlug: 'default', email: 'me@example.com', password: 'a long passphrase' }),
  });
  const regBody = await reg.text();
  assert.equal(reg.status, 201, regBody);
  const { accessToken } = JSON.parse(regBody) as { accessToken: string };

  await page.goto(`${uap.httpUrl}/softphone`);
  await page.fill('#email', 'me@example.com');
  await page.fill('#password', 'a long passphrase');
  await page.click('#signin-form button[type=submit]');
  await page.waitForSelector('#dial:not([hidden])');
  const options = await page.$$eval('#target option', (os) => os.map((o) => ({ label: o.textContent ?? '', value: (o as HTMLOptionElement).value })));
  const star = options.find((o) => o.value === JSON.stringify({ number: '*' }));
  assert.ok(star, `the catch-all number is offered: ${JSON.stringify(options)}`);
  await page.selectOption('#target', star.value);
  await page.click('#call');

  await page.waitForSelector('#status[data-state="connected"]', { timeout: 20_000 });
  // The offline agent greets: its speech must arrive as audible WebRTC audio in the page.
  const peak = await until(async () => {
    const l = await page.evaluate(() => (window as unknown as { softphone: { outLevel(): number } }).softphone.outLevel());
    return l > 0.02 ? l : undefined;
  }, 15_000, 'agent audio in the page (WebAudio analyser level)');
  assert.ok(peak > 0.02);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'softphone-call.png'), fullPage: true });

  // A key press from the keypad: Chrome's RTCDTMFSender → RFC 4733 → media session → event → the page.
  await page.click('#keypad button[data-key="4"]');
  await until(async () => (await page.evaluate(() => (window as unknown as { softphone: { dtmfAcks: string[] } }).softphone.dtmfAcks)).includes('4'), 10_000, 'the DTMF acknowledgement');
  assert.ok((await uap.metric('uap_webrtc_dtmf_total')) >= 1, 'the key press came as RFC 4733 over RTP');
  const framesIn = await until(async () => {
    const n = await uap.metric('uap_media_frames_in_total', { transport: 'webrtc' });
    return n > 50 ? n : undefined;
  }, 5000, `caller audio on the bus (packets in: ${await uap.metric('uap_webrtc_packets_total', { direction: 'in' })})`);
  assert.ok(framesIn > 50, 'caller audio reached the bus');

  await page.click('#hangup');
  await page.waitForSelector('#status[data-state="ended"]');
  const ended = await until(() => uap.logs.find((l) => l.msg === 'call ended' && l.transport === 'webrtc'), 5000, 'the server to end the call');
  assert.equal(ended.reason, 'CALLER_HANGUP');
  await until(async () => (await uap.metric('uap_media_active_calls', { transport: 'webrtc' })) === 0, 5000, 'no active WebRTC call');
  await until(async () => (await uap.metric('uap_webrtc_peers')) === 0, 5000, 'no open peer connection');
  // The call is in the history, ended by the caller.
  const calls = await until(async () => {
    const r = (await (await fetch(`${uap.httpUrl}/api/v1/voice/calls`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { items: { id: string; status: string; endReason?: string }[] };
    return r.items.find((c) => c.id.startsWith('web_') && c.status !== 'in-progress') ? r.items : undefined;
  }, 5000, 'the call in the history');
  assert.ok(calls.some((c) => c.id.startsWith('web_')));
  await page.screenshot({ path: join(ARTIFACTS, 'softphone-ended.png'), fullPage: true });
  assert.deepEqual(consoleErrors.filter((e) => !/favicon/.test(e)), []);
});
