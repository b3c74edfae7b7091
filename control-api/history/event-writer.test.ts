// Usage and summary events into call history, on PostgreSQL and PGlite: Usage deltas are summed into
// calls.metadata.usage per service, provider and model (a redelivered event counts once), the summary
// sets calls.summary, and GET /voice/calls/{id} shows both. Recording events (voicemail) point the call's
// recording_url at the file once it is in RECORDINGS_DIR.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { CallEventWriter } from './event-writer.ts';
import { addUsage } from './usage-totals.ts';
import { setupApi, json, type ApiHarness } from '../test-support.ts';
import { uap } from '../../proto/index.ts';
import { join } from 'node:path';
import { FileRecordingStore, type RecordingStore } from '../../lib/recordings.ts';
import { wavFile } from '../../lib/wav.ts';

const harnesses: ApiHarness[] = [];
after(async () => {
  for (const h of harnesses) await h.close();
});

const event = (callId: string, id: string, seq: number, body: Record<string, unknown>) => uap.CallEvent.fromObject({ eventId: `${callId}.${id}`, callId, tenantId: 'default', ts: Date.now() + seq, seq, ...body });

test('addUsage: sums per service/provider/model, ignores malformed stored entries and bad names', () => {
  const stored = [{ service: 'llm', provider: 'openai', model: 'gpt-4o-mini', requests: 1, inputTokens: 10, outputTokens: 2 }, 'garbage', null];
  const totals = addUsage(stored, [
    { service: 'llm', provider: 'openai', model: 'gpt-4o-mini', requests: 2, inputTokens: 5 },
    { service: 'tts', provider: 'openai', model: 'gpt-4o-mini-tts', characters: 40, audioOutMs: 2000 },
    { service: 'llm', provider: '<script>', model: 'x y', requests: 1 },
  ]);
  assert.deepEqual(totals.map((t) => [t.service, t.provider, t.model, t.requests, t.inputTokens, t.outputTokens, t.characters, t.audioOutMs]), [
    ['llm', 'openai', 'gpt-4o-mini', 3, 15, 2, 0, 0],
    ['tts', 'openai', 'gpt-4o-mini-tts', 0, 0, 0, 40, 2000],
    ['llm', 'unknown', '', 1, 0, 0, 0, 0],
  ]);
  assert.deepEqual(addUsage(undefined, []), []);
});

for (const kind of ['postgres', 'pglite'] as const) {
  test(`usage and summary events into the call row and the call view (${kind})`, { timeout: 60_000 }, async () => {
    const h = await setupApi(kind);
    harnesses.push(h);
    const writer = new CallEventWriter(h.db);
    const callId = 'CA' + 'u'.repeat(32);
    // A usage event may come before the call's started event: the row is created for it.
    await writer.write(event(callId, 'agent-w1.1', 1, { usage: { items: [{ service: 'stt', provider: 'openai', model: 'gpt-4o-mini-transcribe', requests: 1, audioInMs: 1200, inputTokens: 12 }] } }));
    await writer.write(event(callId, 'media.1', 2, { started: { transport: 'twilio', direction: 'inbound', from: '+15550001111', to: '+15550002222', agentKind: 'cascaded' } }));
    const second = event(callId, 'agent-w1.2', 3, {
      usage: {
        items: [
          { service: 'llm', provider: 'openai', model: 'gpt-4o-mini', requests: 1, inputTokens: 250, outputTokens: 25, cachedInputTokens: 64 },
          { service: 'stt', provider: 'openai', model: 'gpt-4o-mini-transcribe', requests: 1, audioInMs: 800, inputTokens: 8 },
        ],
      },
    });
    assert.deepEqual(await writer.write(second), { stored: true, kind: 'usage' });
    assert.deepEqual(await writer.write(second), { stored: false, kind: 'usage' }, 'a redelivery is not counted twice');
    await writer.write(event(callId, 'media.2', 4, { ended: { reason: uap.EndReason.CALLER_HANGUP, durationMs: 30_000 } }));
    await writer.write(event(callId, 'agent-w1.3', 5, { summary: { text: '  The caller asked for the opening hours; the agent said nine to five.  ', provider: 'openai', model: 'gpt-4o-mini' } }));
    await writer.write(event(callId, 'agent-w1.4', 6, { usage: { items: [{ service: 'summary', provider: 'openai', model: 'gpt-4o-mini', requests: 1, inputTokens: 90, outputTokens: 20 }] } }));

    const [row] = await h.db.withPlatform((tx) => tx<{ summary: string; metadata: Record<string, unknown>; status: string }[]>`select summary, metadata, status from calls where id = ${callId}`);
    assert.equal(row.summary, 'The caller asked for the opening hours; the agent said nine to five.');
    assert.equal(row.status, 'completed');
    assert.equal(row.metadata.agentKind, 'cascaded', 'other metadata kept');
    assert.deepEqual(row.metadata.summaryBy, { provider: 'openai', model: 'gpt-4o-mini' });
    const zero = { requests: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, inputAudioTokens: 0, outputAudioTokens: 0, audioInMs: 0, audioOutMs: 0, characters: 0, durationMs: 0 };
    assert.deepEqual(row.metadata.usage, [
      { ...zero, service: 'stt', provider: 'openai', model: 'gpt-4o-mini-transcribe', requests: 2, audioInMs: 2000, inputTokens: 20 },
      { ...zero, service: 'llm', provider: 'openai', model: 'gpt-4o-mini', requests: 1, inputTokens: 250, outputTokens: 25, cachedInputTokens: 64 },
      { ...zero, service: 'summary', provider: 'openai', model: 'gpt-4o-mini', requests: 1, inputTokens: 90, outputTokens: 20 },
    ]);
    const [{ n }] = await h.db.withPlatform((tx) => tx<{ n: number }[]>`select count(*)::int as n from call_events where call_id = ${callId} and kind in ('usage', 'summary')`);
    assert.equal(n, 4, 'every usage and summary event stored once');

    // The API's call view shows them.
    const reg = await h.call('POST', '/auth/register', { body: { tenantName: 'Default', tenantSlug: 'default', email: 'me@example.com', password: 'a long passphrase' } });
    assert.equal(reg.statusCode, 201, reg.body);
    const view = await h.call('GET', `/voice/calls/${callId}`, { token: json(reg).accessToken });
    assert.equal(view.statusCode, 200, view.body);
    const c = json(view);
    assert.equal(c.summary, row.summary);
    assert.deepEqual(c.metadata.usage, row.metadata.usage);
  });
}

for (const kind of ['postgres', 'pglite'] as const) {
  test(`recording events: the file is made local, the call's recording_url and metadata point at it, the API serves it (${kind})`, { timeout: 60_000 }, async () => {
    const h = await setupApi(kind);
    harnesses.push(h);
    const dir = join(h.dataDir, 'recordings');
    const callId = 'CA' + 'v'.repeat(32);
    const wav = wavFile([new Int16Array(8000).fill(1000)], 8000);
    // In-process: the agent already wrote the file into RECORDINGS_DIR; the event carries no bucket.
    const name = (await new FileRecordingStore(dir).put(`default/${callId}-voicemail-1.wav`, wav)) && `default/${callId}-voicemail-1.wav`;
    const materialized: string[] = [];
    const store: RecordingStore = {
      kind: 'file',
      put: async () => ({ bucket: '' }),
      materialize: async (n, bucket, bytes) => {
        materialized.push(`${n} ${bucket} ${bytes}`);
        return n === name;
      },
    };
    const writer = new CallEventWriter(h.db, store);
    await writer.write(event(callId, 'media.1', 1, { started: { transport: 'twilio', direction: 'inbound', agentKind: 'offline' } }));
    const rec = event(callId, 'agent-w1.1', 2, { recording: { name, kind: 'voicemail', durationMs: 1000, bytes: wav.length, bucket: '', sampleRate: 8000 } });
    assert.deepEqual(await writer.write(rec), { stored: true, kind: 'recording' });
    assert.deepEqual(await writer.write(rec), { stored: false, kind: 'recording' }, 'a redelivery is a no-op');
    // A recording that is gone (or a name that could leave the directory) is kept as an event only.
    await writer.write(event('CA' + 'w'.repeat(32), 'agent-w1.1', 1, { recording: { name: 'default/gone-voicemail-1.wav', kind: 'voicemail', durationMs: 500, bytes: 100, bucket: 'RECORDINGS' } }));
    await writer.write(event('CA' + 'x'.repeat(32), 'agent-w1.1', 1, { recording: { name: '../../etc/passwd.wav', kind: 'voicemail', durationMs: 500, bytes: 100 } }));
    assert.deepEqual(materialized, [`${name}  ${wav.length}`, `${name}  ${wav.length}`, 'default/gone-voicemail-1.wav RECORDINGS 100'], 'unsafe names never reach the store');

    const rows = await h.db.withPlatform((tx) => tx<{ id: string; recording_url: string | null; metadata: Record<string, unknown> }[]>`select id, recording_url, metadata from calls where id like 'CA%' order by id`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get(callId)!.recording_url, `file:${name}`);
    assert.deepEqual(byId.get(callId)!.metadata.voicemail, { name, kind: 'voicemail', durationMs: 1000, bytes: wav.length, available: true });
    assert.equal(byId.get(callId)!.metadata.agentKind, 'offline', 'other metadata kept');
    assert.equal(byId.get('CA' + 'w'.repeat(32))!.recording_url, null);
    assert.equal((byId.get('CA' + 'w'.repeat(32))!.metadata.voicemail as { available: boolean }).available, false);

    const reg = await h.call('POST', '/auth/register', { body: { tenantName: 'Default', tenantSlug: 'default', email: 'me@example.com', password: 'a long passphrase' } });
    const audio = await h.call('GET', `/voice/calls/${callId}/recording`, { token: json(reg).accessToken });
    assert.equal(audio.statusCode, 200, audio.body);
    assert.equal(audio.headers['content-type'], 'audio/wav');
    assert.deepEqual(audio.rawPayload, wav);
  });
}
