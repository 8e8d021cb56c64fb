import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import type { z } from 'zod';
import {
  CaseState,
  CaseStateVersionError,
  ContentCaseInput,
  describeIssues,
  migrateCaseState,
} from '../../domain';

/**
 * Input parsing that fails the workflow, never the workflow task: a ZodError thrown from workflow
 * code would fail the task and be retried forever (a monitoring case after a state-schema change).
 * An ApplicationFailure fails the run at once, with a message that says what to do.
 */
export const INVALID_CASE_INPUT = 'INVALID_CASE_INPUT';
export const UNSUPPORTED_CASE_STATE = 'UNSUPPORTED_CASE_STATE';

export function parseCaseInput(raw: unknown): z.output<typeof ContentCaseInput> {
  const parsed = ContentCaseInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw ApplicationFailure.create({
    type: INVALID_CASE_INPUT,
    nonRetryable: true,
    message: `${workflowInfo().workflowType} input is invalid (${describeIssues(parsed.error)}). Start cases through the intake client (submitDetection), which builds a valid input.`,
  });
}

export function parseCarriedState(raw: unknown): CaseState {
  let migrated: unknown;
  try {
    migrated = migrateCaseState(raw);
  } catch (error) {
    if (!(error instanceof CaseStateVersionError)) throw error;
    throw ApplicationFailure.create({
      type: UNSUPPORTED_CASE_STATE,
      nonRetryable: true,
      message: `${error.message}. This worker is older than the case: finish rolling out the newer worker build, then reset the case to this run's first workflow task.`,
    });
  }
  const parsed = CaseState.safeParse(migrated);
  if (parsed.success) return parsed.data;
  throw ApplicationFailure.create({
    type: UNSUPPORTED_CASE_STATE,
    nonRetryable: true,
    message: `the state carried into this run does not parse after migration (${describeIssues(parsed.error)}). Add a migration for it in domain/case-state-migrations.ts, deploy, and reset the case to this run's first workflow task.`,
  });
}
