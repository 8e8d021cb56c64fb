import type { z } from 'zod';

/** Wrong use of the command line: exit code 2 with the message and the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

export interface Tokens {
  positionals: string[];
  flags: Record<string, string | true>;
}

/** "--run-id" -> "runId". */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Splits argv into positionals and flags: `--name value`, `--name=value`, and value-less flags for
 * names in `booleans`; `-h` is `--help`; everything after `--` is positional.
 */
export function tokenize(argv: readonly string[], booleans: ReadonlySet<string>): Tokens {
  const tokens: Tokens = { positionals: [], flags: {} };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') {
      tokens.positionals.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '-h') {
      tokens.flags.help = true;
      continue;
    }
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
      tokens.positionals.push(arg);
      continue;
    }
    const name = camel(match[1]!);
    if (name in tokens.flags) throw new UsageError(`--${match[1]} is given twice`);
    if (match[2] !== undefined) {
      tokens.flags[name] = match[2];
    } else if (booleans.has(name)) {
      tokens.flags[name] = true;
    } else {
      const value = argv[index + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2))
        throw new UsageError(`--${match[1]} needs a value`);
      tokens.flags[name] = value;
      index += 1;
    }
  }
  return tokens;
}

/** Parses with zod; problems become one usage error naming each argument. */
export function parseArgs<T extends z.ZodType>(schema: T, value: unknown, usage: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return `unknown option(s) ${issue.keys.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}`;
      const where =
        issue.path.length > 0
          ? `${typeof issue.path[0] === 'number' ? `argument ${issue.path[0] + 1}` : `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`}: `
          : '';
      return `${where}${issue.message}`;
    });
    throw new UsageError(problems.join('; '), usage);
  }
  return parsed.data;
}
