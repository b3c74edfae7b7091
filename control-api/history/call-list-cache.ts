// Rendered call-list pages, cached per tenant and query under the tenant's call-list version (migration
// 008: bumped in the same transaction as any change to the tenant's calls). Before serving a page the
// version is read fresh from the database, so a page is never served after a change to the list has
// committed — on this API process or any other — and there are no invalidation messages to lose.
//
// Reading the version costs one indexed single-row query; concurrent requests share it: a request waits
// for the next read to *start* after it arrived (never one already on the wire, whose snapshot might
// predate a commit the client has seen), and one read answers every tenant waiting for it. Under load
// that is one small query per round trip instead of a transaction and a page of rows per request.
import type { Database } from '../db/index.ts';

export interface CachedPage {
  body: Buffer;
  hit: boolean;
}

export interface CallListCacheOptions {
  /** Pages kept (least recently used dropped first). Default 2000. */
  maxEntries?: number;
  /** Pages larger than this are served but not kept. Default 512 KiB. */
  maxPageBytes?: number;
}

type Waiter = { resolve: (v: string) => void; reject: (e: unknown) => void };

/** Batched, always-fresh reads of tenants' call-list versions. */
export class CallListVersions {
  private inFlight = false;
  private waiting = new Map<string, Waiter[]>();
  /** Version queries sent (metrics, tests). */
  reads = 0;

  constructor(private readonly db: Database) {}

  /** The tenant's version as of a read that started after this call ('0' before the first change). */
  read(tenantId: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(tenantId);
      if (list) list.push({ resolve, reject });
      else this.waiting.set(tenantId, [{ resolve, reject }]);
      if (!this.inFlight) this.start();
    });
  }

  private start(): void {
    const batch = this.waiting;
    this.waiting = new Map();
    this.inFlight = true;
    this.reads++;
    const ids = [...batch.keys()];
    const sql = this.db.sql;
    // As the owner, outside any transaction: one statement, one snapshot taken now.
    sql<{ tenant_id: string; version: string }[]>`select tenant_id::text, version::text from call_list_versions where tenant_id = any(${sql.array(ids)}::uuid[])`.then(
      (rows) => {
        const found = new Map(rows.map((r) => [r.tenant_id, r.version]));
        for (const [id, ws] of batch) for (const w of ws) w.resolve(found.get(id) ?? '0');
      },
      (err: unknown) => {
        for (const ws of batch.values()) for (const w of ws) w.reject(err);
      },
    ).finally(() => {
      this.inFlight = false;
      if (this.waiting.size > 0) this.start();
    });
  }
}

export class CallListCache {
  private readonly pages = new Map<string, { version: string; body: Buffer }>();
  /** Renders under way, shared by requests that read the same version (nothing committed in between). */
  private readonly rendering = new Map<string, { version: string; body: Promise<Buffer> }>();
  private readonly maxEntries: number;
  private readonly maxPageBytes: number;
  readonly versions: CallListVersions;

  constructor(db: Database, o: CallListCacheOptions = {}) {
    this.versions = new CallListVersions(db);
    this.maxEntries = o.maxEntries ?? 2000;
    this.maxPageBytes = o.maxPageBytes ?? 512 * 1024;
  }

  /**
   * The page for `key` (tenant + normalised query): cached when the tenant's version is unchanged, else
   * rendered. The version is read before rendering, so a page is kept under a version no newer than its
   * data: at worst a change that raced the render costs the next request a miss, never a stale page.
   */
  async page(tenantId: string, key: string, render: () => Promise<Buffer>): Promise<CachedPage> {
    const version = await this.versions.read(tenantId);
    const k = `${tenantId}\n${key}`;
    const cached = this.pages.get(k);
    if (cached && cached.version === version) {
      this.pages.delete(k); // most recently used goes last
      this.pages.set(k, cached);
      return { body: cached.body, hit: true };
    }
    const pending = this.rendering.get(k);
    if (pending && pending.version === version) return { body: await pending.body, hit: true };
    const rendered = render();
    this.rendering.set(k, { version, body: rendered });
    let body: Buffer;
    try {
      body = await rendered;
    } finally {
      if (this.rendering.get(k)?.body === rendered) this.rendering.delete(k);
    }
    if (body.length <= this.maxPageBytes) {
      this.pages.delete(k);
      this.pages.set(k, { version, body });
      if (this.pages.size > this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    }
    return { body, hit: false };
  }

  get size(): number {
    return this.pages.size;
  }
}
