import { condition, setHandler, sleep } from '@temporalio/workflow';
import { ESCALATION_LEVELS, TakedownChildInput, durationMs, type EscalationLevel, type TakedownOutcome, type TimelineAction } from '../../domain';
import { caseActivities } from '../activity-stubs';
import { newDeadline, watchDeadline } from '../sla';
import { childStatusQuery, objectionDecisionSignal, type ObjectionDecision, type TakedownPatch } from '../internal-messages';
import { CaseReporter } from './case-reporter';

type Waited = 'removed' | 'upheld' | 'time';

/**
 * One takedown on one platform (Permenkominfo 5/2020, SAMAN ladder): request it, poll the ticket
 * until the policy deadline (24 h, 4 h when urgent), confirm with a liveness check that the content
 * is really gone, and when it is not, send ST1, ST2 and ST3 at the policy's times, ST3 with a
 * blocklist recommendation for the domain. A platform objection pauses the ladder until a supervisor
 * upholds it (the takedown ends) or rejects it (the ladder goes on).
 */
export async function PlatformTakedownWorkflow(rawInput: TakedownChildInput): Promise<TakedownOutcome> {
  const input = TakedownChildInput.parse(rawInput);
  const { caseId, key, attempt, platform, url, policy, priority, category } = input;
  const reporter = new CaseReporter(caseId);
  const source = `platform:${platform}`;
  const requestId = `${caseId}:takedown:${key}:a${attempt}`;
  let status = 'requesting';
  let decision: ObjectionDecision | undefined;
  setHandler(objectionDecisionSignal, (received) => {
    decision ??= received;
  });
  setHandler(childStatusQuery, () => ({ status, deadlines: reporter.deadlines }));
  const emit = (patch: TakedownPatch, action: TimelineAction, summary: string) => {
    if (patch.status) status = patch.status;
    return reporter.send({ type: 'takedown', key, attempt, patch, action, summary, source });
  };

  const compliance = newDeadline({
    id: `takedown_compliance:${key}:a${attempt}`,
    sla: 'takedown_compliance',
    label: `takedown on ${platform} (${key})`,
    priority,
    policy,
  });
  const receipt = await caseActivities.requestTakedown({
    requestId,
    caseId,
    platform,
    url,
    category,
    urgent: priority === 'urgent',
    deadline: compliance.dueAt,
    evidence: input.evidence,
  });
  await emit(
    { status: 'awaiting_compliance', ticketId: receipt.ticketId, complianceDueAt: compliance.dueAt },
    'takedown_requested',
    `takedown requested from ${platform} (ticket ${receipt.ticketId}), due ${compliance.dueAt}`,
  );

  let removed = false;
  let objection: string | undefined;
  let objectionRejected = false;
  let reportedStillUp = false;
  const watch = watchDeadline(compliance, { reminders: policy.reminders, isMet: () => removed, reporter });

  const handleObjection = async (reason: string): Promise<'upheld' | 'rejected'> => {
    objection = reason;
    await emit({ status: 'objected', objection: { reason, at: new Date(Date.now()).toISOString() } }, 'platform_objected', `${platform} objected: ${reason}`);
    void reporter.notify({
      requestId: `${requestId}:objection`,
      audience: 'supervisors',
      kind: 'approval_needed',
      subject: `${platform} objects to the takedown in ${caseId}`,
      body: `Objection: ${reason}. Uphold it (stop this takedown) or reject it (escalation continues).`,
    });
    const review = newDeadline({ id: `objection_review:${key}:a${attempt}`, sla: 'objection_review', label: `objection of ${platform} (${key})`, priority, policy });
    const reviewWatch = watchDeadline(review, { reminders: policy.reminders, isMet: () => decision !== undefined, reporter });
    await condition(() => decision !== undefined);
    await reviewWatch.done;
    if (decision!.decision === 'uphold') return 'upheld';
    objectionRejected = true;
    status = 'escalating';
    return 'rejected';
  };

  /** Polls the ticket until `untilMs`; stops early when the content is confirmed gone or an objection is upheld. */
  const pollUntil = async (untilMs: number): Promise<Waited> => {
    for (;;) {
      const remaining = untilMs - Date.now();
      if (remaining <= 0) return 'time';
      await sleep(Math.min(durationMs(policy.takedown.statusPollInterval), remaining));
      const ticket = await caseActivities.checkTakedownStatus({ platform, ticketId: receipt.ticketId });
      if (ticket.status === 'removed') {
        const liveness = await caseActivities.checkLiveness({ url, platform });
        if (liveness.state === 'gone') {
          removed = true;
          await emit({ status: 'removed' }, 'takedown_removed', `${platform} removed the content: ${url} is gone (${liveness.reason})`);
          return 'removed';
        }
        if (liveness.state === 'up' && !reportedStillUp) {
          reportedStillUp = true;
          await emit({}, 'takedown_checked', `${platform} reports the content removed but ${url} is still reachable (${liveness.reason})`);
        }
      } else if (ticket.status === 'objected' && !objectionRejected && objection === undefined) {
        if ((await handleObjection(ticket.reason ?? 'no reason given')) === 'upheld') return 'upheld';
      }
    }
  };

  let waited = await pollUntil(Date.parse(compliance.dueAt));
  let level: EscalationLevel | undefined;
  let blocklistRecommendationId: string | undefined;
  let checkpoint = Date.parse(compliance.dueAt);
  for (const step of ESCALATION_LEVELS) {
    if (waited !== 'time') break;
    checkpoint += durationMs(policy.escalationLadder[step]);
    waited = await pollUntil(checkpoint);
    if (waited !== 'time') break;
    level = step;
    const letter = await caseActivities.sendWarningLetter({ requestId: `${requestId}:${step}`, caseId, platform, ticketId: receipt.ticketId, level: step, url });
    await emit({ status: 'escalating', level: step }, 'takedown_escalated', `${step} sent to ${platform} (letter ${letter.letterId})`);
    void reporter.notify({
      requestId: `${requestId}:${step}:notice`,
      audience: 'supervisors',
      kind: 'escalation',
      subject: `${step} sent to ${platform} for ${caseId}`,
      body: `${platform} has not removed ${url} (ticket ${receipt.ticketId}); ${step} was sent.`,
    });
    if (step === 'ST3') {
      const domain = new URL(url).hostname;
      const recommendation = await caseActivities.recommendBlocklist({
        requestId: `${requestId}:blocklist`,
        caseId,
        domain,
        url,
        category,
        reason: `${platform} did not comply with takedown ticket ${receipt.ticketId} through ST1, ST2 and ST3`,
      });
      blocklistRecommendationId = recommendation.recommendationId;
      await emit(
        { status: 'blocklist_recommended', blocklistRecommendationId },
        'blocklist_recommended',
        `${domain} recommended for the national blocklist (${recommendation.recommendationId})`,
      );
    }
  }

  if (removed) await watch.done;
  else await watch.stop();
  const result: TakedownOutcome['result'] = removed ? 'removed' : waited === 'upheld' ? 'objection_upheld' : 'blocklist_recommended';
  status = result;
  await reporter.notifier.settled();
  return {
    platform,
    url,
    result,
    ...(level ? { level } : {}),
    ticketId: receipt.ticketId,
    ...(objection ? { objection } : {}),
    ...(blocklistRecommendationId ? { blocklistRecommendationId } : {}),
    finishedAt: new Date(Date.now()).toISOString(),
  };
}
