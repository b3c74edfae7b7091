// NATS subject helpers shared by the in-process bus. Only used on slow paths (subscribe, cache miss,
// durable filter checks): the publish hot path looks subjects up in a per-subject cache instead.

/** Splits and validates a subscription subject (tokens non-empty; `>` only as the last token). */
export function parsePattern(subject: string): string[] {
  const tokens = subject.split('.');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const bad = t === '' || /\s/.test(t) || (t === '>' && i !== tokens.length - 1) ||
      (t.length > 1 && (t.includes('*') || t.includes('>')));
    if (bad) throw new TypeError(`invalid subject: ${JSON.stringify(subject)}`);
  }
  return tokens;
}

export function isWildcard(tokens: readonly string[]): boolean {
  for (const t of tokens) if (t === '*' || t === '>') return true;
  return false;
}

/** Does a concrete subject (already split) match a pattern (already split)? */
export function matchTokens(pattern: readonly string[], subject: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p === '>') return subject.length > i;
    if (i >= subject.length) return false;
    if (p !== '*' && p !== subject[i]) return false;
  }
  return subject.length === pattern.length;
}

export function subjectMatches(pattern: readonly string[], subject: string): boolean {
  return matchTokens(pattern, subject.split('.'));
}
