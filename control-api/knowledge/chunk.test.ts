// Chunking: markdown sections by heading path (ATX and setext, not inside code fences), paragraphs
// packed up to the limit, long paragraphs cut at sentences then words, plain text as one section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkDocument } from './chunk.ts';

test('markdown: one chunk per section with its heading path; code fences are not headings', () => {
  const md = [
    'Intro before any heading.',
    '',
    '# Rooms',
    'All rooms have Wi-Fi.',
    '## Suites ##',
    'Suites have a balcony.',
    '',
    '```sh',
    '# not a heading',
    '',
    'still code',
    '```',
    'Pets',
    '----',
    'Dogs are welcome.',
    '# Dining',
    '',
    '---',
    '',
    'Breakfast from 7.',
  ].join('\n');
  const chunks = chunkDocument('Guide', md, 'markdown');
  assert.deepEqual(chunks.map((c) => c.heading), ['Guide', 'Guide > Rooms', 'Guide > Rooms > Suites', 'Guide > Rooms > Pets', 'Guide > Dining']);
  assert.equal(chunks[2].text, 'Suites have a balcony.\n\n```sh\n# not a heading\n\nstill code\n```');
  assert.equal(chunks[3].text, 'Dogs are welcome.', 'a setext heading (text over ---) opens a section');
  assert.equal(chunks[4].text, '---\n\nBreakfast from 7.', '--- after a blank line is a rule, kept as text');
  assert.deepEqual(chunkDocument('Empty', '# Only\n## Headings\n', 'markdown'), []);
});

test('packing and splitting stay within the limit without losing words', () => {
  const para = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i} is here.`).join(' ');
  const text = [para(3), para(40), 'x'.repeat(250), para(2)].join('\n\n');
  const chunks = chunkDocument('T', text, 'text', 200);
  assert.ok(chunks.length > 5);
  for (const c of chunks) {
    assert.ok(c.text.length <= 200, `${c.text.length}: ${c.text}`);
    assert.equal(c.heading, 'T');
  }
  const words = (s: string) => s.split(/\s+/).filter(Boolean).join('');
  assert.equal(words(chunks.map((c) => c.text).join(' ')), words(text), 'every character kept, in order');
  assert.equal(chunks[0].text, para(3), 'a short paragraph stays whole');
  assert.equal(chunkDocument('T', 'a\r\n\r\nb', 'text').length, 1, 'small paragraphs share a chunk');
  assert.equal(chunkDocument('T', '# not a heading in text', 'text')[0].heading, 'T');
});
