import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMenu } from './menu.ts';

test('a well-formed menu parses; say text is capped', () => {
  const { menu, problems } = parseMenu({ '1': { action: 'transfer', target: '+15551234567' }, '#': { action: 'say', say: 'x'.repeat(900) }, '0': { action: 'hangup', say: 'Bye.' }, '2': { action: 'transfer', target: 'sip:sales@pbx.example.com' } });
  assert.deepEqual(problems, []);
  assert.deepEqual(menu.get('1'), { action: 'transfer', target: '+15551234567', say: undefined });
  assert.equal((menu.get('#') as { say: string }).say.length, 500);
  assert.deepEqual(menu.get('0'), { action: 'hangup', say: 'Bye.' });
  assert.equal(menu.get('2')?.action, 'transfer');
});

test('bad entries are reported and skipped, never thrown', () => {
  const { menu, problems } = parseMenu({ '12': { action: 'say', say: 'a' }, '3': { action: 'transfer', target: '555-1234' }, '4': { action: 'dance' }, '5': { action: 'say' }, '6': null, '7': { action: 'say', say: 42 } });
  assert.equal(menu.size, 0);
  assert.equal(problems.length, 6, problems.join('; '));
  assert.deepEqual(parseMenu(['1']).problems, ['menu must be an object of key → entry']);
  assert.deepEqual(parseMenu(undefined), { menu: new Map(), problems: [] });
});

test('voicemail entries: defaults, bounds and the after-message choice are checked', () => {
  const { menu, problems } = parseMenu({
    '2': { action: 'voicemail', say: 'Leave a message after the tone.', maxSeconds: 120 },
    '3': { action: 'voicemail', maxSeconds: 30, silenceSeconds: 5, then: 'menu', thanks: 'Thanks!' },
    '4': { action: 'voicemail', maxSeconds: 0 },
    '5': { action: 'voicemail', maxSeconds: '60' },
    '6': { action: 'voicemail', silenceSeconds: 90 },
    '7': { action: 'voicemail', then: 'dance' },
    '8': { action: 'voicemail', thanks: 3 },
  });
  assert.deepEqual(menu.get('2'), { action: 'voicemail', say: 'Leave a message after the tone.', maxSeconds: 120, silenceSeconds: 3, thanks: undefined, then: 'hangup' });
  assert.deepEqual(menu.get('3'), { action: 'voicemail', say: undefined, maxSeconds: 30, silenceSeconds: 5, thanks: 'Thanks!', then: 'menu' });
  assert.equal(menu.size, 2);
  assert.equal(problems.length, 5, problems.join('; '));
});

test('agent entries need a config id; "speech" is the one key that is not a phone key', () => {
  const { menu, problems } = parseMenu({
    '3': { action: 'agent', configId: '0b6f1c9e-8a4e-4d47-9d1c-2f3b5a6c7d8e', say: 'Connecting you to our assistant.' },
    speech: { action: 'agent', configId: 'cascade' },
    '4': { action: 'agent' },
    '5': { action: 'agent', configId: '../etc' },
    voice: { action: 'hangup' },
  });
  assert.deepEqual(menu.get('3'), { action: 'agent', configId: '0b6f1c9e-8a4e-4d47-9d1c-2f3b5a6c7d8e', say: 'Connecting you to our assistant.' });
  assert.deepEqual(menu.get('speech'), { action: 'agent', configId: 'cascade', say: undefined });
  assert.equal(menu.size, 2);
  assert.equal(problems.length, 3, problems.join('; '));
});
