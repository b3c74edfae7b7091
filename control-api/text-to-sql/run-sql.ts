// Runs one checked SELECT for a tenant, fenced in by the database as well as by checkSql():
//   - withTenant(…, { readOnly: true }): a READ ONLY transaction with app.tenant_id set (RLS);
//   - SET LOCAL ROLE uap_sql: may read the reporting views' columns and nothing else, not even as uap_app;
//   - search_path = reporting, pg_catalog: unqualified names are the views;
//   - statement_timeout (PostgreSQL; PGlite does not enforce it — measured — hence also the cost cap);
//   - the planner's cost estimate must be under maxCost (EXPLAIN first), so a cross join over big tables
//     is refused before it runs. EXPLAIN plans as the owner, over every tenant's rows: under RLS the
//     planner guesses the tenant filter keeps 0.5 % of a table and would wave expensive queries through;
//     planning runs nothing, and the query has passed checkSql();
//   - extended protocol (one Parse: several statements are an error), rows fetched through a portal that
//     stops after maxRows + 1, cells and the whole result size-capped.
// Errors the query caused come back as text the LLM can act on; infrastructure failures throw.
import type { Database, Tx } from '../db/index.ts';
import { checkSql, SQL_SCHEMA } from './check-sql.ts';

export const SQL_ROLE = 'uap_sql';

export interface SqlLimits {
  /** Rows returned at most (default 100). */
  maxRows: number;
  /** JSON size of the returned rows at most, in characters (default 32 KiB). */
  maxChars: number;
  /** Longest text cell; longer ones are cut with "…" (default 2000). */
  maxCellChars: number;
  /** statement_timeout in ms (default 2000). */
  timeoutMs: number;
  /** Planner total cost above which the query is refused (default 1e6). */
  maxCost: number;
}

export const DEFAULT_SQL_LIMITS: SqlLimits = { maxRows: 100, maxChars: 32 * 1024, maxCellChars: 2000, timeoutMs: 2000, maxCost: 1e6 };

export type SqlErrorCode = 'BAD_SQL' | 'NOT_ALLOWED' | 'TOO_EXPENSIVE' | 'TIMEOUT' | 'QUERY_FAILED';
export type SqlResult =
  | { ok: true; columns: string[]; rows: unknown[][]; truncated: boolean }
  | { ok: false; code: SqlErrorCode; message: string };

// postgres' typings know only `prepare`; `simple: false` forces the extended protocol (one statement).
const EXTENDED = { simple: false } as { prepare?: boolean };

interface PgError {
  name: string;
  code?: string;
  message: string;
  position?: string;
  hint?: string;
}
const EXPLAIN = 'explain (format json) ';
const isPgError = (e: unknown): e is PgError => e instanceof Error && e.name === 'PostgresError';
/** SQLSTATE classes of server trouble (connection, resources, system, internal): not the query's fault. */
const INFRASTRUCTURE = /^(08|53|57P|58|XX)/;

export async function runTenantSql(db: Database, tenantId: string, text: string, limits: Partial<SqlLimits> = {}): Promise<SqlResult> {
  const l = { ...DEFAULT_SQL_LIMITS, ...limits };
  const checked = await checkSql(text);
  if (!checked.ok) return checked;
  // Errors of the setup (role, settings) are ours; only those of the query are the LLM's to fix.
  const state = { phase: 'setup' as 'setup' | 'plan' | 'query' };
  try {
    return await db.withTenant(tenantId, async (tx) => {
      await tx`select set_config('role', 'none', true), set_config('search_path', ${`${SQL_SCHEMA}, pg_catalog`}, true),
        set_config('statement_timeout', ${String(l.timeoutMs)}, true)`;
      state.phase = 'plan';
      const cost = await planCost(tx, checked.sql);
      // The figure is not told: it is an estimate over every tenant's rows.
      if (cost > l.maxCost) {
        return { ok: false, code: 'TOO_EXPENSIVE', message: 'the query is estimated to be too expensive: filter more (e.g. by started_at), aggregate, or avoid cross joins' } as const;
      }
      state.phase = 'setup';
      await tx`select set_config('role', ${SQL_ROLE}, true)`;
      state.phase = 'query';
      return fetchRows(tx, checked.sql, l);
    }, { readOnly: true });
  } catch (err) {
    if (state.phase !== 'setup' && isPgError(err) && !INFRASTRUCTURE.test(err.code ?? '')) {
      if (err.code === '57014') return { ok: false, code: 'TIMEOUT', message: `the query ran longer than ${l.timeoutMs} ms and was cancelled` };
      const pos = Number(err.position) - (state.phase === 'plan' ? EXPLAIN.length : 0);
      const where = pos > 0 ? ` (at character ${pos})` : '';
      return { ok: false, code: 'QUERY_FAILED', message: `${err.message}${where}${err.hint ? `; hint: ${err.hint}` : ''}` };
    }
    throw err;
  }
}

async function planCost(tx: Tx, sql: string): Promise<number> {
  const rows = await tx.unsafe(EXPLAIN + sql, [], EXTENDED);
  const plan = (rows[0] as Record<string, unknown> | undefined)?.['QUERY PLAN'] as { Plan?: { 'Total Cost'?: number } }[] | undefined;
  const cost = plan?.[0]?.Plan?.['Total Cost'];
  return typeof cost === 'number' ? cost : Number.POSITIVE_INFINITY;
}

async function fetchRows(tx: Tx, sql: string, l: SqlLimits): Promise<SqlResult> {
  let columns: string[] | undefined;
  let fetched: unknown[][] = [];
  // A portal that stops after maxRows + 1: the extra row only tells that there were more. Rows as
  // arrays: a result may repeat a column name (`select a.id, b.id`).
  for await (const batch of tx.unsafe(sql, [], EXTENDED).values().cursor(l.maxRows + 1)) {
    columns = (batch as unknown as { columns: { name: string }[] }).columns.map((c) => c.name);
    fetched = batch as unknown[][];
    break;
  }
  columns ??= (await tx.unsafe(sql, [], EXTENDED).describe()).columns.map((c) => c.name);
  let truncated = fetched.length > l.maxRows;
  const rows: unknown[][] = [];
  let size = 2;
  for (const r of fetched.slice(0, l.maxRows)) {
    const row = r.map((v) => cell(v, l.maxCellChars));
    size += JSON.stringify(row).length + 1;
    if (size > l.maxChars) {
      truncated = true;
      break;
    }
    rows.push(row);
  }
  return { ok: true, columns, rows, truncated };
}

function cell(v: unknown, max: number): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (Buffer.isBuffer(v)) return `<${v.length} bytes>`;
  if (typeof v === 'string') return v.length > max ? `${v.slice(0, max)}…` : v;
  if (typeof v === 'bigint') return v.toString();
  if (v !== null && typeof v === 'object') {
    const s = JSON.stringify(v);
    return s.length > max ? `${s.slice(0, max)}…` : v;
  }
  return v;
}
