import { uniqueUrl } from '../../support/case-test-kit';
import {
  historyLengthOf,
  openCaseForVerification,
  startApiTestEnv,
  type ActionsBody,
  type ApiTestEnv,
  type ErrorBody,
} from '../../support/api/api-test-kit';

/** Who may call what: tokens, the API's own role refusals, the workflow's rules, and bad bodies changing nothing. */
describe('API auth and roles (real dev server, real workflows)', () => {
  let env: ApiTestEnv;
  let caseId: string;

  beforeAll(async () => {
    env = await startApiTestEnv();
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.facebook.com', 'auth'),
      text: 'Pesan berantai soal banjir',
    });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('answers 401 without a token and with a bad token, and says how to log in', async () => {
    const none = await env.as({}).get('/api/cases');
    expect(none.status).toBe(401);
    expect(none.body.error.message).toMatch(/Authorization: Bearer/);
    expect(none.body.error.message).toMatch(/saring login/);

    const bad = await env.as({ authorization: 'Bearer not-a-real-token-at-all-123' }).get('/api/cases');
    expect(bad.status).toBe(401);
    const malformed = await env
      .as({ authorization: 'Basic dXNlcjpwYXNz' })
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier' });
    expect(malformed.status).toBe(401);
  });

  it('GET /api/me tells who the token belongs to and what they may do', async () => {
    const me = await env.as('auditor').get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      officerId: 'tono.auditor',
      role: 'auditor',
      can: { readCases: true, takeCaseSteps: false, exportHistory: true },
    });
    const admin = await env.as('admin').get('/api/me');
    expect(admin.body.can).toMatchObject({ readCases: false, operate: true });
  });

  it('refuses case steps and notes by an auditor with 403, before anything reaches the case', async () => {
    const before = await historyLengthOf(env, caseId);
    const claim = await env
      .as('auditor')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'tono.auditor' });
    expect(claim.status).toBe(403);
    expect(claim.body.error.message).toMatch(/auditors read and verify cases and change nothing/);
    const note = await env.as('auditor').post(`/api/cases/${caseId}/notes`, { text: 'sekadar catatan' });
    expect(note.status).toBe(403);
    expect(await historyLengthOf(env, caseId)).toBe(before);
  });

  it('keeps admin to ops endpoints: no case reads, no steps, no detections', async () => {
    expect((await env.as('admin').get('/api/cases')).status).toBe(403);
    expect((await env.as('admin').get(`/api/cases/${caseId}`)).status).toBe(403);
    const step = await env
      .as('admin')
      .post(`/api/cases/${caseId}/actions/requestWithdrawal`, { reason: 'cleaning up test data' });
    expect(step.status).toBe(403);
    expect(step.body.error.message).toMatch(/takes no case decisions/);
    expect(
      (await env.as('admin').post('/api/detections', { url: uniqueUrl('example.com', 'admin') })).status,
    ).toBe(403);

    const status = await env.as('admin').get('/api/admin/status');
    expect(status.status).toBe(200);
    expect(status.body.temporal).toBe('reachable');
    expect((await env.as('supervisor').get('/api/admin/status')).status).toBe(403);
  });

  it('passes on the workflow refusal when a verifier tries to approve (403 FORBIDDEN_ROLE, the workflow message)', async () => {
    const response = await env
      .as('verifier')
      .post(`/api/cases/${caseId}/actions/approveStatement`, { kind: 'clarification', revision: 1 });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN_ROLE');
    expect(response.body.error.message).toMatch(
      /^approveStatement: approveStatement needs one of the roles supervisor; siti.verifier is verifier/,
    );
  });

  it('maps WRONG_STAGE to 409 and NOT_ASSIGNEE to 403', async () => {
    const draft = await env.as('supervisor').post(`/api/cases/${caseId}/actions/draftStatement`, {
      kind: 'clarification',
      title: 'Klarifikasi',
      body: 'Isi',
      pillar: 'digital_culture',
      channels: ['website'],
    });
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('WRONG_STAGE');

    const verdict = await env.as('verifier2').post(`/api/cases/${caseId}/actions/submitVerdict`, {
      verdict: { kind: 'no_violation', reasons: ['bukan pelanggaran'] },
    });
    expect(verdict.status).toBe(403);
    expect(verdict.body.error.code).toBe('NOT_ASSIGNEE');
  });

  it('refuses a bad body with 400 naming the field, and the case history does not change', async () => {
    const before = await historyLengthOf(env, caseId);
    const badVerdict = await env
      .as('supervisor')
      .post<ErrorBody>(`/api/cases/${caseId}/actions/submitVerdict`, {
        verdict: { kind: 'hoax', label: 'PALSU', reasons: [] },
      });
    expect(badVerdict.status).toBe(400);
    expect(badVerdict.body.error.message).toMatch(/verdict\.label/);
    expect(badVerdict.body.error.message).toMatch(/nothing was changed/);
    expect(badVerdict.body.error.details?.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['verdict.label']),
    );

    const withActor = await env.as('verifier').post(`/api/cases/${caseId}/actions/assignVerifier`, {
      assignee: 'siti.verifier',
      actor: { officerId: 'budi.supervisor', role: 'supervisor' },
    });
    expect(withActor.status).toBe(400);
    expect(withActor.body.error.message).toMatch(/Do not send "actor"/);

    const notJson = await env
      .as('supervisor')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, '{"assignee": ');
    expect(notJson.status).toBe(400);
    const unknownField = await env
      .as('supervisor')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier', urgent: true });
    expect(unknownField.status).toBe(400);
    const badNote = await env.as('verifier').post(`/api/cases/${caseId}/notes`, { text: '   ' });
    expect(badNote.status).toBe(400);
    const badDetection = await env.as('verifier').post('/api/detections', { url: 'ftp://example.com/x' });
    expect(badDetection.status).toBe(400);
    expect(badDetection.body.error.message).toMatch(/^Invalid detection: url/);

    expect(await historyLengthOf(env, caseId)).toBe(before);
  });

  it('answers 404 for unknown cases and steps, 400 for bad filters', async () => {
    expect((await env.as('verifier').get('/api/cases/case-0123456789abcdef0123')).status).toBe(404);
    expect((await env.as('verifier').get('/api/cases/not-a-case')).status).toBe(404);
    const unknownCaseStep = await env
      .as('supervisor')
      .post('/api/cases/case-0123456789abcdef0123/actions/requestWithdrawal', {
        reason: 'no such case at all',
      });
    expect(unknownCaseStep.status).toBe(404);
    const unknownStep = await env.as('supervisor').post(`/api/cases/${caseId}/actions/deleteCase`, {});
    expect(unknownStep.status).toBe(404);
    expect(unknownStep.body.error.message).toMatch(/Steps: assignVerifier/);
    const filter = await env.as('verifier').get('/api/cases?status=verification%22%20OR%20true');
    expect(filter.status).toBe(400);
    const typo = await env.as('verifier').get('/api/cases?statuss=verification');
    expect(typo.status).toBe(400);
  });

  it('lets the verifier claim and record a note, stamped with the token holder as actor', async () => {
    const claim = await env
      .as('verifier')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier' });
    expect(claim.status).toBe(200);
    expect(claim.body.assignee).toBe('siti.verifier');
    const note = await env
      .as('verifier')
      .post(`/api/cases/${caseId}/notes`, { text: 'Sumber asli dicari di grup WhatsApp' });
    expect(note.status).toBe(202);
    const state = await env.waitForState(
      caseId,
      (s) => s.timeline.some((entry) => entry.action === 'note'),
      'the note on the timeline',
    );
    const assigned = state.timeline.find((entry) => entry.action === 'assigned');
    expect(assigned?.actor).toEqual({ officerId: 'siti.verifier', role: 'verifier' });
    expect(state.timeline.find((entry) => entry.action === 'note')?.actor).toEqual({
      officerId: 'siti.verifier',
      role: 'verifier',
    });

    const actions = await env.as('verifier').get<ActionsBody>(`/api/cases/${caseId}/actions`);
    expect(actions.body.actions.map((action) => action.name)).toEqual(['submitVerdict', 'addNote']);
    const supervisorActions = await env.as('supervisor').get<ActionsBody>(`/api/cases/${caseId}/actions`);
    expect(supervisorActions.body.actions).toEqual(
      expect.arrayContaining([
        { name: 'assignVerifier', mode: 'assign' },
        { name: 'submitVerdict' },
        { name: 'requestWithdrawal' },
      ]),
    );
    const auditorActions = await env.as('auditor').get(`/api/cases/${caseId}/actions`);
    expect(auditorActions.body.actions).toEqual([]);
  });
});
