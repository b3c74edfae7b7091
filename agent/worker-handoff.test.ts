// An agent hands its call to another agent configuration (the offline menu's "agent" entry): the worker
// starts the new kind in place, ends the old one only once the new one runs, continues the frame
// sequence, and publishes a `handoff` call event; refusals leave the call with the agent it had.
// Recordings an agent saves are stored before their `recording` event is published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { InProcBus } from '../lib/bus/index.ts';
import { Registry } from '../lib/metrics.ts';
import { uap, subjects, decodeAudioFrame, newAudioFrameView } from '../proto/index.ts';
import { AgentWorker } from './worker.ts';
import type { AgentCallContext, AgentKind } from './kinds/types.ts';
import type { RecordingStore } from '../lib/recordings.ts';

interface Made {
  kind: string;
  ctx: AgentCallContext;
  audio: number;
  ended: string[];
}

async function setup() {
  const bus = new InProcBus();
  const events: uap.CallEvent[] = [];
  await bus.consumeDurable({ durable: 'test', filter: 'events.>' }, (m) => {
    events.push(uap.CallEvent.decode(m.data));
    m.ack();
  });
  const made: Made[] = [];
  const kind = (name: string, outputRate: number, fail = false): AgentKind => ({
    name,
    outputRate,
    create: async (ctx) => {
      if (fail) throw new Error('no key for this provider');
      const m: Made = { kind: name, ctx, audio: 0, ended: [] };
      made.push(m);
      return { onAudio: () => void m.audio++, onEnd: (r) => void m.ended.push(r) };
    },
  });
  const stored: string[] = [];
  const store: RecordingStore = {
    kind: 'file',
    put: async (name) => {
      stored.push(name);
      return { bucket: '' };
    },
    materialize: async () => true,
  };
  const configs: Record<string, { kind: string; settings: Record<string, unknown> }> = {
    llm: { kind: 'llm', settings: { prompt: 'Be brief.' } },
    broken: { kind: 'broken', settings: {} },
    alien: { kind: 'martian', settings: {} },
  };
  const registry = new Registry();
  const worker = new AgentWorker({
    bus, log: pino({ level: 'silent' }), registry, capacity: 10, heartbeatIntervalMs: 60_000,
    kinds: [kind('menu', 16000), kind('llm', 24000), kind('broken', 16000, true)],
    resolveSettings: (id) => configs[id]?.settings,
    resolveKind: (id) => configs[id]?.kind,
    recordings: store,
  });
  worker.start();
  const reply = uap.DispatchReply.decode(await bus.request(subjects.dispatch, uap.DispatchRequest.encode({ callId: 'c1', tenantId: 'acme', agentKind: 'menu', agentConfigId: 'front', sampleRate: 16000, agentConfigJson: '{}' }).finish(), { timeoutMs: 1000 }));
  assert.ok(reply.accepted);
  const frames: number[] = [];
  const view = newAudioFrameView();
  bus.subscribe(subjects.mediaOut('c1'), (m) => frames.push(decodeAudioFrame(m.data, view).seq));
  const callerFrame = () => bus.publish(subjects.mediaIn('c1'), uap.AudioFrame.encode({ callId: 'c1', seq: 1, sampleRate: 16000, pcm: new Uint8Array(640) }).finish());
  const settle = () => new Promise((r) => setTimeout(r, 20));
  return { bus, worker, registry, made, events, stored, frames, callerFrame, settle, close: async () => (worker.close(), await bus.close()) };
}

test('handoff: the new kind starts with its config, the old one ends, frames keep their order, media and history are told', async () => {
  const h = await setup();
  const menu = h.made[0];
  menu.ctx.out.sendAudio(new Int16Array(320 * 3));
  const r = await menu.ctx.handoff!('llm');
  assert.deepEqual(r, { ok: true, agentKind: 'llm' });
  const llm = h.made[1];
  assert.deepEqual(llm.ctx.settings, { prompt: 'Be brief.' });
  assert.equal(llm.ctx.agentConfigId, 'llm', 'tools scoped to the agent config see the new one');
  assert.equal(llm.ctx.resume, undefined);
  assert.equal(llm.ctx.out.outputRate, 24000);
  assert.deepEqual(menu.ended, ['handed off']);
  llm.ctx.out.sendAudio(new Int16Array(480));
  await h.settle();
  assert.deepEqual(h.frames, [1, 2, 3, 4], 'the new agent continues the sequence (media drops older numbers)');
  h.callerFrame();
  await h.settle();
  assert.equal(llm.audio, 1);
  assert.equal(menu.audio, 0);
  await h.settle();
  const ev = h.events.filter((e) => e.body === 'handoff');
  assert.equal(ev.length, 1);
  assert.deepEqual(uap.AgentHandoff.toObject(ev[0].handoff as uap.AgentHandoff), { agentKind: 'llm', agentConfigId: 'llm', fromKind: 'menu' });
  assert.match(await h.registry.metrics(), /uap_agent_handoffs_total\{outcome="ok"\} 1/);
  await h.close();
  assert.deepEqual(llm.ended, ['shutdown'], 'the release reaches the new agent');
});

test('handoff refused (unknown config or kind, a start that fails): the call stays with its agent', async () => {
  const h = await setup();
  const menu = h.made[0];
  for (const [id, code] of [['nope', 'UNKNOWN_AGENT_CONFIG'], ['alien', 'UNKNOWN_AGENT_KIND'], ['broken', 'AGENT_START_FAILED']]) {
    const r = await menu.ctx.handoff!(id);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.errorCode, code);
  }
  assert.deepEqual(menu.ended, []);
  h.callerFrame();
  await h.settle();
  assert.equal(menu.audio, 1);
  assert.equal(h.events.filter((e) => e.body === 'handoff').length, 0);
  assert.match(await h.registry.metrics(), /uap_agent_handoffs_total\{outcome="AGENT_START_FAILED"\} 1/);
  await h.close();
});

test('a saved recording is stored, then published as a durable `recording` event', async () => {
  const h = await setup();
  const menu = h.made[0];
  const saved = await menu.ctx.saveRecording!({ kind: 'voicemail', chunks: [new Int16Array(16000), new Int16Array(8000)], sampleRate: 16000 });
  assert.deepEqual(saved, { name: 'acme/c1-voicemail-1.wav', durationMs: 1500, bytes: 44 + 48000 });
  assert.deepEqual(h.stored, ['acme/c1-voicemail-1.wav']);
  assert.match(await h.registry.metrics(), /uap_agent_recordings_total\{kind="voicemail",outcome="stored"\} 1/);
  await h.settle();
  const [ev] = h.events.filter((e) => e.body === 'recording');
  assert.deepEqual(uap.Recording.toObject(ev.recording as uap.Recording), { name: 'acme/c1-voicemail-1.wav', kind: 'voicemail', durationMs: 1500, bytes: 48044, sampleRate: 16000 }, 'bucket empty: already a file in RECORDINGS_DIR');
  await h.close();
});
