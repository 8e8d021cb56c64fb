import { z } from 'zod';
import { REPORT_KINDS, Report, ReportRequest } from '../../domain';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { table } from '../format';

const percent = (rate: number | null) => (rate === null ? '-' : `${Math.round(rate * 1000) / 10}%`);
const minutes = (value: number | null) => (value === null ? '-' : `${value} min`);

/** The report in a few tables, for a terminal. */
export function reportSummary(report: Report): string {
  const lines = [
    `${report.kind} report ${report.period} (${report.from} to ${report.to}, WITA day boundaries)${report.complete ? '' : ' PROVISIONAL: the period was still under way'}`,
    `cases opened ${report.opened.total}, closed ${report.closed.total}; ${report.casesConsidered} cases considered`,
    '',
    table(
      ['OPENED BY', 'KEY', 'CASES'],
      (['byCategory', 'byPlatform', 'byRegion', 'bySource'] as const).flatMap((group) =>
        Object.entries(report.opened[group]).map(([key, count]) => [
          group.slice(2).toLowerCase(),
          key,
          String(count),
        ]),
      ),
    ),
    '',
    table(
      ['DEADLINE KIND', 'MET', 'BREACHED', 'COMPLIANCE'],
      Object.entries(report.slaCompliance).map(([kind, sla]) => [
        kind,
        String(sla.met),
        String(sla.breached),
        percent(sla.rate),
      ]),
    ),
    '',
    `time to verdict: p50 ${minutes(report.timeToVerdict.p50Minutes)}, p90 ${minutes(report.timeToVerdict.p90Minutes)} (${report.timeToVerdict.count} verdicts)`,
    `time to takedown: p50 ${minutes(report.timeToTakedown.p50Minutes)}, p90 ${minutes(report.timeToTakedown.p90Minutes)} (${report.timeToTakedown.count} removals)`,
    '',
    table(
      [
        'PLATFORM',
        'REQUESTED',
        'IN TIME',
        'AFTER ESCALATION',
        'NOT',
        'PENDING',
        'COMPLIANCE',
        'ST1',
        'ST2',
        'ST3',
      ],
      Object.entries(report.takedownCompliance).map(([platform, t]) => [
        platform,
        String(t.requested),
        String(t.compliedInTime),
        String(t.compliedAfterEscalation),
        String(t.notComplied),
        String(t.pending),
        percent(t.rate),
        String(t.ladder.ST1),
        String(t.ladder.ST2),
        String(t.ladder.ST3),
      ]),
    ),
    '',
    `clarifications published: ${Object.entries(report.clarificationsByPillar)
      .map(([pillar, count]) => `${pillar} ${count}`)
      .join(', ')}`,
  ];
  return lines.join('\n');
}

export const reportCommand = defineCommand({
  words: ['report'],
  summary: "the unit's daily or monthly report (supervisors and auditors)",
  usage: 'saring report <kind> <period> [--format json|csv]',
  help: [
    'kind: daily or monthly. period: YYYY-MM-DD for daily, YYYY-MM for monthly; days run 00:00-24:00 WITA (UTC+8).',
    'Without --format: a summary in tables. --format json prints the stored report, --format csv its CSV.',
    'Reports are written by the daily (00:30 WITA) and monthly (1st, 01:00 WITA) Schedules.',
    'Example: saring report daily 2026-11-29 --format csv > laporan.csv',
  ].join('\n'),
  positionals: z.tuple([z.enum(REPORT_KINDS, 'daily or monthly'), z.string()]),
  flags: z.strictObject({ format: z.enum(['json', 'csv'], 'json or csv').optional() }),
  async run({ args: [kind, period], flags, ctx }) {
    const request = ReportRequest.safeParse({ kind, period });
    if (!request.success)
      throw new UsageError(
        `${period} is not a ${kind} period: give ${kind === 'daily' ? 'YYYY-MM-DD' : 'YYYY-MM'}`,
      );
    const path = `/api/reports/${kind}/${period}`;
    if (flags.format === 'csv') return ctx.out((await ctx.api().getRaw(`${path}?format=csv`)).text.trimEnd());
    const report = Report.parse(await ctx.api().get<unknown>(path));
    ctx.out(flags.format === 'json' || ctx.json ? JSON.stringify(report, null, 2) : reportSummary(report));
  },
});
