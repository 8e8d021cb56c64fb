import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { protoMillis } from '../../lib/history/proto-millis';
import { RUN_CLOSE_EVENTS } from './close-events';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * Server time after a clock skip in which a due timer is fired before the script acts. A workflow task
 * that a client call schedules just before one of its workflow's timers falls due, and that cancels
 * that timer, is rejected by the time-skipping server ("invalid history builder state for action") and
 * never completes (seed 1711: `closeMonitoring` sent 3 s of server time before the next monitoring
 * check; temporalio/sdk-java#3088). The real server buffers the fired timer instead. Under load the
 * gap between a skip and the next call grows to seconds of real time, during which the locked clock
 * runs on, so the window is wider than any such gap; it is far narrower than any step a script means
 * (the closest is half an hour before a monitoring check).
 */
export const TIMER_GUARD_MS = 2 * 60_000;
/** Timers fired early after one clock step at most, and how far past its due time the clock goes. */
export const MAX_GUARD_STEPS = 3;
export const GUARD_MARGIN_MS = 1_000;

/** The due times of the timers a run has started and not yet seen fire or cancelled. */
export function openTimerDueTimes(events: HistoryEvent[]): number[] {
  const due = new Map<string, number>();
  for (const event of events) {
    const started = event.timerStartedEventAttributes;
    if (started?.timerId) {
      due.set(started.timerId, protoMillis(event.eventTime) + protoMillis(started.startToFireTimeout));
    }
    const closedTimerId =
      event.timerFiredEventAttributes?.timerId ?? event.timerCanceledEventAttributes?.timerId;
    if (closedTimerId) due.delete(closedTimerId);
  }
  return [...due.values()];
}

/**
 * Watches the timers of some cases: their current runs and every child seen started by them (a child outlives the run that started it, so children are remembered across calls).
 */
export class CaseTimers {
  private readonly children = new Set<string>();
  private readonly closed = new Set<string>();

  constructor(private readonly client: Client) {}

  /** The earliest open timer due at or after `fromMs` in any running workflow of the script. */
  async nextDueAtOrAfter(caseIds: readonly string[], fromMs: number): Promise<number | undefined> {
    let next: number | undefined;
    const visit = async (workflowId: string, isCase: boolean) => {
      if (this.closed.has(workflowId)) return;
      let events: HistoryEvent[];
      try {
        events = (await this.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
      } catch {
        return;
      }
      if (isCase)
        for (const event of events) {
          const childId = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
          if (childId) this.children.add(childId);
        }
      // A closed run's unfired timers never fire.
      if (RUN_CLOSE_EVENTS.has(events.at(-1)?.eventType ?? EventType.EVENT_TYPE_UNSPECIFIED)) {
        if (!isCase) this.closed.add(workflowId);
        return;
      }
      for (const due of openTimerDueTimes(events))
        if (due >= fromMs && (next === undefined || due < next)) next = due;
    };
    for (const caseId of caseIds) await visit(caseId, true);
    for (const childId of this.children) await visit(childId, false);
    return next;
  }
}

/**
 * Moves a time-skipping server's clock past any timer of these cases (or their children) that falls
 * due within `guardMs`, so that the caller's next update cannot race it (see TIMER_GUARD_MS). Returns
 * how many steps it took.
 */
export async function sleepPastTimersDueSoon(
  env: TestWorkflowEnvironment,
  caseIds: readonly string[],
  guardMs = TIMER_GUARD_MS,
): Promise<number> {
  const timers = new CaseTimers(env.client);
  for (let steps = 0; steps < MAX_GUARD_STEPS; steps += 1) {
    const nowMs = await env.currentTimeMs();
    const dueMs = await timers.nextDueAtOrAfter(caseIds, nowMs);
    if (dueMs === undefined || dueMs - nowMs > guardMs) return steps;
    await env.sleep(dueMs - nowMs + GUARD_MARGIN_MS);
  }
  return MAX_GUARD_STEPS;
}
