import { PATCHES, usePatch } from '../case/versions';

/**
 * What a takedown child run follows. PlatformTakedownWorkflow asks its patches at its start (in the
 * order it always has, so its histories replay); PlatformTakedownWorkflowV2, started by cases of the
 * V2 type, follows every one and asks none, so it writes no marker.
 */
export interface TakedownPatches {
  v2: boolean;
  v3: boolean;
  codedTimeline: boolean;
  onFetcherQueue: boolean;
  v4: boolean;
  v5: boolean;
  /** Undefined: the Notifier asks its own patch when the reporter creates it. */
  notificationsFinish?: boolean;
}

export function askTakedownPatches(): TakedownPatches {
  const v2 = usePatch(PATCHES.takedown);
  // Asked only by children that follow the issue-9 patch (older histories have neither marker).
  const v3 = v2 && usePatch(PATCHES.takedownFinish);
  const codedTimeline = v3 && usePatch(PATCHES.timelineCodes);
  const onFetcherQueue = v3 && usePatch(PATCHES.fetcherQueue);
  // Asked only by children that follow the takedown-finish patch.
  const v4 = v3 && usePatch(PATCHES.takedownLiveness);
  const v5 = v3 && usePatch(PATCHES.childCaseGone);
  return { v2, v3, codedTimeline, onFetcherQueue, v4, v5 };
}

export const EVERY_TAKEDOWN_PATCH: Readonly<Required<TakedownPatches>> = Object.freeze({
  v2: true,
  v3: true,
  codedTimeline: true,
  onFetcherQueue: true,
  v4: true,
  v5: true,
  notificationsFinish: true,
});

/** What a police child run follows; as for takedowns, PoliceEscalationWorkflowV2 asks nothing. */
export interface PolicePatches {
  v2: boolean;
  codedTimeline: boolean;
  v3: boolean;
  notificationsFinish?: boolean;
  /** Undefined: asked when an outage of the delivery channel first outlasts the activity's retries. */
  deliveryWaitsOutOutage?: boolean;
  /** Undefined: asked when an escalation whose package was delivered is called off. */
  toldOfWithdrawal?: boolean;
}

export function askPolicePatches(): PolicePatches {
  const v2 = usePatch(PATCHES.police);
  const codedTimeline = v2 && usePatch(PATCHES.timelineCodes);
  // Asked only by children that follow the issue-9 patch.
  const v3 = v2 && usePatch(PATCHES.childCaseGone);
  return { v2, codedTimeline, v3 };
}

export const EVERY_POLICE_PATCH: Readonly<Required<PolicePatches>> = Object.freeze({
  v2: true,
  codedTimeline: true,
  v3: true,
  notificationsFinish: true,
  deliveryWaitsOutOutage: true,
  toldOfWithdrawal: true,
});
