import { temporal } from '@temporalio/proto';
import { testDataConverter } from '../../support/codec/test-codec';
import { createCaseAndFetchWorkers } from '../../support/workers/case-and-fetch-workers';
import { uniqueTaskQueue } from '../../support/servers/test-servers';
import { ScriptedActivities } from '../../support/scripted-activities';
import { submitDetection } from '../../../cases/submit-detection';
import { CaseSignalLimitError } from '../../../cases/case-errors';
import { WorkerTuning, workerTuningOptions } from '../../../workers/worker-tuning';
import { protoMillis } from '../../../lib/history/proto-millis';
import {
  bundleCaseWorkflows,
  caseClientFor,
  connectDevServer,
  detectionOf,
  waitForCase,
  type DevServer,
} from '../../support/case-test-kit';

/** The server takes at most 10,000 signals into one run (Temporal's default limit). */
const RUN_SIGNAL_LIMIT = 10_000;
const FLOOD = 9_500;
const { TimeoutType } = temporal.api.enums.v1;
const SENDERS = 100;

/** The longest workflow task of a history, started to completed or failed, in ms. */
function longestWorkflowTaskMs(events: temporal.api.history.v1.IHistoryEvent[]): number {
  let started = 0;
  let longest = 0;
  for (const event of events) {
    if (event.workflowTaskStartedEventAttributes) started = protoMillis(event.eventTime);
    if (event.workflowTaskCompletedEventAttributes || event.workflowTaskFailedEventAttributes)
      longest = Math.max(longest, protoMillis(event.eventTime) - started);
  }
  return longest;
}

/**
 * A case that received a run's worth of single signals while no worker ran gets all of them in one
 * activation when a worker comes back (and the server refuses signals past the run's limit: the API
 * answers those case_signal_limit, to be sent again once the case has moved to a new run). With the SDK's 5 s isolate limit such an activation could be
 * interrupted, and Node then aborts the whole worker process (4,000 signals under a 1.5 s limit did so
 * here every time). The worker runs with the production tuning (workers/worker-tuning.ts); if its process
 * died, this jest worker would die with it and the file would fail.
 */
describe('a flood of signals waiting for a worker (dev server)', () => {
  let dev: DevServer;

  beforeAll(async () => {
    dev = await connectDevServer();
  });
  afterAll(async () => {
    await dev?.close();
  });

  it(`counts a run's ${RUN_SIGNAL_LIMIT} single detections sent while no worker ran, with no failed task, and refuses the next one until the case moves on`, async () => {
    const bundle = await bundleCaseWorkflows();
    const taskQueue = uniqueTaskQueue('signal-flood');
    const cases = caseClientFor(dev.client, taskQueue);
    const workerOptions = {
      dataConverter: testDataConverter,
      connection: dev.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: new ScriptedActivities({
        classification: { category: 'online_gambling', confidence: 0.9 },
      }).activities(),
      shutdownGraceTime: '200ms',
      ...workerTuningOptions(WorkerTuning.parse({})),
    };
    const text = `Slot gacor maxwin link alternatif ${Date.now()} ${Math.random()}`;

    const first = await createCaseAndFetchWorkers(workerOptions);
    const { caseId } = await first.runUntil(async () => {
      const submitted = await cases.submitDetection(detectionOf({ text }));
      await waitForCase(cases, submitted.caseId, (state) => state.stage === 'verification', 'verification');
      return submitted;
    });
    const floodedRunId = (await dev.client.workflow.getHandle(caseId).describe()).runId;

    // One signal each, as a sender that bypasses the case client's grouping would send them.
    const oneSignalEach = { client: dev.client, taskQueue };
    let sent = 0;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (sent < FLOOD) {
          sent += 1;
          await submitDetection(oneSignalEach, detectionOf({ text }));
        }
      }),
    );

    // Then one at a time up to the run's limit: the one past it is refused with what to do next.
    let refusal: unknown;
    let signals = FLOOD + 1;
    while (signals <= RUN_SIGNAL_LIMIT) {
      try {
        await submitDetection(oneSignalEach, detectionOf({ text }));
        signals += 1;
      } catch (error) {
        refusal = error;
        break;
      }
    }
    expect(refusal).toBeInstanceOf(CaseSignalLimitError);
    expect(signals).toBe(RUN_SIGNAL_LIMIT);

    const second = await createCaseAndFetchWorkers(workerOptions);
    await second.runUntil(async () => {
      await waitForCase(
        cases,
        caseId,
        (state) => state.detections.count === signals,
        `${signals} detections counted`,
        180_000,
      );
      // The case moves to a new run once it has taken them, and the refused detection, sent again, counts.
      await submitDetection(oneSignalEach, detectionOf({ text }));
      await waitForCase(cases, caseId, (state) => state.detections.count === signals + 1, 'the resent one');
    });

    const history = await dev.client.workflow.getHandle(caseId, floodedRunId).fetchHistory();
    const events = history.events ?? [];
    // A task left on the first worker's sticky queue times out schedule-to-start and moves on: expected.
    const troubled = events.filter(
      (event) =>
        event.workflowTaskFailedEventAttributes ||
        event.workflowTaskTimedOutEventAttributes?.timeoutType === TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE,
    );
    expect(troubled).toEqual([]);
    expect(events.filter((event) => event.workflowExecutionSignaledEventAttributes)).toHaveLength(signals);
    console.log(
      `signal flood: ${signals} signals in one activation, longest workflow task ${longestWorkflowTaskMs(events)} ms`,
    );
  }, 360_000);
});
