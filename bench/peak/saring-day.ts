import type { Client } from '@temporalio/client';
import type { Category } from '../../domain/categories';
import { callApi } from './api-caller';
import { sendDetectionBatches } from './crawler-batches';
import type { DayDetection } from './day-profile';
import type { PeakPlatform } from './peak-platform';
import type { TimePoint } from './peak-report';
import { IS_CASE_WORKFLOW } from '../../domain/case-workflow-types';

const SUPERVISOR = 'rina.supervisor';
const VERIFIER = 'siti.verifier';
const CASES = IS_CASE_WORKFLOW;

export interface DayOptions {
  batchLines: number;
  batchesInFlight: number;
  officerLanes: number;
  timeoutMs: number;
  say: (line: string) => void;
  /** Called at every progress sample (every 2 s); `npm run chaos` injects its faults from here. */
  onTick?: (progress: DayProgress) => Promise<void>;
}

export interface DayProgress {
  seconds: number;
  detections: number;
  accepted: number;
  inIntake: number;
  verdicts: number;
  closed: number;
  uniqueCases: number;
}

export interface SaringDayResult {
  detections: number;
  accepted: number;
  rejected: number;
  uniqueCases: number;
  /** Seconds from the first batch sent to the last answered. */
  acceptSeconds: number;
  /** Seconds from the first batch to the moment no case was left in intake. */
  intakeSeconds: number;
  /** Seconds from the first batch to the last case closed. */
  closeSeconds: number;
  closed: number;
  failed: number;
  /** Accepted but neither closed nor failed when the run ended. */
  lost: number;
  objectionsResolved: number;
  caseIds: { caseId: string; detection: DayDetection }[];
  series: TimePoint[];
}

const count = async (client: Client, query: string) => (await client.workflow.count(query)).count;

function verdictFor(category: Category) {
  return {
    kind: 'illegal',
    category: category === 'hoax' ? 'other_illegal' : category,
    reasons: ['Bench: the crawler item matches the category on inspection'],
  };
}

/**
 * The day through Saring: the crawler sends every detection through POST /api/detections/batch while
 * simulated officers take each case from the verification queue to a verdict through the API, and a
 * supervisor decides every platform objection. Ends when every case has closed (or on the timeout).
 */
export async function runSaringDay(
  platform: PeakPlatform,
  client: Client,
  day: DayDetection[],
  options: DayOptions,
): Promise<SaringDayResult> {
  const started = Date.now();
  const byCase = new Map<string, DayDetection>();
  let accepted = 0;
  let rejected = 0;
  let acceptedAt = 0;
  let intakeAt = 0;
  let closedAt = 0;
  let sendingDone = false;
  const series: TimePoint[] = [];

  // The crawler: batches of NDJSON, a few in flight; a refused line is counted and logged.
  const crawler = sendDetectionBatches({
    apiUrl: platform.apiUrl,
    token: () => platform.crawlerToken(),
    items: day,
    lineOf: (item) => item.line,
    batchLines: options.batchLines,
    batchesInFlight: options.batchesInFlight,
    onResult: (result, item) => {
      if (result.caseId) {
        accepted += 1;
        byCase.set(result.caseId, item);
      } else {
        rejected += 1;
        options.say(`  rejected line: ${JSON.stringify(result)}`);
      }
    },
  }).then(() => {
    sendingDone = true;
    acceptedAt = Date.now();
  });

  // The officers: the verification queue through the API, `officerLanes` steps at a time.
  const verdicted = new Set<string>();
  const watchObjections = new Set<string>();
  let objectionsResolved = 0;
  let finished = false;
  const step = (caseId: string, officer: string, name: string, body: unknown) =>
    callApi({
      method: 'POST',
      url: `${platform.apiUrl}/api/cases/${caseId}/actions/${name}`,
      token: () => platform.officerToken(officer),
      json: body,
      idempotencyKey: `${caseId}-${name}`,
    });
  const decide = async (caseId: string) => {
    const detection = byCase.get(caseId);
    if (!detection) return; // Not answered to the crawler yet: the next sweep takes it.
    verdicted.add(caseId);
    try {
      await assignAndDecide(caseId, detection);
    } catch (error) {
      // Taken again by the next sweep of the queue (the steps carry idempotency keys).
      verdicted.delete(caseId);
      options.say(
        `  officer step on ${caseId} failed, retried later: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const assignAndDecide = async (caseId: string, detection: DayDetection) => {
    const assigned = await step(caseId, SUPERVISOR, 'assignVerifier', { assignee: VERIFIER });
    if (assigned.status !== 200)
      throw new Error(`assignVerifier ${caseId}: ${assigned.status} ${JSON.stringify(assigned.body)}`);
    const verdict = await step(caseId, VERIFIER, 'submitVerdict', {
      verdict: verdictFor(detection.category),
    });
    if (verdict.status !== 200 && verdict.status !== 409)
      throw new Error(`submitVerdict ${caseId}: ${verdict.status} ${JSON.stringify(verdict.body)}`);
    if (detection.answer === 'object') watchObjections.add(caseId);
  };
  const resolveObjections = async () => {
    for (const caseId of [...watchObjections]) {
      const state = await callApi({
        method: 'GET',
        url: `${platform.apiUrl}/api/cases/${caseId}`,
        token: () => platform.officerToken(SUPERVISOR),
      });
      const body = state.body as {
        stage: string;
        tracks: { takedowns: { key: string; status: string; objection?: { decision?: string } }[] };
      };
      if (state.status !== 200) continue;
      if (body.stage === 'closed') {
        watchObjections.delete(caseId);
        continue;
      }
      for (const track of body.tracks.takedowns) {
        if (track.status !== 'objected' || track.objection?.decision) continue;
        const answer = await step(caseId, SUPERVISOR, 'resolveObjection', {
          takedownKey: track.key,
          decision: 'uphold',
          reason: 'Bench: the platform objection is upheld after review',
        });
        if (answer.status === 200) {
          objectionsResolved += 1;
          watchObjections.delete(caseId);
        }
      }
    }
  };
  const officers = (async () => {
    while (!finished) {
      const queue = await callApi({
        method: 'GET',
        url: `${platform.apiUrl}/api/cases?status=verification&limit=500`,
        token: () => platform.officerToken(SUPERVISOR),
      });
      const waiting = ((queue.body as { cases?: { caseId: string }[] }).cases ?? [])
        .map((row) => row.caseId)
        .filter((caseId) => !verdicted.has(caseId) && byCase.has(caseId));
      let next = 0;
      await Promise.all(
        Array.from({ length: options.officerLanes }, async () => {
          while (next < waiting.length) await decide(waiting[next++]!);
        }),
      );
      await resolveObjections();
      if (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();

  // The watcher: progress from the visibility store, every 2 s.
  let closed = 0;
  let failed = 0;
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      let inIntake: number;
      try {
        // A case whose first workflow task has not run yet has no status at all: it is in intake too
        // (counting only 'intake' once read 0 right after sending, and reported intake done in 11 s).
        inIntake = await count(
          client,
          `${CASES} AND ExecutionStatus = 'Running' AND (SaringStatus = 'intake' OR SaringStatus IS NULL)`,
        );
        closed = await count(client, `${CASES} AND ExecutionStatus = 'Completed'`);
        failed = await count(
          client,
          `${CASES} AND (ExecutionStatus = 'Failed' OR ExecutionStatus = 'Terminated' OR ExecutionStatus = 'TimedOut')`,
        );
      } catch (error) {
        // The dev server is restarting (npm run chaos): the next sample asks again.
        options.say(`  progress not readable now: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const now = Date.now();
      const uniqueSoFar = byCase.size;
      if (sendingDone && !intakeAt && inIntake === 0) intakeAt = now;
      series.push({
        seconds: (now - started) / 1000,
        accepted,
        throughIntake: uniqueSoFar - inIntake,
        closed,
      });
      options.say(
        `  saring ${((now - started) / 1000).toFixed(0)} s: accepted ${accepted}/${day.length}, in intake ${inIntake}, verdicts ${verdicted.size}, closed ${closed}/${uniqueSoFar}, failed ${failed}`,
      );
      await options.onTick?.({
        seconds: (now - started) / 1000,
        detections: day.length,
        accepted,
        inIntake,
        verdicts: verdicted.size,
        closed,
        uniqueCases: uniqueSoFar,
      });
      if (sendingDone && closed + failed >= byCase.size) {
        closedAt = now;
        break;
      }
      if (now - started > options.timeoutMs) {
        options.say(`  saring day stopped by the timeout (${options.timeoutMs / 1000} s)`);
        break;
      }
    }
  } finally {
    finished = true;
  }
  await crawler;
  await officers;
  const end = closedAt || Date.now();
  return {
    detections: day.length,
    accepted,
    rejected,
    uniqueCases: byCase.size,
    acceptSeconds: ((acceptedAt || end) - started) / 1000,
    intakeSeconds: ((intakeAt || end) - started) / 1000,
    closeSeconds: (end - started) / 1000,
    closed,
    failed,
    lost: byCase.size - closed - failed,
    objectionsResolved,
    caseIds: [...byCase.entries()].map(([caseId, detection]) => ({ caseId, detection })),
    series,
  };
}
