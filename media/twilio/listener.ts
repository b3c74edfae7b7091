// Picks the media WebSocket listener: uWebSockets.js where its native binary exists for this Node
// (ABI 93/108/115: Node 16–20), otherwise the `ws` library. MEDIA_WS_SERVER=uws|ws forces one.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MediaServer, MediaServerOptions } from './server.ts';

export type ListenerKind = 'uws' | 'ws';

export function nativeUwsAvailable(): boolean {
  try {
    const entry = createRequire(import.meta.url).resolve('uWebSockets.js');
    return existsSync(join(dirname(entry), '..', 'binaries', `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`));
  } catch {
    return false;
  }
}

export function chooseListener(env: string | undefined = process.env.MEDIA_WS_SERVER): ListenerKind {
  if (env === 'uws' || env === 'ws') return env;
  return nativeUwsAvailable() ? 'uws' : 'ws';
}

export async function startMediaListener(o: MediaServerOptions, kind: ListenerKind = chooseListener()): Promise<MediaServer & { kind: ListenerKind }> {
  // Imported on demand: loading uWebSockets.js without its binary prints a warning and selects a broken shim.
  const server = kind === 'uws' ? await (await import('./server.ts')).startMediaServer(o) : await (await import('./server-ws.ts')).startWsMediaServer(o);
  return Object.assign(server, { kind });
}
