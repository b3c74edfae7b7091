// The offline agent's key menu, from the agent config's settings.menu:
//   { "1": { "action": "transfer", "target": "+15551234567", "say": "Connecting you to sales." },
//     "2": { "action": "say", "say": "We are open nine to five." },
//     "9": { "action": "hangup" } }
// Validated once per call; a bad entry is reported and ignored, never fatal.
import { isTransferTarget } from '../../lib/transfer-target.ts';

export type MenuEntry =
  | { action: 'say'; say: string }
  | { action: 'transfer'; target: string; say?: string }
  | { action: 'hangup'; say?: string };

const KEY = /^[0-9*#]$/;
const MAX_SAY = 500;

export function parseMenu(raw: unknown): { menu: Map<string, MenuEntry>; problems: string[] } {
  const menu = new Map<string, MenuEntry>();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { menu, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { menu, problems: ['menu must be an object of key → entry'] };
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!KEY.test(key)) {
      problems.push(`"${key.slice(0, 10)}": not a phone key (0-9, *, #)`);
      continue;
    }
    const e = (v ?? {}) as Record<string, unknown>;
    const say = typeof e.say === 'string' && e.say.trim() !== '' ? e.say.slice(0, MAX_SAY) : undefined;
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
      default:
        problems.push(`${key}: action must be say, transfer or hangup`);
    }
  }
  return { menu, problems };
}
