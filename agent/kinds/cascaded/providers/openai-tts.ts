// OpenAI speech (official SDK) streamed as raw PCM (`response_format: "pcm"`: s16le mono 24 kHz, no
// header): chunks go to the caller as they arrive, so the first audio plays long before the sentence
// is fully synthesized. Usage per request: the characters sent and the audio received (the speech
// endpoint states no usage of its own).
import type OpenAI from 'openai';
import type { TtsProvider } from '../types.ts';
import { ProviderError } from '../provider-error.ts';
import type { UsageReporter } from '../../../usage/call-usage.ts';

export interface OpenAiTtsOptions {
  client: OpenAI;
  model: string;
  voice: string;
  instructions: string | undefined;
  usage?: UsageReporter;
}

export class OpenAiTts implements TtsProvider {
  readonly name = 'openai-tts';
  readonly sampleRate = 24000;
  constructor(private readonly o: OpenAiTtsOptions) {}

  async *synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array> {
    const res = await this.o.client.audio.speech.create(
      { model: this.o.model, voice: this.o.voice, input: text, response_format: 'pcm', ...(this.o.instructions ? { instructions: this.o.instructions } : {}) },
      { signal },
    );
    const type = res.headers.get('content-type') ?? '';
    if (/json|text\/html/i.test(type)) throw new ProviderError(this.name, 'tts', 'TTS_BAD_RESPONSE', `speech answered ${type}, not audio`);
    if (!res.body) throw new ProviderError(this.name, 'tts', 'TTS_BAD_RESPONSE', 'speech response has no body');
    let bytes = 0;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        if (chunk.length > 0) yield chunk;
      }
    } finally {
      this.o.usage?.({ requests: 1, characters: text.length, audioOutMs: (bytes / 2 / this.sampleRate) * 1000 });
    }
  }
}
