#!/usr/bin/env node
// `npm test`: type-check, check the generated protobuf code is current, then run every *.test.ts with
// Node's test runner (through tsx). Ends with the line `N passed, N failed` from the runner's counts.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', '.git', 'data', 'test-results', '.tmp']);

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

// Optional filter: `npm test -- media` runs the files whose path contains "media".
const filters = process.argv.slice(2);
const files = findTests(root).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
let extraPassed = 0;
let extraFailed = 0;

function step(name, cmd, args) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✔' : '✖'} ${name} (${Date.now() - t0} ms)\n`);
  if (ok) extraPassed++;
  else extraFailed++;
}

if (filters.length === 0) {
  step('typecheck (tsc --noEmit)', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
  step('proto/gen is up to date', process.execPath, [join(root, 'proto/generate.js'), '--check']);
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', '--test-reporter-destination=stdout', ...files],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } },
);
let tail = '';
child.stdout.on('data', (d) => {
  process.stdout.write(d);
  tail = (tail + d.toString()).slice(-4000);
});
child.on('close', (code) => {
  const count = (label) => Number((tail.match(new RegExp(`ℹ ${label} (\\d+)`)) ?? [])[1] ?? 0);
  const passed = count('pass') + extraPassed;
  const failed = count('fail') + count('cancelled') + extraFailed;
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
});
