import type { z } from 'zod';
import { flagOf } from './command-spec';

/** Wrong use of the command line: exit code 2 with the message and the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** Parses with zod; problems become one usage error naming each argument. */
export function parseArgs<T extends z.ZodType>(schema: T, value: unknown, usage: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown option(s) ${issue.keys.map(flagOf).join(', ')}`;
      const where =
        issue.path.length > 0
          ? `${typeof issue.path[0] === 'number' ? `argument ${issue.path[0] + 1}` : flagOf(String(issue.path[0]))}: `
          : '';
      return `${where}${issue.message}`;
    });
    throw new UsageError(problems.join('; '), usage);
  }
  return parsed.data;
}
