import type { CaseClient } from '../../cases/case-client';
import type { ActivityScript } from './scripted-activities';
import { detectionOf, officers, waitForCase } from './case-test-kit';

/** What the scripted classifier says of a fake social-aid (bansos) registration. */
export const FAKE_AID_CLASSIFICATION: ActivityScript['classification'] = {
  category: 'fraud',
  confidence: 0.9,
  rules: ['fraud.fake_bansos'],
};

/** A fake social-aid post judged criminal fraud by a supervisor: the case escalates to the police. */
export async function submitCriminalFraudCase(cases: CaseClient, text: string): Promise<{ caseId: string }> {
  const { caseId } = await cases.submitDetection(detectionOf({ text }));
  await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
  await cases.update(caseId, 'submitVerdict', {
    actor: officers.supervisor,
    verdict: { kind: 'criminal', category: 'fraud', reasons: ['fake social aid registration'] },
  });
  return { caseId };
}
