// The tenant's data as agent tools see it: knowledge search (kb.search) and read-only SQL (sql.query),
// both answered by the control API, which owns the data and enforces the tenant. Behind an interface so
// tools can be tested without a bus; the worker gives each call one bound to the call's tenant.
import { uap, subjects } from '../../proto/index.ts';
import type { Bus } from '../../lib/bus/types.ts';

export interface KbSearchArgs {
  query: string;
  topK: number;
  collection?: string;
  /** The asking agent (its own documents and the tenant-wide ones); absent: tenant-wide only. */
  agentConfigId?: string;
}

export interface DataTools {
  /** Rejects with the bus's errors (BusTimeoutError, BusNoRespondersError, …). */
  kbSearch(args: KbSearchArgs, timeoutMs: number): Promise<uap.KbSearchReply>;
  sqlQuery(sql: string, maxRows: number, timeoutMs: number): Promise<uap.SqlQueryReply>;
}

export function busDataTools(bus: Bus, tenantId: string, callId: string): DataTools {
  return {
    async kbSearch(a, timeoutMs) {
      const req = uap.KbSearchRequest.encode({ tenantId, callId, query: a.query, topK: a.topK, collection: a.collection ?? '', agentConfigId: a.agentConfigId ?? '' }).finish();
      return uap.KbSearchReply.decode(await bus.request(subjects.kbSearch, req, { timeoutMs }));
    },
    async sqlQuery(sql, maxRows, timeoutMs) {
      const req = uap.SqlQueryRequest.encode({ tenantId, callId, sql, maxRows }).finish();
      return uap.SqlQueryReply.decode(await bus.request(subjects.sqlQuery, req, { timeoutMs }));
    },
  };
}
