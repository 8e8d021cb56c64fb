import { reportRows, type PeakReport, type SideFigures } from '../../../bench/peak/peak-report';

const history = (events: number, jsonBytes: number) => ({
  workflows: 1,
  events,
  bytes: jsonBytes / 2,
  jsonBytes,
});
const percentiles = (p50: number) => ({ n: 3, p50, p95: p50 * 2, p99: p50 * 3 });
const side = (perSecond: number, jsonBytes: number): SideFigures => ({
  detectionsPerSecond: perSecond,
  casesThroughIntakePerSecond: perSecond,
  casesClosedPerSecond: perSecond,
  uniqueCases: 4,
  closed: 4,
  failed: 0,
  lost: 0,
  history: history(40, jsonBytes),
  workerPeakRssMiB: 200.4,
  workerMeanCores: 0.456,
  series: [],
});
const report: PeakReport = {
  startedAt: '2026-11-30T00:00:00.000Z',
  node: 'v20',
  detections: 8,
  repeatShare: 0.5,
  apiPeakRssMiB: 150.6,
  apiMeanCores: 0.25,
  objectionsResolved: 0,
  saring: side(3, 12_345),
  bare: side(0, 10_000),
  updates: [
    {
      concurrency: 4,
      saring: percentiles(10),
      bare: percentiles(8),
      saringMinimal: percentiles(9),
      saringClient: percentiles(4),
    },
    { concurrency: 1, across: 8, saring: percentiles(20), bare: percentiles(5) },
  ],
  atVerification: { saring: history(30, 3000), bare: history(20, 2000) },
};
const rowsByMeasure = new Map(reportRows(report).map((row) => [row[0], row.slice(1)]));

describe('the peak report rows', () => {
  it('shows both sides in their unit, the ratio of the raw figures, and n/a where bare is 0', () => {
    expect(rowsByMeasure.get('history KB per closed case (JSON)')).toEqual(['12.3', '10.0', '1.23', '']);
    expect(rowsByMeasure.get('history KB at verification (JSON)')).toEqual(['3.0', '2.0', '1.50', '<= 1.50']);
    expect(rowsByMeasure.get('cases through intake per second')).toEqual(['3.0', '0.0', 'n/a', '>= 0.80']);
    expect(rowsByMeasure.get('worker peak RSS MiB')).toEqual(['200', '200', '1.00', '']);
  });

  it('compares each update percentile, the return=minimal one against the same bare figure', () => {
    expect(rowsByMeasure.get('update p99 ms, 4 at a time')).toEqual(['30.0', '24.0', '1.25', '<= 2.00']);
    expect(rowsByMeasure.get('update p50 ms, 4 at a time, Prefer: return=minimal')).toEqual([
      '9.0',
      '8.0',
      '1.13',
      '',
    ]);
    expect(rowsByMeasure.get('update p99 ms, 4 at a time, Temporal client, no API')).toEqual([
      '12.0',
      '24.0',
      '0.50',
      '<= 2.00',
    ]);
  });

  it('names a setting that goes round several cases apart from one that keeps to one case', () => {
    expect(rowsByMeasure.get('update p99 ms, 1 at a time over 8 cases')).toEqual([
      '60.0',
      '15.0',
      '4.00',
      '<= 2.00',
    ]);
    expect(rowsByMeasure.has('update p99 ms, 1 at a time over 8 cases, Prefer: return=minimal')).toBe(false);
  });
});
