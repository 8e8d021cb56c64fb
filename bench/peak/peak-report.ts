import type { HistorySize } from './history-size';
import type { LatencyResult } from './update-latency';

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

/** The report as rows of measure, Saring, bare and ratio; the targets of issue 14 where one applies. */
export function reportRows(report: PeakReport): string[][] {
  const { saring, bare } = report;
  const rows: string[][] = [
    ['measure', 'Saring', 'bare workflow', 'ratio', 'target'],
    [
      'detections accepted per second',
      fixed(saring.detectionsPerSecond),
      fixed(bare.detectionsPerSecond),
      ratio(saring.detectionsPerSecond, bare.detectionsPerSecond),
      '',
    ],
    [
      'cases through intake per second',
      fixed(saring.casesThroughIntakePerSecond),
      fixed(bare.casesThroughIntakePerSecond),
      ratio(saring.casesThroughIntakePerSecond, bare.casesThroughIntakePerSecond),
      '>= 0.80',
    ],
    [
      'cases closed per second',
      fixed(saring.casesClosedPerSecond),
      fixed(bare.casesClosedPerSecond),
      ratio(saring.casesClosedPerSecond, bare.casesClosedPerSecond),
      '',
    ],
  ];
  for (const row of report.updates) {
    for (const q of ['p50', 'p95', 'p99'] as const) {
      rows.push([
        `update ${q} ms, ${row.concurrency} at a time`,
        fixed(row.saring[q]),
        fixed(row.bare[q]),
        ratio(row.saring[q], row.bare[q]),
        q === 'p99' ? '<= 2.00' : '',
      ]);
    }
    const minimal = row.saringMinimal;
    if (minimal)
      for (const q of ['p50', 'p95', 'p99'] as const)
        rows.push([
          `update ${q} ms, ${row.concurrency} at a time, Prefer: return=minimal`,
          fixed(minimal[q]),
          fixed(row.bare[q]),
          ratio(minimal[q], row.bare[q]),
          q === 'p99' ? '<= 2.00' : '',
        ]);
  }
  const at = report.atVerification;
  rows.push(
    [
      'history events at verification',
      fixed(at.saring.events),
      fixed(at.bare.events),
      ratio(at.saring.events, at.bare.events),
      '',
    ],
    [
      'history KB at verification (JSON)',
      fixed(at.saring.jsonBytes / 1000),
      fixed(at.bare.jsonBytes / 1000),
      ratio(at.saring.jsonBytes, at.bare.jsonBytes),
      '<= 1.50',
    ],
    [
      'history events per closed case',
      fixed(saring.history.events),
      fixed(bare.history.events),
      ratio(saring.history.events, bare.history.events),
      '',
    ],
    [
      'history KB per closed case (JSON)',
      fixed(saring.history.jsonBytes / 1000),
      fixed(bare.history.jsonBytes / 1000),
      ratio(saring.history.jsonBytes, bare.history.jsonBytes),
      '',
    ],
    [
      'history KB per closed case (protobuf)',
      fixed(saring.history.bytes / 1000),
      fixed(bare.history.bytes / 1000),
      ratio(saring.history.bytes, bare.history.bytes),
      '',
    ],
    [
      'worker peak RSS MiB',
      fixed(saring.workerPeakRssMiB, 0),
      fixed(bare.workerPeakRssMiB, 0),
      ratio(saring.workerPeakRssMiB, bare.workerPeakRssMiB),
      '',
    ],
    [
      'worker mean CPU, cores',
      fixed(saring.workerMeanCores, 2),
      fixed(bare.workerMeanCores, 2),
      ratio(saring.workerMeanCores, bare.workerMeanCores),
      '',
    ],
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
