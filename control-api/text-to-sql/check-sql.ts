// Checks SQL an LLM wrote before the database sees it: exactly one plain SELECT over the reporting views,
// built from an allowlist of node types and functions. Parsed by PostgreSQL's own parser (libpg-query,
// WASM), so what is checked is what the server will parse — no regex over SQL text.
//
// Why an allowlist and not only the database's privileges: the generated SQL runs on a connection whose
// session user is the schema owner (PGlite: a superuser). A call like set_config('role', …) or
// set_config('app.tenant_id', …) would leave the restricted role or the tenant, and query_to_xml() /
// ts_stat() run SQL hidden in a string. So only listed functions may be called, only the views may be
// read, and the database's own limits (uap_sql role, RLS, READ ONLY, statement_timeout) are the second line.
import { loadModule, parseSync } from 'libpg-query';
import { SQL_VIEWS } from '../../proto/sql-views.ts';

export const SQL_SCHEMA = 'reporting';
export const MAX_SQL_LENGTH = 4000;

export type SqlCheck = { ok: true; sql: string } | { ok: false; code: 'BAD_SQL' | 'NOT_ALLOWED'; message: string };

const VIEWS = new Set(SQL_VIEWS.map((v) => v.name));

// Parse-tree node types a reporting query needs. Anything else (LockingClause, ParamRef, RangeTableFunc,
// RangeTableSample, XmlExpr, JSON_TABLE, any non-SELECT statement, …) is refused by name.
const NODES = new Set([
  'SelectStmt', 'ResTarget', 'ColumnRef', 'A_Star', 'String', 'Integer', 'Float', 'Boolean', 'A_Const', 'A_Expr',
  'BoolExpr', 'NullTest', 'BooleanTest', 'TypeCast', 'FuncCall', 'SortBy', 'RangeVar', 'JoinExpr', 'RangeSubselect',
  'RangeFunction', 'CommonTableExpr', 'WithClause', 'CaseExpr', 'CaseWhen', 'CoalesceExpr', 'MinMaxExpr', 'SubLink',
  'List', 'SQLValueFunction', 'A_ArrayExpr', 'A_Indirection', 'A_Indices', 'RowExpr', 'CollateClause', 'GroupingSet',
  'WindowDef', 'Alias', 'TypeName',
]);

// Functions (unqualified or pg_catalog.): aggregates, window functions, date/time, text, math, text search.
// Left out on purpose: anything that reads settings or files, runs SQL from a string, sleeps, locks, or
// makes huge values cheaply (set_config, current_setting, query_to_xml, ts_stat, pg_*, dblink, lo_*,
// repeat, lpad/rpad, format with a width, generate_series).
const FUNCTIONS = new Set(`
  count sum avg min max bool_and bool_or every string_agg array_agg json_agg jsonb_agg json_object_agg jsonb_object_agg
  percentile_cont percentile_disc mode stddev stddev_pop stddev_samp variance var_pop var_samp corr
  row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
  now date_trunc date_part extract age to_char to_date to_timestamp to_number make_interval make_date make_time
  make_timestamp make_timestamptz justify_days justify_hours justify_interval date_bin timezone isfinite
  statement_timestamp transaction_timestamp
  lower upper initcap length char_length character_length octet_length substring substr left right position strpos
  trim btrim ltrim rtrim replace split_part concat concat_ws starts_with regexp_replace regexp_match regexp_like
  regexp_count reverse translate overlay similar_to_escape
  abs round ceil ceiling floor trunc mod power sqrt ln log exp sign div width_bucket num_nulls num_nonnulls
  json_build_object jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb
  array_length cardinality unnest array_to_string
  to_tsvector plainto_tsquery websearch_to_tsquery phraseto_tsquery ts_rank ts_headline
`.trim().split(/\s+/));

let ready: Promise<void> | undefined;
/** Loads the parser (WASM, once per process). checkSql() awaits it too; call early to take it off the first request. */
export const loadSqlParser = (): Promise<void> => (ready ??= loadModule());

class Refusal extends Error {}
const refuse = (message: string): never => {
  throw new Refusal(message);
};

const names = (list: unknown): string[] => (Array.isArray(list) ? list.map((n) => (n as { String?: { sval?: string } }).String?.sval ?? '?') : []);

/** A relation reference: a view of the reporting schema, or a CTE in scope. */
function checkRelation(rv: Record<string, unknown>, ctes: ReadonlySet<string>): void {
  const name = String(rv.relname);
  if (rv.catalogname !== undefined) refuse(`${name}: only the views ${[...VIEWS].join(', ')} may be read`);
  if (rv.schemaname !== undefined) {
    if (rv.schemaname !== SQL_SCHEMA || !VIEWS.has(name)) refuse(`${String(rv.schemaname)}.${name}: only the views ${[...VIEWS].join(', ')} may be read`);
    return;
  }
  if (!VIEWS.has(name) && !ctes.has(name)) refuse(`${name}: no such view; only ${[...VIEWS].join(', ')} may be read`);
}

function checkFunction(fc: Record<string, unknown>): void {
  const n = names(fc.funcname);
  const name = n.at(-1) ?? '?';
  const schemaOk = n.length === 1 || (n.length === 2 && n[0] === 'pg_catalog');
  if (!schemaOk || !FUNCTIONS.has(name)) refuse(`function ${n.join('.')}() is not allowed`);
}

/**
 * Walks the tree: PascalCase keys are node types (allowlisted), objects with `relname` are relation
 * references, objects with `funcname` are function calls. CTE names are in scope where SQL puts them:
 * a non-recursive WITH's query sees the CTEs before it, the statement body sees them all.
 */
function walk(node: unknown, ctes: ReadonlySet<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, ctes);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if ('relname' in o) checkRelation(o, ctes);
  if ('funcname' in o) checkFunction(o);
  if ('intoClause' in o) refuse('SELECT INTO is not allowed');
  if ('lockingClause' in o) refuse('FOR UPDATE/SHARE is not allowed');
  if ('withClause' in o && o.withClause) {
    const w = o.withClause as { recursive?: boolean; ctes?: unknown[] };
    if (w.recursive) refuse('WITH RECURSIVE is not allowed');
    const scope = new Set(ctes);
    for (const c of w.ctes ?? []) {
      const cte = (c as { CommonTableExpr?: Record<string, unknown> }).CommonTableExpr;
      if (!cte) refuse('unsupported WITH clause');
      walk(cte!.ctequery, scope);
      scope.add(String(cte!.ctename));
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'withClause') walk(v, scope);
    return;
  }
  for (const [k, v] of Object.entries(o)) {
    if (/^[A-Z]/.test(k) && !NODES.has(k)) refuse(`${k} is not allowed`);
    walk(v, ctes);
  }
}

/** Checks one SQL text; returns it without trailing semicolons, or why it is refused (in words for the LLM). */
export async function checkSql(text: string): Promise<SqlCheck> {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, code: 'BAD_SQL', message: 'empty query' };
  if (text.length > MAX_SQL_LENGTH) return { ok: false, code: 'BAD_SQL', message: `the query is longer than ${MAX_SQL_LENGTH} characters` };
  if (text.includes('\0')) return { ok: false, code: 'BAD_SQL', message: 'the query contains a NUL character' };
  await loadSqlParser();
  let tree: { stmts?: { stmt?: Record<string, unknown> }[] };
  try {
    tree = parseSync(text) as typeof tree;
  } catch (err) {
    return { ok: false, code: 'BAD_SQL', message: `syntax error: ${(err as Error).message}` };
  }
  const stmts = tree.stmts ?? [];
  if (stmts.length !== 1) return { ok: false, code: 'NOT_ALLOWED', message: stmts.length === 0 ? 'empty query' : 'exactly one statement is allowed' };
  const stmt = stmts[0].stmt ?? {};
  if (!('SelectStmt' in stmt)) return { ok: false, code: 'NOT_ALLOWED', message: `only SELECT is allowed (got ${Object.keys(stmt)[0] ?? 'nothing'})` };
  try {
    walk(stmt, new Set());
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, code: 'NOT_ALLOWED', message: err.message };
    throw err;
  }
  return { ok: true, sql: text.replace(/[\s;]+$/, '') };
}
