import { uniqueUrl } from '../../support/case-test-kit';
import { openCaseForVerification, startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';

/**
 * Reads of a closed case as the console makes them (state, actions and timeline at once), on the dev
 * server: every round answers, and once read, a closed case answers without a worker, because a
 * closed run's answers never change (cases/closed-case-answers.ts). Before, each round made the
 * worker replay the history, and 1 round in 15 waited 30 s and answered 500.
 */
describe('reads of a closed case', () => {
  let env: ApiTestEnv;
  let caseId: string;

  beforeAll(async () => {
    env = await startApiTestEnv({});
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.tiktok.com', 'closed-reads'),
      text: 'Video lama banjir Martapura diunggah ulang',
      region: 'banjar',
    });
    await env
      .as('supervisor')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier' });
    const verdict = await env.as('verifier').post(`/api/cases/${caseId}/actions/submitVerdict`, {
      verdict: { kind: 'no_violation', reasons: ['video lama, bukan kejadian baru'] },
    });
    expect(verdict.status).toBe(200);
    await env.client.workflow.getHandle(caseId).result();
  }, 120_000);
  afterAll(async () => env?.stop());

  const readRound = () =>
    Promise.all(
      [`/api/cases/${caseId}`, `/api/cases/${caseId}/actions`, `/api/cases/${caseId}/timeline`].map((route) =>
        env.as('auditor').get(route),
      ),
    );

  it('answers every round of concurrent reads alike, and keeps answering with no worker running', async () => {
    const first = await readRound();
    expect(first.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(first[0]!.body).toMatchObject({ caseId, stage: 'closed' });
    for (let round = 0; round < 10; round += 1) {
      const again = await readRound();
      expect(again.map((response) => response.status)).toEqual([200, 200, 200]);
      expect(again.map((response): unknown => response.body)).toEqual(
        first.map((response): unknown => response.body),
      );
    }

    // No worker: a query would wait for one and fail; the closed case's answers are already known.
    await env.stopWorker();
    const withoutWorker = await readRound();
    expect(withoutWorker.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(withoutWorker.map((response): unknown => response.body)).toEqual(
      first.map((response): unknown => response.body),
    );
  }, 120_000);
});
