// Usage and summary events into call history, on PostgreSQL and PGlite: Usage deltas are summed into
// calls.metadata.usage per service, provider and model (a redelivered event counts once), the summary
// sets calls.summary, and GET /voice/calls/{id} shows both.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { CallEventWriter } from './event-writer.ts';
import { addUsage } from './usage-totals.ts';
import { setupApi, json, type ApiHarness } from '../test-support.ts';
import { uap } from '../../proto/index.ts';

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
