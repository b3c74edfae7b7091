// Offline text-to-speech with espeak-ng (WASM) in a worker thread, cached by text so the greeting and
// digits are synthesized once per process.
import { Worker } from 'node:worker_threads';
import { UapError } from '../../lib/errors.ts';

export interface SpeechOptions {
  voice?: string;
  wpm?: number;
}

interface Pending {
  resolve(v: { rate: number; pcm: Int16Array }): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

const TIMEOUT_MS = 10_000;

export class EspeakTts {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, Promise<Int16Array>>();

  constructor(readonly outputRate: number, private readonly maxCache = 256) {}

  /** PCM s16 mono at outputRate. Concurrent calls for the same text share one synthesis. */
  synthesize(text: string, opts: SpeechOptions = {}): Promise<Int16Array> {
    const voice = opts.voice ?? 'en-us';
    const wpm = opts.wpm ?? 170;
    const key = `${voice}|${wpm}|${text}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.run(text, voice, wpm).then(({ pcm }) => pcm);
      p.catch(() => this.cache.delete(key));
      if (this.cache.size >= this.maxCache) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, p);
    }
    return p;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./espeak-worker.js', import.meta.url));
    w.unref();
    w.on('message', (m: { id: number; rate?: number; pcm?: Int16Array; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error || !m.pcm) p.reject(new UapError('TTS_FAILED', `espeak-ng failed: ${m.error ?? 'no audio'}`));
      else p.resolve({ rate: m.rate!, pcm: m.pcm });
    });
    w.on('error', (err) => this.failAll(new UapError('TTS_FAILED', `espeak-ng worker crashed: ${err.message}`, { cause: err })));
    w.on('exit', () => {
      this.worker = undefined;
      this.failAll(new UapError('TTS_FAILED', 'espeak-ng worker exited'));
    });
    this.worker = w;
    return w;
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }

  private run(text: string, voice: string, wpm: number): Promise<{ rate: number; pcm: Int16Array }> {
    if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(voice)) return Promise.reject(new UapError('TTS_BAD_VOICE', `not an espeak-ng voice: ${voice}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new UapError('TTS_TIMEOUT', `espeak-ng took longer than ${TIMEOUT_MS} ms`, { retryable: true }));
      }, TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      // Strip characters espeak would read as SSML/markup; cap the length.
      this.ensureWorker().postMessage({ id, text: text.replace(/[<>]/g, ' ').slice(0, 2000), voice, wpm: Math.max(80, Math.min(400, wpm)), outputRate: this.outputRate });
    });
  }

  async close(): Promise<void> {
    this.failAll(new UapError('TTS_CLOSED', 'TTS closed'));
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
