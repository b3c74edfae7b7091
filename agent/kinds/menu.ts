// The offline agent's menu, from the agent config's settings.menu:
//   { "1": { "action": "transfer", "target": "+15551234567", "say": "Connecting you to sales." },
//     "2": { "action": "voicemail", "say": "Leave a message after the tone.", "maxSeconds": 120 },
//     "3": { "action": "agent", "configId": "<agent config id>", "say": "Connecting you to our assistant." },
//     "4": { "action": "say", "say": "We are open nine to five." },
//     "9": { "action": "hangup" },
//     "speech": { "action": "agent", "configId": "<agent config id>" } }
// Keys are phone keys; "speech" is what happens when the caller says anything at all (there is no speech
// recognizer offline, so what was said cannot choose between options). Agent config is external input:
// validated once per call; a bad entry is reported and ignored, never fatal.
import { isTransferTarget } from '../../lib/transfer-target.ts';

export interface VoicemailEntry {
  action: 'voicemail';
  say?: string;
  /** Longest message, seconds (1–600). */
  maxSeconds: number;
  /** Silence after the caller's speech that ends the message, seconds (1–30). */
  silenceSeconds: number;
  /** Said once the message is stored. */
  thanks?: string;
  /** After the message: hang up (default) or listen for keys again. */
  then: 'hangup' | 'menu';
}

export type MenuEntry =
  | { action: 'say'; say: string }
  | { action: 'transfer'; target: string; say?: string }
  | { action: 'hangup'; say?: string }
  | { action: 'agent'; configId: string; say?: string }
  | VoicemailEntry;

/** The menu key that any caller utterance selects. */
export const SPEECH_KEY = 'speech';

const KEY = /^[0-9*#]$/;
const CONFIG_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const MAX_SAY = 500;
export const VOICEMAIL_DEFAULTS = { maxSeconds: 120, silenceSeconds: 3 } as const;
const ACTIONS = 'say, transfer, hangup, voicemail or agent';

/** A number in [min, max] or the default when absent; undefined when present but unusable. */
function bounded(v: unknown, min: number, max: number, dflt: number): number | undefined {
  if (v === undefined) return dflt;
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.slice(0, MAX_SAY) : undefined;
}

export function parseMenu(raw: unknown): { menu: Map<string, MenuEntry>; problems: string[] } {
  const menu = new Map<string, MenuEntry>();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { menu, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { menu, problems: ['menu must be an object of key → entry'] };
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!KEY.test(key) && key !== SPEECH_KEY) {
      problems.push(`"${key.slice(0, 10)}": not a phone key (0-9, *, #) or "${SPEECH_KEY}"`);
      continue;
    }
    const e = (v !== null && typeof v === 'object' ? v : {}) as Record<string, unknown>;
    const say = text(e.say);
    if (e.say !== undefined && typeof e.say !== 'string') {
      problems.push(`${key}: say must be text`);
      continue;
    }
    switch (e.action) {
      case 'say':
        if (!say) problems.push(`${key}: "say" needs the text to say`);
        else menu.set(key, { action: 'say', say });
        break;
      case 'transfer':
        if (typeof e.target !== 'string' || !isTransferTarget(e.target)) problems.push(`${key}: transfer target must be an E.164 number or a sip: URI`);
        else menu.set(key, { action: 'transfer', target: e.target, say });
        break;
      case 'hangup':
        menu.set(key, { action: 'hangup', say });
        break;
      case 'agent':
        if (typeof e.configId !== 'string' || !CONFIG_ID.test(e.configId)) problems.push(`${key}: agent needs the configId of an agent config`);
        else menu.set(key, { action: 'agent', configId: e.configId, say });
        break;
      case 'voicemail': {
        const maxSeconds = bounded(e.maxSeconds, 1, 600, VOICEMAIL_DEFAULTS.maxSeconds);
        const silenceSeconds = bounded(e.silenceSeconds, 1, 30, VOICEMAIL_DEFAULTS.silenceSeconds);
        if (maxSeconds === undefined) problems.push(`${key}: maxSeconds must be a number from 1 to 600`);
        else if (silenceSeconds === undefined) problems.push(`${key}: silenceSeconds must be a number from 1 to 30`);
        else if (e.then !== undefined && e.then !== 'hangup' && e.then !== 'menu') problems.push(`${key}: then must be "hangup" or "menu"`);
        else if (e.thanks !== undefined && typeof e.thanks !== 'string') problems.push(`${key}: thanks must be text`);
        else menu.set(key, { action: 'voicemail', say, maxSeconds, silenceSeconds, thanks: text(e.thanks), then: e.then === 'menu' ? 'menu' : 'hangup' });
        break;
      }
      default:
        problems.push(`${key}: action must be ${ACTIONS}`);
    }
  }
  return { menu, problems };
}
