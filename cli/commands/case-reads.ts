import { z } from 'zod';
import {
  TIMELINE_LANGUAGES,
  timelineEntryText,
  type CaseState,
  type Deadline,
  type TimelineEntry,
  type TimelineLanguage,
} from '../../domain';
import { deadlineLines, describeState } from '../case-view';
import { CASE_ID } from '../../cases/case-id';
import { defineCommand } from '../command';
import { dueIn, table, time } from '../format';

export const CaseId = z
  .string()
  .regex(CASE_ID, 'a case id like case-0123456789abcdef0123 (saring cases list shows them)');
const CaseIdArg = z.tuple([CaseId]);

interface CaseRow {
  caseId: string;
  status?: string;
  priority?: string;
  category?: string;
  region?: string;
  assignee?: string;
  nextDeadline?: string;
  slaBreached: boolean;
  detectionCount: number;
  executionStatus: string;
}

export const casesList = defineCommand({
  words: ['cases', 'list'],
  summary: 'the case queue, breached and urgent first',
  usage:
    'saring cases list [--status <stage,...>] [--category <c,...>] [--priority <p,...>] [--region <r,...>] [--assignee <officer|none>] [--breached] [--open] [--limit <n>]',
  help: [
    'Filters take one value or several separated by commas, e.g. --status verification,action.',
    'Stages: intake, verification, action, monitoring, closed, withdrawn. --assignee none lists unassigned cases.',
    'Example: saring cases list --status verification --breached',
  ].join('\n'),
  positionals: z.tuple([]),
  flags: z.strictObject({
    status: z.string().optional(),
    category: z.string().optional(),
    priority: z.string().optional(),
    region: z.string().optional(),
    assignee: z.string().optional(),
    breached: z.literal(true).optional(),
    open: z.literal(true).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  }),
  booleans: ['breached', 'open'],
  async run({ flags, ctx }) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(flags)) if (value !== undefined) query.set(key, String(value));
    const answer = await ctx.api().get<{ query: string; cases: CaseRow[] }>(`/api/cases?${query.toString()}`);
    if (ctx.json) return ctx.out(JSON.stringify(answer, null, 2));
    if (answer.cases.length === 0) return ctx.out('No cases match.');
    ctx.out(
      table(
        ['CASE', 'STAGE', 'PRIORITY', 'CATEGORY', 'REGION', 'ASSIGNEE', 'SLA', 'DETECTIONS'],
        answer.cases.map((row) => [
          row.caseId,
          row.status ?? row.executionStatus.toLowerCase(),
          row.priority ?? '-',
          row.category ?? '-',
          row.region ?? '-',
          row.assignee ?? '-',
          row.slaBreached
            ? `BREACHED${row.nextDeadline ? ` (${dueIn(row.nextDeadline)})` : ''}`
            : dueIn(row.nextDeadline),
          String(row.detectionCount),
        ]),
      ),
    );
    ctx.out(`\n${answer.cases.length} case(s).`);
  },
});

export const caseShow = defineCommand({
  words: ['case', 'show'],
  summary: 'a case: stage, verdict, tracks, evidence with SHA-256, open deadlines',
  usage: 'saring case show <caseId>',
  help: 'Example: saring case show case-0123456789abcdef0123',
  positionals: CaseIdArg,
  flags: z.strictObject({}),
  async run({ args: [caseId], ctx }) {
    const state = await ctx.api().get<CaseState>(`/api/cases/${caseId}`);
    ctx.out(ctx.json ? JSON.stringify(state, null, 2) : describeState(state));
  },
});

export function timelineLine(entry: TimelineEntry, lang: TimelineLanguage = 'en'): string {
  const who = entry.actor ? `${entry.actor.officerId} (${entry.actor.role})` : (entry.source ?? 'workflow');
  return `#${String(entry.seq).padEnd(4)} ${time(entry.at)}  ${entry.action.padEnd(24)} ${who}: ${timelineEntryText(entry, lang)}`;
}

export const caseTimeline = defineCommand({
  words: ['case', 'timeline'],
  summary: 'who did what and when on a case',
  usage: 'saring case timeline <caseId> [--lang en|id]',
  help: [
    'Each line: sequence, time (UTC), action, the officer (with role) or system part, and what happened,',
    'in English (--lang en, the default) or Bahasa Indonesia (--lang id). Entries recorded before',
    'timelines were stored as codes show their English summary in both.',
  ].join('\n'),
  positionals: CaseIdArg,
  flags: z.strictObject({
    lang: z
      .enum(TIMELINE_LANGUAGES, { error: '--lang must be en (English) or id (Bahasa Indonesia)' })
      .optional(),
  }),
  async run({ args: [caseId], flags, ctx }) {
    const { timeline } = await ctx.api().get<{ timeline: TimelineEntry[] }>(`/api/cases/${caseId}/timeline`);
    const lang = flags.lang ?? 'en';
    ctx.out(
      ctx.json
        ? JSON.stringify({ timeline }, null, 2)
        : timeline.map((entry) => timelineLine(entry, lang)).join('\n'),
    );
  },
});

export const caseDeadlines = defineCommand({
  words: ['case', 'deadlines'],
  summary: 'the open SLA deadlines of a case',
  usage: 'saring case deadlines <caseId>',
  help: 'Times are UTC; "overdue" means the SLA is breached and the supervisors were alerted.',
  positionals: CaseIdArg,
  flags: z.strictObject({}),
  async run({ args: [caseId], ctx }) {
    const { deadlines } = await ctx.api().get<{ deadlines: Deadline[] }>(`/api/cases/${caseId}/deadlines`);
    if (ctx.json) return ctx.out(JSON.stringify({ deadlines }, null, 2));
    ctx.out(deadlines.length === 0 ? 'No open deadlines.' : deadlineLines(deadlines).join('\n'));
  },
});

export const caseActions = defineCommand({
  words: ['case', 'actions'],
  summary: 'the steps you may take on a case now',
  usage: 'saring case actions <caseId>',
  help: 'Lists the steps your role may take in the case\'s current stage, for use with "saring case act".',
  positionals: CaseIdArg,
  flags: z.strictObject({}),
  async run({ args: [caseId], ctx }) {
    const answer = await ctx.api().get<{
      stage: string;
      actions: { name: string; kind?: string; revision?: number; takedownKey?: string }[];
    }>(`/api/cases/${caseId}/actions`);
    if (ctx.json) return ctx.out(JSON.stringify(answer, null, 2));
    if (answer.actions.length === 0)
      return ctx.out(`Nothing for you to do on ${caseId} (stage ${answer.stage}).`);
    ctx.out(
      answer.actions
        .map(
          (action) =>
            `${action.name}${action.kind ? ` kind=${action.kind}` : ''}${action.revision ? ` revision=${action.revision}` : ''}${action.takedownKey ? ` takedownKey=${action.takedownKey}` : ''}`,
        )
        .join('\n'),
    );
  },
});
