// Twilio request signing, written independently of the SDK so tests can cross-check both ways.
import { createHmac } from 'node:crypto';

/**
 * base64(HMAC-SHA1(authToken, url + name1 + value1 + name2 + value2 ...)), names sorted.
 * Sorting uses the default JS (UTF-16 code unit) order, which is what Twilio and its SDK use.
 * For the WebSocket upgrade pass the wss:// (or ws://) stream URL and `{}`.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string> = {}): string {
  let data = url;
  for (const name of Object.keys(params).sort()) data += name + params[name];
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}
