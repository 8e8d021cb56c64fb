import type { CaseState } from '../../../domain';
import { uniqueUrl } from '../../support/case-test-kit';
import { riamKananClarifiedMatch } from '../../support/claims/riam-kanan-match';
import {
  historyLengthOf,
  openCaseForVerification,
  startApiTestEnv,
  type ActionsBody,
  type ApiTestEnv,
  type ErrorBody,
} from '../../support/api/api-test-kit';

const CLARIFIED_CASE = 'case-0a1b2c3d4e5f60718293';
const MATCH = riamKananClarifiedMatch(CLARIFIED_CASE, 0.62);

/**
 * The reuseClarification step through the API (real dev server, real workflows; matchClaim scripted to
 * link the reported text to a clarified case): the link shows in GET /api/cases/:id, the step is offered
 * to the assigned verifier, refused for a wrong role with nothing changed, and a retried request with
 * the same Idempotency-Key reuses the clarification once.
 */
describe('API: reuse a linked clarification (issue 15)', () => {
  let env: ApiTestEnv;
  let caseId: string;

  beforeAll(async () => {
    env = await startApiTestEnv({
      script: { claimMatch: (text) => (text.includes('riam kanan') ? MATCH : null) },
    });
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.facebook.com', 'riam-kanan'),
      text: 'waduk riam kanan jebol!! warga martapura disuruh ngungsi sekarang',
    });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('shows the link, refuses a wrong role, and reuses the clarification once per Idempotency-Key', async () => {
    const opened = (await env.as('auditor').get<CaseState>(`/api/cases/${caseId}`)).body;
    expect(opened.claimLink).toMatchObject({ caseId: CLARIFIED_CASE, similarity: 0.62 });
    expect(opened.classification?.modelVersion).toBeUndefined(); // scripted classifier: no version given

    const step = `/api/cases/${caseId}/actions/reuseClarification`;
    const before = await historyLengthOf(env, caseId);
    const wrongRole = await env.as('pr').post<ErrorBody>(step, { fromCaseId: CLARIFIED_CASE });
    expect(wrongRole.status).toBe(403);
    const badBody = await env.as('verifier').post<ErrorBody>(step, { fromCaseId: 'not a case id' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.message).toMatch(/fromCaseId/);
    expect(await historyLengthOf(env, caseId)).toBe(before);

    await env
      .as('verifier')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier' });
    const offered = await env.as('verifier').get<ActionsBody>(`/api/cases/${caseId}/actions`);
    expect(offered.body.actions.map((action) => action.name)).toContain('reuseClarification');

    const headers = { 'idempotency-key': 'reuse-riam-kanan-1' };
    const first = await env.as('verifier').post<CaseState>(step, { fromCaseId: CLARIFIED_CASE }, headers);
    const again = await env.as('verifier').post<CaseState>(step, { fromCaseId: CLARIFIED_CASE }, headers);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(first.body.clarificationReuse).toMatchObject({ fromCaseId: CLARIFIED_CASE });

    const closed = await env.waitForState(caseId, (state) => state.stage === 'closed', `${caseId} closed`);
    expect(closed.timeline.filter((entry) => entry.action === 'clarification_reused')).toHaveLength(1);
    expect(closed.tracks.clarification?.publication?.publications).toEqual(MATCH.clarification!.publications);
  });
});
