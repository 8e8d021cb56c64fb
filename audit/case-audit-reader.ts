import type { DataConverter } from '@temporalio/common';
import type { ArchiveReader } from './archive-store';
import { archivedRuns, caseManifests } from './archived-runs';
import { replayRuns, type RunReplay } from './replay-archive';
import { verifyCaseArchive, type ArchiveVerification } from './verify-archive';

/** The case has no archive yet (open, or closed and not swept yet). */
export class CaseNotArchivedError extends Error {}

/** The trusted ledger public key could not be read (e.g. KMS unreachable): verification cannot run now. */
export class LedgerKeyUnavailableError extends Error {}

export interface CaseReplay {
  caseId: string;
  manifestArchivedAt: string;
  runs: RunReplay[];
}

/** What the API's audit routes ask of the archive: the same checks as `saring audit verify` and `replay`. */
export interface CaseAuditReader {
  verify(caseId: string): Promise<ArchiveVerification>;
  replay(caseId: string): Promise<CaseReplay>;
}

/**
 * Reads the audit archive for the API. Verification trusts only the configured public key; replays
 * run one at a time (each bundles the workflow code and re-executes every run), and a case's result
 * is kept per manifest (an archive is written once, under Object Lock).
 */
export function caseAuditReader(options: {
  archive: ArchiveReader;
  /** The key itself, or how to get it when a verification first needs it (the cloud's KMS key). */
  publicKeyPem: string | (() => Promise<string>);
  dataConverter?: DataConverter;
  workflowsPath?: string;
}): CaseAuditReader {
  const replays = new Map<string, Promise<CaseReplay>>();
  let queue: Promise<unknown> = Promise.resolve();
  const newestManifest = async (caseId: string) => {
    const manifest = (await caseManifests(options.archive, caseId)).at(-1);
    if (!manifest)
      throw new CaseNotArchivedError(
        `${caseId} has no archive yet: a case is archived after it closes (the sweep catches any it missed); try again later`,
      );
    return manifest;
  };
  return {
    async verify(caseId) {
      const publicKeyPem =
        typeof options.publicKeyPem === 'string' ? options.publicKeyPem : await options.publicKeyPem();
      await newestManifest(caseId);
      return verifyCaseArchive(options.archive, caseId, { publicKeyPem });
    },
    async replay(caseId) {
      const manifest = await newestManifest(caseId);
      const key = `${caseId}@${manifest.archivedAt}`;
      let replay = replays.get(key);
      if (!replay) {
        const run = async (): Promise<CaseReplay> => ({
          caseId,
          manifestArchivedAt: manifest.archivedAt,
          runs: await replayRuns(await archivedRuns(options.archive, manifest), {
            ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
            ...(options.workflowsPath ? { workflowsPath: options.workflowsPath } : {}),
          }),
        });
        replay = queue.then(run, run);
        queue = replay.catch(() => undefined);
        replays.set(key, replay);
        // A failed replay (e.g. a missing run) is not kept: the next call tries again.
        replay.catch(() => replays.delete(key));
      }
      return replay;
    },
  };
}
