import fs from 'node:fs';
import { type z } from 'zod';

/**
 * Reads a JSON config file and parses it with a zod schema. A bad file stops the process with every
 * problem listed by path, e.g. "activities.s3.evidenceBucket: a valid S3 bucket name".
 */
export function loadConfigFile<T extends z.ZodType>(schema: T, file: string, envOverrides: Record<string, unknown> = {}): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read config ${file}: ${(error as Error).message}. Check the path in SARING_CONFIG_FILE.`);
  }
  const merged = deepMerge(raw, envOverrides);
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new Error(`Config ${file} is invalid:\n${problems}\nFix these fields and start again.`);
  }
  return parsed.data;
}

function deepMerge(base: unknown, extra: Record<string, unknown>): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return base;
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) continue;
    result[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value) ? deepMerge(result[key] ?? {}, value as Record<string, unknown>) : value;
  }
  return result;
}
