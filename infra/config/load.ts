import { type z } from 'zod';
import { dev } from './environments/dev';
import { prod } from './environments/prod';
import { EnvironmentConfig, type EnvironmentConfigInput, TemporalMode } from './schema';

export const ENVIRONMENTS: Readonly<Record<string, EnvironmentConfigInput>> = { dev, prod };

/** CDK context keys (`-c key=value`) that select what is synthesized. */
export const CONTEXT_KEYS = {
  environment: 'saring:environment',
  /** Optional: overrides the environment's temporal.mode, e.g. to synthesize the cloud variant of dev. */
  temporalMode: 'saring:temporalMode',
} as const;

export interface ConfigSelection {
  environment: string;
  temporalMode?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `  - ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('\n');
}

/** Validates a raw environment config; every problem is reported with the path of the field at fault. */
export function parseEnvironmentConfig(raw: unknown, label: string): EnvironmentConfig {
  const parsed = EnvironmentConfig.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid Saring configuration for "${label}":\n${describeIssues(parsed.error.issues)}`,
    );
  }
  return parsed.data;
}

/** Picks the environment's config, applies the optional Temporal mode override, and parses it once. */
export function loadEnvironmentConfig(selection: ConfigSelection): EnvironmentConfig {
  const raw = ENVIRONMENTS[selection.environment];
  if (!raw) {
    throw new ConfigError(
      `Unknown Saring environment "${selection.environment}" (context ${CONTEXT_KEYS.environment}); known: ${Object.keys(ENVIRONMENTS).join(', ')}`,
    );
  }
  let input: EnvironmentConfigInput = raw;
  if (selection.temporalMode !== undefined) {
    const mode = TemporalMode.safeParse(selection.temporalMode);
    if (!mode.success) {
      throw new ConfigError(
        `Invalid context ${CONTEXT_KEYS.temporalMode}="${selection.temporalMode}": expected one of ${TemporalMode.options.join(', ')}`,
      );
    }
    input = { ...raw, temporal: { ...raw.temporal, mode: mode.data } };
  }
  return parseEnvironmentConfig(input, selection.environment);
}
