// `offline` (the default, needs no API key): greets the caller with espeak-ng speech, then echoes what
// the caller says, and reads back any key pressed (a key interrupts whatever is playing). An agent config
// may give it a key menu (settings.menu, see menu.ts): a key can transfer the caller, say something, or
// hang up.
import type { AgentKind, AgentCall, AgentCallContext, TransferOutcome } from './types.ts';
import type { AudioFrameView } from '../../proto/index.ts';
import type { EspeakTts } from '../tts/espeak.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pcmSamples } from '../../lib/pcm.ts';
import { parseMenu, type MenuEntry } from './menu.ts';

// Aligned copy target for odd-offset frames; used synchronously, so one per process is enough.
const scratch = new Int16Array(48_000 / 50 * 4);

export const DEFAULT_GREETING = 'Hello! You are connected to the voice agent platform. Say something and you will hear it back. Press a key and I will read it to you.';
const TRANSFER_FAILED = 'Sorry, I could not transfer your call.';
const RESUMED = 'Sorry, I lost my place for a moment. I am back: say something, or press a key.';
/** How long after an utterance should have finished playing we stop waiting for its mark. */
const MARK_GRACE_MS = 3000;
const DIGIT_WORDS: Record<string, string> = { '*': 'star', '#': 'pound' };

export function offlineKind(tts: EspeakTts): AgentKind {
  return {
    name: 'offline',
    outputRate: tts.outputRate,
    create: (ctx) => new OfflineAgentCall(ctx, tts),
  };
}

class OfflineAgentCall implements AgentCall {
  /** Name of the mark after the utterance now playing; undefined while listening. */
  private speaking: string | undefined;
  private utterances = 0;
  private ended = false;
  private markTimer: NodeJS.Timeout | undefined;
  /** Text of utterances sent whose mark has not come back yet, by mark name. */
  private readonly said = new Map<string, string>();
  private readonly menu: Map<string, MenuEntry>;
  /** What to do once the named utterance has played (transfer, hang up). */
  private afterSpeech: { mark: string; run: () => void } | undefined;

  constructor(private readonly ctx: AgentCallContext, private readonly tts: EspeakTts) {
    const { menu, problems } = parseMenu(ctx.settings.menu);
    this.menu = menu;
    if (problems.length > 0) ctx.log.warn({ problems }, 'agent config menu has entries that were ignored');
    if (ctx.resume) {
      // Taking over from a worker that died: no second greeting; pick up from the last thing said.
      const last = [...ctx.resume.history].reverse().find((t) => t.role === 'agent');
      void this.say(last ? `Sorry, I lost my place for a moment. I was saying: ${last.text}` : RESUMED, 'resumed');
      return;
    }
    const greeting = typeof ctx.settings.greeting === 'string' ? ctx.settings.greeting : DEFAULT_GREETING;
    void this.say(greeting, 'greeting');
  }

  /** Speaks `text`; resolves with the utterance's mark name once sent (undefined if it was not). */
  private async say(text: string, label: string): Promise<string | undefined> {
    const name = `${label}-${++this.utterances}`;
    this.speaking = name;
    try {
      const voice = typeof this.ctx.settings.voice === 'string' ? this.ctx.settings.voice : undefined;
      const pcm = await this.tts.synthesize(text, { voice });
      if (this.ended || this.speaking !== name) return undefined; // interrupted while synthesizing
      this.ctx.out.sendAudio(pcm);
      this.ctx.out.mark(name);
      this.said.set(name, text);
      const ms = Math.round((pcm.length / this.ctx.out.outputRate) * 1000);
      this.ctx.log.debug({ utterance: name, ms }, 'speaking');
      // Marks travel over core NATS and can be lost in a bus outage: never wait for one forever.
      clearTimeout(this.markTimer);
      this.markTimer = setTimeout(() => {
        if (this.speaking !== name || this.ended) return;
        this.ctx.log.warn({ utterance: name }, 'mark for the utterance never came back; listening again');
        this.speaking = undefined;
        if (this.afterSpeech?.mark === name) this.onMarkPlayed(name);
      }, ms + MARK_GRACE_MS);
      this.markTimer.unref();
      return name;
    } catch (err) {
      this.ctx.log.error({ err: errorMessage(err) }, 'speech synthesis failed; listening instead');
      if (this.speaking === name) this.speaking = undefined;
      return undefined;
    }
  }

  onAudio(frame: AudioFrameView): void {
    if (this.speaking !== undefined || frame.sampleRate !== this.ctx.out.outputRate) return;
    this.ctx.out.sendAudio(pcmSamples(frame.pcm, scratch), frame.originTs);
  }

  onDtmf(digit: string): void {
    // A key press interrupts: drop what is playing and answer at once.
    this.ctx.out.clear();
    this.afterSpeech = undefined;
    const entry = this.menu.get(digit);
    if (!entry) {
      void this.say(`You pressed ${DIGIT_WORDS[digit] ?? digit}.`, `dtmf-${digit === '*' ? 'star' : digit === '#' ? 'pound' : digit}`);
      return;
    }
    const label = `menu-${digit === '*' ? 'star' : digit === '#' ? 'pound' : digit}`;
    switch (entry.action) {
      case 'say':
        void this.say(entry.say, label);
        break;
      case 'transfer':
        void this.sayThen(entry.say ?? 'Transferring you now.', label, () => {
          this.ctx.log.info({ target: entry.target, digit }, 'menu: transferring the caller');
          if (this.ctx.out.transfer) this.ctx.out.transfer(entry.target);
          else void this.say(TRANSFER_FAILED, 'transfer-failed');
        });
        break;
      case 'hangup':
        void this.sayThen(entry.say ?? 'Goodbye.', label, () => this.ctx.out.hangup('menu: caller chose to end the call'));
        break;
    }
  }

  onTransferOutcome(o: TransferOutcome): void {
    if (o.ok) return; // the provider moves the caller on and ends this leg
    this.ctx.log.warn({ target: o.target, errorCode: o.errorCode, error: o.errorMessage }, 'transfer failed');
    void this.say(TRANSFER_FAILED, 'transfer-failed');
  }

  /** Says `text`, then runs `then` once it has played (not if a key cut it off). */
  private async sayThen(text: string, label: string, then: () => void): Promise<void> {
    const mark = await this.say(text, label);
    if (mark && this.speaking === mark) this.afterSpeech = { mark, run: then };
    else if (mark && !this.ended) then(); // already played (or the mark raced us)
  }

  onMarkPlayed(name: string, cleared = false): void {
    if (name === this.speaking) this.speaking = undefined;
    if (this.afterSpeech?.mark === name) {
      const { run } = this.afterSpeech;
      this.afterSpeech = undefined;
      if (!cleared && !this.ended) run();
    }
    // The turn is final once its audio has played, or was cut off (cleared) by a key press.
    const text = this.said.get(name);
    if (text === undefined) return;
    this.said.delete(name);
    this.ctx.transcript?.({ role: 'agent', text, interrupted: cleared });
  }

  onEnd(): void {
    this.ended = true;
    clearTimeout(this.markTimer);
  }
}

/** Synthesizes the greeting and the key read-outs ahead of the first call. */
/** One at a time, so a live call's own speech waits behind at most one of these. */
export async function prewarmOffline(tts: EspeakTts): Promise<void> {
  const texts = [DEFAULT_GREETING, ...'0123456789*#'.split('').map((d) => `You pressed ${DIGIT_WORDS[d] ?? d}.`)];
  for (const t of texts) await tts.synthesize(t).catch(() => undefined);
}
