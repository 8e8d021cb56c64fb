import type { CaseState, CaseUpdateResult } from '../../../domain';
import { uniqueUrl } from '../../support/case-test-kit';
import { historyLengthOf, type ErrorBody } from '../../support/api/api-test-kit';
import { apiEnvWithCaseInVerification } from '../../support/api/case-in-verification';

/** `Prefer: return=minimal` on case steps (issue 14): the step's small result, without the state read back. */
describe('API: Prefer return=minimal on case steps (real dev server, real workflows)', () => {
  const api = apiEnvWithCaseInVerification({ url: uniqueUrl('www.facebook.com', 'prefer-minimal') });
  const step = () => `/api/cases/${api.caseId}/actions/assignVerifier`;

  it('answers with what the step changed, and the step is applied', async () => {
    const { env, caseId } = api;
    const answer = await env
      .as('verifier')
      .post<CaseUpdateResult>(step(), { assignee: 'siti.verifier' }, { prefer: 'return=minimal' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('preference-applied')).toBe('return=minimal');
    expect(answer.body).toEqual({
      caseId,
      update: 'assignVerifier',
      revision: expect.any(Number),
      stage: 'verification',
      changed: expect.stringContaining('siti.verifier'),
    });
    const state = (await env.as('auditor').get<CaseState>(`/api/cases/${caseId}`)).body;
    expect(state.assignee).toBe('siti.verifier');
    expect(state.revision).toBe(answer.body.revision);
  });

  it('answers with the case state without the header or with return=representation', async () => {
    const { env } = api;
    const variants: Record<string, string>[] = [{}, { prefer: 'respond-async, return=representation' }];
    for (const headers of variants) {
      const answer = await env.as('verifier').post<CaseState>(step(), { assignee: 'siti.verifier' }, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('preference-applied')).toBeNull();
      expect(answer.body.timeline.length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown return preference with 400 naming the header, and changes nothing', async () => {
    const { env, caseId } = api;
    const before = await historyLengthOf(env, caseId);
    const answer = await env
      .as('verifier')
      .post<ErrorBody>(step(), { assignee: 'siti.verifier' }, { prefer: 'return=everything' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
    expect(answer.body.error.message).toMatch(/Prefer header/);
    expect(answer.body.error.message).toMatch(/return=minimal or return=representation/);
    expect(await historyLengthOf(env, caseId)).toBe(before);
  });
});
