// Runs the end-of-call summaries of a worker's calls: each after its call has been released (so it never
// holds the call's media), bounded by a timeout even if the kind ignores its abort signal, counted on
// /metrics. drain() waits for those still running; close() stops them.
import { Counter, Histogram, type Registry } from '../../lib/metrics.ts';
import { errorMessage } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import type { AgentTurn } from '../kinds/types.ts';
import type { CallSummary, Summarizer } from './summarize.ts';

export class EndOfCallSummaries {
  private readonly running = new Set<{ done: Promise<void>; stop(reason: string): void }>();
  private readonly outcomes: Counter;
  private readonly seconds: Histogram;

  constructor(registry: Registry, private readonly timeoutMs: number) {
    this.outcomes = new Counter({ name: 'uap_agent_summaries_total', help: 'End-of-call summaries, by outcome (ok, empty, timeout, error)', labelNames: ['outcome'], registers: [registry] });
    this.seconds = new Histogram({ name: 'uap_agent_summary_seconds', help: 'Call end → summary ready', buckets: [0.25, 0.5, 1, 2, 3, 5, 7.5, 10], registers: [registry] });
  }

  /** Summarizes `turns` when the caller said something; `publish` gets the summary, `done` runs in any case. */
  run(summarize: Summarizer, turns: readonly AgentTurn[], log: Logger, publish: (s: CallSummary) => Promise<void>, done: () => void): void {
    if (!turns.some((t) => t.role === 'user')) return done();
    const ac = new AbortController();
    const t0 = performance.now();
    let stopped!: (r: 'timeout') => void;
    const timeout = new Promise<'timeout'>((resolve) => (stopped = resolve));
    const stop = (reason: string) => {
      clearTimeout(timer);
      ac.abort(new Error(reason));
      stopped('timeout');
    };
    const timer = setTimeout(() => stop('summary timed out'), this.timeoutMs);
    const entry = { stop, done: Promise.resolve() };
    entry.done = Promise.race([summarize(turns, ac.signal), timeout])
      .then(
        (r) => {
          if (r === 'timeout') {
            this.outcomes.labels('timeout').inc();
            log.warn({ timeoutMs: this.timeoutMs }, 'call summary not ready in time: skipped');
            return;
          }
          if (!r) return void this.outcomes.labels('empty').inc();
          const ms = performance.now() - t0;
          this.outcomes.labels('ok').inc();
          this.seconds.observe(ms / 1000);
          log.info({ provider: r.provider, model: r.model, chars: r.text.length, ms: Math.round(ms) }, 'call summary');
          return publish(r);
        },
        (err: unknown) => {
          this.outcomes.labels(ac.signal.aborted ? 'timeout' : 'error').inc();
          log.warn({ err: errorMessage(err) }, 'call summary failed');
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.running.delete(entry);
        done();
      });
    this.running.add(entry);
  }

  /** Waits for the summaries still running (each is bounded by the timeout). */
  async drain(): Promise<void> {
    await Promise.all([...this.running].map((s) => s.done));
  }

  close(): void {
    for (const s of this.running) s.stop('worker closed');
  }
}
