// A local fake of the OpenAI REST API, speaking its wire format (see /work/shared/PROTOCOLS.md):
//
//   POST /v1/chat/completions    Bearer key; stream:true → SSE `data: {chat.completion.chunk}` lines,
//                                tool calls as indexed fragments, with stream_options.include_usage a last
//                                chunk with `choices: []` and `usage` (prompt/completion tokens + details),
//                                `data: [DONE]`
//   POST /v1/audio/transcriptions multipart (file = WAV, model) → {"text": …, "usage": …} (whisper-1: usage
//                                {type: "duration", seconds}; gpt-4o-*-transcribe: {type: "tokens", …})
//   POST /v1/audio/speech        JSON {model, input, voice, response_format:"pcm"} → raw s16le 24 kHz,
//                                streamed in 100 ms chunks
//
// Scriptable: `chat` (replies in order, or a function of the request), `transcripts`, speech timing,
// and the shared faults (HTTP status, latency, a cut mid-stream). Errors use OpenAI's error body.
import type { ServerResponse } from 'node:http';
import { HttpFake, deltas, fakeTokens, sleep, type Fault, type RecordedRequest } from '../http-fake.ts';

export interface ChatReply {
  text?: string;
  toolCalls?: Array<{ name: string; arguments: string }>;
  /** Raw `data:` payloads sent instead (malformed-event tests). */
  raw?: string[];
  /** Token counts reported (default: estimated from the request and the reply, see fakeTokens). */
  usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number };
}

/** Transcription audio tokens per second of audio. */
export const FAKE_STT_AUDIO_TOKENS_PER_S = 10;

export type ChatScript = ChatReply | ((body: ChatRequestBody) => ChatReply);

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string } }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

export interface Transcription {
  file: Buffer;
  model: string;
  /** Duration of the WAV's audio in ms. */
  ms: number;
  rate: number;
}

let seq = 0;

export class FakeOpenAI extends HttpFake {
  readonly apiKeys = new Set<string>();
  readonly chat: ChatScript[] = [];
  readonly transcripts: string[] = [];
  readonly transcriptions: Transcription[] = [];
  readonly speeches: Array<{ input: string; voice: string; model: string }> = [];
  /** Speech: ms of audio per character, first-byte delay, delay between 100 ms chunks. */
  speech = { msPerChar: 40, firstByteMs: 0, chunkDelayMs: 0 };

  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  get chatRequests(): ChatRequestBody[] {
    return this.requests.filter((r) => r.path.startsWith('/v1/chat/completions')).map((r) => r.body as ChatRequestBody);
  }

  protected error(res: ServerResponse, status: number, message = `fake error ${status}`): void {
    const type = status === 401 ? 'invalid_request_error' : status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
    this.json(res, status, { error: { message, type, param: null, code: status === 401 ? 'invalid_api_key' : null } });
  }

  protected async handle(req: RecordedRequest, res: ServerResponse, fault: Fault): Promise<void> {
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!key || (this.apiKeys.size > 0 && !this.apiKeys.has(key))) return this.error(res, 401, 'Incorrect API key provided.');
    const path = new URL(req.path, 'http://x').pathname;
    if (req.method === 'POST' && path === '/v1/chat/completions') return this.chatCompletions(req, res, fault);
    if (req.method === 'POST' && path === '/v1/audio/transcriptions') return this.transcription(req, res);
    if (req.method === 'POST' && path === '/v1/audio/speech') return this.speak(req, res, fault);
    this.error(res, 404, `Unknown request URL: ${req.method} ${path}`);
  }

  private async chatCompletions(req: RecordedRequest, res: ServerResponse, fault: Fault): Promise<void> {
    const body = req.body as ChatRequestBody | undefined;
    if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0) return this.error(res, 400, "'model' and 'messages' are required");
    if (body.stream !== true) return this.error(res, 400, 'this fake only streams');
    // Every tool message must answer a tool call of the assistant message before it.
    const called = new Set<string>();
    for (const m of body.messages) {
      if (m.role === 'assistant' && Array.isArray(m.tool_calls)) for (const c of m.tool_calls as Array<{ id: string }>) called.add(c.id);
      if (m.role === 'tool' && !called.has(m.tool_call_id ?? '')) return this.error(res, 400, "messages with role 'tool' must be a response to a preceeding message with 'tool_calls'");
    }
    const step: ChatScript = this.chat.shift() ?? ((b: ChatRequestBody): ChatReply => ({ text: `You said: ${String([...b.messages].reverse().find((m) => m.role === 'user')?.content ?? '')}` }));
    const reply: ChatReply = typeof step === 'function' ? step(body) : step;
    const id = `chatcmpl-fake${++seq}`;
    const created = Math.floor(Date.now() / 1000);
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, service_tier: 'default', system_fingerprint: 'fp_fake', choices, ...extra })}\n\n`;
    const choice = (delta: unknown, finish: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason: finish });
    const events: string[] = [];
    if (reply.raw) events.push(...reply.raw.map((r) => `data: ${r}\n\n`));
    else {
      events.push(chunk([choice({ role: 'assistant', content: '', refusal: null })]));
      for (const d of deltas(reply.text ?? '')) events.push(chunk([choice({ content: d })]));
      (reply.toolCalls ?? []).forEach((tc, index) => {
        events.push(chunk([choice({ tool_calls: [{ index, id: `call_fake${++seq}`, type: 'function', function: { name: tc.name, arguments: '' } }] })]));
        for (let i = 0; i < tc.arguments.length; i += 8) events.push(chunk([choice({ tool_calls: [{ index, function: { arguments: tc.arguments.slice(i, i + 8) } }] })]));
      });
      events.push(chunk([choice({}, reply.toolCalls?.length ? 'tool_calls' : 'stop')]));
      if (body.stream_options?.include_usage === true) {
        const prompt = reply.usage?.prompt_tokens ?? fakeTokens(JSON.stringify(body.messages) + JSON.stringify(body.tools ?? []));
        const completion = reply.usage?.completion_tokens ?? fakeTokens((reply.text ?? '') + (reply.toolCalls ?? []).map((t) => t.name + t.arguments).join(''));
        const usage = {
          prompt_tokens: prompt,
          completion_tokens: completion,
          total_tokens: prompt + completion,
          prompt_tokens_details: { cached_tokens: reply.usage?.cached_tokens ?? 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
        };
        events.push(chunk([], { usage }));
      }
    }
    events.push('data: [DONE]\n\n');
    await this.sse(res, events, fault);
  }

  private async transcription(req: RecordedRequest, res: ServerResponse): Promise<void> {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(req.raw), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
    } catch {
      return this.error(res, 400, 'expected multipart/form-data');
    }
    const file = form.get('file');
    const model = form.get('model');
    if (!(file instanceof Blob) || typeof model !== 'string') return this.error(res, 400, "'file' and 'model' are required");
    const wav = Buffer.from(await file.arrayBuffer());
    if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') return this.error(res, 400, 'Invalid file format.');
    const rate = wav.readUInt32LE(24);
    const ms = ((wav.length - 44) / 2 / rate) * 1000;
    this.transcriptions.push({ file: wav, model, ms, rate });
    const text = this.transcripts.shift() ?? '';
    const audio = Math.ceil((ms / 1000) * FAKE_STT_AUDIO_TOKENS_PER_S);
    const usage = model === 'whisper-1'
      ? { type: 'duration', seconds: Math.ceil(ms / 1000) }
      : { type: 'tokens', input_tokens: audio, output_tokens: fakeTokens(text), total_tokens: audio + fakeTokens(text), input_token_details: { text_tokens: 0, audio_tokens: audio } };
    this.json(res, 200, { text, usage });
  }

  private async speak(req: RecordedRequest, res: ServerResponse, fault: Fault): Promise<void> {
    const b = req.body as { model?: unknown; input?: unknown; voice?: unknown; response_format?: unknown } | undefined;
    if (!b || typeof b.model !== 'string' || typeof b.input !== 'string' || typeof b.voice !== 'string') return this.error(res, 400, "'model', 'input' and 'voice' are required");
    if (b.response_format !== 'pcm') return this.error(res, 400, 'this fake only produces pcm');
    this.speeches.push({ input: b.input, voice: b.voice, model: b.model });
    const pcm = speechLike(b.input.length * this.speech.msPerChar, 24000);
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    if (this.speech.firstByteMs) await sleep(this.speech.firstByteMs);
    res.writeHead(200, { 'content-type': 'audio/pcm', 'transfer-encoding': 'chunked' });
    const CHUNK = 4800; // 100 ms at 24 kHz
    for (let i = 0, n = 0; i < bytes.length; i += CHUNK, n++) {
      if (fault.disconnectAfter !== undefined && n >= fault.disconnectAfter) return void res.socket?.destroy();
      if (this.speech.chunkDelayMs && n > 0) await sleep(this.speech.chunkDelayMs);
      if (res.destroyed) return;
      res.write(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
    }
    res.end();
  }
}

/** A voiced-sounding signal: 180 Hz with harmonics, syllable-rate amplitude modulation. */
export function speechLike(ms: number, rate: number): Int16Array {
  const n = Math.round((rate * ms) / 1000);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const env = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
    const v = Math.sin(2 * Math.PI * 180 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t) + 0.25 * Math.sin(2 * Math.PI * 720 * t);
    out[i] = Math.round(7000 * env * v);
  }
  return out;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  return new FakeOpenAI().start();
}
