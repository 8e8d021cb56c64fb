import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { DayDetection } from '../day-profile';
import type { TimePoint } from '../peak-report';
import { BareCaseWorkflow, bareDecideUpdate, bareDetectionSignal } from './bare-workflow';

export interface BareDayResult {
  detections: number;
  uniqueCases: number;
  acceptSeconds: number;
  intakeSeconds: number;
  closeSeconds: number;
  closed: number;
  failed: number;
  lost: number;
  workflowIds: string[];
  series: TimePoint[];
}

const BARE = `WorkflowType = 'BareCaseWorkflow'`;

/** What the bare day reads of a detection: its id, and its URL, which names its case. */
export interface BareDetection {
  line: Pick<DayDetection['line'], 'detectionId' | 'url'>;
}

/** One bare workflow per URL, as Saring has one case per normalized URL. */
export function bareWorkflowId(runTag: string, url: string): string {
  return `bare-${runTag}-${crypto.createHash('sha256').update(url).digest('hex').slice(0, 24)}`;
}

/**
 * The same day through the bare workflow: every detection by signal-with-start (as many in flight as
 * the batch route allows all batches together), and one final update per case from `officerLanes`
 * officers. The bare case has no rule that keeps an update out before intake ends, so its officers
 * need not wait for a queue.
 */
export async function runBareDay(
  client: Client,
  day: readonly BareDetection[],
  options: {
    taskQueue: string;
    runTag: string;
    inFlight: number;
    officerLanes: number;
    timeoutMs: number;
    intakeCount: () => number;
    say: (line: string) => void;
  },
): Promise<BareDayResult> {
  const started = Date.now();
  const idOf = (url: string) => bareWorkflowId(options.runTag, url);
  const ids = new Set<string>();
  const toDecide: string[] = [];
  let next = 0;
  let sent = 0;
  let acceptedAt = 0;
  const intake = Promise.all(
    Array.from({ length: options.inFlight }, async () => {
      while (next < day.length) {
        const item = day[next++]!;
        const workflowId = idOf(item.line.url);
        await client.workflow.signalWithStart(BareCaseWorkflow, {
          workflowId,
          taskQueue: options.taskQueue,
          signal: bareDetectionSignal,
          signalArgs: [{ detectionId: item.line.detectionId }],
        });
        sent += 1;
        if (!ids.has(workflowId)) {
          ids.add(workflowId);
          toDecide.push(workflowId);
        }
      }
    }),
  ).then(() => {
    acceptedAt = Date.now();
  });
  let intakeDone = false;
  let decided = 0;
  const officers = Promise.all(
    Array.from({ length: options.officerLanes }, async () => {
      for (;;) {
        const workflowId = toDecide.shift();
        if (!workflowId) {
          if (acceptedAt) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        await client.workflow.getHandle(workflowId).executeUpdate(bareDecideUpdate, {
          args: [{ assignee: 'siti.verifier', final: true }],
        });
        decided += 1;
      }
    }),
  );
  const series: TimePoint[] = [];
  let intakeAt = 0;
  let closedAt = 0;
  let closed = 0;
  let failed = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    closed = (await client.workflow.count(`${BARE} AND ExecutionStatus = 'Completed'`)).count;
    failed = (
      await client.workflow.count(
        `${BARE} AND ExecutionStatus != 'Completed' AND ExecutionStatus != 'Running'`,
      )
    ).count;
    const now = Date.now();
    const through = options.intakeCount();
    if (acceptedAt && !intakeDone && through >= ids.size) {
      intakeDone = true;
      intakeAt = now;
    }
    series.push({ seconds: (now - started) / 1000, accepted: sent, throughIntake: through, closed });
    options.say(
      `  bare   ${((now - started) / 1000).toFixed(0)} s: accepted ${sent}/${day.length}, through intake ${through}, updates ${decided}, closed ${closed}/${ids.size}, failed ${failed}`,
    );
    if (acceptedAt && closed + failed >= ids.size) {
      closedAt = now;
      break;
    }
    if (now - started > options.timeoutMs) {
      options.say(`  bare day stopped by the timeout (${options.timeoutMs / 1000} s)`);
      break;
    }
  }
  await intake;
  await officers;
  const end = closedAt || Date.now();
  return {
    detections: day.length,
    uniqueCases: ids.size,
    acceptSeconds: ((acceptedAt || end) - started) / 1000,
    intakeSeconds: ((intakeAt || end) - started) / 1000,
    closeSeconds: (end - started) / 1000,
    closed,
    failed,
    lost: ids.size - closed - failed,
    workflowIds: [...ids],
    series,
  };
}
