import { z } from 'zod';
import { defineCommand, type Command } from '../command';
import type { CommandSpec } from '../command-spec';
import { bashCompletion } from '../completion/bash';
import { completionTable } from '../completion/completion-table';
import { zshCompletion } from '../completion/zsh';

const SHELLS = { bash: bashCompletion, zsh: zshCompletion };

/** `saring completion <shell>`, generated from the commands `specs` returns (this one included). */
export function completionCommand(specs: () => readonly CommandSpec[]): Command {
  return defineCommand({
    words: ['completion'],
    summary: 'print the shell completion script for bash or zsh',
    usage: 'saring completion <shell>',
    help: [
      'Completes commands, options, step names and the values of options such as --region.',
      'bash: source <(saring completion bash)     (add the line to ~/.bashrc)',
      'zsh:  source <(saring completion zsh)      (in ~/.zshrc, after compinit)',
    ].join('\n'),
    positionals: z.tuple([z.enum(['bash', 'zsh'], { error: 'a shell: bash or zsh' })]),
    flags: z.strictObject({}),
    async run({ args: [shell], ctx }) {
      ctx.out(SHELLS[shell](completionTable(specs())));
    },
  });
}
