// Keyset pagination for every list. The cursor is opaque to clients (base64url of JSON {t, id}) and names
// the last row served, ordered by (time, id) descending — stable under inserts, unlike OFFSET.
import { Type, type Static, type TSchema, type TProperties, type TObject } from '@sinclair/typebox';
import { ApiError } from './errors.ts';

export interface Cursor {
  /** Sort time of the last row, as the database gave it (a string keeps microsecond precision). */
  t: string;
  /** Id of the last row: the tie-breaker between rows with the same time. */
  id: string;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_CURSOR_LENGTH = 512;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ t: c.t, id: c.id }), 'utf8').toString('base64url');
}

const badCursor = () => new ApiError('BAD_CURSOR', { detail: 'The cursor is not one this API returned' });

/** Decodes a client-supplied cursor; anything malformed is a 400 BAD_CURSOR, never a 500. */
export function decodeCursor(s: string): Cursor {
  if (s.length === 0 || s.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(s)) throw badCursor();
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badCursor();
  const { t, id } = v as Record<string, unknown>;
  if (typeof t !== 'string' || Number.isNaN(Date.parse(t)) || typeof id !== 'string' || id.length === 0 || id.length > 200) throw badCursor();
  return { t, id };
}

/** The page parameters of a validated query: the limit (defaulted) and the decoded cursor. */
export function pageParams(q: { limit?: number; cursor?: string }): { limit: number; after: Cursor | null } {
  return { limit: q.limit ?? DEFAULT_LIMIT, after: q.cursor === undefined ? null : decodeCursor(q.cursor) };
}

export const PageQueryProperties = {
  // Optional in the schema (and the docs); ajv's useDefaults fills in the default anyway.
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: 'Page size' })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_CURSOR_LENGTH, description: 'nextCursor of the previous page' })),
};

export const PageQuery = Type.Object(PageQueryProperties, { additionalProperties: false });
export type PageQuery = Static<typeof PageQuery>;

/** A list's query string: the page parameters plus that list's filters, unknown parameters rejected. */
export function ListQuery<F extends TProperties>(filters: F): TObject<typeof PageQueryProperties & F> {
  return Type.Object({ ...PageQueryProperties, ...filters }, { additionalProperties: false });
}

/** `{ items, nextCursor }`; nextCursor is null on the last page. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object(
    { items: Type.Array(item), nextCursor: Nullable('string', { description: 'Pass as `cursor` for the next page; null at the end' }) },
    { additionalProperties: false },
  );
}

/**
 * Builds a page from rows fetched with `LIMIT limit + 1`: the extra row only says whether another page
 * exists, so the last page never ends in an empty request.
 */
export function toPage<R, I = R>(rows: R[], limit: number, keyOf: (row: R) => Cursor, map: (row: R) => I = (r) => r as unknown as I): { items: I[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return { items: pageRows.map(map), nextCursor: more ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}

/**
 * A nullable value as `type: [T, 'null']` rather than `anyOf`: fast-json-stringify serializes type
 * arrays directly, while every `anyOf` costs an ajv validation per field per row when responding.
 */
export function Nullable<T extends 'string' | 'integer' | 'number' | 'boolean'>(type: T, extra: Record<string, unknown> = {}) {
  type V = T extends 'string' ? string : T extends 'boolean' ? boolean : number;
  return Type.Unsafe<V | null>({ type: [type, 'null'], ...extra });
}
