// Serves `sql.query` on the bus (queue group): agents' query_database tool sends one SELECT the LLM wrote;
// it runs for the call's tenant through runTenantSql() (checked, read-only, restricted role, RLS, limits)
// and the reply carries the rows, or an error text the LLM can act on. The tenant is the request's: only
// agent workers may publish here (NATS permissions), as for kb.search and agent.config.get.
import { uap, subjects } from '../../proto/index.ts';
import type { Bus, BusMsg, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { Counter, Histogram, type Registry } from '../../lib/metrics.ts';
import { isUuid, type Database } from '../db/index.ts';
import { MAX_SQL_LENGTH, loadSqlParser } from './check-sql.ts';
import { DEFAULT_SQL_LIMITS, runTenantSql, type SqlLimits } from './run-sql.ts';

export class SqlQueryService {
  private sub: Subscription | undefined;
  private readonly queries: Counter;
  private readonly seconds: Histogram;

  constructor(private readonly db: Database, private readonly bus: Bus, private readonly log: Logger, registry?: Registry, private readonly limits: Partial<SqlLimits> = {}) {
    const registers = registry ? [registry] : [];
    this.queries = new Counter({ name: 'uap_sql_queries_total', help: 'sql.query requests by outcome (ok, or the error code)', labelNames: ['outcome'], registers });
    this.seconds = new Histogram({ name: 'uap_sql_query_seconds', help: 'sql.query time in the control API', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers });
  }

  start(): void {
    this.sub = this.bus.subscribe(subjects.sqlQuery, (m) => void this.onRequest(m), { queue: 'sql-query' });
    // The parser is WASM: load it now rather than on the first call's query.
    loadSqlParser().catch((err: unknown) => this.log.error({ err }, 'SQL parser failed to load: sql.query will answer UNAVAILABLE'));
  }

  stop(): void {
    this.sub?.unsubscribe();
    this.sub = undefined;
  }

  private async onRequest(m: BusMsg): Promise<void> {
    const t0 = performance.now();
    const reply = await this.handle(m.data);
    m.respond(uap.SqlQueryReply.encode(reply).finish());
    this.queries.labels(reply.ok ? 'ok' : reply.errorCode || 'error').inc();
    this.seconds.observe((performance.now() - t0) / 1000);
  }

  /** Decodes, validates and answers one request; never throws. */
  async handle(data: Uint8Array): Promise<uap.ISqlQueryReply> {
    let req: uap.SqlQueryRequest;
    try {
      req = uap.SqlQueryRequest.decode(data);
    } catch {
      return bad('undecodable request');
    }
    if (!isUuid(req.tenantId)) return bad('tenant_id must be a tenant id');
    if (req.sql.trim() === '' || req.sql.length > MAX_SQL_LENGTH) return bad(`sql must be 1-${MAX_SQL_LENGTH} characters`);
    const maxRows = Math.min(req.maxRows || DEFAULT_SQL_LIMITS.maxRows, this.limits.maxRows ?? DEFAULT_SQL_LIMITS.maxRows);
    try {
      const r = await runTenantSql(this.db, req.tenantId, req.sql, { ...this.limits, maxRows });
      if (!r.ok) {
        this.log.info({ tenantId: req.tenantId, callId: req.callId, code: r.code, reason: r.message.slice(0, 200) }, 'sql.query refused or failed');
        return { ok: false, errorCode: r.code, errorMessage: r.message };
      }
      return { ok: true, columns: r.columns, rowsJson: JSON.stringify(r.rows), rowCount: r.rows.length, truncated: r.truncated };
    } catch (err) {
      this.log.error({ err, tenantId: req.tenantId, callId: req.callId }, 'sql.query failed');
      return { ok: false, errorCode: 'UNAVAILABLE', errorMessage: 'the database is unavailable right now' };
    }
  }
}

const bad = (errorMessage: string): uap.ISqlQueryReply => ({ ok: false, errorCode: 'BAD_REQUEST', errorMessage });
