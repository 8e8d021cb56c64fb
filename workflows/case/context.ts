import { allHandlersFinished, CancellationScope, condition } from '@temporalio/workflow';
import type {
  Actor,
  CasePolicy,
  CaseStage,
  CaseState,
  CaseUpdateName,
  Detection,
  TimelineAction,
  TimelineEntry,
  TimelineMessage,
} from '../../domain';
import { renderTimelineMessage } from '../../domain';
import { Notifier } from '../notify';
import { caseActivities } from '../activity-stubs';
import type { FetchingActivities } from '../fetching-activities';
import type { DeadlineEvent } from '../internal-messages';
import { applyDeadlineEvent, type SlaNotification, type SlaReporter } from '../sla';
import { SearchAttributeSync } from './search-attributes';
import { TimelineArchiver } from './timeline-archive';
import type { CasePatches } from './lean-patches';
import { PATCHES, usePatch } from './versions';

export interface Who {
  actor?: Actor;
  /** A system part when no officer acted: "workflow", "classifier", "platform:meta", "crawler:ais"... */
  source?: string;
}

/**
 * The running case: its state (the single source for queries, updates and search attributes) and
 * the small helpers every stage uses. One instance per workflow run.
 */
export class CaseContext implements SlaReporter {
  readonly caseId: string;
  /** The first detection, kept in memory for intake only (its text is not kept in the state). */
  firstDetection: Detection | undefined;
  /** Child workflows this run started: a cancelled process scope has already asked them to cancel (unless closesChildren). */
  readonly startedChildren = new Set<string>();
  /** Child workflows whose start this run has asked for and the server has not confirmed yet. */
  readonly startingChildren = new Set<string>();
  /** Child workflows that reported their end to this run (takedown_finished, or a withdrawn takedown). */
  readonly endedChildren = new Set<string>();
  /** Updates whose handler has not finished yet: a second one of the same name is refused (CONFLICT). */
  readonly inFlight = new Set<CaseUpdateName>();
  /** Older timeline entries go to S3 (runs started with the issue-9 patch only). */
  readonly archiver: TimelineArchiver | undefined;
  /** Cancelled when a withdrawal is approved: stops every track and child. */
  readonly processScope = new CancellationScope();
  private readonly searchAttributes = new SearchAttributeSync();
  /** Notifications go out in the background; a failure is put on the timeline. */
  readonly notifier: Notifier;
  /** The closing case waits for its notifications for minutes only (close-notifications.ts); false for older runs. */
  readonly boundsClosingNotifications: boolean;
  /** captureSnapshot and checkLiveness: on the fetch queue for runs with the fetcher-queue patch (content-case.ts). */
  fetching: FetchingActivities = caseActivities;
  /** Claim matching and verdict examples (issue 15): runs with the claims-and-verdict-examples patch only. */
  learns = false;
  /** This run follows the lean patch (issue 14): one patch marker, classification beside the snapshot. */
  readonly lean: boolean;
  /** Claims are matched and registered at intake as local activities (the lean-claims patch). */
  readonly localClaims: boolean;
  /** Intake's steps side by side and new-case alerts by policy (the one-task-intake patch). */
  readonly oneTaskIntake: boolean;
  /** Decided by the workflow type (ContentCaseWorkflowV2: true); undefined asks the patch where it matters. */
  readonly closeAwaitsChildStarts?: boolean;
  readonly timelineArchiveByBytes?: boolean;
  /** A ContentCaseWorkflowV2 case starts the V2 child types (no patch markers); older cases the first ones. */
  readonly startsV2Children: boolean;

  constructor(
    public readonly state: CaseState,
    public readonly policy: CasePolicy,
    /** This run follows the issue-9 patch (workflows/case/versions.ts); false while replaying older histories. */
    public readonly v2 = false,
    /** The full text of the first detection, when its signal carried a shortened one. */
    public readonly firstText?: string,
    /**
     * Children are started so that a cancelled process scope leaves them alone (ABANDON); the closing
     * case cancels every running child once and waits for its takedown children to report their end
     * (close.ts). False for runs started before that patch.
     */
    public readonly closesChildren = false,
    /** Timeline entries as codes and parameters (the timeline-codes patch); false for older runs. */
    public readonly codedTimeline = false,
    /** The lean patch (issue 14) and what it implies; older runs ask the notifier's patch themselves. */
    patches: Pick<
      CasePatches,
      | 'lean'
      | 'notificationsFinish'
      | 'boundsClosingNotifications'
      | 'localClaims'
      | 'oneTaskIntake'
      | 'closeAwaitsChildStarts'
      | 'timelineArchiveByBytes'
      | 'startsV2Children'
    > = {
      lean: false,
      localClaims: false,
      oneTaskIntake: false,
      startsV2Children: false,
    },
  ) {
    this.caseId = state.caseId;
    this.lean = patches.lean;
    this.localClaims = patches.localClaims;
    this.oneTaskIntake = patches.oneTaskIntake;
    this.closeAwaitsChildStarts = patches.closeAwaitsChildStarts;
    this.timelineArchiveByBytes = patches.timelineArchiveByBytes;
    this.startsV2Children = patches.startsV2Children;
    this.archiver = v2 ? new TimelineArchiver(this) : undefined;
    this.boundsClosingNotifications =
      patches.boundsClosingNotifications ?? (closesChildren && usePatch(PATCHES.closeNotificationWait));
    this.notifier = new Notifier(
      state.caseId,
      (notification) =>
        this.record('notification_failed', {
          code: 'notification_failed',
          params: { audience: notification.audience, subject: notification.subject },
        }),
      patches.notificationsFinish,
    );
  }

  /** A repeat detection arrived during monitoring: check for re-uploads now. Kept in the carried state. */
  get reuploadReported(): boolean {
    return this.state.reuploadReported;
  }
  set reuploadReported(value: boolean) {
    this.state.reuploadReported = value;
  }

  /** A supervisor ended monitoring early. Kept in the carried state, so continue-as-new cannot lose it. */
  get closeRequested(): Actor | undefined {
    return this.state.closeRequested;
  }
  set closeRequested(actor: Actor | undefined) {
    if (actor) this.state.closeRequested = actor;
    else delete this.state.closeRequested;
  }

  /**
   * Before the run ends (completion or continue-as-new): every update and signal handler finished and
   * every notification settled, in one condition, so a notification sent by a late handler is awaited too.
   */
  async drain(): Promise<void> {
    await condition(() => allHandlersFinished() && this.notifier.idle() && (this.archiver?.idle() ?? true));
  }

  /** Starts a child, known as starting until the server confirms the start (or refuses it), then as started. */
  async startingChild<T>(workflowId: string, start: () => Promise<T>): Promise<T> {
    this.startingChildren.add(workflowId);
    try {
      const child = await start();
      this.startedChildren.add(workflowId);
      return child;
    } finally {
      this.startingChildren.delete(workflowId);
    }
  }

  nowIso(): string {
    return new Date(Date.now()).toISOString();
  }

  /**
   * Puts an entry on the timeline: its message (code and parameters) for runs with the timeline-codes
   * patch; the same English summary as before for runs without it (replayed older histories).
   */
  record(action: TimelineAction, message: TimelineMessage, who: Who = { source: 'workflow' }): void {
    this.push(
      action,
      this.codedTimeline ? { message } : { summary: renderTimelineMessage(message, 'en') },
      who,
    );
  }

  /** A child's report from before the timeline-codes patch: its English summary as it came. */
  recordSummary(action: TimelineAction, summary: string, who: Who): void {
    this.push(action, { summary }, who);
  }

  private push(
    action: TimelineAction,
    text: Pick<TimelineEntry, 'message' | 'summary'>,
    who: Who = { source: 'workflow' },
  ): void {
    const last = this.state.timeline[this.state.timeline.length - 1];
    this.state.timeline.push({
      seq: (last?.seq ?? 0) + 1,
      at: this.nowIso(),
      action,
      ...(who.actor ? { actor: who.actor } : {}),
      ...(who.source ? { source: who.source } : {}),
      ...text,
    });
    this.archiver?.check();
    this.changed();
  }

  setStage(stage: CaseStage, who?: Who): void {
    if (this.state.stage === stage) return;
    const from = this.state.stage;
    this.state.stage = stage;
    this.record('stage_changed', { code: 'stage_changed', params: { from, to: stage } }, who);
  }

  /** Marks the state changed: search attributes are brought up to date once per workflow task. */
  changed(): void {
    this.searchAttributes.markDirty(this.state);
  }

  /** Upserts the search attributes now (before closing or continuing as new). */
  syncNow(): void {
    this.searchAttributes.flush(this.state);
  }

  /** A copy of the state, as updates and queries return it. */
  view(): CaseState {
    return JSON.parse(JSON.stringify(this.state)) as CaseState;
  }

  // SlaReporter for the case's own deadlines.
  report(event: DeadlineEvent): void {
    const deadline = applyDeadlineEvent(this.state.deadlines, event);
    if (!deadline) return;
    const sla = { sla: deadline.sla, label: deadline.label };
    if (event.type === 'reminded') {
      this.record('sla_reminder', {
        code: 'sla_reminder',
        params: { ...sla, percent: Math.round(event.fraction * 100), dueAt: deadline.dueAt },
      });
    } else if (event.type === 'breached') {
      this.state.slaBreached = true;
      this.record('sla_breach', { code: 'sla_breach', params: { ...sla, dueAt: deadline.dueAt } });
    } else if (event.type === 'closed' && event.how !== 'cancelled') {
      this.record('sla_met', { code: 'sla_met', params: { ...sla, late: event.how !== 'met' } });
    }
    this.changed();
  }

  /** Sends in the background (never throws, never blocks the case); see Notifier. */
  notify(notification: SlaNotification): Promise<void> {
    return this.notifier.send(notification);
  }

  /** Closes every deadline still open (the case ended another way). */
  closeOpenDeadlines(): void {
    for (const deadline of this.state.deadlines) {
      if (!deadline.closedAt)
        applyDeadlineEvent(this.state.deadlines, {
          type: 'closed',
          id: deadline.id,
          at: this.nowIso(),
          how: 'cancelled',
        });
    }
    this.changed();
  }
}
