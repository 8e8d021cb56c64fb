import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { CASE_SEARCH_ATTRIBUTES as SA, CATEGORIES, type Category } from '../domain';
import { parseInput } from './input';
import { TaskQueueName } from '../domain/task-queue-name';
import { IS_CASE_WORKFLOW } from '../domain/case-workflow-types';

export const CountNewCasesInput = z.strictObject({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** Only the cases of one task queue (tests sharing a server). */
  casesOnTaskQueue: TaskQueueName.optional(),
});

export interface NewCaseCounts {
  /**
   * Cases opened in [from, to) that are still in intake or verification, by category; `uncategorized`:
   * those still in intake (a case that reached verification without a category was mailed at once).
   */
  opened: { category: Category | 'uncategorized'; count: number }[];
  /** Every case waiting for a verdict now, whenever it opened. */
  awaitingVerification: number;
}

/** Counts from the visibility store for the new-case digest (workflows/alerts/new-case-digest.ts). */
export function newCaseDigestActivities(deps: { client: Client }) {
  return {
    async countNewCases(input: z.infer<typeof CountNewCasesInput>): Promise<NewCaseCounts> {
      const { from, to, casesOnTaskQueue } = parseInput('countNewCases', CountNewCasesInput, input);
      const running =
        `${IS_CASE_WORKFLOW} AND ExecutionStatus = 'Running'` +
        (casesOnTaskQueue ? ` AND TaskQueue = '${casesOnTaskQueue}'` : '');
      const count = async (query: string) => (await deps.client.workflow.count(query)).count;
      const opened = `${running} AND StartTime >= '${from}' AND StartTime < '${to}' AND ${SA.status.name} IN ('intake', 'verification')`;
      // A case still in intake has no category yet ('uncategorized' until classified): it is counted in
      // the period it opened, as in intake, or no digest would ever count it.
      const byCategory = await Promise.all(
        [...CATEGORIES, 'uncategorized' as const].map(async (category) => ({
          category,
          count: await count(
            `${opened} AND ${SA.category.name} = '${category}'` +
              (category === 'uncategorized' ? ` AND ${SA.status.name} = 'intake'` : ''),
          ),
        })),
      );
      return {
        opened: byCategory.filter(({ count: n }) => n > 0),
        awaitingVerification: await count(`${running} AND ${SA.status.name} = 'verification'`),
      };
    },
  };
}

export type NewCaseDigestActivities = ReturnType<typeof newCaseDigestActivities>;
