import type { TimelineEntry } from '../../../domain';
import { uniqueUrl } from '../../support/case-test-kit';
import { startApiTestEnv, openCaseForVerification, type ApiTestEnv } from '../../support/api/api-test-kit';
import { runSaring } from '../../support/cli/run-saring';

describe('a case timeline in the reader language (CLI against the API, real dev server)', () => {
  let env: ApiTestEnv;

  beforeAll(async () => {
    env = await startApiTestEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('stores codes and parameters, and prints them in English or Bahasa Indonesia with --lang', async () => {
    const caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.youtube.com', 'lang'),
      region: 'tabalong',
      text: 'Video hoaks banjir',
    });
    const claim = await env.as('verifier').post(`/api/cases/${caseId}/actions/assignVerifier`, {
      assignee: 'siti.verifier',
    });
    expect(claim.status).toBe(200);
    const verdict = await env.as('verifier').post(`/api/cases/${caseId}/actions/submitVerdict`, {
      verdict: { kind: 'no_violation', reasons: ['video lama'] },
    });
    expect(verdict.status).toBe(200);
    await env.waitForState(caseId, (state) => state.stage === 'closed', 'closed');

    const json = await runSaring(env, 'auditor', ['case', 'timeline', caseId, '--json']);
    expect(json.code).toBe(0);
    const { timeline } = JSON.parse(json.stdout) as { timeline: TimelineEntry[] };
    // New entries carry no English sentence, only their code and parameters.
    expect(timeline.every((entry) => entry.message && entry.summary === undefined)).toBe(true);
    expect(timeline.find((entry) => entry.action === 'assigned')?.message).toEqual({
      code: 'case_claimed',
      params: { assignee: 'siti.verifier' },
    });

    const english = await runSaring(env, 'auditor', ['case', 'timeline', caseId, '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/assigned\s+siti\.verifier \(verifier\): siti\.verifier claimed the case/);
    expect(english.stdout).toMatch(/verdict_submitted .*: no violation: video lama/);
    expect(english.stdout).toMatch(/closed .*: closed: no violation/);
    expect(english.stdout).toMatch(/stage_changed .*: verification -> closed/);
    // --lang en is the default.
    expect((await runSaring(env, 'auditor', ['case', 'timeline', caseId])).stdout).toBe(english.stdout);

    const indonesian = await runSaring(env, 'auditor', ['case', 'timeline', caseId, '--lang', 'id']);
    expect(indonesian.code).toBe(0);
    expect(indonesian.stdout).toMatch(
      /assigned\s+siti\.verifier \(verifier\): siti\.verifier mengambil kasus ini/,
    );
    expect(indonesian.stdout).toMatch(/verdict_submitted .*: tidak melanggar: video lama/);
    expect(indonesian.stdout).toMatch(/closed .*: ditutup: tidak melanggar/);
    expect(indonesian.stdout).toMatch(/stage_changed .*: Verifikasi → Selesai/);
    expect(indonesian.stdout).not.toMatch(/claimed the case|closed: no violation/);
    expect(indonesian.stdout.split('\n')).toHaveLength(english.stdout.split('\n').length);

    const refused = await runSaring(env, 'auditor', ['case', 'timeline', caseId, '--lang', 'fr']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--lang must be en \(English\) or id \(Bahasa Indonesia\)/);
    expect(refused.stdout).toBe('');
  });
});
