// Reading settings from the environment: one parser per type, each failing with a ConfigError that names
// the variable, so every settings module (config.ts, sip-config.ts, webrtc-config.ts) refuses bad values
// the same way.
import { ConfigError } from './errors.ts';

export type Env = Record<string, string | undefined>;

/** The trimmed value, or undefined when unset or blank. */
export function envStr(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

export function envInt(env: Env, name: string, def: number, min: number, max: number): number {
  const v = envStr(env, name);
  if (v === undefined) return def;
  if (!(min < 0 ? /^-?\d+$/ : /^\d+$/).test(v)) throw new ConfigError(name, `expected a whole number, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `expected a number from ${min} to ${max}, got ${n}`);
  return n;
}

/** A whole number in [min, max], or undefined when unset. */
export function envOptionalInt(env: Env, name: string, min: number, max: number): number | undefined {
  return envStr(env, name) === undefined ? undefined : envInt(env, name, 0, min, max);
}

export function envBool(env: Env, name: string, def: boolean): boolean {
  const v = envStr(env, name)?.toLowerCase();
  if (v === undefined) return def;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ConfigError(name, `expected true or false, got "${v}"`);
}
