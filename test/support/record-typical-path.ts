import type { Client } from '@temporalio/client';
import { fixtureHistoriesOf, maybeRecordHistories } from './case-test-kit';
import { writeCorpusFixture } from './history-corpus';
import packageJson from '../../package.json';

/**
 * A finished typical path of tracks.test.ts or sla.test.ts: with SARING_RECORD_HISTORIES=1 into the
 * fixture of that name (test/fixtures/histories/<name>.json), with SARING_RECORD_CORPUS=1 into the replay
 * corpus of the current release (<version>/tracks.<name>.json), so the code new cases run today has
 * histories of every typical path. Neither on ordinary runs.
 */
export async function recordTypicalPath(client: Client, name: string, workflowIds: string[]): Promise<void> {
  await maybeRecordHistories(client, name, workflowIds);
  if (process.env.SARING_RECORD_CORPUS !== '1') return;
  const { version } = packageJson;
  const file = writeCorpusFixture(version, `tracks.${name}`, {
    name: `tracks.${name}`,
    sdk: '@temporalio/worker 1.24.0',
    recorded: {
      server: 'temporal time-skipping test server (test/integration/workflows)',
      packageVersion: version,
      policyVersion: 'the test default policy',
      at: new Date().toISOString(),
    },
    histories: await fixtureHistoriesOf(client, workflowIds),
  });
  console.log(`recorded ${file}`);
}
