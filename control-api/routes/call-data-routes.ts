// Call data:
//   GET /voice/calls/:callId/recording   the call's recording from RECORDINGS_DIR, with HTTP Range support
//   GET /voice/calls/analytics           counts, durations and outcomes over a window, per day in a time zone
//
// Recordings: calls.recording_url refers to a local file as `file:<name>` (or a bare `<name>`), where <name>
// is a path relative to RECORDINGS_DIR made of segments [A-Za-z0-9_][A-Za-z0-9._-]* joined by '/', ending in
// .wav or .mp3 (e.g. `file:acme/CA0123….wav`). Anything else — absolute paths, `file://…`, `..`, hidden
// segments, other URL schemes such as Twilio's https RecordingUrl — is not served here (404). The resolved
// file must also lie inside RECORDINGS_DIR after symlinks are followed, and be a regular file.
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { resolve, sep, basename } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import type { FeatureFlags } from '../auth/features.ts';
import { ApiError, badRequest, notFound, problemResponses } from '../http/errors.ts';
import { CallParams } from './call-view.ts';
import { tenantOf } from './admin-common.ts';

export interface CallDataOptions {
  /** Tenant feature flags: `analytics: false` / `recordings: false` turn those endpoints off. */
  features?: FeatureFlags;
  db: Database;
  recordingsDir: string;
}

// ---- recordings ----

const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9._-]*';
const NAME = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*\\.(wav|mp3)$`, 'i');
const TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' };

/** The file name a recording_url refers to, or null when it is not a servable local reference. */
export function recordingName(ref: string | null): string | null {
  if (!ref) return null;
  let name: string;
  if (ref.startsWith('file:')) name = ref.slice('file:'.length);
  else if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref)) return null; // another scheme: a remote recording
  else name = ref;
  if (name.length === 0 || name.length > 255 || !NAME.test(name)) return null;
  return name;
}

export interface OpenRecording {
  fh: FileHandle;
  size: number;
  mtime: Date;
  contentType: string;
  fileName: string;
}

/** Opens the recording inside `dir`; null when the reference is not servable or the file is missing. */
export async function openRecording(dir: string, ref: string | null): Promise<OpenRecording | null> {
  const name = recordingName(ref);
  if (!name) return null;
  const root = resolve(dir);
  const path = resolve(root, name);
  if (!path.startsWith(root + sep)) return null;
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
  } catch {
    return null; // missing file or directory
  }
  if (!real.startsWith(realRoot + sep)) return null; // a symlink out of the directory
  let fh: FileHandle;
  try {
    fh = await open(real, 'r');
  } catch {
    return null;
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    return null;
  }
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return { fh, size: st.size, mtime: st.mtime, contentType: TYPES[ext], fileName: basename(name) };
}

export type RangeResult = { kind: 'none' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One `Range: bytes=…` header against a representation of `size` bytes (RFC 9110 §14). Other units,
 * malformed syntax and multiple ranges are ignored (the whole file is served); a well-formed range that
 * selects nothing (first byte past the end, last < first, `-0`) is unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'none' };
  const m = /^\s*bytes\s*=\s*(.*?)\s*$/i.exec(header);
  if (!m || m[1].includes(',')) return { kind: 'none' };
  const r = /^(\d*)\s*-\s*(\d*)$/.exec(m[1]);
  if (!r || (r[1] === '' && r[2] === '')) return { kind: 'none' };
  if (r[1] === '') {
    const n = Number(r[2]);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(r[1]);
  const last = r[2] === '' ? Infinity : Number(r[2]);
  if (last < start || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: Math.min(last, size - 1) };
}

// ---- analytics ----

const MAX_WINDOW_MS = 366 * 24 * 3600 * 1000;
const DEFAULT_WINDOW_MS = 30 * 24 * 3600 * 1000;

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const Count = Type.Integer({ minimum: 0 });
const NullableInt = Type.Unsafe<number | null>({ type: ['integer', 'null'] });
const Analytics = Type.Object(
  {
    since: Type.String({ format: 'date-time' }),
    until: Type.String({ format: 'date-time' }),
    tz: Type.String(),
    totals: Type.Object(
      {
        calls: Count,
        inbound: Count,
        outbound: Count,
        completed: Count,
        totalDurationMs: Count,
        averageDurationMs: { ...NullableInt, description: 'Over the calls that have a duration; null when none has' },
      },
      { additionalProperties: false },
    ),
    outcomes: Type.Object(
      {
        byStatus: Type.Array(Type.Object({ status: Type.String(), count: Count }, { additionalProperties: false })),
        byEndReason: Type.Array(Type.Object({ endReason: Type.Unsafe<string | null>({ type: ['string', 'null'] }), count: Count }, { additionalProperties: false })),
      },
      { additionalProperties: false },
    ),
    days: Type.Array(
      Type.Object(
        {
          date: Type.String({ description: 'Local date in `tz`, YYYY-MM-DD' }),
          start: Type.String({ format: 'date-time', description: 'The instant that day starts in `tz`' }),
          calls: Count,
          completed: Count,
          totalDurationMs: Count,
          averageDurationMs: NullableInt,
        },
        { additionalProperties: false },
      ),
      { description: 'Days with at least one call, oldest first' },
    ),
  },
  { additionalProperties: false },
);

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const avg = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v)));

export function callDataRoutes(o: CallDataOptions): FastifyPluginAsync {
  const { db } = o;
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const guards = [requireRole('viewer'), requireScope('calls:read')];

    const gate = (f: string) => (o.features ? [...guards, o.features.require(f)] : guards);
    r.get('/voice/calls/analytics', {
      onRequest: gate('analytics'),
      schema: {
        tags: ['calls'],
        summary: 'Call counts, durations and outcomes, per day',
        description: 'Calls that started in [since, until) (default: the last 30 days, at most 366), grouped by local day in `tz` (IANA name, default UTC).',
        querystring: Type.Object(
          {
            since: Type.Optional(Type.String({ format: 'date-time' })),
            until: Type.Optional(Type.String({ format: 'date-time' })),
            tz: Type.String({ default: 'UTC', maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$', description: 'IANA time zone, e.g. Europe/Paris' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Analytics, ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const { tz } = req.query;
      const until = req.query.until ? new Date(req.query.until) : new Date();
      const since = req.query.since ? new Date(req.query.since) : new Date(until.getTime() - DEFAULT_WINDOW_MS);
      if (!(since < until)) throw new ApiError('BAD_REQUEST', { detail: 'since must be before until', errors: [{ in: 'querystring', path: '/since', message: 'must be before until' }] });
      if (until.getTime() - since.getTime() > MAX_WINDOW_MS) throw new ApiError('BAD_REQUEST', { detail: 'the window is longer than 366 days', errors: [{ in: 'querystring', path: '/until', message: 'at most 366 days after since' }] });
      if (!validTimeZone(tz)) throw new ApiError('BAD_REQUEST', { detail: `unknown time zone "${tz}"`, errors: [{ in: 'querystring', path: '/tz', message: 'is not an IANA time zone' }] });
      let out;
      try {
        out = await db.withTenant(tenant, async (tx) => {
          const [totals] = await tx<{ calls: number; inbound: number; outbound: number; completed: number; total_ms: number | null; avg_ms: number | null }[]>`
            select count(*)::int as calls,
                   count(*) filter (where direction = 'inbound')::int as inbound,
                   count(*) filter (where direction = 'outbound')::int as outbound,
                   count(*) filter (where status = 'completed')::int as completed,
                   coalesce(sum(duration_ms), 0)::float8 as total_ms,
                   avg(duration_ms)::float8 as avg_ms
            from calls where started_at >= ${since} and started_at < ${until}`;
          const byStatus = await tx<{ status: string; count: number }[]>`
            select status, count(*)::int as count from calls where started_at >= ${since} and started_at < ${until}
            group by status order by count desc, status`;
          const byEndReason = await tx<{ end_reason: string | null; count: number }[]>`
            select end_reason, count(*)::int as count from calls where started_at >= ${since} and started_at < ${until}
            group by end_reason order by count desc, end_reason nulls last`;
          // Group on the truncated instant (a subquery: the tz parameter must not appear twice in GROUP BY).
          const days = await tx<{ day: Date; date: string; calls: number; completed: number; total_ms: number | null; avg_ms: number | null }[]>`
            select d.day, to_char(d.day at time zone ${tz}, 'YYYY-MM-DD') as date, count(*)::int as calls,
                   count(*) filter (where d.status = 'completed')::int as completed,
                   coalesce(sum(d.duration_ms), 0)::float8 as total_ms, avg(d.duration_ms)::float8 as avg_ms
            from (select date_trunc('day', started_at, ${tz}) as day, status, duration_ms
                  from calls where started_at >= ${since} and started_at < ${until}) d
            group by d.day order by d.day`;
          return { totals, byStatus, byEndReason, days };
        }, { readOnly: true });
      } catch (err) {
        // The database may not know a zone ICU knows (22023: time zone not recognized).
        if ((err as { code?: string }).code === '22023') throw badRequest(`the database does not know the time zone "${tz}"`);
        throw err;
      }
      return {
        since: since.toISOString(),
        until: until.toISOString(),
        tz,
        totals: {
          calls: out.totals.calls,
          inbound: out.totals.inbound,
          outbound: out.totals.outbound,
          completed: out.totals.completed,
          totalDurationMs: num(out.totals.total_ms),
          averageDurationMs: avg(out.totals.avg_ms),
        },
        outcomes: {
          byStatus: out.byStatus.map((s) => ({ status: s.status, count: s.count })),
          byEndReason: out.byEndReason.map((e) => ({ endReason: e.end_reason, count: e.count })),
        },
        days: out.days.map((d) => ({ date: d.date, start: d.day.toISOString(), calls: d.calls, completed: d.completed, totalDurationMs: num(d.total_ms), averageDurationMs: avg(d.avg_ms) })),
      };
    });

    const Audio = { type: 'string', format: 'binary' } as const;
    r.get('/voice/calls/:callId/recording', {
      onRequest: gate('recordings'),
      schema: {
        tags: ['calls'],
        summary: "The call's recording (audio/wav or audio/mpeg), with Range support",
        description: 'Send `Range: bytes=first-last` (or `bytes=-suffix`) for part of the file: 206 with Content-Range; 416 when the range selects nothing.',
        params: CallParams,
        querystring: Type.Object({}, { additionalProperties: false }),
        response: {
          200: { description: 'The whole recording', content: { 'audio/wav': { schema: Audio }, 'audio/mpeg': { schema: Audio } } },
          206: { description: 'Part of the recording (Content-Range)', content: { 'audio/wav': { schema: Audio }, 'audio/mpeg': { schema: Audio } } },
          ...problemResponses(401, 403, 404, 416),
        },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const [row] = await db.withTenant(tenant, (tx) => tx<{ recording_url: string | null }[]>`select recording_url from calls where id = ${req.params.callId}`, { readOnly: true });
      if (!row) throw notFound('no such call');
      const rec = await openRecording(o.recordingsDir, row.recording_url);
      if (!rec) {
        if (row.recording_url && !recordingName(row.recording_url)) req.log.info({ callId: req.params.callId }, 'recording reference is not a local file; not served');
        throw notFound(row.recording_url ? 'the recording is not available here' : 'the call has no recording');
      }
      const etag = `"${rec.size.toString(16)}-${Math.floor(rec.mtime.getTime()).toString(16)}"`;
      const lastModified = rec.mtime.toUTCString();
      const ifRange = req.headers['if-range'];
      const rangeHeader = ifRange === undefined || ifRange === etag || ifRange === lastModified ? req.headers.range : undefined;
      const range = parseRange(rangeHeader, rec.size);
      void reply.headers({
        'accept-ranges': 'bytes',
        etag,
        'last-modified': lastModified,
        'cache-control': 'private, no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (range.kind === 'unsatisfiable') {
        await rec.fh.close();
        throw new ApiError('CLIENT_ERROR', { status: 416, detail: `The range does not overlap the recording (${rec.size} bytes)`, headers: { 'content-range': `bytes */${rec.size}`, 'accept-ranges': 'bytes' } });
      }
      const start = range.kind === 'range' ? range.start : 0;
      const end = range.kind === 'range' ? range.end : rec.size - 1;
      void reply.type(rec.contentType).header('content-disposition', `inline; filename="${rec.fileName}"`).header('content-length', String(Math.max(0, end - start + 1)));
      if (range.kind === 'range') void reply.code(206).header('content-range', `bytes ${start}-${end}/${rec.size}`);
      if (rec.size === 0) {
        await rec.fh.close();
        return (reply as FastifyReply).send(Buffer.alloc(0));
      }
      // Bytes, not the schema's JSON: the typed reply only knows `string` for binary bodies.
      return (reply as FastifyReply).send(rec.fh.createReadStream({ start, end }));
    });
  };
}
