// One prom-client registry per process; each role registers its own metrics on it.
import { Registry, collectDefaultMetrics } from 'prom-client';

export { Registry };
import { Counter } from 'prom-client';
export { Counter };
export { Gauge, Histogram } from 'prom-client';

export function createRegistry(defaultLabels: Record<string, string> = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels(defaultLabels);
  collectDefaultMetrics({ register: registry, prefix: 'uap_' });
  return registry;
}

export interface HotCount {
  /** A plain increment: nothing but an add on the hot path. */
  inc(n?: number): void;
}

/**
 * A counter for per-frame events: increments are plain additions, folded into the prom-client
 * counter when /metrics is scraped (prom-client's own inc() hashes labels on every call).
 */
export function hotCounter(opts: { name: string; help: string; labelNames?: string[]; registers: Registry[] }): { counter: Counter; child(labels?: Record<string, string>): HotCount } {
  const children: { labels: Record<string, string>; n: number; inc(k?: number): void }[] = [];
  const counter: Counter = new Counter({
    ...opts,
    labelNames: opts.labelNames ?? [],
    collect() {
      for (const c of children) {
        if (c.n > 0) {
          counter.inc(c.labels, c.n);
          c.n = 0;
        }
      }
    },
  });
  return {
    counter,
    child(labels = {}) {
      const c = {
        labels,
        n: 0,
        inc(k = 1) {
          c.n += k;
        },
      };
      children.push(c);
      return c;
    },
  };
}
