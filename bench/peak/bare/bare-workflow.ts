import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type * as activities from './bare-activities';

/**
 * The bare engine baseline of `npm run bench:peak` (the shape of temporalio/omes' single-activity
 * workflow, widened to Saring's): started by signal-with-start, two no-op activities, then it waits for
 * officer updates; an update with `final` ends it. No codec, no search attributes, no state.
 */
export const bareDetectionSignal = defineSignal<[{ detectionId: string }]>('detection');
export const bareDecideUpdate = defineUpdate<string, [{ assignee: string; final: boolean }]>('decide');

const { bareClassify, bareSnapshot } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
});

export async function BareCaseWorkflow(): Promise<string> {
  let detections = 0;
  let assignee = '';
  let done = false;
  setHandler(bareDetectionSignal, () => {
    detections += 1;
  });
  setHandler(bareDecideUpdate, ({ assignee: next, final }) => {
    assignee = next;
    if (final) done = true;
    return assignee;
  });
  await condition(() => detections > 0);
  await bareClassify();
  await bareSnapshot();
  await condition(() => done);
  return assignee;
}
