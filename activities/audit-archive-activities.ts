import { ApplicationFailure } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { ArchiveWriter } from '../audit/archive-store';
import { CaseStillOpenError, collectCaseHistories, writeCaseArchive } from '../audit/case-archiver';
import { appendToLedger } from '../audit/ledger';
import type { LedgerSigner } from '../audit/ledger-signer';
import type { RunningCode } from '../audit/code-version';
import { findUnarchivedCases } from '../audit/unarchived-cases';
import { HistoryNotFoundError } from '../lib/history/workflow-history';
import { heartbeat } from './activity-context';
import { parseInput } from './input';
import { TaskQueueName } from '../domain/task-queue-name';

export interface AuditArchiveDeps {
  client: Client;
  archive: ArchiveWriter;
  /** Made on first use (a worker that never archives needs no key). */
  signer: () => Promise<LedgerSigner>;
  now?: () => Date;
  /** Recorded in each manifest entry, so an auditor can replay with the code that archived the case. */
  code?: RunningCode;
}

export const ArchiveClosedCaseInput = z.strictObject({ caseId: z.string().min(1).max(200) });
export const FindUnarchivedInput = z.strictObject({
  limit: z.number().int().min(1).max(1000),
  taskQueue: TaskQueueName.optional(),
});

export interface ArchivedCase {
  caseId: string;
  manifestKey: string;
  manifestSha256: string;
  runs: number;
  children: number;
  ledgerSeq: number;
}

/** The audit archive's activities (workflows/audit/archive-sweep.ts calls them). */
export function auditArchiveActivities(deps: AuditArchiveDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    async findUnarchivedCases(input: z.infer<typeof FindUnarchivedInput>) {
      const { limit, taskQueue } = parseInput('findUnarchivedCases', FindUnarchivedInput, input);
      return findUnarchivedCases(deps.client, deps.archive, limit, taskQueue);
    },

    /** Archives a closed case and appends its manifest to the ledger; safe to retry. */
    async archiveClosedCase(input: z.infer<typeof ArchiveClosedCaseInput>): Promise<ArchivedCase> {
      const { caseId } = parseInput('archiveClosedCase', ArchiveClosedCaseInput, input);
      try {
        const histories = await collectCaseHistories(deps.client, caseId, (line) =>
          heartbeat({ progress: line }),
        );
        const ref = await writeCaseArchive(deps.archive, histories, now, deps.code);
        const { seq } = await appendToLedger(deps.archive, await deps.signer(), ref, now);
        return { ...ref, ledgerSeq: seq };
      } catch (error) {
        if (error instanceof CaseStillOpenError)
          throw ApplicationFailure.nonRetryable(error.message, 'CaseStillOpen');
        if (error instanceof HistoryNotFoundError)
          throw ApplicationFailure.nonRetryable(
            `${error.message}: its history is gone from Temporal (retention), so it can no longer be archived`,
            'WorkflowNotFound',
          );
        throw error;
      }
    },
  };
}

export type AuditArchiveActivities = ReturnType<typeof auditArchiveActivities>;
