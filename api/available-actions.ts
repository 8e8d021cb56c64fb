import { z } from 'zod';
import {
  CASE_UPDATE_NAMES,
  NOTE_ROLES,
  StatementKind,
  STATEMENT_KINDS,
  checkCommand,
  type Actor,
  type CaseState,
  type CaseUpdateCommand,
  type CaseUpdateName,
} from '../domain';
import { CASE_OFFICER_ROLES } from './access';

/** A step the officer may take now, with what the form needs to know (which draft revision, which takedown...). */
export const AvailableAction = z
  .object({
    name: z.enum([...CASE_UPDATE_NAMES, 'addNote']),
    kind: StatementKind.optional(),
    revision: z.number().int().optional(),
    takedownKey: z.string().optional(),
    /** assignVerifier: a verifier can only claim, a supervisor can assign anyone. */
    mode: z.enum(['claim', 'assign']).optional(),
  })
  .meta({ id: 'AvailableAction' });
export type AvailableAction = z.infer<typeof AvailableAction>;

const PROBE_REASON = 'probe';

/**
 * The steps the officer may take in the case's current state, found by asking the workflow's own
 * rules (checkCommand) with a stand-in payload for each step. So the console offers exactly what the
 * workflow would accept, apart from the content of the form itself, and the rules live in one place.
 */
export function availableActions(state: CaseState, actor: Actor): AvailableAction[] {
  if (!(CASE_OFFICER_ROLES as readonly string[]).includes(actor.role)) return [];
  const found: AvailableAction[] = [];
  const offer = <K extends CaseUpdateName>(
    name: K,
    probe: Omit<CaseUpdateCommand<K>, 'actor'>,
    extra: Omit<AvailableAction, 'name'> = {},
  ) => {
    const command = { ...probe, actor } as CaseUpdateCommand<K>;
    if (!checkCommand(name, command, state)) found.push({ name, ...extra });
  };

  // Claiming a case you already hold changes nothing: not offered.
  if (!(actor.role === 'verifier' && state.assignee === actor.officerId)) {
    offer(
      'assignVerifier',
      { assignee: actor.officerId },
      { mode: actor.role === 'verifier' ? 'claim' : 'assign' },
    );
  }
  offer('submitVerdict', { verdict: { kind: 'no_violation', reasons: [PROBE_REASON] } });
  if (state.claimLink) offer('reuseClarification', { fromCaseId: state.claimLink.caseId });
  for (const kind of STATEMENT_KINDS) {
    offer(
      'draftStatement',
      { kind, title: PROBE_REASON, body: PROBE_REASON, pillar: 'digital_culture', channels: ['website'] },
      { kind },
    );
    const revision = state.tracks[kind]?.draft?.revision;
    if (revision !== undefined) {
      offer('approveStatement', { kind, revision }, { kind, revision });
      offer('rejectStatement', { kind, revision, reason: PROBE_REASON }, { kind, revision });
    }
  }
  offer('acknowledgePolice', {});
  offer('recordPoliceReport', { reportNumber: 'LP/PROBE' });
  offer('recordPoliceFollowUp', { note: PROBE_REASON });
  for (const track of state.tracks.takedowns) {
    offer(
      'resolveObjection',
      { takedownKey: track.key, decision: 'reject', reason: PROBE_REASON },
      { takedownKey: track.key },
    );
  }
  offer('requestWithdrawal', { reason: PROBE_REASON });
  offer('approveWithdrawal', {});
  offer('closeMonitoring', { reason: PROBE_REASON });

  const open = state.stage !== 'closed' && state.stage !== 'withdrawn';
  if (open && NOTE_ROLES.includes(actor.role)) found.push({ name: 'addNote' });
  return found;
}
