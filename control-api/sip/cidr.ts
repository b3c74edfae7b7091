// Trunk allowlist entries: an IPv4/IPv6 address or CIDR block, normalized to the network address the
// database's `cidr` type insists on ("203.0.113.7/24" → "203.0.113.0/24", a bare address → /32 or /128).
import { isIP } from 'node:net';

function v4ToBytes(s: string): number[] {
  return s.split('.').map(Number);
}

function v6ToBytes(s: string): number[] | undefined {
  // Expand "::" and an embedded IPv4 tail into 16 bytes.
  let text = s;
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  let tailBytes: number[] = [];
  if (tail) {
    if (isIP(tail[1]) !== 4) return undefined;
    tailBytes = v4ToBytes(tail[1]);
    text = text.slice(0, -tail[1].length) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h === '' ? [] : h.split(':').map((g) => parseInt(g, 16)));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const groups = halves.length === 2 ? [...head, ...new Array(8 - head.length - rest.length).fill(0), ...rest] : head;
  if (groups.length !== 8 || groups.some((g) => !(g >= 0 && g <= 0xffff))) return undefined;
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tailBytes.length) bytes.splice(12, 4, ...tailBytes);
  return bytes;
}

function bytesToV6(b: number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i] << 8) | b[i + 1]);
  // Longest run of zero groups (≥ 2) becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** "a.b.c.d[/n]" or an IPv6 address[/n] → the normalized network in CIDR form; undefined if invalid. */
export function normalizeCidr(input: string): string | undefined {
  const s = input.trim();
  const slash = s.indexOf('/');
  const addr = slash < 0 ? s : s.slice(0, slash);
  const family = isIP(addr);
  if (family === 0) return undefined;
  const max = family === 4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const p = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > max) return undefined;
    prefix = Number(p);
  }
  const bytes = family === 4 ? v4ToBytes(addr) : v6ToBytes(addr);
  if (!bytes) return undefined;
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    bytes[i] &= (0xff << (8 - keep)) & 0xff;
  }
  return `${family === 4 ? bytes.join('.') : bytesToV6(bytes)}/${prefix}`;
}
