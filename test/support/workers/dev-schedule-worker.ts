import type { CaseClient } from '../../../cases/case-client';
import { bundleCaseWorkflows, caseClientFor, officers, waitForCase, type DevServer } from '../case-test-kit';
import { testDataConverter } from '../codec/test-codec';
import { ScriptedActivities } from '../scripted-activities';
import { uniqueTaskQueue } from '../servers/test-servers';
import { createCaseAndFetchWorkers, type CaseAndFetchWorkers } from './case-and-fetch-workers';

export interface DevScheduleWorker {
  worker: CaseAndFetchWorkers;
  taskQueue: string;
  cases: CaseClient;
}

/**
 * Case and fetch workers on the dev server, on a task queue of their own, for a Schedule test: the
 * scripted outside world plus the activities of the Schedule's workflow (`activities`).
 */
export async function devScheduleWorker(
  dev: DevServer,
  label: string,
  activities: object,
  scripted = new ScriptedActivities({}),
): Promise<DevScheduleWorker> {
  const taskQueue = uniqueTaskQueue(label);
  const worker = await createCaseAndFetchWorkers({
    dataConverter: testDataConverter,
    connection: dev.nativeConnection,
    taskQueue,
    workflowBundle: await bundleCaseWorkflows(),
    activities: { ...scripted.activities(), ...activities },
  });
  return { worker, taskQueue, cases: caseClientFor(dev.client, taskQueue) };
}

/** A supervisor's no-violation verdict once the case waits for one; returns when the case has closed. */
export async function closeWithoutViolation(cases: CaseClient, caseId: string): Promise<void> {
  await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
  await cases.update(caseId, 'submitVerdict', {
    actor: officers.supervisor,
    verdict: { kind: 'no_violation', reasons: ['berita benar'] },
  });
  const { resolution } = await cases.outcome(caseId);
  if (resolution !== 'no_violation')
    throw new Error(`case ${caseId} closed as ${resolution}, not no_violation`);
}
