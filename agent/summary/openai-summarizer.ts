// The end-of-call summary through OpenAI Chat Completions, for kinds whose own model is not a chat
// model (openai-realtime: a text summary of the transcript costs a fraction of a Realtime response).
// The SDK is imported on first use, like the cascaded kind's.
import { OpenAiLlm } from '../kinds/cascaded/providers/openai-llm.ts';
import { usageReporter, type UsageSink } from '../usage/call-usage.ts';
import { summarizeWith, SUMMARY_MAX_TOKENS, type Summarizer } from './summarize.ts';

export const DEFAULT_SUMMARY_MODEL = 'gpt-4o-mini';

export interface OpenAiSummarizerOptions {
  apiKey: string;
  /** OPENAI_BASE_URL (tests: a local fake); the SDK's default when absent. */
  baseUrl: string | undefined;
  model: string;
  usage: UsageSink | undefined;
}

export function openaiSummarizer(o: OpenAiSummarizerOptions): Summarizer {
  return async (turns, signal) => {
    const { default: OpenAI } = await import('openai');
    const client = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseUrl, maxRetries: 0, timeout: 15_000 });
    const llm = new OpenAiLlm({ client, model: o.model, temperature: undefined, maxTokens: SUMMARY_MAX_TOKENS, usage: usageReporter(o.usage, 'summary', 'openai', o.model) });
    return summarizeWith(llm, turns, signal);
  };
}
