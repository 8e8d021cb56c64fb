// Run as its own process by the crash test: an activity worker that dies (SIGKILL) right after its first
// takedown request went out. Configuration comes from the environment the test passes.
import { testDataConverter } from '../codec/test-codec';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import { activitiesHarness } from './activities-harness';
import { crashAfterSend } from './crash-after-send';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const taskQueue = process.env.CRASH_TASK_QUEUE;
  if (!taskQueue) throw new Error('CRASH_TASK_QUEUE is not set');
  const harness = await activitiesHarness('crashing-worker');
  const connection = await NativeConnection.connect({
    address: JSON.parse(process.env.SARING_TEST_SERVERS!).temporal.address as string,
  });
  const activities = createActivities(
    crashAfterSend(harness.deps, () => {
      process.kill(process.pid, 'SIGKILL');
      throw new Error('unreachable');
    }),
  );
  const worker = await Worker.create({ connection, taskQueue, activities, dataConverter: testDataConverter });
  console.log('crashing worker polling');
  await worker.run();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
