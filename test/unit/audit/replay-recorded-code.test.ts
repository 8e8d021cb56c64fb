import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { historyToJson } from '../../../lib/history/history-json';
import type { WorkflowHistory } from '../../../lib/history/workflow-history';
import { DirectoryArchive } from '../../../audit/directory-archive';
import { writeCaseArchive } from '../../../audit/case-archiver';
import { caseManifests } from '../../../audit/archived-runs';
import { installRoot, runningCodeVersion } from '../../../audit/code-version';
import { recordedBuildIds } from '../../../audit/recorded-build-ids';
import { runCli } from '../../../cli/main';

/** A recorded case (test/fixtures/histories) as the archiver fetches it from Temporal. */
function recordedCase(): WorkflowHistory {
  const file = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../fixtures/histories/no-violation.json'), 'utf8'),
  ) as { histories: { workflowId: string; runId: string; history: unknown }[] };
  const [recorded] = file.histories;
  const history = temporal.api.history.v1.History.fromObject(recorded!.history as object);
  const historyJson = historyToJson(history);
  return {
    workflowId: recorded!.workflowId,
    runId: recorded!.runId,
    workflowType: 'ContentCaseWorkflow',
    status: 'COMPLETED',
    startTime: '2025-11-20T01:00:00.000Z',
    closeTime: '2025-11-20T03:00:00.000Z',
    eventCount: (JSON.parse(historyJson) as { events: unknown[] }).events.length,
    historyJson,
  };
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {}, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * "Replay with the code version that recorded the history, and with the current one": the archive
 * records a commit of a real git repository whose workflows/ decide differently from this install's,
 * so the two replays must disagree, and each says which code it used.
 */
describe('audit replay --code recorded|current', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-recorded-code-'));
  const repo = path.join(root, 'repo');
  const archiveDir = path.join(root, 'bucket');
  const run = recordedCase();
  const caseId = run.workflowId;
  let commit: string;

  beforeAll(async () => {
    fs.mkdirSync(path.join(repo, 'workflows'), { recursive: true });
    fs.copyFileSync(
      path.resolve(__dirname, '../../fixtures/workflows/diverging-case-workflows.ts'),
      path.join(repo, 'workflows', 'index.ts'),
    );
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        encoding: 'utf8',
      }).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'the code that recorded the case');
    commit = git('rev-parse', 'HEAD');
    const archive = new DirectoryArchive(archiveDir);
    await writeCaseArchive(archive, { caseId, runs: [run], children: [] }, () => new Date(), {
      packageVersion: '0.0.9',
      commit,
    });
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.join(installRoot(), '.data', 'replay-code', commit), { recursive: true, force: true });
  });

  const replayWithWorkflows = (folder: string, ...more: string[]) =>
    cli('audit', 'replay', caseId, '--archive', archiveDir, '--workflows', folder, ...more);

  it('records the code version and the run’s build ids in the manifest entry', async () => {
    const [manifest] = await caseManifests(new DirectoryArchive(archiveDir), caseId);
    expect(manifest!.runs[0]!.code).toEqual({
      packageVersion: '0.0.9',
      commit,
      recordedBuildIds: recordedBuildIds(run.historyJson),
    });
    expect(manifest!.runs[0]!.code!.recordedBuildIds.length).toBeGreaterThan(0);
  });

  it('replays with the recorded commit (extracted from the repo) and with the current code', async () => {
    const recorded = await cli(
      'audit',
      'replay',
      caseId,
      '--archive',
      archiveDir,
      '--code',
      'recorded',
      '--repo',
      repo,
      '--summary',
    );
    expect(recorded.out).toContain(`code: recorded (package 0.0.9, commit ${commit})`);
    expect(recorded.out).toMatch(/^DIVERGED: .*\n {2}first divergence at event 6:/m);
    expect(recorded.code).toBe(1);
    expect(recorded.err).toContain(`extracting workflows/ of commit ${commit}`);

    const current = await cli(
      'audit',
      'replay',
      caseId,
      '--archive',
      archiveDir,
      '--code',
      'current',
      '--summary',
    );
    expect(current.out).toContain(`code: current (package ${runningCodeVersion().packageVersion}`);
    expect(current.out).toMatch(/^OK agreed: /m);
    expect(current.code).toBe(0);

    // A folder given relative to where the command runs, as the runbook types it.
    const relative = path.relative(process.cwd(), path.join(installRoot(), 'workflows'));
    const fromFolder = await replayWithWorkflows(relative, '--summary');
    expect([fromFolder.code, fromFolder.out]).toEqual([0, expect.stringMatching(/^OK agreed: /m) as unknown]);
  });

  it('says what to do when the recorded commit is not in the repository, and rejects bad --code', async () => {
    const missing = 'ab'.repeat(20);
    const otherArchive = path.join(root, 'other-bucket');
    await writeCaseArchive(
      new DirectoryArchive(otherArchive),
      { caseId, runs: [run], children: [] },
      () => new Date(),
      {
        packageVersion: '0.0.9',
        commit: missing,
      },
    );
    const unknown = await cli(
      'audit',
      'replay',
      caseId,
      '--archive',
      otherArchive,
      '--code',
      'recorded',
      '--repo',
      repo,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      `commit ${missing} (the code that recorded the case) is not in the git repository ${repo}`,
    );
    expect(unknown.err).toContain('git fetch origin');

    const bad = await cli('audit', 'replay', caseId, '--archive', archiveDir, '--code', 'newest');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--code is recorded or current');
    const both = await cli(
      'audit',
      'replay',
      caseId,
      '--archive',
      archiveDir,
      '--code',
      'current',
      '--workflows',
      repo,
    );
    expect(both.code).toBe(2);
    expect(both.err).toContain('not both');
    const nowhere = await replayWithWorkflows('no-such-folder');
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain(
      `--workflows no-such-folder: ${path.resolve('no-such-folder')} has no index.ts`,
    );
  });
});
