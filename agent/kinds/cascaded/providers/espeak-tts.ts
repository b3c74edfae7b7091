// The offline voice (espeak-ng in a worker thread) as a TTS stage: the fallback that still speaks the
// apology when the TTS provider itself is down.
import type { EspeakTts } from '../../../tts/espeak.ts';
import type { TtsProvider } from '../types.ts';
import { pcmBytes } from '../../../../lib/pcm.ts';

export class EspeakTtsProvider implements TtsProvider {
  readonly name = 'espeak';
  readonly sampleRate: number;
  constructor(private readonly tts: EspeakTts, private readonly voice?: string) {
    this.sampleRate = tts.outputRate;
  }

  async *synthesize(text: string): AsyncIterable<Uint8Array> {
    const pcm = await this.tts.synthesize(text, this.voice ? { voice: this.voice } : {});
    yield pcmBytes(pcm);
  }
}
