import { ApplicationFailure, CancellationScope, condition } from '@temporalio/workflow';
import { CATEGORY_LABELS, higherPriority, priorityFor } from '../../domain';
import { caseActivities } from '../activity-stubs';
import type { CaseContext } from './context';

/**
 * Intake: the first detection (delivered with signalWithStart) is classified, prioritised by the
 * policy and its content captured as evidence; then the case waits for verification.
 * Order matters for replay: classify, then capture, then notify.
 */
export async function runIntake(ctx: CaseContext): Promise<void> {
  const { state, policy } = ctx;
  if (!(await condition(() => ctx.firstDetection !== undefined, '1 hour'))) {
    throw ApplicationFailure.create({
      type: 'NO_DETECTION',
      message: 'a case starts with a detection signal (use submitDetection / signalWithStart)',
      nonRetryable: true,
    });
  }
  const detection = ctx.firstDetection!;

  const classification = await caseActivities.classifyContent({
    caseId: state.caseId,
    ...(detection.text ? { text: detection.text } : {}),
    ...(detection.url ? { url: detection.url } : {}),
  });
  state.classification = classification;
  const category = classification.category ?? detection.suggestedCategory;
  if (category) state.category = category;
  state.priority = higherPriority(
    priorityFor(policy, category, classification.suggestedPriority),
    priorityFor(policy, detection.suggestedCategory, undefined),
  );
  ctx.record(
    'classified',
    `${category ? CATEGORY_LABELS[category] : 'uncategorised'} (confidence ${classification.confidence.toFixed(2)}; rules ${classification.rules.join(', ') || 'none'}); priority ${state.priority}`,
    { source: 'classifier' },
  );

  try {
    const snapshot = await caseActivities.captureSnapshot({
      requestId: `${state.caseId}:snapshot:intake`,
      caseId: state.caseId,
      ...(detection.url ? { url: detection.url } : {}),
      ...(detection.text ? { text: detection.text } : {}),
    });
    state.evidence.push(snapshot);
    ctx.record('evidence_captured', `snapshot ${snapshot.key} sha256 ${snapshot.sha256.slice(0, 12)}...`, { source: 'evidence' });
  } catch (error) {
    if (CancellationScope.current().consideredCancelled) throw error;
    // Verification can go on without a snapshot; the officer can attach evidence.
    ctx.record('evidence_captured', `snapshot failed: ${String(error)}`, { source: 'evidence' });
  }

  ctx.setStage('verification');
  void ctx.notify({
    requestId: `${state.caseId}:new-case`,
    audience: 'rapid_response_unit',
    kind: 'new_case',
    subject: `[${state.priority}] New case ${state.caseId}: ${category ? CATEGORY_LABELS[category] : 'uncategorised'}`,
    body: `${state.subject.url ?? state.subject.textExcerpt ?? 'content'} reported by ${detection.source}. Verify and give a verdict.`,
  });
}
