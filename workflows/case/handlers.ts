import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import {
  AddNoteInput,
  CASE_UPDATE_SCHEMAS,
  Detection,
  NOTE_ROLES,
  checkCommand,
  describeIssues,
  openDeadlines,
  priorityFor,
  describeVerdict,
  verdictCategory,
  type CaseState,
  type CaseUpdateCommand,
  type CaseUpdateName,
} from '../../domain';
import { caseQueries, caseSignals, caseUpdates } from '../messages';
import { childEventSignal, objectionDecisionSignal, policeAcknowledgedSignal, policeReportSignal } from '../internal-messages';
import type { CaseContext } from './context';
import { applyChildEvent } from './child-events';
import { MAX_REPORTER_REFS } from './state';

/** Validates an update payload and the role/stage rules; throws the failure the caller receives. */
function validate<K extends CaseUpdateName>(ctx: CaseContext, name: K, raw: unknown): CaseUpdateCommand<K> {
  const parsed = CASE_UPDATE_SCHEMAS[name].safeParse(raw);
  if (!parsed.success) {
    throw ApplicationFailure.create({ type: 'INVALID_PAYLOAD', message: `${name}: ${describeIssues(parsed.error)}`, nonRetryable: true });
  }
  const command = parsed.data as CaseUpdateCommand<K>;
  const violation = checkCommand(name, command, ctx.state);
  if (violation) throw ApplicationFailure.create({ type: violation.code, message: `${name}: ${violation.message}`, nonRetryable: true });
  return command;
}

function onUpdate<K extends CaseUpdateName>(ctx: CaseContext, name: K, apply: (command: CaseUpdateCommand<K>) => void | Promise<void>): void {
  // One generic registration for all updates: the payload is unknown until the validator has parsed it.
  const definition = caseUpdates[name] as unknown as UpdateDefinition<CaseState, [unknown]>;
  setHandler(
    definition,
    async (raw) => {
      // The validator already accepted it; parsing again applies the schema's defaults.
      const command = CASE_UPDATE_SCHEMAS[name].parse(raw) as CaseUpdateCommand<K>;
      await apply(command);
      ctx.changed();
      return ctx.view();
    },
    { validator: (raw) => void validate(ctx, name, raw) },
  );
}

export function registerCaseHandlers(ctx: CaseContext): void {
  const { state } = ctx;

  setHandler(caseQueries.state, () => state);
  setHandler(caseQueries.openDeadlines, () => openDeadlines(state));
  setHandler(caseQueries.timeline, () => state.timeline);

  setHandler(caseSignals.detection, (raw) => {
    const parsed = Detection.safeParse(raw);
    if (!parsed.success) {
      state.detections.rejected += 1;
      ctx.changed();
      return;
    }
    const detection = parsed.data;
    const tally = state.detections;
    tally.count += 1;
    tally.bySource[detection.source] = (tally.bySource[detection.source] ?? 0) + 1;
    tally.firstAt ??= detection.observedAt;
    tally.lastAt = detection.observedAt;
    if (detection.reporterRef && tally.reporterRefs.length < MAX_REPORTER_REFS && !tally.reporterRefs.includes(detection.reporterRef)) {
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
      ctx.record('detected', `reported by ${source}${detection.url ? `: ${detection.url}` : ''}`, { source });
    } else if (state.stage === 'monitoring') {
      ctx.reuploadReported = true;
      ctx.record('reupload_reported', `detected again by ${source} during monitoring`, { source });
    }
    ctx.changed();
  });

  setHandler(caseSignals.addNote, (raw) => {
    const parsed = AddNoteInput.safeParse(raw);
    if (!parsed.success || !NOTE_ROLES.includes(parsed.data.actor.role)) return;
    ctx.record('note', parsed.data.text, { actor: parsed.data.actor });
  });

  setHandler(childEventSignal, (event) => applyChildEvent(ctx, event));

  onUpdate(ctx, 'assignVerifier', ({ actor, assignee }) => {
    state.assignee = assignee;
    for (const deadline of openDeadlines(state)) if (deadline.sla === 'verification') deadline.assignee = assignee;
    ctx.record('assigned', actor.officerId === assignee ? `${assignee} claimed the case` : `assigned to ${assignee}`, { actor });
    void ctx.notify({
      requestId: `${state.caseId}:assignment:${state.timeline.length}`,
      audience: 'rapid_response_unit',
      officerId: assignee,
      kind: 'assignment',
      subject: `Case ${state.caseId} is assigned to you`,
      body: `Verify ${state.subject.url ?? 'the reported content'} (priority ${state.priority}).`,
    });
  });

  onUpdate(ctx, 'submitVerdict', ({ actor, verdict }) => {
    state.verdict = { verdict, by: actor, at: ctx.nowIso() };
    const category = verdictCategory(verdict);
    if (category) {
      state.category = category;
      state.priority = priorityFor(ctx.policy, category, state.classification?.suggestedPriority);
    }
    ctx.record('verdict_submitted', `${describeVerdict(verdict)}: ${verdict.reasons.join('; ')}`, { actor });
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
    ctx.record('statement_drafted', `${kind} revision ${revision}: ${title}`, { actor });
    void ctx.notify({
      requestId: `${state.caseId}:${kind}:r${revision}:approval`,
      audience: 'supervisors',
      kind: 'approval_needed',
      subject: `${kind} for ${state.caseId} awaits approval (revision ${revision})`,
      body: `Drafted by ${actor.officerId}: ${title}. Another supervisor must approve it.`,
    });
  });

  onUpdate(ctx, 'approveStatement', ({ actor, kind, revision }) => {
    const track = state.tracks[kind]!;
    track.approval = { revision, by: actor, at: ctx.nowIso() };
    track.status = 'publishing';
    ctx.record('statement_approved', `${kind} revision ${revision} approved (drafted by ${track.draft!.by.officerId})`, { actor });
  });

  onUpdate(ctx, 'rejectStatement', ({ actor, kind, revision, reason }) => {
    const track = state.tracks[kind]!;
    track.rejections.push({ revision, by: actor, at: ctx.nowIso(), reason });
    track.status = 'drafting';
    ctx.record('statement_rejected', `${kind} revision ${revision} sent back: ${reason}`, { actor });
  });

  onUpdate(ctx, 'acknowledgePolice', async ({ actor }) => {
    const police = state.tracks.police!;
    const at = ctx.nowIso();
    police.acknowledged = { by: actor, at };
    police.status = 'awaiting_report';
    ctx.record('police_acknowledged', `police acknowledged the evidence package${police.referenceId ? ` ${police.referenceId}` : ''}`, { actor });
    await getExternalWorkflowHandle(police.childWorkflowId).signal(policeAcknowledgedSignal, { by: actor, at });
  });

  onUpdate(ctx, 'recordPoliceReport', async ({ actor, reportNumber }) => {
    const police = state.tracks.police!;
    const at = ctx.nowIso();
    police.report = { number: reportNumber, by: actor, at };
    police.status = 'reported';
    ctx.record('police_report_recorded', `police report ${reportNumber}`, { actor });
    await getExternalWorkflowHandle(police.childWorkflowId).signal(policeReportSignal, { number: reportNumber, by: actor, at });
  });

  onUpdate(ctx, 'recordPoliceFollowUp', ({ actor, note }) => {
    state.tracks.police!.followUps.push({ by: actor, at: ctx.nowIso(), note });
    ctx.record('police_follow_up', note, { actor });
  });

  onUpdate(ctx, 'resolveObjection', async ({ actor, takedownKey, decision, reason }) => {
    const track = state.tracks.takedowns.find((candidate) => candidate.key === takedownKey)!;
    track.objection = { ...track.objection!, decision, decidedBy: actor, decisionReason: reason };
    track.status = decision === 'uphold' ? 'objection_upheld' : track.level ? 'escalating' : 'awaiting_compliance';
    track.updatedAt = ctx.nowIso();
    ctx.record('objection_resolved', `${track.platform} objection ${decision === 'uphold' ? 'upheld' : 'rejected'}: ${reason}`, { actor });
    await getExternalWorkflowHandle(track.childWorkflowId).signal(objectionDecisionSignal, { decision, by: actor, reason });
  });

  onUpdate(ctx, 'requestWithdrawal', ({ actor, reason }) => {
    state.withdrawal = { reason, requestedBy: actor, requestedAt: ctx.nowIso() };
    ctx.record('withdrawal_requested', reason, { actor });
    void ctx.notify({
      requestId: `${state.caseId}:withdrawal:request`,
      audience: 'supervisors',
      kind: 'approval_needed',
      subject: `Withdrawal of ${state.caseId} awaits a second supervisor`,
      body: `${actor.officerId} asks to withdraw the case: ${reason}`,
    });
  });

  onUpdate(ctx, 'approveWithdrawal', ({ actor }) => {
    const withdrawal = state.withdrawal!;
    withdrawal.approvedBy = actor;
    withdrawal.approvedAt = ctx.nowIso();
    ctx.record('withdrawal_approved', `withdrawal requested by ${withdrawal.requestedBy.officerId} approved`, { actor });
    ctx.processScope.cancel();
  });

  onUpdate(ctx, 'closeMonitoring', ({ actor, reason }) => {
    ctx.closeRequested = actor;
    ctx.record('note', `monitoring ended early: ${reason}`, { actor });
  });
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
