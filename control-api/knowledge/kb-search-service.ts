// Serves `kb.search` on the bus (queue group): agents' knowledge_search tool asks for the tenant's best
// knowledge-base chunks. The tenant comes from the call the agent serves; the search runs in
// withTenant(…, readOnly), so RLS keeps it to that tenant's documents whatever the request says.
// Like agent.config.get, any bus client may name any tenant: in production NATS permissions must let only
// agent workers publish on kb.search and sql.query.
import { uap, subjects } from '../../proto/index.ts';
import type { Bus, BusMsg, Subscription } from '../../lib/bus/types.ts';
import type { Logger } from '../../lib/logger.ts';
import { Counter, Histogram, type Registry } from '../../lib/metrics.ts';
import { isUuid, type Database } from '../db/index.ts';
import { COLLECTION_PATTERN } from './documents.ts';
import { searchKnowledge } from './search.ts';

export const KB_MAX_QUERY_CHARS = 1000;
export const KB_MAX_TOP_K = 20;
export const KB_DEFAULT_TOP_K = 5;
/** Text per hit sent back, at most (chunks are ~1200 characters; this only bounds odd ones). */
const MAX_HIT_CHARS = 4000;
const COLLECTION = new RegExp(COLLECTION_PATTERN);

export class KbSearchService {
  private sub: Subscription | undefined;
  private readonly searches: Counter;
  private readonly seconds: Histogram;

  constructor(private readonly db: Database, private readonly bus: Bus, private readonly log: Logger, registry?: Registry) {
    this.searches = new Counter({ name: 'uap_kb_searches_total', help: 'kb.search requests by outcome (ok, empty, bad_request, error)', labelNames: ['outcome'], registers: registry ? [registry] : [] });
    this.seconds = new Histogram({ name: 'uap_kb_search_seconds', help: 'kb.search time in the control API', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: registry ? [registry] : [] });
  }

  start(): void {
    this.sub = this.bus.subscribe(subjects.kbSearch, (m) => void this.onRequest(m), { queue: 'kb-search' });
  }

  stop(): void {
    this.sub?.unsubscribe();
    this.sub = undefined;
  }

  private async onRequest(m: BusMsg): Promise<void> {
    const t0 = performance.now();
    const reply = await this.handle(m.data);
    m.respond(uap.KbSearchReply.encode(reply).finish());
    const outcome = reply.ok ? (reply.hits?.length ? 'ok' : 'empty') : reply.errorCode === 'BAD_REQUEST' ? 'bad_request' : 'error';
    this.searches.labels(outcome).inc();
    this.seconds.observe((performance.now() - t0) / 1000);
  }

  /** Decodes, validates and answers one request; never throws. */
  async handle(data: Uint8Array): Promise<uap.IKbSearchReply> {
    let req: uap.KbSearchRequest;
    try {
      req = uap.KbSearchRequest.decode(data);
    } catch {
      return bad('undecodable request');
    }
    const query = req.query.trim();
    if (!isUuid(req.tenantId)) return bad('tenant_id must be a tenant id');
    if (query === '' || query.length > KB_MAX_QUERY_CHARS) return bad(`query must be 1-${KB_MAX_QUERY_CHARS} characters`);
    if (req.collection && !COLLECTION.test(req.collection)) return bad('collection is not a collection name');
    if (req.agentConfigId && !isUuid(req.agentConfigId)) return bad('agent_config_id must be an agent config id');
    const topK = Math.min(req.topK || KB_DEFAULT_TOP_K, KB_MAX_TOP_K);
    try {
      const rows = await this.db.withTenant(req.tenantId, (tx) => searchKnowledge(tx, { query, topK, collection: req.collection || undefined, agentConfigId: req.agentConfigId || undefined }), { readOnly: true });
      return {
        ok: true,
        hits: rows.map((r) => ({ documentId: r.document_id, title: r.title, collection: r.collection, chunkIndex: r.chunk_index, heading: r.heading, text: r.content.slice(0, MAX_HIT_CHARS), score: r.score })),
      };
    } catch (err) {
      this.log.error({ err, tenantId: req.tenantId, callId: req.callId }, 'kb.search failed');
      return { ok: false, errorCode: 'UNAVAILABLE', errorMessage: 'the knowledge base is unavailable right now' };
    }
  }
}

const bad = (errorMessage: string): uap.IKbSearchReply => ({ ok: false, errorCode: 'BAD_REQUEST', errorMessage });
