import type { DataConverter } from '@temporalio/common';
import type { CaseManifest } from './archive-documents';
import { materializeWorkflows, UnknownCommitError } from './materialize-commit';
import { replayRuns, type RunReplay, type RunToReplay } from './replay-archive';

export interface RecordedCodeReplay {
  commit: string;
  packageVersion: string;
  workflowsPath: string;
  replays: RunReplay[];
}

/** The commit each archived run was recorded with, as its manifest entry states. */
function commitsByRun(manifest: CaseManifest): Map<string, { commit: string; packageVersion: string }> {
  const entries = [manifest.runs, ...manifest.children.map((child) => child.runs)].flat();
  const commits = new Map<string, { commit: string; packageVersion: string }>();
  for (const entry of entries) {
    if (!entry.code)
      throw new UnknownCommitError(
        `the manifest of ${manifest.caseId} was written before code versions were recorded (run ${entry.runId} has none): replay with --code current, or with --workflows <dir> of a checkout you choose`,
      );
    if (!entry.code.commit)
      throw new UnknownCommitError(
        `run ${entry.runId} of ${manifest.caseId} was archived by code of package ${entry.code.packageVersion} whose git commit was unknown (SARING_CODE_COMMIT unset): replay with --workflows <dir> of that version's checkout, or with --code current`,
      );
    commits.set(entry.runId, { commit: entry.code.commit, packageVersion: entry.code.packageVersion });
  }
  return commits;
}

/**
 * Replays each archived run with the code its manifest entry names: that commit's workflows/ is
 * checked out of `repo` into a cache folder, and the runs of each commit are replayed together.
 */
export async function replayWithRecordedCode(
  manifest: CaseManifest,
  runs: RunToReplay[],
  options: {
    repo: string;
    cacheRoot?: string;
    dataConverter?: DataConverter;
    progress?: (line: string) => void;
  },
): Promise<RecordedCodeReplay[]> {
  const commits = commitsByRun(manifest);
  const groups = new Map<string, { packageVersion: string; runs: RunToReplay[] }>();
  for (const run of runs) {
    const code = commits.get(run.runId);
    if (!code) throw new UnknownCommitError(`run ${run.runId} is not in the manifest of ${manifest.caseId}`);
    const group = groups.get(code.commit) ?? { packageVersion: code.packageVersion, runs: [] };
    group.runs.push(run);
    groups.set(code.commit, group);
  }
  const results: RecordedCodeReplay[] = [];
  for (const [commit, group] of groups) {
    const workflowsPath = materializeWorkflows(options.repo, commit, {
      ...(options.cacheRoot ? { cacheRoot: options.cacheRoot } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
    });
    const replays = await replayRuns(group.runs, {
      workflowsPath,
      ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
    });
    results.push({ commit, packageVersion: group.packageVersion, workflowsPath, replays });
  }
  return results;
}
