// Per-tenant feature flags gate endpoints: a flag set to false in tenants.feature_flags turns the
// feature off for that tenant (403 FORBIDDEN naming the feature); an absent flag means on.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { forbidden } from '../http/errors.ts';
import type { Hook } from './rbac.ts';

const TTL_MS = 10_000;

export class FeatureFlags {
  private readonly cache = new Map<string, { at: number; flags: Record<string, unknown> }>();

  constructor(private readonly db: Database) {}

  async enabled(tenantId: string, feature: string): Promise<boolean> {
    let hit = this.cache.get(tenantId);
    if (!hit || Date.now() - hit.at > TTL_MS) {
      const [row] = await this.db.withPlatform((tx) => tx<{ feature_flags: Record<string, unknown> }[]>`select feature_flags from tenants where id = ${tenantId}`);
      hit = { at: Date.now(), flags: row?.feature_flags ?? {} };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(tenantId, hit);
    }
    return hit.flags[feature] !== false;
  }

  /** Drop cached flags (after a tenant's flags change). */
  invalidate(tenantId?: string): void {
    if (tenantId) this.cache.delete(tenantId);
    else this.cache.clear();
  }

  /** Route guard: 403 when the caller's tenant has the feature turned off. */
  require(feature: string): Hook {
    return async (req: FastifyRequest) => {
      const tenant = req.actor?.tenantId;
      if (tenant && !(await this.enabled(tenant, feature))) throw forbidden(`the "${feature}" feature is turned off for this tenant`);
    };
  }
}
