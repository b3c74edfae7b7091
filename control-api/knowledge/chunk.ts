// Splits a knowledge document into search chunks. A chunk is one section's text (markdown: the text
// under one heading, with its heading path "Title > Section > Sub" kept apart, so it is ranked higher and
// the model sees where the text comes from), packed by paragraph up to maxChars; a paragraph longer than
// that is cut at sentence ends, then at word boundaries. Fenced code blocks are never searched for
// headings and stay whole when they fit.

export interface Chunk {
  /** "Title > Section > Sub" */
  heading: string;
  text: string;
}

export const DEFAULT_CHUNK_CHARS = 1200;

interface Section {
  path: string[];
  lines: string[];
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function markdownSections(content: string): Section[] {
  const sections: Section[] = [{ path: [], lines: [] }];
  const stack: { level: number; text: string }[] = [];
  let fence: string | null = null;
  const open = (level: number, text: string) => {
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    stack.push({ level, text: text.trim() });
    sections.push({ path: stack.map((h) => h.text).filter(Boolean), lines: [] });
  };
  for (const line of content.split(/\r?\n/)) {
    const cur = sections[sections.length - 1];
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      cur.lines.push(line);
      continue;
    }
    if (f) {
      fence = f[1];
      cur.lines.push(line);
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      open(atx[1].length, atx[2]);
      continue;
    }
    const prev = cur.lines[cur.lines.length - 1];
    const setext = SETEXT.exec(line);
    // "Text\n===" is a heading; "---" after a blank line is a rule, kept as text.
    if (setext && prev !== undefined && prev.trim() !== '' && !/^\s*([-*+]|\d+[.)])\s/.test(prev)) {
      cur.lines.pop();
      open(setext[1][0] === '=' ? 1 : 2, prev);
      continue;
    }
    cur.lines.push(line);
  }
  return sections;
}

/** Blank-line separated blocks; a fenced code block is one block even with blank lines inside. */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    const p = buf.join('\n').trim();
    if (p) out.push(p);
    buf = [];
  };
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (fence) {
      buf.push(line);
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) fence = f[1];
    if (!fence && line.trim() === '') flush();
    else buf.push(line);
  }
  flush();
  return out;
}

/** Pieces of at most max characters: sentence ends first, then word boundaries, then a hard cut. */
function split(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let cur = '';
  const units = text.split(/(?<=[.!?])\s+/);
  for (const u of units) {
    for (const piece of u.length <= max ? [u] : words(u, max)) {
      if (cur && cur.length + 1 + piece.length > max) {
        out.push(cur);
        cur = '';
      }
      cur = cur ? `${cur} ${piece}` : piece;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function words(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/)) {
    for (let i = 0; i < w.length; i += max) {
      const part = w.slice(i, i + max);
      if (cur && cur.length + 1 + part.length > max) {
        out.push(cur);
        cur = '';
      }
      cur = cur ? `${cur} ${part}` : part;
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function chunkDocument(title: string, content: string, format: 'text' | 'markdown', maxChars = DEFAULT_CHUNK_CHARS): Chunk[] {
  const sections = format === 'markdown' ? markdownSections(content) : [{ path: [], lines: content.split(/\r?\n/) }];
  const chunks: Chunk[] = [];
  for (const s of sections) {
    const heading = [title.trim(), ...s.path].filter(Boolean).join(' > ');
    let cur = '';
    for (const p of paragraphs(s.lines)) {
      for (const piece of split(p, maxChars)) {
        if (cur && cur.length + 2 + piece.length > maxChars) {
          chunks.push({ heading, text: cur });
          cur = '';
        }
        cur = cur ? `${cur}\n\n${piece}` : piece;
      }
    }
    if (cur) chunks.push({ heading, text: cur });
  }
  return chunks;
}
