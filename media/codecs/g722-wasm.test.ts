// The WebAssembly G.722 against the TypeScript reference: the same octets and samples for any input and
// any call sizes (chunking is exact), the same state words (snapshots move between them), slots freed by
// dispose(), and MEDIA_G722_WASM=0 selecting the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { G722EncoderJs, G722DecoderJs, G722_STATE_WORDS } from './g722-js.ts';
import { G722EncoderWasm, G722DecoderWasm, G722_WASM_AVAILABLE, g722SlotStats } from './g722-wasm.ts';
import { G722Encoder } from './g722.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Noise at changing levels (full scale, silence, quiet, loud) and a sweep: every quantizer and limiter path. */
function signal(n: number): Int16Array {
  const x = new Int16Array(n);
  let seed = 11;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const block = Math.floor(i / 320) % 40;
    const level = block < 3 ? 32767 : block < 6 ? 0 : 150 * (block % 29);
    const noise = ((seed / 2 ** 32) * 2 - 1) * level;
    const sweep = 6000 * Math.sin(0.00002 * i * i);
    x[i] = Math.max(-32768, Math.min(32767, Math.round(block % 2 ? noise : noise * 0.3 + sweep)));
  }
  return x;
}

test('WebAssembly is available here, and G722Encoder is its build', () => {
  assert.equal(G722_WASM_AVAILABLE, true);
  assert.equal(G722Encoder, G722EncoderWasm);
});

test('the same octets, samples and state words as the reference, whatever the call sizes', () => {
  const pcm = signal(16000 * 8);
  const sizes = [320, 2, 4096, 6000, 320, 1000];
  const js = { enc: new G722EncoderJs(), dec: new G722DecoderJs() };
  const wasm = { enc: new G722EncoderWasm(), dec: new G722DecoderWasm() };
  const a = new Uint8Array(pcm.length / 2);
  const b = new Uint8Array(pcm.length / 2);
  const da = new Int16Array(pcm.length);
  const db = new Int16Array(pcm.length);
  const sa = new Int32Array(G722_STATE_WORDS);
  const sb = new Int32Array(G722_STATE_WORDS);
  for (let off = 0, k = 0; off < pcm.length; k++) {
    const n = Math.min(sizes[k % sizes.length], pcm.length - off);
    assert.equal(wasm.enc.encode(pcm, off, n, b, off / 2), js.enc.encode(pcm, off, n, a, off / 2));
    assert.equal(wasm.dec.decode(b, off / 2, n / 2, db, off), js.dec.decode(a, off / 2, n / 2, da, off));
    off += n;
    js.enc.saveState(sa);
    wasm.enc.saveState(sb);
    assert.deepEqual(sb, sa, `encoder state after ${off} samples`);
  }
  assert.deepEqual(b, a);
  assert.deepEqual(db, da);
  js.dec.saveState(sa);
  wasm.dec.saveState(sb);
  assert.deepEqual(sb, sa);
  // A snapshot of one loads into the other.
  const x = new Uint8Array(160);
  const y = new Uint8Array(160);
  const other = new G722EncoderWasm();
  other.loadState(sa.fill(0).fill(0), 0);
  js.enc.saveState(sa);
  other.loadState(sa);
  js.enc.encode(pcm, 0, 320, x, 0);
  other.encode(pcm, 0, 320, y, 0);
  assert.deepEqual(y, x);
  for (const c of [wasm.enc, wasm.dec, other]) c.dispose();
});

test('dispose() returns the state slot for the next coder; using a disposed coder throws', () => {
  const before = g722SlotStats().inUse;
  const e = new G722EncoderWasm();
  assert.equal(g722SlotStats().inUse, before + 1);
  e.dispose();
  e.dispose();
  assert.equal(g722SlotStats().inUse, before);
  assert.throws(() => e.encode(new Int16Array(2), 0, 2, new Uint8Array(1), 0), /dispose/);
  // A reused slot starts from the initial state, not the last coder's.
  const fresh = new G722EncoderWasm();
  const ref = new G722EncoderJs();
  const s1 = new Int32Array(G722_STATE_WORDS);
  const s2 = new Int32Array(G722_STATE_WORDS);
  fresh.saveState(s1);
  ref.saveState(s2);
  assert.deepEqual(s1, s2);
  fresh.dispose();
});

test('MEDIA_G722_WASM=0 selects the TypeScript reference', () => {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', "const m = await import('./media/codecs/g722.ts'); console.log(m.G722Encoder === m.G722EncoderJs, m.G722Decoder === m.G722DecoderJs)"],
    { cwd: root, env: { ...process.env, MEDIA_G722_WASM: '0' }, encoding: 'utf8' },
  );
  assert.equal(r.stdout.trim(), 'true true', r.stderr);
});

test('the embedded WASM matches wasm/g722.wat, and g722.wat what wasm/g722-gen.js writes', async (t) => {
  // @ts-expect-error: a plain JS build script, without types
  const gen = (await import('./wasm/g722-gen.js')) as { generateG722Wat(): string; G722_WAT_PATH: string };
  assert.ok(readFileSync(gen.G722_WAT_PATH, 'utf8') === gen.generateG722Wat(), 'g722.wat is stale: run node media/codecs/wasm/g722-gen.js');
  const r = spawnSync(process.execPath, ['media/codecs/wasm/build.js', '--check'], { cwd: root, encoding: 'utf8' });
  if (r.status === 3) return t.skip(`not checked: ${r.stderr.trim()}`);
  assert.equal(r.status, 0, r.stderr || r.stdout);
});
