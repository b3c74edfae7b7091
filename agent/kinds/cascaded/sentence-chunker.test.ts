// SentenceChunker: model text deltas in, speakable pieces out, as early as they are complete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SentenceChunker } from './sentence-chunker.ts';

function chunk(deltas: string[], o = {}): string[][] {
  const c = new SentenceChunker(o);
  const out = deltas.map((d) => c.push(d));
  out.push(c.flush());
  return out;
}

test('a sentence is released as soon as the space after its full stop arrives', () => {
  assert.deepEqual(chunk(['Sure', '! I can', ' help.', ' What', ' time?']), [[], ['Sure!'], [], ['I can help.'], [], ['What time?']]);
});

test('numbers, abbreviations and initials do not end a sentence', () => {
  const c = new SentenceChunker();
  assert.deepEqual(c.push('It costs 3.50 dollars, e.g. for Dr. Smith and J. Doe at 5 p.m. today. '), ['It costs 3.50 dollars, e.g. for Dr. Smith and J. Doe at 5 p.m. today.']);
});

test('markdown is not read aloud; newlines and bullets end pieces', () => {
  assert.deepEqual(chunk(['**Options**:\n- one\n- two']), [['Options:', 'one'], ['two']]);
});

test('an over-long sentence is cut at a comma, else at a space', () => {
  const long = 'I looked at every flight leaving tomorrow morning from the main airport, and the best one leaves at nine with a stop in Denver and arrives in the afternoon';
  const out = chunk([long], { maxChars: 100 }).flat();
  assert.equal(out[0], 'I looked at every flight leaving tomorrow morning from the main airport,');
  assert.ok(out.every((p) => p.length <= 100), out.join(' | '));
  assert.equal(out.join(' '), long);
});

test('closing quotes stay with their sentence; punctuation-only pieces are dropped', () => {
  assert.deepEqual(chunk(['He said "hi." Then ', '... ok']), [['He said "hi."'], ['Then ...'], ['ok']]);
  assert.deepEqual(chunk(['  ', '...']), [[], [], []]);
});
