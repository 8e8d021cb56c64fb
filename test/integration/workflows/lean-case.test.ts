import { type temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../../domain';
import { ScriptedActivities } from '../../support/scripted-activities';
import { patchIds } from '../../support/patch-markers';
import {
  detectionOf,
  devCaseWorkerSuite,
  officers,
  uniqueUrl,
  waitFor,
  waitForCase,
} from '../../support/case-test-kit';

type Event = temporal.api.history.v1.IHistoryEvent;

/** Held notifications of one kind: released by the test. */
class NotificationGate {
  readonly held: string[] = [];
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  constructor(private readonly kind: string) {}
  gate = (input: unknown): Promise<void> | undefined => {
    // The input was parsed with the real notify schema before it gets here (scripted-activities.ts).
    const notification = input as { kind: string; requestId: string };
    if (notification.kind !== this.kind) return undefined;
    this.held.push(notification.requestId);
    return this.released;
  };
  open(): void {
    this.release();
  }
}

function saringUpserts(events: Event[]): string[][] {
  return events
    .map((event) =>
      Object.keys(event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}),
    )
    .filter((keys) => keys.some((key) => key.startsWith('Saring')));
}

/**
 * The lean case of issue 14 (patch saring-lean-issue-14) on the real dev server: what a new case writes
 * before an officer acts, and an officer step answered while the notification it sends is still held.
 */
describe('lean case (dev server)', () => {
  const assignments = new NotificationGate('assignment');
  const scripted = new ScriptedActivities({
    classification: { category: 'online_gambling', confidence: 0.95, suggestedPriority: 'urgent' },
    gate: { notify: assignments.gate },
  });
  const caseWorker = devCaseWorkerSuite('lean-case', scripted);
  let caseId: string;

  afterAll(() => assignments.open());

  it('reaches verification with no patch marker and classification beside the snapshot', async () => {
    ({ caseId } = await caseWorker.cases.submitDetection(
      detectionOf({
        url: uniqueUrl('slot-lean.example', 'promo'),
        text: 'Slot gacor maxwin, deposit pulsa',
        suggestedCategory: 'online_gambling',
        platform: 'website',
      }),
    ));
    const state = await waitForCase(
      caseWorker.cases,
      caseId,
      (s) => s.stage === 'verification',
      'verification',
    );
    expect(state.category).toBe('online_gambling');
    expect(state.priority).toBe('urgent');
    expect(state.evidence).toHaveLength(1);
    // The timeline reads as before: classified, then the evidence, then verification.
    const actions = state.timeline.map((entry) => entry.action);
    expect(actions.indexOf('classified')).toBeLessThan(actions.indexOf('evidence_captured'));
    expect(actions.indexOf('evidence_captured')).toBeLessThan(actions.lastIndexOf('stage_changed'));

    const handle = caseWorker.dev.client.workflow.getHandle(caseId);
    const events = (await handle.fetchHistory()).events ?? [];
    // A new case is a ContentCaseWorkflowV2: every patch followed, none asked, so no marker and no
    // TemporalChangeVersion upsert (a ContentCaseWorkflow run wrote one of each: case-workflow-types.test.ts).
    expect(events[0]!.workflowExecutionStartedEventAttributes!.workflowType!.name).toBe(
      'ContentCaseWorkflowV2',
    );
    expect(patchIds(events)).toEqual([]);
    const upserted = events.flatMap((event) =>
      Object.keys(event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}),
    );
    expect(upserted).not.toContain('TemporalChangeVersion');

    // Classification is a local activity (a marker), decided in the workflow task that schedules the snapshot.
    const scheduled = events.filter((event) => event.activityTaskScheduledEventAttributes);
    expect(
      scheduled.map((event) => event.activityTaskScheduledEventAttributes!.activityType!.name),
    ).not.toContain('classifyContent');
    const classified = events.find(
      (event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    const snapshot = scheduled.find(
      (event) => event.activityTaskScheduledEventAttributes!.activityType!.name === 'captureSnapshot',
    );
    expect(classified).toBeDefined();
    expect(snapshot).toBeDefined();
    expect(String(classified!.markerRecordedEventAttributes!.workflowTaskCompletedEventId)).toBe(
      String(snapshot!.activityTaskScheduledEventAttributes!.workflowTaskCompletedEventId),
    );
    expect(
      scripted.callsOf('classifyContent').filter((call) => JSON.stringify(call.input).includes(caseId)),
    ).toHaveLength(1);
    // The claim is matched and registered by one local activity beside them (one-task intake): two
    // markers in all, both in the first workflow task, and no activity task of their own.
    const scheduledNames = scheduled.map(
      (event) => event.activityTaskScheduledEventAttributes!.activityType!.name,
    );
    expect(scheduledNames).not.toContain('matchClaim');
    expect(scheduledNames).not.toContain('indexClaim');
    expect(scheduledNames).not.toContain('matchAndIndexClaim');
    const localActivities = events.filter(
      (event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    expect(localActivities).toHaveLength(2);
    expect(
      localActivities.map((event) =>
        String(event.markerRecordedEventAttributes!.workflowTaskCompletedEventId),
      ),
    ).toEqual(
      [snapshot, snapshot].map((e) =>
        String(e!.activityTaskScheduledEventAttributes!.workflowTaskCompletedEventId),
      ),
    );
    // Gambling is not in the default policy's newCaseAlerts.immediate: no mail of its own (the digest tells).
    expect(scheduledNames).not.toContain('notify');
    expect(
      scripted.notifications('new_case').filter((notification) => notification.caseId === caseId),
    ).toEqual([]);
    // Intake took the first workflow task and the one the snapshot's result started.
    expect(events.filter((event) => event.workflowTaskCompletedEventAttributes)).toHaveLength(2);

    // Listed as in intake from its start (the client sets the attributes); verification's values follow.
    await waitFor(
      async () => saringUpserts((await handle.fetchHistory()).events ?? []),
      (upserts) => upserts.some((keys) => keys.includes(SA.nextDeadline.name)),
      'the search attribute upserts',
    );
    const history = (await handle.fetchHistory()).events ?? [];
    const atStart = history[0]!.workflowExecutionStartedEventAttributes!.searchAttributes!.indexedFields!;
    expect(Object.keys(atStart)).toEqual(expect.arrayContaining([SA.status.name, SA.region.name]));
    // One upsert in all: verification, with its category and priority.
    const upserts = saringUpserts(history);
    expect(upserts).toHaveLength(1);
    expect(upserts[0]).toEqual(
      expect.arrayContaining([SA.status.name, SA.category.name, SA.nextDeadline.name]),
    );
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(SA.status)).toBe('verification');
    expect(described.typedSearchAttributes.get(SA.category)).toBe('online_gambling');
  });

  it('answers an officer step while the notification it sends is still held', async () => {
    const before = assignments.held.length;
    const result = await caseWorker.cases.update(caseId, 'assignVerifier', {
      actor: officers.supervisor,
      assignee: officers.verifier.officerId,
    });
    expect(result).toMatchObject({ caseId, update: 'assignVerifier', stage: 'verification' });
    // The update has its answer; its notification is in flight and held by the test.
    await waitFor(
      () => Promise.resolve(assignments.held.length),
      (held) => held > before,
      'the assignment notification to be sent',
    );
    const state = await caseWorker.cases.getState(caseId);
    expect(state.assignee).toBe(officers.verifier.officerId);
    const pending = await caseWorker.dev.client.workflow.getHandle(caseId).describe();
    expect(pending.raw.pendingActivities?.map((activity) => activity.activityType?.name)).toContain('notify');
    assignments.open();
    await waitFor(
      async () =>
        (await caseWorker.dev.client.workflow.getHandle(caseId).describe()).raw.pendingActivities ?? [],
      (activities) => activities.length === 0,
      'the held notification to be delivered',
    );
  });
});
