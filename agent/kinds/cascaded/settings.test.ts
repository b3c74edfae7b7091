// Agent config → cascaded settings: defaults, endpointing in either place, and one clear error per bad field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCascadedSettings, CascadedSettingsError } from './settings.ts';

test('defaults: OpenAI for every stage, 500 ms silence, 200 ms minimum speech', () => {
  const s = parseCascadedSettings({});
  assert.deepEqual([s.llm.provider, s.stt.provider, s.tts.provider, s.silenceMs, s.minSpeechMs, s.retries], ['openai', 'openai', 'openai', 500, 200, 2]);
  assert.equal(s.greeting, undefined);
});

test('endpointing may be nested or flat; secrets keep only non-empty strings', () => {
  const s = parseCascadedSettings({ endpointing: { silenceMs: 700 }, minSpeechMs: 150, llm: { provider: 'anthropic', model: 'claude-haiku-4-5' }, stt: { provider: 'deepgram', language: 'en-US' }, secrets: { OPENAI_API_KEY: 'k', X: '', Y: 3 } });
  assert.deepEqual([s.silenceMs, s.minSpeechMs, s.llm.provider, s.llm.model, s.stt.provider, s.stt.language], [700, 150, 'anthropic', 'claude-haiku-4-5', 'deepgram', 'en-US']);
  assert.deepEqual(s.secrets, { OPENAI_API_KEY: 'k' });
});

test('a bad field refuses the call with a message naming it', () => {
  const bad: Array<[Record<string, unknown>, RegExp]> = [
    [{ llm: { provider: 'cohere' } }, /llm\.provider/],
    [{ endpointing: { silenceMs: 5 } }, /endpointing\.silenceMs/],
    [{ tts: { voice: 'a b' } }, /tts\.voice/],
    [{ llm: { model: '../etc' } }, /llm\.model/],
    [{ stt: 'openai' }, /stt: must be an object/],
    [{ greeting: 42 }, /greeting/],
  ];
  for (const [raw, re] of bad) assert.throws(() => parseCascadedSettings(raw), (e: unknown) => e instanceof CascadedSettingsError && re.test(e.message), JSON.stringify(raw));
});

test('ElevenLabs speech: a voice id, the model, voice settings; OpenAI-only fields and bad values refused by name', () => {
  const s = parseCascadedSettings({ tts: { provider: 'elevenlabs', voice: 'JBFqnCBsd6RMkjVDRZzb', model: 'eleven_flash_v2_5', voiceSettings: { stability: 0.3, speed: 1.1, useSpeakerBoost: true } } });
  assert.deepEqual(s.tts, { provider: 'elevenlabs', model: 'eleven_flash_v2_5', voice: 'JBFqnCBsd6RMkjVDRZzb', instructions: undefined, voiceSettings: { stability: 0.3, useSpeakerBoost: true, speed: 1.1 } });
  assert.equal(parseCascadedSettings({ tts: { provider: 'elevenlabs' } }).tts.voiceSettings, undefined);
  const bad: Array<[Record<string, unknown>, RegExp]> = [
    [{ tts: { provider: 'elevenlabs', voice: 'alloy' } }, /tts\.voice: not an ElevenLabs voice id/],
    [{ tts: { provider: 'elevenlabs', instructions: 'Speak softly.' } }, /tts\.instructions: only for provider openai/],
    [{ tts: { voiceSettings: { stability: 0.5 } } }, /tts\.voiceSettings: only for provider elevenlabs/],
    [{ tts: { provider: 'elevenlabs', voiceSettings: { speed: 2 } } }, /tts\.voiceSettings\.speed: must be a number from 0\.7 to 1\.2/],
    [{ tts: { provider: 'elevenlabs', voiceSettings: { similarity_boost: 0.5 } } }, /tts\.voiceSettings\.similarity_boost: unknown/],
    [{ tts: { provider: 'elevenlabs', voiceSettings: { useSpeakerBoost: 'yes' } } }, /useSpeakerBoost: must be true or false/],
    [{ tts: { provider: 'elevenlabs', voiceSettings: [] } }, /tts\.voiceSettings: must be an object/],
    [{ tts: { provider: 'polly' } }, /tts\.provider: must be one of openai, elevenlabs/],
  ];
  for (const [raw, re] of bad) assert.throws(() => parseCascadedSettings(raw), (e: unknown) => e instanceof CascadedSettingsError && re.test(e.message), JSON.stringify(raw));
});
