import { WorkflowNotFoundError } from '@temporalio/client';
import type { CaseState } from '../../../domain';
import { CaseClosedError, CaseNotFoundError } from '../../../cases/case-errors';
import { ScriptedActivities } from '../../support/scripted-activities';
import {
  detectionOf,
  officers,
  uniqueUrl,
  waitFor,
  waitForCase,
  devCaseWorkerSuite,
} from '../../support/case-test-kit';

/**
 * Each kind of bad officer step gets its own error and leaves the case exactly as it was: same state,
 * same history length (update validators run before anything is written; on the real server a
 * rejected update leaves no event at all).
 */
describe('bad officer steps are refused before they reach history (dev server)', () => {
  const caseWorker = devCaseWorkerSuite(
    'bad-updates',
    new ScriptedActivities({ classification: { category: 'hoax', confidence: 0.8 } }),
  );

  /** Waits until the case is idle (no workflow task or activity pending, history stable) and returns its history length and state. */
  async function settled(caseId: string): Promise<{ length: number; state: CaseState }> {
    const handle = caseWorker.dev.client.workflow.getHandle(caseId);
    let previous = -1;
    const length = await waitFor(
      async () => {
        const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
        const events = history.events ?? [];
        const idle =
          !description.raw.pendingWorkflowTask && (description.raw.pendingActivities ?? []).length === 0;
        const stable = idle && events.length === previous;
        previous = events.length;
        return stable ? events.length : -1;
      },
      (value) => value > 0,
      `${caseId} to settle`,
    );
    return { length, state: await caseWorker.cases.getState(caseId) };
  }

  async function expectRefused(caseId: string, code: string, attempt: () => Promise<unknown>): Promise<void> {
    const before = await settled(caseId);
    await expect(attempt()).rejects.toMatchObject({ name: 'CaseCommandRejectedError', code });
    const after = (await caseWorker.dev.client.workflow.getHandle(caseId).fetchHistory()).events?.length;
    expect(after).toBe(before.length);
    expect(await caseWorker.cases.getState(caseId)).toEqual(before.state);
  }

  it('refuses a bad payload, a wrong role, a wrong stage, a non-assignee, a self-approval and a stale revision', async () => {
    const { caseId } = await caseWorker.cases.submitDetection(
      detectionOf({ url: uniqueUrl('www.facebook.com', 'hoaks'), text: 'Banjir bandang di Martapura besok' }),
    );
    await waitForCase(caseWorker.cases, caseId, (state) => state.stage === 'verification', 'verification');

    // Wrong schema: missing reasons, an unknown field, a malformed officer id, no payload at all.
    await expectRefused(caseId, 'INVALID_PAYLOAD', () =>
      caseWorker.cases.update(caseId, 'submitVerdict', {
        actor: officers.supervisor,
        verdict: { kind: 'hoax', label: 'HOAKS', reasons: [] },
      }),
    );
    await expectRefused(caseId, 'INVALID_PAYLOAD', () =>
      caseWorker.cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
        priority: 'urgent',
      } as never),
    );
    await expectRefused(caseId, 'INVALID_PAYLOAD', () =>
      caseWorker.cases.update(caseId, 'assignVerifier', {
        actor: { officerId: 'Budi Supervisor', role: 'supervisor' },
        assignee: officers.verifier.officerId,
      }),
    );
    await expectRefused(caseId, 'INVALID_PAYLOAD', () =>
      caseWorker.cases.update(caseId, 'assignVerifier', undefined as never),
    );

    // Wrong role: the auditor and the admin take no case decisions; a verifier cannot assign someone else.
    await expectRefused(caseId, 'FORBIDDEN_ROLE', () =>
      caseWorker.cases.update(caseId, 'submitVerdict', {
        actor: officers.auditor,
        verdict: { kind: 'no_violation', reasons: ['looks fine'] },
      }),
    );
    await expectRefused(caseId, 'FORBIDDEN_ROLE', () =>
      caseWorker.cases.update(caseId, 'assignVerifier', {
        actor: officers.admin,
        assignee: officers.verifier.officerId,
      }),
    );
    await expectRefused(caseId, 'FORBIDDEN_ROLE', () =>
      caseWorker.cases.update(caseId, 'assignVerifier', {
        actor: officers.verifier,
        assignee: officers.verifier2.officerId,
      }),
    );

    // Wrong stage: nothing to approve, acknowledge or stop monitoring during verification.
    await expectRefused(caseId, 'WRONG_STAGE', () =>
      caseWorker.cases.update(caseId, 'approveStatement', {
        actor: officers.supervisor,
        kind: 'clarification',
        revision: 1,
      }),
    );
    await expectRefused(caseId, 'WRONG_STAGE', () =>
      caseWorker.cases.update(caseId, 'acknowledgePolice', { actor: officers.police }),
    );
    await expectRefused(caseId, 'WRONG_STAGE', () =>
      caseWorker.cases.update(caseId, 'closeMonitoring', { actor: officers.supervisor, reason: 'done' }),
    );

    // Only the assigned verifier (or a supervisor) gives the verdict.
    await caseWorker.cases.update(caseId, 'assignVerifier', {
      actor: officers.supervisor,
      assignee: officers.verifier.officerId,
    });
    await expectRefused(caseId, 'NOT_ASSIGNEE', () =>
      caseWorker.cases.update(caseId, 'submitVerdict', {
        actor: officers.verifier2,
        verdict: { kind: 'hoax', label: 'HOAKS', reasons: ['BMKG'] },
      }),
    );
    await caseWorker.cases.update(caseId, 'submitVerdict', {
      actor: officers.verifier,
      verdict: { kind: 'hoax', label: 'HOAKS', reasons: ['BMKG forecast'], publicResponse: true },
    });
    await waitForCase(
      caseWorker.cases,
      caseId,
      (state) => state.tracks.clarification?.status === 'drafting',
      'clarification',
    );
    await expectRefused(caseId, 'WRONG_STAGE', () =>
      caseWorker.cases.update(caseId, 'submitVerdict', {
        actor: officers.supervisor,
        verdict: { kind: 'no_violation', reasons: ['changed my mind'] },
      }),
    );
    await expectRefused(caseId, 'FORBIDDEN_ROLE', () =>
      caseWorker.cases.update(caseId, 'draftStatement', {
        actor: officers.verifier,
        kind: 'response',
        title: 't',
        body: 'b',
        pillar: 'digital_skill',
        channels: ['website'],
      }),
    );
    await expectRefused(caseId, 'WRONG_STAGE', () =>
      caseWorker.cases.update(caseId, 'draftStatement', {
        actor: officers.pr,
        kind: 'response',
        title: 't',
        body: 'b',
        pillar: 'digital_skill',
        channels: ['website'],
      }),
    );

    // Four-eyes on public statements: the drafter cannot approve; an approval must name the current revision.
    await caseWorker.cases.update(caseId, 'draftStatement', {
      actor: officers.supervisor,
      kind: 'clarification',
      title: '[HOAKS] Banjir bandang Martapura',
      body: 'BMKG tidak memprakirakan banjir bandang.',
      pillar: 'digital_skill',
      channels: ['website'],
    });
    await expectRefused(caseId, 'SELF_APPROVAL', () =>
      caseWorker.cases.update(caseId, 'approveStatement', {
        actor: officers.supervisor,
        kind: 'clarification',
        revision: 1,
      }),
    );
    await expectRefused(caseId, 'CONFLICT', () =>
      caseWorker.cases.update(caseId, 'approveStatement', {
        actor: officers.supervisor2,
        kind: 'clarification',
        revision: 2,
      }),
    );
    await expectRefused(caseId, 'FORBIDDEN_ROLE', () =>
      caseWorker.cases.update(caseId, 'approveStatement', {
        actor: officers.pr,
        kind: 'clarification',
        revision: 1,
      }),
    );

    // Four-eyes on withdrawal: the requester cannot approve it, and only supervisors may ask.
    await expectRefused(caseId, 'FORBIDDEN_ROLE', () =>
      caseWorker.cases.update(caseId, 'requestWithdrawal', {
        actor: officers.verifier,
        reason: 'duplicate of another case',
      }),
    );
    await caseWorker.cases.update(caseId, 'requestWithdrawal', {
      actor: officers.supervisor,
      reason: 'duplicate of another case',
    });
    await expectRefused(caseId, 'SELF_APPROVAL', () =>
      caseWorker.cases.update(caseId, 'approveWithdrawal', { actor: officers.supervisor }),
    );
    await expectRefused(caseId, 'CONFLICT', () =>
      caseWorker.cases.update(caseId, 'requestWithdrawal', {
        actor: officers.supervisor2,
        reason: 'another reason entirely',
      }),
    );

    // A good step after all that still works, and is the only thing that grew the history.
    const before = await settled(caseId);
    const approved = await caseWorker.cases.updateAndRead(caseId, 'approveStatement', {
      actor: officers.supervisor2,
      kind: 'clarification',
      revision: 1,
    });
    expect(approved.tracks.clarification?.approval?.by).toEqual(officers.supervisor2);
    expect(
      (await caseWorker.dev.client.workflow.getHandle(caseId).fetchHistory()).events!.length,
    ).toBeGreaterThan(before.length);
    await caseWorker.dev.client.workflow.getHandle(caseId).terminate('test finished');
  });

  it('refuses steps on an unknown case and on a closed case with their own errors', async () => {
    const unknown = 'case-00000000000000000000';
    await expect(
      caseWorker.cases.update(unknown, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
      }),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(caseWorker.cases.getState(unknown)).rejects.toBeInstanceOf(CaseNotFoundError);
    // Nothing was created: there is no execution, hence no history.
    await expect(caseWorker.dev.client.workflow.getHandle(unknown).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    await expect(caseWorker.dev.client.workflow.getHandle(unknown).fetchHistory()).rejects.toThrow(
      /not found/i,
    );

    const { caseId } = await caseWorker.cases.submitDetection(
      detectionOf({ text: `Hoaks lama ${Date.now()}` }),
    );
    await waitForCase(caseWorker.cases, caseId, (state) => state.stage === 'verification', 'verification');
    await caseWorker.cases.update(caseId, 'submitVerdict', {
      actor: officers.supervisor,
      verdict: { kind: 'no_violation', reasons: ['not a claim'] },
    });
    await caseWorker.cases.outcome(caseId);
    const length = (await caseWorker.dev.client.workflow.getHandle(caseId).fetchHistory()).events!.length;
    await expect(
      caseWorker.cases.update(caseId, 'assignVerifier', {
        actor: officers.supervisor,
        assignee: officers.verifier.officerId,
      }),
    ).rejects.toBeInstanceOf(CaseClosedError);
    expect((await caseWorker.dev.client.workflow.getHandle(caseId).fetchHistory()).events!.length).toBe(
      length,
    );
  });

  it('drops notes from read-only roles (signals cannot be refused, but change nothing)', async () => {
    const { caseId } = await caseWorker.cases.submitDetection(detectionOf({ text: `Catatan ${Date.now()}` }));
    await waitForCase(caseWorker.cases, caseId, (state) => state.stage === 'verification', 'verification');
    await caseWorker.cases.addNote(caseId, { actor: officers.auditor, text: 'auditors only read' });
    await caseWorker.cases.addNote(caseId, {
      actor: officers.verifier,
      text: 'source traced to a WhatsApp group',
    });
    const state = await waitForCase(
      caseWorker.cases,
      caseId,
      (current) => current.timeline.some((entry) => entry.action === 'note'),
      'note',
    );
    expect(state.timeline.filter((entry) => entry.action === 'note')).toEqual([
      expect.objectContaining({
        actor: officers.verifier,
        message: { code: 'note', params: { text: 'source traced to a WhatsApp group' } },
      }),
    ]);
    await caseWorker.dev.client.workflow.getHandle(caseId).terminate('test finished');
  });
});
