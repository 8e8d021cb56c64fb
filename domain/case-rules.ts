import type { CaseStage, CaseState, StatementKind } from './case-state';
import type { CaseUpdateCommand, CaseUpdateName, CommandViolation } from './case-commands';
import type { Role } from './roles';

/**
 * Who may do what, and when: pure rules over the case state, used by the workflow's update validators
 * (authoritative) and available to the API for early feedback. Checked in this order: role, stage,
 * then four-eyes / assignment / conflicts.
 */
export const UPDATE_ROLES: Record<CaseUpdateName, readonly Role[]> = {
  assignVerifier: ['supervisor', 'verifier'],
  submitVerdict: ['verifier', 'supervisor'],
  draftStatement: ['verifier', 'public_relations', 'supervisor'],
  approveStatement: ['supervisor'],
  rejectStatement: ['supervisor'],
  acknowledgePolice: ['police_liaison'],
  recordPoliceReport: ['police_liaison'],
  recordPoliceFollowUp: ['police_liaison', 'supervisor'],
  resolveObjection: ['supervisor'],
  requestWithdrawal: ['supervisor'],
  approveWithdrawal: ['supervisor'],
  closeMonitoring: ['supervisor'],
  reuseClarification: ['verifier', 'supervisor'],
};

/** Roles that may draft each kind of statement (response drafting belongs to public relations). */
export const DRAFT_ROLES: Record<StatementKind, readonly Role[]> = {
  clarification: ['verifier', 'public_relations', 'supervisor'],
  response: ['public_relations', 'supervisor'],
};

/** Roles that may add a note (signal): every case role except the read-only auditor and admin. */
export const NOTE_ROLES: readonly Role[] = ['verifier', 'supervisor', 'police_liaison', 'public_relations'];

const OPEN_STAGES: readonly CaseStage[] = ['verification', 'action', 'monitoring'];

const violation = (code: CommandViolation['code'], message: string): CommandViolation => ({ code, message });

function wrongStage(state: CaseState, what: string): CommandViolation {
  return violation('WRONG_STAGE', `${what} (case ${state.caseId} is in stage ${state.stage})`);
}

/** Reusing a linked case's clarification is a verdict: the same stage, assignment and conflict rules. */
function checkReuse(
  { actor, fromCaseId }: CaseUpdateCommand<'reuseClarification'>,
  state: CaseState,
): CommandViolation | undefined {
  if (state.stage !== 'verification')
    return wrongStage(state, 'a clarification is reused during verification, instead of a verdict');
  if (state.verdict)
    return violation(
      'CONFLICT',
      `a verdict was already submitted by ${state.verdict.by.officerId} at ${state.verdict.at}; read the case again`,
    );
  if (actor.role === 'verifier' && state.assignee !== actor.officerId)
    return violation(
      'NOT_ASSIGNEE',
      `only the assigned verifier (${state.assignee ?? 'nobody yet'}) or a supervisor may reuse a clarification`,
    );
  if (!state.claimLink?.clarification)
    return wrongStage(state, 'this case is not linked to a case with a published clarification');
  if (state.claimLink.caseId !== fromCaseId)
    return violation(
      'CONFLICT',
      `this case is linked to ${state.claimLink.caseId}, not ${fromCaseId}: read the case again`,
    );
  return undefined;
}

export function checkCommand<K extends CaseUpdateName>(
  name: K,
  command: CaseUpdateCommand<K>,
  state: CaseState,
): CommandViolation | undefined {
  const { actor } = command;
  if (!UPDATE_ROLES[name].includes(actor.role)) {
    return violation(
      'FORBIDDEN_ROLE',
      `${name} needs one of the roles ${UPDATE_ROLES[name].join(', ')}; ${actor.officerId} is ${actor.role}`,
    );
  }
  switch (name) {
    case 'assignVerifier': {
      const { assignee } = command as CaseUpdateCommand<'assignVerifier'>;
      if (state.stage !== 'verification')
        return wrongStage(state, 'a verifier is assigned during verification');
      if (actor.role === 'verifier' && assignee !== actor.officerId) {
        return violation('FORBIDDEN_ROLE', 'a verifier may only assign the case to themselves (claim it)');
      }
      if (actor.role === 'verifier' && state.assignee && state.assignee !== actor.officerId) {
        return violation(
          'CONFLICT',
          `the case is already assigned to ${state.assignee}; a supervisor can reassign it`,
        );
      }
      return undefined;
    }
    case 'submitVerdict': {
      if (state.stage !== 'verification')
        return wrongStage(state, 'a verdict is submitted during verification');
      if (state.verdict) {
        return violation(
          'CONFLICT',
          `a verdict was already submitted by ${state.verdict.by.officerId} at ${state.verdict.at}; read the case again`,
        );
      }
      if (actor.role === 'verifier' && state.assignee !== actor.officerId) {
        return violation(
          'NOT_ASSIGNEE',
          `only the assigned verifier (${state.assignee ?? 'nobody yet'}) or a supervisor may submit the verdict`,
        );
      }
      return undefined;
    }
    case 'draftStatement': {
      const { kind } = command as CaseUpdateCommand<'draftStatement'>;
      if (!DRAFT_ROLES[kind].includes(actor.role)) {
        return violation(
          'FORBIDDEN_ROLE',
          `a ${kind} is drafted by ${DRAFT_ROLES[kind].join(', ')}; ${actor.officerId} is ${actor.role}`,
        );
      }
      const track = state.tracks[kind];
      if (state.stage !== 'action' || !track) return wrongStage(state, `this case has no ${kind} to draft`);
      if (track.status !== 'drafting' && track.status !== 'awaiting_approval') {
        return wrongStage(state, `the ${kind} is ${track.status}, no longer open for drafting`);
      }
      return undefined;
    }
    case 'approveStatement':
    case 'rejectStatement': {
      const { kind, revision } = command as CaseUpdateCommand<'approveStatement'>;
      const track = state.tracks[kind];
      if (state.stage !== 'action' || !track || track.status !== 'awaiting_approval' || !track.draft) {
        return wrongStage(state, `there is no ${kind} draft awaiting approval`);
      }
      if (track.draft.revision !== revision) {
        return violation(
          'CONFLICT',
          `the ${kind} draft is at revision ${track.draft.revision}, not ${revision}: read it again`,
        );
      }
      if (name === 'approveStatement' && track.draft.by.officerId === actor.officerId) {
        return violation(
          'SELF_APPROVAL',
          `four-eyes: ${actor.officerId} drafted this ${kind} and cannot approve it`,
        );
      }
      return undefined;
    }
    case 'acknowledgePolice': {
      if (state.stage !== 'action' || state.tracks.police?.status !== 'awaiting_acknowledgment') {
        return wrongStage(state, 'there is no police package awaiting acknowledgment');
      }
      return undefined;
    }
    case 'recordPoliceReport': {
      if (state.stage !== 'action' || state.tracks.police?.status !== 'awaiting_report') {
        return wrongStage(state, 'a police report number is recorded after the acknowledgment');
      }
      return undefined;
    }
    case 'recordPoliceFollowUp': {
      const police = state.tracks.police;
      if (
        !police ||
        !OPEN_STAGES.includes(state.stage) ||
        police.status === 'cancelled' ||
        police.status === 'failed'
      ) {
        return wrongStage(state, 'this case has no open police escalation');
      }
      return undefined;
    }
    case 'resolveObjection': {
      const { takedownKey } = command as CaseUpdateCommand<'resolveObjection'>;
      if (!OPEN_STAGES.includes(state.stage))
        return wrongStage(state, 'objections are decided while the case is open');
      const track = state.tracks.takedowns.find((candidate) => candidate.key === takedownKey);
      if (!track) return violation('CONFLICT', `no takedown ${takedownKey} in this case`);
      if (track.status !== 'objected')
        return wrongStage(state, `takedown ${takedownKey} is ${track.status}, not objected`);
      return undefined;
    }
    case 'requestWithdrawal': {
      if (!OPEN_STAGES.includes(state.stage)) return wrongStage(state, 'only an open case can be withdrawn');
      if (state.withdrawal)
        return violation(
          'CONFLICT',
          `a withdrawal was already requested by ${state.withdrawal.requestedBy.officerId}`,
        );
      return undefined;
    }
    case 'approveWithdrawal': {
      if (!OPEN_STAGES.includes(state.stage) || !state.withdrawal || state.withdrawal.approvedBy) {
        return wrongStage(state, 'there is no withdrawal awaiting approval');
      }
      if (state.withdrawal.requestedBy.officerId === actor.officerId) {
        return violation(
          'SELF_APPROVAL',
          `four-eyes: ${actor.officerId} requested the withdrawal and cannot approve it`,
        );
      }
      return undefined;
    }
    case 'reuseClarification':
      return checkReuse(command as CaseUpdateCommand<'reuseClarification'>, state);
    case 'closeMonitoring': {
      if (state.stage !== 'monitoring')
        return wrongStage(state, 'monitoring can only be ended during monitoring');
      // A second close would silently take the first one's name on the closed case (soak seed 2746).
      if (state.closeRequested)
        return violation(
          'CONFLICT',
          `monitoring is already ending: ${state.closeRequested.officerId} closed it early; read the case again`,
        );
      return undefined;
    }
    default:
      return undefined;
  }
}
