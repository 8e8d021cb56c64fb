import type { ClaimMatch } from '../../activities/claims/claim-index';
import { announcedAtOnce, type Classification, type Detection, type EvidenceRecord } from '../../domain';
import { caseActivities } from '../activity-stubs';
import { linkClaim, linkClaimAtIntake, matchAndIndexAtIntake } from './claims';
import type { CaseContext } from './context';
import { classifyLocally } from './intake-local-activities';
import {
  applyClassification,
  attempt,
  enterVerification,
  EXCERPT_CHARS,
  recordSnapshot,
} from './intake-steps';

/**
 * Intake for runs with the lean patch (issue 14). The same steps as before, but not one after another:
 * the text is stored, the content classified (a local activity) and the snapshot taken at the same
 * time, so classification adds nothing to the time a case takes to reach a verifier, and the whole
 * intake costs one workflow task beyond the first. The results are applied in the old order
 * (classification, then evidence), so the timeline reads the same. Runs with the one-task-intake patch
 * also match and register the claim beside them, and announce the case by the policy's newCaseAlerts.
 * Like every intake, it never fails a case: a failed step is put on the timeline and intake goes on.
 */
export async function leanIntake(
  ctx: CaseContext,
  detection: Detection,
  text: string | undefined,
): Promise<void> {
  const { state } = ctx;
  const steps: Promise<void>[] = [];
  if (text && text.length > EXCERPT_CHARS) {
    steps.push(
      attempt(ctx, 'detection_text', async () => {
        state.subject.text = await caseActivities.storeCaseText({
          requestId: `${state.caseId}:detection-text`,
          caseId: state.caseId,
          kind: 'detection_text',
          text,
        });
      }),
    );
  }
  const classifiable = Boolean(text || detection.url);
  let classification: Classification | undefined;
  let snapshot: EvidenceRecord | undefined;
  if (classifiable) {
    steps.push(
      attempt(ctx, 'classification', async () => {
        classification = await classifyLocally({
          caseId: state.caseId,
          ...(text ? { text } : {}),
          ...(detection.url ? { url: detection.url } : {}),
        });
      }),
      attempt(ctx, 'snapshot', async () => {
        snapshot = await ctx.fetching.captureSnapshot({
          requestId: `${state.caseId}:snapshot:intake`,
          caseId: state.caseId,
          ...(detection.url ? { url: detection.url } : {}),
          ...(text ? { text } : {}),
        });
      }),
    );
  }
  // One-task intake: the claim too, so every result is in by the snapshot's workflow task.
  let claimMatch: Promise<ClaimMatch | null> = Promise.resolve(null);
  if (ctx.oneTaskIntake && text) claimMatch = matchAndIndexAtIntake(ctx, text);
  await Promise.all([...steps, claimMatch]);
  if (!classifiable)
    ctx.record('classified', { code: 'not_classified_hash_only', params: {} }, { source: 'classifier' });
  applyClassification(ctx, detection, classification);
  if (snapshot) {
    state.evidence.push(snapshot);
    recordSnapshot(ctx, snapshot);
  }
  if (ctx.oneTaskIntake) {
    linkClaim(ctx, await claimMatch);
    enterVerification(ctx, detection, announcedAtOnce(ctx.policy, state.category));
    return;
  }
  if (ctx.learns && text) await linkClaimAtIntake(ctx, text);
  enterVerification(ctx, detection);
}
