import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { workflowInfo } from '@temporalio/workflow';

const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * When the Schedule meant to start this run (so a run caught up late still covers its own period), or
 * the run's start when it was started by hand.
 */
export function scheduledStartTime(): Date {
  return workflowInfo().typedSearchAttributes.get(SCHEDULED_START) ?? workflowInfo().startTime;
}
