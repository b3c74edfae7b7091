// Number → tenant → agent routing. For now from config (ROUTES, with a catch-all to the offline agent);
// the control API takes this over with `routing.lookup` on the bus.
import type { Route } from '../lib/config.ts';

export interface Router {
  lookup(to: string): Promise<Route | undefined>;
}

export class ConfigRouter implements Router {
  constructor(private readonly routes: Map<string, Route>) {}
  async lookup(to: string): Promise<Route | undefined> {
    return this.routes.get(to) ?? this.routes.get('*');
  }
}
