// A local fake of the OpenAI Realtime WebSocket speaking its GA wire protocol (see
// /work/shared/PROTOCOLS.md, OpenAI Realtime):
//
//   GET /v1/realtime?model=…   WebSocket upgrade; `Authorization: Bearer <key>` required (401 + JSON error
//                              otherwise), `model` required (400), optionally from a set of known models.
//
// Like the real server it sends `session.created` first, answers `session.update` with `session.updated`
// (checking the GA shape: session.type "realtime", audio formats), accumulates `input_audio_buffer.append`
// audio, answers `response.create` (refused while a response is active), `response.cancel` (an error when
// none is active), `conversation.item.create` and `conversation.item.truncate` (refused past the audio the
// item really has; a voice outside `voices` is refused), and reports bad client events with `error`
// events. It records every client event (`events`) and every server event it sent (`sent`, `errors`).
// Tests script the rest per session: respond() streams a response (audio deltas of real PCM, transcript,
// function calls; all at once or paced in real time), speechStarted() (cancels the active response, as
// interrupt_response does) / speechStopped(), transcribe(), error(), sendRaw() (garbage), close()/drop();
// on the server: failNext() refuses upgrades with a status, onResponseCreate scripts answers.
// Usage is reported as the real server does: response.done carries `response.usage` with input/output
// token details (audio tokens from the audio heard and generated, cached tokens from the conversation
// already seen), and a caller transcription carries a token `usage` of the transcription model.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ResponseScript {
  /** Assistant audio, PCM s16 at 24 kHz (sent as output_audio deltas). */
  audio?: Int16Array;
  /** Its transcript. */
  transcript?: string;
  /** Function calls after the audio; `arguments` may be an object (serialized) or raw text. */
  functionCalls?: Array<{ name: string; arguments?: unknown; callId?: string }>;
  /** Audio per delta. Default 40 ms. */
  chunkMs?: number;
  /** One delta per this many ms (real-time streaming); unset: all deltas at once. */
  paceMs?: number;
  /** Beta event names (response.audio.delta, response.audio_transcript.done). */
  beta?: boolean;
  /** response.usage as sent (default: derived from the audio and text in and out, see realtimeUsage). */
  usage?: Record<string, unknown>;
}

/** Audio tokens per second as the fake counts them (the real rates differ by model; fixed here so tests can compute them). */
export const FAKE_AUDIO_TOKENS_PER_S = { input: 10, output: 20 };
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A Realtime `response.usage` object from what the response heard and produced. */
export function realtimeUsage(o: { inputAudioMs: number; inputText: number; cached: number; outputAudioMs: number; outputText: number }): Record<string, unknown> {
  const inAudio = Math.ceil((o.inputAudioMs / 1000) * FAKE_AUDIO_TOKENS_PER_S.input);
  const outAudio = Math.ceil((o.outputAudioMs / 1000) * FAKE_AUDIO_TOKENS_PER_S.output);
  const input = inAudio + o.inputText + o.cached;
  const output = outAudio + o.outputText;
  return {
    total_tokens: input + output,
    input_tokens: input,
    output_tokens: output,
    input_token_details: { text_tokens: o.inputText, audio_tokens: inAudio, image_tokens: 0, cached_tokens: o.cached, cached_tokens_details: { text_tokens: o.cached, audio_tokens: 0, image_tokens: 0 } },
    output_token_details: { text_tokens: o.outputText, audio_tokens: outAudio },
  };
}

export interface ClientEvent {
  type: string;
  [k: string]: unknown;
}

interface AssistantItem {
  id: string;
  /** ms of audio the server has sent for it. */
  audioMs: number;
}

const RATE = 24000;
let seq = 0;
const id = (prefix: string) => `${prefix}_${(++seq).toString(36).padStart(6, '0')}`;

export class FakeRealtimeSession {
  readonly id = id('sess');
  /** Every client event, in order (append events without their audio: `audioBytes` instead). */
  readonly events: ClientEvent[] = [];
  readonly audio: Buffer[] = [];
  /** Every server event sent, in order (audio deltas without their audio: `deltaBytes` instead). */
  readonly sent: ClientEvent[] = [];
  /** The session as last updated (GA shape). */
  session: Record<string, unknown> = {};
  readonly assistantItems = new Map<string, AssistantItem>();
  /** Function call ids the model issued, and the outputs the client returned for them. */
  readonly functionOutputs = new Map<string, string | undefined>();
  active: { id: string; finish: (status: string) => void } | undefined;
  /** Input audio bytes already counted in a response's usage; tokens of earlier responses count as cached. */
  private billedAudioBytes = 0;
  private contextTokens = 0;
  /** Every response.usage sent, in order. */
  readonly usages: Array<Record<string, unknown>> = [];
  closed = false;
  closeCode: number | undefined;

  constructor(
    readonly ws: WebSocket,
    readonly apiKey: string,
    readonly model: string,
    readonly headers: Record<string, string | string[] | undefined>,
    private readonly server: FakeOpenAIRealtime,
  ) {
    this.session = { type: 'realtime', object: 'realtime.session', id: this.id, model, instructions: '', output_modalities: ['audio'], audio: { input: { format: { type: 'audio/pcm', rate: RATE } }, output: { format: { type: 'audio/pcm', rate: RATE } } }, tools: [] };
    ws.on('message', (data, isBinary) => this.onMessage(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer), isBinary));
    ws.on('close', (code) => {
      this.closed = true;
      this.closeCode = code;
      this.active?.finish('cancelled');
      this.server.wake();
    });
    this.send({ type: 'session.created', session: this.session });
  }

  send(ev: Record<string, unknown>): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    const full = { event_id: id('event'), ...ev } as unknown as ClientEvent;
    this.ws.send(JSON.stringify(full));
    if (typeof ev.delta === 'string' && String(ev.type).includes('audio.delta')) {
      const { delta, ...rest } = full;
      this.sent.push({ ...rest, deltaBytes: Buffer.byteLength(delta as string, 'base64') });
    } else this.sent.push(full);
  }

  /** Error events sent so far. */
  get errors(): Array<{ code: string; message: string; param: string | null }> {
    return this.sent.filter((e) => e.type === 'error').map((e) => e.error as { code: string; message: string; param: string | null });
  }

  /** Anything, verbatim (garbled JSON, a binary frame). */
  sendRaw(data: string | Buffer): void {
    this.ws.send(data, { binary: typeof data !== 'string' });
  }

  error(code: string, message: string, type = 'invalid_request_error', param?: string, eventId?: string): void {
    this.send({ type: 'error', error: { type, code, message, param: param ?? null, event_id: eventId ?? null } });
  }

  eventsOf(type: string): ClientEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  receivedAudio(): Buffer {
    return Buffer.concat(this.audio);
  }

  /** Server VAD heard the caller start: like the real server (interrupt_response), cancels the active response. */
  speechStarted(audioStartMs = this.receivedAudio().length / 2 / (RATE / 1000)): string {
    const itemId = id('item');
    this.send({ type: 'input_audio_buffer.speech_started', audio_start_ms: Math.round(audioStartMs), item_id: itemId });
    const td = ((this.session.audio as Record<string, Record<string, unknown>> | undefined)?.input?.turn_detection ?? {}) as Record<string, unknown>;
    if (this.active && td.interrupt_response !== false) this.active.finish('cancelled');
    return itemId;
  }

  speechStopped(itemId?: string): void {
    this.send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: Math.round(this.receivedAudio().length / 48), item_id: itemId ?? id('item') });
  }

  /** A caller transcript (needs input transcription configured, as the real server does). */
  transcribe(text: string, itemId = id('item'), audioMs = 1000): void {
    const audio = Math.ceil((audioMs / 1000) * FAKE_AUDIO_TOKENS_PER_S.input);
    const usage = { type: 'tokens', input_tokens: audio, output_tokens: words(text), total_tokens: audio + words(text), input_token_details: { text_tokens: 0, audio_tokens: audio } };
    this.send({ type: 'conversation.item.input_audio_transcription.completed', item_id: itemId, content_index: 0, transcript: text, usage });
  }

  /** Clean close from the server's side. */
  close(code = 1000, reason = 'session ended'): void {
    this.ws.close(code, reason);
  }

  /** TCP drop without a close frame. */
  drop(): void {
    this.ws.terminate();
  }

  /** Streams a response. Resolves with its ids once response.done is sent (completed or cancelled). */
  respond(script: ResponseScript = {}): Promise<{ responseId: string; itemId: string | undefined; status: string }> {
    const responseId = id('resp');
    const itemId = script.audio ? id('item') : undefined;
    const output: Record<string, unknown>[] = [];
    let status = 'completed';
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    let audioItem: { status: string; content: Array<{ type: string; transcript: string }> } | undefined;
    const finish = (st: string) => {
      if (this.active?.id !== responseId) return;
      status = st;
      this.active = undefined;
      if (st === 'cancelled' && audioItem && audioItem.status === 'in_progress') {
        // Cut mid-answer: the item ends incomplete, with the transcript of the audio generated so far, in
        // response.done only (no transcript.done).
        audioItem.status = 'incomplete';
        const words = (script.transcript ?? '').split(' ');
        const share = script.audio ? (this.assistantItems.get(itemId!)?.audioMs ?? 0) / (script.audio.length / (RATE / 1000)) : 0;
        audioItem.content[0].transcript = words.slice(0, Math.ceil(words.length * share)).join(' ');
        this.send({ type: 'response.output_item.done', response_id: responseId, output_index: 0, item: audioItem });
      }
      const heardBytes = this.receivedAudio().length;
      const outMs = itemId ? (this.assistantItems.get(itemId)?.audioMs ?? 0) : 0;
      const usage = script.usage ?? realtimeUsage({ inputAudioMs: (heardBytes - this.billedAudioBytes) / 2 / (RATE / 1000), inputText: 12, cached: this.contextTokens, outputAudioMs: outMs, outputText: words(script.transcript ?? '') });
      this.billedAudioBytes = heardBytes;
      this.contextTokens = Number(usage.total_tokens ?? 0);
      this.usages.push(usage);
      this.send({ type: 'response.done', response: { id: responseId, object: 'realtime.response', status, status_details: st === 'cancelled' ? { type: 'cancelled', reason: 'turn_detected' } : null, output, usage } });
      resolveDone();
    };
    this.active = { id: responseId, finish };
    this.send({ type: 'response.created', response: { id: responseId, object: 'realtime.response', status: 'in_progress', output: [] } });
    const audioDelta = script.beta ? 'response.audio.delta' : 'response.output_audio.delta';
    const audioDone = script.beta ? 'response.audio.done' : 'response.output_audio.done';
    const trDone = script.beta ? 'response.audio_transcript.done' : 'response.output_audio_transcript.done';
    const steps: Array<() => void> = [];
    if (script.audio && itemId) {
      const item: AssistantItem = { id: itemId, audioMs: 0 };
      const msg = { id: itemId, object: 'realtime.item', type: 'message', role: 'assistant', status: 'in_progress', content: [{ type: 'output_audio', transcript: '' }] };
      audioItem = msg;
      steps.push(() => {
        this.assistantItems.set(itemId, item);
        output.push(msg);
        this.send({ type: 'response.output_item.added', response_id: responseId, output_index: 0, item: msg });
        this.send({ type: 'response.content_part.added', response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, part: { type: 'output_audio', transcript: '' } });
      });
      const pcm = script.audio;
      const chunk = Math.max(1, Math.round((RATE * (script.chunkMs ?? 40)) / 1000));
      for (let i = 0; i < pcm.length; i += chunk) {
        const part = pcm.subarray(i, Math.min(pcm.length, i + chunk));
        steps.push(() => {
          item.audioMs += part.length / (RATE / 1000);
          this.send({ type: audioDelta, response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, delta: Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64') });
        });
      }
      steps.push(() => {
        this.send({ type: audioDone, response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 });
        if (script.transcript !== undefined) {
          this.send({ type: script.beta ? 'response.audio_transcript.delta' : 'response.output_audio_transcript.delta', response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, delta: script.transcript });
          this.send({ type: trDone, response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, transcript: script.transcript });
        }
        msg.status = 'completed';
        msg.content[0].transcript = script.transcript ?? '';
        this.send({ type: 'response.output_item.done', response_id: responseId, output_index: 0, item: msg });
      });
    }
    for (const fc of script.functionCalls ?? []) {
      steps.push(() => {
        const callId = fc.callId ?? id('call');
        const fcItemId = id('item');
        const args = typeof fc.arguments === 'string' ? fc.arguments : JSON.stringify(fc.arguments ?? {});
        const item = { id: fcItemId, object: 'realtime.item', type: 'function_call', status: 'completed', call_id: callId, name: fc.name, arguments: args };
        this.functionOutputs.set(callId, undefined);
        output.push(item);
        const idx = output.length - 1;
        this.send({ type: 'response.output_item.added', response_id: responseId, output_index: idx, item: { ...item, arguments: '', status: 'in_progress' } });
        this.send({ type: 'response.function_call_arguments.delta', response_id: responseId, item_id: fcItemId, output_index: idx, call_id: callId, delta: args });
        this.send({ type: 'response.function_call_arguments.done', response_id: responseId, item_id: fcItemId, output_index: idx, call_id: callId, name: fc.name, arguments: args });
        this.send({ type: 'response.output_item.done', response_id: responseId, output_index: idx, item });
      });
    }
    const run = async () => {
      for (const step of steps) {
        if (this.active?.id !== responseId || this.closed) return;
        step();
        if (script.paceMs) await new Promise((r) => setTimeout(r, script.paceMs));
      }
      finish('completed');
    };
    void run();
    return done.then(() => ({ responseId, itemId, status }));
  }

  private onMessage(buf: Buffer, isBinary: boolean): void {
    if (isBinary) return this.error('invalid_request_error', 'Binary frames are not supported.');
    let ev: ClientEvent;
    try {
      ev = JSON.parse(buf.toString('utf8'));
    } catch {
      return this.error('invalid_json', 'The server could not parse the event: not valid JSON.');
    }
    if (typeof ev !== 'object' || ev === null || typeof ev.type !== 'string') return this.error('invalid_request_error', "Missing required parameter: 'type'.");
    const eventId = typeof ev.event_id === 'string' ? ev.event_id : undefined;
    const bad = (message: string, param?: string, code = 'invalid_value') => this.error(code, message, 'invalid_request_error', param, eventId);
    if (ev.type === 'input_audio_buffer.append') {
      const audio = ev.audio;
      this.events.push({ type: ev.type, audioBytes: typeof audio === 'string' ? Buffer.byteLength(audio, 'base64') : -1 });
      if (typeof audio !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(audio)) bad("Invalid 'audio'. Expected base64-encoded audio bytes.", 'audio');
      else this.audio.push(Buffer.from(audio, 'base64'));
      return this.server.wake();
    }
    this.events.push(ev);
    this.server.wake();
    switch (ev.type) {
      case 'session.update':
        return this.onSessionUpdate(ev, bad);
      case 'response.create': {
        if (this.active) return bad(`Conversation already has an active response in progress: ${this.active.id}. Wait until the response is finished before creating a new one.`, undefined, 'conversation_already_has_active_response');
        void this.respond(this.server.onResponseCreate(this, ev) ?? {});
        return;
      }
      case 'response.cancel':
        if (!this.active) return bad('Cancellation failed: no active response found', undefined, 'response_cancel_not_active');
        this.active.finish('cancelled');
        return;
      case 'conversation.item.create': {
        const item = ev.item as Record<string, unknown> | undefined;
        if (!item || typeof item.type !== 'string') return bad("Missing required parameter: 'item.type'.", 'item.type', 'missing_required_parameter');
        if (item.type === 'function_call_output') {
          if (typeof item.call_id !== 'string' || typeof item.output !== 'string') return bad('function_call_output needs call_id and output strings', 'item');
          if (!this.functionOutputs.has(item.call_id)) return bad(`Tool call ID '${item.call_id}' not found in conversation.`, 'item.call_id');
          this.functionOutputs.set(item.call_id, item.output);
        } else if (item.type === 'message') {
          if (!Array.isArray(item.content) || !['user', 'system', 'assistant'].includes(item.role as string)) return bad('message needs a role and a content array', 'item');
        } else return bad(`Invalid value: '${item.type}'.`, 'item.type');
        const created = { id: id('item'), object: 'realtime.item', status: 'completed', ...item };
        this.send({ type: 'conversation.item.added', previous_item_id: null, item: created });
        this.send({ type: 'conversation.item.done', previous_item_id: null, item: created });
        return;
      }
      case 'conversation.item.truncate': {
        const item = this.assistantItems.get(ev.item_id as string);
        if (!item) return bad(`Item with id '${String(ev.item_id)}' not found.`, 'item_id', 'item_not_found');
        const ms = ev.audio_end_ms;
        if (ev.content_index !== 0) return bad('content_index must be 0', 'content_index');
        if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) return bad("Invalid 'audio_end_ms': expected a non-negative integer.", 'audio_end_ms');
        if (ms > item.audioMs + 1) return bad(`Audio content of ${Math.floor(item.audioMs)}ms is already shorter than ${ms}ms`, 'audio_end_ms');
        this.send({ type: 'conversation.item.truncated', item_id: item.id, content_index: 0, audio_end_ms: ms });
        return;
      }
      case 'input_audio_buffer.commit':
      case 'input_audio_buffer.clear':
      case 'conversation.item.delete':
      case 'conversation.item.retrieve':
        return;
      default:
        return bad(`Invalid value: '${ev.type}'. Supported values are: 'session.update', 'input_audio_buffer.append', …`, 'type');
    }
  }

  private onSessionUpdate(ev: ClientEvent, bad: (message: string, param?: string) => void): void {
    const s = ev.session as Record<string, unknown> | undefined;
    if (!s || typeof s !== 'object') return bad("Missing required parameter: 'session'.", 'session');
    if (s.type !== 'realtime') return bad("Missing required parameter: 'session.type'.", 'session.type');
    const audio = (s.audio ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const voice = audio.output?.voice;
    if (voice !== undefined && (typeof voice !== 'string' || (this.server.voices.size > 0 && !this.server.voices.has(voice)))) {
      return bad(`Invalid value: '${String(voice)}'. Supported values are: ${[...this.server.voices].join(', ')}.`, 'session.audio.output.voice');
    }
    for (const dir of ['input', 'output'] as const) {
      const f = audio[dir]?.format as Record<string, unknown> | undefined;
      if (f === undefined) continue;
      const ok = (f.type === 'audio/pcm' && f.rate === RATE) || f.type === 'audio/pcmu' || f.type === 'audio/pcma';
      if (!ok) return bad(`Invalid 'session.audio.${dir}.format'.`, `session.audio.${dir}.format`);
    }
    if (s.tools !== undefined) {
      if (!Array.isArray(s.tools)) return bad("Invalid type for 'session.tools'.", 'session.tools');
      for (const [i, t] of (s.tools as Record<string, unknown>[]).entries()) {
        if (t?.type !== 'function' || typeof t.name !== 'string' || typeof t.parameters !== 'object') return bad(`Invalid 'session.tools[${i}]'.`, `session.tools[${i}]`);
      }
    }
    const prevAudio = (this.session.audio ?? {}) as Record<string, Record<string, unknown>>;
    this.session = {
      ...this.session,
      ...s,
      audio: { input: { ...prevAudio.input, ...audio.input }, output: { ...prevAudio.output, ...audio.output } },
    };
    this.send({ type: 'session.updated', session: this.session });
  }
}

export class FakeOpenAIRealtime {
  readonly sessions: FakeRealtimeSession[] = [];
  /** Accepted API keys; empty = any non-empty key. */
  readonly apiKeys = new Set<string>();
  /** Known models; empty = any non-empty model. */
  readonly models = new Set<string>();
  /** Known voices; empty = any. */
  readonly voices = new Set<string>();
  /** Upgrade attempts, with the status they got (101 = accepted). */
  readonly upgrades: Array<{ apiKey: string | undefined; model: string | null; status: number }> = [];
  /** What to stream for a client's response.create (default: an empty response). */
  onResponseCreate: (s: FakeRealtimeSession, ev: ClientEvent) => ResponseScript | undefined = () => undefined;
  private readonly failures: number[] = [];
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly waiters: Array<() => void> = [];
  port = 0;

  constructor() {
    this.server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"Not found"}}'));
    this.server.on('upgrade', (req, socket, head) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      const apiKey = /^Bearer (\S+)$/.exec(auth)?.[1];
      const model = u.searchParams.get('model');
      const refuse = (status: number, type: string, message: string) => {
        this.upgrades.push({ apiKey, model, status });
        const body = JSON.stringify({ error: { type, code: null, message, param: null } });
        socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
        this.wake();
      };
      if (u.pathname !== '/v1/realtime') return refuse(404, 'invalid_request_error', 'Not found');
      if (!apiKey || (this.apiKeys.size > 0 && !this.apiKeys.has(apiKey))) return refuse(401, 'invalid_request_error', 'Incorrect API key provided.');
      if (!model) return refuse(400, 'invalid_request_error', "Missing required parameter: 'model'.");
      if (this.models.size > 0 && !this.models.has(model)) return refuse(400, 'invalid_request_error', `The model '${model}' does not exist.`);
      const fail = this.failures.shift();
      if (fail !== undefined) return refuse(fail, 'server_error', 'Simulated failure.');
      this.upgrades.push({ apiKey, model, status: 101 });
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.sessions.push(new FakeRealtimeSession(ws, apiKey, model, req.headers, this));
        this.wake();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The base URL to configure (OPENAI_REALTIME_URL); the client adds ?model=. */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/v1/realtime`;
  }

  get lastSession(): FakeRealtimeSession | undefined {
    return this.sessions.at(-1);
  }

  /** The next upgrades are refused with these HTTP statuses, in order. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Resolves once `pred` holds (checked on every event), or rejects after `timeoutMs`. */
  async waitFor(pred: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`fake OpenAI Realtime: timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 20);
        this.waiters.push(() => (clearTimeout(t), r()));
      });
    }
  }

  wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export async function startFakeOpenAIRealtime(): Promise<FakeOpenAIRealtime> {
  return new FakeOpenAIRealtime().start();
}
