import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { bundleCaseWorkflows, fixtureHistories, readHistoryFixtures } from '../../support/case-test-kit';
import { corpusHistories, readCorpus } from '../../support/history-corpus';
import { isIntakeRun } from '../../support/history-runs';
import { testDataConverter } from '../../support/codec/test-codec';

/**
 * Two sets of recorded histories replay against the current workflow code, so a change that would
 * break running cases fails here:
 * - the flat files in test/fixtures/histories, recorded by the track and SLA tests on the
 *   time-skipping server (refreshed with SARING_RECORD_HISTORIES=1);
 * - the replay corpus, test/fixtures/histories/<version>/, recorded on the real dev server by
 *   `npm run record:histories` (one file per terminal path the simulator reaches), every version, never
 *   overwritten (test/support/history-corpus.ts).
 * A deliberately reordered variant shows the check has teeth, on one fixture and across the corpus.
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
  const corpus = readCorpus();

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
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: bundle, replayName: 'case-fixtures', dataConverter: testDataConverter },
      histories,
    )) {
      replayed += 1;
      if (result.error)
        failures.push(`${result.workflowId}/${result.runId}: ${result.error.name}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  });

  it('replays the whole dev-server corpus, every version, without a determinism error', async () => {
    const histories = corpus.flatMap((entry) =>
      corpusHistories(entry).map((history) => ({ ...history, from: `${entry.version}/${entry.file}` })),
    );
    expect(corpus.length).toBeGreaterThan(0);
    const failures: string[] = [];
    let replayed = 0;
    const started = Date.now();
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: bundle, replayName: 'case-corpus', dataConverter: testDataConverter },
      histories,
    )) {
      replayed += 1;
      if (result.error)
        failures.push(`${result.workflowId}/${result.runId}: ${result.error.name}: ${result.error.message}`);
    }
    console.log(
      `replay corpus: ${corpus.length} files (${[...new Set(corpus.map((entry) => entry.version))].join(', ')}), ${replayed} histories in ${Date.now() - started} ms`,
    );
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
    // The corpus grows with every recorded version, and its replay time with the machine's load: jest's
    // default 120 s was a speed limit this test does not mean to set (a fresh-clone CI went past it).
  }, 600_000);

  it('holds dev-server histories of every terminal path feature (the recorder adds what is missing)', () => {
    const features = new Set(corpus.flatMap((entry) => entry.file.replace(/\.json$/, '').split('.')));
    const required = [
      'actioned',
      'withdrawn',
      'no',
      'hoax',
      'criminal',
      'illegal',
      'clarification-published',
      'response-published',
      'police-reported',
      'recommended-st3',
      'upheld',
      'objection-rejected',
      'sla-breach',
      'reupload',
      'closed-early',
      'continued-as-new',
      'next-generation',
    ];
    expect(required.filter((feature) => !features.has(feature))).toEqual([]);
  });

  it('catches the reordered intake in every corpus history whose run went through intake', async () => {
    const intakeRuns = corpus.flatMap((entry) =>
      corpusHistories(entry).filter((history) => isIntakeRun(history.history)),
    );
    expect(intakeRuns.length).toBeGreaterThanOrEqual(corpus.length);
    const missed: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: reorderedBundle, replayName: 'reordered-corpus', dataConverter: testDataConverter },
      intakeRuns,
    )) {
      if (!(result.error instanceof DeterminismViolationError))
        missed.push(
          `${result.workflowId}/${result.runId}: ${result.error ? result.error.name : 'replayed without error'}`,
        );
    }
    expect(missed).toEqual([]);
  });

  it('catches a non-deterministic change: intake calling its activities in another order', async () => {
    const { fixture } = fixtures.find(({ fixture: candidate }) => candidate.name === 'no-violation')!;
    const [history] = fixtureHistories(fixture);
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: reorderedBundle, replayName: 'reordered' },
        history!.history,
        history!.workflowId,
      ),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
