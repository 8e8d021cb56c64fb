/**
 * `saring`: the officers' and auditors' command line, a client of the HTTP API.
 * Exit codes: 0 done, 1 refused or failed (the API's message is printed), 2 wrong usage.
 */
import { z } from 'zod';
import { ApiClient, ApiError } from './api-client';
import { parseArgs, tokenize, UsageError } from './args';
import type { CliContext, Command } from './command';
import { auditHistory, auditVerify } from './commands/audit';
import { caseActions, caseDeadlines, caseShow, casesList, caseTimeline } from './commands/case-reads';
import { caseAct, caseNote, detect } from './commands/case-steps';
import { me } from './commands/me';

const COMMANDS: Command[] = [
  me,
  casesList,
  caseShow,
  caseTimeline,
  caseDeadlines,
  caseActions,
  caseAct,
  caseNote,
  detect,
  auditHistory,
  auditVerify,
];

const GLOBAL_USAGE = [
  'saring <command> [options]',
  '',
  'Commands:',
  ...COMMANDS.map((command) => `  ${command.words.join(' ').padEnd(16)} ${command.summary}`),
  '',
  'Options for every command:',
  '  --api <url>        the API (default: $SARING_API_URL)',
  '  --token <token>    your officer token (default: $SARING_TOKEN; prefer the variable: arguments show in ps)',
  '  --json             machine-readable output (for "case act", where --json is the payload: --output json)',
  '  --output text|json same as above',
  '  --help, -h         help for a command, e.g. saring case act --help',
  '',
  'Exit codes: 0 done, 1 refused or failed, 2 wrong usage.',
].join('\n');

const GlobalFlags = z.object({
  api: z
    .url({ protocol: /^https?$/, error: '--api must be an http(s) URL, e.g. http://127.0.0.1:8080' })
    .optional(),
  token: z.string().min(16, 'the token looks too short').optional(),
  json: z.literal(true).optional(),
  output: z.enum(['text', 'json']).optional(),
  help: z.literal(true).optional(),
});
const GLOBAL_NAMES = ['api', 'token', 'json', 'output', 'help'];

function findCommand(positionals: string[]): Command | undefined {
  return COMMANDS.find((command) => command.words.every((word, index) => positionals[index] === word));
}

/** The positional words, read with every option any command treats as value-less. */
function leadingWords(argv: string[]): string[] {
  const booleans = new Set(['json', 'help', ...COMMANDS.flatMap((command) => command.booleans ?? [])]);
  try {
    return tokenize(argv, booleans).positionals;
  } catch {
    return argv.filter((arg) => !arg.startsWith('-'));
  }
}

function commandHelp(command: Command): string {
  return `usage: ${command.usage}\n\n${command.summary}.\n${command.help}`;
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: { out(text: string): void; err(text: string): void },
): Promise<number> {
  let usage = GLOBAL_USAGE;
  try {
    // Find the command from the leading words first: it decides which options take a value.
    const command = findCommand(leadingWords(argv));
    const valueFlags = new Set(command ? Object.keys((command.flags as z.ZodObject).shape ?? {}) : []);
    const booleans = new Set([
      ...(command?.booleans ?? []),
      ...['json', 'help'].filter((name) => !valueFlags.has(name)),
    ]);
    const tokens = tokenize(argv, booleans);

    if (!command) {
      if (tokens.flags.help || argv.length === 0) {
        io.out(`usage: ${GLOBAL_USAGE}`);
        return argv.length === 0 ? 2 : 0;
      }
      throw new UsageError(`unknown command "${tokens.positionals.join(' ')}"`);
    }
    usage = command.usage;
    if (tokens.flags.help === true) {
      io.out(commandHelp(command));
      return 0;
    }

    const globalPart: Record<string, unknown> = {};
    const commandPart: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(tokens.flags)) {
      (GLOBAL_NAMES.includes(name) && !valueFlags.has(name) ? globalPart : commandPart)[name] = value;
    }
    const globals = parseArgs(GlobalFlags, globalPart, usage);
    const args: unknown = parseArgs(
      command.positionals,
      tokens.positionals.slice(command.words.length),
      usage,
    );
    const flags: unknown = parseArgs(command.flags, commandPart, usage);

    const apiUrl = globals.api ?? env.SARING_API_URL;
    const token = globals.token ?? env.SARING_TOKEN;
    const ctx: CliContext = {
      json: globals.json === true || globals.output === 'json',
      out: (text) => {
        io.out(text);
      },
      err: (text) => {
        io.err(text);
      },
      api() {
        if (!apiUrl) throw new UsageError('no API URL: set SARING_API_URL or pass --api');
        if (!token) throw new UsageError('no token: set SARING_TOKEN to your officer token or pass --token');
        return new ApiClient(apiUrl, token);
      },
    };
    const code = await command.run({ args, flags, ctx });
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`saring: ${error.message}\nusage: ${error.usage ?? usage}\n(--help for more)`);
      return 2;
    }
    if (error instanceof ApiError) {
      io.err(`saring: ${error.status ? `${error.status} ${error.code}: ` : ''}${error.message}`);
      return 1;
    }
    io.err(`saring: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`saring: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
