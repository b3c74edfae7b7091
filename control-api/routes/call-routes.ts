// /voice/calls: call history built from the durable event stream — list with filters and cursor
// pagination, one call, and its transcript (turns plus DTMF and other events in order).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import { notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Nullable, Page, pageParams, toPage } from '../http/pagination.ts';
import { cursorText, DateTime, tenantOf } from './admin-common.ts';
import { CallParams, CallSchema, toCall, type CallRow } from './call-view.ts';
import type { CallListCache } from '../history/call-list-cache.ts';

const CURSOR_STARTED = cursorText('started_at');
const isoText = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * The list's rows come out of PostgreSQL already shaped as the API's Call (camelCase, timestamps as ISO
 * text): formatting runs in the database process instead of the API's single thread, and no Date
 * objects are built per row.
 */
const LIST_COLUMNS = `id, direction, from_number as "from", to_number as "to", status, ${isoText('started_at')} as "startedAt",
  ${isoText('answered_at')} as "answeredAt", ${isoText('ended_at')} as "endedAt", duration_ms::int as "durationMs", end_reason as "endReason",
  recording_url as "recordingUrl", summary, agent_config_id::text as "agentConfigId", provider_call_id as "providerCallId", metadata,
  ${CURSOR_STARTED} as cursor_t`;
type ListRow = ReturnType<typeof toCall> & { cursor_t: string };

const Call = CallSchema;

/** listCache: rendered pages kept per tenant and query until the tenant's calls change (API_LIST_CACHE). */
export function callRoutes(db: Database, listCache?: CallListCache): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const guards = [requireRole('viewer'), requireScope('calls:read')];

    r.get('/voice/calls', {
      onRequest: guards,
      schema: {
        tags: ['calls'],
        summary: 'List calls, newest first',
        querystring: ListQuery({
          status: Type.Optional(Type.String({ maxLength: 32 })),
          direction: Type.Optional(Type.Union([Type.Literal('inbound'), Type.Literal('outbound')])),
          from: Type.Optional(Type.String({ maxLength: 64 })),
          to: Type.Optional(Type.String({ maxLength: 64 })),
          since: Type.Optional(DateTime),
          until: Type.Optional(DateTime),
        }),
        response: { 200: Page(Call), ...problemResponses(400, 401, 403) },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const q = req.query;
      const { limit, after } = pageParams(q);
      const filtered = q.status || q.direction || q.from || q.to || q.since || q.until || after;
      const list = () => db.withTenant(tenant, (tx) => filtered ? tx<ListRow[]>`
        select ${tx.unsafe(LIST_COLUMNS)} from calls where true
          ${q.status ? tx`and status = ${q.status}` : tx``}
          ${q.direction ? tx`and direction = ${q.direction}` : tx``}
          ${q.from ? tx`and from_number = ${q.from}` : tx``}
          ${q.to ? tx`and to_number = ${q.to}` : tx``}
          ${q.since ? tx`and started_at >= ${q.since}::timestamptz` : tx``}
          ${q.until ? tx`and started_at < ${q.until}::timestamptz` : tx``}
          ${after ? tx`and (started_at, id) < (${after.t}::text::timestamptz, ${after.id})` : tx``}
        order by started_at desc, id desc limit ${limit + 1}`
        // The first page without filters (the common request) needs no query fragments.
        : tx<ListRow[]>`select ${tx.unsafe(LIST_COLUMNS)} from calls order by started_at desc, id desc limit ${limit + 1}`, { readOnly: true })
        // The cursor keeps microseconds (see admin-common.ts), so rows sharing a millisecond are not skipped.
        // fast-json-stringify writes only the schema's properties, so cursor_t never reaches the client.
        .then((rows) => toPage(rows, limit, (c) => ({ t: c.cursor_t, id: c.id })));
      if (!listCache) return list();
      // The query as validated (ajv filled in defaults), in a fixed order: equal queries share a page.
      const key = `${limit}|${q.cursor ?? ''}|${q.status ?? ''}|${q.direction ?? ''}|${q.from ?? ''}|${q.to ?? ''}|${q.since ?? ''}|${q.until ?? ''}`;
      const page = await listCache.page(tenant, key, async () => Buffer.from(reply.serialize(await list()) as string));
      // A Buffer is sent as it is (fastify serializes only objects): the bytes were serialized by this route.
      return reply.type('application/json; charset=utf-8').send(page.body as never);
    });

    r.get('/voice/calls/:callId', {
      onRequest: guards,
      schema: { tags: ['calls'], summary: 'One call', params: CallParams, querystring: Type.Object({}, { additionalProperties: false }), response: { 200: Call, ...problemResponses(401, 403, 404) } },
    }, async (req) => {
      const [row] = await db.withTenant(tenantOf(req.actor!), (tx) => tx<CallRow[]>`select * from calls where id = ${req.params.callId}`, { readOnly: true });
      if (!row) throw notFound('no such call');
      return toCall(row);
    });

    r.get('/voice/calls/:callId/transcript', {
      onRequest: guards,
      schema: {
        tags: ['calls'],
        summary: "A call's transcript turns and its events (DTMF, marks, status changes), in order",
        params: CallParams,
        querystring: Type.Object({}, { additionalProperties: false }),
        response: {
          200: Type.Object(
            {
              callId: Type.String(),
              turns: Type.Array(Type.Object({ role: Type.String(), text: Type.String(), startMs: Nullable('integer'), endMs: Nullable('integer'), interrupted: Type.Boolean() }, { additionalProperties: false })),
              events: Type.Array(Type.Object({ kind: Type.String(), seq: Type.Integer(), at: DateTime, data: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: false })),
            },
            { additionalProperties: false },
          ),
          ...problemResponses(401, 403, 404),
        },
      },
    }, async (req) => {
      const id = req.params.callId;
      const out = await db.withTenant(tenantOf(req.actor!), async (tx) => {
        const [call] = await tx`select id from calls where id = ${id}`;
        if (!call) return null;
        const turns = await tx<{ role: string; text: string; started_ms: number | null; ended_ms: number | null; interrupted: boolean }[]>`
          select role, text, started_ms, ended_ms, interrupted from transcript_turns where call_id = ${id} order by started_ms nulls last, id`;
        const events = await tx<{ kind: string; seq: string; ts: Date; payload: Record<string, unknown> }[]>`
          select kind, seq, ts, payload from call_events where call_id = ${id} order by ts, seq`;
        return { turns, events };
      }, { readOnly: true });
      if (!out) throw notFound('no such call');
      return {
        callId: id,
        turns: out.turns.map((t) => ({ role: t.role, text: t.text, startMs: t.started_ms, endMs: t.ended_ms, interrupted: t.interrupted })),
        events: out.events.map((e) => ({ kind: e.kind, seq: Number(e.seq), at: e.ts.toISOString(), data: e.payload })),
      };
    });
  };
}
