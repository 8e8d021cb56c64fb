import { CASE_SEARCH_ATTRIBUTES as SA, timelineEntryText } from '../../../domain';
import { recordTypicalPath } from '../../support/record-typical-path';
import type { ActivityScript } from '../../support/scripted-activities';
import { FAKE_AID_CLASSIFICATION } from '../../support/fraud-case';
import {
  childIds,
  detectionOf,
  officers,
  uniqueUrl,
  waitForCase,
  timeSkippingCaseSuite,
} from '../../support/case-test-kit';

/**
 * Each track end to end on the time-skipping server (real policy durations), with scripted activities.
 */
describe('content case tracks (time-skipping server)', () => {
  const suite = timeSkippingCaseSuite('tracks');
  const { withCaseWorker } = suite;

  it('no violation: verified and closed, with every actor on the timeline', async () => {
    await withCaseWorker(
      { classification: { category: 'hoax', confidence: 0.4, rules: ['hoax.forward_chain'] } },
      async (cases, scripted) => {
        const { caseId } = await cases.submitDetection(
          detectionOf({
            url: uniqueUrl('www.facebook.com', 'post'),
            text: 'Pesan berantai: air PDAM tercemar',
          }),
        );
        await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
        await cases.update(caseId, 'assignVerifier', {
          actor: officers.supervisor,
          assignee: officers.verifier.officerId,
        });
        const afterVerdict = await cases.updateAndRead(caseId, 'submitVerdict', {
          actor: officers.verifier,
          verdict: { kind: 'no_violation', reasons: ['PDAM lab results are normal'] },
        });
        expect(afterVerdict.verdict?.by).toEqual(officers.verifier);

        const outcome = await cases.outcome(caseId);
        expect(outcome.resolution).toBe('no_violation');
        expect(outcome.detections).toBe(1);
        expect(outcome.archive?.kind).toBe('history_archive');

        const timeline = await cases.getTimeline(caseId);
        const byAction = (action: string) => timeline.find((entry) => entry.action === action);
        expect(byAction('detected')?.source).toBe('crawler:ais-crawler');
        expect(byAction('classified')?.source).toBe('classifier');
        expect(byAction('assigned')?.actor).toEqual(officers.supervisor);
        expect(byAction('verdict_submitted')?.actor).toEqual(officers.verifier);
        expect(timelineEntryText(byAction('sla_met')!, 'en')).toMatch(/verification done within/);
        expect(timeline[timeline.length - 1]?.action).toBe('closed');

        const description = await suite.env.client.workflow.getHandle(caseId).describe();
        expect(description.typedSearchAttributes.get(SA.status)).toBe('closed');
        expect(description.typedSearchAttributes.get(SA.assignee)).toBe(officers.verifier.officerId);
        expect(description.typedSearchAttributes.get(SA.slaBreached)).toBe(false);
        expect(scripted.callsOf('classifyContent')).toHaveLength(1);
        expect(scripted.notifications('new_case')).toHaveLength(1);
        await recordTypicalPath(suite.env.client, 'no-violation', [caseId]);
      },
    );
  });
  it('hoax: clarification approved by a second person, then a public response, then closed', async () => {
    await withCaseWorker(
      {
        classification: {
          category: 'hoax',
          confidence: 0.82,
          rules: ['hoax.health_claim'],
          suggestedPriority: 'high',
        },
      },
      async (cases, scripted) => {
        const { caseId } = await cases.submitDetection(
          detectionOf({
            source: 'public_complaint',
            reportedBy: 'public',
            text: 'Vaksin campak di Banjarbaru mengandung chip',
            reporterRef: 'rep_abcdefgh12',
          }),
        );
        await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
        await cases.update(caseId, 'assignVerifier', {
          actor: officers.verifier,
          assignee: officers.verifier.officerId,
        });
        await cases.update(caseId, 'submitVerdict', {
          actor: officers.verifier,
          verdict: { kind: 'hoax', label: 'HOAKS', reasons: ['Dinkes Kalsel: vaccines contain no chips'] },
        });
        await waitForCase(
          cases,
          caseId,
          (state) => state.tracks.clarification?.status === 'drafting',
          'clarification drafting',
        );

        const drafted = await cases.updateAndRead(caseId, 'draftStatement', {
          actor: officers.verifier,
          kind: 'clarification',
          title: '[HOAKS] Vaksin campak mengandung chip',
          body: 'Faktanya: vaksin campak tidak mengandung chip. Saring Sebelum Sharing.',
          pillar: 'digital_culture',
          channels: ['website', 'instagram'],
        });
        expect(drafted.tracks.clarification).toMatchObject({
          status: 'awaiting_approval',
          draft: { revision: 1, label: 'HOAKS', by: officers.verifier },
        });
        await cases.update(caseId, 'approveStatement', {
          actor: officers.supervisor,
          kind: 'clarification',
          revision: 1,
        });
        await waitForCase(
          cases,
          caseId,
          (state) => state.tracks.response?.status === 'drafting',
          'response drafting',
        );

        await cases.update(caseId, 'draftStatement', {
          actor: officers.pr,
          kind: 'response',
          title: 'Diskominfo Kalsel: waspadai hoaks vaksin',
          body: 'Masyarakat diminta memeriksa informasi kesehatan di kanal resmi.',
          pillar: 'digital_safety',
          channels: ['press_release'],
        });
        const rejected = await cases.updateAndRead(caseId, 'rejectStatement', {
          actor: officers.supervisor,
          kind: 'response',
          revision: 1,
          reason: 'Cite the Dinkes statement',
        });
        expect(rejected.tracks.response?.status).toBe('drafting');
        await cases.update(caseId, 'draftStatement', {
          actor: officers.pr,
          kind: 'response',
          title: 'Diskominfo Kalsel dan Dinkes: vaksin campak aman',
          body: 'Menurut Dinkes Kalsel vaksin campak aman. Saring Sebelum Sharing.',
          pillar: 'digital_safety',
          channels: ['press_release', 'x'],
        });
        await cases.update(caseId, 'approveStatement', {
          actor: officers.supervisor2,
          kind: 'response',
          revision: 2,
        });

        const outcome = await cases.outcome(caseId);
        expect(outcome.resolution).toBe('actioned');
        expect(outcome.verdictKind).toBe('hoax');
        expect(
          outcome.statements.map((statement) => [
            statement.kind,
            statement.draftedBy.officerId,
            statement.approvedBy.officerId,
          ]),
        ).toEqual([
          ['clarification', officers.verifier.officerId, officers.supervisor.officerId],
          ['response', officers.pr.officerId, officers.supervisor2.officerId],
        ]);
        expect(outcome.takedowns).toEqual([]);
        const published = scripted
          .callsOf('publishStatement')
          .map((call) => call.input as { kind: string; label?: string; title: string });
        expect(published).toEqual([
          expect.objectContaining({ kind: 'clarification', label: 'HOAKS' }),
          expect.objectContaining({
            kind: 'response',
            title: 'Diskominfo Kalsel dan Dinkes: vaksin campak aman',
          }),
        ]);
        const state = await cases.getState(caseId);
        expect(state.detections.reporterRefs).toEqual(['rep_abcdefgh12']);
        expect(state.stage).toBe('closed');
        expect(state.deadlines.map((deadline) => [deadline.id, deadline.closedHow])).toEqual([
          ['verification', 'met'],
          ['clarification_publication', 'met'],
          ['response_publication', 'met'],
        ]);
        await recordTypicalPath(suite.env.client, 'hoax-clarify-respond', [caseId]);
      },
    );
  });

  it('gambling on two platforms: one complies, the other climbs ST1, ST2, ST3 to a blocklist recommendation', async () => {
    const script: ActivityScript = {
      classification: { category: 'online_gambling', confidence: 0.97, rules: ['gambling.slot_gacor'] },
      platforms: { meta: { complyAtPoll: 2 }, x: { complyAtPoll: 'never' } },
    };
    await withCaseWorker(script, async (cases, scripted) => {
      const site = uniqueUrl('slot-gacor88.example', 'daftar');
      const metaPost = uniqueUrl('www.facebook.com', 'slotgacor88');
      const xPost = uniqueUrl('x.com', 'slotgacor88/status');
      const { caseId } = await cases.submitDetection(
        detectionOf({ url: site, text: 'Slot gacor maxwin deposit 10rb' }),
      );
      const started = await waitForCase(
        cases,
        caseId,
        (state) => state.stage === 'verification',
        'verification',
      );
      expect(started.priority).toBe('urgent');
      await cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
      });
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.verifier,
        verdict: {
          kind: 'illegal',
          category: 'online_gambling',
          reasons: ['slot site promotion'],
          takedown: [
            { platform: 'meta', url: metaPost },
            { platform: 'x', url: xPost },
          ],
        },
      });
      const outcome = await cases.outcome(caseId);

      expect(outcome.resolution).toBe('actioned');
      expect(outcome.takedowns).toEqual([
        expect.objectContaining({ platform: 'meta', result: 'removed' }),
        expect.objectContaining({ platform: 'x', result: 'blocklist_recommended', level: 'ST3' }),
      ]);
      expect(outcome.takedowns[0]!.level).toBeUndefined();
      expect(outcome.slaBreaches).toBe(1);

      // The ladder runs on the policy's clock: 4 h urgent deadline, ST1 at once, ST2 24 h later, ST3 48 h after that.
      const requested = scripted
        .callsOf('requestTakedown')
        .find((call) => (call.input as { platform: string }).platform === 'x')!;
      const letters = scripted.callsOf('sendWarningLetter').map((call) => ({
        level: (call.input as { level: string }).level,
        hours: (call.scheduledAtMs - requested.scheduledAtMs) / 3_600_000,
      }));
      expect(letters.map((letter) => letter.level)).toEqual(['ST1', 'ST2', 'ST3']);
      expect(letters[0]!.hours).toBeCloseTo(4, 1);
      expect(letters[1]!.hours).toBeCloseTo(28, 1);
      expect(letters[2]!.hours).toBeCloseTo(76, 1);
      const blocklist = scripted
        .callsOf('recommendBlocklist')
        .map((call) => call.input as { domain: string; url: string });
      expect(blocklist).toEqual([expect.objectContaining({ domain: 'x.com', url: xPost })]);

      const state = await cases.getState(caseId);
      expect(state.slaBreached).toBe(true);
      const xCompliance = state.deadlines.find((deadline) => deadline.id === 'takedown_compliance:x-1:a1')!;
      expect(xCompliance.breachedAt).toBeDefined();
      expect(xCompliance.remindersSent).toEqual([0.5, 0.75]);
      expect(
        state.deadlines.find((deadline) => deadline.id === 'takedown_compliance:meta-1:a1')?.closedHow,
      ).toBe('met');
      // Monitoring of the removed post for 30 days, continuing as new every 7 checks.
      expect(state.monitoring).toMatchObject({ checks: 30, reuploads: 0, runs: 5 });
      expect(state.timeline.filter((entry) => entry.action === 'continued_as_new')).toHaveLength(4);
      expect(
        state.timeline.filter((entry) => entry.action === 'takedown_escalated').map((entry) => entry.source),
      ).toEqual(['platform:x', 'platform:x', 'platform:x']);

      const description = await suite.env.client.workflow.getHandle(caseId).describe();
      expect(description.typedSearchAttributes.get(SA.slaBreached)).toBe(true);
      expect(description.typedSearchAttributes.get(SA.platforms)).toEqual(['meta', 'website', 'x']);
      expect(description.typedSearchAttributes.get(SA.priority)).toBe('urgent');
      await recordTypicalPath(suite.env.client, 'gambling-two-platforms', [caseId, ...childIds(state)]);
    });
  });

  it('fraud: escalated to the police with a report number while the takedown runs, and a joint public response', async () => {
    const script: ActivityScript = {
      classification: FAKE_AID_CLASSIFICATION,
      platforms: { telegram: { complyAtPoll: 3 } },
    };
    await withCaseWorker(script, async (cases, scripted) => {
      const channel = uniqueUrl('t.me', 'bansos_kalsel_resmi');
      const { caseId } = await cases.submitDetection(
        detectionOf({
          source: 'officer',
          reportedBy: 'siti.verifier',
          officerId: 'siti.verifier',
          url: channel,
        }),
      );
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'assignVerifier', {
        actor: officers.verifier,
        assignee: officers.verifier.officerId,
      });
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.verifier,
        verdict: {
          kind: 'criminal',
          category: 'fraud',
          reasons: ['fake social aid registration collecting KTP data'],
          publicResponse: true,
        },
      });
      await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.police?.status === 'awaiting_acknowledgment',
        'police package delivered',
      );
      await cases.update(caseId, 'acknowledgePolice', { actor: officers.police });
      await cases.update(caseId, 'recordPoliceFollowUp', {
        actor: officers.police,
        note: 'Ditressiber assigned an investigator',
      });
      const reported = await cases.updateAndRead(caseId, 'recordPoliceReport', {
        actor: officers.police,
        reportNumber: 'LP/B/123/XI/2025/SPKT/POLDA KALSEL',
      });
      expect(reported.tracks.police).toMatchObject({
        status: 'reported',
        report: { number: 'LP/B/123/XI/2025/SPKT/POLDA KALSEL', by: officers.police },
      });
      // The takedown is still waiting for the platform: both tracks run at once.
      expect(reported.tracks.takedowns).toEqual([
        expect.objectContaining({ platform: 'telegram', status: 'awaiting_compliance' }),
      ]);

      await cases.update(caseId, 'draftStatement', {
        actor: officers.pr,
        kind: 'response',
        title: 'Waspada penipuan bansos',
        body: 'Diskominfo Kalsel dan Polda Kalsel mengimbau warga tidak mengisi formulir bansos palsu.',
        pillar: 'digital_safety',
        channels: ['website', 'facebook'],
      });
      await cases.update(caseId, 'approveStatement', {
        actor: officers.supervisor,
        kind: 'response',
        revision: 1,
      });

      const outcome = await cases.outcome(caseId);
      expect(outcome.policeReportNumber).toBe('LP/B/123/XI/2025/SPKT/POLDA KALSEL');
      expect(outcome.takedowns).toEqual([
        expect.objectContaining({ platform: 'telegram', result: 'removed' }),
      ]);
      expect(outcome.slaBreaches).toBe(0);
      expect(
        scripted
          .callsOf('publishStatement')
          .map((call) => (call.input as { jointWithPolice: boolean }).jointWithPolice),
      ).toEqual([true]);
      const policePackage = scripted.callsOf('deliverPolicePackage')[0]!.input as {
        urls: string[];
        category: string;
      };
      expect(policePackage).toMatchObject({ category: 'fraud', urls: [channel] });
      const state = await cases.getState(caseId);
      expect(state.tracks.police?.followUps).toEqual([
        expect.objectContaining({ note: 'Ditressiber assigned an investigator', by: officers.police }),
      ]);
      expect(
        state.deadlines
          .filter((deadline) => deadline.id.startsWith('police_'))
          .map((deadline) => deadline.closedHow),
      ).toEqual(['met', 'met']);
      await recordTypicalPath(suite.env.client, 'fraud-police-and-takedown', [caseId, ...childIds(state)]);
    });
  });

  it('a platform objection is recorded and, once rejected by a supervisor, the ladder goes on', async () => {
    const script: ActivityScript = {
      classification: { category: 'hate_speech', confidence: 0.8, rules: ['hate.slur'] },
      platforms: {
        tiktok: { objectAtPoll: 2, objection: 'creator says it is a news report', complyAtPoll: 30 },
      },
    };
    await withCaseWorker(script, async (cases, scripted) => {
      const video = uniqueUrl('www.tiktok.com', '@akun/video');
      const { caseId } = await cases.submitDetection(detectionOf({ url: video }));
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier2.officerId,
      });
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.verifier2,
        verdict: { kind: 'illegal', category: 'hate_speech', reasons: ['ethnic slur'] },
      });
      await suite.env.sleep('2h');
      const objected = await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.takedowns[0]?.status === 'objected',
        'objection',
      );
      expect(objected.tracks.takedowns[0]?.objection?.reason).toBe('creator says it is a news report');
      expect(
        scripted.notifications('approval_needed').map((notification) => notification.audience),
      ).toContain('supervisors');
      await cases.update(caseId, 'resolveObjection', {
        actor: officers.supervisor,
        takedownKey: 'tiktok-1',
        decision: 'reject',
        reason: 'not a news report',
      });
      const outcome = await cases.outcome(caseId);
      expect(outcome.takedowns).toEqual([
        expect.objectContaining({
          platform: 'tiktok',
          result: 'removed',
          level: 'ST1',
          objection: 'creator says it is a news report',
        }),
      ]);
      const timeline = await cases.getTimeline(caseId);
      expect(timeline.find((entry) => entry.action === 'platform_objected')?.source).toBe('platform:tiktok');
      expect(timeline.find((entry) => entry.action === 'objection_resolved')?.actor).toEqual(
        officers.supervisor,
      );
      await recordTypicalPath(suite.env.client, 'objection-rejected', [
        caseId,
        ...childIds(await cases.getState(caseId)),
      ]);
    });
  });

  it('monitoring catches a re-upload, takes it down again, and a supervisor ends monitoring early', async () => {
    const script: ActivityScript = {
      classification: { category: 'pornography', confidence: 0.95, rules: ['porn.explicit'] },
      platforms: { meta: { complyAtPoll: 1 } },
      // Call 1: the check after removal; calls 2-4: daily monitoring; call 5 (day 4): the content is back.
      liveness: (_url, removed, call) => (call === 5 ? 'up' : removed ? 'gone' : 'up'),
    };
    await withCaseWorker(script, async (cases, scripted) => {
      const post = uniqueUrl('www.instagram.com', 'p');
      const { caseId } = await cases.submitDetection(detectionOf({ url: post }));
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
      });
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.verifier,
        verdict: { kind: 'illegal', category: 'pornography', reasons: ['explicit content'] },
      });
      await suite.env.sleep('5d');
      const reuploaded = await waitForCase(
        cases,
        caseId,
        (state) =>
          state.monitoring?.reuploads === 1 &&
          state.tracks.takedowns[0]?.result === 'removed' &&
          state.tracks.takedowns[0]?.attempt === 2,
        're-upload taken down again',
      );
      expect(reuploaded.stage).toBe('monitoring');
      expect(
        scripted.callsOf('requestTakedown').map((call) => (call.input as { requestId: string }).requestId),
      ).toEqual([`${caseId}:takedown:meta-1:a1`, `${caseId}:takedown:meta-1:a2`]);
      await cases.update(caseId, 'closeMonitoring', {
        actor: officers.supervisor,
        reason: 'account deleted by the platform',
      });
      const outcome = await cases.outcome(caseId);
      expect(outcome).toMatchObject({ resolution: 'actioned', reuploads: 1, closedBy: officers.supervisor });
      const timeline = await cases.getTimeline(caseId);
      expect(timeline.find((entry) => entry.action === 'reupload_detected')?.source).toBe('monitor');
      await recordTypicalPath(suite.env.client, 'reupload-and-early-close', [
        caseId,
        ...childIds(await cases.getState(caseId)),
      ]);
    });
  });

  it('withdrawal needs a second supervisor and stops the running takedown', async () => {
    await withCaseWorker(
      {
        classification: { category: 'defamation', confidence: 0.7 },
        platforms: { youtube: { complyAtPoll: 'never' } },
      },
      async (cases) => {
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
          verdict: { kind: 'illegal', category: 'defamation', reasons: ['court order'] },
        });
        await waitForCase(
          cases,
          caseId,
          (state) => state.tracks.takedowns[0]?.status === 'awaiting_compliance',
          'takedown requested',
        );
        await cases.update(caseId, 'requestWithdrawal', {
          actor: officers.supervisor,
          reason: 'the court order was annulled on appeal',
        });
        await cases.update(caseId, 'approveWithdrawal', { actor: officers.supervisor2 });
        const outcome = await cases.outcome(caseId);
        expect(outcome).toMatchObject({
          resolution: 'withdrawn',
          withdrawal: {
            reason: 'the court order was annulled on appeal',
            requestedBy: officers.supervisor,
            approvedBy: officers.supervisor2,
          },
          takedowns: [expect.objectContaining({ platform: 'youtube', result: 'cancelled' })],
        });
        const state = await cases.getState(caseId);
        expect(state.stage).toBe('withdrawn');
        expect(state.deadlines.every((deadline) => deadline.closedAt !== undefined)).toBe(true);
        const child = await suite.env.client.workflow
          .getHandle(state.tracks.takedowns[0]!.childWorkflowId)
          .describe();
        expect(child.status.name).toBe('CANCELLED');
        await recordTypicalPath(suite.env.client, 'withdrawal', [caseId, ...childIds(state)]);
      },
    );
  });
});
