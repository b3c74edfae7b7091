// Speech-to-text with OpenAI's transcription endpoint (official SDK): the utterance is collected while
// the caller speaks and sent as one WAV at the endpoint. Simple and accurate; its latency is one
// request after the endpoint (Deepgram's live socket is the streaming alternative). Usage per request:
// the audio sent, and the tokens the response states (token-billed transcription models).
import type OpenAI from 'openai';
import type { toFile as ToFile } from 'openai';
import type { SttProvider, SttUtterance } from '../types.ts';
import { withRetry } from '../retry.ts';
import { ProviderError } from '../provider-error.ts';
import { UtteranceAudio, wavFile } from './wav.ts';
import { openaiTranscriptionUsage } from '../../../usage/provider-usage.ts';
import type { UsageReporter } from '../../../usage/call-usage.ts';

export interface OpenAiSttOptions {
  client: OpenAI;
  /** The SDK's upload helper (passed in: the SDK module is loaded lazily). */
  toFile: typeof ToFile;
  model: string;
  language: string | undefined;
  rate: number;
  retries: number;
  backoffMs: number;
  onRetry?(err: ProviderError, attempt: number): void;
  usage?: UsageReporter;
}

/** Shorter than this is noise, not words: no request. */
const MIN_MS = 150;

export class OpenAiStt implements SttProvider {
  readonly name = 'openai';
  constructor(private readonly o: OpenAiSttOptions) {}

  begin(): SttUtterance {
    const audio = new UtteranceAudio(this.o.rate);
    let cancelled = false;
    return {
      push: (pcm) => {
        if (!cancelled) audio.push(pcm);
      },
      cancel: () => {
        cancelled = true;
      },
      finish: async (signal) => {
        if (cancelled || audio.samples < (this.o.rate * MIN_MS) / 1000) return '';
        const wav = wavFile(audio.chunks(), this.o.rate);
        const res = await withRetry(
          async () =>
            this.o.client.audio.transcriptions.create(
              { file: await this.o.toFile(wav, 'utterance.wav', { type: 'audio/wav' }), model: this.o.model, ...(this.o.language ? { language: this.o.language } : {}), response_format: 'json' },
              { signal },
            ),
          { provider: this.name, stage: 'stt', retries: this.o.retries, backoffMs: this.o.backoffMs, signal, onRetry: this.o.onRetry },
        );
        const r = res as { text?: unknown; usage?: unknown } | null;
        // The audio is what we sent; a duration-billed model's own figure is rounded up to the second.
        const tokens = openaiTranscriptionUsage(r?.usage);
        this.o.usage?.({ requests: 1, audioInMs: (audio.samples * 1000) / this.o.rate, inputTokens: tokens?.inputTokens, outputTokens: tokens?.outputTokens, inputAudioTokens: tokens?.inputAudioTokens });
        const text = r?.text;
        if (typeof text !== 'string') throw new ProviderError(this.name, 'stt', 'STT_BAD_RESPONSE', 'transcription response has no text');
        return text;
      },
    };
  }

  close(): void {}
}
