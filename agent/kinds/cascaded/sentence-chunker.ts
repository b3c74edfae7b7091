// Streams LLM text into speakable pieces for TTS: a sentence as soon as it is complete (so the first
// one can be spoken while the model is still writing the rest), never splitting "Dr. Smith", "3.5" or
// "e.g. this"; an over-long sentence is cut at a comma or a space so TTS never waits on a paragraph.
// Markdown the model may emit (bold, headings, bullets, code ticks) is dropped: it is read aloud.

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'no', 'inc', 'ltd', 'co', 'mt', 'ft', 'a.m', 'p.m']);

export interface ChunkerOptions {
  /** A piece longer than this is cut at a clause boundary. Default 220 characters. */
  maxChars?: number;
}

export class SentenceChunker {
  private buf = '';
  private readonly maxChars: number;

  constructor(o: ChunkerOptions = {}) {
    this.maxChars = o.maxChars ?? 220;
  }

  /** Adds model text; returns the pieces it completed (usually none or one). */
  push(delta: string): string[] {
    this.buf += delta.replace(/[*#`_]+/g, '');
    const out: string[] = [];
    for (;;) {
      const end = this.sentenceEnd();
      if (end > 0) {
        this.emit(out, end);
        continue;
      }
      if (this.buf.length > this.maxChars) {
        this.emit(out, this.clauseEnd());
        continue;
      }
      return out;
    }
  }

  /** End of the model's answer: whatever is left. */
  flush(): string[] {
    const out: string[] = [];
    if (this.buf.trim() !== '') this.emit(out, this.buf.length);
    this.buf = '';
    return out;
  }

  reset(): void {
    this.buf = '';
  }

  private emit(out: string[], end: number): void {
    const piece = this.buf.slice(0, end).replace(/^\s*[-•]\s+/gm, '').replace(/\s+/g, ' ').trim();
    this.buf = this.buf.slice(end);
    if (/[\p{L}\p{N}]/u.test(piece)) out.push(piece);
  }

  /** Index just past a sentence end followed by whitespace, or 0. */
  private sentenceEnd(): number {
    const b = this.buf;
    const nl = b.indexOf('\n');
    for (let i = 0; i < b.length - 1; i++) {
      const c = b[i];
      if (i === nl && b.slice(0, i).trim() !== '') return i + 1;
      if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
      // Closing quotes/brackets belong to the sentence.
      let j = i + 1;
      while (j < b.length && /["'”’)\]]/.test(b[j])) j++;
      if (j >= b.length || !/\s/.test(b[j])) continue;
      if (c === '.' && this.isAbbreviation(i)) continue;
      return j + 1;
    }
    return 0;
  }

  private isAbbreviation(dot: number): boolean {
    const m = /([\p{L}.]+)$/u.exec(this.buf.slice(Math.max(0, dot - 8), dot));
    if (!m) return false;
    const word = m[1].toLowerCase();
    // Single capital letters ("J. Smith") and known abbreviations.
    return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(m[1]);
  }

  /** Where to cut an over-long piece: the last comma/semicolon/colon, else the last space. */
  private clauseEnd(): number {
    const head = this.buf.slice(0, this.maxChars);
    const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '));
    if (clause > this.maxChars / 3) return clause + 2;
    const space = head.lastIndexOf(' ');
    return space > 0 ? space + 1 : this.maxChars;
  }
}
