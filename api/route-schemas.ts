import { z } from 'zod';
import { CaseState, Deadline } from '../domain';
import { ErrorBody } from './http-error';
import { TimelineEntryWithTexts } from './timeline-with-texts';

/** Every route's answers: its own, plus the one error body for every 4xx and 5xx. */
export function withErrors<R extends Record<number, z.ZodType>>(responses: R) {
  return { ...responses, '4xx': ErrorBody, '5xx': ErrorBody };
}

export const CaseIdParams = z.object({
  caseId: z.string().meta({
    description: 'case-<20 hex>, or case-<20 hex>.<n> for a re-upload case; any other value is a 404',
    examples: ['case-0123456789abcdef0123'],
  }),
});

export const CaseStateBody = CaseState.meta({
  id: 'CaseState',
  description: 'The case state (query "state")',
});
export const DeadlinesBody = z.object({ deadlines: z.array(Deadline.meta({ id: 'Deadline' })) });
export const TimelineBody = z.object({
  timeline: z.array(TimelineEntryWithTexts.meta({ id: 'TimelineEntryWithTexts' })),
});
