// One call of the offline agent, as a small state machine:
//   listening  keys run the menu (or are read back); caller speech, found by the VAD, is played back once
//              the caller stops (repeat mode), runs the menu's "speech" entry, or gets the speech hint;
//              in echo mode every frame goes straight back while the agent is silent
//   voicemail  the prompt and the beep are playing; a key cuts them off and is handled as in listening
//   recording  the caller's message: ends at `silenceSeconds` of silence after speech, `#`, the maximum
//              length, or hang-up; then it is stored (ctx.saveRecording) and the caller thanked
//   busy       a message is being stored, or the call is being handed to another agent: input ignored
// Speech that is confirmed while the agent talks cuts it off (barge-in), unless an action waits on what
// is playing (a transfer announcement, the goodbye): then the utterance is ignored.
import type { AgentCall, AgentCallContext, TransferOutcome } from '../types.ts';
import type { AudioFrameView } from '../../../proto/index.ts';
import type { VoiceDetectorFactory } from '../../vad/detector.ts';
import { pcmSamples } from '../../../lib/pcm.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { PreRoll } from '../cascaded/preroll.ts';
import { SPEECH_KEY, type MenuEntry, type VoicemailEntry } from '../menu.ts';
import { Speaker, type SpeechSynth } from './speaker.ts';
import { VoiceTurns } from './turns.ts';
import { CallerRecording } from './recording.ts';
import { listensForSpeech, needsVad, parseOfflineSettings, type OfflineSettings } from './settings.ts';

export const DEFAULT_GREETING = 'Hello! You are connected to the voice agent platform. Say something and you will hear it back. Press a key and I will read it to you.';
const MENU_GREETING = 'Hello! Please choose an option on your keypad.';
const RESUMED = 'Sorry, I lost my place for a moment. I am back: say something, or press a key.';
const TRANSFER_FAILED = 'Sorry, I could not transfer your call.';
const AGENT_UNAVAILABLE = 'Sorry, the agent is not available right now.';
const CONNECTING_AGENT = 'Connecting you to the agent.';
const VOICEMAIL_PROMPT = 'Please leave a message after the tone. Press pound when you are done.';
const THANKS_BYE = 'Thank you, your message has been recorded. Goodbye.';
const THANKS = 'Thank you, your message has been recorded.';
const NO_MESSAGE = 'I did not hear a message.';
const SAVE_FAILED = 'Sorry, your message could not be saved.';
export const DIGIT_WORDS: Record<string, string> = { '*': 'star', '#': 'pound' };

/** Caller audio kept before an utterance's onset (the VAD decides a window or two late). */
const PREROLL_MS = 300;
/** Kept after the caller's last word, in a message and in a played-back utterance. */
const TAIL_MS = 400;
/** A message with no speech in this long (with the VAD running) is abandoned. */
const NO_SPEECH_MS = 10_000;
/** Shorter than this is not a message. */
const MIN_MESSAGE_MS = 300;

type State = 'listening' | 'voicemail' | 'recording' | 'busy';

export interface OfflineCallDeps {
  tts: SpeechSynth;
  /** The tone before a voicemail, at the output rate. */
  beep: Int16Array;
  /** The VAD (a promise while Silero loads); only asked for when the settings need one. */
  vad?: () => VoiceDetectorFactory | Promise<VoiceDetectorFactory>;
}

const keyLabel = (k: string) => (k === '*' ? 'star' : k === '#' ? 'pound' : k);

export class OfflineCall implements AgentCall {
  private readonly s: OfflineSettings;
  private readonly speaker: Speaker;
  private readonly turns: VoiceTurns | undefined;
  private readonly listens: boolean;
  private readonly rate: number;
  private readonly scratch: Int16Array;
  private readonly preroll: PreRoll | undefined;
  private state: State = 'listening';
  private ended = false;
  private samplesIn = 0;
  /** The utterance being kept to play back (repeat mode). */
  private capture: CallerRecording | undefined;
  /** The caller talked over something that must not be cut off: this utterance does not count. */
  private ignoreUtterance = false;
  private voicemail: VoicemailEntry | undefined;
  private message: CallerRecording | undefined;
  private warnedRate = false;

  constructor(private readonly ctx: AgentCallContext, private readonly d: OfflineCallDeps) {
    this.s = parseOfflineSettings(ctx.settings);
    if (this.s.problems.length > 0) ctx.log.warn({ problems: this.s.problems }, 'agent config has offline settings that were ignored');
    this.rate = ctx.inputRate;
    this.scratch = new Int16Array((this.rate / 50) * 4);
    this.speaker = new Speaker(ctx.out, d.tts, ctx.log, this.s.voice, ctx.transcript);
    this.listens = listensForSpeech(this.s);
    const vad = d.vad && needsVad(this.s) ? d.vad() : undefined;
    if (vad) {
      this.turns = new VoiceTurns(vad, { rate: this.rate, sourceRate: ctx.sourceRate, silenceMs: this.s.silenceMs, minSpeechMs: this.s.minSpeechMs }, {
        onOnset: () => this.onOnset(),
        onConfirmed: () => this.onConfirmed(),
        onAbandoned: () => (this.capture = undefined),
        onEndpoint: (end) => this.onEndpoint(end),
      }, ctx.log);
      if (this.s.mode === 'repeat') this.preroll = new PreRoll((this.rate * PREROLL_MS) / 1000);
    }
    if (ctx.resume) {
      // Taking over from a worker that died: no second greeting; pick up from the last thing said.
      const last = [...ctx.resume.history].reverse().find((t) => t.role === 'agent');
      void this.speaker.say(last ? `Sorry, I lost my place for a moment. I was saying: ${last.text}` : RESUMED, 'resumed');
      return;
    }
    const greeting = this.s.greeting ?? (this.s.mode === 'menu' ? MENU_GREETING : DEFAULT_GREETING);
    if (greeting) void this.speaker.say(greeting, 'greeting');
  }

  // ---- caller audio (hot path: no allocation but the 1 s blocks of kept audio) ----------------

  onAudio(frame: AudioFrameView): void {
    if (this.ended || frame.sampleRate !== this.rate) return;
    const pcm = pcmSamples(frame.pcm, this.scratch);
    this.samplesIn += pcm.length;
    if (this.state === 'recording') {
      const m = this.message!;
      if (m.push(pcm)) this.endMessage('max');
      else if (!m.heardSpeech && this.turns?.ready && m.samples >= (this.rate * NO_SPEECH_MS) / 1000) this.endMessage('no-speech');
    } else if (this.capture) this.capture.push(pcm);
    else this.preroll?.push(pcm);
    this.turns?.push(pcm);
    if (this.s.mode === 'echo' && this.state === 'listening' && this.speaker.playing === undefined && this.rate === this.ctx.out.outputRate) {
      this.ctx.out.sendAudio(pcm, frame.originTs);
    }
  }

  private onOnset(): void {
    if (this.ended || this.state !== 'listening' || !this.listens || this.capture) return;
    this.ignoreUtterance = false;
    if (!this.preroll || this.s.menu.has(SPEECH_KEY)) return; // nothing to play back
    const lead: Int16Array[] = [];
    this.preroll.drainTo((pcm) => lead.push(pcm));
    let n = 0;
    for (const p of lead) n += p.length;
    this.capture = new CallerRecording(this.rate, this.s.maxUtteranceSeconds, this.samplesIn - n);
    for (const p of lead) this.capture.push(p);
  }

  private onConfirmed(): void {
    if (this.ended) return;
    if (this.state === 'recording') {
      this.message!.heardSpeech = true;
      return;
    }
    if (this.state !== 'listening' || !this.listens || this.speaker.playing === undefined) return;
    if (this.speaker.committed) this.ignoreUtterance = true;
    else this.speaker.interrupt(); // barge-in: the caller talks, the agent stops
  }

  private onEndpoint(speechEnd: number): void {
    if (this.ended) return;
    if (this.state === 'recording') return this.endMessage('silence', speechEnd);
    const kept = this.capture;
    this.capture = undefined;
    if (this.state !== 'listening' || !this.listens || this.ignoreUtterance || this.speaker.committed) return;
    const entry = this.s.menu.get(SPEECH_KEY);
    if (entry) return this.run(entry, SPEECH_KEY);
    if (this.s.mode === 'repeat' && kept) {
      if (this.rate !== this.ctx.out.outputRate) {
        if (!this.warnedRate) this.ctx.log.warn({ inputRate: this.rate, outputRate: this.ctx.out.outputRate }, 'caller audio at another rate than ours: not played back');
        this.warnedRate = true;
        return;
      }
      this.speaker.play(kept.chunks(speechEnd + (this.rate * TAIL_MS) / 1000), 'repeat');
    } else if (this.s.speechHint) void this.speaker.say(this.s.speechHint, 'hint');
  }

  // ---- keys and menu entries ------------------------------------------------------------------

  onDtmf(digit: string): void {
    if (this.ended || this.state === 'busy') return;
    if (this.state === 'recording') {
      if (digit === '#') this.endMessage('key');
      return;
    }
    // A key press interrupts: drop what is playing (a voicemail prompt too) and answer at once.
    this.state = 'listening';
    this.capture = undefined;
    this.speaker.interrupt();
    const entry = this.s.menu.get(digit);
    if (entry) this.run(entry, digit);
    else void this.speaker.say(`You pressed ${DIGIT_WORDS[digit] ?? digit}.`, `dtmf-${keyLabel(digit)}`);
  }

  private run(entry: MenuEntry, key: string): void {
    const label = `menu-${keyLabel(key)}`;
    switch (entry.action) {
      case 'say':
        void this.speaker.say(entry.say, label);
        break;
      case 'transfer':
        void this.speaker.sayThen(entry.say ?? 'Transferring you now.', label, () => {
          this.ctx.log.info({ target: entry.target, key }, 'menu: transferring the caller');
          if (this.ctx.out.transfer) this.ctx.out.transfer(entry.target);
          else void this.speaker.say(TRANSFER_FAILED, 'transfer-failed');
        });
        break;
      case 'hangup':
        void this.speaker.sayThen(entry.say ?? 'Goodbye.', label, () => this.ctx.out.hangup('menu: caller chose to end the call'));
        break;
      case 'agent':
        void this.speaker.sayThen(entry.say ?? CONNECTING_AGENT, label, () => void this.handoff(entry.configId));
        break;
      case 'voicemail':
        this.state = 'voicemail';
        this.voicemail = entry;
        void this.speaker.sayThen(entry.say ?? VOICEMAIL_PROMPT, label, () => this.speaker.playThen(this.d.beep, 'beep', () => this.startMessage()));
        break;
    }
  }

  private async handoff(configId: string): Promise<void> {
    if (!this.ctx.handoff) {
      void this.speaker.say(AGENT_UNAVAILABLE, 'agent-failed');
      return;
    }
    this.state = 'busy';
    this.ctx.log.info({ agentConfigId: configId }, 'menu: handing the call to another agent');
    const r = await this.ctx.handoff(configId);
    if (this.ended || r.ok) return; // on success the worker has ended this agent
    this.state = 'listening';
    void this.speaker.say(AGENT_UNAVAILABLE, 'agent-failed');
  }

  // ---- voicemail --------------------------------------------------------------------------------

  private startMessage(): void {
    const vm = this.voicemail;
    if (this.ended || this.state !== 'voicemail' || !vm) return;
    this.state = 'recording';
    this.capture = undefined;
    this.message = new CallerRecording(this.rate, vm.maxSeconds, this.samplesIn);
    this.turns?.restart(vm.silenceSeconds * 1000);
    if (!this.turns?.ready) this.ctx.log.warn('recording a message without voice detection: it ends with #, hang-up or its maximum length');
  }

  private endMessage(reason: 'silence' | 'key' | 'max' | 'no-speech' | 'hangup', speechEnd?: number): void {
    const m = this.message;
    const vm = this.voicemail;
    if (this.state !== 'recording' || !m || !vm) return;
    this.state = 'busy';
    this.message = undefined;
    this.turns?.restart();
    // Without a VAD we cannot tell whether anyone spoke: keep what there is.
    const heard = m.heardSpeech || !this.turns?.ready;
    const chunks = m.chunks(reason === 'silence' && speechEnd !== undefined ? speechEnd + (this.rate * TAIL_MS) / 1000 : undefined);
    let samples = 0;
    for (const c of chunks) samples += c.length;
    const ms = Math.round((samples * 1000) / this.rate);
    this.ctx.log.info({ reason, ms, heard }, 'voicemail message ended');
    if (!heard || ms < MIN_MESSAGE_MS) return this.afterMessage(vm, NO_MESSAGE);
    void this.save(chunks, vm);
  }

  private async save(chunks: Int16Array[], vm: VoicemailEntry): Promise<void> {
    if (!this.ctx.saveRecording) {
      this.ctx.log.error('no recording store on this worker: the message is lost');
      return this.afterMessage(vm, SAVE_FAILED);
    }
    try {
      await this.ctx.saveRecording({ kind: 'voicemail', chunks, sampleRate: this.rate });
    } catch (err) {
      this.ctx.log.error({ err: errorMessage(err) }, 'voicemail message could not be stored');
      return this.afterMessage(vm, SAVE_FAILED);
    }
    this.afterMessage(vm, vm.thanks ?? (vm.then === 'hangup' ? THANKS_BYE : THANKS));
  }

  private afterMessage(vm: VoicemailEntry, text: string): void {
    if (this.ended) return;
    if (vm.then === 'menu') {
      this.state = 'listening';
      void this.speaker.say(text, 'voicemail-done');
      return;
    }
    const bye = () => this.ctx.out.hangup('voicemail: message taken');
    // If the goodbye cannot be spoken, hang up all the same.
    void this.speaker.sayThen(text, 'voicemail-done', bye).then((mark) => !mark && !this.ended && bye());
  }

  // ---- events from the media core -------------------------------------------------------------

  onTransferOutcome(o: TransferOutcome): void {
    if (o.ok) return; // the provider moves the caller on and ends this leg
    this.ctx.log.warn({ target: o.target, errorCode: o.errorCode, error: o.errorMessage }, 'transfer failed');
    void this.speaker.say(TRANSFER_FAILED, 'transfer-failed');
  }

  onMarkPlayed(name: string, cleared = false): void {
    this.speaker.onMarkPlayed(name, cleared);
  }

  onEnd(): void {
    if (this.ended) return;
    this.ended = true;
    // A caller who hangs up after speaking has left their message (stored; nothing more is said).
    if (this.state === 'recording') this.endMessage('hangup');
    this.speaker.close();
    this.turns?.close();
  }
}
