import type { z } from 'zod';
import { COMMANDS, runCli } from '../../../cli/main';
import { usageArguments } from '../../../cli/command-spec';

async function saring(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {}, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ACT_USAGE = "usage: saring case act <caseId> <step> (--json '<payload>' | --file payload.json)";
const usageError = (message: string, usage: string) => `saring: ${message}\n${usage}\n(--help for more)`;

describe('saring command line (commander parses the shape, zod the values)', () => {
  it("names in each usage line exactly the arguments of the command's zod schema", () => {
    for (const command of COMMANDS) {
      const tuple = command.positionals as z.ZodTuple;
      const args = usageArguments(command);
      expect([command.words.join(' '), args.filter((arg) => !arg.variadic).length]).toEqual([
        command.words.join(' '),
        tuple.def.items.length,
      ]);
      expect([command.words.join(' '), args.some((arg) => arg.variadic)]).toEqual([
        command.words.join(' '),
        tuple.def.rest !== null,
      ]);
    }
  });

  it('prints the help texts: the command list for saring, the command help for a command', async () => {
    const global = await saring('--help');
    expect(global.code).toBe(0);
    expect(global.out.split('\n').slice(0, 4)).toEqual([
      'usage: saring <command> [options]',
      '',
      'Commands:',
      '  login            sign in (your browser opens the sign-in page; tokens are kept for you, mode 0600)',
    ]);
    expect(global.out).toContain('  me               who your token belongs to and what your role may do');
    expect(global.out).toContain('  completion       print the shell completion script for bash or zsh');
    expect(global.out).toMatch(/\nExit codes: 0 done, 1 refused or failed, 2 wrong usage\.$/);
    expect(await saring()).toEqual({ code: 2, out: global.out, err: '' });
    expect(await saring('case', '-h')).toEqual({ code: 0, out: global.out, err: '' });

    const act = await saring('case', 'act', '--help');
    expect(act.code).toBe(0);
    expect(act.out.split('\n').slice(0, 3)).toEqual([
      ACT_USAGE,
      '',
      'take a case step (claim, verdict, draft, approve...) as yourself.',
    ]);
  });

  it('refuses wrong usage with exit code 2, a message naming the argument and the usage line', async () => {
    const cases: [string[], string][] = [
      [['me', '--bogus'], usageError('unknown option --bogus', 'usage: saring me')],
      [['me', '--jsn'], usageError('unknown option --jsn (did you mean --json?)', 'usage: saring me')],
      [['me', '--json', '--json'], usageError('--json is given twice', 'usage: saring me')],
      [['me', '--api'], usageError('--api needs a value', 'usage: saring me')],
      [['me', 'extra'], usageError('unexpected argument "extra"', 'usage: saring me')],
      [['me', '--', 'extra'], usageError('unexpected argument "extra"', 'usage: saring me')],
      [
        ['me', '--api', 'ftp://x'],
        usageError('--api: --api must be an http(s) URL, e.g. http://127.0.0.1:8080', 'usage: saring me'),
      ],
      [
        ['--api', 'ftp://x', 'me'],
        usageError('--api: --api must be an http(s) URL, e.g. http://127.0.0.1:8080', 'usage: saring me'),
      ],
      [['case', 'act', 'case-0123456789abcdef0123'], usageError('missing <step>', ACT_USAGE)],
      [
        ['case', 'act', 'case-0123456789abcdef0123', 'submitVerdict', '--json'],
        usageError('--json needs a value', ACT_USAGE),
      ],
      [
        ['case', 'show', 'nonsense'],
        usageError(
          'argument 1: a case id like case-0123456789abcdef0123 (saring cases list shows them)',
          'usage: saring case show <caseId>',
        ),
      ],
      [
        ['case', 'note', 'case-0123456789abcdef0123'],
        usageError('the note text is missing', 'usage: saring case note <caseId> <text...>'),
      ],
      [
        ['completion', 'fish'],
        usageError('argument 1: a shell: bash or zsh', 'usage: saring completion <shell>'),
      ],
    ];
    for (const [argv, err] of cases)
      expect([argv, await saring(...argv)]).toEqual([argv, { code: 2, out: '', err }]);

    const status = await saring('cases', 'list', '--status', '--breached');
    expect([status.code, status.err.split('\n')[0]]).toEqual([2, 'saring: --status needs a value']);
    const unknown = await saring('case', 'nope');
    expect([unknown.code, unknown.err.split('\n').slice(0, 2)]).toEqual([
      2,
      ['saring: unknown command "case nope"', 'usage: saring <command> [options]'],
    ]);
  });

  it('takes --json as the payload of case act and --output json for its output (it stops only at the missing API URL)', async () => {
    const run = await saring(
      'case',
      'act',
      'case-0123456789abcdef0123',
      'submitVerdict',
      '--json',
      '{"verdict":{}}',
      '--output',
      'json',
    );
    expect(run).toEqual({
      code: 2,
      out: '',
      err: usageError('no API URL: set SARING_API_URL or pass --api', ACT_USAGE),
    });
  });

  it('reads a lone -- as the end of the options, as POSIX tools do (it stops only at the missing API URL)', async () => {
    expect(await saring('me', '--')).toEqual({
      code: 2,
      out: '',
      err: usageError('no API URL: set SARING_API_URL or pass --api', 'usage: saring me'),
    });
  });
});
