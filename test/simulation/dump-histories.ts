import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { fetchAllRuns, historyToFixture } from '../support/case-test-kit';

/**
 * With SARING_SIM_DUMP_DIR set, a stuck script's histories (every run of the case and each child) are
 * written there as JSON before the runner terminates them, so a stall can be read event by event.
 */
export async function dumpHistories(client: Client, seed: number, workflowIds: string[]): Promise<void> {
  const dir = process.env.SARING_SIM_DUMP_DIR;
  if (!dir) return;
  const target = path.join(dir, `seed-${seed}`);
  await mkdir(target, { recursive: true });
  for (const workflowId of workflowIds) {
    try {
      const runs = await fetchAllRuns(client, workflowId);
      await writeFile(
        path.join(target, `${workflowId}.json`),
        JSON.stringify(
          runs.map((run) => historyToFixture(run.history)),
          null,
          1,
        ),
      );
    } catch (error) {
      console.error(`seed ${seed}: history of ${workflowId} not dumped: ${String(error)}`);
    }
  }
  console.error(`seed ${seed}: histories written to ${target}`);
}
