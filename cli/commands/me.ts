import { z } from 'zod';
import { defineCommand } from '../command';

export const me = defineCommand({
  words: ['me'],
  summary: 'who your token belongs to and what your role may do',
  usage: 'saring me',
  help: 'Checks the API URL and token too: run it first when something does not work.',
  positionals: z.tuple([]),
  flags: z.strictObject({}),
  async run({ ctx }) {
    const answer = await ctx
      .api()
      .get<{ officerId: string; name: string; role: string; can: Record<string, boolean> }>('/api/me');
    if (ctx.json) return ctx.out(JSON.stringify(answer, null, 2));
    const allowed = Object.entries(answer.can)
      .filter(([, yes]) => yes)
      .map(([what]) => what);
    ctx.out(
      `${answer.name} (${answer.officerId}), role ${answer.role}\nmay: ${allowed.join(', ') || 'nothing'}`,
    );
  },
});
