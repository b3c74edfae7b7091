// Generates proto/gen/uap.js (static protobufjs codecs) and its .d.ts from proto/uap.proto.
// Run with `npm run proto:gen`; `--check` exits 1 when the committed output is stale (used by the tests).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, '..', 'node_modules', 'protobufjs-cli', 'bin', name);
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'uap-proto-')) : join(here, 'gen');
mkdirSync(outDir, { recursive: true });
const js = join(outDir, 'uap.js');
const dts = join(outDir, 'uap.d.ts');

execFileSync(process.execPath, [bin('pbjs'), '-t', 'static-module', '-w', 'es6', '--es6', '--no-verify', '--no-delimited',
  '--force-number', '-o', js, join(here, 'uap.proto')], { stdio: 'inherit' });
// pbjs's ESM wrapper imports "protobufjs/minimal" without the extension Node's ESM resolver needs.
writeFileSync(js, readFileSync(js, 'utf8').replace(/from "protobufjs\/minimal"/g, 'from "protobufjs/minimal.js"'));
execFileSync(process.execPath, [bin('pbts'), '-o', dts, js], { stdio: 'inherit' });

if (check) {
  for (const f of ['uap.js', 'uap.d.ts']) {
    if (readFileSync(join(outDir, f), 'utf8') !== readFileSync(join(here, 'gen', f), 'utf8')) {
      console.error(`proto/gen/${f} is stale: run npm run proto:gen`);
      process.exit(1);
    }
  }
}
