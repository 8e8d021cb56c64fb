import { getExternalWorkflowHandle, workflowInfo } from '@temporalio/workflow';
import { renderTimelineMessage, type Deadline, type TimelineMessage } from '../../domain';
import { Notifier } from '../notify';
import { childEventSignal, type ChildEvent, type DeadlineEvent } from '../internal-messages';
import { applyDeadlineEvent, type SlaNotification, type SlaReporter } from '../sla';

/**
 * A child workflow's line to its case: SLA events and progress go to the parent by signal (the case
 * owns the timeline and search attributes); the child keeps its own copy of its deadlines.
 */
export class CaseReporter implements SlaReporter {
  readonly deadlines: Deadline[] = [];
  private readonly parentWorkflowId = workflowInfo().parent?.workflowId;
  /** A failed notification is logged by the Notifier; the case learns of breaches through `report`. */
  readonly notifier: Notifier;

  constructor(
    readonly caseId: string,
    /** The child follows the timeline-codes patch: its reports carry a code and parameters. */
    private readonly codedTimeline = false,
  ) {
    this.notifier = new Notifier(caseId, () => undefined);
  }

  /** What a report says: the message itself, or (children without the patch) its English summary. */
  says(message: TimelineMessage): { message: TimelineMessage } | { summary: string } {
    return this.codedTimeline ? { message } : { summary: renderTimelineMessage(message, 'en') };
  }

  async send(event: ChildEvent): Promise<void> {
    if (!this.parentWorkflowId) return; // started on its own (ad-hoc runs): nobody to tell
    await getExternalWorkflowHandle(this.parentWorkflowId).signal(childEventSignal, event);
  }

  async report(event: DeadlineEvent): Promise<void> {
    applyDeadlineEvent(this.deadlines, event);
    await this.send({ type: 'deadline', event });
  }

  notify(notification: SlaNotification): Promise<void> {
    return this.notifier.send(notification);
  }
}
