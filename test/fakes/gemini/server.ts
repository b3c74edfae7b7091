// A local fake of the Gemini API's streaming generation, as @google/genai calls it:
//
//   POST /v1beta/models/{model}:streamGenerateContent?alt=sse   x-goog-api-key required
//        → SSE `data: {GenerateContentResponse}` events (\r\n\r\n delimited): candidates[0].content.parts
//          with text or functionCall, finishReason on the last, usageMetadata (cumulative: the prompt's
//          count on every chunk, the candidates' count so far), modelVersion, responseId.
//
// Errors use Google's body: {"error": {"code", "message", "status"}}.
import type { ServerResponse } from 'node:http';
import { HttpFake, deltas, fakeTokens, type Fault, type RecordedRequest } from '../http-fake.ts';

export interface GeminiReply {
  text?: string;
  functionCalls?: Array<{ name: string; args: Record<string, unknown> }>;
  /** Token counts of the whole answer (default: estimated from the request and the reply). */
  usage?: { promptTokenCount: number; candidatesTokenCount: number; thoughtsTokenCount?: number; cachedContentTokenCount?: number };
}


export interface GeminiBody {
  contents: Array<{ role?: string; parts: Array<{ text?: string; functionCall?: unknown; functionResponse?: { name: string } }> }>;
  systemInstruction?: unknown;
  tools?: unknown;
  generationConfig?: unknown;
}

const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };
let seq = 0;

export class FakeGemini extends HttpFake {
  readonly replies: Array<GeminiReply | ((b: GeminiBody) => GeminiReply)> = [];

  get baseUrl(): string {
    return this.origin;
  }

  get bodies(): Array<GeminiBody & { model: string }> {
    return this.requests
      .filter((r) => r.path.includes(':streamGenerateContent'))
      .map((r) => ({ ...(r.body as GeminiBody), model: decodeURIComponent(/models\/([^:]+):/.exec(r.path)?.[1] ?? '') }));
  }

  protected error(res: ServerResponse, status: number, message = `fake error ${status}`): void {
    this.json(res, status, { error: { code: status, message, status: STATUS[status] ?? 'UNKNOWN' } });
  }

  protected async handle(req: RecordedRequest, res: ServerResponse, fault: Fault): Promise<void> {
    const url = new URL(req.path, 'http://x');
    const m = /^\/v1beta\/models\/([^/:]+):streamGenerateContent$/.exec(url.pathname);
    if (req.method !== 'POST' || !m) return this.error(res, 404, 'not found');
    if (url.searchParams.get('alt') !== 'sse') return this.error(res, 400, 'this fake only streams with alt=sse');
    if (!req.headers['x-goog-api-key']) return this.error(res, 403, 'Method doesn\'t allow unregistered callers. Please use API Key.');
    const b = req.body as GeminiBody | undefined;
    if (!b || !Array.isArray(b.contents) || b.contents.length === 0) return this.error(res, 400, '* GenerateContentRequest.contents: contents is not specified');
    for (const c of b.contents) if (c.role !== 'user' && c.role !== 'model') return this.error(res, 400, 'Please use a valid role: user, model.');
    const step = this.replies.shift() ?? ((x: GeminiBody): GeminiReply => ({ text: `You said: ${[...x.contents].reverse().find((c) => c.role === 'user')?.parts.map((p) => p.text ?? '').join(' ') ?? ''}` }));
    const reply: GeminiReply = typeof step === 'function' ? step(b) : step;
    const responseId = `fake${++seq}`;
    const prompt = reply.usage?.promptTokenCount ?? fakeTokens(JSON.stringify(b.contents) + JSON.stringify(b.systemInstruction ?? '') + JSON.stringify(b.tools ?? []));
    const parts: unknown[][] = deltas(reply.text ?? '').map((d) => [{ text: d }]);
    if (reply.functionCalls?.length) parts.push(reply.functionCalls.map((f) => ({ functionCall: { name: f.name, args: f.args } })));
    parts.push([{ text: '' }]);
    const total = reply.usage?.candidatesTokenCount ?? fakeTokens((reply.text ?? '') + JSON.stringify(reply.functionCalls ?? []));
    const thoughts = reply.usage?.thoughtsTokenCount ?? 0;
    const events = parts.map((p, i) => {
      const last = i === parts.length - 1;
      // Cumulative: the candidates' count grows to the total on the last chunk.
      const candidates = last ? total : Math.floor((total * (i + 1)) / parts.length);
      const usageMetadata = { promptTokenCount: prompt, candidatesTokenCount: candidates, totalTokenCount: prompt + candidates + (last ? thoughts : 0), ...(last && thoughts ? { thoughtsTokenCount: thoughts } : {}), ...(reply.usage?.cachedContentTokenCount ? { cachedContentTokenCount: reply.usage.cachedContentTokenCount } : {}), promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }] };
      return `data: ${JSON.stringify({ candidates: [{ content: { parts: p, role: 'model' }, ...(last ? { finishReason: 'STOP' } : {}), index: 0 }], usageMetadata, modelVersion: m[1], responseId })}\r\n\r\n`;
    });
    await this.sse(res, events, fault);
  }
}

export async function startFakeGemini(): Promise<FakeGemini> {
  return new FakeGemini().start();
}
