import { patched } from '@temporalio/workflow';

/**
 * Patch ids (docs/case-workflow.md, "Changing code under running cases"). Each is asked once, at the
 * start of a run, so a run keeps one behaviour from its first event to its last: `false` while
 * replaying a history recorded before the patch, `true` for every run started by code that has it.
 * Remove the old branch only after `deprecatePatch` has been deployed and every run older than it
 * has closed or continued as new.
 */
export const PATCHES = {
  /** Issue 9: continue-as-new in every stage, non-blocking re-upload takedowns, intake that never fails, text in S3. */
  case: 'saring-case-issue-9',
  /** Issue 9: the ladder restarts after a rejected objection, polls survive outages, a withdrawal tells the platform. */
  takedown: 'saring-takedown-issue-9',
  /** Issue 9: the police child reports its end to the case, so a continued case still hears of it. */
  police: 'saring-police-issue-9',
  /**
   * Issue 9, follow-up: a case's children are never cancelled by its process scope; the closing case
   * cancels each running child exactly once and waits (bounded) for its takedown children to report
   * their end, so a child's last report never races the case's completion.
   */
  caseClosesChildren: 'saring-case-closes-children',
  /**
   * Issue 9, follow-up: a platform outage of hours makes a takedown request, ladder step or blocklist
   * recommendation late, never FAILED; a cancelled takedown reports its end to the case.
   */
  takedownFinish: 'saring-takedown-outages-and-withdrawal',
  /**
   * Issue 13: timeline entries are stored as a code and its parameters (domain/timeline-message.ts)
   * instead of an English summary, so each reader gets them in their language. Asked by the case and
   * by its takedown and police children (the children's reports carry the code).
   */
  timelineCodes: 'saring-timeline-codes',
  /**
   * Issue 12: captureSnapshot and checkLiveness run on the fetch task queue (`<case queue>-fetch`,
   * activities/options.ts), polled only by the fetcher process; asked by the case and its takedown children.
   */
  fetcherQueue: 'saring-fetcher-queue-issue-12',
  /**
   * Soak seed 374: an outage of the liveness re-check (after the platform reports the content removed)
   * makes the check late, never FAILED, like the request and the ladder steps.
   */
  takedownLiveness: 'saring-takedown-liveness-outage',
  /**
   * A child whose case has closed (a report to it finds no workflow) ends cleanly instead of failing
   * every workflow task: a takedown tells its platform the request is withdrawn, deadlines close as
   * cancelled. A takedown's withdrawal report says its end report follows, so the closing case waits
   * for that last report and never completes while one is on its way.
   */
  childCaseGone: 'saring-child-case-gone',
  /** Soak seed 374, the case's side: a failed re-upload check during monitoring is a missed check, not a FAILED case. */
  monitorLiveness: 'saring-monitor-liveness-outage',
  /**
   * Issue 14: a notification once started is delivered on every channel even when the scope that sent
   * it is cancelled (an SLA met while its reminder was being delivered, a worker killed between the
   * webhook and the mail), so no channel is left without it. Found by `npm run chaos`.
   */
  notificationsFinish: 'saring-notifications-finish',
  /**
   * Issue 15: a case matches its text against open and clarified cases at intake (a link, and a
   * clarification a verifier may reuse), registers its claim (open, then clarified when its
   * clarification is published), and stores each verdict as a labelled training example.
   */
  claimsAndVerdictExamples: 'saring-claims-and-verdict-examples-issue-15',
  /**
   * Issue 14, a lean case: a run that has this marker asks none of the six patches before issue 15's
   * (each costs a marker and a TemporalChangeVersion upsert, 12 events at every run's start) and takes
   * all of them as applied (workflows/case/lean-patches.ts). Intake classifies (a local activity)
   * while the snapshot is taken.
   */
  lean: 'saring-lean-issue-14',
  /**
   * Soak seed 447: a closing case waits for its notifications for minutes, not for the 2 h a
   * notification in an outage is retried; what is still pending then is called off and put on the
   * timeline as not delivered (case/close-notifications.ts). Asked by the case at the start of a run.
   */
  closeNotificationWait: 'saring-close-notification-wait',
  /**
   * Soak seed 1123: a closing case waits for the children whose start is still in flight before it
   * cancels its running children (case/close.ts). Asked only by a run that closes while a child is
   * starting, so no other run writes its marker.
   */
  closeAwaitsChildStarts: 'saring-close-awaits-child-starts',
  /**
   * Soak seed 2490: an outage of the police delivery channel longer than the activity's 6 h window failed
   * the police child. The child now tries again, less often each time (children/police-delivery.ts).
   * Asked only when a delivery gives up through an outage, so no other run writes its marker.
   */
  policeDeliveryOutage: 'saring-police-delivery-outage',
  /**
   * Issue 14, a leaner intake: a run with this marker asks neither the lean marker nor the two asked
   * after it (claims and verdict examples, the bounded closing wait) and follows all three; intake
   * matches and registers the claim as local activities (two markers instead of twelve events and two
   * workflow tasks). Asked first, at the start of a run (workflows/case/lean-patches.ts).
   */
  leanClaims: 'saring-lean-claims-issue-14',
  /**
   * Soak seed 4411's histories: a police escalation cancelled (case withdrawn or closed) or left without
   * its case after the evidence package was delivered tells the police liaison the package no longer
   * awaits action (children/police-withdrawal.ts). Asked only then, so no other run writes its marker.
   */
  policeToldOfWithdrawal: 'saring-police-told-of-withdrawal',
  /**
   * Issue 14, intake in one workflow task after the first: a run with this marker asks no other patch at
   * its start and follows the lean-claims patch and all it implies. Classification, the claim's match
   * and registration (one local activity, matchAndIndexClaim) and the snapshot run side by side, their
   * results are applied together, and a new case is announced at once only when the policy says so
   * (newCaseAlerts; the rest go in the digest). Asked first (workflows/case/lean-patches.ts).
   */
  oneTaskIntake: 'saring-one-task-intake-issue-14',
} as const;

export function usePatch(id: (typeof PATCHES)[keyof typeof PATCHES]): boolean {
  return patched(id);
}
