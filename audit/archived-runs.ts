import { readHistoryFile } from '../lib/history/history-file';
import type { ArchiveReader } from './archive-store';
import { archiveKeys } from './archive-layout';
import { CaseManifest, decodeDocument } from './archive-documents';
import type { RunToReplay } from './replay-archive';

/** The case's manifests in the archive, newest last (a case id reused after closure has several). */
export async function caseManifests(archive: ArchiveReader, caseId: string): Promise<CaseManifest[]> {
  const keys = (await archive.list(archiveKeys.casePrefix(caseId))).filter((key) =>
    key.endsWith('/manifest.json'),
  );
  const manifests: CaseManifest[] = [];
  for (const key of keys) {
    const bytes = await archive.read(key);
    if (bytes) manifests.push(decodeDocument(CaseManifest, bytes));
  }
  return manifests.sort((a, b) => a.archivedAt.localeCompare(b.archivedAt));
}

/** Every run a manifest lists, case runs first then each child's, with its history text from the archive. */
export async function archivedRuns(archive: ArchiveReader, manifest: CaseManifest): Promise<RunToReplay[]> {
  const runs: RunToReplay[] = [];
  const chains = [
    { workflowId: manifest.caseId, runs: manifest.runs },
    ...manifest.children.map((child) => ({ workflowId: child.workflowId, runs: child.runs })),
  ];
  for (const chain of chains) {
    for (const run of chain.runs) {
      const bytes = await archive.read(run.key);
      if (!bytes)
        throw new Error(
          `${archive.where}/${run.key} is missing: run "saring audit verify" to see what changed`,
        );
      const file = readHistoryFile(new TextDecoder().decode(bytes));
      runs.push({ workflowId: chain.workflowId, runId: run.runId, historyJson: file.historyText });
    }
  }
  return runs;
}
