import type { HistorySize } from './history-size';
import { settingLabel, type LatencyResult } from './update-latency';

export interface TimePoint {
  seconds: number;
  accepted: number;
  throughIntake: number;
  closed: number;
}

export interface SideFigures {
  detectionsPerSecond: number;
  casesThroughIntakePerSecond: number;
  casesClosedPerSecond: number;
  uniqueCases: number;
  closed: number;
  failed: number;
  lost: number;
  history: HistorySize;
  workerPeakRssMiB: number;
  workerMeanCores: number;
  series: TimePoint[];
}

export interface PeakReport {
  startedAt: string;
  node: string;
  detections: number;
  repeatShare: number;
  /** Saring's API process (the bare side has none: it is driven through the Temporal client). */
  apiPeakRssMiB: number;
  apiMeanCores: number;
  objectionsResolved: number;
  saring: SideFigures;
  bare: SideFigures;
  updates: LatencyResult[];
  /** History when an officer first acts (Saring in verification, bare past its activities): the "history at verification". */
  atVerification: { saring: HistorySize; bare: HistorySize };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const ratio = (saring: number, bare: number) => (bare > 0 ? (saring / bare).toFixed(2) : 'n/a');

/** One measure side by side: Saring and bare shown (in units of `per`), their ratio, the target if any. */
function compared(
  measure: string,
  saring: number,
  bare: number,
  { digits = 1, per = 1, target = '' } = {},
): string[] {
  return [measure, fixed(saring / per, digits), fixed(bare / per, digits), ratio(saring, bare), target];
}

/** The report as rows of measure, Saring, bare and ratio; the targets of issue 14 where one applies. */
export function reportRows(report: PeakReport): string[][] {
  const { saring, bare } = report;
  const rows: string[][] = [
    ['measure', 'Saring', 'bare workflow', 'ratio', 'target'],
    compared('detections accepted per second', saring.detectionsPerSecond, bare.detectionsPerSecond),
    compared(
      'cases through intake per second',
      saring.casesThroughIntakePerSecond,
      bare.casesThroughIntakePerSecond,
      { target: '>= 0.80' },
    ),
    compared('cases closed per second', saring.casesClosedPerSecond, bare.casesClosedPerSecond),
  ];
  for (const row of report.updates) {
    const sides = [{ label: '', saring: row.saring }];
    if (row.saringMinimal) sides.push({ label: ', Prefer: return=minimal', saring: row.saringMinimal });
    if (row.saringClient) sides.push({ label: ', Temporal client, no API', saring: row.saringClient });
    for (const side of sides)
      for (const q of ['p50', 'p95', 'p99'] as const)
        rows.push(
          compared(`update ${q} ms, ${settingLabel(row)}${side.label}`, side.saring[q], row.bare[q], {
            target: q === 'p99' ? '<= 2.00' : '',
          }),
        );
  }
  const at = report.atVerification;
  const KB = 1000;
  rows.push(
    compared('history events at verification', at.saring.events, at.bare.events),
    compared('history KB at verification (JSON)', at.saring.jsonBytes, at.bare.jsonBytes, {
      per: KB,
      target: '<= 1.50',
    }),
    compared('history events per closed case', saring.history.events, bare.history.events),
    compared('history KB per closed case (JSON)', saring.history.jsonBytes, bare.history.jsonBytes, {
      per: KB,
    }),
    compared('history KB per closed case (protobuf)', saring.history.bytes, bare.history.bytes, { per: KB }),
    compared('worker peak RSS MiB', saring.workerPeakRssMiB, bare.workerPeakRssMiB, { digits: 0 }),
    compared('worker mean CPU, cores', saring.workerMeanCores, bare.workerMeanCores, { digits: 2 }),
    [
      'API peak RSS MiB / mean cores',
      `${fixed(report.apiPeakRssMiB, 0)} / ${fixed(report.apiMeanCores, 2)}`,
      '(no API)',
      '',
      '',
    ],
    [
      'cases closed / failed / lost',
      `${saring.closed} / ${saring.failed} / ${saring.lost}`,
      `${bare.closed} / ${bare.failed} / ${bare.lost}`,
      '',
      '0 failed, 0 lost',
    ],
  );
  return rows;
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
