import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../cli/main';
import { CASE_UPDATE_NAMES } from '../../../domain';

async function script(shell: string): Promise<string> {
  const out: string[] = [];
  const code = await runCli(
    ['completion', shell],
    {},
    { out: (text) => out.push(text), err: () => undefined },
  );
  expect(code).toBe(0);
  return out.join('\n');
}

describe('saring completion bash, sourced in a real bash', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saring-completion-')), 'saring.bash');
    fs.writeFileSync(file, await script('bash'));
  });

  /** What bash offers for the words typed so far (the last one is under the cursor). */
  function complete(...words: string[]): string[] {
    const run = spawnSync(
      'bash',
      [
        '--noprofile',
        '--norc',
        '-c',
        'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _saring; printf "%s\\n" "${COMPREPLY[@]}"',
        'bash',
        file,
        'saring',
        ...words,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    return run.stdout.split('\n').filter(Boolean).sort();
  }

  it('completes command words', () => {
    expect(complete('ca')).toEqual(['case', 'cases']);
    expect(complete('')).toEqual([
      'audit',
      'case',
      'cases',
      'completion',
      'detect',
      'import',
      'login',
      'logout',
      'me',
      'report',
      'sign-webhook',
      'transparency',
    ]);
    expect(complete('audit', '')).toEqual(['access', 'history', 'replay', 'verify']);
    // As bash splits a URL (COMP_WORDBREAKS holds ":" and "="): the pieces are one value.
    expect(complete('--api', 'http', ':', '//127.0.0.1', ':', '8080', 'case', 'a')).toEqual([
      'act',
      'actions',
    ]);
    expect(complete('--api', '=', 'http', ':', '//127.0.0.1', 'case', 'a')).toEqual(['act', 'actions']);
  });

  it('completes the step names of case act after the case id, options and all', () => {
    expect(complete('case', 'act', 'case-0123456789abcdef0123', '')).toEqual([...CASE_UPDATE_NAMES].sort());
    expect(complete('case', 'act', '--json', '{}', 'case-0123456789abcdef0123', 'approve')).toEqual([
      'approveStatement',
      'approveWithdrawal',
    ]);
    expect(complete('case', 'act', 'case-0123456789abcdef0123', 'submitVerdict', '')).toEqual([]);
  });

  it("completes each command's options and the values of enum options", () => {
    expect(complete('cases', 'list', '--b')).toEqual(['--breached']);
    expect(complete('audit', 'history', 'case-0123456789abcdef0123', '--r')).toEqual(['--run-id']);
    expect(complete('detect', '--region', 'ta')).toEqual(['tabalong', 'tanah_bumbu', 'tanah_laut', 'tapin']);
    expect(complete('me', '--output', '')).toEqual(['json', 'text']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh']);
  });
});

// zsh is not among the project's requirements: this part runs where it is installed (apt-get install zsh).
const hasZsh = spawnSync('zsh', ['--version']).status === 0;
(hasZsh ? describe : describe.skip)('saring completion zsh, sourced in a real zsh', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saring-completion-')), '_saring');
    fs.writeFileSync(file, await script('zsh'));
  });

  /**
   * The candidates the script hands to compadd for the words typed so far (compadd and compdef stand in
   * for zsh's completion system, which needs an interactive shell; compadd itself filters by prefix).
   */
  function candidates(...words: string[]): { registered: string; offered: string[] } {
    const run = spawnSync(
      'zsh',
      [
        '-f',
        '-c',
        'compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }; compdef() { print -- "compdef $*"; }; ' +
          'source "$1"; shift; words=(saring "$@"); CURRENT=${#words}; _saring',
        'zsh',
        file,
        ...words,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    const [registered = '', ...offered] = run.stdout.split('\n').filter(Boolean);
    return { registered, offered: offered.sort() };
  }

  it('registers itself for saring and offers commands, step names and option values', () => {
    expect(candidates('ca')).toEqual({
      registered: 'compdef _saring saring',
      offered: [
        'audit',
        'case',
        'cases',
        'completion',
        'detect',
        'import',
        'login',
        'logout',
        'me',
        'report',
        'sign-webhook',
        'transparency',
      ],
    });
    expect(candidates('case', 'act', 'case-0123456789abcdef0123', '').offered).toEqual(
      [...CASE_UPDATE_NAMES].sort(),
    );
    expect(candidates('me', '--output', '').offered).toEqual(['json', 'text']);
  });
});
