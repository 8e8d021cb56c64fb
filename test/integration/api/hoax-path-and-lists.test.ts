import crypto from 'node:crypto';
import type { CaseState } from '../../../domain';
import { uniqueUrl, waitFor } from '../../support/case-test-kit';
import {
  openCaseForVerification,
  startApiTestEnv,
  type ActionsBody,
  type ApiTestEnv,
  type CaseListBody,
  type TimelineBody,
} from '../../support/api/api-test-kit';

/** A hoax case from detection to closure through the HTTP API alone, then the case lists. */
describe('API: hoax path and case lists (real dev server, real workflows)', () => {
  let env: ApiTestEnv;
  let hoaxCaseId: string;

  beforeAll(async () => {
    env = await startApiTestEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('detection -> claim -> verdict [HOAKS] -> draft -> four-eyes approval -> published and closed', async () => {
    hoaxCaseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.facebook.com', 'hoax'),
      text: 'Beredar kabar vaksin campak di Banjarbaru mengandung chip',
      region: 'banjarbaru',
      reason: 'pesan berantai di grup WhatsApp warga',
    });
    // The verification SLA starts once the intake notification is sent.
    const opened = await env.waitForState(
      hoaxCaseId,
      (state) => state.deadlines.length > 0,
      'the verification deadline',
    );
    expect(opened.detections.bySource).toEqual({ officer: 1 });
    expect(opened.deadlines.map((deadline) => deadline.id)).toEqual(['verification']);

    expect(
      (
        await env
          .as('verifier')
          .post(`/api/cases/${hoaxCaseId}/actions/assignVerifier`, { assignee: 'siti.verifier' })
      ).status,
    ).toBe(200);
    const verdict = await env
      .as('verifier')
      .post<CaseState>(`/api/cases/${hoaxCaseId}/actions/submitVerdict`, {
        verdict: {
          kind: 'hoax',
          label: 'HOAKS',
          reasons: ['Dinkes Kalsel: vaksin tidak mengandung chip'],
          publicResponse: false,
        },
      });
    expect(verdict.status).toBe(200);
    expect(verdict.body.verdict?.by).toEqual({ officerId: 'siti.verifier', role: 'verifier' });

    await env.waitForState(
      hoaxCaseId,
      (state) => state.tracks.clarification?.status === 'drafting',
      'the clarification track',
    );
    const actionsBefore = await env.as('supervisor').get(`/api/cases/${hoaxCaseId}/actions`);
    expect(actionsBefore.body.actions).toContainEqual({ name: 'draftStatement', kind: 'clarification' });

    const draft = await env
      .as('supervisor')
      .post<CaseState>(`/api/cases/${hoaxCaseId}/actions/draftStatement`, {
        kind: 'clarification',
        title: '[HOAKS] Vaksin campak mengandung chip',
        body: 'Faktanya, vaksin campak tidak mengandung chip. Saring sebelum sharing.',
        pillar: 'digital_safety',
        channels: ['website', 'instagram'],
      });
    expect(draft.status).toBe(200);
    expect(draft.body.tracks.clarification?.draft).toMatchObject({
      revision: 1,
      label: 'HOAKS',
      by: { officerId: 'budi.supervisor' },
    });

    // The drafter is not offered approval, and is refused if they try.
    const drafterActions = await env.as('supervisor').get<ActionsBody>(`/api/cases/${hoaxCaseId}/actions`);
    expect(drafterActions.body.actions.map((action) => action.name)).not.toContain('approveStatement');
    const selfApproval = await env
      .as('supervisor')
      .post(`/api/cases/${hoaxCaseId}/actions/approveStatement`, { kind: 'clarification', revision: 1 });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.code).toBe('SELF_APPROVAL');
    expect(selfApproval.body.error.message).toMatch(/four-eyes/);
    const stale = await env
      .as('supervisor2')
      .post(`/api/cases/${hoaxCaseId}/actions/approveStatement`, { kind: 'clarification', revision: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');

    const approval = await env
      .as('supervisor2')
      .post<CaseState>(`/api/cases/${hoaxCaseId}/actions/approveStatement`, {
        kind: 'clarification',
        revision: 1,
      });
    expect(approval.status).toBe(200);
    expect(approval.body.tracks.clarification?.approval?.by).toEqual({
      officerId: 'rina.supervisor',
      role: 'supervisor',
    });

    const closed = await env.waitForState(hoaxCaseId, (state) => state.stage === 'closed', 'the case closed');
    expect(closed.tracks.clarification?.status).toBe('published');
    expect(closed.outcome).toMatchObject({ resolution: 'actioned', verdictKind: 'hoax' });

    const timeline = await env.as('auditor').get<TimelineBody>(`/api/cases/${hoaxCaseId}/timeline`);
    const actorOf = (action: string) =>
      timeline.body.timeline.find((entry) => entry.action === action)?.actor?.officerId;
    expect(actorOf('assigned')).toBe('siti.verifier');
    expect(actorOf('verdict_submitted')).toBe('siti.verifier');
    expect(actorOf('statement_drafted')).toBe('budi.supervisor');
    expect(actorOf('statement_approved')).toBe('rina.supervisor');
    expect(timeline.body.timeline.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);

    const deadlines = await env.as('auditor').get(`/api/cases/${hoaxCaseId}/deadlines`);
    expect(deadlines.body.deadlines).toEqual([]);

    // Stage "closed" comes before the run ends (archive, notifications drained): wait for the end itself.
    await env.client.workflow.getHandle(hoaxCaseId).result();
    const afterClose = await env
      .as('supervisor')
      .post(`/api/cases/${hoaxCaseId}/actions/requestWithdrawal`, { reason: 'tidak relevan lagi sekarang' });
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.error.code).toBe('case_closed');
  });

  it('exports the raw history with its SHA-256 for auditors and supervisors only', async () => {
    const envelope = await env.as('auditor').get(`/api/cases/${hoaxCaseId}/history`);
    expect(envelope.status).toBe(200);
    expect(envelope.body).toMatchObject({
      schema: 'saring.history-export/v1',
      caseId: hoaxCaseId,
      workflowType: 'ContentCaseWorkflowV2',
      status: 'COMPLETED',
    });
    expect(envelope.body.history.events.length).toBe(envelope.body.eventCount);

    const raw = await env.as('supervisor').get(`/api/cases/${hoaxCaseId}/history?format=raw`);
    expect(raw.status).toBe(200);
    const digest = crypto.createHash('sha256').update(raw.text, 'utf8').digest('hex');
    expect(raw.headers.get('x-saring-history-sha256')).toBe(digest);
    expect(envelope.body.sha256).toBe(digest);
    // The envelope carries the same bytes, cut out as they are.
    expect(envelope.text.slice(envelope.text.indexOf(',"history":') + ',"history":'.length, -1)).toBe(
      raw.text,
    );

    expect((await env.as('verifier').get(`/api/cases/${hoaxCaseId}/history`)).status).toBe(403);
    expect((await env.as('admin').get(`/api/cases/${hoaxCaseId}/history`)).status).toBe(403);
  });

  it('filters the case list by status, region, assignee, category, priority and breach, from search attributes', async () => {
    const claimed = await openCaseForVerification(env, {
      url: uniqueUrl('tiktok.com', 'list-a'),
      region: 'tapin',
    });
    const unassigned = await openCaseForVerification(env, {
      url: uniqueUrl('tiktok.com', 'list-b'),
      region: 'tapin',
    });
    await env
      .as('verifier')
      .post(`/api/cases/${claimed}/actions/assignVerifier`, { assignee: 'siti.verifier' });

    const ids = async (query: string) => {
      const response = await env.as('auditor').get<CaseListBody>(`/api/cases?${query}`);
      if (response.status !== 200) throw new Error(`${query}: ${response.status} ${response.text}`);
      return response.body.cases.map((row) => row.caseId);
    };
    const eventually = (query: string, check: (found: string[]) => boolean) =>
      waitFor(() => ids(query), check, `list ${query}`, 30_000);

    await eventually(
      'region=tapin&assignee=none',
      (found) => found.includes(unassigned) && !found.includes(claimed),
    );
    await eventually(
      'assignee=siti.verifier&status=verification',
      (found) => found.includes(claimed) && !found.includes(unassigned),
    );
    await eventually(
      'status=closed,withdrawn&open=false&category=hoax',
      (found) => found.includes(hoaxCaseId) && !found.includes(claimed),
    );
    await eventually(
      'category=uncategorized&priority=normal,high&region=tapin,banjarbaru',
      (found) => found.includes(claimed) && !found.includes(hoaxCaseId),
    );
    expect(await ids('breached=true&region=tapin')).not.toContain(claimed);

    const row = (
      await env.as('verifier').get<CaseListBody>(`/api/cases?region=tapin&open=true`)
    ).body.cases.find((c) => c.caseId === claimed)!;
    expect(row).toMatchObject({
      status: 'verification',
      region: 'tapin',
      assignee: 'siti.verifier',
      slaBreached: false,
      detectionCount: 1,
      executionStatus: 'RUNNING',
    });
    expect(Date.parse(row.nextDeadline!)).toBeGreaterThan(Date.now());
    const listed = await env.as('verifier').get('/api/cases?region=tapin');
    expect(listed.body.query).toBe(
      "WorkflowType IN ('ContentCaseWorkflow', 'ContentCaseWorkflowV2') AND SaringRegion = 'tapin'",
    );
  });
});
