// RTP ports for calls: even ports from a configured range (RTCP would take the odd one above), handed
// out round-robin so a port just released is not reused at once (late packets of the old call would
// land in the new one). Binding is tried until a port free on the host is found.
import { createSocket, type Socket } from 'node:dgram';
import { UapError } from '../../lib/errors.ts';

export class PortPoolExhaustedError extends UapError {
  constructor(min: number, max: number) {
    super('RTP_PORTS_EXHAUSTED', `no free RTP port in ${min}-${max}`, { retryable: true });
  }
}

export class PortPool {
  private readonly inUse = new Set<number>();
  private next: number;
  readonly capacity: number;

  constructor(readonly min: number, readonly max: number) {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1024 || max > 65535 || max < min) {
      throw new RangeError(`RTP port range ${min}-${max} is not within 1024-65535`);
    }
    this.min = min + (min & 1);
    this.capacity = this.min > max ? 0 : Math.floor((max - this.min) / 2) + 1;
    if (this.capacity === 0) throw new RangeError(`RTP port range ${min}-${max} holds no even port`);
    this.next = this.min;
  }

  get used(): number {
    return this.inUse.size;
  }

  /** A port not handed out yet, or undefined when all are taken. */
  acquire(): number | undefined {
    for (let i = 0; i < this.capacity; i++) {
      const p = this.next;
      this.next = p + 2 > this.max ? this.min : p + 2;
      if (!this.inUse.has(p)) {
        this.inUse.add(p);
        return p;
      }
    }
    return undefined;
  }

  release(port: number): void {
    this.inUse.delete(port);
  }
}

function bindOnce(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
    const onError = (err: Error) => {
      s.close();
      reject(err);
    };
    s.once('error', onError);
    s.bind(port, host, () => {
      s.off('error', onError);
      resolve(s);
    });
  });
}

/** Binds a UDP socket on a pool port; ports busy on the host are skipped (and released). */
export async function bindFromPool(pool: PortPool, host: string, attempts = 16): Promise<{ socket: Socket; port: number }> {
  for (let i = 0; i < attempts; i++) {
    const port = pool.acquire();
    if (port === undefined) break;
    try {
      return { socket: await bindOnce(host, port), port };
    } catch (err) {
      pool.release(port);
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw new UapError('RTP_BIND_FAILED', `cannot bind RTP port ${port} on ${host}`, { cause: err });
    }
  }
  throw new PortPoolExhaustedError(pool.min, pool.max);
}
