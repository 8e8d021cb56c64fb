import fs from 'node:fs';
import { z } from 'zod';
import { REPORT_KINDS, ReportRequest } from '../../domain';
import { UsageError } from '../args';
import { defineCommand } from '../command';

const EXPORTS = ['statements-of-reasons', 'claim-reviews'] as const;

export const transparencyCommand = defineCommand({
  words: ['transparency'],
  summary: 'download a transparency export: DSA-shaped statements of reasons or ClaimReview JSON-LD',
  usage: 'saring transparency <export> <kind> <period> [--out <file>]',
  help: [
    'export: statements-of-reasons (one per takedown order, shaped like the EU DSA Transparency Database)',
    'or claim-reviews (published hoax clarifications as schema.org ClaimReview JSON-LD).',
    'kind: daily or monthly; period: YYYY-MM-DD or YYYY-MM (WITA). Written with each report by its Schedule.',
    'Example: saring transparency claim-reviews monthly 2026-11 --out claimreview-2026-11.jsonld',
  ].join('\n'),
  positionals: z.tuple([
    z.enum(EXPORTS, 'statements-of-reasons or claim-reviews'),
    z.enum(REPORT_KINDS, 'daily or monthly'),
    z.string(),
  ]),
  flags: z.strictObject({ out: z.string().min(1).optional() }),
  async run({ args: [name, kind, period], flags, ctx }) {
    if (!ReportRequest.safeParse({ kind, period }).success)
      throw new UsageError(
        `${period} is not a ${kind} period: give ${kind === 'daily' ? 'YYYY-MM-DD' : 'YYYY-MM'}`,
      );
    const { text } = await ctx.api().getRaw(`/api/reports/${kind}/${period}/${name}`);
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    if (!flags.out) return ctx.out(pretty);
    fs.writeFileSync(flags.out, `${pretty}\n`);
    ctx.err(`wrote ${flags.out}`);
  },
});
