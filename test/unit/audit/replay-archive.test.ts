import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { historyToJson } from '../../../lib/history/history-json';
import { replayRuns, type RunToReplay } from '../../../audit/replay-archive';

/** A recorded case (test/fixtures/histories), in the JSON form the archive stores. */
function recordedRun(fixture: string): RunToReplay {
  const file = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../fixtures/histories', `${fixture}.json`), 'utf8'),
  ) as { histories: { workflowId: string; runId: string; history: unknown }[] };
  const [recorded] = file.histories;
  const history = temporal.api.history.v1.History.fromObject(recorded!.history as object);
  return { workflowId: recorded!.workflowId, runId: recorded!.runId, historyJson: historyToJson(history) };
}

describe('audit replay (no server: the replayer only)', () => {
  it('agrees with the code that recorded it, and shows the case after each task with its event id', async () => {
    const [replay] = await replayRuns([recordedRun('no-violation')]);
    expect(replay).toMatchObject({ result: 'agreed' });
    const stages = replay!.steps.map((step) => step.stage);
    expect(stages).toContain('verification');
    expect(stages.at(-1)).toBe('closed');
    expect(replay!.steps.find((step) => step.stage === 'closed')?.verdict).toBe('no_violation');
    const ids = replay!.steps.map((step) => step.eventId);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });

  it('names the first divergence, with an event id, when other code replays it', async () => {
    const [replay] = await replayRuns([recordedRun('no-violation')], {
      workflowsPath: require.resolve('../../fixtures/workflows/diverging-case-workflows'),
    });
    expect(replay).toMatchObject({
      result: 'diverged',
      divergence: { message: expect.stringMatching(/nondetermin/i) },
    });
    // The real code upserted search attributes at event 6; this code starts a timer instead.
    expect(replay!.divergence!.eventId).toBe(6);
  });
});
