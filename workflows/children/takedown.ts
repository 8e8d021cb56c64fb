import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import {
  ESCALATION_LEVELS,
  TakedownChildInput,
  durationMs,
  type EscalationLevel,
  type TakedownOutcome,
  type PLATFORM_STEPS,
  type TimelineAction,
  type TimelineMessage,
} from '../../domain';
import { caseActivities, pollTakedownStatus } from '../activity-stubs';
import { newDeadline, watchDeadline } from '../sla';
import {
  childStatusQuery,
  objectionDecisionSignal,
  type ObjectionDecision,
  type TakedownPatch,
} from '../internal-messages';
import { CaseReporter } from './case-reporter';
import { errorMessage, untilThroughOutage } from './outage';
import { untilCaseGone } from './case-gone';
import { askTakedownPatches, EVERY_TAKEDOWN_PATCH, type TakedownPatches } from './child-patches';
import { fetchingActivities, type FetchingActivities } from '../fetching-activities';

type PlatformStep = (typeof PLATFORM_STEPS)[number];

type Waited = 'removed' | 'upheld' | 'time';

/**
 * One takedown on one platform (Permenkominfo 5/2020, SAMAN ladder): request it, poll the ticket
 * until the policy deadline (24 h, 4 h when urgent), confirm with a liveness check that the content
 * is really gone, and when it is not, send ST1, ST2 and ST3 at the policy's times, ST3 with a
 * blocklist recommendation for the domain. A platform objection pauses the ladder until a supervisor
 * upholds it (the takedown ends) or rejects it (the ladder goes on).
 *
 * With the issue-9 patch: after a rejected objection the ladder starts again from the decision (the
 * next step one policy interval after it, never all at once); a poll that fails through a platform
 * outage is a missed poll, not the end of the takedown; a cancelled takedown (withdrawal, closed case)
 * tells the platform; and the child reports its end to the case, which may have continued as new.
 */
export async function PlatformTakedownWorkflow(rawInput: TakedownChildInput): Promise<TakedownOutcome> {
  return runPlatformTakedown(rawInput, askTakedownPatches());
}

/** The takedown child of a ContentCaseWorkflowV2 case: the same code, every patch followed, none asked. */
export async function PlatformTakedownWorkflowV2(rawInput: TakedownChildInput): Promise<TakedownOutcome> {
  return runPlatformTakedown(rawInput, EVERY_TAKEDOWN_PATCH);
}

async function runPlatformTakedown(
  rawInput: TakedownChildInput,
  patches: TakedownPatches,
): Promise<TakedownOutcome> {
  const { v2, v3, codedTimeline, v4, v5 } = patches;
  const fetching = fetchingActivities(patches.onFetcherQueue);
  const parsed = TakedownChildInput.safeParse(rawInput);
  if (!parsed.success) {
    throw ApplicationFailure.create({
      type: 'INVALID_CHILD_INPUT',
      nonRetryable: true,
      message: `${workflowInfo().workflowType} input is invalid: ${parsed.error.message.slice(0, 500)}; it is started by its case only`,
    });
  }
  const input = parsed.data;
  if (!v2) return runTakedown(input, { v2: false, v3: false, v4: false, fetching });
  const reporter = new CaseReporter(input.caseId, codedTimeline, v5, patches.notificationsFinish);
  const ticket: { id?: string } = {};
  try {
    const run = () => runTakedown(input, { v2: true, v3, v4, fetching }, reporter, ticket);
    if (v5) {
      const ran = await untilCaseGone(reporter, run);
      if (ran.ended === 'case_gone') return endWithoutCase(input, reporter, ticket.id);
      await reporter.send({
        type: 'takedown_finished',
        key: input.key,
        attempt: input.attempt,
        outcome: ran.value,
      });
      return ran.value;
    }
    const outcome = await run();
    await reporter.send({ type: 'takedown_finished', key: input.key, attempt: input.attempt, outcome });
    return outcome;
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(async () => {
        if (ticket.id) await tellPlatformWithdrawn(input, ticket.id, reporter, v5);
        // The closing case waits for this report (closes-children patch), so it never races the case's completion.
        if (v3)
          await reporter
            .send({
              type: 'takedown_finished',
              key: input.key,
              attempt: input.attempt,
              outcome: {
                platform: input.platform,
                url: input.url,
                result: 'cancelled',
                ...(ticket.id ? { ticketId: ticket.id } : {}),
                finishedAt: new Date(Date.now()).toISOString(),
              },
            })
            .catch((sendError: unknown) =>
              log.info('case not told of the cancelled takedown', {
                caseId: input.caseId,
                error: String(sendError),
              }),
            );
      });
      throw error;
    }
    const outcome: TakedownOutcome = {
      platform: input.platform,
      url: input.url,
      result: 'failed',
      finishedAt: new Date(Date.now()).toISOString(),
    };
    await reporter.send({ type: 'takedown_finished', key: input.key, attempt: input.attempt, outcome });
    throw error;
  }
}

/**
 * The case closed without cancelling this takedown (it was terminated, or stopped waiting for it): the
 * platform is told the request is withdrawn, as a cancelled takedown would, the child's deadlines
 * close as cancelled, and the child completes with a cancelled outcome; its status query says why.
 */
async function endWithoutCase(
  input: TakedownChildInput,
  reporter: CaseReporter,
  ticketId: string | undefined,
): Promise<TakedownOutcome> {
  const why = reporter.caseGone?.reason ?? 'the case has closed';
  log.warn('takedown ends without its case', { caseId: input.caseId, key: input.key, why });
  reporter.closeOpenDeadlines();
  if (ticketId) await tellPlatformWithdrawn(input, ticketId, reporter, true);
  setHandler(childStatusQuery, () => ({ status: `cancelled: ${why}`, deadlines: reporter.deadlines }));
  await reporter.notifier.settled();
  return {
    platform: input.platform,
    url: input.url,
    result: 'cancelled',
    ...(ticketId ? { ticketId } : {}),
    finishedAt: new Date(Date.now()).toISOString(),
  };
}

/** A withdrawn (or closed) case no longer asks for the takedown: the platform is told, once per requestId. */
async function tellPlatformWithdrawn(
  input: TakedownChildInput,
  ticketId: string,
  reporter: CaseReporter,
  endReportFollows = false,
): Promise<void> {
  const requestId = `${input.caseId}:takedown:${input.key}:a${input.attempt}`;
  await caseActivities.withdrawTakedown({
    requestId: `${requestId}:withdrawal`,
    caseId: input.caseId,
    platform: input.platform,
    ticketId,
    reason: 'the case no longer asks for this takedown (withdrawn or closed)',
  });
  // The case may already have closed (it does not wait for its children's cancellation).
  await reporter
    .send({
      type: 'takedown',
      key: input.key,
      attempt: input.attempt,
      patch: { status: 'cancelled' },
      action: 'takedown_withdrawn',
      ...reporter.says({ code: 'takedown_withdrawn', params: { platform: input.platform, ticketId } }),
      source: `platform:${input.platform}`,
      ...(endReportFollows ? { endReportFollows } : {}),
    })
    .catch((error: unknown) =>
      log.info('case not told of the withdrawal', { caseId: input.caseId, error: String(error) }),
    );
}

async function runTakedown(
  input: TakedownChildInput,
  { v2, v3, v4, fetching }: { v2: boolean; v3: boolean; v4: boolean; fetching: FetchingActivities },
  sharedReporter?: CaseReporter,
  ticket: { id?: string } = {},
): Promise<TakedownOutcome> {
  const { caseId, key, attempt, platform, url, policy, priority, category } = input;
  const reporter = sharedReporter ?? new CaseReporter(caseId);
  const source = `platform:${platform}`;
  const requestId = `${caseId}:takedown:${key}:a${attempt}`;
  let status = 'requesting';
  let decision: ObjectionDecision | undefined;
  /** When a supervisor rejected the platform's objection: the ladder restarts from here (issue-9 patch). */
  let rejectedAtMs: number | undefined;
  setHandler(objectionDecisionSignal, (received) => {
    decision ??= received;
  });
  setHandler(childStatusQuery, () => ({ status, deadlines: reporter.deadlines }));
  const emit = (patch: TakedownPatch, action: TimelineAction, message: TimelineMessage) => {
    if (patch.status) status = patch.status;
    return reporter.send({
      type: 'takedown',
      key,
      attempt,
      patch,
      action,
      ...reporter.says(message),
      source,
    });
  };

  const compliance = newDeadline({
    id: `takedown_compliance:${key}:a${attempt}`,
    sla: 'takedown_compliance',
    label: `takedown on ${platform} (${key})`,
    priority,
    policy,
  });
  /**
   * A platform call that must happen however long the platform is down (takedown-finish patch): the
   * first pause is one poll interval. A refusal no retry can fix still fails the takedown.
   */
  const untilAnswered = <T>(what: PlatformStep, call: () => Promise<T>): Promise<T> =>
    untilThroughOutage(call, {
      what: 'platform step',
      logContext: { caseId, what },
      waitsOut: () => v3,
      firstPauseMs: durationMs(policy.takedown.statusPollInterval),
      onFirstMiss: (error) =>
        emit({}, 'takedown_checked', {
          code: 'platform_step_late',
          params: { platform, step: what, error: errorMessage(error) },
        }),
      onAnsweredLate: (missed) =>
        emit({}, 'takedown_checked', {
          code: 'platform_answers_again',
          params: { platform, step: what, late: missed },
        }),
    });

  const receipt = await untilAnswered('takedown_request', () =>
    caseActivities.requestTakedown({
      requestId,
      caseId,
      platform,
      url,
      category,
      urgent: priority === 'urgent',
      deadline: compliance.dueAt,
      evidence: input.evidence,
    }),
  );
  ticket.id = receipt.ticketId;
  await emit(
    { status: 'awaiting_compliance', ticketId: receipt.ticketId, complianceDueAt: compliance.dueAt },
    'takedown_requested',
    { code: 'takedown_requested', params: { platform, ticketId: receipt.ticketId, dueAt: compliance.dueAt } },
  );

  let removed = false;
  let objection: string | undefined;
  let objectionRejected = false;
  let reportedStillUp = false;
  const watch = watchDeadline(compliance, { reminders: policy.reminders, isMet: () => removed, reporter });

  const handleObjection = async (reason: string): Promise<'upheld' | 'rejected'> => {
    objection = reason;
    await emit(
      { status: 'objected', objection: { reason, at: new Date(Date.now()).toISOString() } },
      'platform_objected',
      { code: 'platform_objected', params: { platform, reason } },
    );
    void reporter.notify({
      requestId: `${requestId}:objection`,
      audience: 'supervisors',
      kind: 'approval_needed',
      subject: `${platform} objects to the takedown in ${caseId}`,
      body: `Objection: ${reason}. Uphold it (stop this takedown) or reject it (escalation continues).`,
    });
    const review = newDeadline({
      id: `objection_review:${key}:a${attempt}`,
      sla: 'objection_review',
      label: `objection of ${platform} (${key})`,
      priority,
      policy,
    });
    const reviewWatch = watchDeadline(review, {
      reminders: policy.reminders,
      isMet: () => decision !== undefined,
      reporter,
    });
    await condition(() => decision !== undefined);
    await reviewWatch.done;
    if (decision!.decision === 'uphold') return 'upheld';
    objectionRejected = true;
    rejectedAtMs = Date.now();
    status = 'escalating';
    return 'rejected';
  };

  /** Polls the ticket until `untilMs` (read again after every poll: a rejected objection moves it); stops early when the content is confirmed gone or an objection is upheld. */
  const pollUntil = async (untilMs: () => number): Promise<Waited> => {
    for (;;) {
      const remaining = untilMs() - Date.now();
      if (remaining <= 0) return 'time';
      await sleep(Math.min(durationMs(policy.takedown.statusPollInterval), remaining));
      const ticket = v2
        ? await pollSurvivingOutage()
        : await caseActivities.checkTakedownStatus({ platform, ticketId: receipt.ticketId });
      if (!ticket) continue;
      if (ticket.status === 'removed') {
        // With the liveness patch an outage of the check makes it late (same treatment as the ladder steps).
        const liveness = v4
          ? await untilAnswered('liveness_check', () => fetching.checkLiveness({ url, platform }))
          : await fetching.checkLiveness({ url, platform });
        if (liveness.state === 'gone') {
          removed = true;
          await emit({ status: 'removed' }, 'takedown_removed', {
            code: 'takedown_removed',
            params: { platform, url, reason: liveness.reason },
          });
          return 'removed';
        }
        if (liveness.state === 'up' && !reportedStillUp) {
          reportedStillUp = true;
          await emit({}, 'takedown_checked', {
            code: 'takedown_still_reachable',
            params: { platform, url, reason: liveness.reason },
          });
        }
      } else if (ticket.status === 'objected' && !objectionRejected && objection === undefined) {
        if ((await handleObjection(ticket.reason ?? 'no reason given')) === 'upheld') return 'upheld';
      }
    }
  };

  let missedPolls = 0;
  /** One poll; through a platform outage (the activity's retries used up) it is a missed poll, recorded once per outage. */
  const pollSurvivingOutage = async () => {
    try {
      const ticket = await pollTakedownStatus({ platform, ticketId: receipt.ticketId });
      if (missedPolls > 0)
        await emit({}, 'takedown_checked', {
          code: 'polls_resumed',
          params: { platform, missed: missedPolls },
        });
      missedPolls = 0;
      return ticket;
    } catch (error) {
      if (isCancellation(error)) throw error;
      missedPolls += 1;
      log.warn('takedown status poll failed', { caseId, ticketId: receipt.ticketId, error: String(error) });
      if (missedPolls === 1)
        await emit({}, 'takedown_checked', {
          code: 'poll_failed',
          params: { platform, error: error instanceof Error ? error.message : String(error) },
        });
      return undefined;
    }
  };

  // Before the patch the ladder was anchored to the compliance deadline only; with it, each step is
  // due one policy interval after the later of the previous step and a rejected objection.
  const anchored = (baseMs: number) =>
    v2 && rejectedAtMs !== undefined ? Math.max(baseMs, rejectedAtMs) : baseMs;
  let waited = await pollUntil(() => anchored(Date.parse(compliance.dueAt)));
  let level: EscalationLevel | undefined;
  let blocklistRecommendationId: string | undefined;
  let checkpoint = Date.parse(compliance.dueAt);
  for (const step of ESCALATION_LEVELS) {
    if (waited !== 'time') break;
    const base = checkpoint;
    waited = await pollUntil(() => anchored(base) + durationMs(policy.escalationLadder[step]));
    checkpoint = v2 ? Math.max(Date.now(), base) : base + durationMs(policy.escalationLadder[step]);
    if (waited !== 'time') break;
    level = step;
    const letter = await untilAnswered(step, () =>
      caseActivities.sendWarningLetter({
        requestId: `${requestId}:${step}`,
        caseId,
        platform,
        ticketId: receipt.ticketId,
        level: step,
        url,
      }),
    );
    // A step sent late (platform outage) is the anchor of the next one.
    if (v3) checkpoint = Math.max(checkpoint, Date.now());
    await emit({ status: 'escalating', level: step }, 'takedown_escalated', {
      code: 'takedown_escalated',
      params: { step, platform, letterId: letter.letterId },
    });
    void reporter.notify({
      requestId: `${requestId}:${step}:notice`,
      audience: 'supervisors',
      kind: 'escalation',
      subject: `${step} sent to ${platform} for ${caseId}`,
      body: `${platform} has not removed ${url} (ticket ${receipt.ticketId}); ${step} was sent.`,
    });
    if (step === 'ST3') {
      const domain = new URL(url).hostname;
      const recommendation = await untilAnswered('blocklist_recommendation', () =>
        caseActivities.recommendBlocklist({
          requestId: `${requestId}:blocklist`,
          caseId,
          domain,
          url,
          category,
          reason: `${platform} did not comply with takedown ticket ${receipt.ticketId} through ST1, ST2 and ST3`,
        }),
      );
      blocklistRecommendationId = recommendation.recommendationId;
      await emit({ status: 'blocklist_recommended', blocklistRecommendationId }, 'blocklist_recommended', {
        code: 'blocklist_recommended',
        params: { domain, recommendationId: recommendation.recommendationId },
      });
    }
  }

  if (removed) await watch.done;
  else await watch.stop();
  const result: TakedownOutcome['result'] = removed
    ? 'removed'
    : waited === 'upheld'
      ? 'objection_upheld'
      : 'blocklist_recommended';
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
