// Public entry point of the bus: the contract, both implementations, and a factory picking one.
import type { Bus } from './types.ts';
import { InProcBus, type InProcBusOptions } from './inproc.ts';
import { connectNatsBus, type NatsBusOptions } from './nats.ts';

export type * from './types.ts';
export { InProcBus, type InProcBusOptions } from './inproc.ts';
export { NatsBus, connectNatsBus, type NatsBusOptions } from './nats.ts';
export type { BusLogger, ErrorSink } from './util.ts';

export type CreateBusOptions = Omit<NatsBusOptions, 'url'> & InProcBusOptions;

/** NATS when a URL is given (production / multi-process), otherwise the in-process bus (embedded mode). */
export async function createBus(natsUrl?: string, opts: CreateBusOptions = {}): Promise<Bus> {
  if (natsUrl) return connectNatsBus({ ...opts, url: natsUrl });
  return new InProcBus(opts);
}
