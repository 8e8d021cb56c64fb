import type { Category } from '../../domain/categories';
import { HISTORY_SCHEMAS, historyEnvelope } from '../../lib/history/history-envelope';
import type { WorkflowHistory } from '../../lib/history/workflow-history';

export interface HistoryDocumentInput {
  caseId: string;
  requestId: string;
  category?: Category;
  archivedAt: string;
  history: WorkflowHistory;
}

/** The archive written to the audit bucket: who/what/when around the history, in the export's encoding. */
export function historyDocument(input: HistoryDocumentInput): Uint8Array {
  const { historyJson, ...run } = input.history;
  const header = {
    caseId: input.caseId,
    requestId: input.requestId,
    category: input.category ?? null,
    archivedAt: input.archivedAt,
    ...run,
  };
  return new TextEncoder().encode(historyEnvelope(HISTORY_SCHEMAS.archive, header, historyJson));
}
