import {
  ESCALATION_LEVELS,
  LITERACY_PILLARS,
  SLA_STAGES,
  type CaseFacts,
  type Percentiles,
  type Report,
  type ReportRequest,
} from '../domain';
import { periodRange, within, type PeriodRange } from './period';

type Counts = Record<string, number>;

function countBy<T>(items: T[], key: (item: T) => string): Counts {
  const counts: Counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Nearest-rank percentile: the smallest value with at least q of the values at or below it. */
export function nearestRank(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

function percentiles(minutes: number[]): Percentiles {
  const sorted = [...minutes].sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    count: sorted.length,
    p50Minutes: round(nearestRank(sorted, 0.5)),
    p90Minutes: round(nearestRank(sorted, 0.9)),
  };
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

function slaCompliance(facts: CaseFacts[], range: PeriodRange): Report['slaCompliance'] {
  const deadlines = facts.flatMap((fact) => fact.deadlines);
  return Object.fromEntries(
    SLA_STAGES.map((sla) => {
      const ofKind = deadlines.filter((deadline) => deadline.sla === sla);
      const met = ofKind.filter(
        (deadline) => deadline.closedHow === 'met' && within(deadline.closedAt, range),
      ).length;
      const breached = ofKind.filter((deadline) => within(deadline.breachedAt, range)).length;
      return [sla, { met, breached, rate: rate(met, met + breached) }];
    }),
  ) as Report['slaCompliance'];
}

function takedownCompliance(facts: CaseFacts[], range: PeriodRange): Report['takedownCompliance'] {
  const requested = facts
    .flatMap((fact) => fact.takedowns)
    .filter((track) => within(track.requestedAt, range));
  const platforms = [...new Set(requested.map((track) => track.platform))].sort();
  return Object.fromEntries(
    platforms.map((platform) => {
      const tracks = requested.filter((track) => track.platform === platform);
      const removed = tracks.filter((track) => track.result === 'removed');
      const compliedInTime = removed.filter((track) => !track.level).length;
      const cancelled = tracks.filter((track) => track.result === 'cancelled').length;
      const pending = tracks.filter((track) => !track.result).length;
      const reached = (level: (typeof ESCALATION_LEVELS)[number]) =>
        tracks.filter(
          (track) =>
            track.level && ESCALATION_LEVELS.indexOf(track.level) >= ESCALATION_LEVELS.indexOf(level),
        ).length;
      const ended = tracks.length - cancelled - pending;
      return [
        platform,
        {
          requested: tracks.length,
          compliedInTime,
          compliedAfterEscalation: removed.length - compliedInTime,
          notComplied: ended - removed.length,
          cancelled,
          pending,
          rate: rate(compliedInTime, ended),
          ladder: { ST1: reached('ST1'), ST2: reached('ST2'), ST3: reached('ST3') },
        },
      ];
    }),
  );
}

/**
 * A report from case facts. Each figure counts the events that happened in the period: cases opened
 * (openedAt) and closed (closedAt); deadlines met (closedAt) or breached (breachedAt); verdicts (time
 * from opening, counted when given); removals (time from the takedown request, counted when removed);
 * takedown requests (compliance and ladder, counted by request time); clarifications (first publication).
 */
export function computeReport(request: ReportRequest, facts: CaseFacts[], generatedAt: Date): Report {
  const range = periodRange(request);
  const opened = facts.filter((fact) => within(fact.openedAt, range));
  const closed = facts.filter((fact) => within(fact.closedAt, range));
  const dimensions = (items: CaseFacts[]) => ({
    total: items.length,
    byCategory: countBy(items, (fact) => fact.category),
    byPlatform: countBy(items, (fact) => fact.platform),
    byRegion: countBy(items, (fact) => fact.region),
    bySource: countBy(items, (fact) => fact.source),
  });
  const verdictMinutes = facts
    .filter((fact) => within(fact.verdict?.at, range))
    .map((fact) => minutesBetween(fact.openedAt, fact.verdict!.at));
  const removalMinutes = facts
    .flatMap((fact) => fact.takedowns)
    .filter((track) => track.result === 'removed' && track.requestedAt && within(track.finishedAt, range))
    .map((track) => minutesBetween(track.requestedAt!, track.finishedAt!));
  const published = facts.filter((fact) => within(fact.clarification?.publishedAt, range));
  return {
    kind: request.kind,
    period: request.period,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    timeZone: 'Asia/Makassar',
    generatedAt: generatedAt.toISOString(),
    complete: generatedAt.getTime() >= range.to.getTime(),
    casesConsidered: facts.length,
    opened: dimensions(opened),
    closed: { ...dimensions(closed), byResolution: countBy(closed, (fact) => fact.resolution ?? 'unknown') },
    slaCompliance: slaCompliance(facts, range),
    timeToVerdict: percentiles(verdictMinutes),
    timeToTakedown: percentiles(removalMinutes),
    takedownCompliance: takedownCompliance(facts, range),
    clarificationsByPillar: Object.fromEntries(
      LITERACY_PILLARS.map((pillar) => [
        pillar,
        published.filter((fact) => fact.clarification!.pillar === pillar).length,
      ]),
    ) as Report['clarificationsByPillar'],
  };
}

/** The latest facts of each case (later reads of a case hold every earlier event too). */
export function latestFactsPerCase(facts: CaseFacts[]): CaseFacts[] {
  const latest = new Map<string, CaseFacts>();
  for (const fact of facts) {
    // A workflow id can come back for a later case (a re-upload after closure): opening time tells them apart.
    const key = `${fact.caseId} ${fact.openedAt}`;
    const known = latest.get(key);
    if (!known || Date.parse(fact.asOf) > Date.parse(known.asOf)) latest.set(key, fact);
  }
  return [...latest.values()].sort((a, b) => a.caseId.localeCompare(b.caseId));
}
