// X-Twilio-Signature checks with the official SDK's validator (loaded alone: the full SDK costs ~100 ms
// of start-up). Used by signaling (HTTP webhooks) and media (the WebSocket upgrade).
import webhooks from 'twilio/lib/webhooks/webhooks.js';

export function validTwilioSignature(authToken: string, signature: string | undefined, url: string, params: Record<string, unknown>): boolean {
  if (!signature) return false;
  try {
    return webhooks.validateRequest(authToken, signature, url, params);
  } catch {
    return false;
  }
}
