import type { CaseClient } from '../../cases/case-client';
import type { ActivityScript } from './scripted-activities';
import { detectionOf, officers, uniqueUrl, waitForCase } from './case-test-kit';

/** What the scripted classifier says of a gambling site. */
export const GAMBLING_CLASSIFICATION: ActivityScript['classification'] = {
  category: 'online_gambling',
  confidence: 0.95,
  suggestedPriority: 'urgent',
};

/** A gambling URL reported, then judged illegal in verification: one takedown on `website`, urgent (4 h to comply). */
export async function submitIllegalGamblingCase(cases: CaseClient): Promise<{ caseId: string; url: string }> {
  const url = uniqueUrl('slot-gacor.example', 'daftar');
  const { caseId } = await cases.submitDetection(detectionOf({ url }));
  await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
  await cases.update(caseId, 'submitVerdict', {
    actor: officers.supervisor,
    verdict: { kind: 'illegal', category: 'online_gambling', reasons: ['judi online'] },
  });
  return { caseId, url };
}
