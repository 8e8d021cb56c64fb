import { ApplicationFailure, getExternalWorkflowHandle, log, workflowInfo } from '@temporalio/workflow';
import { renderTimelineMessage, type Deadline, type TimelineMessage } from '../../domain';
import { Notifier } from '../notify';
import { childEventSignal, type ChildEvent, type DeadlineEvent } from '../internal-messages';
import { applyDeadlineEvent, type SlaNotification, type SlaReporter } from '../sla';

/** The failure type a signal to a closed (or never started) workflow resolves with. */
const SIGNAL_TARGET_NOT_FOUND = 'ExternalWorkflowExecutionNotFound';

export function isCaseGone(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.type === SIGNAL_TARGET_NOT_FOUND;
}

/**
 * A child workflow's line to its case: SLA events and progress go to the parent by signal (the case
 * owns the timeline and search attributes); the child keeps its own copy of its deadlines.
 *
 * With `toleratesGoneCase` (children started with the case-gone patch) a signal the server cannot
 * deliver because the case has closed does not fail the child: the reporter records when and why
 * (`caseGone`), sends nothing more, and the child ends itself (children/case-gone.ts). Without it, the
 * rejected signal surfaced as an unhandled rejection and failed every workflow task of the child.
 */
export class CaseReporter implements SlaReporter {
  readonly deadlines: Deadline[] = [];
  private readonly parentWorkflowId = workflowInfo().parent?.workflowId;
  /** A failed notification is logged by the Notifier; the case learns of breaches through `report`. */
  readonly notifier: Notifier;
  /** Set once a signal found no case to deliver to: the case has closed. */
  caseGone: { at: string; reason: string } | undefined;

  constructor(
    readonly caseId: string,
    /** The child follows the timeline-codes patch: its reports carry a code and parameters. */
    private readonly codedTimeline = false,
    private readonly toleratesGoneCase = false,
    /** Undefined: the Notifier asks the notifications-finish patch itself (children of the first types). */
    notificationsFinish?: boolean,
  ) {
    this.notifier = new Notifier(caseId, () => undefined, notificationsFinish);
  }

  /** What a report says: the message itself, or (children without the patch) its English summary. */
  says(message: TimelineMessage): { message: TimelineMessage } | { summary: string } {
    return this.codedTimeline ? { message } : { summary: renderTimelineMessage(message, 'en') };
  }

  async send(event: ChildEvent): Promise<void> {
    if (!this.parentWorkflowId) return; // started on its own (ad-hoc runs): nobody to tell
    if (this.caseGone) return;
    try {
      await getExternalWorkflowHandle(this.parentWorkflowId).signal(childEventSignal, event);
    } catch (error) {
      if (!this.toleratesGoneCase || !isCaseGone(error)) throw error;
      this.caseGone ??= {
        at: new Date(Date.now()).toISOString(),
        reason: `case ${this.parentWorkflowId} has closed; a ${event.type} report could not be delivered`,
      };
      log.warn('case has closed; the child stops reporting to it', {
        caseId: this.caseId,
        event: event.type,
      });
    }
  }

  async report(event: DeadlineEvent): Promise<void> {
    applyDeadlineEvent(this.deadlines, event);
    await this.send({ type: 'deadline', event });
  }

  notify(notification: SlaNotification): Promise<void> {
    return this.notifier.send(notification);
  }

  /** Closes the child's own copy of every deadline still open (the child ends without its case). */
  closeOpenDeadlines(): void {
    const at = new Date(Date.now()).toISOString();
    for (const deadline of this.deadlines.filter((candidate) => !candidate.closedAt))
      applyDeadlineEvent(this.deadlines, { type: 'closed', id: deadline.id, at, how: 'cancelled' });
  }
}
