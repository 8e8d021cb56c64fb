import type { Command } from './command';

/** `saring --help`: every command and the options they all take. */
export function globalUsage(commands: readonly Command[]): string {
  return [
    'saring <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.words.join(' ').padEnd(16)} ${command.summary}`),
    '',
    'Options for every command:',
    '  --api <url>        the API (default: $SARING_API_URL)',
    '  --token <token>    an access token (default: $SARING_TOKEN, else the sign-in kept by `saring login`)',
    '  --json             machine-readable output (for "case act", where --json is the payload: --output json)',
    '  --output text|json same as above',
    '  --help, -h         help for a command, e.g. saring case act --help',
    '',
    'Exit codes: 0 done, 1 refused or failed, 2 wrong usage.',
  ].join('\n');
}

/** `saring <command> --help`. */
export function commandHelp(command: Command): string {
  return `usage: ${command.usage}\n\n${command.summary}.\n${command.help}`;
}
