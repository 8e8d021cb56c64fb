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
}

/**
 * Asked once, at the start of a run. A run started before the lean patch has no lean marker: the
 * patches are asked as they always were, in the same order (replay needs it). A new run records one
 * marker (and its TemporalChangeVersion upsert) instead of six: the newest of the markers asked first.
 */
export function askCasePatches(): CasePatches {
  const lean = {
    lean: true,
    v2: true,
    closesChildren: true,
    codedTimeline: true,
    onFetcherQueue: true,
    livenessOutages: true,
    notificationsFinish: true,
  };
  const leanClaims = { ...lean, learns: true, boundsClosingNotifications: true, localClaims: true };
  if (usePatch(PATCHES.oneTaskIntake)) return { ...leanClaims, oneTaskIntake: true };
  if (usePatch(PATCHES.leanClaims)) return { ...leanClaims, oneTaskIntake: false };
  if (usePatch(PATCHES.lean)) return { ...lean, localClaims: false, oneTaskIntake: false };
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
  };
}
