import { PATCHES, usePatch } from './versions';

/** The behaviours a case run follows, each decided by a patch (workflows/case/versions.ts). */
export interface CasePatches {
  /** Issue 14: a run with the lean marker asks no other patch and follows every one of them. */
  lean: boolean;
  v2: boolean;
  closesChildren: boolean;
  codedTimeline: boolean;
  onFetcherQueue: boolean;
  livenessOutages: boolean;
  /** Undefined: the Notifier asks its own patch, as runs before the lean patch did. */
  notificationsFinish?: boolean;
  /** Undefined: the run asks the claims-and-verdict-examples patch itself, as runs before lean claims did. */
  learns?: boolean;
  /** Undefined: the case context asks the closing-notification-wait patch itself. */
  boundsClosingNotifications?: boolean;
  /** Claims are matched and registered at intake as local activities (lean claims). */
  localClaims: boolean;
  /** Intake's steps side by side, one claim activity, new-case alerts by policy (one-task intake). */
  oneTaskIntake: boolean;
  /**
   * Asked where they matter (close.ts, timeline-archive.ts) when undefined; a ContentCaseWorkflowV2 run
   * follows both without asking.
   */
  closeAwaitsChildStarts?: boolean;
  timelineArchiveByBytes?: boolean;
  /** Children are started as PlatformTakedownWorkflowV2 / PoliceEscalationWorkflowV2 (V2 cases only). */
  startsV2Children: boolean;
}

/** What a run with the lean marker follows (the six patches before it and the notifier's). */
const LEAN = {
  lean: true,
  v2: true,
  closesChildren: true,
  codedTimeline: true,
  onFetcherQueue: true,
  livenessOutages: true,
  notificationsFinish: true,
} as const;

/** What a run with the lean-claims marker follows; a one-task-intake run follows it too. */
const LEAN_CLAIMS = {
  ...LEAN,
  learns: true,
  boundsClosingNotifications: true,
  localClaims: true,
  startsV2Children: false,
} as const;

/**
 * Every behaviour of the newest ContentCaseWorkflow run, decided at once, and the V2 child types: the
 * rules of a ContentCaseWorkflowV2 run, which asks no patch and so writes no marker (content-case.ts).
 */
export const EVERY_CASE_PATCH: Readonly<Required<CasePatches>> = Object.freeze({
  ...LEAN_CLAIMS,
  oneTaskIntake: true,
  closeAwaitsChildStarts: true,
  timelineArchiveByBytes: true,
  startsV2Children: true,
});

/**
 * Asked once, at the start of a ContentCaseWorkflow run. A run started before the lean patch has no
 * lean marker: the patches are asked as they always were, in the same order (replay needs it). A newer
 * run records one marker (and its TemporalChangeVersion upsert): the newest of the markers asked first.
 */
export function askCasePatches(): CasePatches {
  if (usePatch(PATCHES.oneTaskIntake)) return { ...LEAN_CLAIMS, oneTaskIntake: true };
  if (usePatch(PATCHES.leanClaims)) return { ...LEAN_CLAIMS, oneTaskIntake: false };
  if (usePatch(PATCHES.lean))
    return { ...LEAN, localClaims: false, oneTaskIntake: false, startsV2Children: false };
  const v2 = usePatch(PATCHES.case);
  // Asked only by runs that follow the issue-9 patch (older histories have neither marker).
  const closesChildren = v2 && usePatch(PATCHES.caseClosesChildren);
  const codedTimeline = v2 && usePatch(PATCHES.timelineCodes);
  const onFetcherQueue = v2 && usePatch(PATCHES.fetcherQueue);
  const livenessOutages = closesChildren && usePatch(PATCHES.monitorLiveness);
  return {
    lean: false,
    v2,
    closesChildren,
    codedTimeline,
    onFetcherQueue,
    livenessOutages,
    localClaims: false,
    oneTaskIntake: false,
    startsV2Children: false,
  };
}
