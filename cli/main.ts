/**
 * `saring`: the officers' and auditors' command line, a client of the HTTP API.
 * Exit codes: 0 done, 1 refused or failed (the API's message is printed), 2 wrong usage.
 */
import { terminalSafe } from './terminal-safe';
import { ApiClient, ApiError } from './api-client';
import { parseArgs, UsageError } from './args';
import type { CliContext, Command } from './command';
import { commandSpec } from './command-spec';
import { auditHistory, auditVerify } from './commands/audit';
import { auditAccess } from './commands/audit-access';
import { auditReplay } from './commands/audit-offline';
import { caseActions, caseDeadlines, caseShow, casesList, caseTimeline } from './commands/case-reads';
import { caseAct, caseNote, detect } from './commands/case-steps';
import { completionCommand } from './commands/completion';
import { importCommand } from './commands/import';
import { login, logout } from './commands/login';
import { me } from './commands/me';
import { reportCommand } from './commands/report';
import { signWebhook } from './commands/sign-webhook';
import { transparencyCommand } from './commands/transparency';
import { freshTokens } from './sign-in/oidc-client';
import { readTokens, writeTokens } from './sign-in/token-store';
import { GlobalFlags } from './global-options';
import { globalUsage } from './help';
import { parseCommandLine } from './program';

export const COMMANDS: Command[] = [
  login,
  logout,
  me,
  casesList,
  caseShow,
  caseTimeline,
  caseDeadlines,
  caseActions,
  caseAct,
  caseNote,
  detect,
  importCommand,
  auditHistory,
  auditVerify,
  auditReplay,
  auditAccess,
  reportCommand,
  transparencyCommand,
  signWebhook,
  // Generated from this very list, so the completions never drift from the commands.
  completionCommand(() => SPECS),
];
const SPECS = COMMANDS.map(commandSpec);
const GLOBAL_USAGE = globalUsage(COMMANDS);

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: { out(text: string): void; err(text: string): void },
): Promise<number> {
  let usage = GLOBAL_USAGE;
  try {
    // Commander splits argv into the command, its arguments and its options; zod validates them.
    const parsed = await parseCommandLine(argv, SPECS, GLOBAL_USAGE, (text) => io.out(text));
    if (parsed.kind === 'exit') return parsed.code;
    const { command } = parsed.spec;
    usage = command.usage;
    const globals = parseArgs(GlobalFlags, parsed.globals, usage);
    const args: unknown = parseArgs(command.positionals, parsed.operands, usage);
    const flags: unknown = parseArgs(command.flags, parsed.flags, usage);

    const apiUrl = globals.api ?? env.SARING_API_URL;
    const token = globals.token ?? env.SARING_TOKEN;
    const ctx: CliContext = {
      apiUrl,
      env,
      json: globals.json === true || globals.output === 'json',
      out: (text) => {
        io.out(text);
      },
      err: (text) => {
        io.err(text);
      },
      api() {
        if (!apiUrl) throw new UsageError('no API URL: set SARING_API_URL or pass --api');
        if (token) return new ApiClient(apiUrl, async () => token);
        return new ApiClient(apiUrl, () => storedAccessToken(env, apiUrl));
      },
    };
    const code = await command.run({ args, flags, ctx });
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`saring: ${terminalSafe(error.message)}\nusage: ${error.usage ?? usage}\n(--help for more)`);
      return 2;
    }
    if (error instanceof ApiError) {
      io.err(
        `saring: ${error.status ? `${error.status} ${error.code}: ` : ''}${terminalSafe(error.message)}`,
      );
      return 1;
    }
    io.err(`saring: ${terminalSafe(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}

/** The access token `saring login` stored for this API, refreshed (and stored again) when about to expire. */
async function storedAccessToken(env: NodeJS.ProcessEnv, apiUrl: string): Promise<string> {
  const stored = readTokens(env);
  if (!stored)
    throw new UsageError('not signed in: run `saring login` (or set SARING_TOKEN to an access token)');
  if (stored.apiUrl !== apiUrl)
    throw new UsageError(`signed in to ${stored.apiUrl}, not ${apiUrl}: run \`saring login\` again`);
  const renewed = await freshTokens(stored);
  if (renewed) writeTokens(env, renewed);
  return (renewed ?? stored).accessToken;
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
