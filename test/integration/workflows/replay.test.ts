import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { bundleCaseWorkflows, fixtureHistories, readHistoryFixtures } from '../../support/case-test-kit';

/**
 * The histories recorded by the track and SLA tests (test/fixtures/histories, refreshed with
 * SARING_RECORD_HISTORIES=1) replay against the current workflow code: a change that would break
 * running cases fails here. A deliberately reordered variant shows the check has teeth.
 */
const EXPECTED_FIXTURES = [
  'fraud-police-and-takedown',
  'gambling-two-platforms',
  'hoax-clarify-respond',
  'no-violation',
  'objection-rejected',
  'reupload-and-early-close',
  'sla-police-acknowledgment-breach',
  'sla-takedown-in-time',
  'sla-verification-breach',
  'withdrawal',
];

describe('replay of recorded case histories', () => {
  let bundle: WorkflowBundle;
  let reorderedBundle: WorkflowBundle;
  const fixtures = readHistoryFixtures();

  beforeAll(async () => {
    [bundle, reorderedBundle] = await Promise.all([
      bundleCaseWorkflows(),
      bundleCaseWorkflows(require.resolve('../../fixtures/workflows-nondeterministic')),
    ]);
  });

  it('has every fixture recorded', () => {
    expect(fixtures.map(({ fixture }) => fixture.name).sort()).toEqual(EXPECTED_FIXTURES);
  });

  it('replays every recorded run (cases, continued runs and children) without a determinism error', async () => {
    const histories = fixtures.flatMap(({ fixture }) => fixtureHistories(fixture));
    expect(histories.length).toBeGreaterThan(EXPECTED_FIXTURES.length);
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle, replayName: 'case-fixtures' }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}/${result.runId}: ${result.error.name}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  });

  it('catches a non-deterministic change: intake calling its activities in another order', async () => {
    const { fixture } = fixtures.find(({ fixture: candidate }) => candidate.name === 'no-violation')!;
    const [history] = fixtureHistories(fixture);
    await expect(Worker.runReplayHistory({ workflowBundle: reorderedBundle, replayName: 'reordered' }, history!.history, history!.workflowId)).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});
