import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import {
  AddNoteInput,
  CASE_UPDATE_SCHEMAS,
  Detection,
  DetectionBatch,
  NOTE_ROLES,
  checkCommand,
  describeIssues,
  openDeadlines,
  priorityFor,
  describeVerdict,
  renderTimelineMessage,
  verdictCategory,
  type CaseUpdateCommand,
  type CaseUpdateName,
  type CaseUpdateResult,
  type TimelineMessage,
} from '../../domain';
import { caseQueries, caseSignals, caseUpdates } from '../messages';
import {
  childEventSignal,
  objectionDecisionSignal,
  policeAcknowledgedSignal,
  policeReportSignal,
} from '../internal-messages';
import type { CaseContext } from './context';
import { applyChildEvent } from './child-events';
import { reuseClarification } from './claims';
import { MAX_DETECTION_IDS, MAX_DETECTION_SAMPLE, MAX_REPORTER_REFS } from './state';

/** Validates an update payload and the role/stage rules; throws the failure the caller receives. */
function validate<K extends CaseUpdateName>(ctx: CaseContext, name: K, raw: unknown): CaseUpdateCommand<K> {
  if (ctx.inFlight.has(name)) {
    throw ApplicationFailure.create({
      type: 'CONFLICT',
      message: `${name}: another ${name} on this case is still being applied; read the case again`,
      nonRetryable: true,
    });
  }
  const parsed = CASE_UPDATE_SCHEMAS[name].safeParse(raw);
  if (!parsed.success) {
    throw ApplicationFailure.create({
      type: 'INVALID_PAYLOAD',
      message: `${name}: ${describeIssues(parsed.error)}`,
      nonRetryable: true,
    });
  }
  const command = parsed.data as CaseUpdateCommand<K>;
  const violation = checkCommand(name, command, ctx.state);
  if (violation)
    throw ApplicationFailure.create({
      type: violation.code,
      message: `${name}: ${violation.message}`,
      nonRetryable: true,
    });
  return command;
}

/**
 * Registers an officer step. `apply` returns one line saying what changed; the update returns a small
 * CaseUpdateResult (never the whole state). An `apply` that awaits (a signal to a child) must do its
 * outward call before changing the state, so a failed update changes nothing; while it runs, a second
 * update of the same name is refused.
 */
function onUpdate<K extends CaseUpdateName>(
  ctx: CaseContext,
  name: K,
  apply: (command: CaseUpdateCommand<K>) => string | Promise<string>,
): void {
  // One generic registration for all updates: the payload is unknown until the validator has parsed it.
  const definition = caseUpdates[name] as unknown as UpdateDefinition<CaseUpdateResult, [unknown]>;
  const result = (changed: string): CaseUpdateResult => {
    ctx.state.revision += 1;
    ctx.changed();
    return {
      caseId: ctx.caseId,
      update: name,
      revision: ctx.state.revision,
      stage: ctx.state.stage,
      changed,
    };
  };
  setHandler(
    definition,
    async (raw) => {
      // The validator already accepted it; parsing again applies the schema's defaults.
      const command = CASE_UPDATE_SCHEMAS[name].parse(raw) as CaseUpdateCommand<K>;
      const applied = apply(command);
      const waits = typeof applied !== 'string';
      if (waits) ctx.inFlight.add(name);
      // Awaited even when `apply` is synchronous: the update completes one tick later, as histories
      // recorded before the issue-9 patch expect (their search attribute upsert comes first).
      try {
        return result(await applied);
      } finally {
        if (waits) ctx.inFlight.delete(name);
      }
    },
    { validator: (raw) => void validate(ctx, name, raw) },
  );
}

/** Counts one detection signalled to the case (alone or in a batch); a bad one is counted as rejected. */
function countDetection(ctx: CaseContext, raw: unknown): void {
  const { state } = ctx;
  const parsed = Detection.safeParse(raw);
  if (!parsed.success) {
    state.detections.rejected += 1;
    ctx.changed();
    return;
  }
  const detection = parsed.data;
  const tally = state.detections;
  if (detection.detectionId) {
    // A retried delivery of a detection already counted.
    if (tally.recentIds.includes(detection.detectionId)) {
      tally.duplicates += 1;
      ctx.changed();
      return;
    }
    tally.recentIds.push(detection.detectionId);
    if (tally.recentIds.length > MAX_DETECTION_IDS) tally.recentIds.shift();
  }
  if (tally.sample.length < MAX_DETECTION_SAMPLE) {
    tally.sample.push({
      source: detection.source,
      reportedBy: detection.reportedBy,
      observedAt: detection.observedAt,
      ...(detection.detectionId ? { detectionId: detection.detectionId } : {}),
    });
  }
  tally.count += 1;
  tally.bySource[detection.source] = (tally.bySource[detection.source] ?? 0) + 1;
  tally.firstAt ??= detection.observedAt;
  tally.lastAt = detection.observedAt;
  if (
    detection.reporterRef &&
    tally.reporterRefs.length < MAX_REPORTER_REFS &&
    !tally.reporterRefs.includes(detection.reporterRef)
  ) {
    tally.reporterRefs.push(detection.reporterRef);
  }
  const source = `${detection.source}:${detection.reportedBy}`;
  if (state.stage === 'intake' && !ctx.firstDetection) {
    ctx.firstDetection = detection;
    state.subject = {
      ...(detection.url ? { url: detection.url, host: hostOf(detection.url) } : {}),
      ...(detection.platform ? { platform: detection.platform } : {}),
      ...(detection.contentSha256 ? { contentSha256: detection.contentSha256 } : {}),
      ...(detection.text ? { textExcerpt: detection.text.slice(0, 280) } : {}),
      ...(detection.reason ? { reason: detection.reason } : {}),
      ...(detection.suggestedCategory ? { suggestedCategory: detection.suggestedCategory } : {}),
    };
    state.region = detection.region;
    ctx.record(
      'detected',
      { code: 'detected', params: { source, ...(detection.url ? { url: detection.url } : {}) } },
      { source },
    );
  } else if (state.stage === 'monitoring') {
    ctx.reuploadReported = true;
    ctx.record('reupload_reported', { code: 'reupload_reported', params: { source } }, { source });
  }
  ctx.changed();
}

export function registerCaseHandlers(ctx: CaseContext): void {
  const { state } = ctx;

  setHandler(caseQueries.state, () => state);
  setHandler(caseQueries.openDeadlines, () => openDeadlines(state));
  setHandler(caseQueries.timeline, () => state.timeline);

  setHandler(caseSignals.detection, (raw) => countDetection(ctx, raw));
  setHandler(caseSignals.detections, (raw) => {
    const batch = DetectionBatch.safeParse(raw);
    if (!batch.success) {
      state.detections.rejected += 1;
      ctx.changed();
      return;
    }
    for (const item of batch.data) countDetection(ctx, item);
  });

  setHandler(caseSignals.addNote, (raw) => {
    const parsed = AddNoteInput.safeParse(raw);
    if (!parsed.success || !NOTE_ROLES.includes(parsed.data.actor.role)) return;
    ctx.record('note', { code: 'note', params: { text: parsed.data.text } }, { actor: parsed.data.actor });
  });

  setHandler(childEventSignal, (event) => applyChildEvent(ctx, event));

  onUpdate(ctx, 'assignVerifier', ({ actor, assignee }) => {
    state.assignee = assignee;
    for (const deadline of openDeadlines(state))
      if (deadline.sla === 'verification') deadline.assignee = assignee;
    const assigned: TimelineMessage = {
      code: actor.officerId === assignee ? 'case_claimed' : 'case_assigned',
      params: { assignee },
    };
    ctx.record('assigned', assigned, { actor });
    void ctx.notify({
      requestId: `${state.caseId}:assignment:${state.timeline.length}`,
      audience: 'rapid_response_unit',
      officerId: assignee,
      kind: 'assignment',
      subject: `Case ${state.caseId} is assigned to you`,
      body: `Verify ${state.subject.url ?? 'the reported content'} (priority ${state.priority}).`,
    });
    return renderTimelineMessage(assigned, 'en');
  });

  onUpdate(ctx, 'submitVerdict', ({ actor, verdict }) => {
    state.verdict = { verdict, by: actor, at: ctx.nowIso() };
    const category = verdictCategory(verdict);
    if (category) {
      state.category = category;
      state.priority = priorityFor(ctx.policy, category, state.classification?.suggestedPriority);
    }
    ctx.record('verdict_submitted', { code: 'verdict_submitted', params: { verdict } }, { actor });
    return `verdict: ${describeVerdict(verdict)}`;
  });

  onUpdate(ctx, 'draftStatement', ({ actor, kind, title, body, pillar, channels, label }) => {
    const track = state.tracks[kind]!;
    const revision = (track.draft?.revision ?? 0) + 1;
    const verdictLabel = state.verdict?.verdict.kind === 'hoax' ? state.verdict.verdict.label : undefined;
    const effectiveLabel = label ?? (kind === 'clarification' ? verdictLabel : undefined);
    track.draft = {
      revision,
      title,
      body,
      ...(effectiveLabel ? { label: effectiveLabel } : {}),
      pillar,
      channels,
      jointWithPolice: state.tracks.police !== undefined,
      by: actor,
      at: ctx.nowIso(),
    };
    delete track.approval;
    track.status = 'awaiting_approval';
    ctx.record(
      'statement_drafted',
      { code: 'statement_drafted', params: { kind, revision, title } },
      { actor },
    );
    void ctx.notify({
      requestId: `${state.caseId}:${kind}:r${revision}:approval`,
      audience: 'supervisors',
      kind: 'approval_needed',
      subject: `${kind} for ${state.caseId} awaits approval (revision ${revision})`,
      body: `Drafted by ${actor.officerId}: ${title}. Another supervisor must approve it.`,
    });
    return `${kind} revision ${revision} drafted`;
  });

  onUpdate(ctx, 'approveStatement', ({ actor, kind, revision }) => {
    const track = state.tracks[kind]!;
    track.approval = { revision, by: actor, at: ctx.nowIso() };
    track.status = 'publishing';
    ctx.record(
      'statement_approved',
      { code: 'statement_approved', params: { kind, revision, draftedBy: track.draft!.by.officerId } },
      { actor },
    );
    return `${kind} revision ${revision} approved`;
  });

  onUpdate(ctx, 'rejectStatement', ({ actor, kind, revision, reason }) => {
    const track = state.tracks[kind]!;
    track.rejections.push({ revision, by: actor, at: ctx.nowIso(), reason });
    track.status = 'drafting';
    ctx.record(
      'statement_rejected',
      { code: 'statement_rejected', params: { kind, revision, reason } },
      { actor },
    );
    return `${kind} revision ${revision} sent back`;
  });

  // These three tell a child workflow. The child is told first and the state changes only once it has
  // the message, so a failed signal fails the update and leaves the case as it was. Histories from before
  // the issue-9 patch changed the state first; they replay that way (same awaits, same order).
  onUpdate(ctx, 'acknowledgePolice', async ({ actor }) => {
    const police = state.tracks.police!;
    const at = ctx.nowIso();
    const change = () => {
      police.acknowledged = { by: actor, at };
      police.status = 'awaiting_report';
      ctx.record(
        'police_acknowledged',
        {
          code: 'police_acknowledged',
          params: police.referenceId ? { referenceId: police.referenceId } : {},
        },
        { actor },
      );
    };
    if (!ctx.v2) change();
    await getExternalWorkflowHandle(police.childWorkflowId).signal(policeAcknowledgedSignal, {
      by: actor,
      at,
    });
    if (ctx.v2) change();
    return 'police acknowledgment recorded';
  });

  onUpdate(ctx, 'recordPoliceReport', async ({ actor, reportNumber }) => {
    const police = state.tracks.police!;
    const at = ctx.nowIso();
    const change = () => {
      police.report = { number: reportNumber, by: actor, at };
      police.status = 'reported';
      ctx.record(
        'police_report_recorded',
        { code: 'police_report_recorded', params: { reportNumber } },
        { actor },
      );
    };
    if (!ctx.v2) change();
    await getExternalWorkflowHandle(police.childWorkflowId).signal(policeReportSignal, {
      number: reportNumber,
      by: actor,
      at,
    });
    if (ctx.v2) change();
    return `police report ${reportNumber} recorded`;
  });

  onUpdate(ctx, 'recordPoliceFollowUp', ({ actor, note }) => {
    state.tracks.police!.followUps.push({ by: actor, at: ctx.nowIso(), note });
    ctx.record('police_follow_up', { code: 'police_follow_up', params: { text: note } }, { actor });
    return 'police follow-up recorded';
  });

  onUpdate(ctx, 'resolveObjection', async ({ actor, takedownKey, decision, reason }) => {
    const track = state.tracks.takedowns.find((candidate) => candidate.key === takedownKey)!;
    const change = () => {
      track.objection = { ...track.objection!, decision, decidedBy: actor, decisionReason: reason };
      track.status =
        decision === 'uphold' ? 'objection_upheld' : track.level ? 'escalating' : 'awaiting_compliance';
      track.updatedAt = ctx.nowIso();
      ctx.record(
        'objection_resolved',
        { code: 'objection_resolved', params: { platform: track.platform, decision, reason } },
        { actor },
      );
    };
    if (!ctx.v2) change();
    await getExternalWorkflowHandle(track.childWorkflowId).signal(objectionDecisionSignal, {
      decision,
      by: actor,
      reason,
    });
    if (ctx.v2) change();
    return `${track.platform} objection ${decision === 'uphold' ? 'upheld' : 'rejected'}`;
  });

  onUpdate(ctx, 'requestWithdrawal', ({ actor, reason }) => {
    state.withdrawal = { reason, requestedBy: actor, requestedAt: ctx.nowIso() };
    ctx.record('withdrawal_requested', { code: 'withdrawal_requested', params: { reason } }, { actor });
    void ctx.notify({
      requestId: `${state.caseId}:withdrawal:request`,
      audience: 'supervisors',
      kind: 'approval_needed',
      subject: `Withdrawal of ${state.caseId} awaits a second supervisor`,
      body: `${actor.officerId} asks to withdraw the case: ${reason}`,
    });
    return 'withdrawal requested';
  });

  onUpdate(ctx, 'approveWithdrawal', ({ actor }) => {
    const withdrawal = state.withdrawal!;
    withdrawal.approvedBy = actor;
    withdrawal.approvedAt = ctx.nowIso();
    ctx.record(
      'withdrawal_approved',
      { code: 'withdrawal_approved', params: { requestedBy: withdrawal.requestedBy.officerId } },
      { actor },
    );
    ctx.processScope.cancel();
    return 'withdrawal approved';
  });

  onUpdate(ctx, 'reuseClarification', (command) => reuseClarification(ctx, command));

  onUpdate(ctx, 'closeMonitoring', ({ actor, reason }) => {
    ctx.closeRequested = actor;
    ctx.record('note', { code: 'monitoring_ended_early', params: { reason } }, { actor });
    return 'monitoring ends';
  });
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
