// Small pieces shared by the management routes (tenants, users, phone numbers, agent configs).
import { Type } from '@sinclair/typebox';
import type { Actor } from '../auth/rbac.ts';
import { forbidden } from '../http/errors.ts';
import { Nullable, type Cursor } from '../http/pagination.ts';
import type { Tx } from '../db/index.ts';

export const DateTime = Type.String({ format: 'date-time' });
export const Uuid = Type.String({ format: 'uuid' });
/** string or null as `type: ['string', 'null']` (serialized directly; an anyOf costs a validation per field). */
export const NullableString = (extra: Record<string, unknown> = {}) => Nullable('string', extra);
export const NoQuery = Type.Object({}, { additionalProperties: false });
/** A JSON object of anything (settings, branding); unknown keys are the point here, so no additionalProperties. */
export const JsonObject = (description?: string) => Type.Record(Type.String(), Type.Unknown(), { maxProperties: 200, ...(description ? { description } : {}) });

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The tenant a request works on: the caller's own. Platform admins belonging to no tenant get a 403. */
export function tenantOf(actor: Actor): string {
  if (!actor.tenantId) throw forbidden('this endpoint works on a tenant; sign in as a tenant user or use a tenant API key');
  return actor.tenantId;
}

/** PostgreSQL unique_violation (e.g. a number another tenant holds: RLS hides the row, not the constraint). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/** created_at as ISO text with microseconds; select it as `${tx.unsafe(CURSOR_T)} as cursor_t`. */
export const cursorText = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export const CURSOR_T = cursorText('created_at');

/**
 * Rows carry `cursor_t`, created_at as text with microseconds (see CURSOR_T): a millisecond ISO string
 * would skip rows created in the same millisecond as the last row of a page (e.g. one transaction's rows,
 * which share now()). Compare with `${after.t}::text::timestamptz`: with a bare `::timestamptz` the
 * `postgres` client learns the parameter is a timestamp and sends it through a JS Date — milliseconds again.
 */
export const cursorOf = (r: { cursor_t: string; id: string }): Cursor => ({ t: r.cursor_t, id: r.id });

/**
 * The keyset condition for the page after `after` on (created_at desc, id desc) with a uuid id — `true`
 * on the first page. Goes with CURSOR_T/cursorOf (microsecond cursors, compared as text::timestamptz).
 */
export const createdBefore = (tx: Tx, after: Cursor | null) =>
  after ? tx`(created_at, id) < (${after.t}::text::timestamptz, ${after.id}::uuid)` : tx`true`;
