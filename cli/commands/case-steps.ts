import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { CASE_UPDATE_NAMES, CATEGORIES, PLATFORMS, REGIONS, type CaseState } from '../../domain';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { stepResultLines } from '../step-result';
import { CaseId } from './case-reads';

const UpdateName = z.enum(CASE_UPDATE_NAMES as [string, ...string[]], {
  error: `a step name: ${CASE_UPDATE_NAMES.join(', ')}`,
});

function readPayload(flags: { json?: string; file?: string }, usage: string): unknown {
  if ((flags.json === undefined) === (flags.file === undefined))
    throw new UsageError('give the payload with exactly one of --json or --file', usage);
  let text = flags.json;
  if (flags.file !== undefined) {
    try {
      text = fs.readFileSync(flags.file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --file ${flags.file}: ${(error as Error).message}`, usage);
    }
  }
  try {
    return JSON.parse(text!);
  } catch (error) {
    throw new UsageError(`the payload is not valid JSON: ${(error as Error).message}`, usage);
  }
}

const ACT_USAGE = "saring case act <caseId> <step> (--json '<payload>' | --file payload.json)";

export const caseAct = defineCommand({
  words: ['case', 'act'],
  summary: 'take a case step (claim, verdict, draft, approve...) as yourself',
  usage: ACT_USAGE,
  help: [
    `Steps: ${CASE_UPDATE_NAMES.join(', ')}.`,
    'The payload is the step\'s fields without "actor": the API sets who you are from your token.',
    'Examples:',
    '  saring case act case-... assignVerifier --json \'{"assignee":"siti.verifier"}\'',
    '  saring case act case-... submitVerdict --json \'{"verdict":{"kind":"hoax","label":"HOAKS","reasons":["..."]}}\'',
    '  saring case act case-... approveStatement --json \'{"kind":"clarification","revision":1}\'',
    '  saring case act case-... reuseClarification --json \'{"fromCaseId":"case-..."}\'  (the case shown as "Same claim")',
    'The workflow may refuse a step (wrong role, wrong stage, four-eyes): its message is printed and the exit code is 1.',
    'For machine output of this command use --output json (here --json carries the payload).',
  ].join('\n'),
  positionals: z.tuple([CaseId, UpdateName]),
  // Here --json carries the payload; for machine output of this command use --output json.
  flags: z.strictObject({ json: z.string().optional(), file: z.string().optional() }),
  async run({ args: [caseId, step], flags, ctx }) {
    const payload = readPayload(flags, ACT_USAGE);
    // One key per officer action: the API answers a repeat of the same key (a retry) without a second step.
    const idempotencyKey = randomUUID();
    const state = await ctx.api().post<CaseState>(`/api/cases/${caseId}/actions/${step}`, payload, {
      'Idempotency-Key': idempotencyKey,
    });
    if (ctx.json) return ctx.out(JSON.stringify(state, null, 2));
    ctx.out(stepResultLines(step, caseId, state).join('\n'));
  },
});

export const caseNote = defineCommand({
  words: ['case', 'note'],
  summary: 'add a note to a case',
  usage: 'saring case note <caseId> <text...>',
  help: 'Everything after the case id is the note. Example: saring case note case-... "Sumber asli ditemukan di grup Facebook"',
  positionals: z.tuple([CaseId], z.string()).refine((args) => args.length > 1, 'the note text is missing'),
  flags: z.strictObject({}),
  async run({ args: [caseId, ...words], ctx }) {
    const answer = await ctx
      .api()
      .post<{ accepted: boolean }>(`/api/cases/${caseId}/notes`, { text: words.join(' ') });
    ctx.out(
      ctx.json ? JSON.stringify(answer) : `note sent to ${caseId}; it shows on the timeline in a moment`,
    );
  },
});

export const detect = defineCommand({
  words: ['detect'],
  summary: 'report content you found (opens a case, or adds to the open one)',
  usage:
    'saring detect --url <url> [--text <text>] [--region <region>] [--platform <platform>] [--reason <why>] [--category <category>]',
  help: [
    `Regions: ${REGIONS.join(', ')}.`,
    `Platforms: ${PLATFORMS.join(', ')}.`,
    `Categories: ${CATEGORIES.join(', ')}.`,
  ].join('\n'),
  positionals: z.tuple([]),
  flags: z.strictObject({
    url: z.string().min(1, 'give the URL of the content'),
    text: z.string().optional(),
    region: z.enum(REGIONS).optional(),
    platform: z.enum(PLATFORMS).optional(),
    reason: z.string().optional(),
    category: z.enum(CATEGORIES).optional(),
  }),
  async run({ flags, ctx }) {
    const { category, ...rest } = flags;
    const body = { ...rest, ...(category ? { suggestedCategory: category } : {}) };
    const answer = await ctx.api().post<{ caseId: string }>('/api/detections', body);
    ctx.out(ctx.json ? JSON.stringify(answer) : `detection recorded on ${answer.caseId}`);
  },
});
