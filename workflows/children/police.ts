import { condition, setHandler } from '@temporalio/workflow';
import { PoliceChildInput, type Actor } from '../../domain';
import { caseActivities } from '../activity-stubs';
import { newDeadline, watchDeadline } from '../sla';
import { childStatusQuery, policeAcknowledgedSignal, policeReportSignal } from '../internal-messages';
import { CaseReporter } from './case-reporter';

export interface PoliceEscalationResult {
  referenceId: string;
  acknowledgedBy: Actor;
  reportNumber: string;
  reportedBy: Actor;
}

/**
 * Escalation to the police (Humas Polda / Ditressiber): deliver the evidence package, then wait for
 * the liaison's acknowledgment and the police report number, each under its SLA (reminders to the
 * police liaison, escalation to the supervisors at breach). The officer steps arrive from the case.
 */
export async function PoliceEscalationWorkflow(rawInput: PoliceChildInput): Promise<PoliceEscalationResult> {
  const input = PoliceChildInput.parse(rawInput);
  const { caseId, policy, priority } = input;
  const reporter = new CaseReporter(caseId);
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

  const receipt = await caseActivities.deliverPolicePackage({
    requestId: `${caseId}:police:package`,
    caseId,
    category: input.category,
    summary: input.summary,
    urls: input.urls,
    evidence: input.evidence,
  });
  status = 'awaiting_acknowledgment';
  await reporter.send({
    type: 'police',
    patch: { status: 'awaiting_acknowledgment', referenceId: receipt.referenceId },
    action: 'police_package_delivered',
    summary: `evidence package delivered to the police (reference ${receipt.referenceId})`,
    source: 'police',
  });
  void reporter.notify({
    requestId: `${caseId}:police:package:notice`,
    audience: 'police_liaison',
    kind: 'assignment',
    subject: `Evidence package ${receipt.referenceId} for ${caseId}`,
    body: `A ${input.category} case was escalated to the police. Acknowledge it, then record the police report number.`,
  });

  const ackDeadline = newDeadline({ id: 'police_acknowledgment', sla: 'police_acknowledgment', label: 'police acknowledgment', priority, policy });
  const ackWatch = watchDeadline(ackDeadline, { reminders: policy.reminders, isMet: () => acknowledged !== undefined, reporter });
  await condition(() => acknowledged !== undefined);
  await ackWatch.done;
  status = 'awaiting_report';

  const reportDeadline = newDeadline({ id: 'police_report', sla: 'police_report', label: 'police report number', priority, policy });
  const reportWatch = watchDeadline(reportDeadline, { reminders: policy.reminders, isMet: () => report !== undefined, reporter });
  await condition(() => report !== undefined);
  await reportWatch.done;
  status = 'reported';
  await reporter.notifier.settled();

  return { referenceId: receipt.referenceId, acknowledgedBy: acknowledged!.by, reportNumber: report!.number, reportedBy: report!.by };
}
