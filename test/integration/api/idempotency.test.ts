import type { CaseState } from '../../../domain';
import { uniqueUrl } from '../../support/case-test-kit';
import { historyLengthOf, type ErrorBody } from '../../support/api/api-test-kit';
import { apiEnvWithCaseInVerification } from '../../support/api/case-in-verification';

/** Idempotency-Key on case steps: a retried step runs once (Temporal update id); without a key, as before. */
describe('API: Idempotency-Key on case steps (real dev server, real workflows)', () => {
  const api = apiEnvWithCaseInVerification({ url: uniqueUrl('www.facebook.com', 'idempotency') });

  const assignedEntries = async () =>
    (await api.env.as('auditor').get<CaseState>(`/api/cases/${api.caseId}`)).body.timeline.filter(
      (entry) => entry.action === 'assigned',
    ).length;

  it('runs the same step sent twice with the same key once, and answers both times the same', async () => {
    const { env, caseId } = api;
    const step = `/api/cases/${caseId}/actions/assignVerifier`;
    const headers = { 'idempotency-key': 'claim:2026-11-30T02:00Z_siti-1' };
    const first = await env.as('verifier').post<CaseState>(step, { assignee: 'siti.verifier' }, headers);
    const second = await env.as('verifier').post<CaseState>(step, { assignee: 'siti.verifier' }, headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(first.body.timeline.filter((entry) => entry.action === 'assigned')).toHaveLength(1);
    expect(await assignedEntries()).toBe(1);
  });

  it('without a key, runs every request, as before', async () => {
    const { env, caseId } = api;
    const step = `/api/cases/${caseId}/actions/assignVerifier`;
    const before = await assignedEntries();
    expect((await env.as('verifier').post(step, { assignee: 'siti.verifier' })).status).toBe(200);
    expect((await env.as('verifier').post(step, { assignee: 'siti.verifier' })).status).toBe(200);
    expect(await assignedEntries()).toBe(before + 2);
  });

  it('refuses a malformed key with 400 naming the header, and changes nothing', async () => {
    const { env, caseId } = api;
    const before = await historyLengthOf(env, caseId);
    const response = await env
      .as('verifier')
      .post<ErrorBody>(
        `/api/cases/${caseId}/actions/assignVerifier`,
        { assignee: 'siti.verifier' },
        { 'idempotency-key': 'no spaces or slashes/please' },
      );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_input');
    expect(response.body.error.message).toMatch(/^Invalid Idempotency-Key header: idempotency-key: /);
    expect(response.body.error.message).toMatch(/nothing was changed/);
    const tooLong = await env
      .as('verifier')
      .post(
        `/api/cases/${caseId}/actions/assignVerifier`,
        { assignee: 'siti.verifier' },
        { 'idempotency-key': 'k'.repeat(129) },
      );
    expect(tooLong.status).toBe(400);
    expect(await historyLengthOf(env, caseId)).toBe(before);
  });
});
