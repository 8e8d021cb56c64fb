import { z } from 'zod';
import { defineCommand } from '../command';
import { table, time } from '../format';
import { CaseId } from './case-reads';

/** The API's answer (GET /api/cases/:caseId/access), checked before anything is printed. */
const AccessList = z.object({
  caseId: z.string(),
  accesses: z.array(
    z.object({
      at: z.string(),
      caseId: z.string(),
      officerId: z.string(),
      role: z.string(),
      clientId: z.string(),
      action: z.enum(['read', 'export']),
      path: z.string(),
    }),
  ),
});

export const auditAccess = defineCommand({
  words: ['audit', 'access'],
  summary: 'who read or exported a case, when and through which client (auditors)',
  usage: 'saring audit access <caseId> [--action <read|export>]',
  help: [
    'Lists every recorded read and export of the case by an officer, oldest first: time, officer, role,',
    'action, the client (console, CLI or a machine) and the API path. --action keeps one kind only.',
    'Example: saring audit access case-0123456789abcdef0123 --action export',
  ].join('\n'),
  positionals: z.tuple([CaseId]),
  flags: z.strictObject({ action: z.enum(['read', 'export']).optional() }),
  async run({ args: [caseId], flags, ctx }) {
    const answer = await ctx.api().get<unknown>(`/api/cases/${caseId}/access`);
    const parsed = AccessList.safeParse(answer);
    if (!parsed.success)
      throw new Error(
        `the API answered an access list this CLI does not understand (${parsed.error.issues[0]?.message}); update the CLI or check --api`,
      );
    const accesses = parsed.data.accesses.filter((entry) => !flags.action || entry.action === flags.action);
    if (ctx.json) return ctx.out(JSON.stringify({ caseId, accesses }, null, 2));
    if (accesses.length === 0)
      return ctx.out(`No ${flags.action ? `${flags.action}s` : 'reads or exports'} of ${caseId} recorded.`);
    const reads = accesses.filter((entry) => entry.action === 'read').length;
    ctx.out(
      [
        table(
          ['time', 'officer', 'role', 'action', 'client', 'path'],
          accesses.map((entry) => [
            time(entry.at),
            entry.officerId,
            entry.role,
            entry.action,
            entry.clientId,
            entry.path,
          ]),
        ),
        `${accesses.length} of ${caseId}: ${reads} read${reads === 1 ? '' : 's'}, ${accesses.length - reads} export${accesses.length - reads === 1 ? '' : 's'}`,
      ].join('\n'),
    );
  },
});
