import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { ReportRequest } from '../domain';
import type { ArchiveWriter } from '../audit/archive-store';
import { produceReport, type ProducedReport } from '../reports/report-producer';
import { heartbeat } from './activity-context';
import { parseInput } from './input';
import { TaskQueueName } from '../domain/task-queue-name';

export interface ReportActivityDeps {
  client: Client;
  archive: ArchiveWriter;
  now?: () => Date;
}

export const ProduceReportInput = z.strictObject({
  request: ReportRequest,
  casesOnTaskQueue: TaskQueueName.optional(),
});

/** The report activities (workflows/reports/report-workflow.ts calls them). */
export function reportActivities(deps: ReportActivityDeps) {
  return {
    /** Computes one report and writes it to the audit bucket; safe to retry (create-only writes). */
    async produceReport(input: z.infer<typeof ProduceReportInput>): Promise<ProducedReport> {
      const { request, casesOnTaskQueue } = parseInput('produceReport', ProduceReportInput, input);
      return produceReport(
        {
          client: deps.client,
          archive: deps.archive,
          ...(deps.now ? { now: deps.now } : {}),
          ...(casesOnTaskQueue ? { casesOnTaskQueue } : {}),
          progress: (line) => heartbeat({ progress: line }),
        },
        request,
      );
    },
  };
}

export type ReportActivities = ReturnType<typeof reportActivities>;
