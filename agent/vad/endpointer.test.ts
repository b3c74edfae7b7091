// Endpointer: probabilities on caller-audio time in, onset / confirmed / abandoned / endpoint out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Endpointer, type EndpointerOptions } from './endpointer.ts';

const W = 32; // ms per Silero window at 16 kHz

/** Feeds `[prob, ms]` runs and returns the events as strings. */
function run(runs: Array<[number, number]>, o: EndpointerOptions = {}): string[] {
  const out: string[] = [];
  const ep = new Endpointer(
    {
      onOnset: (t) => out.push(`onset@${t}`),
      onConfirmed: (t, s) => out.push(`confirmed@${t} from ${s}`),
      onAbandoned: (t) => out.push(`abandoned@${t}`),
      onEndpoint: (t, s, e) => out.push(`endpoint@${t} ${s}-${e}`),
    },
    o,
  );
  let t = 0;
  for (const [p, ms] of runs) {
    for (let k = 0; k < ms / W; k++) {
      t += W;
      ep.update(p, t);
    }
  }
  return out;
}

test('speech of 640 ms then silence: onset, confirmed after 200 ms of speech, endpoint after 500 ms of silence', () => {
  assert.deepEqual(run([[0, 320], [0.9, 640], [0.05, 1024]]), ['onset@320', 'confirmed@544 from 320', 'endpoint@1472 320-960']);
});

test('a short click (64 ms) is an onset that is abandoned, never confirmed', () => {
  assert.deepEqual(run([[0, 320], [0.9, 64], [0, 640]]), ['onset@320', 'abandoned@512']);
});

test('hysteresis: speech continues while the probability stays above the deactivation threshold', () => {
  // 0.4 is below activation (0.5) but above deactivation (0.35): still speech.
  assert.deepEqual(run([[0.9, 256], [0.4, 800], [0.1, 512]]), ['onset@0', 'confirmed@224 from 0', 'endpoint@1568 0-1056']);
  // 0.4 alone never starts speech.
  assert.deepEqual(run([[0.4, 2000]]), []);
});

test('a pause shorter than the silence setting does not end the turn', () => {
  const ev = run([[0.9, 320], [0, 416], [0.9, 320], [0, 640]]);
  assert.deepEqual(ev, ['onset@0', 'confirmed@224 from 0', 'endpoint@1568 0-1056']);
});

test('silence and minimum speech are configurable', () => {
  assert.deepEqual(run([[0.9, 320], [0, 416]], { silenceMs: 300 }), ['onset@0', 'confirmed@224 from 0', 'endpoint@640 0-320']);
  assert.deepEqual(run([[0.9, 320], [0, 640]], { minSpeechMs: 400 }), ['onset@0', 'abandoned@448']);
});
