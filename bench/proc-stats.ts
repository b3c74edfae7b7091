// CPU and memory of a process from /proc (Linux), for benchmarks.
import { readFileSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICK; // utime + stime
}

export function rssBytes(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Quantile from a Prometheus histogram's cumulative buckets (upper-bound estimate). */
export function histogramQuantile(metricsText: string, name: string, q: number): number {
  const buckets: [number, number][] = [];
  for (const line of metricsText.split('\n')) {
    const m = line.match(new RegExp(`^${name}_bucket\\{.*le="([^"]+)".*\\}\\s+(\\S+)`));
    if (m) buckets.push([m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2])]);
  }
  const total = buckets.at(-1)?.[1] ?? 0;
  if (!total) return NaN;
  for (const [le, c] of buckets) if (c >= q * total) return le;
  return Infinity;
}

export function metricSum(metricsText: string, name: string, labelFilter = ''): number {
  let sum = 0;
  for (const line of metricsText.split('\n')) {
    const m = line.match(/^([a-zA-Z_:]+)(\{[^}]*\})?\s+(\S+)$/);
    if (m && m[1] === name && (m[2] ?? '').includes(labelFilter)) sum += Number(m[3]);
  }
  return sum;
}
