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
