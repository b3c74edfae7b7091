// The offline agent's settings (agent config, external input: checked, bad values reported and replaced
// by defaults, never fatal):
//   greeting, voice          what it says first ("" for nothing), and the espeak-ng voice
//   mode                     "repeat" (default without a menu): the caller's utterance, found by the VAD,
//                            is played back once they stop; "menu" (default with a menu): keys run menu
//                            entries, speech runs the menu's "speech" entry or gets `speechHint`;
//                            "echo": every caller frame straight back (line test; what the e2e tests use)
//   menu                     see menu.ts
//   speechHint               menu mode: said when the caller speaks and the menu has no "speech" entry
//   silenceMs, minSpeechMs   turn-taking: silence that ends an utterance, speech that counts as one
//   maxUtteranceSeconds      repeat mode: longest utterance played back
import { parseMenu, SPEECH_KEY, type MenuEntry } from '../menu.ts';

export type OfflineMode = 'echo' | 'repeat' | 'menu';

export interface OfflineSettings {
  greeting: string | undefined;
  voice: string | undefined;
  mode: OfflineMode;
  menu: Map<string, MenuEntry>;
  speechHint: string | undefined;
  silenceMs: number;
  minSpeechMs: number;
  maxUtteranceSeconds: number;
  /** Values that were ignored, for one warning per call. */
  problems: string[];
}

const MODES: readonly OfflineMode[] = ['echo', 'repeat', 'menu'];

function num(s: Record<string, unknown>, key: string, min: number, max: number, dflt: number, problems: string[]): number {
  const v = s[key];
  if (v === undefined) return dflt;
  if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
  problems.push(`${key} must be a number from ${min} to ${max}`);
  return dflt;
}

function str(s: Record<string, unknown>, key: string, problems: string[]): string | undefined {
  const v = s[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' && v.trim() !== '') return v.slice(0, 1000);
  problems.push(`${key} must be text`);
  return undefined;
}

export function parseOfflineSettings(s: Record<string, unknown>): OfflineSettings {
  const { menu, problems } = parseMenu(s.menu);
  let mode: OfflineMode = menu.size > 0 ? 'menu' : 'repeat';
  if (s.mode !== undefined) {
    if (MODES.includes(s.mode as OfflineMode)) mode = s.mode as OfflineMode;
    else problems.push(`mode must be one of ${MODES.join(', ')}`);
  }
  return {
    greeting: s.greeting === '' ? '' : str(s, 'greeting', problems),
    voice: str(s, 'voice', problems),
    mode,
    menu,
    speechHint: str(s, 'speechHint', problems),
    silenceMs: num(s, 'silenceMs', 200, 5000, 700, problems),
    minSpeechMs: num(s, 'minSpeechMs', 60, 2000, 200, problems),
    maxUtteranceSeconds: num(s, 'maxUtteranceSeconds', 1, 30, 10, problems),
    problems,
  };
}

/** Whether speech reaches the call at all outside a voicemail (the VAD then runs from the start). */
export function listensForSpeech(s: OfflineSettings): boolean {
  if (s.mode === 'echo') return s.menu.has(SPEECH_KEY);
  return s.mode === 'repeat' || s.menu.has(SPEECH_KEY) || s.speechHint !== undefined;
}

/** Whether the call needs the VAD: to hear speech, or to end a voicemail at the caller's silence. */
export function needsVad(s: OfflineSettings): boolean {
  return listensForSpeech(s) || [...s.menu.values()].some((e) => e.action === 'voicemail');
}
