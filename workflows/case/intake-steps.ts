import { CancellationScope } from '@temporalio/workflow';
import {
  CATEGORY_LABELS,
  higherPriority,
  priorityFor,
  type Classification,
  type Detection,
  type INTAKE_STEPS,
} from '../../domain';
import type { CaseContext } from './context';

/** The steps of intake both intakes share (intake.ts, lean-intake.ts). */

export const EXCERPT_CHARS = 280;

export type IntakeStep = (typeof INTAKE_STEPS)[number];

export function recordSnapshot(ctx: CaseContext, snapshot: { key: string; sha256: string }): void {
  ctx.record(
    'evidence_captured',
    { code: 'evidence_captured', params: { key: snapshot.key, sha256: snapshot.sha256 } },
    { source: 'evidence' },
  );
}

/** Runs one intake step; a failure (not a cancellation) is put on the timeline and intake goes on. */
export async function attempt(ctx: CaseContext, what: IntakeStep, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (CancellationScope.current().consideredCancelled) throw error;
    ctx.record(
      what === 'classification' ? 'classified' : 'evidence_captured',
      {
        code: 'intake_step_failed',
        params: { step: what, error: error instanceof Error ? error.message : String(error) },
      },
      {
        source: what === 'classification' ? 'classifier' : 'evidence',
      },
    );
  }
}

export function applyClassification(
  ctx: CaseContext,
  detection: Detection,
  classification: Classification | undefined,
): void {
  const { state, policy } = ctx;
  if (classification) state.classification = classification;
  const category = classification?.category ?? detection.suggestedCategory;
  if (category) state.category = category;
  state.priority = higherPriority(
    priorityFor(policy, category, classification?.suggestedPriority),
    priorityFor(policy, detection.suggestedCategory, undefined),
  );
  if (classification) {
    ctx.record(
      'classified',
      {
        code: 'classified',
        params: {
          ...(category ? { category } : {}),
          confidence: classification.confidence,
          rules: classification.rules,
          priority: state.priority,
        },
      },
      { source: 'classifier' },
    );
  }
}

/** The case waits for a verifier; `announce`: the unit hears of it now (otherwise in the next digest). */
export function enterVerification(ctx: CaseContext, detection: Detection, announce = true): void {
  const { state } = ctx;
  ctx.setStage('verification');
  if (!announce) return;
  void ctx.notify({
    requestId: `${state.caseId}:new-case`,
    audience: 'rapid_response_unit',
    kind: 'new_case',
    subject: `[${state.priority}] New case ${state.caseId}: ${state.category ? CATEGORY_LABELS[state.category] : 'uncategorised'}`,
    body: `${state.subject.url ?? state.subject.textExcerpt ?? 'content'} reported by ${detection.source}. Verify and give a verdict.`,
  });
}
