import type { Category } from '../../domain/categories';
import type { WorkflowHistory } from './history-source';

export interface HistoryDocumentInput {
  caseId: string;
  requestId: string;
  category?: Category;
  archivedAt: string;
  history: WorkflowHistory;
}

/**
 * The archive written to the audit bucket: who/what/when around the untouched event history. The
 * history JSON is spliced in as it came, not re-serialized, so its bytes are Temporal's own.
 */
export function historyDocument(input: HistoryDocumentInput): Uint8Array {
  const { historyJson, ...run } = input.history;
  const header = JSON.stringify({
    schema: 'saring.history-archive/v1',
    caseId: input.caseId,
    requestId: input.requestId,
    category: input.category ?? null,
    archivedAt: input.archivedAt,
    ...run,
  });
  return new TextEncoder().encode(`${header.slice(0, -1)},"history":${historyJson}}`);
}
