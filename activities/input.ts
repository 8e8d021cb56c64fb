import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';

/** Failure type of bad activity input; list it in nonRetryableErrorTypes too (see ACTIVITY_OPTIONS). */
export const INVALID_INPUT = 'InvalidActivityInput';

/**
 * Parses an activity's input with its zod schema. Bad input cannot get better by retrying, so it fails
 * the activity at once, with every problem spelled out.
 */
export function parseInput<S extends z.ZodType>(activity: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw ApplicationFailure.nonRetryable(
    `${activity}: invalid input: ${z.prettifyError(result.error)}`,
    INVALID_INPUT,
  );
}
