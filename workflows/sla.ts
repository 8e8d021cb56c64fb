import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import type { CasePolicy, Deadline, Notification, Priority, SlaStage } from '../domain';
import { slaMs } from '../domain';
import type { DeadlineEvent } from './internal-messages';

/**
 * SLA timers, the same for the case and its children: reminders at the policy's fractions of the
 * span (to the assignee and the stage's audience), at the deadline an escalation to the supervisors
 * and the breach recorded; the watch ends as soon as the stage's condition holds ("met", or
 * "met_late" after a breach), or when stopped ("cancelled").
 */
export type SlaNotification = Pick<Notification, 'audience' | 'officerId' | 'kind' | 'subject' | 'body'> & {
  requestId: string;
};

export interface SlaReporter {
  caseId: string;
  /** Applies the event to the case state (parent) or forwards it to the case (child). */
  report(event: DeadlineEvent): Promise<void> | void;
  notify(notification: SlaNotification): Promise<void>;
}

/** Who is reminded for each stage, besides the assignee. */
export const SLA_AUDIENCE: Record<SlaStage, Notification['audience']> = {
  verification: 'rapid_response_unit',
  takedown_compliance: 'rapid_response_unit',
  objection_review: 'supervisors',
  police_acknowledgment: 'police_liaison',
  police_report: 'police_liaison',
  clarification_publication: 'rapid_response_unit',
  response_publication: 'public_relations',
};

export function newDeadline(params: {
  id: string;
  sla: SlaStage;
  label: string;
  priority: Priority;
  policy: CasePolicy;
  assignee?: string;
  /** Defaults to now. */
  startedAtMs?: number;
}): Deadline {
  const startedAtMs = params.startedAtMs ?? Date.now();
  return {
    id: params.id,
    sla: params.sla,
    label: params.label,
    priority: params.priority,
    ...(params.assignee ? { assignee: params.assignee } : {}),
    startedAt: new Date(startedAtMs).toISOString(),
    dueAt: new Date(startedAtMs + slaMs(params.policy, params.sla, params.priority)).toISOString(),
    remindersSent: [],
  };
}

export interface DeadlineWatch {
  /** Resolves when the deadline was met or the watch stopped. */
  done: Promise<void>;
  /** Ends the watch without the condition holding: the deadline is closed as "cancelled". */
  stop(): Promise<void>;
}

export function watchDeadline(
  deadline: Deadline,
  options: {
    reminders: readonly number[];
    isMet: () => boolean;
    reporter: SlaReporter;
    assignee?: () => string | undefined;
    /** The deadline was opened by an earlier run (continue-as-new): reminders and breach already sent are not sent again. */
    resumed?: boolean;
  },
): DeadlineWatch {
  const { reporter, isMet } = options;
  const scope = new CancellationScope();
  let closed = false;
  const close = async (how: 'met' | 'met_late' | 'cancelled') => {
    if (closed) return;
    closed = true;
    await reporter.report({ type: 'closed', id: deadline.id, at: new Date(Date.now()).toISOString(), how });
  };

  const run = async () => {
    if (!options.resumed) await reporter.report({ type: 'opened', deadline });
    const start = Date.parse(deadline.startedAt);
    const due = Date.parse(deadline.dueAt);
    const points = [
      ...options.reminders.map((fraction) => ({
        fraction,
        at: start + Math.round(fraction * (due - start)),
      })),
      { fraction: 1, at: due },
    ];
    let breached = options.resumed === true && deadline.breachedAt !== undefined;
    for (const point of points) {
      if (
        options.resumed &&
        (point.fraction < 1 ? deadline.remindersSent.includes(point.fraction) : breached)
      )
        continue;
      const waitMs = point.at - Date.now();
      const met = waitMs > 0 ? await condition(isMet, waitMs) : isMet();
      if (met) break;
      const at = new Date(Date.now()).toISOString();
      const assignee = options.assignee?.() ?? deadline.assignee;
      if (point.fraction < 1) {
        await reporter.report({ type: 'reminded', id: deadline.id, fraction: point.fraction, at });
        void reporter.notify({
          requestId: `${reporter.caseId}:sla:${deadline.id}:reminder:${point.fraction}`,
          audience: SLA_AUDIENCE[deadline.sla],
          ...(assignee ? { officerId: assignee } : {}),
          kind: 'sla_reminder',
          subject: `Reminder: ${deadline.label} for ${reporter.caseId} is due ${deadline.dueAt}`,
          body: `${Math.round(point.fraction * 100)}% of the ${deadline.priority} SLA for ${deadline.label} has passed. Due ${deadline.dueAt}.`,
        });
      } else {
        breached = true;
        await reporter.report({ type: 'breached', id: deadline.id, at });
        void reporter.notify({
          requestId: `${reporter.caseId}:sla:${deadline.id}:breach`,
          audience: 'supervisors',
          ...(assignee ? { officerId: assignee } : {}),
          kind: 'sla_breach',
          subject: `SLA breached: ${deadline.label} for ${reporter.caseId}`,
          body: `The ${deadline.priority} SLA for ${deadline.label} ended at ${deadline.dueAt} without the step being done. Escalated to the supervisors.`,
        });
      }
    }
    if (!isMet()) await condition(isMet);
    await close(breached ? 'met_late' : 'met');
  };

  const done = scope.run(run).catch((error: unknown) => {
    if (!isCancellation(error)) throw error;
  });
  return {
    done,
    stop: async () => {
      scope.cancel();
      await done;
      // The watch was cut short: record it as cancelled, outside the cancelled scope.
      await CancellationScope.nonCancellable(() => close('cancelled'));
    },
  };
}

/** Applies a deadline event to a list of deadlines (the case state's, or a child's own copy). */
export function applyDeadlineEvent(deadlines: Deadline[], event: DeadlineEvent): Deadline | undefined {
  if (event.type === 'opened') {
    const existing = deadlines.findIndex((candidate) => candidate.id === event.deadline.id);
    if (existing >= 0) deadlines[existing] = { ...event.deadline };
    else deadlines.push({ ...event.deadline });
    return deadlines.find((candidate) => candidate.id === event.deadline.id);
  }
  const deadline = deadlines.find((candidate) => candidate.id === event.id);
  if (!deadline) return undefined;
  if (event.type === 'reminded') {
    if (!deadline.remindersSent.includes(event.fraction)) deadline.remindersSent.push(event.fraction);
  } else if (event.type === 'breached') {
    deadline.breachedAt = event.at;
  } else if (!deadline.closedAt) {
    deadline.closedAt = event.at;
    deadline.closedHow = event.how;
  }
  return deadline;
}
