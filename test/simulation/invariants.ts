import { createHash } from 'node:crypto';
import {
  durationMs,
  type CasePolicy,
  type CaseUpdateName,
  type TakedownRequest,
  type TimelineAction,
  type TimelineEntry,
  type WarningLetter,
} from '../../domain';
import type { CaseFacts } from './observe';
import type { RunRecord } from './runner';

/**
 * The invariants every script must keep, checked on what the script did (RunRecord: accepted steps,
 * activity calls) and what the server holds afterwards (CaseFacts). Each returns the violations it
 * found, in words a reader can act on.
 */
export interface Violation {
  invariant: InvariantName;
  message: string;
}

export type InvariantName =
  | 'no-failed-case'
  | 'deadlines-closed'
  | 'ladder-in-order'
  | 'no-lost-update'
  | 'idempotent-retry'
  | 'unique-request-ids'
  | 'cancelled-takedowns-withdrawn'
  | 'history-budget';

export const HISTORY_EVENT_LIMIT = 10_000;
export const CARRIED_STATE_LIMIT = 256 * 1024;
const SLACK_MS = 60_000;

export function checkInvariants(record: RunRecord, cases: CaseFacts[], policy: CasePolicy): Violation[] {
  return [
    ...noFailedCase(record, cases),
    ...deadlinesClosed(cases),
    ...ladderInOrder(record, policy),
    ...noLostUpdate(record, cases),
    ...record.retryMismatches.map((message) => ({ invariant: 'idempotent-retry' as const, message })),
    ...uniqueRequestIds(record),
    ...cancelledTakedownsWithdrawn(record, cases),
    ...historyBudget(cases),
  ];
}

/** No case ends FAILED or times out; no child workflow fails or is cut off by its parent. */
function noFailedCase(record: RunRecord, cases: CaseFacts[]): Violation[] {
  const violations: Violation[] = [
    ...record.errors.map((error) => ({
      invariant: 'no-failed-case' as const,
      message: `the script stopped: ${error}`,
    })),
    ...record.stuck.map((line) => ({
      invariant: 'no-failed-case' as const,
      message: `stuck: ${line}`,
    })),
    ...record.notClosed.map((caseId) => ({
      invariant: 'no-failed-case' as const,
      message: `${caseId} did not end after the finale (still running or stuck)`,
    })),
  ];
  for (const facts of cases) {
    if (facts.status !== 'COMPLETED' && !record.notClosed.includes(facts.workflowId)) {
      violations.push({ invariant: 'no-failed-case', message: `${facts.workflowId} ended ${facts.status}` });
    }
    for (const child of facts.children) {
      if (child.status !== 'COMPLETED' && child.status !== 'CANCELLED') {
        violations.push({
          invariant: 'no-failed-case',
          message: `child ${child.workflowId} ended ${child.status}`,
        });
      }
    }
  }
  return violations;
}

/** Every deadline of a finished case is closed, in the case and in each completed child's own copy. */
function deadlinesClosed(cases: CaseFacts[]): Violation[] {
  const violations: Violation[] = [];
  for (const facts of cases) {
    if (facts.status !== 'COMPLETED' || !facts.state) continue;
    for (const deadline of facts.state.deadlines.filter((candidate) => !candidate.closedAt)) {
      violations.push({
        invariant: 'deadlines-closed',
        message: `${facts.workflowId}: deadline ${deadline.id} (due ${deadline.dueAt}) is still open`,
      });
    }
    for (const child of facts.children) {
      if (child.status !== 'COMPLETED') continue;
      for (const deadline of (child.deadlines ?? []).filter((candidate) => !candidate.closedAt)) {
        violations.push({
          invariant: 'deadlines-closed',
          message: `child ${child.workflowId}: deadline ${deadline.id} is still open`,
        });
      }
    }
  }
  return violations;
}

const ticketOf = (request: TakedownRequest) =>
  `${request.platform}-ticket-${createHash('sha256').update(request.requestId).digest('hex').slice(0, 8)}`;

/**
 * Per takedown ticket: warning letters come ST1, ST2, ST3, each once; ST1 no earlier than the
 * compliance deadline plus the ladder's ST1 wait, each next step at least its ladder interval after
 * the previous one; a blocklist recommendation only after ST3 for that URL. Times are the server
 * times the activities were first scheduled at.
 */
function ladderInOrder(record: RunRecord, policy: CasePolicy): Violation[] {
  const violations: Violation[] = [];
  const firstCalls = <T>(name: 'requestTakedown' | 'sendWarningLetter' | 'recommendBlocklist') => {
    const seen = new Map<string, { input: T; atMs: number }>();
    for (const call of record.world.callsOf(name)) {
      const input = call.input as T & { requestId: string };
      if (!seen.has(input.requestId)) seen.set(input.requestId, { input, atMs: call.scheduledAtMs });
    }
    return [...seen.values()];
  };
  const requests = new Map(
    firstCalls<TakedownRequest>('requestTakedown').map((call) => [ticketOf(call.input), call.input]),
  );
  const letters = firstCalls<WarningLetter>('sendWarningLetter').sort((a, b) => a.atMs - b.atMs);
  const byTicket = new Map<string, typeof letters>();
  for (const letter of letters)
    byTicket.set(letter.input.ticketId, [...(byTicket.get(letter.input.ticketId) ?? []), letter]);
  const ladder = policy.escalationLadder;
  for (const [ticketId, sent] of byTicket) {
    const levels = sent.map((letter) => letter.input.level);
    if (levels.join(',') !== ['ST1', 'ST2', 'ST3'].slice(0, levels.length).join(',')) {
      violations.push({
        invariant: 'ladder-in-order',
        message: `ticket ${ticketId}: letters went out as ${levels.join(', ')}`,
      });
      continue;
    }
    const request = requests.get(ticketId);
    if (request) {
      const earliest = Date.parse(request.deadline) + durationMs(ladder.ST1);
      if (sent[0]!.atMs < earliest - SLACK_MS) {
        violations.push({
          invariant: 'ladder-in-order',
          message: `ticket ${ticketId}: ST1 at ${new Date(sent[0]!.atMs).toISOString()}, before the compliance deadline ${request.deadline} (+${ladder.ST1})`,
        });
      }
    }
    for (let index = 1; index < sent.length; index += 1) {
      const level = sent[index]!.input.level;
      const gap = sent[index]!.atMs - sent[index - 1]!.atMs;
      if (gap < durationMs(ladder[level]) - SLACK_MS) {
        violations.push({
          invariant: 'ladder-in-order',
          message: `ticket ${ticketId}: ${level} ${Math.round(gap / 1000)} s after ${sent[index - 1]!.input.level}; the policy wants at least ${ladder[level]}`,
        });
      }
    }
  }
  for (const recommendation of firstCalls<{ caseId: string; url: string }>('recommendBlocklist')) {
    const st3 = letters.find(
      (letter) =>
        letter.input.level === 'ST3' &&
        letter.input.url === recommendation.input.url &&
        letter.input.caseId === recommendation.input.caseId,
    );
    if (!st3 || st3.atMs > recommendation.atMs) {
      violations.push({
        invariant: 'ladder-in-order',
        message: `blocklist recommendation for ${recommendation.input.url} without an ST3 before it`,
      });
    }
  }
  return violations;
}

const TIMELINE_ACTION_OF: Record<CaseUpdateName, TimelineAction> = {
  assignVerifier: 'assigned',
  submitVerdict: 'verdict_submitted',
  draftStatement: 'statement_drafted',
  approveStatement: 'statement_approved',
  rejectStatement: 'statement_rejected',
  acknowledgePolice: 'police_acknowledged',
  recordPoliceReport: 'police_report_recorded',
  recordPoliceFollowUp: 'police_follow_up',
  resolveObjection: 'objection_resolved',
  requestWithdrawal: 'withdrawal_requested',
  approveWithdrawal: 'withdrawal_approved',
  closeMonitoring: 'note',
  reuseClarification: 'clarification_reused',
};

/**
 * Every accepted officer step shows in the final state: its timeline entry (by the same officer), and
 * for the steps that decide something, the decision itself: the verdict is the one accepted (two
 * accepted verdicts means one was silently overwritten), an approved withdrawal withdrew the case, a
 * recorded police report number is in the outcome, an accepted closeMonitoring closed the case by
 * that supervisor, across continue-as-new.
 */
function noLostUpdate(record: RunRecord, cases: CaseFacts[]): Violation[] {
  const violations: Violation[] = [];
  const lost = (message: string) => violations.push({ invariant: 'no-lost-update', message });
  for (const facts of cases) {
    const accepted = record.accepted.filter((update) => update.caseId === facts.workflowId);
    const state = facts.state;
    const outcome = facts.outcome;
    if (!state || accepted.length === 0) continue;
    const timeline = fullTimeline(record, facts.workflowId, state.timeline);
    if ((timeline[0]?.seq ?? 1) === 1) {
      const wanted = new Map<string, number>();
      for (const update of accepted) {
        const key = `${TIMELINE_ACTION_OF[update.name]} by ${update.actor.officerId}`;
        wanted.set(key, (wanted.get(key) ?? 0) + 1);
      }
      for (const [key, count] of wanted) {
        // The whole timeline, archived pages included: a note storm can archive the step's entry.
        const found = timeline.filter(
          (entry) => `${entry.action} by ${entry.actor?.officerId}` === key,
        ).length;
        if (found < count)
          lost(
            `${facts.workflowId}: ${count} accepted step(s) "${key}" but ${found} timeline entr${found === 1 ? 'y' : 'ies'}`,
          );
      }
    }
    const verdicts = accepted.filter((update) => update.name === 'submitVerdict');
    for (const update of verdicts) {
      const sent = update.payload.verdict as { kind: string; reasons: string[] };
      if (
        state.verdict &&
        (state.verdict.verdict.kind !== sent.kind ||
          state.verdict.verdict.reasons.join('|') !== sent.reasons.join('|'))
      ) {
        lost(
          `${facts.workflowId}: submitVerdict ${update.updateId} (${sent.kind}) was accepted, but the case's verdict is ${state.verdict.verdict.kind} by ${state.verdict.by.officerId}`,
        );
      }
    }
    if (!outcome) continue;
    if (
      accepted.some((update) => update.name === 'approveWithdrawal') &&
      outcome.resolution !== 'withdrawn'
    ) {
      lost(
        `${facts.workflowId}: a withdrawal approval was accepted, but the case ended ${outcome.resolution}`,
      );
    }
    for (const update of accepted.filter((candidate) => candidate.name === 'recordPoliceReport')) {
      if (outcome.resolution !== 'withdrawn' && outcome.policeReportNumber !== update.payload.reportNumber) {
        lost(
          `${facts.workflowId}: police report ${String(update.payload.reportNumber)} was accepted, but the outcome has ${outcome.policeReportNumber ?? 'none'}`,
        );
      }
    }
    const close = accepted.find((update) => update.name === 'closeMonitoring');
    if (
      close &&
      outcome.resolution !== 'withdrawn' &&
      outcome.closedBy?.officerId !== close.actor.officerId
    ) {
      lost(
        `${facts.workflowId}: closeMonitoring by ${close.actor.officerId} was accepted at ${new Date(close.atMs).toISOString()}, but the case closed at ${outcome.closedAt} by ${outcome.closedBy?.officerId ?? 'nobody (the monitoring period ran out)'}`,
      );
    }
  }
  return violations;
}

/** The case's whole timeline: entries archived to S3 (storeCaseText, kind timeline) and those still in the state. */
function fullTimeline(record: RunRecord, caseId: string, kept: TimelineEntry[]): TimelineEntry[] {
  const bySeq = new Map<number, TimelineEntry>();
  for (const call of record.world.callsOf('storeCaseText')) {
    const input = call.input as { caseId?: string; kind?: string; text?: string };
    if (input.caseId !== caseId || input.kind !== 'timeline' || !input.text) continue;
    for (const entry of (JSON.parse(input.text) as { entries?: TimelineEntry[] }).entries ?? [])
      bySeq.set(entry.seq, entry);
  }
  for (const entry of kept) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const OUTWARD = [
  'requestTakedown',
  'sendWarningLetter',
  'recommendBlocklist',
  'notify',
  'deliverPolicePackage',
  'publishStatement',
  'captureSnapshot',
] as const;

/** A request id names one request: every call that carries it carries the same request. */
function uniqueRequestIds(record: RunRecord): Violation[] {
  const violations: Violation[] = [];
  const seen = new Map<string, string>();
  for (const name of OUTWARD) {
    for (const call of record.world.callsOf(name)) {
      const input = call.input as { requestId?: string };
      if (!input.requestId) continue;
      const encoded = JSON.stringify(input, Object.keys(input).sort());
      const key = `${name} ${input.requestId}`;
      const previous = seen.get(key);
      if (previous === undefined) seen.set(key, encoded);
      else if (previous !== encoded) {
        violations.push({
          invariant: 'unique-request-ids',
          message: `${name} request id ${input.requestId} was used for two different requests:\n  ${previous.slice(0, 300)}\n  ${encoded.slice(0, 300)}`,
        });
        seen.set(key, encoded);
      }
    }
  }
  return violations;
}

/**
 * A takedown child cancelled after its platform gave a ticket (a withdrawal, a case closed early) has
 * told the platform, once: a withdrawTakedown call for that ticket with the child's request id.
 */
function cancelledTakedownsWithdrawn(record: RunRecord, cases: CaseFacts[]): Violation[] {
  const violations: Violation[] = [];
  const told = new Set(
    record.world
      .callsOf('withdrawTakedown')
      .map((call) => (call.input as { requestId: string; ticketId: string }).requestId),
  );
  for (const facts of cases) {
    for (const child of facts.children.filter((candidate) => candidate.status === 'CANCELLED')) {
      const track = facts.state?.tracks.takedowns.find(
        (candidate) => candidate.childWorkflowId === child.workflowId,
      );
      if (!track?.ticketId) continue;
      if (!told.has(`${child.workflowId}:withdrawal`))
        violations.push({
          invariant: 'cancelled-takedowns-withdrawn',
          message: `takedown ${child.workflowId} was cancelled but ${track.platform} was never told (ticket ${track.ticketId})`,
        });
    }
  }
  return violations;
}

/** Every run (case and children) stays under 10,000 history events; carried and final state under 256 KB. */
function historyBudget(cases: CaseFacts[]): Violation[] {
  const violations: Violation[] = [];
  const budget = (message: string) => violations.push({ invariant: 'history-budget', message });
  for (const facts of cases) {
    for (const run of [...facts.runs, ...facts.children.flatMap((child) => child.runs)]) {
      if (run.events >= HISTORY_EVENT_LIMIT)
        budget(`${run.workflowId} run ${run.runId}: ${run.events} history events`);
      if (run.carriedBytes >= CARRIED_STATE_LIMIT)
        budget(`${run.workflowId} run ${run.runId}: carried state of ${run.carriedBytes} bytes`);
    }
    if (facts.stateBytes >= CARRIED_STATE_LIMIT)
      budget(`${facts.workflowId}: final state of ${facts.stateBytes} bytes`);
  }
  return violations;
}
