import type { Report } from '../domain';

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as long-format CSV (section, group, key, metric, value): one number a row, so a
 * spreadsheet can pivot it any way.
 */
export function reportToCsv(report: Report): string {
  const rows: (string | number | null)[][] = [['section', 'group', 'key', 'metric', 'value']];
  rows.push(['meta', 'period', report.period, report.kind, report.from]);
  for (const section of ['opened', 'closed'] as const) {
    const counts = report[section];
    rows.push([section, 'total', '', 'cases', counts.total]);
    const groups: [string, Record<string, number>][] = [
      ['category', counts.byCategory],
      ['platform', counts.byPlatform],
      ['region', counts.byRegion],
      ['source', counts.bySource],
      ...(section === 'closed'
        ? ([['resolution', report.closed.byResolution]] as [string, Record<string, number>][])
        : []),
    ];
    for (const [group, byKey] of groups)
      for (const [key, count] of Object.entries(byKey)) rows.push([section, group, key, 'cases', count]);
  }
  for (const [sla, compliance] of Object.entries(report.slaCompliance))
    for (const metric of ['met', 'breached', 'rate'] as const)
      rows.push(['sla', 'deadline_kind', sla, metric, compliance[metric]]);
  for (const [name, figures] of [
    ['time_to_verdict', report.timeToVerdict],
    ['time_to_takedown', report.timeToTakedown],
  ] as const) {
    rows.push(['duration', name, '', 'count', figures.count]);
    rows.push(['duration', name, '', 'p50_minutes', figures.p50Minutes]);
    rows.push(['duration', name, '', 'p90_minutes', figures.p90Minutes]);
  }
  for (const [platform, compliance] of Object.entries(report.takedownCompliance)) {
    const { ladder, ...counts } = compliance;
    for (const [metric, value] of Object.entries(counts))
      rows.push(['takedown', 'platform', platform, metric, value]);
    for (const [level, value] of Object.entries(ladder))
      rows.push(['takedown', 'platform', platform, `ladder_${level}`, value]);
  }
  for (const [pillar, count] of Object.entries(report.clarificationsByPillar))
    rows.push(['clarifications', 'pillar', pillar, 'published', count]);
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
