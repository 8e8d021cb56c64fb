import type { Client } from '@temporalio/client';
import {
  CaseFacts,
  ClaimReviewDocument,
  Report,
  StatementsOfReasonsExport,
  type ReportRequest,
} from '../domain';
import type { ArchiveWriter } from '../audit/archive-store';
import { computeReport, latestFactsPerCase } from './compute-report';
import { gatherCaseFacts } from './gather-case-facts';
import { daysOfMonth, periodRange } from './period';
import { reportToCsv } from './report-csv';
import { reportKeys } from './report-layout';
import { claimReviews, statementsOfReasons } from './transparency-exports';

export interface ReportProducerDeps {
  client: Client;
  archive: ArchiveWriter;
  now?: () => Date;
  /** Only the cases of one task queue (tests sharing a server). */
  casesOnTaskQueue?: string;
  progress?: (line: string) => void;
}

export interface ProducedReport {
  kind: ReportRequest['kind'];
  period: string;
  jsonKey: string;
  csvKey: string;
  casesConsidered: number;
  /** False when a complete report was already in the bucket (a retry or a second run): the first one stands. */
  created: boolean;
  /** The period was over when the report was computed (else it is provisional and a later run replaces it). */
  complete: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function parseFactsFile(bytes: Uint8Array, key: string): CaseFacts[] {
  return decoder
    .decode(bytes)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = CaseFacts.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${key} line ${index + 1} is not case facts: ${parsed.error.message}`);
      return parsed.data;
    });
}

/**
 * A day's facts: the stored file when there is one, else read from Temporal and stored (create-only)
 * once the day is over; a day still under way is read but not stored.
 */
async function dayFacts(deps: ReportProducerDeps, day: string, now: Date): Promise<CaseFacts[]> {
  const key = reportKeys.dailyFacts(day);
  const stored = await deps.archive.read(key);
  if (stored) return parseFactsFile(stored, key);
  const range = periodRange({ kind: 'daily', period: day });
  const facts = await gatherCaseFacts(deps.client, range, {
    ...(deps.casesOnTaskQueue ? { taskQueue: deps.casesOnTaskQueue } : {}),
    ...(deps.progress ? { progress: deps.progress } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  if (range.to.getTime() > now.getTime()) return facts;
  const { created } = await deps.archive.putOnce(
    key,
    encoder.encode(facts.map((fact) => `${JSON.stringify(fact)}\n`).join('')),
  );
  // Another run stored the day first: use what it stored, so every report of the day agrees.
  if (!created) return parseFactsFile((await deps.archive.read(key))!, key);
  return facts;
}

async function readReport(archive: ArchiveWriter, key: string): Promise<Report | undefined> {
  const bytes = await archive.read(key);
  return bytes ? Report.parse(JSON.parse(decoder.decode(bytes))) : undefined;
}

/**
 * Computes a report and writes it as JSON and CSV to the audit bucket. A daily report reads the day's
 * cases from Temporal once and keeps those facts next to the report; a monthly report merges the
 * stored facts of its days (reading only the days not stored yet), so it needs no history that
 * retention may have removed.
 */
export async function produceReport(
  deps: ReportProducerDeps,
  request: ReportRequest,
): Promise<ProducedReport> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const days = request.kind === 'daily' ? [request.period] : daysOfMonth(request.period);
  const facts: CaseFacts[] = [];
  for (const [index, day] of days.entries()) {
    facts.push(...(await dayFacts(deps, day, startedAt)));
    if (days.length > 1)
      deps.progress?.(`day ${index + 1}/${days.length} (${day}): ${facts.length} case facts`);
  }
  const latest = latestFactsPerCase(facts);
  const report = Report.parse(computeReport(request, latest, startedAt));
  const exports: [string, Uint8Array][] = [
    [
      reportKeys.statementsOfReasons(request),
      encoder.encode(
        `${JSON.stringify(StatementsOfReasonsExport.parse(statementsOfReasons(request, latest)), null, 2)}\n`,
      ),
    ],
    [
      reportKeys.claimReviews(request),
      encoder.encode(
        `${JSON.stringify(ClaimReviewDocument.parse(claimReviews(request, latest)), null, 2)}\n`,
      ),
    ],
  ];
  const jsonKey = reportKeys.json(request);
  const csvKey = reportKeys.csv(request);
  const json = encoder.encode(`${JSON.stringify(report, null, 2)}\n`);
  const existing = await readReport(deps.archive, jsonKey);
  let stored = report;
  let created = true;
  if (existing?.complete) {
    stored = existing;
    created = false;
  } else if (existing || !report.complete) {
    // A provisional report is replaced (the bucket keeps every version under its lock).
    await deps.archive.putVersion(jsonKey, json);
    await deps.archive.putVersion(csvKey, encoder.encode(reportToCsv(report)));
    for (const [key, body] of exports) await deps.archive.putVersion(key, body);
  } else {
    created = (await deps.archive.putOnce(jsonKey, json)).created;
    if (!created) stored = (await readReport(deps.archive, jsonKey))!;
  }
  // A complete report's exports are written once, with the report that was computed with them.
  if (stored.complete && created) for (const [key, body] of exports) await deps.archive.putOnce(key, body);
  if (stored.complete) await deps.archive.putOnce(csvKey, encoder.encode(reportToCsv(stored)));
  return {
    kind: request.kind,
    period: request.period,
    jsonKey,
    csvKey,
    casesConsidered: stored.casesConsidered,
    created,
    complete: stored.complete,
  };
}
