/**
 * The case worker for `npm run bench:api`, in a process of its own so that neither the API nor the
 * direct client shares an event loop with it. Scripted activities: no S3 or simulators are needed to
 * reach verification. Prints "bench worker ready"; SIGTERM shuts it down.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createCaseAndFetchWorkers } from '../test/support/workers/case-and-fetch-workers';
import { dataConverterFor } from '../config/codec';
import { ScriptedActivities } from '../test/support/scripted-activities';
import { bundleCaseWorkflowCode } from '../workers/bundle-case-workflows';

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

async function main(): Promise<void> {
  const [address, taskQueue, keyFile] = process.argv.slice(2);
  if (!address || !taskQueue || !keyFile)
    throw new Error('usage: bench-worker.ts <temporal address> <task queue> <codec key file>');
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address });
  const worker = await createCaseAndFetchWorkers({
    connection,
    taskQueue,
    workflowBundle: await bundleCaseWorkflowCode({ logger: silent }),
    activities: new ScriptedActivities({}).activities(),
    dataConverter: dataConverterFor({ keyFile }),
  });
  process.on('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('bench worker ready');
  await running;
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
