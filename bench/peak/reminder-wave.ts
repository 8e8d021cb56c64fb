/**
 * The reminder wave of `npm run bench:open-cases -- --reminder-wave-minutes M`: many open cases, most of
 * them evicted from the worker's cache, reach their SLA reminders and deadline at once, so each timer
 * that fires makes the worker fetch and replay a case it no longer holds. The cases are given a
 * verification SLA of M minutes (the policy's reminder fractions unchanged: at 1/2 and 3/4 of it, then
 * the breach), so the wave comes within the run instead of hours later. Measured while it passes: the
 * worker's memory and CPU, officer updates on evicted cases; afterwards, from a sample of histories,
 * how late each timer fired (server) and how long the worker took to act on it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { CaseClient } from '../../cases/case-client';
import { CasePolicy } from '../../domain';
import { protoMillis } from '../../lib/history/proto-millis';
import { formatTable } from './peak-report';
import type { UsageSampler } from './process-usage';
import { ASSIGNEES, millisOf, SUPERVISOR_ACTOR, percentiles, type Percentiles } from './update-latency';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

export interface TimerLags {
  /** Timers started and fired in the history. */
  started: number;
  fired: number;
  /** Fired time minus due time (start + startToFire), ms: the server's lateness. */
  fireLagMs: number[];
  /** From a timer firing to the next workflow task completed, ms: the worker's reaction, replay included. */
  actLagMs: number[];
}

/** How late each timer of one history fired, and how soon the worker completed a task after it. */
export function timerLags(events: readonly HistoryEvent[]): TimerLags {
  const dueById = new Map<string, number>();
  const lags: TimerLags = { started: 0, fired: 0, fireLagMs: [], actLagMs: [] };
  events.forEach((event, index) => {
    const started = event.timerStartedEventAttributes;
    if (event.eventType === EventType.EVENT_TYPE_TIMER_STARTED && started?.timerId) {
      lags.started += 1;
      dueById.set(started.timerId, protoMillis(event.eventTime) + protoMillis(started.startToFireTimeout));
    }
    const fired = event.timerFiredEventAttributes;
    if (event.eventType !== EventType.EVENT_TYPE_TIMER_FIRED || !fired?.timerId) return;
    lags.fired += 1;
    const firedAt = protoMillis(event.eventTime);
    const due = dueById.get(fired.timerId);
    if (due !== undefined) lags.fireLagMs.push(Math.max(0, firedAt - due));
    const completed = events
      .slice(index + 1)
      .find((later) => later.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    if (completed) lags.actLagMs.push(protoMillis(completed.eventTime) - firedAt);
  });
  return lags;
}

/** The policy with the verification SLA of every priority set to `minutes` (reminders keep their fractions). */
export function wavePolicy(base: CasePolicy, minutes: number): CasePolicy {
  const span = `${minutes}m`;
  return CasePolicy.parse({
    ...base,
    sla: { ...base.sla, verification: { urgent: span, high: span, normal: span } },
  });
}

export interface ReminderWaveReport {
  slaMinutes: number;
  /** Real time from the first case's first reminder falling due to the last case's deadline, plus a margin. */
  windowSeconds: number;
  worker: { peakRssMiB: number; meanCores: number; peakCores: number };
  /** assignVerifier on evicted cases, one at a time, while the wave passed. */
  update: Percentiles;
  timers: {
    casesRead: number;
    started: number;
    fired: number;
    /**
     * Sampled cases with fewer timers fired than the policy's reminders plus the deadline. The watch
     * starts each point's timer when the previous point was handled; a worker that reaches a case after
     * its next point has passed sends that reminder at once, with no timer. So each such case had a
     * reminder or its deadline late by at least one point's spacing (or not yet by the end of the window).
     */
    casesShort: number;
    expectedPerCase: number;
    fireLagMs: Percentiles;
    actLagMs: Percentiles;
  };
}

/** Reads `caseIds`' histories (a few at a time) and sums their timer lags. */
export async function sampledTimerLags(
  client: Client,
  caseIds: readonly string[],
  expectedPerCase: number,
): Promise<ReminderWaveReport['timers']> {
  const all: TimerLags = { started: 0, fired: 0, fireLagMs: [], actLagMs: [] };
  let casesShort = 0;
  for (let from = 0; from < caseIds.length; from += 8) {
    const histories = await Promise.all(
      caseIds.slice(from, from + 8).map((id) => client.workflow.getHandle(id).fetchHistory()),
    );
    for (const history of histories) {
      const lags = timerLags(history.events ?? []);
      all.started += lags.started;
      all.fired += lags.fired;
      all.fireLagMs.push(...lags.fireLagMs);
      all.actLagMs.push(...lags.actLagMs);
      if (lags.fired < expectedPerCase) casesShort += 1;
    }
  }
  return {
    casesRead: caseIds.length,
    started: all.started,
    fired: all.fired,
    casesShort,
    expectedPerCase,
    fireLagMs: percentiles(all.fireLagMs),
    actLagMs: percentiles(all.actLagMs),
  };
}

/** `count` ids spread evenly over `ids` (first and last included). */
export function spreadSample<T>(ids: readonly T[], count: number): T[] {
  if (ids.length <= count) return [...ids];
  return Array.from({ length: count }, (_, i) => ids[Math.round((i * (ids.length - 1)) / (count - 1))]!);
}

/** Pause between the wave's probe updates, so the probe does not add a load of its own. */
const PROBE_PAUSE_MS = 250;
const MARGIN_MS = 60_000;

/**
 * Waits for the wave: from the first case's first reminder (its SLA started at `startedMs` at the
 * earliest) to the last case's deadline (started by `openedAllMs` at the latest) plus a margin, timing
 * `assignVerifier` on evicted cases one at a time meanwhile.
 */
export async function passReminderWave(input: {
  minutes: number;
  policy: CasePolicy;
  startedMs: number;
  openedAllMs: number;
  cases: CaseClient;
  evictedIds: readonly string[];
  sampler: UsageSampler;
  say: (line: string) => void;
}): Promise<Omit<ReminderWaveReport, 'timers'>> {
  const { minutes, policy, cases, evictedIds, sampler, say } = input;
  const slaMs = minutes * 60_000;
  const fromMs = input.startedMs + (policy.reminders[0] ?? 1) * slaMs;
  const toMs = input.openedAllMs + slaMs + MARGIN_MS;
  if (Date.now() > fromMs)
    say(
      `  the first reminders fell due ${((Date.now() - fromMs) / 1000).toFixed(0)} s before the wave's measurement began: a larger --reminder-wave-minutes keeps opening and wave apart`,
    );
  say(
    `waiting for the reminder wave: ${((fromMs - Date.now()) / 1000).toFixed(0)} s until the first reminder, ${((toMs - Date.now()) / 1000).toFixed(0)} s until the last deadline has passed`,
  );
  await sleep(Math.max(0, fromMs - Date.now()));
  const samples: number[] = [];
  let next = 0;
  const progress = setInterval(() => {
    const last = sampler.samples.at(-1);
    say(
      `  wave: ${samples.length} probe updates, worker RSS ${((last?.rssBytes ?? 0) / 1024 / 1024).toFixed(0)} MiB, ${(last?.cores ?? 0).toFixed(2)} cores, ${((toMs - Date.now()) / 1000).toFixed(0)} s left`,
    );
  }, 15_000);
  try {
    while (Date.now() < toMs && evictedIds.length > 0) {
      const caseId = evictedIds[(next * 7919) % evictedIds.length]!;
      const assignee = ASSIGNEES[next % 2]!;
      samples.push(
        await millisOf(() => cases.update(caseId, 'assignVerifier', { actor: SUPERVISOR_ACTOR, assignee })),
      );
      next += 1;
      await sleep(PROBE_PAUSE_MS);
    }
  } finally {
    clearInterval(progress);
  }
  return {
    slaMinutes: minutes,
    windowSeconds: (toMs - fromMs) / 1000,
    worker: input.sampler.summary(fromMs, toMs),
    update: percentiles(samples),
  };
}

/** The wave's figures as a table; `evictedBefore` is the evicted update measured before the wave, for the ratio. */
export function reminderWaveTable(wave: ReminderWaveReport, evictedBefore: Percentiles): string {
  const ms = (p: Percentiles) => `${p.p50.toFixed(0)} / ${p.p95.toFixed(0)} / ${p.p99.toFixed(0)}`;
  const { timers } = wave;
  return formatTable([
    [`reminder wave (verification SLA ${wave.slaMinutes} min, ${wave.windowSeconds.toFixed(0)} s)`, 'figure'],
    [
      'worker peak RSS MiB / mean cores / peak cores',
      `${wave.worker.peakRssMiB.toFixed(0)} / ${wave.worker.meanCores.toFixed(2)} / ${wave.worker.peakCores.toFixed(2)}`,
    ],
    [`update on an evicted case during the wave, p50 / p95 / p99 ms (n ${wave.update.n})`, ms(wave.update)],
    [
      'ratio to the evicted update before the wave',
      `p50 ${(wave.update.p50 / evictedBefore.p50).toFixed(2)}, p99 ${(wave.update.p99 / evictedBefore.p99).toFixed(2)}`,
    ],
    [`timers fired / started in ${timers.casesRead} sampled cases`, `${timers.fired} / ${timers.started}`],
    [
      `sampled cases with fewer than ${timers.expectedPerCase} timers fired (a point reached after it passed)`,
      String(timers.casesShort),
    ],
    ['timer fired after its due time, p50 / p95 / p99 ms', ms(timers.fireLagMs)],
    ['timer fired to workflow task completed, p50 / p95 / p99 ms', ms(timers.actLagMs)],
  ]);
}
