import { sha256Hex } from '../activities/evidence/sha256';
import type { CaseHistory } from './case-service';

/** SHA-256 of the history JSON's UTF-8 bytes: the digest auditors compare with the archived copy. */
export function historySha256(historyJson: string): string {
  return sha256Hex(historyJson);
}

/**
 * The history with its digest and run details. The history is spliced in as Temporal's JSON text,
 * not re-serialized, so a client can cut it out byte for byte (as the archive document does).
 */
export function historyEnvelope(history: CaseHistory, sha256: string): string {
  const { historyJson, ...run } = history;
  const header = JSON.stringify({
    schema: 'saring.history-export/v1',
    ...run,
    sha256,
    exportedAt: new Date().toISOString(),
  });
  return `${header.slice(0, -1)},"history":${historyJson}}`;
}
