import { ApplicationFailure, CancellationScope, condition } from '@temporalio/workflow';
import type { Classification, Detection } from '../../domain';
import { caseActivities } from '../activity-stubs';
import { linkClaimAtIntake } from './claims';
import type { CaseContext } from './context';
import {
  applyClassification,
  attempt,
  enterVerification,
  EXCERPT_CHARS,
  recordSnapshot,
} from './intake-steps';
import { leanIntake } from './lean-intake';

/**
 * Intake: the first detection (delivered with signalWithStart) is classified, prioritised by the
 * policy and its content captured as evidence; then the case waits for verification.
 * Order matters for replay: classify, then capture, then notify.
 *
 * Intake never fails a case, whatever an activity does: a detection with nothing to classify (a bare
 * content hash) or an activity that fails for good is recorded and the case goes on to a verifier,
 * who decides. Histories from before the issue-9 patch replay `legacyIntake`.
 */
export async function runIntake(ctx: CaseContext): Promise<void> {
  if (!(await condition(() => ctx.firstDetection !== undefined, '1 hour'))) {
    throw ApplicationFailure.create({
      type: 'NO_DETECTION',
      message: 'a case starts with a detection signal (use submitDetection / signalWithStart)',
      nonRetryable: true,
    });
  }
  const detection = ctx.firstDetection!;
  if (!ctx.v2) return legacyIntake(ctx, detection);
  const { state } = ctx;
  const text = ctx.firstText ?? detection.text;
  if (ctx.lean) return leanIntake(ctx, detection, text);

  if (text && text.length > EXCERPT_CHARS) {
    // The full text lives in S3; the state keeps the excerpt and the reference with its digest.
    await attempt(ctx, 'detection_text', async () => {
      state.subject.text = await caseActivities.storeCaseText({
        requestId: `${state.caseId}:detection-text`,
        caseId: state.caseId,
        kind: 'detection_text',
        text,
      });
    });
  }

  let classification: Classification | undefined;
  if (text || detection.url) {
    await attempt(ctx, 'classification', async () => {
      classification = await caseActivities.classifyContent({
        caseId: state.caseId,
        ...(text ? { text } : {}),
        ...(detection.url ? { url: detection.url } : {}),
      });
    });
  } else {
    ctx.record('classified', { code: 'not_classified_hash_only', params: {} }, { source: 'classifier' });
  }
  applyClassification(ctx, detection, classification);

  if (text || detection.url) {
    await attempt(ctx, 'snapshot', async () => {
      const snapshot = await ctx.fetching.captureSnapshot({
        requestId: `${state.caseId}:snapshot:intake`,
        caseId: state.caseId,
        ...(detection.url ? { url: detection.url } : {}),
        ...(text ? { text } : {}),
      });
      state.evidence.push(snapshot);
      recordSnapshot(ctx, snapshot);
    });
  }
  if (ctx.learns && text) await linkClaimAtIntake(ctx, text);
  enterVerification(ctx, detection);
}

/** Intake as it ran before the issue-9 patch (kept for the replay of older histories). */
async function legacyIntake(ctx: CaseContext, detection: Detection): Promise<void> {
  const { state } = ctx;
  const classification = await caseActivities.classifyContent({
    caseId: state.caseId,
    ...(detection.text ? { text: detection.text } : {}),
    ...(detection.url ? { url: detection.url } : {}),
  });
  applyClassification(ctx, detection, classification);

  try {
    const snapshot = await ctx.fetching.captureSnapshot({
      requestId: `${state.caseId}:snapshot:intake`,
      caseId: state.caseId,
      ...(detection.url ? { url: detection.url } : {}),
      ...(detection.text ? { text: detection.text } : {}),
    });
    state.evidence.push(snapshot);
    recordSnapshot(ctx, snapshot);
  } catch (error) {
    if (CancellationScope.current().consideredCancelled) throw error;
    // Verification can go on without a snapshot; the officer can attach evidence.
    ctx.record(
      'evidence_captured',
      { code: 'snapshot_failed', params: { error: String(error) } },
      { source: 'evidence' },
    );
  }
  enterVerification(ctx, detection);
}
