import {
  ApplicationFailure,
  condition,
  isCancellation,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { PoliceChildInput, type Actor } from '../../domain';
import { deliverPolicePackage } from './police-delivery';
import { newDeadline, watchDeadline } from '../sla';
import { childStatusQuery, policeAcknowledgedSignal, policeReportSignal } from '../internal-messages';
import { CaseReporter } from './case-reporter';
import { untilCaseGone } from './case-gone';
import { askPolicePatches, EVERY_POLICE_PATCH, type PolicePatches } from './child-patches';
import { tellPoliceEscalationEnded, type PoliceProgress } from './police-withdrawal';

export interface PoliceEscalationResult {
  referenceId: string;
  acknowledgedBy: Actor;
  reportNumber: string;
  reportedBy: Actor;
}

/** The police child ended because its case had closed (case-gone patch): nobody can record the report any more. */
export interface PoliceEscalationWithoutCase {
  endedWithoutCase: string;
}

/**
 * Escalation to the police (Humas Polda / Ditressiber): deliver the evidence package, then wait for
 * the liaison's acknowledgment and the police report number, each under its SLA (reminders to the
 * police liaison, escalation to the supervisors at breach). The officer steps arrive from the case.
 */
export async function PoliceEscalationWorkflow(
  rawInput: PoliceChildInput,
): Promise<PoliceEscalationResult | PoliceEscalationWithoutCase> {
  return runPoliceEscalation(rawInput, askPolicePatches());
}

/** The police child of a ContentCaseWorkflowV2 case: the same code, every patch followed, none asked. */
export async function PoliceEscalationWorkflowV2(
  rawInput: PoliceChildInput,
): Promise<PoliceEscalationResult | PoliceEscalationWithoutCase> {
  return runPoliceEscalation(rawInput, EVERY_POLICE_PATCH);
}

async function runPoliceEscalation(
  rawInput: PoliceChildInput,
  patches: PolicePatches,
): Promise<PoliceEscalationResult | PoliceEscalationWithoutCase> {
  const { v2, codedTimeline, v3 } = patches;
  const parsed = PoliceChildInput.safeParse(rawInput);
  if (!parsed.success) {
    throw ApplicationFailure.create({
      type: 'INVALID_CHILD_INPUT',
      nonRetryable: true,
      message: `${workflowInfo().workflowType} input is invalid: ${parsed.error.message.slice(0, 500)}; it is started by its case only`,
    });
  }
  const reporter = new CaseReporter(parsed.data.caseId, codedTimeline, v3, patches.notificationsFinish);
  const progress: PoliceProgress = {};
  if (!v2) return escalate(parsed.data, reporter, progress, patches);
  try {
    if (!v3) return await escalate(parsed.data, reporter, progress, patches);
    const ran = await untilCaseGone(reporter, () => escalate(parsed.data, reporter, progress, patches));
    if (ran.ended === 'done') return ran.value;
    // Acknowledgment and report number reach this child through its case only: without it, nothing can come.
    const why = reporter.caseGone?.reason ?? 'the case has closed';
    log.warn('police escalation ends without its case', { caseId: parsed.data.caseId, why });
    reporter.closeOpenDeadlines();
    setHandler(childStatusQuery, () => ({ status: `cancelled: ${why}`, deadlines: reporter.deadlines }));
    await tellPoliceEscalationEnded(parsed.data, reporter, progress, `The case ended: ${why}`, patches);
    await reporter.notifier.settled();
    return { endedWithoutCase: why };
  } catch (error) {
    if (isCancellation(error))
      await tellPoliceEscalationEnded(
        parsed.data,
        reporter,
        progress,
        'The case was withdrawn or closed',
        patches,
      );
    // The case may have continued as new and no longer awaits this child's result: it hears of the failure here.
    if (!isCancellation(error)) {
      await reporter.send({
        type: 'police',
        patch: { status: 'failed' },
        action: 'track_failed',
        ...reporter.says({
          code: 'police_escalation_failed',
          params: { error: error instanceof Error ? error.message : String(error) },
        }),
        source: 'police',
      });
    }
    throw error;
  }
}

async function escalate(
  input: PoliceChildInput,
  reporter: CaseReporter,
  progress: PoliceProgress,
  patches: PolicePatches,
): Promise<PoliceEscalationResult> {
  const { caseId, policy, priority } = input;
  let status = 'delivering';
  let acknowledged: { by: Actor; at: string } | undefined;
  let report: { number: string; by: Actor; at: string } | undefined;
  setHandler(policeAcknowledgedSignal, (received) => {
    acknowledged ??= received;
  });
  setHandler(policeReportSignal, (received) => {
    report ??= received;
  });
  setHandler(childStatusQuery, () => ({ status, deadlines: reporter.deadlines }));

  const receipt = await deliverPolicePackage(input, reporter, patches);
  progress.referenceId = receipt.referenceId;
  status = 'awaiting_acknowledgment';
  await reporter.send({
    type: 'police',
    patch: { status: 'awaiting_acknowledgment', referenceId: receipt.referenceId },
    action: 'police_package_delivered',
    ...reporter.says({ code: 'police_package_delivered', params: { referenceId: receipt.referenceId } }),
    source: 'police',
  });
  void reporter.notify({
    requestId: `${caseId}:police:package:notice`,
    audience: 'police_liaison',
    kind: 'assignment',
    subject: `Evidence package ${receipt.referenceId} for ${caseId}`,
    body: `A ${input.category} case was escalated to the police. Acknowledge it, then record the police report number.`,
  });

  const ackDeadline = newDeadline({
    id: 'police_acknowledgment',
    sla: 'police_acknowledgment',
    label: 'police acknowledgment',
    priority,
    policy,
  });
  const ackWatch = watchDeadline(ackDeadline, {
    reminders: policy.reminders,
    isMet: () => acknowledged !== undefined,
    reporter,
  });
  await condition(() => acknowledged !== undefined);
  await ackWatch.done;
  status = 'awaiting_report';

  const reportDeadline = newDeadline({
    id: 'police_report',
    sla: 'police_report',
    label: 'police report number',
    priority,
    policy,
  });
  const reportWatch = watchDeadline(reportDeadline, {
    reminders: policy.reminders,
    isMet: () => report !== undefined,
    reporter,
  });
  await condition(() => report !== undefined);
  await reportWatch.done;
  status = 'reported';
  await reporter.notifier.settled();

  return {
    referenceId: receipt.referenceId,
    acknowledgedBy: acknowledged!.by,
    reportNumber: report!.number,
    reportedBy: report!.by,
  };
}
