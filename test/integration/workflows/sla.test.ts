import { recordTypicalPath } from '../../support/record-typical-path';
import {
  CASE_SEARCH_ATTRIBUTES as SA,
  timelineEntryText,
  type CaseState,
  type TimelineEntry,
} from '../../../domain';
import type { ActivityScript } from '../../support/scripted-activities';
import {
  childIds,
  detectionOf,
  officers,
  takeHoaxToApproval,
  uniqueUrl,
  waitForCase,
  timeSkippingCaseSuite,
} from '../../support/case-test-kit';

const HOUR = 3_600_000;

/** Hours from `fromIso` to an ISO time. */
const hoursBetween = (fromIso: string, toIso: string) => (Date.parse(toIso) - Date.parse(fromIso)) / HOUR;
const entries = (state: CaseState, action: TimelineEntry['action']) =>
  state.timeline.filter((entry) => entry.action === action);

/**
 * Every SLA path with the shipped policy's real durations (hours and days, never shortened) on the
 * time-skipping server: reminders at 50% and 75%, the breach recorded in state and search attribute,
 * the escalation to the supervisors, and the stage ending early when the officer acts.
 */
describe('SLA timers under the default policy (time-skipping server)', () => {
  const suite = timeSkippingCaseSuite('sla');
  const { withCaseWorker } = suite;

  it('verification (normal, 24 h): reminders at 12 h and 18 h, breach and escalation at 24 h, then met late', async () => {
    await withCaseWorker({}, async (cases, scripted) => {
      const { caseId } = await cases.submitDetection(
        detectionOf({ url: uniqueUrl('news-portal.example', 'berita'), text: 'Berita tanpa sumber' }),
      );
      const opened = await waitForCase(
        cases,
        caseId,
        (state) => state.stage === 'verification' && state.deadlines.length === 1,
        'verification deadline',
      );
      expect(opened.priority).toBe('normal');
      const [deadline] = opened.deadlines;
      expect(hoursBetween(deadline!.startedAt, deadline!.dueAt)).toBe(24);
      await cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
      });
      const handle = suite.env.client.workflow.getHandle(caseId);
      expect((await handle.describe()).typedSearchAttributes.get(SA.nextDeadline)?.toISOString()).toBe(
        deadline!.dueAt,
      );

      await suite.env.sleep('11h');
      expect(scripted.notifications('sla_reminder')).toHaveLength(0);
      await suite.env.sleep('1h');
      const first = await waitForCase(
        cases,
        caseId,
        (state) => entries(state, 'sla_reminder').length === 1,
        'first reminder',
      );
      expect(hoursBetween(deadline!.startedAt, entries(first, 'sla_reminder')[0]!.at)).toBeCloseTo(12, 2);
      expect(scripted.notifications('sla_reminder')).toEqual([
        expect.objectContaining({
          audience: 'rapid_response_unit',
          officerId: officers.verifier.officerId,
          kind: 'sla_reminder',
        }),
      ]);

      await suite.env.sleep('6h');
      const second = await waitForCase(
        cases,
        caseId,
        (state) => entries(state, 'sla_reminder').length === 2,
        'second reminder',
      );
      expect(hoursBetween(deadline!.startedAt, entries(second, 'sla_reminder')[1]!.at)).toBeCloseTo(18, 2);
      expect(second.slaBreached).toBe(false);

      await suite.env.sleep('6h');
      const breached = await waitForCase(cases, caseId, (state) => state.slaBreached, 'breach');
      const breachedDeadline = breached.deadlines.find((candidate) => candidate.id === 'verification')!;
      expect(hoursBetween(breachedDeadline.startedAt, breachedDeadline.breachedAt!)).toBeCloseTo(24, 2);
      expect(breachedDeadline.closedAt).toBeUndefined();
      expect(scripted.notifications('sla_breach')).toEqual([
        expect.objectContaining({ audience: 'supervisors', officerId: officers.verifier.officerId }),
      ]);
      expect(entries(breached, 'sla_breach')[0]!.message).toMatchObject({
        code: 'sla_breach',
        params: { sla: 'verification', dueAt: breachedDeadline.dueAt },
      });
      expect(timelineEntryText(entries(breached, 'sla_breach')[0]!, 'en')).toMatch(
        /escalated to the supervisors/,
      );
      const attributes = await waitForCase(cases, caseId, () => true, 'state').then(() => handle.describe());
      expect(attributes.typedSearchAttributes.get(SA.slaBreached)).toBe(true);

      // The verifier acts late: the stage ends, the deadline is closed as met_late, the breach stays on record.
      const done = await cases.updateAndRead(caseId, 'submitVerdict', {
        actor: officers.verifier,
        verdict: { kind: 'no_violation', reasons: ['satire page'] },
      });
      expect(done.verdict).toBeDefined();
      const outcome = await cases.outcome(caseId);
      expect(outcome.slaBreaches).toBe(1);
      const closed = await cases.getState(caseId);
      expect(closed.deadlines[0]).toMatchObject({
        id: 'verification',
        closedHow: 'met_late',
        remindersSent: [0.5, 0.75],
      });
      const finalAttributes = (await handle.describe()).typedSearchAttributes;
      expect(finalAttributes.get(SA.slaBreached)).toBe(true);
      expect(finalAttributes.get(SA.nextDeadline)).toBeUndefined();
      await recordTypicalPath(suite.env.client, 'sla-verification-breach', [caseId]);
    });
  });

  it('acting in time ends the stage early: no reminder, no breach (verification, clarification)', async () => {
    await withCaseWorker(
      { classification: { category: 'hoax', confidence: 0.9, suggestedPriority: 'high' } },
      async (cases, scripted) => {
        const { caseId } = await cases.submitDetection(
          detectionOf({ text: 'Jembatan Barito runtuh hari ini' }),
        );
        await takeHoaxToApproval(cases, caseId, {
          label: 'DISINFORMASI',
          reasons: ['bridge inspected today'],
          afterVerificationOpens: async (opened) => {
            expect(opened.priority).toBe('high');
            await suite.env.sleep('3h'); // verification SLA for high priority is 8 h: first reminder would be at 4 h
          },
          // clarification SLA for high priority is 12 h: first reminder at 6 h
          afterClarificationOpens: () => suite.env.sleep('5h'),
          draft: {
            actor: officers.supervisor,
            title: '[DISINFORMASI] Jembatan Barito runtuh',
            body: 'Jembatan Barito dalam kondisi baik.',
            pillar: 'digital_skill',
            channels: ['website'],
          },
          approver: officers.supervisor2,
        });
        const outcome = await cases.outcome(caseId);
        expect(outcome.slaBreaches).toBe(0);
        const state = await cases.getState(caseId);
        expect(
          state.deadlines.map((deadline) => [deadline.id, deadline.closedHow, deadline.remindersSent]),
        ).toEqual([
          ['verification', 'met', []],
          ['clarification_publication', 'met', []],
        ]);
        expect(hoursBetween(state.deadlines[0]!.startedAt, state.deadlines[0]!.closedAt!)).toBeCloseTo(3, 1);
        expect(scripted.notifications('sla_reminder')).toHaveLength(0);
        expect(scripted.notifications('sla_breach')).toHaveLength(0);
        expect(entries(state, 'sla_met').map((entry) => timelineEntryText(entry, 'en'))).toEqual([
          'verification done within its SLA',
          'clarification publication done within its SLA',
        ]);
      },
    );
  });

  it('takedown compliance (24 h): the platform complies after both reminders, before the breach, so no letter is sent', async () => {
    const script: ActivityScript = {
      classification: { category: 'defamation', confidence: 0.7 },
      platforms: { youtube: { complyAtPoll: 20 } },
    };
    await withCaseWorker(script, async (cases, scripted) => {
      const { caseId } = await cases.submitDetection(
        detectionOf({ url: uniqueUrl('www.youtube.com', 'watch') }),
      );
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
      });
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.verifier,
        verdict: { kind: 'illegal', category: 'defamation', reasons: ['court order 12/2025'] },
      });
      const outcome = await cases.outcome(caseId);
      expect(outcome.takedowns).toEqual([
        expect.objectContaining({ platform: 'youtube', result: 'removed' }),
      ]);
      expect(outcome.takedowns[0]!.level).toBeUndefined();
      expect(scripted.callsOf('sendWarningLetter')).toHaveLength(0);
      const state = await cases.getState(caseId);
      const compliance = state.deadlines.find((deadline) => deadline.sla === 'takedown_compliance')!;
      expect(compliance).toMatchObject({ closedHow: 'met', remindersSent: [0.5, 0.75] });
      expect(compliance.breachedAt).toBeUndefined();
      expect(hoursBetween(compliance.startedAt, compliance.dueAt)).toBe(24);
      expect(hoursBetween(compliance.startedAt, compliance.closedAt!)).toBeCloseTo(20, 1);
      const reminders = scripted
        .notifications('sla_reminder')
        .filter((notification) => notification.requestId.includes('takedown_compliance'));
      expect(reminders.map((notification) => notification.requestId.split(':').pop())).toEqual([
        '0.5',
        '0.75',
      ]);
      expect(state.slaBreached).toBe(false);
      await recordTypicalPath(suite.env.client, 'sla-takedown-in-time', [caseId, ...childIds(state)]);
    });
  });

  it('police acknowledgment (high, 4 h): reminders to the liaison, breach escalated to the supervisors, acknowledged late', async () => {
    const script: ActivityScript = {
      classification: { category: 'fraud', confidence: 0.9 },
      platforms: { website: { complyAtPoll: 1 } },
    };
    await withCaseWorker(script, async (cases, scripted) => {
      const { caseId } = await cases.submitDetection(
        detectionOf({ url: uniqueUrl('bansos-kalsel.example', 'daftar') }),
      );
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
      });
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.verifier,
        verdict: { kind: 'criminal', category: 'fraud', reasons: ['phishing form'] },
      });
      await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.police?.status === 'awaiting_acknowledgment',
        'package delivered',
      );
      await suite.env.sleep('5h');
      const breached = await waitForCase(
        cases,
        caseId,
        (state) =>
          state.deadlines.some(
            (deadline) => deadline.id === 'police_acknowledgment' && deadline.breachedAt !== undefined,
          ),
        'acknowledgment breach',
      );
      const ack = breached.deadlines.find((deadline) => deadline.id === 'police_acknowledgment')!;
      expect(ack.remindersSent).toEqual([0.5, 0.75]);
      expect(hoursBetween(ack.startedAt, ack.breachedAt!)).toBeCloseTo(4, 2);
      expect(breached.slaBreached).toBe(true);
      const policeReminders = scripted
        .notifications('sla_reminder')
        .filter((notification) => notification.audience === 'police_liaison');
      expect(policeReminders).toHaveLength(2);
      expect(scripted.notifications('sla_breach')).toEqual([
        expect.objectContaining({
          audience: 'supervisors',
          subject: expect.stringContaining('police acknowledgment'),
        }),
      ]);
      expect(
        (await suite.env.client.workflow.getHandle(caseId).describe()).typedSearchAttributes.get(
          SA.slaBreached,
        ),
      ).toBe(true);

      await cases.update(caseId, 'acknowledgePolice', { actor: officers.police });
      await cases.update(caseId, 'recordPoliceReport', {
        actor: officers.police,
        reportNumber: 'LP/B/77/XI/2025/SPKT/POLDA KALSEL',
      });
      const outcome = await cases.outcome(caseId);
      expect(outcome.policeReportNumber).toBe('LP/B/77/XI/2025/SPKT/POLDA KALSEL');
      const state = await cases.getState(caseId);
      expect(state.deadlines.find((deadline) => deadline.id === 'police_acknowledgment')?.closedHow).toBe(
        'met_late',
      );
      expect(state.deadlines.find((deadline) => deadline.id === 'police_report')?.closedHow).toBe('met');
      expect(outcome.slaBreaches).toBe(1);
      await recordTypicalPath(suite.env.client, 'sla-police-acknowledgment-breach', [
        caseId,
        ...childIds(state),
      ]);
    });
  });

  it('clarification publication (urgent, 6 h): breach when no draft is approved in time', async () => {
    // The classifier marks it urgent; the verdict's category (hoax) keeps the higher priority.
    await withCaseWorker(
      { classification: { category: 'hoax', confidence: 0.9, suggestedPriority: 'urgent' } },
      async (cases, scripted) => {
        const { caseId } = await cases.submitDetection(
          detectionOf({ text: 'Provokasi antar suku di Kotabaru', region: 'kotabaru' }),
        );
        // Drafted, not approved: the clarification SLA is left to breach.
        await takeHoaxToApproval(cases, caseId, {
          label: 'MISINFORMASI',
          reasons: ['old photo'],
          assignedBy: officers.supervisor,
          afterVerificationOpens: async (opened) => {
            expect(opened.priority).toBe('urgent');
          },
          draft: {
            actor: officers.verifier,
            title: '[MISINFORMASI] Foto lama',
            body: 'Foto tersebut dari tahun 2019.',
            pillar: 'digital_ethics',
            channels: ['x'],
          },
        });
        await suite.env.sleep('7h');
        const breached = await waitForCase(
          cases,
          caseId,
          (state) => state.slaBreached,
          'clarification breach',
        );
        expect(breached.priority).toBe('urgent');
        const clarification = breached.deadlines.find(
          (deadline) => deadline.id === 'clarification_publication',
        )!;
        expect(hoursBetween(clarification.startedAt, clarification.dueAt)).toBe(6);
        expect(clarification.remindersSent).toEqual([0.5, 0.75]);
        // The drafter is the one reminded.
        expect(
          scripted
            .notifications('sla_reminder')
            .every((notification) => notification.officerId === officers.verifier.officerId),
        ).toBe(true);
        await cases.update(caseId, 'approveStatement', {
          actor: officers.supervisor,
          kind: 'clarification',
          revision: 1,
        });
        const outcome = await cases.outcome(caseId);
        expect(outcome).toMatchObject({ resolution: 'actioned', slaBreaches: 1 });
        const finalState = await cases.getState(caseId);
        expect(finalState.region).toBe('kotabaru');
        expect(
          finalState.deadlines.find((deadline) => deadline.id === 'clarification_publication')?.closedHow,
        ).toBe('met_late');
      },
    );
  });
});
