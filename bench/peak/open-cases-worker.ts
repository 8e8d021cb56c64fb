/**
 * The case worker of `npm run bench:open-cases`, a process of its own so its memory is measured alone:
 * the real case workflows (a prebuilt bundle) with the cache and slots the worker's sizing rule gives
 * for `taskMemoryMiB` (workers/worker-tuning.ts) unless a cache size is given, and activity doubles that parse every input with the
 * real activities' schemas (test/support/scripted-activities.ts). Prints "open-cases worker ready
 * <maxCachedWorkflows>"; SIGTERM shuts it down.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { z } from 'zod';
import { WorkerTuning, workerTuningOptions } from '../../workers/worker-tuning';
import { ScriptedActivities } from '../../test/support/scripted-activities';
import { createCaseAndFetchWorkers } from '../../test/support/workers/case-and-fetch-workers';

const Args = z.tuple([
  z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
  z.string().min(1),
  z.string().min(1),
  z.coerce.number().int().min(512).max(65_536),
  z.coerce.number().int().min(1).max(100_000).optional(),
]);

async function main(): Promise<void> {
  const parsed = Args.safeParse(process.argv.slice(2));
  if (!parsed.success)
    throw new Error(
      `usage: open-cases-worker.ts <temporal host:port> <task queue> <workflow bundle> <task memory MiB> [max cached workflows] (${parsed.error.message})`,
    );
  const [address, taskQueue, bundlePath, taskMemoryMiB, maxCachedWorkflows] = parsed.data;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const tuning = workerTuningOptions(WorkerTuning.parse({ taskMemoryMiB, maxCachedWorkflows }));
  const scripted = new ScriptedActivities({
    classification: { category: 'online_gambling', confidence: 0.9, suggestedPriority: 'urgent' },
  });
  // The double records every call for tests to read; this bench reads none, and the record would
  // grow the RSS this bench measures.
  const forget = setInterval(() => scripted.calls.splice(0), 1_000);
  const connection = await NativeConnection.connect({ address });
  const workers = await createCaseAndFetchWorkers({
    connection,
    taskQueue,
    workflowBundle: { codePath: bundlePath },
    activities: scripted.activities(),
    ...tuning,
  });
  process.on('SIGTERM', () => workers.shutdown());
  const running = workers.run();
  console.log(`open-cases worker ready ${tuning.maxCachedWorkflows}`);
  await running;
  clearInterval(forget);
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
