// Public surface of the Twilio simulated caller (tests, CLI demo, load bench).
export { twilioSignature } from './signature.ts';
export { parseTwiml, parseXml, TwimlError } from './twiml.ts';
export type { ParsedTwiml, StreamTwiml, OtherTwiml, XmlElement } from './twiml.ts';
export { SimulatedCall, SimulatedCallError, postVoiceWebhook, waitFor, newCallSid, newStreamSid, newAccountSid } from './caller.ts';
export type { PlaceOptions, WebhookResult, CloseInfo } from './caller.ts';
export { PlaybackModel } from './playback.ts';
export { tone, pcmToUlaw, ulawToPcm, rms, goertzelPower } from './audio.ts';
