/**
 * Keys in the audit bucket. A case's archive is keyed by its workflow id and its last run, so a case id
 * reused by a later case (a re-upload after closure) gets an archive of its own.
 *
 *   audit-archive/<caseId>/<lastRunId>/manifest.json
 *   audit-archive/<caseId>/<lastRunId>/runs/<NNN>-<runId>.json
 *   audit-archive/<caseId>/<lastRunId>/children/<childWorkflowId>/<NNN>-<runId>.json
 *   audit-ledger/entries/<seq, 12 digits>.json
 *   audit-ledger/heads/<YYYY-MM-DD>.json
 */
export const ARCHIVE_PREFIX = 'audit-archive/';
export const LEDGER_ENTRIES_PREFIX = 'audit-ledger/entries/';
export const LEDGER_HEADS_PREFIX = 'audit-ledger/heads/';

const SAFE = /^[A-Za-z0-9._:-]{1,200}$/;

function segment(value: string): string {
  if (!SAFE.test(value) || /^\.+$/.test(value))
    throw new Error(`"${value}" cannot be part of an archive key`);
  return value;
}

const pad = (index: number, width: number) => String(index).padStart(width, '0');

export const archiveKeys = {
  casePrefix: (caseId: string) => `${ARCHIVE_PREFIX}${segment(caseId)}/`,
  archivePrefix: (caseId: string, lastRunId: string) =>
    `${ARCHIVE_PREFIX}${segment(caseId)}/${segment(lastRunId)}/`,
  manifest: (caseId: string, lastRunId: string) =>
    `${archiveKeys.archivePrefix(caseId, lastRunId)}manifest.json`,
  run: (caseId: string, lastRunId: string, index: number, runId: string) =>
    `${archiveKeys.archivePrefix(caseId, lastRunId)}runs/${pad(index, 3)}-${segment(runId)}.json`,
  childRun: (caseId: string, lastRunId: string, childId: string, index: number, runId: string) =>
    `${archiveKeys.archivePrefix(caseId, lastRunId)}children/${segment(childId)}/${pad(index, 3)}-${segment(runId)}.json`,
  ledgerEntry: (seq: number) => `${LEDGER_ENTRIES_PREFIX}${pad(seq, 12)}.json`,
  ledgerHead: (day: string) => `${LEDGER_HEADS_PREFIX}${day}.json`,
};

/** The sequence number a ledger entry key names, or undefined for another key. */
export function seqOfEntryKey(key: string): number | undefined {
  const match = /^audit-ledger\/entries\/(\d{12})\.json$/.exec(key);
  return match ? Number(match[1]) : undefined;
}
