import fs from 'node:fs';
import { z } from 'zod';

const ConfigSource = z.union([
  z.object({ SARING_CONFIG_FILE: z.string().min(1) }),
  z.object({ SARING_CONFIG_JSON: z.string().min(2) }),
]);

/**
 * Reads the config from SARING_CONFIG_FILE (a path: local runs) or SARING_CONFIG_JSON (the content:
 * containers, from Secrets Manager), merges the environment overrides and parses it with a zod schema.
 * A bad config stops the process with every problem listed by path, e.g.
 * "activities.s3.evidenceBucket: a valid S3 bucket name".
 */
export function loadConfig<T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv,
  envOverrides: Record<string, unknown> = {},
): z.infer<T> {
  const source = ConfigSource.safeParse(env);
  if (!source.success) {
    throw new Error(
      'No config: set SARING_CONFIG_FILE to the JSON config file (or SARING_CONFIG_JSON to its content).',
    );
  }
  const [where, text] =
    'SARING_CONFIG_FILE' in source.data
      ? [source.data.SARING_CONFIG_FILE, readText(source.data.SARING_CONFIG_FILE)]
      : ['SARING_CONFIG_JSON', source.data.SARING_CONFIG_JSON];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`Config ${where} is not valid JSON: ${(error as Error).message}.`);
  }
  const parsed = schema.safeParse(deepMerge(raw, envOverrides));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    throw new Error(`Config ${where} is invalid:\n${problems}\nFix these fields and start again.`);
  }
  return parsed.data;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read config ${file}: ${(error as Error).message}. Check the path in SARING_CONFIG_FILE.`,
    );
  }
}

function deepMerge(base: unknown, extra: Record<string, unknown>): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return base;
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) continue;
    result[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? deepMerge(result[key] ?? {}, value as Record<string, unknown>)
        : value;
  }
  return result;
}
