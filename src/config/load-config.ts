import { existsSync } from 'node:fs';
import type { z } from 'zod';
import { configHints, configSchema, type Config } from './config-schema.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses an environment; the first problem becomes one line naming the variable and the fix. */
export function parseConfig(env: Record<string, string | undefined>): Config;
/** The same for a command that reads only part of the configuration (`npm run package`). */
export function parseConfig<S extends z.ZodType>(env: Record<string, string | undefined>, schema: S): z.infer<S>;
export function parseConfig(env: Record<string, string | undefined>, schema: z.ZodType = configSchema): unknown {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'configuration');
  const hint = configHints[name as keyof Config];
  const shown = env[name] === undefined ? 'missing' : `invalid (${issue.message})`;
  throw new ConfigError(`Configuration error: ${name} is ${shown}${hint ? `; ${hint}` : ''}.`);
}

/** Reads `.env` when present (process variables win), then validates once. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** For command-line entry points: the configuration, or one line on stderr and exit code 2. */
export function loadConfigOrExit(envFile?: string): Config;
export function loadConfigOrExit<S extends z.ZodType>(envFile: string | undefined, schema: S): z.infer<S>;
export function loadConfigOrExit(envFile = '.env', schema: z.ZodType = configSchema): unknown {
  try {
    if (existsSync(envFile)) process.loadEnvFile(envFile);
    return parseConfig(process.env, schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
